package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/engine"
)

// The page budget for a citizen on a cheap phone and metered data (issue 5): a service
// page's HTML and the stylesheet together, before and after gzip.
const (
	budgetRaw  = 40 * 1024
	budgetGzip = 12 * 1024
)

// exampleSite builds the repository's own example site (site.toml and content/ at the
// root). It must build: a budget measured on another site would say nothing of it.
func exampleSite(t *testing.T) (src fs.FS, out string) {
	t.Helper()
	src = os.DirFS("../..")
	out = filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Src: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	return src, out
}

func gzipLen(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf) // default level, as a typical static host serves it
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// TestServicePageBudget measures every service page of the example site with its
// stylesheet: at most 40 KB as sent without compression and 12 KB gzipped (HTML and
// CSS compressed separately, as a server sends them, and summed).
func TestServicePageBudget(t *testing.T) {
	src, out := exampleSite(t)
	res, err := engine.Run(context.Background(), src, engine.Options{Keep: true})
	if err != nil {
		t.Fatal(err)
	}
	site := res.Site
	css, err := filepath.Glob(filepath.Join(out, "assets", "papan.*.css"))
	if err != nil || len(css) != 1 {
		t.Fatalf("stylesheet: %v %v", css, err)
	}
	cssRaw, err := os.ReadFile(css[0])
	if err != nil {
		t.Fatal(err)
	}
	cssGz := gzipLen(t, cssRaw)
	var worst, worstGz, n int
	var worstPage string
	for _, o := range site.OPDs {
		for _, s := range o.Services {
			page := s.Addr().File
			html, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
			if err != nil {
				t.Fatal(err)
			}
			raw, gz := len(html)+len(cssRaw), gzipLen(t, html)+cssGz
			if raw > budgetRaw || gz > budgetGzip {
				t.Errorf("%s is over the page budget: HTML+CSS %d bytes (budget %d), gzip %d bytes (budget %d)",
					page, raw, budgetRaw, gz, budgetGzip)
			}
			if raw > worst {
				worst, worstGz, worstPage = raw, gz, page
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no service pages measured")
	}
	t.Logf("%d service pages; CSS %d B (%d B gzip); largest %s: HTML+CSS %d B, %d B gzip",
		n, len(cssRaw), cssGz, worstPage, worst, worstGz)
}

var (
	resourceTag  = regexp.MustCompile(`(?is)<(?:link|script|img|source|iframe)\b[^>]*>`)
	resourceAttr = regexp.MustCompile(`(?is)\s(?:href|src|srcset)\s*=\s*"([^"]*)"`)
)

// TestNoThirdPartyRequests checks that no page loads anything from another host (no web
// fonts, no CDN, no trackers): every http(s) address in <link>, <script> and <img> is on
// the site's own origin, and the stylesheet loads no fonts or remote files.
func TestNoThirdPartyRequests(t *testing.T) {
	src, out := exampleSite(t)
	res, err := engine.Run(context.Background(), src, engine.Options{Keep: true})
	if err != nil {
		t.Fatal(err)
	}
	site := res.Site
	base, err := url.Parse(site.Config.BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range readTree(t, out) {
		switch {
		case strings.HasSuffix(name, ".css"):
			css := strings.ToLower(string(data))
			if strings.Contains(css, "@font-face") || strings.Contains(css, "@import") || regexp.MustCompile(`url\(\s*["']?(https?:)?//`).MatchString(css) {
				t.Errorf("%s loads a web font or a remote file", name)
			}
		case strings.HasSuffix(name, ".html"):
			for _, tag := range resourceTag.FindAll(data, -1) {
				for _, m := range resourceAttr.FindAllSubmatch(tag, -1) {
					u, err := url.Parse(string(m[1]))
					if err != nil {
						t.Errorf("%s: bad address in %s", name, tag)
						continue
					}
					if (u.Scheme == "http" || u.Scheme == "https" || u.Host != "") && u.Host != base.Host {
						t.Errorf("%s requests from another origin: %s", name, tag)
					}
				}
			}
		}
	}
}
