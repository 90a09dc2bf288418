package browsertest

import (
	"context"
	"fmt"
	"html/template"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/papan-id/papan/internal/rules"
	"rsc.io/qr"
)

// A4 in PostScript points (1/72 inch): 210 × 297 mm.
const a4W, a4H = 595.28, 841.89

var (
	pdfPage     = regexp.MustCompile(`/Type\s*/Page\b`) // not /Pages: \b fails before the s
	pdfMediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)
)

// printPoster prints the page at url to PDF the way a user's "Print" does with the page's
// own @page size, and returns the number of pages and the size of each.
func printPoster(t *testing.T, tab context.Context, url string) (pages int, boxes [][2]float64) {
	t.Helper()
	ctx := timeout(t, tab)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPrintBackground(), func(p *page.PrintToPDFParams) {
		p.PreferCSSPageSize = new(true)
	}))
	if err != nil {
		t.Fatalf("%s: print to PDF: %v", url, err)
	}
	pages = len(pdfPage.FindAll(pdf, -1))
	for _, m := range pdfMediaBox.FindAllSubmatch(pdf, -1) {
		var f [4]float64
		for i := range f {
			f[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
		}
		boxes = append(boxes, [2]float64{f[2] - f[0], f[3] - f[1]})
	}
	return pages, boxes
}

func checkOneA4(t *testing.T, tab context.Context, url string) {
	t.Helper()
	n, boxes := printPoster(t, tab, url)
	if n != 1 {
		t.Errorf("%s prints on %d pages, want exactly 1", url, n)
	}
	if len(boxes) == 0 {
		t.Fatalf("%s: no /MediaBox in the PDF", url)
	}
	for _, b := range boxes {
		if math.Abs(b[0]-a4W) > 2 || math.Abs(b[1]-a4H) > 2 {
			t.Errorf("%s: page is %.1f × %.1f pt, want A4 (%.1f × %.1f)", url, b[0], b[1], a4W, a4H)
		}
	}
}

// TestPosterPrintsOnOneA4Page prints every poster of the example site, and the poster
// of a service far longer than any real one, and checks each is one A4 sheet.
func TestPosterPrintsOnOneA4Page(t *testing.T) {
	tab := browser(t)
	t.Run("every poster of the example site", func(t *testing.T) {
		s := buildAndServe(t, exampleSite(t))
		n := 0
		for _, p := range pages(t, s.Dir) {
			if strings.HasSuffix(p, "/cetak/") {
				checkOneA4(t, tab, s.URL+strings.TrimPrefix(p, "/"))
				n++
			}
		}
		if n == 0 {
			t.Fatal("the example site has no poster pages")
		}
	})
	t.Run("a very long service", func(t *testing.T) {
		src := t.TempDir()
		if err := os.CopyFS(src, os.DirFS(testSite)); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(src, "content/dinas/sangat-panjang.toml"), longService())
		s := buildAndServe(t, os.DirFS(src))
		url := s.URL + "dinas/sangat-panjang/cetak/"
		checkOneA4(t, tab, url)
		html, err := os.ReadFile(filepath.Join(s.Dir, "dinas/sangat-panjang/cetak/index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if want := "selengkapnya di " + s.URL + "dinas/sangat-panjang/"; !strings.Contains(string(html), want) {
			t.Errorf("a cut list should end with %q", want)
		}
	})
	// The name rule SP024 allows, in capitals (wider than most text), on the service
	// above with an OPD whose name fills its two lines: still one sheet, and the name is
	// printed whole. A name far past the rule is cut and still leaves one sheet.
	atBound := strings.Repeat("PENERBITAN SURAT KETERANGAN PINDAH WARGA NEGARA INDONESIA (SKPWNI) ANTAR KABUPATEN/KOTA ", 3)[:rules.PosterNameRunes]
	for _, c := range []struct {
		name, service, heading string
	}{
		{"a service name at the poster's bound", atBound, atBound},
		{"a 5,000-character service name", strings.Repeat("Izin Usaha ", 500)[:5000], strings.Repeat("Izin Usaha ", 13) + "Izin…"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := t.TempDir()
			if err := os.CopyFS(src, os.DirFS("../build/testdata/site")); err != nil {
				t.Fatal(err)
			}
			svc := strings.Replace(longService(), longServiceName, c.service, 1)
			writeFile(t, filepath.Join(src, "content/dinas/sangat-panjang.toml"), svc)
			opd, err := os.ReadFile(filepath.Join(src, "content/dinas/_opd.toml"))
			if err != nil {
				t.Fatal(err)
			}
			longOPD := "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Kepulauan Siau Tagulandang Biaro Provinsi Sulawesi Utara dan Sekitarnya"
			writeFile(t, filepath.Join(src, "content/dinas/_opd.toml"), strings.Replace(string(opd), `nama = "Dinas Uji"`, `nama = "`+longOPD+`"`, 1))
			s := buildAndServe(t, os.DirFS(src))
			checkOneA4(t, tab, s.URL+"dinas/sangat-panjang/cetak/")
			html, err := os.ReadFile(filepath.Join(s.Dir, "dinas/sangat-panjang/cetak/index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if want := `<h1 class="p-long">` + template.HTMLEscapeString(c.heading) + "</h1>"; !strings.Contains(string(html), want) {
				t.Errorf("the poster lacks the heading %.80q…", want)
			}
		})
	}
}

// longServiceName is the name of longService.
const longServiceName = "Layanan dengan standar yang sangat panjang untuk menguji poster satu halaman A4"

// longService is a service with far more, and far longer, items than a poster holds.
func longService() string {
	var b strings.Builder
	long := strings.Repeat("sangat panjang dan terperinci ", 12)
	b.WriteString("nama = \"" + longServiceName + "\"\n")
	b.WriteString("ringkasan = \"" + long + "\"\n")
	for i := range 40 {
		fmt.Fprintf(&b, "[[persyaratan]]\nkasus = \"Kasus %d\"\nnama = \"Dokumen persyaratan ke-%d %s\"\njika = \"jika %s\"\n", i%3, i+1, long, long[:60])
	}
	for i := range 30 {
		fmt.Fprintf(&b, "[[prosedur]]\nkanal = \"Kanal %d\"\nuraian = \"Langkah ke-%d: %s\"\npelaksana = \"Petugas %s\"\n", i%2, i+1, long, long[:80])
	}
	b.WriteString("[jangka_waktu]\nnilai = 14\npaling_lama = 30\nsatuan = \"hari kerja\"\ndihitung_sejak = \"berkas dinyatakan lengkap dan benar\"\n")
	b.WriteString("[[biaya]]\nuraian = \"Tanpa biaya\"\ngratis = true\n")
	b.WriteString("[[produk]]\nnama = \"Dokumen hasil layanan yang sangat panjang namanya\"\n")
	for i := range 15 {
		fmt.Fprintf(&b, "[[pengaduan]]\njenis = \"telepon\"\nnilai = \"(021) 555-%04d\"\njam = \"Senin–Jumat 08.00–16.00 WIB\"\n", i)
	}
	return b.String()
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

var qrPath = regexp.MustCompile(`<svg class="qr"[^>]*viewBox="0 0 (\d+) (\d+)"[^>]*>.*?<path[^>]* d="([^"]*)"`)
var qrRun = regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`)

// svgGrid reads the module grid back out of the poster's QR code SVG.
func svgGrid(t *testing.T, html string) [][]bool {
	t.Helper()
	m := qrPath.FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no QR code <svg class=\"qr\"> with a path in the poster")
	}
	n, _ := strconv.Atoi(m[1])
	grid := make([][]bool, n)
	for i := range grid {
		grid[i] = make([]bool, n)
	}
	d := m[3]
	runs := qrRun.FindAllStringSubmatch(d, -1)
	if got := strings.Join(qrRun.FindAllString(d, -1), ""); got != d {
		t.Fatalf("QR path has commands other than row runs: %.80q…", d)
	}
	for _, r := range runs {
		x, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		w, _ := strconv.Atoi(r[3])
		for i := x; i < x+w; i++ {
			grid[y][i] = true
		}
	}
	return grid
}

// TestPosterQRCodeCarriesServiceURL proves the poster's QR code encodes the service's
// absolute address: the SVG's module grid must equal rsc.io/qr's own encoding of that
// address, with the quiet zone around it.
func TestPosterQRCodeCarriesServiceURL(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	base := "https://standar.kotauji.go.id/layanan/"
	buildTo(t, testSite, dir, base)
	html, err := os.ReadFile(filepath.Join(dir, "dinas/layanan-uji/cetak/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	got := svgGrid(t, string(html))
	url := base + "dinas/layanan-uji/"
	code, err := qr.Encode(url, qr.M)
	if err != nil {
		t.Fatal(err)
	}
	want := make([][]bool, code.Size+8)
	for y := range want {
		want[y] = make([]bool, code.Size+8)
		for x := range want[y] {
			want[y][x] = code.Black(x-4, y-4) // Black is false outside the code: the quiet zone
		}
	}
	if len(got) != len(want) {
		t.Fatalf("QR code is %d modules wide, the library's encoding of %q is %d", len(got), url, len(want))
	}
	for y := range want {
		for x := range want[y] {
			if got[y][x] != want[y][x] {
				t.Fatalf("QR module (%d,%d) = %v, the library's encoding of %q has %v", x, y, got[y][x], url, want[y][x])
			}
		}
	}
	if !strings.Contains(string(html), `aria-label="Kode QR menuju `+url+`"`) {
		t.Error("the QR code should be labelled with its address for screen readers")
	}
}
