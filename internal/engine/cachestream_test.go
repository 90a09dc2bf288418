package engine

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/gendemo"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/standard"
)

// TestCacheStreamed: a run with Stream writes each record it makes to the cache file
// as its step ends, with the pages as fill gave them, and keeps only its file and key:
// read back, every record is what a run without Stream saves, and the site's key is
// the same.
func TestCacheStreamed(t *testing.T) {
	dir := t.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 30, OPDs: 3, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	write := func(render.Output) error { return nil }
	fill := func(pages []OutFile) {
		for j := range pages {
			p := pages[j].Path
			pages[j] = OutFile{Path: p, Size: int64(len(p)), Mtime: int64(j), Ino: 7, Sum: sha256.Sum256([]byte(p)), Links: []string{"/", p}}
		}
	}
	ref := OpenCache(dir, "ref")
	if _, err := Run(context.Background(), os.DirFS(dir), Options{Cache: ref, Write: write, Locate: true}); err != nil {
		t.Fatal(err)
	}
	for _, r := range ref.Records() {
		fill(r.Pages)
	}
	c := OpenCache(dir, "build")
	c.Stream(func(pages []OutFile) bool { fill(pages); return true })
	if _, err := Run(context.Background(), os.DirFS(dir), Options{Cache: c, Write: write, Locate: true}); err != nil {
		t.Fatal(err)
	}
	for i, r := range c.Records() {
		if r != nil {
			t.Errorf("record %d kept in memory after it was written", i)
		}
	}
	if c.site != ref.site {
		t.Error("the site's key differs from a run that kept its records")
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, CacheDir, "build.tmp-*")); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
	d := OpenCache(dir, "build")
	d.Wait()
	if len(d.prev) != len(ref.Records()) || d.prevSite != ref.site {
		t.Fatalf("read %d records (want %d), site key %x (want %x)", len(d.prev), len(ref.Records()), d.prevSite, ref.site)
	}
	for _, r := range ref.Records() {
		got := d.prev[r.File]
		if got == nil {
			t.Fatalf("no record of %s", r.File)
		}
		var want *standard.Service
		if r.entry != nil {
			w := *r.entry
			w.OPD = nil
			want = &w
		}
		if e := d.listEntry(got, nil, nil); !reflect.DeepEqual(e, want) {
			t.Errorf("%s: entry read back\n%+v\nwant\n%+v", r.File, e, want)
		}
		g, r2 := *got, *r
		g.entry, g.raw, r2.entry = nil, nil, nil
		if !reflect.DeepEqual(g, r2) {
			t.Errorf("%s: record read back\n%+v\nwant\n%+v", r.File, g, r2)
		}
	}
}

// TestCacheStreamDropped: a run with Stream whose build then fails (Drop) leaves the
// saved cache as it was and no temporary file; a temporary file a killed run left is
// removed by the next that writes one.
func TestCacheStreamDropped(t *testing.T) {
	dir := t.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 6, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	run := func(c *Cache) {
		t.Helper()
		c.Stream(func([]OutFile) bool { return true })
		if _, err := Run(context.Background(), os.DirFS(dir), Options{Cache: c, Write: func(render.Output) error { return nil }}); err != nil {
			t.Fatal(err)
		}
	}
	c := OpenCache(dir, "build")
	run(c)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, CacheDir, "build")
	saved, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	killed := filepath.Join(dir, CacheDir, "build.tmp-123")
	if err := os.WriteFile(killed, []byte("papan-cache 5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Another binary's cache: every record is made again, and written as it is.
	c = OpenCache(dir, "build")
	c.Wait()
	c.prev = nil
	run(c)
	if _, err := os.Stat(killed); !os.IsNotExist(err) {
		t.Errorf("a killed run's temporary file is still there: %v", err)
	}
	c.Drop()
	if b, _ := os.ReadFile(file); !bytes.Equal(b, saved) {
		t.Error("a dropped run changed the saved cache")
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, CacheDir, "build.tmp-*")); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

// TestStrtabGenerations: the encoder's string table forgets strings it has not seen
// for a generation, yet every string reads back as written, and a string every frame
// names is written once.
func TestStrtabGenerations(t *testing.T) {
	var buf bytes.Buffer
	e := &encoder{t: &strtab{index: map[string]uint32{}}}
	var want []string
	for i := range 3*maxStrtab + 5 {
		e.b = e.b[:0]
		for _, s := range []string{"pesan yang sama", fmt.Sprint("unik-", i), fmt.Sprint("unik-", i/2)} {
			e.s(s)
			want = append(want, s)
		}
		if err := e.frame(&buf, e.b); err != nil {
			t.Fatal(err)
		}
	}
	if len(e.t.index) > maxStrtab+3 || len(e.t.older) > maxStrtab+3 {
		t.Errorf("the table holds %d and %d strings, want at most %d (and a frame's) each", len(e.t.index), len(e.t.older), maxStrtab)
	}
	var d decoder
	var frame []byte
	r := bufio.NewReader(&buf)
	var got []string
	for range 3*maxStrtab + 5 {
		if err := d.readFrame(r, &frame, 1<<20); err != nil {
			t.Fatal(err)
		}
		for len(d.b) > 0 {
			got = append(got, d.s())
		}
	}
	if !slices.Equal(got, want) {
		t.Fatal("the strings read back are not those written")
	}
	if n := strings.Count(strings.Join(d.strs, "\n"), "pesan yang sama"); n != 1 {
		t.Errorf("the string every frame names was written %d times, want 1", n)
	}
}
