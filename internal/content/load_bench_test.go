package content_test

import (
	"context"
	"io/fs"
	"os"
	"path"
	"testing"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/gendemo"
	"github.com/papan-id/papan/internal/standard"
)

// BenchmarkLoad reads and validates a generated 1,000-service site from disk.
func BenchmarkLoad(b *testing.B) {
	dir := b.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		site, ps, err := content.Load(context.Background(), fsys)
		if err != nil || site == nil {
			b.Fatal(err, ps)
		}
	}
}

// BenchmarkLoadService reads and validates one service file, the unit of a rebuild.
func BenchmarkLoadService(b *testing.B) {
	dir := b.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 1, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	entries, err := os.ReadDir(dir + "/content/disdukcapil")
	if err != nil {
		b.Fatal(err)
	}
	file := ""
	for _, e := range entries {
		if e.Name() != content.OPDFile {
			file = "content/disdukcapil/" + e.Name()
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if s, ps := content.LoadService(fsys, file); s == nil {
			b.Fatal(ps)
		}
	}
}

// BenchmarkValidateService is the validation step of BenchmarkLoadService alone: the
// checks on a decoded service that make a file an error.
func BenchmarkValidateService(b *testing.B) {
	dir := b.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 1, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	files, _ := fs.Glob(os.DirFS(dir), "content/*/*.toml")
	var s *standard.Service
	for _, f := range files {
		if path.Base(f) != content.OPDFile {
			s, _ = content.LoadService(os.DirFS(dir), f)
		}
	}
	if s == nil {
		b.Fatal("no service")
	}
	b.ReportAllocs()
	for b.Loop() {
		if ps := s.Validate(); len(ps) > 0 {
			b.Fatal(ps)
		}
	}
}
