package render

import (
	"crypto/sha512"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

// TestSiteHeader: every page says whose official site it is, shows the region's emblem
// when site.toml names one (and uses it as the icon), and carries the top navigation
// from the pages with a menu name and the dashboard.
func TestSiteHeader(t *testing.T) {
	for _, tt := range []struct {
		name      string
		emblem    string
		dashboard bool
		want      []string
		notWant   []string
	}{
		{"an emblem, a menu page and the dashboard", "img/lambang.svg", true, []string{
			`<p class="official"><img src="/kota/img/lambang.svg" alt="" width="20" height="24">Situs resmi Pemerintah Kota Contoh</p>`,
			`<link rel="icon" href="/kota/img/lambang.svg">`,
			`<nav class="menu" aria-label="Menu utama"><ul><li><a href="/kota/tentang/">Tentang</a></li><li><a href="/kota/kepatuhan/">Kepatuhan</a></li></ul></nav>`,
		}, []string{"favicon.svg"}},
		{"no emblem, no dashboard", "", false, []string{
			`<p class="official">Situs resmi Pemerintah Kota Contoh</p>`,
			`<link rel="icon" href="/kota/favicon.svg">`,
			`<nav class="menu" aria-label="Menu utama"><ul><li><a href="/kota/tentang/">Tentang</a></li></ul></nav>`,
		}, []string{"<img", "kepatuhan/"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := searchSite()
			site.Config.Region = "Kota Contoh"
			site.Config.Emblem = tt.emblem
			site.Config.Compliance.Dashboard = tt.dashboard
			site.Pages = []*standard.Page{
				{Slug: "tentang", Title: "Tentang Situs Ini", Menu: "Tentang"},
				{Slug: "bantuan", Title: "Bantuan"}, // no menu name: only in the footer
			}
			r, err := New(site, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{"index.html", "dukcapil/ktp-el/index.html", "404.html"} {
				page, err := renderPage(t, r, p)
				if err != nil {
					t.Fatal(err)
				}
				for _, w := range tt.want {
					if !strings.Contains(page, w) {
						t.Errorf("%s lacks %s", p, w)
					}
				}
				for _, w := range tt.notWant {
					if strings.Contains(page, w) {
						t.Errorf("%s has %s", p, w)
					}
				}
			}
		})
	}
}

// TestSubresourceIntegrity: the stylesheet and the search script carry the SHA-384 of
// the bytes published, so a browser refuses them if changed on the way.
func TestSubresourceIntegrity(t *testing.T) {
	r, err := New(searchSite(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	sri := func(b []byte) string {
		sum := sha512.Sum384(b)
		return "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
	}
	home, err := renderPage(t, r, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<link rel="stylesheet" href="/kota/` + r.CSSPath() + `" integrity="` + sri(r.css) + `">`,
		`<script src="/kota/` + r.SearchScriptPath() + `" integrity="` + sri(r.searchJS) + `" defer></script>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
}
