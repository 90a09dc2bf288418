package engine

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/render"

	"github.com/papan-id/papan/internal/gendemo"
)

// TestCacheOtherBinary: a cache written by another build of Papan is not trusted, its
// records may hold another version's findings; one written by this binary is.
func TestCacheOtherBinary(t *testing.T) {
	dir := t.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 4, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	c := OpenCache(dir, "check")
	if _, _, err := CheckCached(context.Background(), os.DirFS(dir), time.Time{}, c); err != nil {
		t.Fatal(err)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = OpenCache(dir, "check")
	if c.Wait(); len(c.prev) != 4 {
		t.Fatalf("this binary's cache has %d records, want 4", len(c.prev))
	}
	// As if another binary had written it: another file, other bytes.
	c.exe.stat.Mtime++
	c.exe.sum[0] ^= 1
	c.Touch()
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = OpenCache(dir, "check")
	if c.Wait(); c.prev != nil {
		t.Errorf("another binary's cache was trusted: %d records", len(c.prev))
	}
	if _, err := os.Stat(filepath.Join(dir, CacheDir, "check")); err != nil {
		t.Error(err)
	}
}

// TestCacheRoundTrip: every record of a run — list entry, findings, problems, score,
// pages — and the output's files and keys read back from the cache file as they were
// written (cachecodec.go writes them field by field: a field it misses fails here).
func TestCacheRoundTrip(t *testing.T) {
	dir := t.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 40, OPDs: 3, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	c := OpenCache(dir, "build")
	write := func(render.Output) error { return nil }
	if _, err := Run(context.Background(), os.DirFS(dir), Options{Cache: c, Write: write, Locate: true}); err != nil {
		t.Fatal(err)
	}
	for i, r := range c.Records() {
		for j := range r.Pages {
			r.Pages[j] = OutFile{Path: r.Pages[j].Path, Size: int64(i*10 + j), Mtime: -int64(j), Ino: uint64(i), Sum: sha256.Sum256([]byte(r.Pages[j].Path)),
				Links: []string{"/", r.Pages[j].Path}}
		}
	}
	c.Out = "/keluaran"
	c.Files = []OutFile{{Path: "index.html", Size: 5, Links: []string{"/a/"}}, {Path: "404.html"}}
	c.Manifest = OutFile{Path: ".papan-keluaran", Size: 9, Ino: 3}
	c.Dirs = []OutFile{{Path: ".", Mtime: 7}}
	c.Made = map[string][sha256.Size]byte{"index.html": sha256.Sum256([]byte("a")), "data/layanan.csv": sha256.Sum256([]byte("b"))}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	d := OpenCache(dir, "build")
	d.Wait()
	if len(d.prev) != len(c.Records()) {
		t.Fatalf("read %d records, wrote %d", len(d.prev), len(c.Records()))
	}
	entries := 0
	for _, r := range c.Records() {
		got := d.prev[r.File]
		if got == nil {
			t.Fatalf("no record of %s", r.File)
		}
		if r.entry != nil {
			entries++
			want := *r.entry
			want.OPD = nil
			if e := d.listEntry(got, nil, nil); !reflect.DeepEqual(e, &want) {
				t.Errorf("%s: entry read back\n%+v\nwant\n%+v", r.File, e, &want)
			}
		} else if d.listEntry(got, nil, nil) != nil {
			t.Errorf("%s: an entry read back where none was written", r.File)
		}
		g, r2 := *got, *r
		g.entry, r2.entry = nil, nil
		if !reflect.DeepEqual(g, r2) {
			t.Errorf("%s: record read back\n%+v\nwant\n%+v", r.File, g, r2)
		}
	}
	if entries == 0 {
		t.Fatal("no record with a list entry")
	}
	if d.Out != c.Out || !reflect.DeepEqual(d.Files, c.Files) || d.Manifest.Path != c.Manifest.Path || d.Manifest.Ino != 3 ||
		!reflect.DeepEqual(d.Dirs, c.Dirs) || !reflect.DeepEqual(d.Made, c.Made) {
		t.Errorf("the tail read back: %q %+v %+v %+v %v", d.Out, d.Files, d.Manifest, d.Dirs, d.Made)
	}
}
