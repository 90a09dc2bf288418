package standard

import (
	"slices"
	"testing"
)

func TestAddresses(t *testing.T) {
	dk := &OPD{Slug: "dukcapil"}
	ktp := &Service{OPD: dk, Slug: "ktp-el"}
	about := &Page{Slug: "tentang"}
	for _, tt := range []struct {
		name       string
		got        Address
		file, path string
	}{
		{"the home page is the root index", HomeAddress(), "index.html", "/"},
		{"an OPD is a folder of its slug", dk.Addr(), "dukcapil/index.html", "/dukcapil/"},
		{"a service is a folder in its OPD's", ktp.Addr(), "dukcapil/ktp-el/index.html", "/dukcapil/ktp-el/"},
		{"a poster is cetak in its service's folder", ktp.PosterAddr(), "dukcapil/ktp-el/cetak/index.html", "/dukcapil/ktp-el/cetak/"},
		{"a category is under kategori", CategoryAddress("perizinan"), "kategori/perizinan/index.html", "/kategori/perizinan/"},
		{"a standalone page is a folder of its slug", about.Addr(), "tentang/index.html", "/tentang/"},
		{"the dashboard is kepatuhan", DashboardAddress(), "kepatuhan/index.html", "/kepatuhan/"},
		{"an OPD's dashboard page is under kepatuhan", DashboardOPDAddress("dukcapil"), "kepatuhan/dukcapil/index.html", "/kepatuhan/dukcapil/"},
		{"the not-found page is a file", NotFoundAddress(), "404.html", "/404.html"},
		{"the sitemap is a file", SitemapAddress(), "sitemap.xml", "/sitemap.xml"},
		{"robots.txt is a file", RobotsAddress(), "robots.txt", "/robots.txt"},
		{"a service's open data is next to its page", ktp.DataAddr(), "dukcapil/ktp-el/layanan.json", "/dukcapil/ktp-el/layanan.json"},
		{"the site's open data is under data", DataAddress("layanan.csv"), "data/layanan.csv", "/data/layanan.csv"},
		{"the change feed is a file", FeedAddress(), "perubahan.xml", "/perubahan.xml"},
		{"an asset is under assets", AssetAddress("papan.1a2b3c4d.css"), "assets/papan.1a2b3c4d.css", "/assets/papan.1a2b3c4d.css"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := tt.got, (Address{File: tt.file, Path: tt.path}); got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestReservedNames(t *testing.T) {
	got := ReservedNames()
	if want := []string{"assets", "kepatuhan", "kategori", "data", "cari", "halaman", "404"}; !slices.Equal(got, want) {
		t.Errorf("ReservedNames() = %q, want %q", got, want)
	}
	for _, name := range got {
		if !ValidSlug(name) {
			t.Errorf("%q cannot be a slug, so reserving it protects nothing", name)
		}
	}
	got[0] = "changed"
	if ReservedNames()[0] != AssetsFolder {
		t.Error("ReservedNames returns the package's own slice")
	}
}
