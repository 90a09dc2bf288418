package serve

import (
	"fmt"
	"github.com/papan-id/papan/internal/engine"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkRebuild measures what a save of one service file costs before open pages are
// told to reload: take the file into the session and render the pages that show it.
func BenchmarkRebuild(b *testing.B) {
	b.Run("example site", func(b *testing.B) {
		// The example site at the repository root: it must build.
		root := filepath.Join("..", "..")
		if _, _, err := engine.NewSession(os.DirFS(root), "/").Update(b.Context(), nil); err != nil {
			b.Fatalf("example site does not build: %v", err)
		}
		benchRebuild(b, root, "content/dukcapil/akta-kelahiran.toml")
	})
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("generated %d services", n), func(b *testing.B) {
			if n > 1000 && testing.Short() {
				b.Skip("large site in -short mode")
			}
			benchRebuild(b, generateSite(b, n), servicePath)
		})
	}
}

func benchRebuild(b *testing.B, dir, file string) {
	s := NewServer(os.DirFS(dir), io.Discard)
	s.Rebuild(b.Context(), nil)
	if s.good == nil {
		b.Fatalf("site does not build: %q", s.errs)
	}
	for b.Loop() {
		s.Rebuild(b.Context(), []string{file})
	}
	if s.errs != nil {
		b.Fatalf("rebuild failed: %q", s.errs)
	}
	b.ReportMetric(float64(len(s.good.outs)), "files")
}

// generateSite writes a site of n services, 50 per OPD, from the test site's files.
func generateSite(b testing.TB, n int) string {
	b.Helper()
	dir := copySite(b)
	opd := readFile(b, filepath.Join(dir, "content/dinas/_opd.toml"))
	svc := readFile(b, filepath.Join(dir, servicePath))
	for i := range n {
		o := fmt.Sprintf("opd-%03d", i/50)
		if i%50 == 0 {
			mustWrite(b, filepath.Join(dir, "content", o, "_opd.toml"),
				strings.Replace(opd, `nama = "Dinas Uji"`, fmt.Sprintf(`nama = "Dinas Uji %d"`, i/50), 1))
		}
		mustWrite(b, filepath.Join(dir, "content", o, fmt.Sprintf("layanan-%05d.toml", i)),
			strings.Replace(svc, `nama = "Layanan Uji"`, fmt.Sprintf(`nama = "Layanan Uji %d"`, i), 1))
	}
	return dir
}
