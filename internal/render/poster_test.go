package render

import (
	"fmt"
	"html"
	"html/template"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/papan-id/papan/internal/standard"
)

func TestCut(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short text stays whole", "Kartu Keluarga", 20, "Kartu Keluarga"},
		{"long text is cut at a word", "Fotokopi akta kelahiran yang dilegalisasi", 20, "Fotokopi akta…"},
		{"punctuation before the cut goes", "Surat pengantar RT, RW, dan kelurahan", 21, "Surat pengantar RT…"},
		{"one long word is cut inside", strings.Repeat("a", 30), 10, strings.Repeat("a", 9) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cut(tt.in, tt.n)
			if got != tt.want {
				t.Errorf("cut(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
			if utf8.RuneCountInString(got) > tt.n {
				t.Errorf("cut(%q, %d) is %d runes long", tt.in, tt.n, utf8.RuneCountInString(got))
			}
		})
	}
}

func TestPlainTextOfMaklumat(t *testing.T) {
	m := newMarkdown()
	got := plainText(m.Field("Kami sanggup melayani **tanpa biaya**, serta\n\nsiap menerima *sanksi* &amp; teguran."))
	if want := "Kami sanggup melayani tanpa biaya, serta siap menerima sanksi & teguran."; got != want {
		t.Errorf("plainText = %q, want %q", got, want)
	}
}

// TestPlainTextAsRegexps checks plainText against the regular expressions it replaces.
func TestPlainTextAsRegexps(t *testing.T) {
	blockTags := regexp.MustCompile(`</?(?:p|br|li|ul|ol|h[1-6]|blockquote|div|table|tr|td|th|pre)\b[^>]*>`)
	tags := regexp.MustCompile(`<[^>]*>`)
	spaces := regexp.MustCompile(`\s+`)
	reference := func(h string) string {
		s := blockTags.ReplaceAllString(h, " ")
		s = tags.ReplaceAllString(s, "")
		return strings.TrimSpace(spaces.ReplaceAllString(html.UnescapeString(s), " "))
	}
	pieces := []string{"<p>", "</p>", "<pre>", "<path d>", "<h1 id=x>", "<h7>", "<br/>", "<li", "<", ">", "/",
		"<em>", "</em>", "<p_x>", "<//p>", "<tr>", "<table>", "<thead>", "kata", " ", "\n", "\t", "\u00a0",
		"&amp;", "&lt;p&gt;", "&nbsp;", "&#10;", "é"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if got, want := plainText(template.HTML(b.String())), reference(b.String()); got != want {
			t.Fatalf("plainText(%q) = %q, want %q", b.String(), got, want)
		}
	}
}

// TestPosterHeading checks the poster's service name: whole and in the full heading size
// up to posterNameRunes, whole and smaller up to rules.PosterNameRunes, cut beyond.
func TestPosterHeading(t *testing.T) {
	for _, tt := range []struct {
		name, service, want, class string
	}{
		{"a short name", "Penerbitan KTP-el", "Penerbitan KTP-el", ""},
		{"60 characters", strings.Repeat("é", 60), strings.Repeat("é", 60), ""},
		{"61 characters", strings.Repeat("é", 61), strings.Repeat("é", 61), "p-long"},
		{"150 characters", strings.Repeat("é", 150), strings.Repeat("é", 150), "p-long"},
		{"151 characters", strings.Repeat("é", 151), strings.Repeat("é", 149) + "…", "p-long"},
		{"5,000 characters", strings.Repeat("Izin Usaha ", 455), strings.Repeat("Izin Usaha ", 13) + "Izin…", "p-long"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := searchSite()
			s := site.OPDs[0].Services[0]
			s.Name = tt.service
			r, err := New(site, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			p := r.posterData(s).Poster
			if p.Name != tt.want || p.NameClass != tt.class {
				t.Errorf("heading %q class %q, want %q class %q", p.Name, p.NameClass, tt.want, tt.class)
			}
		})
	}
}

// TestPosterPrintsPublishedAddress checks that the poster's QR code and address are the
// published ones when pages link elsewhere (papan serve), and the pages' own otherwise.
func TestPosterPrintsPublishedAddress(t *testing.T) {
	for _, tt := range []struct {
		name, base, published string
		url, back             string
		qr                    bool
	}{
		{"built", "https://uji.example/kota/", "", "https://uji.example/kota/dukcapil/ktp-el/", "/kota/dukcapil/ktp-el/", true},
		{"previewed", "/", "https://uji.example/kota/", "https://uji.example/kota/dukcapil/ktp-el/", "/dukcapil/ktp-el/", true},
		{"previewed, published without a host", "/", "/", "/dukcapil/ktp-el/", "/dukcapil/ktp-el/", false},
		{"previewed, published without a trailing slash", "/", "https://uji.example/kota", "https://uji.example/kota/dukcapil/ktp-el/", "/dukcapil/ktp-el/", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := searchSite()
			site.Config.BaseURL, site.Config.PublishedURL = tt.base, tt.published
			r, err := New(site, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			p := r.posterData(site.OPDs[0].Services[0]).Poster
			if p.URL != tt.url || p.ServiceURL != tt.back || p.QR != tt.qr {
				t.Errorf("URL %q, link back %q, QR %v; want %q, %q, %v", p.URL, p.ServiceURL, p.QR, tt.url, tt.back, tt.qr)
			}
		})
	}
}

// TestPosterKeepsEverything checks that the poster receives every requirement, choice,
// fee and complaint channel whole, however many and however long: the sheet runs on
// rather than cut them.
func TestPosterKeepsEverything(t *testing.T) {
	site := searchSite()
	s := site.OPDs[0].Services[0]
	long := strings.Repeat("sangat panjang dan terperinci ", 10)
	s.Requirements = nil
	for i := range 30 {
		req := standard.Requirement{Name: fmt.Sprintf("Dokumen ke-%d %s", i+1, long), Case: fmt.Sprintf("Kasus %d", i%3)}
		if i == 2 || i == 5 { // both of case 2: one choice of two
			req.OneOf = "pilihan"
		}
		s.Requirements = append(s.Requirements, req)
	}
	s.Fees = nil
	for i := range 5 {
		s.Fees = append(s.Fees, standard.Fee{Text: fmt.Sprintf("Tarif ke-%d %s", i+1, long), Amount: int64(1000 * (i + 1))})
	}
	s.Complaints = nil
	for i := range 12 {
		s.Complaints = append(s.Complaints, standard.Channel{Kind: "telepon", Values: standard.Texts{fmt.Sprintf("(021) 555-%04d", i), long}})
	}
	r, err := New(site, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := r.posterData(s).Poster
	var printed []string
	for _, g := range p.Requirements {
		for _, it := range g.Items {
			printed = append(printed, it.Text)
			printed = append(printed, it.Choices...)
		}
	}
	for _, req := range s.Requirements {
		if !slices.Contains(printed, req.Name) {
			t.Errorf("the poster lacks the requirement %.40q…", req.Name)
		}
	}
	if got, want := len(printed), len(s.Requirements)+1; got != want { // + "Salah satu dari:"
		t.Errorf("the poster has %d requirement lines, want %d", got, want)
	}
	for _, f := range s.Fees {
		if !strings.Contains(p.FeeLine, f.Text+": ") {
			t.Errorf("the fee line lacks %.40q…", f.Text)
		}
	}
	if got, want := len(p.Channels), 12+len(site.Config.Complaints); got != want {
		t.Errorf("the poster has %d complaint channels, want %d", got, want)
	}
	for _, c := range p.Channels[:12] {
		if !strings.HasSuffix(string(c.Value), template.HTMLEscapeString(long)) {
			t.Errorf("channel value cut: %.60q…", c.Value)
		}
	}
}

func TestFirstSentence(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Pemohon mengambil nomor antrean.", "Pemohon mengambil nomor antrean."},
		{"Pemohon mengambil nomor antrean. Penyandang disabilitas didahulukan.", "Pemohon mengambil nomor antrean."},
		{"Pemohon membayar Rp15.000 di kasir", "Pemohon membayar Rp15.000 di kasir"},
		{"Dokumen dikirim ke surel pemohon, mis. gmail.com", "Dokumen dikirim ke surel pemohon, mis. gmail.com"},
		{"", ""},
	} {
		if got := firstSentence(tt.in); got != tt.want {
			t.Errorf("firstSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
