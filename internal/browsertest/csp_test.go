package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/papan-id/papan/internal/build"
)

// TestPagesSatisfyCSP serves every page with the Content-Security-Policy that the build
// writes into _headers and asserts the browser reports no violation: the policy a host
// sends must never break the site it publishes.
func TestPagesSatisfyCSP(t *testing.T) {
	tab := browser(t)
	dir := filepath.Join(t.TempDir(), "public")
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", build.ContentSecurityPolicy)
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	if _, err := build.Build(context.Background(), build.Options{Src: exampleSite(t), Out: dir, BaseURL: srv.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	// Registered before any page script, so violations during loading are caught too.
	const record = `window.__csp = []; document.addEventListener("securitypolicyviolation",
		e => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline")))`
	ctx := timeout(t, tab)
	if err := chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: record})
		return chromedp.Void{}, err
	}); err != nil {
		t.Fatal(err)
	}
	ps := pages(t, dir)
	for _, p := range ps {
		ctx := timeout(t, tab)
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+p)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if p == "/" {
			// The search script fetches its index only when used: use it, under the policy.
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.papanCari("ktp").then(r => r.length)`, chromedp.EvalAwaitPromise))
			if err != nil || n == 0 {
				t.Errorf("/: the search found %d services under the policy: %v", n, err)
			}
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__csp || ["recorder missing"]`))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(got) > 0 {
			t.Errorf("%s: CSP violations: %s", p, strings.Join(got, "; "))
		}
	}
	t.Logf("%d pages loaded under %q", len(ps), build.ContentSecurityPolicy)
}
