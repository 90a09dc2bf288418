package serve

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

const testDelay = 50 * time.Millisecond

// newTestWatcher watches a fresh site folder with content/dinas in it.
func newTestWatcher(t *testing.T) (*Watcher, string) {
	t.Helper()
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "site.toml"), "judul = \"x\"\n")
	mustWrite(t, filepath.Join(root, "content", "dinas", "_opd.toml"), "nama = \"x\"\n")
	w, err := NewWatcher(root, testDelay, func(err error) { t.Errorf("watcher error: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, root
}

func mustWrite(t testing.TB, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits for the next batch of changes.
func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b, ok := <-w.Changes():
		if !ok {
			t.Fatal("changes closed")
		}
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no change reported within 5 s")
		return nil
	}
}

// quiet checks that no batch arrives for a while.
func quiet(t *testing.T, w *Watcher, d time.Duration) {
	t.Helper()
	select {
	case b := <-w.Changes():
		t.Errorf("unexpected batch %q", b)
	case <-time.After(d):
	}
}

func TestWatcher(t *testing.T) {
	t.Run("a file saved in place is reported", func(t *testing.T) {
		w, root := newTestWatcher(t)
		mustWrite(t, filepath.Join(root, "content", "dinas", "ktp.toml"), "nama = \"KTP\"\n")
		if got, want := next(t, w), []string{"content/dinas/ktp.toml"}; !slices.Equal(got, want) {
			t.Errorf("batch = %q, want %q", got, want)
		}
	})

	t.Run("site.toml is watched and other top-level files are not", func(t *testing.T) {
		w, root := newTestWatcher(t)
		mustWrite(t, filepath.Join(root, "README.md"), "x")
		mustWrite(t, filepath.Join(root, "public", "index.html"), "x")
		mustWrite(t, filepath.Join(root, "site.toml"), "judul = \"y\"\n")
		if got, want := next(t, w), []string{"site.toml"}; !slices.Equal(got, want) {
			t.Errorf("batch = %q, want %q", got, want)
		}
	})

	t.Run("new sub-folders are watched", func(t *testing.T) {
		w, root := newTestWatcher(t)
		deep := filepath.Join(root, "content", "baru", "a", "b")
		if err := os.MkdirAll(deep, 0o755); err != nil { // one Create event, for content/baru
			t.Fatal(err)
		}
		if got := next(t, w); !slices.Contains(got, "content/baru") {
			t.Errorf("batch = %q, want content/baru in it", got)
		}
		// Written after the folder was seen: only a watch on the deepest folder reports it.
		mustWrite(t, filepath.Join(deep, "x.toml"), "x")
		if got, want := next(t, w), []string{"content/baru/a/b/x.toml"}; !slices.Equal(got, want) {
			t.Errorf("batch = %q, want %q", got, want)
		}
	})

	t.Run("files in a folder moved in at once are reported", func(t *testing.T) {
		w, root := newTestWatcher(t)
		outside := t.TempDir()
		mustWrite(t, filepath.Join(outside, "opd", "_opd.toml"), "nama = \"x\"\n")
		mustWrite(t, filepath.Join(outside, "opd", "layanan.toml"), "x")
		if err := os.Rename(filepath.Join(outside, "opd"), filepath.Join(root, "content", "opd")); err != nil {
			t.Skip("cannot move between temp folders:", err)
		}
		got := next(t, w)
		for _, want := range []string{"content/opd", "content/opd/_opd.toml", "content/opd/layanan.toml"} {
			if !slices.Contains(got, want) {
				t.Errorf("batch = %q, want %s in it", got, want)
			}
		}
	})

	t.Run("an editor's save by rename is reported, again and again", func(t *testing.T) {
		w, root := newTestWatcher(t)
		file := filepath.Join(root, "content", "dinas", "_opd.toml")
		for i := range 3 {
			tmp := filepath.Join(root, "content", "dinas", ".~_opd.toml.tmp")
			mustWrite(t, tmp, "nama = \"versi\"\n")
			if err := os.Rename(tmp, file); err != nil {
				t.Fatal(err)
			}
			if got, want := next(t, w), []string{"content/dinas/_opd.toml"}; !slices.Equal(got, want) {
				t.Errorf("save %d: batch = %q, want %q", i+1, got, want)
			}
		}
	})

	t.Run("a burst of writes is one batch", func(t *testing.T) {
		w, root := newTestWatcher(t)
		for i := range 40 {
			mustWrite(t, filepath.Join(root, "content", "dinas", "ktp.toml"), "nama = \"KTP\"\n# "+time.Now().String())
			if i%2 == 0 {
				mustWrite(t, filepath.Join(root, "site.toml"), "judul = \"y\"\n")
			}
			time.Sleep(testDelay / 10)
		}
		if got, want := next(t, w), []string{"content/dinas/ktp.toml", "site.toml"}; !slices.Equal(got, want) {
			t.Errorf("batch = %q, want %q", got, want)
		}
		quiet(t, w, 4*testDelay)
	})

	t.Run("editor clutter is ignored", func(t *testing.T) {
		w, root := newTestWatcher(t)
		mustWrite(t, filepath.Join(root, "content", "dinas", ".ktp.toml.swp"), "x")
		mustWrite(t, filepath.Join(root, "content", "dinas", "ktp.toml~"), "x")
		quiet(t, w, 4*testDelay)
	})

	t.Run("a layouts folder created later is watched", func(t *testing.T) {
		w, root := newTestWatcher(t)
		if err := os.Mkdir(filepath.Join(root, "layouts"), 0o755); err != nil {
			t.Fatal(err)
		}
		if got, want := next(t, w), []string{"layouts"}; !slices.Equal(got, want) {
			t.Errorf("batch = %q, want %q", got, want)
		}
		mustWrite(t, filepath.Join(root, "layouts", "home.html"), "x")
		if got, want := next(t, w), []string{"layouts/home.html"}; !slices.Equal(got, want) {
			t.Errorf("batch = %q, want %q", got, want)
		}
	})

	t.Run("close ends the changes", func(t *testing.T) {
		w, _ := newTestWatcher(t)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if _, ok := <-w.Changes(); ok {
			t.Error("changes still open after Close")
		}
		w.Close() // twice is harmless
	})
}
