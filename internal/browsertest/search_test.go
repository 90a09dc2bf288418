package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
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
	site := loadSite(t, src, "").Site
	s := buildAndServe(t, src)
	hasKTP := false
	for _, o := range site.OPDs {
		for _, sv := range o.Services {
			hasKTP = hasKTP || o.Slug+"/"+sv.Slug == "dukcapil/ktp-el"
		}
	}
	if !hasKTP {
		t.Fatal("the example site has no dukcapil/ktp-el service, which this test searches for")
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
	// Stop words never block a match; with words no service has, the closest are shown
	// and the status says they are not exact.
	st = typeQuery(t, tab, s.URL, "syarat bikin ktp pertama kali")
	if want := "Tidak ada layanan yang memuat semua kata. " + strconv.Itoa(len(st.Hrefs)) + " layanan paling mendekati:"; len(st.Hrefs) == 0 || st.Hrefs[0] != "/dukcapil/ktp-el/" || st.Status != want {
		t.Errorf(`"syarat bikin ktp pertama kali": results %v, status %q; want /dukcapil/ktp-el/ first, status %q`, st.Hrefs, st.Status, want)
	}
	st = typeQuery(t, tab, s.URL, "zzqx")
	if len(st.Hrefs) != 0 || st.Status == "" {
		t.Errorf(`"zzqx": results %v, status %q; want none, announced`, st.Hrefs, st.Status)
	}
}

// serveDir serves the folder dir, created empty, over HTTP.
func serveDir(t testing.TB, dir string) site {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return site{URL: srv.URL + "/", Dir: dir}
}

// BenchmarkSearchQuery10k measures queries typed into the search of a 10,000-service
// gen-demo site in Chromium (docs/search.md): ms-per-query is the mean time of one
// query over a fixed list of everyday ones, after the index is fetched and prepared
// (ms-load, measured once), and ms-per-forgiving-query the mean over queries typed as
// citizens type them. Generating and indexing the site takes about 12 s.
func BenchmarkSearchQuery10k(b *testing.B) {
	tab := browser(b)
	dir := filepath.Join(b.TempDir(), "demo")
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "public")
	s := serveDir(b, out)
	r := loadSite(b, os.DirFS(dir), s.URL).Renderer
	// Only what the search needs: the home page, its stylesheet, script and index.
	for _, o := range r.Outputs() {
		if o.Path != "index.html" && !strings.HasPrefix(o.Path, "assets/") {
			continue
		}
		f, err := os.Create(filepath.Join(out, filepath.FromSlash(o.Path)))
		if err != nil {
			b.Fatal(err)
		}
		if err := o.Write(f); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(r.SearchIndexPath())))
	if err != nil {
		b.Fatal(err)
	}
	ctx := timeout(b, tab)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL), chromedp.WaitVisible(chromedp.ID("cari-q"))); err != nil {
		b.Fatal(err)
	}
	load, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(async () => {
		const t0 = performance.now();
		await window.papanCari("");
		return performance.now() - t0;
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatal(err)
	}
	queries := []string{"ktp", "k", "ka", "kartu keluarga", "akta lahir", "izin", "surat keterangan", "pbg", "sktm",
		"kia", "pendaftaran", "rekomendasi", "surat pengantar rt", "dinas", "puskesmas", "legalisasi", "usaha", "izin bangunan", "kesehatan", "zzqx"}
	round := `(async () => {
		const qs = ` + jsArray(queries) + `;
		const t0 = performance.now();
		for (const q of qs) await window.papanCari(q);
		return performance.now() - t0;
	})()`
	var total float64
	for b.Loop() {
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](round, chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatal(err)
		}
		total += ms
	}
	b.ReportMetric(total/float64(b.N*len(queries)), "ms-per-query")
	// Queries as citizens type them: stop words, synonyms, partial matches and typos (a
	// typo scans the whole vocabulary).
	forgiving := []string{"bikin ktp", "mau urus akte lahir anak", "kartu keluarag", "surat keterngan domisili", "imunisai bayi",
		"izin bangun rumah", "sktm buat sekolah", "bumil periksa", "legalisir ijazha", "ktp hilang gimana"}
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(async () => {
		const qs = `+jsArray(forgiving)+`;
		const t0 = performance.now();
		for (let i = 0; i < 5; i++) for (const q of qs) await window.papanCari(q);
		return performance.now() - t0;
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(ms/float64(5*len(forgiving)), "ms-per-forgiving-query")
	b.ReportMetric(load, "ms-load")
	b.ReportMetric(float64(fi.Size()), "index-bytes")
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
