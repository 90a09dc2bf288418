package render

import (
	"strings"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/standard"
)

// TestFees: each kind of fee is written as the standard states it, on the page, in the
// summary box, on the poster and in the JSON-LD; never "Gratis" unless gratis = true.
func TestFees(t *testing.T) {
	law := standard.Law{ID: "perda-1", Kind: "Peraturan Daerah", Number: "1", Year: 2023, Title: "Retribusi"}
	for _, tt := range []struct {
		name             string
		fees             []standard.Fee
		summary, section string // what service.html shows of the fees
		poster           string
		offers           string // the JSON-LD offers
		free             bool
	}{
		{"free, said explicitly", []standard.Fee{{Text: "Penerbitan", Free: true}},
			"<dd><strong>Gratis</strong></dd>", "<strong>Penerbitan</strong>: Gratis, tidak dipungut biaya", "Gratis",
			`"offers":[{"@id":"https://uji.example/kota/dukcapil/ktp-el/#biaya-1","@type":"Offer","name":"Penerbitan","price":0,"priceCurrency":"IDR"}]`, true},
		{"a fixed amount", []standard.Fee{{Text: "Cetak", Amount: 15000, LegalBasis: "perda-1"}},
			"<dd><strong>Rp15.000</strong></dd>", "<strong>Cetak</strong>: Rp15.000<br><span class=\"muted\">Dasar hukum: Peraturan Daerah Nomor 1 Tahun 2023 tentang Retribusi</span>", "Cetak: Rp15.000",
			`"offers":[{"@id":"https://uji.example/kota/dukcapil/ktp-el/#biaya-1","@type":"Offer","name":"Cetak","price":15000,"priceCurrency":"IDR"}]`, false},
		{"a range", []standard.Fee{{Text: "Retribusi", Min: 10000, Max: 50000, LegalBasis: "perda-1"}},
			"<dd><strong>Rp10.000–Rp50.000</strong></dd>", "<strong>Retribusi</strong>: Rp10.000–Rp50.000", "Retribusi: Rp10.000–Rp50.000",
			`"offers":[{"@id":"https://uji.example/kota/dukcapil/ktp-el/#biaya-1","@type":"Offer","name":"Retribusi","priceSpecification":{"@id":"https://uji.example/kota/dukcapil/ktp-el/#biaya-1-rentang","@type":"PriceSpecification","maxPrice":50000,"minPrice":10000,"priceCurrency":"IDR"}` + "\n}]", false},
		{"set by a regulation (Kota Metro's PBG)", []standard.Fee{{Text: "Retribusi PBG", Rule: "Retribusi dipungut Berdasarkan Peraturan Daerah", LegalBasis: "perda-1"}},
			"<dd><strong>Menurut ketentuan: Retribusi dipungut Berdasarkan Peraturan Daerah</strong></dd>",
			"<strong>Retribusi PBG</strong>: Menurut ketentuan: Retribusi dipungut Berdasarkan Peraturan Daerah", "Retribusi PBG: Menurut ketentuan: Retribusi dipungut Berdasarkan Peraturan Daerah",
			`"offers":[{"@id":"https://uji.example/kota/dukcapil/ktp-el/#biaya-1","@type":"Offer","description":"Retribusi dipungut Berdasarkan Peraturan Daerah","name":"Retribusi PBG"}]`, false},
		{"free beside paid (a Puskesmas: BPJS and umum)", []standard.Fee{{Text: "Peserta BPJS", Free: true}, {Text: "Pasien umum", Amount: 20000, LegalBasis: "perda-1"}},
			`<dd><strong>Gratis–Rp20.000</strong> <a href="#biaya">rincian 2 jenis biaya</a></dd>`, "<strong>Peserta BPJS</strong>: Gratis, tidak dipungut biaya", "Peserta BPJS: Gratis; Pasien umum: Rp20.000",
			`"offers":[{"@id":"https://uji.example/kota/dukcapil/ktp-el/#biaya-1","@type":"Offer","name":"Peserta BPJS","price":0,"priceCurrency":"IDR"},{"@id":"https://uji.example/kota/dukcapil/ktp-el/#biaya-2","@type":"Offer","name":"Pasien umum","price":20000,"priceCurrency":"IDR"}]`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := searchSite()
			s := site.OPDs[0].Services[0]
			s.Fees, s.LegalBasis = tt.fees, []standard.Law{law}
			if got := s.Free(); got != tt.free {
				t.Errorf("Free() = %v, want %v", got, tt.free)
			}
			r, err := New(site, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			page := renderService(t, r, s)
			for _, want := range []string{tt.summary, tt.section} {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			if !tt.free && strings.Contains(page, "<dd><strong>Gratis</strong></dd>") {
				t.Error("page says Gratis in its summary")
			}
			if got := r.posterData(s).Poster.FeeLine; got != tt.poster {
				t.Errorf("poster fee line %q, want %q", got, tt.poster)
			}
			if !strings.Contains(page, tt.offers) {
				t.Errorf("JSON-LD lacks %s", tt.offers)
			}
		})
	}
}

// TestRupiahOfZero: an amount of zero is Rp0, never the word for free; only gratis = true
// says that.
func TestRupiahOfZero(t *testing.T) {
	r, err := New(searchSite(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.rupiah(0); got != "Rp0" {
		t.Errorf("rupiah(0) = %q", got)
	}
	if got := r.fee(standard.Fee{Text: "x"}); got != "Belum dicantumkan dalam standar pelayanan ini" {
		t.Errorf("a fee of no kind = %q", got)
	}
}

// TestLegalBasisLines: a legal basis prints what is given of it, and an amended law is
// followed by its amendments in year order, which are not listed again on their own.
func TestLegalBasisLines(t *testing.T) {
	site := searchSite()
	site.Config.PublishManagement = true
	s := site.OPDs[0].Services[0]
	s.LegalBasis = []standard.Law{
		{ID: "pp-37-2007", Kind: "Peraturan Pemerintah", Number: "37", Year: 2007, Title: "Pelaksanaan Undang-Undang Nomor 23 Tahun 2006"},
		{ID: "uu-24-2013", Kind: "Undang-Undang", Number: "24", Year: 2013, Title: "Perubahan atas Undang-Undang Nomor 23 Tahun 2006", Amends: standard.Texts{"uu-23-2006"}},
		{ID: "uu-23-2006", Kind: "Undang-Undang", Number: "23", Year: 2006, Title: "Administrasi Kependudukan", Link: "https://peraturan.example/uu-23-2006"},
		{ID: "uu-kedua", Kind: "Undang-Undang", Number: "1", Year: 2025, Title: "Perubahan Kedua", Amends: standard.Texts{"uu-23-2006"}},
		{ID: "pp-102-2012", Kind: "Peraturan Pemerintah", Number: "102", Year: 2012, Title: "Perubahan atas PP 37/2007", Amends: standard.Texts{"pp-37-2007"}},
		{Kind: "Peraturan Daerah"},
		{Kind: "Peraturan Presiden", Number: "25", Year: 2008},
	}
	r, err := New(site, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	page := renderService(t, r, s)
	want := `<h3>Dasar hukum</h3><ol>` +
		`<li>Peraturan Pemerintah Nomor 37 Tahun 2007 tentang Pelaksanaan Undang-Undang Nomor 23 Tahun 2006 sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 102 Tahun 2012 tentang Perubahan atas PP 37/2007</li>` +
		`<li><a href="https://peraturan.example/uu-23-2006">Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan</a> sebagaimana telah diubah dengan Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 dan Undang-Undang Nomor 1 Tahun 2025 tentang Perubahan Kedua</li>` +
		`<li>Peraturan Daerah</li>` +
		`<li>Peraturan Presiden Nomor 25 Tahun 2008</li></ol>`
	if !strings.Contains(page, want) {
		i := strings.Index(page, "<h3>Dasar hukum")
		t.Errorf("legal basis:\n%s\nwant:\n%s", page[i:min(len(page), i+len(want)+200)], want)
	}
	if strings.Contains(page, "Nomor  Tahun") || strings.Contains(page, "Tahun 0") || strings.Contains(page, "tentang </li>") {
		t.Error("page prints a part of a legal basis that is not given")
	}
}

// TestDecreeLine: the decree line prints the number and the date that are given, never
// an empty "tanggal".
func TestDecreeLine(t *testing.T) {
	date := standard.Date{Time: time.Date(2024, 1, 22, 0, 0, 0, 0, time.UTC)}
	for _, tt := range []struct {
		name   string
		decree *standard.Decree
		want   string
	}{
		{"number and date (Kelurahan Demangan)", &standard.Decree{Number: "050/14/401.303.8/2024", Date: date},
			`<p class="decree muted">Standar pelayanan ini ditetapkan dengan Surat Keputusan Nomor 050/14/401.303.8/2024 tanggal 22 Januari 2024.</p>`},
		{"number without date", &standard.Decree{Number: "060/02/2021"},
			`<p class="decree muted">Standar pelayanan ini ditetapkan dengan Surat Keputusan Nomor 060/02/2021.</p>`},
		{"date without number", &standard.Decree{Date: date},
			`<p class="decree muted">Standar pelayanan ini ditetapkan dengan Surat Keputusan tanggal 22 Januari 2024.</p>`},
		{"neither", &standard.Decree{}, ""},
		{"no SK", nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := searchSite()
			s := site.OPDs[0].Services[0]
			s.Decree = tt.decree
			r, err := New(site, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			page := renderService(t, r, s)
			if tt.want == "" {
				if strings.Contains(page, `class="decree`) {
					t.Error("a decree line without a number or a date")
				}
				return
			}
			if !strings.Contains(page, tt.want) {
				t.Errorf("page lacks %s", tt.want)
			}
		})
	}
}

// renderService renders the page of s.
func renderService(t *testing.T, r *Renderer, s *standard.Service) string {
	t.Helper()
	var b strings.Builder
	if err := r.execute(&b, "service", r.serviceData(s)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
