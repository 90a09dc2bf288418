package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/papan-id/papan/internal/gendemo"
)

// narrowWidth is the narrowest phone the site is held to, in CSS pixels.
const narrowWidth = 360

// checkNarrow opens the page at p on a 360 px wide screen and reports it when the page
// is wider than the screen, so that a citizen would have to pan sideways.
func checkNarrow(t *testing.T, ctx context.Context, url, what string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(narrowWidth, 640), chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if w > narrowWidth {
		t.Errorf("%s is %d px wide at %d px: the page scrolls sideways", what, w, narrowWidth)
	}
}

// TestDashboardFitsAPhone: the compliance dashboard of the example site, on one page and
// split per OPD, is no wider than a 360 px screen, and passes axe there.
func TestDashboardFitsAPhone(t *testing.T) {
	axe := axeSource(t)
	tab := browser(t)
	for _, tt := range []struct {
		name  string
		extra string
		pages []string
	}{
		{"on one page", "", []string{"kepatuhan/"}},
		{"split per OPD", "\n[beranda]\nbatas_daftar_lengkap = 1\n", []string{"kepatuhan/", "kepatuhan/dukcapil/", "kepatuhan/kelurahan-sukamaju/"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := buildAndServe(t, appendTo{exampleSite(t), "site.toml", tt.extra})
			for _, p := range tt.pages {
				ctx := timeout(t, tab)
				checkNarrow(t, ctx, s.URL+p, "/"+p)
				checkAxe(t, ctx, axe, "/"+p+" at 360 px")
			}
		})
	}
}

// TestPagedListsPassAxe: the numbered pages of long lists (an OPD's services, a
// category's, an OPD's page of a split dashboard) pass axe and fit 360 px, on a
// synthetic site of one OPD with 250 services, past the home page's limit.
func TestPagedListsPassAxe(t *testing.T) {
	axe := axeSource(t)
	tab := browser(t)
	dir := t.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 250, OPDs: 1, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	s := buildAndServe(t, appendTo{os.DirFS(dir), "site.toml", "\n[beranda]\nbatas_daftar_lengkap = 100\n"})
	var want []string
	for _, pattern := range []string{"*/2/index.html", "*/3/index.html", "kategori/*/2/index.html", "kepatuhan/*/2/index.html", "kepatuhan/index.html"} {
		m, err := filepath.Glob(filepath.Join(s.Dir, pattern))
		if err != nil || len(m) == 0 {
			t.Fatalf("no page %s in the synthetic site (%v)", pattern, err)
		}
		rel, _ := filepath.Rel(s.Dir, m[0])
		want = append(want, strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
	}
	for _, p := range want {
		ctx := timeout(t, tab)
		checkNarrow(t, ctx, s.URL+p, "/"+p)
		checkAxe(t, ctx, axe, "/"+p)
		links, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('link[rel=prev], link[rel=next]').length`))
		if err != nil {
			t.Fatal(err)
		}
		if p != "kepatuhan/" && links == 0 {
			t.Errorf("/%s has no rel=prev or rel=next", p)
		}
	}
}
