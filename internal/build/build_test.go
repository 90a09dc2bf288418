package build

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// copySite copies testdata/site into a fresh folder so a test can change it.
func copySite(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := os.CopyFS(dst, os.DirFS("testdata/site"))
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func build(t *testing.T, src, out, baseURL string) (Result, error) {
	t.Helper()
	return Build(context.Background(), Options{Src: os.DirFS(src), SrcDir: src, Out: out, BaseURL: baseURL})
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGolden compares the pages of the small test site with reviewed copies. Run
// `go test ./internal/build -update` after an intended change and review the diff.
func TestGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := build(t, "testdata/site", out, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Pages, 8; got != want { // home, OPD, category, service, its poster, page, 404, kepatuhan
		t.Errorf("pages = %d, want %d", got, want)
	}
	got := readTree(t, out)
	for _, name := range []string{"index.html", "dinas/index.html", "kategori/uji/index.html", "dinas/layanan-uji/index.html", "dinas/layanan-uji/cetak/index.html", "dinas/layanan-uji/alur.svg", "tentang/index.html", "404.html", "sitemap.xml", "robots.txt"} {
		golden := filepath.Join("testdata/golden", filepath.FromSlash(name))
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, got[name], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(got[name], want) {
			t.Errorf("%s differs from %s; run go test -update and review the diff", name, golden)
		}
	}
}

func TestBaseURLSubPathLinks(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build(t, "testdata/site", out, "https://host.example/kota/uji/"); err != nil {
		t.Fatal(err)
	}
	for name, page := range readTree(t, out) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, attr := range []string{`href="`, `src="`} {
			for rest := string(page); ; {
				i := strings.Index(rest, attr)
				if i < 0 {
					break
				}
				rest = rest[i+len(attr):]
				link := rest[:strings.IndexByte(rest, '"')]
				internal := strings.HasPrefix(link, "/") || strings.HasPrefix(link, "https://host.example")
				if internal && !strings.HasPrefix(link, "/kota/uji/") && !strings.HasPrefix(link, "https://host.example/kota/uji/") {
					t.Errorf("%s: link %q ignores the base path /kota/uji/", name, link)
				}
			}
		}
	}
	robots := string(readTree(t, out)["robots.txt"])
	if !strings.Contains(robots, "Sitemap: https://host.example/kota/uji/sitemap.xml") {
		t.Errorf("robots.txt = %q", robots)
	}
}

func TestDeterministic(t *testing.T) {
	a := filepath.Join(t.TempDir(), "a")
	b := filepath.Join(t.TempDir(), "b")
	for _, out := range []string{a, b} {
		if _, err := build(t, "testdata/site", out, ""); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files vs %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

// TestFailedBuildKeepsOutput breaks the content after a good build: the second build
// must fail and leave the first build's files byte for byte, with no temporary folder.
func TestFailedBuildKeepsOutput(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(t *testing.T, src string)
	}{
		{"malformed TOML", func(t *testing.T, src string) {
			writeFile(t, filepath.Join(src, "content/dinas/layanan-uji.toml"), "nama = \"tanpa tutup\n")
		}},
		{"template error in layouts", func(t *testing.T, src string) {
			writeFile(t, filepath.Join(src, "layouts/service.html"), `{{define "main"}}{{.Service.TidakAda}}{{end}}`)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := copySite(t)
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			if _, err := build(t, src, out, ""); err != nil {
				t.Fatal(err)
			}
			before := readTree(t, out)
			tt.spoil(t, src)
			_, err := build(t, src, out, "")
			var ps standard.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("build error = %v, want content problems", err)
			}
			after := readTree(t, out)
			if len(after) != len(before) {
				t.Errorf("output has %d files, had %d", len(after), len(before))
			}
			for name, data := range before {
				if !bytes.Equal(after[name], data) {
					t.Errorf("%s changed by a failed build", name)
				}
			}
			entries, _ := os.ReadDir(parent)
			if len(entries) != 1 {
				t.Errorf("left behind in the output's parent: %v", entries)
			}
		})
	}
}

func TestInterruptedBuildKeepsOutput(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := build(t, "testdata/site", out, ""); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Build(ctx, Options{Src: os.DirFS("testdata/site"), Out: out})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if after := readTree(t, out); len(after) != len(before) {
		t.Errorf("interrupted build changed the output")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestTemplateOverride(t *testing.T) {
	src := copySite(t)
	writeFile(t, filepath.Join(src, "layouts/404.html"), `{{define "main"}}<p>Halaman khusus kota uji</p>{{end}}`)
	writeFile(t, filepath.Join(src, "static/logo.svg"), `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	writeFile(t, filepath.Join(src, "static/papan.css"), `body{color:#000}`)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build(t, src, out, ""); err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	if !strings.Contains(string(tree["404.html"]), "Halaman khusus kota uji") {
		t.Error("layouts/404.html did not replace the theme's 404 template")
	}
	if !strings.Contains(string(tree["index.html"]), `<a class="skip"`) {
		t.Error("the theme's other templates should still be used")
	}
	if _, ok := tree["logo.svg"]; !ok {
		t.Error("static/logo.svg was not published")
	}
	var css []byte
	for name, data := range tree {
		if strings.HasPrefix(name, "assets/papan.") {
			css = data
		}
	}
	if string(css) != `body{color:#000}` {
		t.Errorf("static/papan.css did not replace the theme stylesheet: %q", css)
	}
}

// TestNoScriptInBuildOutput: the only script is the search of the home and 404 pages,
// as a file from the site with its integrity digest (docs/search.md); no other page
// loads or contains one.
func TestNoScriptInBuildOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build(t, "testdata/site", out, ""); err != nil {
		t.Fatal(err)
	}
	searchTag := regexp.MustCompile(`<script src="[^"]*/assets/cari\.[0-9a-f]{8}\.js" integrity="sha384-[A-Za-z0-9+/]{64}" defer></script>`)
	for name, data := range readTree(t, out) {
		// JSON-LD is data, not a script: browsers do not run it and CSP does not apply.
		data = bytes.ReplaceAll(data, []byte(`<script type="application/ld+json">`), nil)
		if name == "index.html" || name == "404.html" {
			if !searchTag.Match(data) {
				t.Errorf("%s does not load the search script", name)
			}
			data = searchTag.ReplaceAll(data, nil)
		}
		if bytes.Contains(data, []byte("<script")) || bytes.Contains(data, []byte("javascript:")) {
			t.Errorf("%s contains a script or a javascript: link", name)
		}
	}
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRemovesStaleTempFolders: a build killed outright (SIGKILL) cannot clean up; the
// next build removes what it left.
func TestRemovesStaleTempFolders(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	for _, stale := range []string{".public.papan-tmp-123", ".public.papan-tmp-456-old"} {
		writeFile(t, filepath.Join(parent, stale, "index.html"), "setengah jadi")
	}
	if _, err := build(t, "testdata/site", out, ""); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
}

func TestRemoveTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	for _, f := range []string{"index.html", "a/index.html", "a/b/index.html", "a/b/cetak/index.html", "c/d/e/f.txt", "empty/"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if strings.HasSuffix(f, "/") {
			os.MkdirAll(p, 0o755)
			continue
		}
		writeFile(t, p, "x")
	}
	removeTree(dir)
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after removeTree: %v", err)
	}
	removeTree(dir) // a missing folder is not an error
}
