package render_test

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/gendemo"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/standard"
)

func loadDemo(b *testing.B, services int) *standard.Site {
	b.Helper()
	dir := b.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: services, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	site, ps, err := content.Load(context.Background(), os.DirFS(dir))
	if err != nil || site == nil {
		b.Fatal(err, ps)
	}
	return site
}

// BenchmarkOutputs lists the outputs of a 1,000-service site (the work done before any
// page is rendered).
func BenchmarkOutputs(b *testing.B) {
	site := loadDemo(b, 1000)
	r, err := render.New(site, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r.Outputs()
	}
}

// BenchmarkRenderService renders one service page of a 1,000-service site.
func BenchmarkRenderService(b *testing.B) {
	site := loadDemo(b, 1000)
	r, err := render.New(site, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	var page render.Output
	for _, o := range r.Outputs() {
		// A service page is <opd>/<service>/index.html.
		if strings.Count(o.Path, "/") == 2 && strings.HasSuffix(o.Path, "/index.html") {
			page = o
			break
		}
	}
	if page.Write == nil {
		b.Fatal("no service page among the outputs")
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := page.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderHome renders the home page, whose size grows with the site.
func BenchmarkRenderHome(b *testing.B) {
	site := loadDemo(b, 1000)
	r, err := render.New(site, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	var page render.Output
	for _, o := range r.Outputs() {
		if o.Path == "index.html" {
			page = o
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := page.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
