package engine_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/gendemo"
	"github.com/papan-id/papan/internal/standard"
)

// BenchmarkCheck10k is `papan check` without the process: load, validate, run the
// rulebook and locate every finding.
func BenchmarkCheck10k(b *testing.B) {
	dir := b.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := engine.Check(context.Background(), fsys, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuild10k is issue 7's rebuild target, what papan serve does on a save: one
// service file of a 10,000-service site changes, the session takes it in (read, check,
// search index), and the pages that show it are rendered (its page, its poster, its OPD's
// page). The home page and dashboard are rendered when opened. "name" changes the
// service's name, which the search index holds; "summary" changes its ringkasan, which
// the index does not hold, so the index is not made again.
func BenchmarkRebuild10k(b *testing.B) {
	dir := b.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	file, err := fs.Glob(os.DirFS(dir), "content/*/*.toml")
	if err != nil || len(file) < 2 {
		b.Fatal(err)
	}
	svc := file[1] // file[0] is the first OPD's _opd.toml
	src, err := os.ReadFile(filepath.Join(dir, svc))
	if err != nil {
		b.Fatal(err)
	}
	sess := engine.NewSession(os.DirFS(dir), "/")
	if _, _, err := sess.Update(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	opd, slug := path.Base(path.Dir(svc)), strings.TrimSuffix(path.Base(svc), ".toml")
	want := map[string]bool{standard.OPDAddress(opd).File: true, standard.ServiceAddress(opd, slug).File: true, standard.PosterAddress(opd, slug).File: true}
	// "name-by-rename" saves as sed -i does: a temporary file renamed over the service
	// file, both names in the batch the watcher reports.
	for _, key := range []struct {
		name, prefix string
		rename       bool
	}{{"name", `nama = "`, false}, {"summary", `ringkasan = "`, false}, {"name-by-rename", `nama = "`, true}} {
		b.Run(key.name, func(b *testing.B) {
			if !bytes.Contains(src, []byte(key.prefix)) {
				b.Fatalf("%s has no %s", svc, key.prefix)
			}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				// The first such line is the service's own (requirements come later).
				edited := bytes.Replace(src, []byte(key.prefix), []byte(fmt.Sprintf("%s%d ", key.prefix, i)), 1)
				changed := []string{svc}
				if key.rename {
					tmp := path.Join(path.Dir(svc), "sedQ1w2E3")
					if err := os.WriteFile(filepath.Join(dir, tmp), edited, 0o644); err != nil {
						b.Fatal(err)
					}
					if err := os.Rename(filepath.Join(dir, tmp), filepath.Join(dir, svc)); err != nil {
						b.Fatal(err)
					}
					changed = append(changed, tmp)
				} else if err := os.WriteFile(filepath.Join(dir, svc), edited, 0o644); err != nil {
					b.Fatal(err)
				}
				if _, _, err := sess.Update(context.Background(), changed); err != nil {
					b.Fatal(err)
				}
				rendered := 0
				for _, o := range sess.Outputs() {
					if want[o.Path] {
						var buf bytes.Buffer
						if err := sess.Render(o, &buf); err != nil {
							b.Fatal(err)
						}
						if !bytes.Contains(buf.Bytes(), []byte(fmt.Sprintf("%d ", i))) {
							b.Fatalf("%s does not show the saved change", o.Path)
						}
						rendered++
					}
				}
				if rendered != len(want) {
					b.Fatalf("rendered %d of the pages %v", rendered, want)
				}
			}
		})
	}
}

// BenchmarkCheckCached10k is papan check of a 10,000-service site with nothing changed
// since the last check: every finding comes from the build cache (issue 18: <= 0.3 s).
func BenchmarkCheckCached10k(b *testing.B) {
	dir := b.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	check := func() {
		c := engine.OpenCache(dir, "check")
		if _, _, err := engine.CheckCached(context.Background(), fsys, time.Time{}, c); err != nil {
			b.Fatal(err)
		}
		if err := c.Save(); err != nil {
			b.Fatal(err)
		}
	}
	check()
	b.ReportAllocs()
	for b.Loop() {
		check()
	}
}
