package browsertest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/standard"
)

// axeTags are the rule sets the site is held to: WCAG 2.0, 2.1 and 2.2, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeSource reads axe-core from node_modules at the repository root. It is installed
// by `npm ci` from package-lock.json (test.sh does this) and never committed.
func axeSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot, "node_modules/axe-core/axe.min.js"))
	if err != nil {
		skipOrFail(t, "axe-core is not installed (run `npm ci` at the repository root; test.sh does): %v", err)
	}
	return string(src)
}

type axeResult struct {
	Passes     int            `json:"passes"` // rules that passed: proof that axe ran
	Violations []axeViolation `json:"violations"`
}

type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	HelpURL string   `json:"helpUrl"`
	Targets []string `json:"targets"`
}

// TestAxe runs axe-core in Chromium on every page of the example site (so every page
// kind: home, OPD, category, service, poster, standalone page, 404, and the compliance
// dashboard when the build has one) and wants zero violations.
func TestAxe(t *testing.T) {
	axe := axeSource(t)
	tab := browser(t)
	src := exampleSite(t)
	s := buildAndServe(t, src)
	ps := pages(t, s.Dir)
	kindOf := pageKinds(t, src)
	kinds := map[string]int{}
	for _, p := range ps {
		kinds[kindOf(p)]++
	}
	for _, k := range []string{"home", "opd", "kategori", "service", "poster", "page", "404", "kepatuhan"} {
		if kinds[k] == 0 {
			t.Errorf("the example site has no %s page to check", k)
		}
	}
	for _, p := range ps {
		ctx := timeout(t, tab)
		if err := chromedp.Do(ctx, chromedp.Navigate(s.URL+strings.TrimPrefix(p, "/"))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		checkAxe(t, ctx, axe, p+" ("+kindOf(p)+" page)")
	}
	t.Logf("axe-core checked %d pages: %v", len(ps), kinds)
}

// TestAxeCompactHome checks the home page of a site with more services than
// [beranda] batas_daftar_lengkap, which links to OPD and category pages instead of
// listing every service: the example site with a limit of one service.
func TestAxeCompactHome(t *testing.T) {
	axe := axeSource(t)
	tab := browser(t)
	s := buildAndServe(t, appendTo{exampleSite(t), "site.toml", "\n[beranda]\nbatas_daftar_lengkap = 1\n"})
	ctx := timeout(t, tab)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL)); err != nil {
		t.Fatal(err)
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('a[href*="/kategori/"]').length`))
	if err != nil {
		t.Fatal(err)
	}
	if links == 0 {
		t.Fatal("the home page links to no category page: it is not the compact one")
	}
	checkAxe(t, ctx, axe, "compact home page")

	// Past the same limit the dashboard has a page per OPD; both kinds must pass too.
	for _, p := range []string{"kepatuhan/", "kepatuhan/kelurahan-sukamaju/"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(s.URL+p)); err != nil {
			t.Fatal(err)
		}
		checkAxe(t, ctx, axe, "split dashboard /"+p)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('main li').length`))
	if err != nil || n == 0 {
		t.Errorf("Kelurahan Sukamaju's dashboard page lists no findings (%d, %v)", n, err)
	}
}

// checkAxe runs axe-core on the page open in ctx and reports each violation as an
// error, naming the page by what.
func checkAxe(t *testing.T, ctx context.Context, axe, what string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatalf("%s: injecting axe-core: %v", what, err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](`axe.run(document, {runOnly: {type: "tag", values: `+jsArray(axeTags)+`}, resultTypes: ["violations"]})
		.then(r => ({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact || "",
			help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map(n => n.target.join(" "))}))}))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe.run: %v", what, err)
	}
	if res.Passes == 0 {
		t.Errorf("%s: axe-core passed no rule at all; did it run?", what)
	}
	for _, v := range res.Violations {
		t.Errorf("%s: %s [%s] %s\n\t%s\n\ton: %s", what, v.ID, v.Impact, v.Help, v.HelpURL, strings.Join(v.Targets, " | "))
	}
}

// appendTo is fsys with text added to the end of one file, to change a setting of a
// site without copying it.
type appendTo struct {
	fsys       fs.FS
	name, text string
}

func (a appendTo) Open(name string) (fs.File, error) {
	if name != a.name {
		return a.fsys.Open(name)
	}
	b, err := fs.ReadFile(a.fsys, name)
	if err != nil {
		return nil, err
	}
	return fstest.MapFS{name: {Data: append(b, a.text...)}}.Open(name)
}

func jsArray(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// pageKinds returns a function that names the kind of page at a site path, from the
// site's own OPDs, services and standalone pages.
func pageKinds(t *testing.T, src fs.FS) func(string) string {
	t.Helper()
	site := loadSite(t, src, "").Site
	kinds := map[string]string{standard.HomeAddress().Path: "home", standard.NotFoundAddress().Path: "404",
		standard.DashboardAddress().Path: "kepatuhan"}
	// The category pages' slugs are made by package render from every service's
	// category; this test names them by the folder they live in.
	const categories = "/" + standard.CategoryFolder + "/"
	for _, o := range site.OPDs {
		kinds[o.Addr().Path] = "opd"
		for _, s := range o.Services {
			kinds[s.Addr().Path] = "service"
			kinds[s.PosterAddr().Path] = "poster"
		}
	}
	for _, p := range site.Pages {
		kinds[p.Addr().Path] = "page"
	}
	// The numbered pages of long lists: an OPD's, and the dashboard's.
	for _, o := range site.OPDs {
		for n := 2; (n-1)*render.ListPageSize < len(o.Services); n++ {
			kinds[standard.OPDPageAddress(o.Slug, n).Path] = "opd"
		}
	}
	const dashboard = "/" + standard.DashboardFolder + "/"
	return func(p string) string {
		if k, ok := kinds[p]; ok {
			return k
		}
		if strings.HasPrefix(p, categories) && p != categories {
			return "kategori"
		}
		if strings.HasPrefix(p, dashboard) {
			return "kepatuhan"
		}
		return "other"
	}
}
