package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/papan-id/papan/internal/build"
	"github.com/papan-id/papan/internal/gendemo"
)

type searchState struct {
	Query  string   `json:"query"`
	Status string   `json:"status"`
	Hrefs  []string `json:"hrefs"`
	Live   string   `json:"live"`
	Hidden bool     `json:"hidden"`
}

// typeQuery opens the home page, types q into the search box as a user would and
// returns what the box shows once its results are for the whole of q.
func typeQuery(t *testing.T, tab context.Context, url, q string) searchState {
	t.Helper()
	ctx := timeout(t, tab)
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.ID("cari-q")),
		chromedp.SendKeys(chromedp.ID("cari-q"), q)); err != nil {
		t.Fatalf("typing %q: %v", q, err)
	}
	st, err := chromedp.Run(ctx, chromedp.Poll[searchState](`document.getElementById("cari").getAttribute("data-query") === `+strconv.Quote(q)+` && {
		query: document.getElementById("cari").getAttribute("data-query"),
		status: document.getElementById("cari-status").textContent,
		live: document.getElementById("cari-status").getAttribute("aria-live"),
		hidden: document.getElementById("cari").hidden,
		hrefs: Array.from(document.querySelectorAll("#cari-hasil a")).map(a => new URL(a.href).pathname)}`))
	if err != nil {
		t.Fatalf("results for %q: %v", q, err)
	}
	return st
}

// TestSearch types into the home page's search box in Chromium: an abbreviation finds its
// service first, a requirement name finds the services that need it, and the live region
// announces the count.
func TestSearch(t *testing.T) {
	tab := browser(t)
	src := exampleSite(t)
	site, _, err := build.Load(context.Background(), src, "")
	if err != nil {
		t.Fatal(err)
	}
	s := buildAndServe(t, src)
	hasKTP := false
	for _, o := range site.OPDs {
		for _, sv := range o.Services {
			hasKTP = hasKTP || o.Slug+"/"+sv.Slug == "dukcapil/ktp-el"
		}
	}
	if !hasKTP {
		t.Skip("the example site has no dukcapil/ktp-el service (test site in use)")
	}

	st := typeQuery(t, tab, s.URL, "ktp")
	if st.Hidden {
		t.Error("the search box is still hidden with JavaScript on")
	}
	if len(st.Hrefs) == 0 || st.Hrefs[0] != "/dukcapil/ktp-el/" {
		t.Errorf(`"ktp": results %v, want /dukcapil/ktp-el/ first`, st.Hrefs)
	}
	if st.Live != "polite" || !strings.HasSuffix(st.Status, "layanan ditemukan") || !strings.HasPrefix(st.Status, strconv.Itoa(len(st.Hrefs))+" ") {
		t.Errorf(`"ktp": live region %q (aria-live %q), want "%d layanan ditemukan"`, st.Status, st.Live, len(st.Hrefs))
	}
	t.Logf(`"ktp": %s: %v`, st.Status, st.Hrefs)

	// A requirement name finds every service that needs it.
	var need []string
	for _, o := range site.OPDs {
		for _, sv := range o.Services {
			for _, r := range sv.Requirements {
				if strings.Contains(strings.ToLower(r.Name), "surat pengantar rt") {
					need = append(need, sv.Addr().Path)
					break
				}
			}
		}
	}
	if len(need) == 0 {
		t.Fatal("no service of the example site needs a surat pengantar RT")
	}
	st = typeQuery(t, tab, s.URL, "surat pengantar rt")
	for _, p := range need {
		if !slices.Contains(st.Hrefs, p) {
			t.Errorf(`"surat pengantar rt": results %v lack %s, which needs it`, st.Hrefs, p)
		}
	}
	t.Logf(`"surat pengantar rt": %s: %v`, st.Status, st.Hrefs)

	for q, want := range map[string]string{"akta lahir": "/dukcapil/akta-kelahiran/", "KK": "/dukcapil/kartu-keluarga/", "pbg": "/dpmptsp/pbg/", "SKTM": "/dinsos/surat-keterangan-tidak-mampu/", "kartu identitas": "/dukcapil/kartu-identitas-anak/"} {
		st = typeQuery(t, tab, s.URL, q)
		if len(st.Hrefs) == 0 || st.Hrefs[0] != want {
			t.Errorf("%q: results %v, want %s first", q, st.Hrefs, want)
		}
	}
	st = typeQuery(t, tab, s.URL, "zzqx")
	if len(st.Hrefs) != 0 || st.Status == "" {
		t.Errorf(`"zzqx": results %v, status %q; want none, announced`, st.Hrefs, st.Status)
	}
}

// serveDir serves the folder dir, created empty, over HTTP.
func serveDir(t *testing.T, dir string) site {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return site{URL: srv.URL + "/", Dir: dir}
}

// TestSearchQueryTime10k measures queries on the index of a 10,000-service gen-demo site
// in Chromium and logs the time (docs/search.md); it asserts nothing about speed. It runs
// only with BENCH_SEARCH=1: generating and indexing the site takes about 12 s (45 s with
// -race), too long for every test run.
func TestSearchQueryTime10k(t *testing.T) {
	if os.Getenv("BENCH_SEARCH") != "1" {
		t.Skip("set BENCH_SEARCH=1 to measure search on a 10,000-service site")
	}
	tab := browser(t)
	dir := filepath.Join(t.TempDir(), "demo")
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 10000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	s := serveDir(t, out)
	site, _, err := build.Load(context.Background(), os.DirFS(dir), s.URL)
	if err != nil {
		t.Fatal(err)
	}
	r, err := build.Renderer(site, os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	// Only what the search needs: the home page, its stylesheet, script and index.
	for _, o := range r.Outputs() {
		if o.Path != "index.html" && !strings.HasPrefix(o.Path, "assets/") {
			continue
		}
		f, err := os.Create(filepath.Join(out, filepath.FromSlash(o.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if err := o.Write(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(r.SearchIndexPath())))
	if err != nil {
		t.Fatal(err)
	}
	ctx := timeout(t, tab)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL), chromedp.WaitVisible(chromedp.ID("cari-q"))); err != nil {
		t.Fatal(err)
	}
	type timing struct {
		Load    float64   `json:"load"`
		Cold    []float64 `json:"cold"`    // first round
		Queries []float64 `json:"queries"` // second round
		Counts  []int     `json:"counts"`
	}
	queries := []string{"ktp", "k", "ka", "kartu keluarga", "akta lahir", "izin", "surat keterangan", "pbg", "sktm",
		"kia", "pendaftaran", "rekomendasi", "surat pengantar rt", "dinas", "puskesmas", "legalisasi", "usaha", "izin bangunan", "kesehatan", "zzqx"}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[timing](`(async () => {
		const qs = `+jsArray(queries)+`;
		let t0 = performance.now();
		await window.papanCari("");
		const load = performance.now() - t0;
		const cold = [];
		for (const q of qs) { // the first round, as a citizen's first queries meet them
			t0 = performance.now();
			await window.papanCari(q);
			cold.push(performance.now() - t0);
		}
		const queries = [], counts = [];
		for (const q of qs) {
			t0 = performance.now();
			const r = await window.papanCari(q);
			queries.push(performance.now() - t0);
			counts.push(r.length);
		}
		return {load, cold, queries, counts};
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	stats := func(ms []float64) string {
		sorted := slices.Clone(ms)
		slices.Sort(sorted)
		sum := 0.0
		for _, m := range ms {
			sum += m
		}
		return fmt.Sprintf("mean %.2f ms, median %.2f ms, max %.2f ms", sum/float64(len(ms)), sorted[len(ms)/2], sorted[len(ms)-1])
	}
	t.Logf("10,000 services: index %d bytes (%d bytes per service); fetch and prepare %.1f ms", fi.Size(), fi.Size()/10000, res.Load)
	t.Logf("%d queries, first round: %s", len(queries), stats(res.Cold))
	t.Logf("%d queries, second round: %s", len(queries), stats(res.Queries))
	for i, q := range queries {
		t.Logf("  %-20q %6.2f ms, then %6.2f ms  %5d results", q, res.Cold[i], res.Queries[i], res.Counts[i])
	}
}

// TestSearchAxe runs axe-core on the home page with the search box open and showing
// results, the state TestAxe (which loads pages without typing) does not reach.
func TestSearchAxe(t *testing.T) {
	axe := axeSource(t)
	tab := browser(t)
	s := buildAndServe(t, exampleSite(t))
	st := typeQuery(t, tab, s.URL, "kartu")
	if len(st.Hrefs) == 0 {
		t.Fatalf(`"kartu" found nothing to check`)
	}
	checkAxe(t, timeout(t, tab), axe, "home page with search results")
}
