package browsertest

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/gendemo"
	"github.com/papan-id/papan/internal/serve"
)

// These tests drive Chromium against papan serve (serve.Run) on a site in a temporary
// folder: files are written as an editor would, and the page must follow with no action
// in the browser.

// browserTimeout bounds each dev-server test.
const browserTimeout = 20 * time.Second

// servicePath is the service file of the test site (copyTestSite).
const servicePath = "content/dinas/layanan-uji.toml"

// bounded limits ctx, a browser tab, to browserTimeout, stopping it when t ends.
func bounded(t testing.TB, ctx context.Context) context.Context {
	ctx, cancel := context.WithTimeout(ctx, browserTimeout)
	t.Cleanup(cancel)
	return ctx
}

// copyTestSite copies the test site of package build into a fresh folder.
func copyTestSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testSite)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runServe runs papan serve on the site in dir until the test ends, and returns the
// folder and the server's base URL.
func runServe(t testing.TB, dir string) (string, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- serve.Run(ctx, serve.Options{Dir: dir, Listener: ln}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-ran; err != nil {
			t.Errorf("serve.Run: %v", err)
		}
	})
	return dir, "http://" + ln.Addr().String()
}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustWrite(t testing.TB, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitFor evaluates the JavaScript expression cond until it is true. Errors are expected
// while the page reloads (the context it ran in is gone) and are retried.
func waitFor(t testing.TB, ctx context.Context, what, cond string) {
	t.Helper()
	var lastErr error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if err != nil {
			lastErr = err
		}
		select {
		case <-ctx.Done():
			t.Fatalf("waiting for %s: %v (last error: %v)", what, ctx.Err(), lastErr)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// loadedAt returns when the page's load event fired, as wall-clock time.
func loadedAt(t testing.TB, ctx context.Context) time.Time {
	t.Helper()
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](
		`performance.timeOrigin + performance.getEntriesByType("navigation")[0].loadEventStart`))
	if err != nil {
		t.Fatal(err)
	}
	return time.UnixMicro(int64(ms * 1000))
}

// js quotes s as a JavaScript string.
func js(s string) string { return fmt.Sprintf("%q", s) }

func h1Is(text string) string {
	return `document.readyState === "complete" && document.querySelector("h1") !== null && ` +
		`document.querySelector("h1").textContent === ` + js(text)
}

const noOverlay = `document.getElementById("papan-overlay") === null`

// overlayNames is true when the overlay is shown, is an alert and contains text.
func overlayNames(text string) string {
	return `(function () { var o = document.getElementById("papan-overlay");` +
		` return o !== null && o.getAttribute("role") === "alert" && o.textContent.includes(` + js(text) + `); })()`
}

func rewrite(t testing.TB, dir, file, old, new string) {
	t.Helper()
	name := filepath.Join(dir, filepath.FromSlash(file))
	src := readFile(t, name)
	if !strings.Contains(src, old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	mustWrite(t, name, strings.Replace(src, old, new, 1))
}

func TestBrowserPageFollowsSave(t *testing.T) {
	ctx := bounded(t, browser(t))
	dir, base := runServe(t, copyTestSite(t))
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1000, 400),
		chromedp.Navigate(base+"/dinas/layanan-uji/"),
	)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the service page", h1Is("Layanan Uji"))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`scrollTo(0, 300)`)); err != nil {
		t.Fatal(err)
	}

	saved := time.Now()
	rewrite(t, dir, servicePath, `nama = "Layanan Uji"`, `nama = "Layanan Uji Diperbarui"`)
	waitFor(t, ctx, "the new title", h1Is("Layanan Uji Diperbarui"))
	t.Logf("save to load event: %v", loadedAt(t, ctx).Sub(saved).Round(time.Millisecond))
	waitFor(t, ctx, "the scroll position kept", `Math.abs(scrollY - 300) < 2`)
}

func TestBrowserOverlayOnBrokenSave(t *testing.T) {
	ctx := bounded(t, browser(t))
	dir, base := runServe(t, copyTestSite(t))
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/dinas/layanan-uji/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the service page", h1Is("Layanan Uji"))

	// An unterminated string on line 1.
	rewrite(t, dir, servicePath, `nama = "Layanan Uji"`, `nama = "Layanan Uji`)
	waitFor(t, ctx, "the overlay naming the file and line", overlayNames(servicePath+":1:"))
	waitFor(t, ctx, "the last good page under the overlay", h1Is("Layanan Uji"))

	// A fresh load while broken shows the overlay too.
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the overlay after a reload", overlayNames(servicePath+":1:"))

	rewrite(t, dir, servicePath, `nama = "Layanan Uji`, `nama = "Layanan Uji Diperbaiki"`)
	waitFor(t, ctx, "the fixed page", h1Is("Layanan Uji Diperbaiki")+" && "+noOverlay)
}

func TestBrowserNewOPDOnHomePage(t *testing.T) {
	ctx := bounded(t, browser(t))
	dir, base := runServe(t, copyTestSite(t))
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the home page", `document.readyState === "complete" && document.body.textContent.includes("Dinas Uji")`)

	opd := strings.Replace(readFile(t, filepath.Join(dir, "content/dinas/_opd.toml")), `nama = "Dinas Uji"`, `nama = "Badan Baru"`, 1)
	svc := strings.Replace(readFile(t, filepath.Join(dir, servicePath)), `nama = "Layanan Uji"`, `nama = "Layanan Badan Baru"`, 1)
	mustWrite(t, filepath.Join(dir, "content/badan-baru/_opd.toml"), opd)
	mustWrite(t, filepath.Join(dir, "content/badan-baru/layanan-baru.toml"), svc)
	waitFor(t, ctx, "the new OPD and service on the home page",
		`document.readyState === "complete" && document.querySelector('a[href="/badan-baru/"]') !== null && `+
			`document.querySelector('a[href="/badan-baru/layanan-baru/"]') !== null && `+noOverlay)
}

// BenchmarkEditToReload measures, in a real browser, the time from writing a service file
// to the load event of the reloaded page (ms-save-to-load): on the small test site, on a
// copy of the example site at the repository root, and on generated sites.
func BenchmarkEditToReload(b *testing.B) {
	b.Run("test site", func(b *testing.B) {
		benchEditToReload(b, copyTestSite(b), servicePath, `nama = "Layanan Uji"`)
	})
	b.Run("example site", func(b *testing.B) {
		dir := b.TempDir()
		for _, name := range []string{"site.toml", "content", "layouts", "static"} {
			src := filepath.Join("..", "..", name)
			if _, err := os.Stat(src); err != nil {
				continue
			}
			if name == "site.toml" {
				mustWrite(b, filepath.Join(dir, name), readFile(b, src))
			} else if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(src)); err != nil {
				b.Fatal(err)
			}
		}
		if _, _, err := engine.NewSession(os.DirFS(dir), "/").Update(b.Context(), nil); err != nil {
			b.Fatalf("example site does not build: %v", err)
		}
		benchEditToReload(b, dir, "content/dukcapil/akta-kelahiran.toml", "")
	})
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("generated %d services", n), func(b *testing.B) {
			if testing.Short() {
				b.Skip("large site in -short mode")
			}
			dir := b.TempDir()
			if _, err := gendemo.Generate(b.Context(), dir, gendemo.Options{Services: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			files, err := fs.Glob(os.DirFS(dir), "content/*/[a-z]*.toml")
			if err != nil || len(files) == 0 {
				b.Fatalf("no service in the generated site: %v", err)
			}
			benchEditToReload(b, dir, files[0], "")
		})
	}
}

// benchEditToReload opens the page of the service in file, whose title is set by the
// line titleLine (the file's first `nama = ` line when ""), and rewrites that line with a
// new title in each round.
func benchEditToReload(b *testing.B, dir, file, titleLine string) {
	if titleLine == "" {
		src := readFile(b, filepath.Join(dir, filepath.FromSlash(file)))
		titleLine, _, _ = strings.Cut(src[strings.Index("\n"+src, "\nnama = "):], "\n")
	}
	dir, base := runServe(b, dir)
	ctx := browser(b)
	opd, svc, _ := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(file, "content/"), ".toml"), "/")
	title := strings.Trim(strings.TrimPrefix(titleLine, "nama = "), `"`)
	rctx, cancel := context.WithTimeout(ctx, 2*browserTimeout)
	if err := chromedp.Do(rctx, chromedp.Navigate(base+"/"+opd+"/"+svc+"/")); err != nil {
		b.Fatal(err)
	}
	waitFor(b, rctx, "the service page", h1Is(title))
	cancel()
	name := filepath.Join(dir, filepath.FromSlash(file))
	src := readFile(b, name)
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		rctx, cancel := context.WithTimeout(ctx, 2*browserTimeout)
		title := fmt.Sprintf("%s %d", title, i)
		saved := time.Now()
		mustWrite(b, name, strings.Replace(src, titleLine, `nama = `+js(title), 1))
		waitFor(b, rctx, "the new title", h1Is(title))
		total += loadedAt(b, rctx).Sub(saved)
		cancel()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-save-to-load")
}

func TestBrowserStylesheetSwap(t *testing.T) {
	ctx := bounded(t, browser(t))
	dir := copyTestSite(t)
	mustWrite(t, filepath.Join(dir, "static", "papan.css"), "h1 { color: rgb(9, 9, 9); }\n")
	dir, base := runServe(t, dir)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/dinas/layanan-uji/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the service page", h1Is("Layanan Uji"))
	// A mark that a reload would lose.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.papanTestMark = true`)); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "static", "papan.css"), "h1 { color: rgb(1, 2, 3); }\n")
	waitFor(t, ctx, "the new stylesheet", `getComputedStyle(document.querySelector("h1")).color === "rgb(1, 2, 3)"`)
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.papanTestMark === true`))
	if err != nil || !ok {
		t.Errorf("the page reloaded for a stylesheet change (err %v)", err)
	}
}
