package render_test

import (
	"context"
	"io"
	"os"
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

// benchPage renders, over and over, the first output of a 1,000-service site that is
// reports as the page to measure.
func benchPage(b *testing.B, what string, is func(render.Output) bool) {
	site := loadDemo(b, 1000)
	r, err := render.New(site, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	var page render.Output
	for _, o := range r.Outputs() {
		if is(o) {
			page = o
			break
		}
	}
	if page.Write == nil {
		b.Fatalf("no %s among the outputs", what)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := page.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderService renders one service page of a 1,000-service site.
func BenchmarkRenderService(b *testing.B) {
	// A service page is <opd>/<service>/index.html; so is a category's page
	// (kategori/<slug>/index.html), which is why the kind is asked.
	benchPage(b, "service page", func(o render.Output) bool { return o.Kind == "service" })
}

// BenchmarkRenderPoster renders the printable poster of one service, QR code included.
func BenchmarkRenderPoster(b *testing.B) {
	benchPage(b, "poster", func(o render.Output) bool { return o.Kind == "poster" })
}

// BenchmarkRenderHome renders the home page, whose size grows with the site.
func BenchmarkRenderHome(b *testing.B) {
	benchPage(b, "home page", func(o render.Output) bool { return o.Path == "index.html" })
}
