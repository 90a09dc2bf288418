package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/standard"
)

// TestManifest: the manifest lists every file the build wrote, sorted, each with the
// SHA-256 of its bytes after a tab, after its version line, and nothing else; two
// builds write the same one.
func TestManifest(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := build(t, "testdata/site", out, "")
	if err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	manifest := string(tree[ManifestName])
	delete(tree, ManifestName)
	var want []string
	for name, b := range tree {
		want = append(want, fmt.Sprintf("%s\t%x", name, sha256.Sum256(b)))
	}
	slices.Sort(want)
	if got, want := manifest, "papan-keluaran 2\n"+strings.Join(want, "\n")+"\n"; got != want {
		t.Errorf("manifest =\n%s\nwant\n%s", got, want)
	}
	if got, want := res.Files, len(tree); got != want {
		t.Errorf("Result.Files = %d, want %d (the manifest not counted)", got, want)
	}
	if _, err := build(t, "testdata/site", out, ""); err != nil {
		t.Fatalf("second build over the first: %v", err)
	}
	if again := readTree(t, out)[ManifestName]; string(again) != manifest {
		t.Error("a second build wrote a different manifest")
	}
}

// TestRefusesOutput: an output that is not missing, empty or a previous output holding
// only what it lists is refused before anything is written, and the disk is as it was.
func TestRefusesOutput(t *testing.T) {
	tests := []struct {
		name string
		// prepare makes what is at the output; it returns the --out, relative to the
		// test's folder, which holds the site in site/.
		prepare   func(t *testing.T, root string) string
		msg, hint string
	}{
		{"an existing file", func(t *testing.T, root string) string {
			writeFile(t, filepath.Join(root, "catatan.txt"), "jangan dihapus")
			return "catatan.txt"
		}, "sudah ada berkas dengan nama ini; folder keluaran harus berupa folder",
			"Papan tidak menimpa berkas. Pilih folder lain dengan --out, misalnya --out public."},
		{"a path through a file", func(t *testing.T, root string) string {
			writeFile(t, filepath.Join(root, "catatan.txt"), "jangan dihapus")
			return "catatan.txt/public"
		}, "folder keluaran tidak dapat dibaca: sebagian jalurnya adalah berkas, bukan folder",
			"Periksa nama folder dan izinnya, atau pilih folder lain dengan --out."},
		{"site.toml", func(t *testing.T, root string) string { return "site/site.toml" },
			"folder keluaran ini adalah site.toml situs", siteHint},
		{"content", func(t *testing.T, root string) string { return "site/content" },
			"folder keluaran ini adalah content/ situs", siteHint},
		{"a folder inside content", func(t *testing.T, root string) string { return "site/content/dinas" },
			"folder keluaran ini berada di dalam content/ situs", siteHint},
		{"a new folder inside layouts", func(t *testing.T, root string) string { return "site/layouts/public" },
			"folder keluaran ini berada di dalam layouts/ situs", siteHint},
		{"static", func(t *testing.T, root string) string { return "site/static" },
			"folder keluaran ini adalah static/ situs", siteHint},
		{"the site folder", func(t *testing.T, root string) string { return "site" },
			"folder keluaran ini adalah folder situs itu sendiri", "Papan mengganti seluruh folder keluaran. " + siteHint},
		{"the site's parent", func(t *testing.T, root string) string { return "." },
			"folder keluaran ini berisi folder situs", "Papan mengganti seluruh folder keluaran. " + siteHint},
		{"a symlink into content", func(t *testing.T, root string) string {
			symlink(t, filepath.Join(root, "site", "content", "dinas"), filepath.Join(root, "tautan"))
			return "tautan"
		}, "folder keluaran ini berada di dalam content/ situs", siteHint},
		{"a symlink to a folder", func(t *testing.T, root string) string {
			writeFile(t, filepath.Join(root, "www", "index.html"), "situs lain")
			symlink(t, filepath.Join(root, "www"), filepath.Join(root, "public"))
			return "public"
		}, "folder keluaran ini adalah tautan simbolik (symlink)",
			"Papan mengganti folder keluaran secara utuh dan tidak mengikuti tautan. Tulis folder tujuannya langsung, misalnya --out {root}/www."},
		{"a relative symlink to a folder", func(t *testing.T, root string) string {
			os.MkdirAll(filepath.Join(root, "www"), 0o755)
			symlink(t, "www", filepath.Join(root, "public"))
			return "public"
		}, "folder keluaran ini adalah tautan simbolik (symlink)",
			"Papan mengganti folder keluaran secara utuh dan tidak mengikuti tautan. Tulis folder tujuannya langsung, misalnya --out {root}/www."},
		{"a folder with other files", func(t *testing.T, root string) string {
			writeFile(t, filepath.Join(root, "public", "laporan-keuangan.xlsx"), "angka")
			writeFile(t, filepath.Join(root, "public", "sub", "foto.jpg"), "\xff\xd8foto")
			return "public"
		}, "folder keluaran tidak kosong dan bukan keluaran Papan (tidak ada berkas .papan-keluaran)", notOursHint},
		{"a folder holding only an empty folder", func(t *testing.T, root string) string {
			os.MkdirAll(filepath.Join(root, "public", "kosong"), 0o755)
			return "public"
		}, "folder keluaran tidak kosong dan bukan keluaran Papan (tidak ada berkas .papan-keluaran)", notOursHint},
		{"a manifest of another version", func(t *testing.T, root string) string {
			writeFile(t, filepath.Join(root, "public", ManifestName), "papan-keluaran 9\nindex.html\n")
			writeFile(t, filepath.Join(root, "public", "index.html"), "x")
			return "public"
		}, "folder keluaran tidak kosong dan bukan keluaran Papan (tidak ada berkas .papan-keluaran)", notOursHint},
		{"a previous output with a file added", func(t *testing.T, root string) string {
			buildInto(t, root, "public")
			writeFile(t, filepath.Join(root, "public", "laporan-keuangan.xlsx"), "angka")
			return "public"
		}, "folder keluaran berisi berkas yang tidak ditulis Papan: laporan-keuangan.xlsx", foreignHint},
		{"a previous output with files and a folder added", func(t *testing.T, root string) string {
			buildInto(t, root, "public")
			for _, f := range []string{"a.pdf", "dinas/layanan-uji/lampiran.pdf", "sub/foto.jpg", "z.txt"} {
				writeFile(t, filepath.Join(root, "public", filepath.FromSlash(f)), "x")
			}
			os.MkdirAll(filepath.Join(root, "public", "arsip"), 0o755)
			return "public"
		}, "folder keluaran berisi berkas yang tidak ditulis Papan: a.pdf, arsip/, dinas/layanan-uji/lampiran.pdf dan 2 lainnya", foreignHint},
		{"a previous output with a page replaced by a symlink", func(t *testing.T, root string) string {
			buildInto(t, root, "public")
			writeFile(t, filepath.Join(root, "lain.html"), "x")
			os.Remove(filepath.Join(root, "public", "404.html"))
			symlink(t, filepath.Join(root, "lain.html"), filepath.Join(root, "public", "404.html"))
			return "public"
		}, "folder keluaran berisi berkas yang tidak ditulis Papan: 404.html", foreignHint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			if err := os.CopyFS(filepath.Join(root, "site"), os.DirFS("testdata/site")); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(root, filepath.FromSlash(tt.prepare(t, root)))
			before := readTreeLinks(t, root)
			_, err := Build(context.Background(), Options{Src: os.DirFS(filepath.Join(root, "site")), SrcDir: filepath.Join(root, "site"), Out: out})
			var ps standard.Problems
			if !errors.As(err, &ps) || len(ps) != 1 {
				t.Fatalf("build error = %v, want one problem", err)
			}
			want := standard.Problem{File: out, Severity: standard.Error, Message: tt.msg, Hint: strings.ReplaceAll(tt.hint, "{root}", root)}
			if ps[0] != want {
				t.Errorf("problem =\n%v\nwant\n%v", ps[0], want)
			}
			if after := readTreeLinks(t, root); !equalTrees(before, after) {
				t.Errorf("the refused build changed the disk:\nbefore %v\nafter  %v", keys(before), keys(after))
			}
		})
	}
}

const (
	siteHint    = "Pilih folder di luar site.toml, content/, layouts/ dan static/ dengan --out, misalnya --out public."
	notOursHint = "Papan mengganti seluruh isi folder keluaran, jadi hanya memakai folder kosong atau hasil papan build sebelumnya. " +
		"Pilih folder baru atau kosong dengan --out; jika folder ini keluaran Papan versi lama, hapus sendiri lalu bangun lagi."
	foreignHint = "Papan mengganti seluruh folder keluaran pada setiap build. Pindahkan berkas itu ke luar folder ini, " +
		"atau taruh di static/ agar ikut diterbitkan."
)

func buildInto(t *testing.T, root, out string) {
	t.Helper()
	src := filepath.Join(root, "site")
	if _, err := Build(context.Background(), Options{Src: os.DirFS(src), SrcDir: src, Out: filepath.Join(root, out)}); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make a symlink here: %v", err)
	}
}

// readTreeLinks is readTree that records folders (with a trailing slash) and symbolic
// links (as "-> target") too, and does not follow links.
func readTreeLinks(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			tree[rel+"/"] = ""
		case d.Type()&os.ModeSymlink != 0:
			target, err := os.Readlink(p)
			tree[rel] = "-> " + target
			return err
		default:
			b, err := os.ReadFile(p)
			tree[rel] = string(b)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestAcceptsOutput: a missing folder (and its parents) is made, an empty one and a
// previous output are replaced; what the previous build wrote and this one does not
// (a removed service's pages) is gone.
func TestAcceptsOutput(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	if err := os.CopyFS(src, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"baru/sekali/public", "kosong"} {
		os.MkdirAll(filepath.Join(root, "kosong"), 0o755)
		buildInto(t, root, out)
		if _, err := os.Stat(filepath.Join(root, out, "dinas", "layanan-uji", "index.html")); err != nil {
			t.Errorf("build into %s: %v", out, err)
		}
	}
	// A second service, built, then removed: the rebuild drops its pages.
	svc, err := os.ReadFile(filepath.Join(src, "content", "dinas", "layanan-uji.toml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(src, "content", "dinas", "layanan-dua.toml"), string(svc))
	buildInto(t, root, "kosong")
	if _, err := os.Stat(filepath.Join(root, "kosong", "dinas", "layanan-dua", "index.html")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(src, "content", "dinas", "layanan-dua.toml"))
	buildInto(t, root, "kosong")
	if _, err := os.Stat(filepath.Join(root, "kosong", "dinas", "layanan-dua")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the removed service's folder: %v, want it gone", err)
	}
	entries, _ := os.ReadDir(root)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"baru", "kosong", "site"}; !slices.Equal(names, want) {
		t.Errorf("beside the outputs: %v, want %v", names, want)
	}
}

// TestRemoveStaleKeepsOthers: cleaning up after a killed build removes only folders with
// the build's temporary prefix, not other folders or files beside the output.
func TestRemoveStaleKeepsOthers(t *testing.T) {
	parent := t.TempDir()
	keep := []string{"public-lama/index.html", ".public.bak/index.html", "public.papan-tmp-1/index.html",
		".lain.papan-tmp-1/index.html", "catatan.txt"}
	for _, f := range append(slices.Clone(keep), ".public.papan-tmp-9/index.html") {
		writeFile(t, filepath.Join(parent, filepath.FromSlash(f)), "x")
	}
	writeFile(t, filepath.Join(parent, ".public.papan-tmp-berkas"), "a file, not a folder")
	keep = append(keep, ".public.papan-tmp-berkas")
	if _, err := build(t, "testdata/site", filepath.Join(parent, "public"), ""); err != nil {
		t.Fatal(err)
	}
	for _, f := range keep {
		if _, err := os.Stat(filepath.Join(parent, filepath.FromSlash(f))); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(parent, ".public.papan-tmp-9")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temporary folder: %v, want it removed", err)
	}
}

// TestStaticConflicts: a file in static/ that would replace a file the build makes is a
// galat at line 1, for papan build and papan check alike; other static files, even
// inside a service's folder, are published.
func TestStaticConflicts(t *testing.T) {
	const hint = "Ganti nama atau hapus berkas ini. Papan membuat berkas itu sendiri; tampilan halaman diubah lewat templat di layouts/."
	tests := []struct {
		file, msg string
	}{
		{"index.html", "berkas ini akan menimpa index.html yang dibuat Papan"},
		{"sitemap.xml", "berkas ini akan menimpa sitemap.xml yang dibuat Papan"},
		{"robots.txt", "berkas ini akan menimpa robots.txt yang dibuat Papan"},
		{"404.html", "berkas ini akan menimpa 404.html yang dibuat Papan"},
		{"_headers", "berkas ini akan menimpa _headers yang dibuat Papan"},
		{"dinas/index.html", "berkas ini akan menimpa dinas/index.html yang dibuat Papan"},
		{"dinas/layanan-uji/index.html", "berkas ini akan menimpa dinas/layanan-uji/index.html yang dibuat Papan"},
		{"dinas/layanan-uji/cetak/index.html", "berkas ini akan menimpa dinas/layanan-uji/cetak/index.html yang dibuat Papan"},
		{"tentang/index.html", "berkas ini akan menimpa tentang/index.html yang dibuat Papan"},
		{"kategori/uji/index.html", "berkas ini akan menimpa kategori/uji/index.html yang dibuat Papan"},
		{"kepatuhan/index.html", "berkas ini akan menimpa kepatuhan/index.html yang dibuat Papan"},
		{"dinas/layanan-uji/cetak", "berkas ini memakai nama folder dinas/layanan-uji/cetak/ tempat Papan menulis dinas/layanan-uji/cetak/index.html"},
		{"sitemap.xml/lama.xml", "berkas ini berada di folder sitemap.xml/, padahal Papan membuat berkas sitemap.xml"},
		{"baris\nbaru.txt", "nama berkas ini memuat karakter kendali (baris baru, tab, …)"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := copySite(t)
			writeFile(t, filepath.Join(src, "static", filepath.FromSlash(tt.file)), "<p>dari static</p>")
			writeFile(t, filepath.Join(src, "static", "dinas", "layanan-uji", "lampiran.pdf"), "%PDF")
			file := "static/" + strings.ReplaceAll(tt.file, "\n", `\n`)
			wantHint := hint
			if strings.Contains(tt.file, "\n") {
				wantHint = "Ganti nama berkas dengan huruf, angka, tanda hubung dan titik saja."
			}
			want := standard.Problems{{File: file, Line: 1, Col: 1, Severity: standard.Error, Message: tt.msg, Hint: wantHint}}
			parent := t.TempDir()
			_, err := build(t, src, filepath.Join(parent, "public"), "")
			var ps standard.Problems
			if !errors.As(err, &ps) || !slices.Equal(ps, want) {
				t.Errorf("build: %v\nwant %v", err, want)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 0 {
				t.Errorf("the failed build left %v", entries)
			}
			ps, _, err = engine.Check(context.Background(), os.DirFS(src), time.Time{})
			if err != nil || !slices.Equal(ps, want) {
				t.Errorf("check: %v %v\nwant %v", ps, err, want)
			}
			s := engine.NewSession(os.DirFS(src), "")
			if _, _, err := s.Update(context.Background(), nil); !errors.As(err, &ps) || !slices.Equal(ps, want) {
				t.Errorf("serve's session: %v\nwant %v", err, want)
			}
		})
	}
	t.Run("none", func(t *testing.T) {
		src := copySite(t)
		for _, f := range []string{"dinas/layanan-uji/lampiran.pdf", "logo.svg", ManifestName, ".well-known/security.txt", "kategori/daftar.html"} {
			writeFile(t, filepath.Join(src, "static", filepath.FromSlash(f)), "x")
		}
		out := filepath.Join(t.TempDir(), "public")
		if _, err := build(t, src, out, ""); err != nil {
			t.Fatal(err)
		}
		tree := readTree(t, out)
		for _, f := range []string{"dinas/layanan-uji/lampiran.pdf", "logo.svg", ".well-known/security.txt", "kategori/daftar.html"} {
			if _, ok := tree[f]; !ok {
				t.Errorf("static/%s not published", f)
			}
		}
		if bytes.Equal(tree[ManifestName], []byte("x")) {
			t.Error("static/.papan-keluaran replaced the manifest")
		}
	})
}

// BenchmarkCheckOut10k measures the check of a previous output before a build replaces
// it, on an output shaped like a 10,000-service site: 100 OPDs of 100 services, each
// with its page and poster, and the manifest listing them.
func BenchmarkCheckOut10k(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	var paths []string
	for o := range 100 {
		for s := range 100 {
			dir := fmt.Sprintf("opd-%03d/layanan-%03d", o, s)
			paths = append(paths, dir+"/index.html", dir+"/cetak/index.html")
		}
		paths = append(paths, fmt.Sprintf("opd-%03d/index.html", o))
	}
	paths = append(paths, "index.html", "404.html", "sitemap.xml")
	for _, p := range paths {
		name := filepath.Join(out, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(name, nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	files := make([]*engine.OutFile, len(paths))
	for i, p := range paths {
		files[i] = &engine.OutFile{Path: p}
	}
	slices.SortFunc(files, func(a, b *engine.OutFile) int { return strings.Compare(a.Path, b.Path) })
	if err := writeManifest(out, files); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := checkOut(Options{Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}
