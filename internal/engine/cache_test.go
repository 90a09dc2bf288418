package engine

import (
	"context"
	"crypto/sha256"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/rules"

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

// TestCacheAcrossDays: the cache is not keyed by the date. On the next day every record
// stands; once a service's last evaluation passes the age limit (SP019, and the score's
// level) its record does not, and the findings and the dashboard are those of a run
// without the cache on each day.
func TestCacheAcrossDays(t *testing.T) {
	dir := t.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 30, OPDs: 3, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	src := os.DirFS(dir)
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	first := day("2025-12-31") // gen-demo's evaluations are of 2025: all within 12 months
	c := OpenCache(dir, "check")
	if _, _, err := CheckCached(context.Background(), src, first, c); err != nil {
		t.Fatal(err)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	cfg := rules.Config{}
	for _, today := range []time.Time{day("2026-01-01"), day("2026-07-01")} {
		c := OpenCache(dir, "check")
		c.Wait()
		prev := maps.Clone(c.prev)
		got, gotDash, err := CheckCached(context.Background(), src, today, c)
		if err != nil {
			t.Fatal(err)
		}
		want, wantDash, err := Check(context.Background(), src, today)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the findings with the cache differ from those without it", today.Format(time.DateOnly))
		}
		if !reflect.DeepEqual(gotDash.OPDs, wantDash.OPDs) {
			t.Errorf("%s: the dashboard with the cache differs from the one without it", today.Format(time.DateOnly))
		}
		reused, flipped := 0, 0
		for _, r := range c.next {
			if r == prev[r.File] {
				reused++
			}
			if e := r.entry; e != nil && cfg.Evaluated(e, first) && !cfg.Evaluated(e, today) {
				flipped++
			}
		}
		if reused != len(c.next)-flipped {
			t.Errorf("%s: %d of %d records reused, want all but the %d whose evaluation became too old",
				today.Format(time.DateOnly), reused, len(c.next), flipped)
		}
		if today.Month() == time.July && flipped == 0 {
			t.Error("no service's evaluation passes the age limit by July 2026: the test shows nothing")
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
	}
}
