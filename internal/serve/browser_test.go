package serve

import (
	"context"
	"fmt"
	"github.com/papan-id/papan/internal/build"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// These tests drive a real Chromium against Run on a site in a temporary folder: files are
// written as an editor would, and the page must follow with no action in the browser.
// Without Chromium they are skipped, except on CI (CI=true), where they fail.

// browserTimeout bounds each browser test.
const browserTimeout = 20 * time.Second

func chromiumPath(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium not found; CI needs it for the browser tests (apt-get install chromium)")
	}
	t.Skip("Chromium not found; skipping browser tests")
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile and returns a tab's context,
// cancelled (and the browser stopped) when the test ends or, with bounded, when
// browserTimeout passes.
func newBrowser(t testing.TB, bounded bool) context.Context {
	t.Helper()
	exe := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1000, 700),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil { // start the browser now, without a timeout, to fail early
		cancelTab()
		cancelAlloc()
		t.Fatalf("starting Chromium: %v", err)
	}
	cancelTimeout := context.CancelFunc(func() {})
	if bounded {
		ctx, cancelTimeout = context.WithTimeout(ctx, browserTimeout)
	}
	t.Cleanup(func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
	})
	return ctx
}

// startSite copies testdata/site to a temporary folder, runs the server on it and returns
// the folder and the server's base URL. The server is stopped when the test ends.
func startSite(t testing.TB) (dir, base string) {
	t.Helper()
	return serveDir(t, copySite(t))
}

// serveDir runs the server on the site in dir until the test ends.
func serveDir(t testing.TB, dir string) (string, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- Run(ctx, Options{Dir: dir, Listener: ln}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-ran; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return dir, "http://" + ln.Addr().String()
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
	ctx := newBrowser(t, true)
	dir, base := startSite(t)
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
	ctx := newBrowser(t, true)
	dir, base := startSite(t)
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
	ctx := newBrowser(t, true)
	dir, base := startSite(t)
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
		benchEditToReload(b, copySite(b), servicePath, `nama = "Layanan Uji"`)
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
		if _, _, err := build.NewSession(os.DirFS(dir), "/").Update(b.Context(), nil); err != nil {
			b.Skipf("example site does not build: %v", err)
		}
		file := "content/dukcapil/akta-kelahiran.toml"
		src := readFile(b, filepath.Join(dir, file))
		line, _, _ := strings.Cut(src[strings.Index("\n"+src, "\nnama = "):], "\n")
		benchEditToReload(b, dir, file, line)
	})
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("generated %d services", n), func(b *testing.B) {
			if testing.Short() {
				b.Skip("large site in -short mode")
			}
			benchEditToReload(b, generateSite(b, n), servicePath, `nama = "Layanan Uji"`)
		})
	}
}

// benchEditToReload opens the page of the service in file, whose title is set by the
// line titleLine, and rewrites that line with a new title in each round.
func benchEditToReload(b *testing.B, dir, file, titleLine string) {
	dir, base := serveDir(b, dir)
	ctx := newBrowser(b, false)
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
	ctx := newBrowser(t, true)
	dir := copySite(t)
	mustWrite(t, filepath.Join(dir, "static", "papan.css"), "h1 { color: rgb(9, 9, 9); }\n")
	dir, base := serveDir(t, dir)
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
