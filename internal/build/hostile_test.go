package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

// buildProblems builds src and returns the problems that stopped it.
func buildProblems(t *testing.T, src string) standard.Problems {
	t.Helper()
	_, err := build(t, src, filepath.Join(t.TempDir(), "public"), "")
	var ps standard.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("build error = %v, want content problems", err)
	}
	return ps
}

func TestRefusesSymlinks(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "rahasia.txt")
	writeFile(t, secret, "kata sandi")
	tests := []struct{ name, link, file string }{
		{"in static", "static/bocor.txt", "static/bocor.txt"},
		{"a service file", "content/dinas/bocor.toml", "content/dinas/bocor.toml"},
		{"an OPD folder", "content/bocor", "content/bocor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := copySite(t)
			link := filepath.Join(src, filepath.FromSlash(tt.link))
			os.MkdirAll(filepath.Dir(link), 0o755)
			target := secret
			if tt.name == "an OPD folder" {
				target = filepath.Dir(secret)
			}
			if err := os.Symlink(target, link); err != nil {
				t.Skipf("cannot make a symlink here: %v", err)
			}
			ps := buildProblems(t, src)
			if len(ps) != 1 || ps[0].File != tt.file || !strings.Contains(ps[0].Message, "tautan simbolik") {
				t.Errorf("problems = %v, want one refusing %s", ps, tt.file)
			}
		})
	}
}

func TestOversizedAndEmptyFiles(t *testing.T) {
	src := copySite(t)
	big := "nama = \"Besar\"\nkategori = \"" + strings.Repeat("x", 5<<20) + "\"\n"
	writeFile(t, filepath.Join(src, "content/dinas/besar.toml"), big)
	writeFile(t, filepath.Join(src, "content/dinas/kosong.toml"), "")
	ps := buildProblems(t, src)
	var got []string
	for _, p := range ps {
		got = append(got, p.File+": "+p.Message)
	}
	want := []string{
		"content/dinas/besar.toml: berkas terlalu besar (5120 KB; batas 4096 KB)",
		"content/dinas/kosong.toml: berkas kosong",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWordPaste builds text as it arrives from Word and PDFs: smart quotes, non-breaking
// spaces, zero-width characters and soft hyphens are published as they are, and valid.
func TestWordPaste(t *testing.T) {
	src := copySite(t)
	file := filepath.Join(src, "content/dinas/layanan-uji.toml")
	b, _ := os.ReadFile(file)
	pasted := "“Layanan” Uji\u00a0Cepat\u200b dan Per\u00adizinan"
	writeFile(t, file, strings.Replace(string(b), `nama = "Layanan Uji"`, `nama = "`+pasted+`"`, 1))
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build(t, src, out, ""); err != nil {
		t.Fatal(err)
	}
	page := string(readTree(t, out)["dinas/layanan-uji/index.html"])
	if !strings.Contains(page, "<h1>"+pasted+"</h1>") {
		t.Errorf("pasted text not published as written")
	}
}

// TestLargeMarkdownPageAndEmptyContent: a 20,000-line page builds (well under the 4 MiB
// file limit, which bounds what one page can hold in memory), and a site with no OPDs
// still builds a home page.
func TestLargeMarkdownPageAndEmptyContent(t *testing.T) {
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "site.toml"), "judul = \"Uji\"\nwilayah = \"Kota Uji\"\n")
	var page strings.Builder
	page.WriteString("+++\njudul = \"Panjang\"\n+++\n")
	for i := range 20000 {
		fmt.Fprintf(&page, "- butir *%d* dengan [tautan](https://example.id/%d)\n", i, i)
	}
	writeFile(t, filepath.Join(src, "content/halaman/panjang.md"), page.String())
	out := filepath.Join(t.TempDir(), "public")
	res, err := build(t, src, out, "")
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	if !strings.Contains(string(tree["panjang/index.html"]), "butir <em>19999</em>") {
		t.Error("the long page is incomplete")
	}
	if !strings.Contains(string(tree["index.html"]), "0 layanan dari 0 perangkat daerah") {
		t.Errorf("home page of an empty site:\n%s", tree["index.html"])
	}
	if res.Pages < 3 {
		t.Errorf("pages = %d", res.Pages)
	}
}
