package browsertest

import (
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/papan-id/papan/internal/build"
	"github.com/papan-id/papan/internal/engine"
)

// repoRoot is the repository root, whose site.toml and content/ are the example site.
const repoRoot = "../.."

// testSite is the small test site of package build, the one fixture the tests share.
const testSite = "../build/testdata/site"

// skipOrFail skips the test, or fails it when CI=true: CI installs what the browser
// tests need, so a missing piece there is a broken setup, not a reason to pass.
func skipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// browser starts headless Chromium with a fresh profile for t and returns a chromedp
// context for one tab. The browser stops when t ends. It is the only place the tests
// start a browser. With -short the test is skipped: browser tests take most of the
// suite's time, and `go test -short ./...` is the quick run.
func browser(t testing.TB) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test; run without -short")
	}
	exe := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 700),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // starts the browser, without a timeout, to fail early
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// chromiumPath is Debian's chromium, for the tests and for tools that start their own
// (Lighthouse).
func chromiumPath(t testing.TB) string {
	t.Helper()
	exe := "/usr/bin/chromium"
	if _, err := os.Stat(exe); err != nil {
		p, err := exec.LookPath("chromium")
		if err != nil {
			skipOrFail(t, "chromium not found: install Debian's chromium (test.sh does)")
		}
		exe = p
	}
	return exe
}

// timeout limits one step of a test without stopping the browser (see chromedp.Run).
func timeout(t testing.TB, ctx context.Context) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// site is a built site served over HTTP. Its base URL is the server's, so every
// absolute address in it (canonical links, the poster's QR code) is same-origin.
type site struct {
	URL string // "http://127.0.0.1:port/", with the trailing slash
	Dir string // the output folder
}

// buildAndServe builds the site in src and serves it. The server is started first so that its
// address can be the site's base URL.
func buildAndServe(t *testing.T, src fs.FS) site {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "public")
	srv := httptest.NewServer(http.FileServer(http.Dir(dir))) // dir is filled below
	t.Cleanup(srv.Close)
	if _, err := build.Build(context.Background(), build.Options{Src: src, Out: dir, BaseURL: srv.URL + "/"}); err != nil {
		t.Fatalf("build: %v", err)
	}
	return site{URL: srv.URL + "/", Dir: dir}
}

// serveAsPublished builds the site in src with its own base URL (site.toml's), as it is
// published, so that posters show the address a citizen would scan, and serves it; pages
// link with the base path only, so they load from this server.
func serveAsPublished(t *testing.T, src fs.FS) site {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Options{Src: src, Out: dir}); err != nil {
		t.Fatalf("build: %v", err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return site{URL: srv.URL + "/", Dir: dir}
}

// exampleSite returns the repository's example site, or the small test site of package
// build when the example content does not load (it is being edited).
func exampleSite(t *testing.T) fs.FS {
	t.Helper()
	root := os.DirFS(repoRoot)
	loadSite(t, root, "")
	return root
}

// loadSite runs the site in src through the engine, keeping every service whole, and
// fails the test when it does not load: a test that measured another site would say
// nothing of this one.
func loadSite(t testing.TB, src fs.FS, baseURL string) *engine.Result {
	t.Helper()
	res, err := engine.Run(context.Background(), src, engine.Options{BaseURL: baseURL, Keep: true})
	if err != nil {
		t.Fatalf("the site does not load: %v", err)
	}
	return res
}

// pages lists the site paths of the HTML pages in dir: "/", "/dukcapil/", "/404.html".
func pages(t *testing.T, dir string) []string {
	t.Helper()
	var ps []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = "/" + filepath.ToSlash(rel)
		ps = append(ps, strings.TrimSuffix(rel, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// buildTo builds the site folder src into out with the given base URL.
func buildTo(t *testing.T, src, out, baseURL string) {
	t.Helper()
	if _, err := build.Build(context.Background(), build.Options{Src: os.DirFS(src), Out: out, BaseURL: baseURL}); err != nil {
		t.Fatalf("build %s: %v", src, err)
	}
}
