package render

import (
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

func TestHomeListsEveryServiceUpToTheLimit(t *testing.T) {
	// searchSite has 3 services: two in "Administrasi Kependudukan", one without a category.
	for _, tt := range []struct {
		name    string
		limit   int
		compact bool
	}{
		{"no limit set: the default of 300", 0, false},
		{"as many services as the limit", 3, false},
		{"one service over the limit", 2, true},
		{"a limit of one", 1, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := searchSite()
			site.Config.Home.FullListLimit = tt.limit
			r, err := New(site, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			page, err := renderPage(t, r, "index.html")
			if err != nil {
				t.Fatal(err)
			}
			full := []string{ // every service, under its category
				`<h3 id="kat-administrasi-kependudukan"><a href="/kota/kategori/administrasi-kependudukan/">Administrasi Kependudukan</a> <span class="muted">(2)</span></h3>`,
				`<h3 id="kat-tanpa_kategori"><a href="/kota/kategori/tanpa_kategori/">Lainnya</a> <span class="muted">(1)</span></h3>`,
				`<a href="/kota/dukcapil/ktp-el/">Penerbitan KTP-el</a>`,
			}
			compact := []string{ // links to the category pages, with counts
				`<li><a href="/kota/kategori/administrasi-kependudukan/">Administrasi Kependudukan</a> <span class="muted">(2 layanan)</span></li>`,
				`<li><a href="/kota/kategori/tanpa_kategori/">Lainnya</a> <span class="muted">(1 layanan)</span></li>`,
			}
			want, notWant := full, compact
			if tt.compact {
				want, notWant = compact, full
			}
			for _, s := range want {
				if !strings.Contains(page, s) {
					t.Errorf("home page lacks %s", s)
				}
			}
			for _, s := range notWant {
				if strings.Contains(page, s) {
					t.Errorf("home page has %s", s)
				}
			}
			if !strings.Contains(page, `id="cari"`) {
				t.Error("home page lacks the search box")
			}
		})
	}
}

func TestCategoryPage(t *testing.T) {
	r, err := New(searchSite(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path string
		want       []string // in this order
	}{
		{"a category lists its services by name, each with its OPD and summary", "kategori/administrasi-kependudukan/index.html", []string{
			`<title>Kategori: Administrasi Kependudukan · Uji</title>`,
			`<meta name="description" content="2 standar pelayanan dalam kategori Administrasi Kependudukan: persyaratan, prosedur, waktu, dan biaya.">`,
			`<link rel="canonical" href="https://uji.example/kota/kategori/administrasi-kependudukan/">`,
			`<ol><li><a href="/kota/">Beranda</a></li><li aria-current="page">Kategori: Administrasi Kependudukan</li></ol>`,
			`<h1>Kategori: Administrasi Kependudukan</h1>`,
			`<p>2 layanan dalam kategori ini, dari semua perangkat daerah.</p>`,
			`<li><a href="/kota/dukcapil/kk/">Penerbitan Kartu Keluarga</a><br><span class="small">Dinas Kependudukan dan Pencatatan Sipil</span></li>`,
			`<li><a href="/kota/dukcapil/ktp-el/">Penerbitan KTP-el</a><br><span class="small">Dinas Kependudukan dan Pencatatan Sipil</span></li>`,
		}},
		{"services without a category have a page of their own", "kategori/tanpa_kategori/index.html", []string{
			`<h1>Kategori: Lainnya</h1>`,
			`<li><a href="/kota/kelurahan/domisili/">Surat Keterangan Domisili</a><br><span class="small">Kelurahan Sukamaju</span></li>`,
		}},
		{"the sitemap lists the category pages", "sitemap.xml", []string{
			`<loc>https://uji.example/kota/kategori/administrasi-kependudukan/</loc>`,
			`<loc>https://uji.example/kota/kategori/tanpa_kategori/</loc>`,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page, err := renderPage(t, r, tt.path)
			if err != nil {
				t.Fatal(err)
			}
			rest := page
			for _, s := range tt.want {
				i := strings.Index(rest, s)
				if i < 0 {
					t.Fatalf("%s lacks, or has out of order, %s\n%s", tt.path, s, page)
				}
				rest = rest[i+len(s):]
			}
		})
	}
}

func TestCategorySlugs(t *testing.T) {
	for _, tt := range []struct {
		name  string
		names []string // the categories of the site's services, in any order
		want  []string // "name=slug" in the order of the home page
	}{
		{"slugs from names", []string{"Administrasi Kependudukan", "Perizinan"},
			[]string{"Administrasi Kependudukan=administrasi-kependudukan", "Perizinan=perizinan"}},
		{"services without a category come last, at an address no name can take",
			[]string{"", "Lainnya", "Tanpa Kategori"},
			[]string{"Lainnya=lainnya", "Tanpa Kategori=tanpa-kategori", "=tanpa_kategori"}},
		{"names that differ in case only: the exact name orders them",
			[]string{"perizinan", "Perizinan", "PERIZINAN"},
			[]string{"PERIZINAN=perizinan", "Perizinan=perizinan_2", "perizinan=perizinan_3"}},
		{"names that differ in punctuation only", []string{"KTP-KK", "KTP/KK", "KTP KK 2"},
			[]string{"KTP KK 2=ktp-kk-2", "KTP-KK=ktp-kk", "KTP/KK=ktp-kk_2"}},
		{"a name without letters or digits", []string{"!!!", "Kategori", "—"},
			[]string{"!!!=kategori", "Kategori=kategori_2", "—=kategori_3"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := &standard.OPD{Slug: "dinas", Name: "Dinas"}
			for i, n := range tt.names {
				o.Services = append(o.Services, &standard.Service{OPD: o, Slug: "l" + string(rune('a'+i)), Name: "Layanan", Category: n})
			}
			site := &standard.Site{Config: standard.Config{Title: "Uji", Region: "Uji", BaseURL: "/", Language: "id"},
				OPDs: []*standard.OPD{o}}
			var got []string
			for _, c := range categories(site) {
				got = append(got, c.Name+"="+c.Slug)
			}
			if got, want := strings.Join(got, " "), strings.Join(tt.want, " "); got != want {
				t.Errorf("categories:\n%s\nwant:\n%s", got, want)
			}
			// Every category has a page of its own: no two outputs share a path.
			r, err := New(site, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			pages := 0
			for _, out := range r.Outputs() {
				if seen[out.Path] {
					t.Errorf("two outputs write %s", out.Path)
				}
				seen[out.Path] = true
				if out.Kind == "kategori" {
					pages++
				}
			}
			if got, want := pages, len(tt.names); got != want {
				t.Errorf("%d category pages, want %d", got, want)
			}
		})
	}
}
