package build_test

import (
	"context"
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
