package render

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// addressSite is searchSite with a standalone page and a dashboard split per OPD, so it
// has a page of every kind.
func addressSite(t *testing.T) *Renderer {
	t.Helper()
	site := searchSite()
	site.Pages = []*standard.Page{{Slug: "tentang", Title: "Tentang"}}
	site.Config.Home.FullListLimit = 1
	r, err := New(site, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	d := rules.Assess(site, rules.Config{}, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), nil)
	r.SetDashboard(func() *rules.Dashboard { return &d })
	return r
}

// TestAddressesUnderBasePath checks that each kind of page is written at its address's
// file and linked at its path under the base URL's path ("/kota/").
func TestAddressesUnderBasePath(t *testing.T) {
	r := addressSite(t)
	outs := map[string]string{} // path -> kind
	for _, o := range r.Outputs() {
		outs[o.Path] = o.Kind
	}
	ktp := r.site.OPDs[0].Services[0]
	for _, tt := range []struct {
		kind string
		a    standard.Address
		url  string
	}{
		{"home", standard.HomeAddress(), "/kota/"},
		{"opd", ktp.OPD.Addr(), "/kota/dukcapil/"},
		{"service", ktp.Addr(), "/kota/dukcapil/ktp-el/"},
		{"poster", ktp.PosterAddr(), "/kota/dukcapil/ktp-el/cetak/"},
		{"kategori", standard.CategoryAddress("administrasi-kependudukan"), "/kota/kategori/administrasi-kependudukan/"},
		{"kategori", standard.CategoryAddress(UncategorisedSlug), "/kota/kategori/tanpa_kategori/"},
		{"page", r.site.Pages[0].Addr(), "/kota/tentang/"},
		{"kepatuhan", standard.DashboardAddress(), "/kota/kepatuhan/"},
		{"kepatuhan", standard.DashboardOPDAddress("dukcapil"), "/kota/kepatuhan/dukcapil/"},
		{"404", standard.NotFoundAddress(), "/kota/404.html"},
		{"", standard.SitemapAddress(), "/kota/sitemap.xml"},
		{"", standard.RobotsAddress(), "/kota/robots.txt"},
		{"", standard.AssetAddress(strings.TrimPrefix(r.CSSPath(), standard.AssetsFolder+"/")), "/kota/" + r.CSSPath()},
	} {
		t.Run(tt.a.File, func(t *testing.T) {
			kind, ok := outs[tt.a.File]
			if !ok {
				t.Fatalf("no output %s", tt.a.File)
			}
			if kind != tt.kind {
				t.Errorf("%s is a %q page, want %q", tt.a.File, kind, tt.kind)
			}
			if got := r.URL(tt.a.Path); got != tt.url {
				t.Errorf("URL(%q) = %q, want %q", tt.a.Path, got, tt.url)
			}
		})
	}
}

// TestReservedNamesAreTheGeneratedFolders checks that the top-level folders of the
// pages and files Papan makes, besides the OPDs' and the standalone pages', are exactly
// standard.GeneratedFolders, and that each is reserved: a new kind of page in a new
// folder fails here until an OPD or page can no longer take its name.
func TestReservedNamesAreTheGeneratedFolders(t *testing.T) {
	r := addressSite(t)
	own := map[string]bool{}
	for _, o := range r.site.OPDs {
		own[o.Slug] = true
	}
	for _, p := range r.site.Pages {
		own[p.Slug] = true
	}
	folders := map[string]bool{}
	for _, o := range r.Outputs() {
		if top, _, ok := strings.Cut(o.Path, "/"); ok && !own[top] {
			folders[top] = true
		}
	}
	got := slices.Sorted(maps.Keys(folders))
	want := slices.Sorted(slices.Values(standard.GeneratedFolders()))
	if !slices.Equal(got, want) {
		t.Errorf("top-level folders of generated pages = %q, standard.GeneratedFolders() = %q", got, want)
	}
	reserved := standard.ReservedNames()
	for _, f := range got {
		if !slices.Contains(reserved, f) {
			t.Errorf("folder %s/ is not in standard.ReservedNames()", f)
		}
	}
}
