package build

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"testing"

	"github.com/papan-id/papan/internal/render"
)

// BenchmarkWrite is the write stage alone, as a build writes each service page: one
// 30 KB page (the size of the biggest service page of the example site) into a folder
// of its own.
func BenchmarkWrite(b *testing.B) {
	page := bytes.Repeat([]byte("<p>Persyaratan pelayanan.</p>\n"), 1000)
	w := newWriter(b.TempDir())
	out := func(p string) render.Output {
		return render.Output{Path: p, Write: func(wr io.Writer) error { _, err := wr.Write(page); return err }}
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	for i := 0; b.Loop(); i++ {
		if err := w.write(out("opd/layanan-" + strconv.Itoa(i) + "/index.html")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLinkCheck is the link check's share of writing a page: the scan of the
// fixture's service page (testdata/golden) as it is written, and the recording of its
// links.
func BenchmarkLinkCheck(b *testing.B) {
	page, err := os.ReadFile("testdata/golden/dinas/layanan-uji/index.html")
	if err != nil {
		b.Fatal(err)
	}
	c := newLinkCheck()
	c.setBase("/standar/", "https://uji.example/standar/")
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	for i := 0; b.Loop(); i++ {
		s := c.start(true)
		s.Write(page)
		c.done("dinas/layanan-"+strconv.Itoa(i)+"/index.html", s)
	}
}
