package engine

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

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
