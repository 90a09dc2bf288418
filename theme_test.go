package papan_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/papan-id/papan"
	"github.com/papan-id/papan/internal/cli"
)

// fixture is the small test site. It has no layouts/ and no static/ of its own, which
// is what TestSiteWithoutLayouts relies on.
const fixture = "internal/build/testdata/site"

// buildSite runs `papan build` on src, as a person would, and returns the output files.
func buildSite(t *testing.T, src string) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := cli.Run(context.Background(), []string{"build", "--src", src, "--out", out}, &stdout, &stderr); code != cli.ExitOK {
		t.Fatalf("papan build exited %d:\n%s%s", code, stdout.String(), stderr.String())
	}
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(out), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// copyFixture copies the test site into a fresh folder, with more of the given trees of
// this repository (such as "layouts") copied into it.
func copyFixture(t *testing.T, trees ...string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	for _, tree := range trees {
		if err := os.CopyFS(filepath.Join(dst, tree), os.DirFS(tree)); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// hashedAsset returns the path and bytes of the one output named like
// assets/<name>.<hash>.<ext>.
func hashedAsset(t *testing.T, files map[string][]byte, name, ext string) (string, []byte) {
	t.Helper()
	re := regexp.MustCompile(`^assets/` + name + `\.[0-9a-f]+\.` + ext + `$`)
	var found []string
	for p := range files {
		if re.MatchString(p) {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one assets/%s.<hash>.%s, got %v", name, ext, found)
	}
	return found[0], files[found[0]]
}

// TestSiteWithoutLayouts builds a site that has no layouts/ and no static/ folder: every
// page comes from the theme embedded in the binary, with its stylesheet and search script.
func TestSiteWithoutLayouts(t *testing.T) {
	src := copyFixture(t)
	for _, dir := range []string{"layouts", "static"} {
		if _, err := os.Stat(filepath.Join(src, dir)); !os.IsNotExist(err) {
			t.Fatalf("the fixture %s has a %s/ folder (err %v); this test needs a site without one", fixture, dir, err)
		}
	}
	files := buildSite(t, src)

	for _, page := range []string{
		"index.html",                         // home.html
		"dinas/index.html",                   // opd.html
		"dinas/layanan-uji/index.html",       // service.html
		"dinas/layanan-uji/cetak/index.html", // poster.html
		"kategori/uji/index.html",            // kategori.html
		"kepatuhan/index.html",               // kepatuhan.html
		"tentang/index.html",                 // page.html
		"404.html",                           // 404.html
	} {
		if _, ok := files[page]; !ok {
			t.Errorf("%s was not built", page)
		}
	}

	for _, a := range []struct{ name, ext, theme string }{
		{"papan", "css", "static/papan.css"},
		{"cari", "js", "static/cari.js"},
	} {
		p, got := hashedAsset(t, files, a.name, a.ext)
		want, err := fs.ReadFile(papan.Theme(), a.theme)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not the embedded theme's %s", p, a.theme)
		}
	}
	css, _ := hashedAsset(t, files, "papan", "css")
	for p, b := range files {
		if path.Ext(p) == ".html" && !bytes.Contains(b, []byte(`href="/standar/`+css+`"`)) {
			t.Errorf("%s does not link the theme's stylesheet %s", p, css)
		}
	}
}

// TestRepositoryThemeAsLayouts: the repository is itself a site, so its layouts/ and
// static/ are a site's own folders laid over the embedded theme. Being the same files,
// they change no byte of the output.
func TestRepositoryThemeAsLayouts(t *testing.T) {
	plain := buildSite(t, copyFixture(t))
	themed := buildSite(t, copyFixture(t, "layouts", "static"))
	if len(plain) != len(themed) {
		t.Errorf("with the repository's layouts/ and static/: %d files, without: %d", len(themed), len(plain))
	}
	for p, b := range plain {
		if !bytes.Equal(themed[p], b) {
			t.Errorf("%s differs with the repository's layouts/ and static/", p)
		}
	}
}

// TestLayoutOverridesTheme: a file in the site's layouts/ replaces the embedded file of
// the same name, in a subfolder too, and the theme still supplies every other file.
func TestLayoutOverridesTheme(t *testing.T) {
	plain := buildSite(t, copyFixture(t))
	for _, tc := range []struct {
		name, file, text string
		changed          []string // the pages that show text; every other page is as without the file
	}{
		{"a page template replaces the theme's", "layouts/service.html",
			`{{define "main"}}<p>Layanan versi kota uji</p>{{end}}`,
			[]string{"dinas/layanan-uji/index.html"}},
		{"a partial in partials/ replaces the theme's", "layouts/partials/sitefooter.html",
			`<footer><p>Kaki situs versi kota uji</p></footer>`,
			[]string{"index.html", "dinas/index.html", "dinas/layanan-uji/index.html", "kategori/uji/index.html",
				"kepatuhan/index.html", "tentang/index.html", "404.html"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := copyFixture(t)
			file := filepath.Join(src, filepath.FromSlash(tc.file))
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			files := buildSite(t, src)
			mark := tc.text[strings.Index(tc.text, "<p>")+3 : strings.Index(tc.text, "</p>")]
			changed := map[string]bool{}
			for _, p := range tc.changed {
				changed[p] = true
				if !bytes.Contains(files[p], []byte(mark)) {
					t.Errorf("%s does not show %s from %s", p, mark, tc.file)
				}
				if !bytes.Contains(files[p], []byte(`class="skip"`)) {
					t.Errorf("%s lost the theme's base.html", p)
				}
			}
			for p, b := range plain {
				// The manifest holds every file's hash, so it changes with any page.
				if !changed[p] && p != ".papan-keluaran" && !bytes.Equal(files[p], b) {
					t.Errorf("%s changed, though %s is not used by it", p, tc.file)
				}
			}
		})
	}
}
