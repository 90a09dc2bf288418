package build_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/papan-id/papan/internal/build"
	"github.com/papan-id/papan/internal/gendemo"
)

func benchBuild(b *testing.B, services int) {
	dir := b.TempDir()
	src := filepath.Join(dir, "site")
	if _, err := gendemo.Generate(context.Background(), src, gendemo.Options{Services: services, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	opts := build.Options{Src: os.DirFS(src), SrcDir: src, Out: filepath.Join(dir, "public")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := build.Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild builds a generated 1,000-service site into a temporary folder.
func BenchmarkBuild(b *testing.B) { benchBuild(b, 1000) }

// BenchmarkBuild10k is the size of issue 7's main target; profile it with
// go test -run '^$' -bench 'Build10k$' -cpuprofile cpu.out ./internal/build/
func BenchmarkBuild10k(b *testing.B) { benchBuild(b, 10000) }

// benchCached builds a generated 10,000-service site once with the build cache, then
// times the build again after change (which may do nothing) each time.
func benchCached(b *testing.B, change func(b *testing.B, src string, i int)) {
	dir := b.TempDir()
	src := filepath.Join(dir, "site")
	if _, err := gendemo.Generate(context.Background(), src, gendemo.Options{Services: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	opts := build.Options{Src: os.DirFS(src), SrcDir: src, Out: filepath.Join(dir, "public"), Cache: true}
	if _, err := build.Build(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		b.StopTimer()
		change(b, src, i)
		i++
		b.StartTimer()
		if _, err := build.Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildCachedUnchanged10k is papan build with nothing changed since the last
// build (issue 18: <= 1.0 s).
func BenchmarkBuildCachedUnchanged10k(b *testing.B) {
	benchCached(b, func(*testing.B, string, int) {})
}

// BenchmarkBuildCachedOneChanged10k is papan build after one service's summary changed
// (issue 18: <= 1.5 s).
func BenchmarkBuildCachedOneChanged10k(b *testing.B) {
	benchCached(b, func(b *testing.B, src string, i int) {
		files, err := filepath.Glob(filepath.Join(src, "content", "*", "*.toml"))
		if err != nil || len(files) < 2 {
			b.Fatal(err)
		}
		file := files[1] // files[0] is the first OPD's _opd.toml
		text, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		text = bytes.Replace(text, []byte("ringkasan = \""), fmt.Appendf(nil, "ringkasan = \"Perubahan %d. ", i), 1)
		if err := os.WriteFile(file, text, 0o644); err != nil {
			b.Fatal(err)
		}
	})
}
