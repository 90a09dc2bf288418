package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The build cache (issue 18): a build or check with nothing changed does nothing again,
// --tanpa-cache neither reads nor writes the cache, and a bad cache is not trusted.

// garbage is what a damaged cache file holds in these cases.
const garbage = "papan-cache 1\nbukan cache\n"

// mtimes returns the modification time of every file under dir.
func mtimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	m := map[string]time.Time{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				m[p] = fi.ModTime()
			}
		}
		return err
	})
	if len(m) == 0 {
		t.Fatalf("%s holds no files", dir)
	}
	return m
}

func wantFile(t *testing.T, name, want string) {
	t.Helper()
	if b, err := os.ReadFile(name); err != nil || string(b) != want {
		t.Errorf("%s = %q, %v; want %q", name, b, err, want)
	}
}

var cachePromises = func() []promise {
	var before map[string]time.Time // of the output after the first build
	var checked string              // papan check's output without the cache
	return []promise{
		{
			name: "build with nothing changed writes nothing and says so",
			setup: func(t *testing.T, dir string) {
				if code, _, stderr := run("build", "--src", dir); code != ExitOK {
					t.Fatalf("first build: exit %d\n%s", code, stderr)
				}
				before = mtimes(t, filepath.Join(dir, "public"))
				time.Sleep(10 * time.Millisecond)
			},
			args:   []string{"build", "--src", "{dir}"},
			code:   ExitOK,
			stderr: []string{"papan: tidak ada yang berubah sejak build sebelumnya; {dir}/public tidak disentuh (8 halaman, 25 berkas)"},
			after: func(t *testing.T, dir string) {
				after := mtimes(t, filepath.Join(dir, "public"))
				for p, m := range before {
					if !after[p].Equal(m) {
						t.Errorf("%s was written again", p)
					}
				}
				if len(after) != len(before) {
					t.Errorf("%d files, want %d", len(after), len(before))
				}
			},
		},
		{
			name:  "build --tanpa-cache neither reads nor writes the cache",
			files: map[string]string{".papan-cache/build": garbage},
			args:  []string{"build", "--tanpa-cache", "--src", "{dir}"},
			code:  ExitOK,
			after: func(t *testing.T, dir string) {
				wantFile(t, filepath.Join(dir, ".papan-cache", "build"), garbage)
				wantManifest(t, filepath.Join(dir, "public"))
			},
		},
		{
			name:  "build ignores a damaged cache and writes it anew",
			files: map[string]string{".papan-cache/build": garbage},
			args:  []string{"build", "--src", "{dir}"},
			code:  ExitOK,
			after: func(t *testing.T, dir string) {
				wantManifest(t, filepath.Join(dir, "public"))
				if code, _, stderr := run("build", "--src", dir); code != ExitOK || !hasLine(stderr,
					"papan: tidak ada yang berubah sejak build sebelumnya; "+dir+"/public tidak disentuh (8 halaman, 25 berkas)") {
					t.Errorf("the build after: exit %d\n%s\nwant nothing changed", code, stderr)
				}
			},
		},
		{
			name:  "check --tanpa-cache neither reads nor writes the cache",
			files: map[string]string{".papan-cache/check": garbage},
			args:  []string{"check", "--tanpa-cache", "--src", "{dir}"},
			code:  ExitOK,
			after: func(t *testing.T, dir string) {
				wantFile(t, filepath.Join(dir, ".papan-cache", "check"), garbage)
			},
		},
		{
			name: "check with the cache prints what it prints without",
			setup: func(t *testing.T, dir string) {
				// A warning with a position, for the records to carry.
				writeFiles(t, filepath.Join(dir, "content", "dinas"), map[string]string{"catatan.txt": "x"})
				var code int
				code, checked, _ = run("check", "--tanpa-cache", "--src", dir)
				if code != ExitOK || checked == "" {
					t.Fatalf("check without the cache: exit %d\n%s", code, checked)
				}
				if code, out, _ := run("check", "--src", dir); code != ExitOK || out != checked {
					t.Fatalf("the first check with the cache: exit %d\n%s\nwant\n%s", code, out, checked)
				}
			},
			args:   []string{"check", "--src", "{dir}"},
			code:   ExitOK,
			stdout: []string{"content/dinas/layanan-uji.toml:6:2: peringatan: standar belum mencatat tanggal evaluasi terakhir [SP019]"},
			after: func(t *testing.T, dir string) {
				if _, err := os.Stat(filepath.Join(dir, ".papan-cache", "check")); err != nil {
					t.Errorf("check made no cache: %v", err)
				}
				if code, out, _ := run("check", "--src", dir); code != ExitOK || out != checked {
					t.Errorf("check from the cache: exit %d\n%s\nwant\n%s", code, out, checked)
				}
			},
		},
	}
}()
