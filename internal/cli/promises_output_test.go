package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The advice lines of the output folder's refusals (internal/build/outdir.go).
const (
	saranSite     = "\tsaran: Pilih folder di luar site.toml, content/, layouts/ dan static/ dengan --out, misalnya --out public."
	saranNotOurs  = "\tsaran: Papan mengganti seluruh isi folder keluaran, jadi hanya memakai folder kosong atau hasil papan build sebelumnya. Pilih folder baru atau kosong dengan --out; jika folder ini keluaran Papan versi lama, hapus sendiri lalu bangun lagi."
	saranForeign  = "\tsaran: Papan mengganti seluruh folder keluaran pada setiap build. Pindahkan berkas itu ke luar folder ini, atau taruh di static/ agar ikut diterbitkan."
	saranStatic   = "\tsaran: Ganti nama atau hapus berkas ini. Papan membuat berkas itu sendiri; tampilan halaman diubah lewat templat di layouts/."
	laporan, foto = "angka anggaran 2025\n", "\xff\xd8\xff\xe0 foto kegiatan"
)

// outputPromises are the promises about output: see TestPromises.
var outputPromises = []promise{
	{
		name:  "build refuses a folder holding other files and leaves them as they were",
		files: map[string]string{"public/laporan-keuangan.xlsx": laporan, "public/sub/foto.jpg": foto},
		args:  []string{"build", "--src", "{dir}"},
		code:  ExitProblem,
		stderr: []string{
			"{dir}/public: galat: folder keluaran tidak kosong dan bukan keluaran Papan (tidak ada berkas .papan-keluaran)",
			saranNotOurs,
			"1 galat, 0 peringatan",
		},
		after: func(t *testing.T, dir string) {
			wantTree(t, filepath.Join(dir, "public"), map[string]string{"laporan-keuangan.xlsx": laporan, "sub/foto.jpg": foto})
			wantOnly(t, dir, "content", "public", "site.toml")
		},
	},
	{
		name: "build refuses --out site.toml and leaves it as it was",
		args: []string{"build", "--src", "{dir}", "--out", "{dir}/site.toml"},
		code: ExitProblem,
		stderr: []string{
			"{dir}/site.toml: galat: folder keluaran ini adalah site.toml situs",
			saranSite,
		},
		after: func(t *testing.T, dir string) {
			sameAsFixture(t, dir, "site.toml")
			wantOnly(t, dir, "content", "site.toml")
		},
	},
	{
		name:  "build refuses an --out that is an existing file",
		files: map[string]string{"catatan.txt": "rapat hari Senin\n"},
		args:  []string{"build", "--src", "{dir}", "--out", "{dir}/catatan.txt"},
		code:  ExitProblem,
		stderr: []string{
			"{dir}/catatan.txt: galat: sudah ada berkas dengan nama ini; folder keluaran harus berupa folder",
			"\tsaran: Papan tidak menimpa berkas. Pilih folder lain dengan --out, misalnya --out public.",
		},
		after: func(t *testing.T, dir string) {
			wantTree(t, dir, map[string]string{"catatan.txt": "rapat hari Senin\n"}, "catatan.txt")
			wantOnly(t, dir, "catatan.txt", "content", "site.toml")
		},
	},
	{
		name:   "build refuses --out content",
		args:   []string{"build", "--src", "{dir}", "--out", "{dir}/content"},
		code:   ExitProblem,
		stderr: []string{"{dir}/content: galat: folder keluaran ini adalah content/ situs", saranSite},
		after: func(t *testing.T, dir string) {
			sameAsFixture(t, dir, "content/dinas/_opd.toml", "content/dinas/layanan-uji.toml", "content/halaman/tentang.md")
		},
	},
	{
		name:   "build refuses an --out inside content",
		args:   []string{"build", "--src", "{dir}", "--out", "{dir}/content/dinas"},
		code:   ExitProblem,
		stderr: []string{"{dir}/content/dinas: galat: folder keluaran ini berada di dalam content/ situs", saranSite},
		after: func(t *testing.T, dir string) {
			sameAsFixture(t, dir, "content/dinas/_opd.toml", "content/dinas/layanan-uji.toml")
			if ents, _ := os.ReadDir(filepath.Join(dir, "content", "dinas")); len(ents) != 2 {
				t.Errorf("content/dinas holds %d entries, want its 2 files", len(ents))
			}
		},
	},
	{
		name:   "build refuses the site folder itself as --out",
		args:   []string{"build", "--src", "{dir}", "--out", "{dir}"},
		code:   ExitProblem,
		stderr: []string{"{dir}: galat: folder keluaran ini adalah folder situs itu sendiri"},
		after:  func(t *testing.T, dir string) { wantOnly(t, dir, "content", "site.toml") },
	},
	{
		name: "build refuses an --out that is a symbolic link",
		setup: func(t *testing.T, dir string) {
			if err := os.MkdirAll(filepath.Join(dir, "www"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(filepath.Join(dir, "www"), filepath.Join(dir, "public")); err != nil {
				t.Skipf("cannot make a symlink here: %v", err)
			}
		},
		args: []string{"build", "--src", "{dir}"},
		code: ExitProblem,
		stderr: []string{
			"{dir}/public: galat: folder keluaran ini adalah tautan simbolik (symlink)",
			"\tsaran: Papan mengganti folder keluaran secara utuh dan tidak mengikuti tautan. Tulis folder tujuannya langsung, misalnya --out {dir}/www.",
		},
	},
	{
		name:  "build into an empty folder",
		setup: func(t *testing.T, dir string) { mkdir(t, filepath.Join(dir, "kosong")) },
		args:  []string{"build", "--src", "{dir}", "--out", "{dir}/kosong"},
		code:  ExitOK,
		after: func(t *testing.T, dir string) {
			wantManifest(t, filepath.Join(dir, "kosong"))
		},
	},
	{
		name: "build replaces its previous output",
		setup: func(t *testing.T, dir string) {
			// A first build with a second service; the rebuild without it drops its pages.
			svc, err := os.ReadFile(filepath.Join(dir, "content", "dinas", "layanan-uji.toml"))
			if err != nil {
				t.Fatal(err)
			}
			extra := filepath.Join(dir, "content", "dinas", "layanan-dua.toml")
			if err := os.WriteFile(extra, svc, 0o644); err != nil {
				t.Fatal(err)
			}
			if code, _, stderr := run("build", "--src", dir); code != ExitOK {
				t.Fatalf("first build: exit %d\n%s", code, stderr)
			}
			if err := os.Remove(extra); err != nil {
				t.Fatal(err)
			}
		},
		args: []string{"build", "--src", "{dir}"},
		code: ExitOK,
		after: func(t *testing.T, dir string) {
			wantManifest(t, filepath.Join(dir, "public"))
			if _, err := os.Stat(filepath.Join(dir, "public", "dinas", "layanan-dua")); !os.IsNotExist(err) {
				t.Errorf("the removed service's pages: %v, want them gone", err)
			}
			wantOnly(t, dir, ".papan-cache", "content", "public", "site.toml")
		},
	},
	{
		name: "build refuses a previous output holding files it did not write",
		setup: func(t *testing.T, dir string) {
			if code, _, stderr := run("build", "--src", dir); code != ExitOK {
				t.Fatalf("first build: exit %d\n%s", code, stderr)
			}
			writeFiles(t, filepath.Join(dir, "public"), map[string]string{"laporan-keuangan.xlsx": laporan, "sub/foto.jpg": foto})
		},
		args: []string{"build", "--src", "{dir}"},
		code: ExitProblem,
		stderr: []string{
			"{dir}/public: galat: folder keluaran berisi berkas yang tidak ditulis Papan: laporan-keuangan.xlsx, sub/foto.jpg",
			saranForeign,
		},
		after: func(t *testing.T, dir string) {
			wantTree(t, filepath.Join(dir, "public"), map[string]string{"laporan-keuangan.xlsx": laporan, "sub/foto.jpg": foto}, "laporan-keuangan.xlsx", "sub/foto.jpg")
			wantManifest(t, filepath.Join(dir, "public"))
		},
	},
	{
		name:  "build stops on static/index.html replacing the home page",
		files: map[string]string{"static/index.html": "<h1>Beranda lama</h1>"},
		args:  []string{"build", "--src", "{dir}"},
		code:  ExitProblem,
		stderr: []string{
			"static/index.html:1:1: galat: berkas ini akan menimpa index.html yang dibuat Papan",
			saranStatic,
			"1 galat, 0 peringatan",
		},
		after: func(t *testing.T, dir string) { wantOnly(t, dir, "content", "site.toml", "static") },
	},
	{
		name:  "check reports static/sitemap.xml replacing the sitemap",
		files: map[string]string{"static/sitemap.xml": "<urlset/>"},
		args:  []string{"check", "--src", "{dir}"},
		code:  ExitProblem,
		stdout: []string{
			"static/sitemap.xml:1:1: galat: berkas ini akan menimpa sitemap.xml yang dibuat Papan",
			saranStatic,
		},
	},
	{
		name:  "check reports a static file replacing a service page",
		files: map[string]string{"static/dinas/layanan-uji/index.html": "<p>versi lama</p>"},
		args:  []string{"check", "--src", "{dir}"},
		code:  ExitProblem,
		stdout: []string{
			"static/dinas/layanan-uji/index.html:1:1: galat: berkas ini akan menimpa dinas/layanan-uji/index.html yang dibuat Papan",
			saranStatic,
		},
	},
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		mkdir(t, filepath.Dir(p))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// wantTree checks that dir holds files byte for byte. Unless only names some of them,
// dir must hold nothing else.
func wantTree(t *testing.T, dir string, files map[string]string, only ...string) {
	t.Helper()
	got := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	for name, want := range files {
		if g, ok := got[name]; !ok || g != want {
			t.Errorf("%s: %q (present %v), want %q", name, g, ok, want)
		}
	}
	if len(only) == 0 && len(got) != len(files) {
		t.Errorf("%s holds %d files, want %d", dir, len(got), len(files))
	}
}

// wantOnly checks that dir holds exactly the entries names: nothing was made beside them.
func wantOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, names) {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

// sameAsFixture checks that the site's files are still those of the fixture site.
func sameAsFixture(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		want, err := os.ReadFile(filepath.Join("../build/testdata/site", filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s changed: %v", f, err)
		}
	}
}

// wantManifest checks that out is a Papan output: its manifest lists the home page.
func wantManifest(t *testing.T, out string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, ".papan-keluaran"))
	if err != nil || !strings.HasPrefix(string(b), "papan-keluaran 2\n") || !strings.Contains(string(b), "\nindex.html\t") {
		t.Errorf("manifest of %s: %q, %v", out, b, err)
	}
}
