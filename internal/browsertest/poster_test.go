package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/ledongthuc/pdf"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
	"rsc.io/qr"
)

// A4 in PostScript points (1/72 inch): 210 × 297 mm.
const a4W, a4H = 595.28, 841.89

// The poster's type sizes in points: a body read from a metre away and a name seen from
// across the room. Chromium writes sizes such as 10.995 for 11 pt.
const minBodyPt, minTitlePt = 11 - 0.01, 20 - 0.01

var pdfMediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)

// printedPage is one page of a printed poster: its text in the order it is drawn, the
// text set at the title's size or larger, and the smallest type on it.
type printedPage struct {
	Text, Large string
	MinSize     float64
}

// printPoster prints the page at url to PDF the way a user's "Print" does with the page's
// own @page size, and reads back each page's size and text.
func printPoster(t *testing.T, tab context.Context, url string) (pages []printedPage, boxes [][2]float64) {
	t.Helper()
	ctx := timeout(t, tab)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	out, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPrintBackground(), func(p *page.PrintToPDFParams) {
		p.PreferCSSPageSize = new(true)
	}))
	if err != nil {
		t.Fatalf("%s: print to PDF: %v", url, err)
	}
	for _, m := range pdfMediaBox.FindAllSubmatch(out, -1) {
		var f [4]float64
		for i := range f {
			f[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
		}
		boxes = append(boxes, [2]float64{f[2] - f[0], f[3] - f[1]})
	}
	r, err := pdf.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatalf("%s: reading the printed PDF: %v", url, err)
	}
	for i := 1; i <= r.NumPage(); i++ {
		pg := printedPage{MinSize: math.Inf(1)}
		var text, large strings.Builder
		for _, c := range r.Page(i).Content().Text {
			text.WriteString(c.S)
			if strings.TrimSpace(c.S) == "" {
				continue
			}
			pg.MinSize = min(pg.MinSize, c.FontSize)
			if c.FontSize >= minTitlePt {
				large.WriteString(c.S)
			}
		}
		pg.Text, pg.Large = squeeze(text.String()), squeeze(large.String())
		pages = append(pages, pg)
	}
	return pages, boxes
}

// squeeze drops white space, which the PDF's text has where lines break and lacks
// between them, so that a text reads the same whichever way it is wrapped, and spells
// out the ligatures the fonts print ("ﬁ" in "sertiﬁkat").
func squeeze(s string) string {
	return ligatures.Replace(strings.Join(strings.Fields(s), ""))
}

var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl")

// printedMarkdown is the text of Markdown as printed: without emphasis, bullets and quote
// marks; an ordered list's numbers are printed as "1.".
func printedMarkdown(md string) string {
	md = listNumber.ReplaceAllString(md, "$1.")
	return markdownMarks.ReplaceAllString(md, "")
}

var (
	listNumber    = regexp.MustCompile(`(?m)^\s*(\d+)[.)]\s+`)
	markdownMarks = regexp.MustCompile(`(?m)^\s*(?:[-*+]|>)\s+|[*_` + "`" + `\\]`)
)

// checkPoster prints the poster of s at url and checks that it is A4 sheets without a
// blank one, each headed by the OPD and the service's name at >= 20 pt, that no type is
// below 11 pt, and that every requirement, fee, product, complaint channel and the whole
// Maklumat are printed whole. It returns the number of sheets.
func checkPoster(t *testing.T, tab context.Context, url string, s *standard.Service, site *standard.Site) int {
	t.Helper()
	pages, boxes := printPoster(t, tab, url)
	if len(pages) == 0 || len(boxes) != len(pages) {
		t.Fatalf("%s: %d pages with %d /MediaBox in the PDF", url, len(pages), len(boxes))
	}
	for _, b := range boxes {
		if math.Abs(b[0]-a4W) > 2 || math.Abs(b[1]-a4H) > 2 {
			t.Errorf("%s: page is %.1f × %.1f pt, want A4 (%.1f × %.1f)", url, b[0], b[1], a4W, a4H)
		}
	}
	// The name as the poster sets it: whole, or beginning so when SP024's bound cuts it.
	name := s.Name
	if utf8.RuneCountInString(name) > rules.PosterNameRunes {
		name = string([]rune(name)[:rules.PosterNameRunes/2])
	}
	head := squeeze(s.OPD.Name) + pages[0].Large // the head of every sheet
	var whole strings.Builder
	var sheets []string // each sheet's text below its head
	for i, pg := range pages {
		if pg.Text == "" {
			t.Errorf("%s: page %d of %d is blank", url, i+1, len(pages))
			continue
		}
		if !strings.HasPrefix(pg.Large, squeeze(name)) {
			t.Errorf("%s: page %d of %d does not begin with the service's name at %v pt or more; its large text is %.80q",
				url, i+1, len(pages), minTitlePt, pg.Large)
		}
		if pg.MinSize < minBodyPt {
			t.Errorf("%s: page %d has text at %.2f pt, want at least 11 pt", url, i+1, pg.MinSize)
		}
		text := pg.Text
		if i > 0 {
			// A sheet that continues the one before begins with the same head.
			if !strings.HasPrefix(text, head) {
				t.Errorf("%s: page %d does not begin with the OPD and the name: %.80q", url, i+1, text)
			}
			text = strings.TrimPrefix(text, head)
		}
		sheets = append(sheets, text)
		whole.WriteString(text)
	}
	checkHeadingsKept(t, url, sheets, posterGroups(s))
	printed := whole.String()
	var want []string
	for _, r := range s.Requirements {
		want = append(want, r.Name, r.Condition)
	}
	if !s.Free() { // a free service says so in one word
		for _, f := range s.Fees {
			want = append(want, f.Text)
		}
	}
	for _, x := range s.Products {
		want = append(want, x.Name)
	}
	for _, c := range append(s.EffectiveComplaints(), site.Config.Complaints...) {
		want = append(want, c.Value())
	}
	if m := s.OPD.Maklumat; m != nil {
		want = append(want, printedMarkdown(string(m.Text)))
	}
	for _, w := range want {
		if w := squeeze(w); !strings.Contains(printed, w) {
			t.Errorf("%s: the printed poster lacks %.100q", url, w)
		}
	}
	return len(pages)
}

// posterGroup is a heading of the poster's requirements or procedure (a case, a
// channel) and the texts of its items in the order printed, squeezed; items is the
// start of each item's text.
type posterGroup struct {
	heading string
	items   []string
}

// posterGroups is the poster's headings and the items printed under each: the
// requirements and the procedure sections, then each requirement case and procedure
// channel, grouped the way the poster groups them: by first appearance, and a
// requirement's alternatives ("atau") under the first of them. A service of one case or
// one channel prints no heading for it and has no group for it here; its section's
// heading still repeats over a list carried on to the next sheet.
func posterGroups(s *standard.Service) []posterGroup {
	// group puts items under their headings by first appearance; "" is a heading too,
	// that of the items of a service without cases.
	type item struct{ heading, text string }
	group := func(items []item) []posterGroup {
		var gs []posterGroup
		for _, it := range items {
			i := slices.IndexFunc(gs, func(g posterGroup) bool { return g.heading == squeeze(it.heading) })
			if i < 0 {
				gs = append(gs, posterGroup{heading: squeeze(it.heading)})
				i = len(gs) - 1
			}
			// The start of the item suffices to find it, and the poster shortens a step
			// to its first sentence.
			text := squeeze(it.text)
			if r := []rune(text); len(r) > 24 {
				text = string(r[:24])
			}
			gs[i].items = append(gs[i].items, text)
		}
		return gs
	}
	// section is one group of every item, in the order its groups print them.
	section := func(heading string, gs []posterGroup) posterGroup {
		all := posterGroup{heading: squeeze(heading)}
		for _, g := range gs {
			all.items = append(all.items, g.items...)
		}
		return all
	}
	var order []standard.Requirement
	for _, r := range s.Requirements {
		if r.OneOf != "" && slices.ContainsFunc(order, func(o standard.Requirement) bool { return o.Case == r.Case && o.OneOf == r.OneOf }) {
			// after the last alternative already placed
			last := 0
			for k, o := range order {
				if o.Case == r.Case && o.OneOf == r.OneOf {
					last = k
				}
			}
			order = slices.Insert(order, last+1, r)
			continue
		}
		order = append(order, r)
	}
	var reqs, steps []item
	for _, r := range order {
		reqs = append(reqs, item{r.Case, r.Name})
	}
	for _, st := range s.Procedure {
		steps = append(steps, item{st.Channel, st.Text})
	}
	cases, channels := group(reqs), group(steps)
	var gs []posterGroup
	// The headings of the Indonesian theme (layouts/i18n/id.toml), which every test
	// site uses.
	if len(cases) > 0 {
		gs = append(gs, section("Persyaratan", cases))
	}
	if len(channels) > 0 {
		gs = append(gs, section("Sistem, mekanisme, dan prosedur", channels))
	}
	if len(cases) > 1 {
		gs = append(gs, cases...)
	}
	if len(channels) > 1 {
		gs = append(gs, channels...)
	}
	return gs
}

// checkHeadingsKept checks that no sheet of a printed poster ends with the heading of a
// case or channel whose items start on the next sheet, and that no sheet holds items of
// a group without that group's heading above them (repeated on a continuation sheet).
// sheets is each sheet's squeezed text below its head.
func checkHeadingsKept(t *testing.T, url string, sheets []string, groups []posterGroup) {
	t.Helper()
	// find returns the sheet and offset of the first occurrence of w at or after
	// (sheet, at), or -1.
	find := func(w string, sheet, at int) (int, int) {
		for ; sheet < len(sheets); sheet, at = sheet+1, 0 {
			if i := strings.Index(sheets[sheet][at:], w); i >= 0 {
				return sheet, at + i
			}
		}
		return -1, 0
	}
	for _, g := range groups {
		hs, ho := find(g.heading, 0, 0)
		if hs < 0 {
			t.Errorf("%s: the printed poster lacks the heading %q", url, g.heading)
			continue
		}
		sheet, at := hs, ho+len(g.heading)
		for k, item := range g.items {
			s, o := find(item, sheet, at)
			if s < 0 {
				t.Errorf("%s: the printed poster lacks %q of %q", url, item, g.heading)
				break
			}
			if k == 0 && s != hs {
				t.Errorf("%s: sheet %d ends with the heading %q; its first item %q is on sheet %d", url, hs+1, g.heading, item, s+1)
			}
			if !strings.Contains(sheets[s][:o], g.heading) {
				t.Errorf("%s: sheet %d has %q of %q without that heading above it", url, s+1, item, g.heading)
			}
			sheet, at = s, o+len(item)
		}
	}
}

// posterService finds the service whose poster is at path ("/dukcapil/ktp-el/cetak/").
func posterService(t *testing.T, site *standard.Site, path string) *standard.Service {
	t.Helper()
	for _, o := range site.OPDs {
		for _, s := range o.Services {
			if s.PosterAddr().Path == path {
				return s
			}
		}
	}
	t.Fatalf("no service has its poster at %s", path)
	return nil
}

// TestPosterPrintsWhole prints every poster of the example site, and the poster of a
// service far longer than any real one, and checks each as checkPoster does.
func TestPosterPrintsWhole(t *testing.T) {
	tab := browser(t)
	t.Run("every poster of the example site", func(t *testing.T) {
		src := exampleSite(t)
		s := buildAndServe(t, src)
		site := loadSite(t, src, s.URL).Site
		n := 0
		sheets := map[int]int{}
		for _, p := range pages(t, s.Dir) {
			if strings.HasSuffix(p, "/cetak/") {
				sheets[checkPoster(t, tab, s.URL+strings.TrimPrefix(p, "/"), posterService(t, site, p), site)]++
				n++
			}
		}
		if n == 0 {
			t.Fatal("the example site has no poster pages")
		}
		t.Logf("%d posters; number of posters by their number of sheets: %v", n, sheets)
	})
	t.Run("a very long service", func(t *testing.T) {
		src := t.TempDir()
		if err := os.CopyFS(src, os.DirFS(testSite)); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(src, "content/dinas/sangat-panjang.toml"), longService())
		s := buildAndServe(t, os.DirFS(src))
		site := loadSite(t, os.DirFS(src), s.URL).Site
		n := checkPoster(t, tab, s.URL+"dinas/sangat-panjang/cetak/", posterService(t, site, "/dinas/sangat-panjang/cetak/"), site)
		if n < 3 {
			t.Errorf("the very long service prints on %d sheets; its 40 long requirements alone need more than 2", n)
		}
	})
	// The same without cases or channels: its lists carried on to the next sheet print
	// under their sections' headings (checkHeadingsKept, through posterGroups).
	t.Run("a very long service of one case and one channel", func(t *testing.T) {
		src := t.TempDir()
		if err := os.CopyFS(src, os.DirFS(testSite)); err != nil {
			t.Fatal(err)
		}
		oneCase := regexp.MustCompile(`(?m)^(kasus|kanal) = .*\n`).ReplaceAllString(longService(), "")
		writeFile(t, filepath.Join(src, "content/dinas/sangat-panjang.toml"), oneCase)
		s := buildAndServe(t, os.DirFS(src))
		site := loadSite(t, os.DirFS(src), s.URL).Site
		svc := posterService(t, site, "/dinas/sangat-panjang/cetak/")
		if len(posterGroups(svc)) != 2 {
			t.Fatalf("the service has %d poster groups, want its two sections only", len(posterGroups(svc)))
		}
		if n := checkPoster(t, tab, s.URL+"dinas/sangat-panjang/cetak/", svc, site); n < 3 {
			t.Errorf("the very long service prints on %d sheets; its 40 long requirements alone need more than 2", n)
		}
	})
	// The name rule SP024 allows, in capitals (wider than most text), on the service
	// above with an OPD whose name fills its two lines: printed whole at 20 pt on every
	// sheet. A name far past the rule is cut.
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
			site := loadSite(t, os.DirFS(src), s.URL).Site
			checkPoster(t, tab, s.URL+"dinas/sangat-panjang/cetak/", posterService(t, site, "/dinas/sangat-panjang/cetak/"), site)
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

// longService is a service with far more, and far longer, items than one sheet holds.
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
