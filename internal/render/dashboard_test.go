package render

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// TestDashboardSplitsPastTheLimit checks that a site past the home page's limit gets a
// dashboard page per OPD, and a first page that links to them instead of listing every
// finding; up to the limit everything stays on one page.
func TestDashboardSplitsPastTheLimit(t *testing.T) {
	finding := standard.Problem{File: "content/dukcapil/ktp-el.toml", Severity: standard.Warning, Rule: "SP016",
		Message: "temuan uji pada KTP-el"}
	for _, tt := range []struct {
		name  string
		limit int
		split bool
	}{
		{"under the limit", 0, false},
		{"past the limit", 2, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := searchSite()
			site.Config.Home.FullListLimit = tt.limit
			for _, o := range site.OPDs {
				for _, s := range o.Services {
					s.File = "content/" + o.Slug + "/" + s.Slug + ".toml"
				}
			}
			d := rules.Assess(site, rules.Config{}, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), standard.Problems{finding})
			r, err := New(site, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			r.SetDashboard(func() *rules.Dashboard { return &d })
			main, err := renderPage(t, r, "kepatuhan/index.html")
			if err != nil {
				t.Fatal(err)
			}
			hasOPDPage := false
			for _, o := range r.Outputs() {
				hasOPDPage = hasOPDPage || o.Path == "kepatuhan/dukcapil/index.html"
			}
			if hasOPDPage != tt.split {
				t.Fatalf("page per OPD: %v, want %v", hasOPDPage, tt.split)
			}
			link := `<a class="dash-name" href="#opd-dukcapil">`
			if tt.split {
				link = `<a class="dash-name" href="/kota/kepatuhan/dukcapil/">`
			}
			if !strings.Contains(main, link) {
				t.Errorf("the table does not link with %s", link)
			}
			citizen := "Perlakuan khusus bagi penyandang disabilitas, lanjut usia, ibu hamil dan anak belum dicantumkan"
			if got := strings.Contains(main, citizen); got == tt.split {
				t.Errorf("first page lists the findings: %v, want %v", got, !tt.split)
			}
			if !tt.split {
				return
			}
			page, err := renderPage(t, r, "kepatuhan/dukcapil/index.html")
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{
				"<title>Kepatuhan standar pelayanan: Dinas Kependudukan dan Pencatatan Sipil</title>",
				"<h1>Kepatuhan standar pelayanan: Dinas Kependudukan dan Pencatatan Sipil</h1>",
				"<p class=\"dash-where\"><strong>Penerbitan KTP-el</strong></p>\n<ul class=\"dash-findings\">\n" +
					"<li><span class=\"need need-anjuran\">Dianjurkan</span> Perlakuan khusus bagi penyandang disabilitas, lanjut usia, ibu hamil dan anak belum dicantumkan <span class=\"muted small\">(SP016)</span></li>",
				`<a href="/kota/kepatuhan/">Kepatuhan standar pelayanan</a>`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("OPD page lacks %s", want)
				}
			}
		})
	}
}

// TestDashboardShowsPublicAndManagementScores: the public and management scores stand
// beside the readiness figure, as OPD means in the table and per service in each OPD's
// section, with a draft (papan serve only) marked as such.
func TestDashboardShowsPublicAndManagementScores(t *testing.T) {
	site := searchSite()
	d := rules.Dashboard{Today: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), OPDs: []rules.OPDScore{{
		Slug: "dukcapil", Name: "Dinas Kependudukan dan Pencatatan Sipil", Figure: 32, Zone: rules.ZoneRed,
		MeanLevel: 1, Public: 91.67, Management: 12.5, Drafts: 1,
		Services: []rules.ServiceScore{
			{Slug: "ktp-el", Name: "Penerbitan KTP-el", Public: 92, Management: 13, Level: 1},
			{Slug: "konsep", Name: "Konsep Baru", Public: 17, Management: 0, Level: 1, Draft: true},
		},
	}}}
	r, err := New(site, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.SetDashboard(func() *rules.Dashboard { return &d })
	page, err := renderPage(t, r, "kepatuhan/index.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		// the OPD's card: services (the draft not counted), means, level
		"<div><dt>Layanan</dt><dd>1</dd></div>\n<div><dt>Skor publik rata-rata</dt><dd>91,67</dd></div>\n" +
			"<div><dt>Skor pengelolaan rata-rata</dt><dd>12,5</dd></div>\n<div><dt>Tingkat rata-rata (0–5)</dt><dd>1</dd></div>",
		`<span class="dash-figure">32 dari 100</span> <span class="zone zone-merah">Zona merah</span>`,
		"<caption>Skor per layanan: Dinas Kependudukan dan Pencatatan Sipil</caption>",
		"<th scope=\"row\">Penerbitan KTP-el</th>\n<td data-label=\"Skor publik (0–100)\">92</td>\n<td data-label=\"Skor pengelolaan (0–100)\">13</td>\n<td data-label=\"Tingkat (0–5)\">1</td>",
		"<th scope=\"row\">Konsep Baru <span class=\"muted\">(draf, belum diterbitkan)</span></th>\n<td data-label=\"Skor publik (0–100)\">17</td>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the dashboard lacks %q", want)
		}
	}
}

// TestDashboardFindingsInCitizensWords: findings read as what the public misses, the
// office's own first; a rule found three times (visi, misi, moto) is one line; SP021
// names each delivery component not stated; the editor's message and hint (TOML keys,
// files) are left to papan check.
func TestDashboardFindingsInCitizensWords(t *testing.T) {
	site := searchSite()
	dk := site.OPDs[0]
	dk.File = "content/dukcapil/_opd.toml"
	for _, s := range dk.Services {
		s.File = "content/dukcapil/" + s.Slug + ".toml"
	}
	ktp := dk.Services[0]
	ktp.Requirements = nil // persyaratan not stated; prosedur, biaya, … neither
	opd := func(rule, msg, hint string) standard.Problem {
		return standard.Problem{File: dk.File, Severity: standard.Warning, Rule: rule, Message: msg, Hint: hint}
	}
	findings := standard.Problems{
		{File: ktp.File, Severity: standard.Warning, Rule: "SP016", Message: "layanan tidak menyebut pelayanan khusus bagi kelompok rentan"},
		{File: ktp.File, Severity: standard.Error, Rule: "SP021", Message: "komponen pelayanan belum dicantumkan: persyaratan ([[persyaratan]])"},
		{File: ktp.File, Severity: standard.Error, Rule: "SP021", Message: "komponen pelayanan belum dicantumkan: biaya/tarif ([[biaya]])"},
		opd("SP020", "OPD belum mencantumkan visi", "Tambahkan visi = \"…\" di bagian atas _opd.toml."),
		opd("SP020", "OPD belum mencantumkan moto", "Tambahkan moto = \"…\" di bagian atas _opd.toml."),
		{File: dk.File, Severity: standard.Error, Rule: "SP012", Message: "OPD belum punya Maklumat Pelayanan"},
	}
	d := rules.Assess(site, rules.Config{}, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), findings)
	r, err := New(site, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.SetDashboard(func() *rules.Dashboard { return &d })
	page, err := renderPage(t, r, "kepatuhan/index.html")
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(page, `<section aria-labelledby="opd-dukcapil">`)
	j := strings.Index(page, `<section aria-labelledby="opd-kelurahan">`)
	if i < 0 || j < i {
		t.Fatal("no section of dukcapil")
	}
	got := regexp.MustCompile(`<p class="dash-where"><strong>([^<]*)</strong>|<li><span class="need need-\w+">(\w+)</span> ([^<]*) <span`).
		FindAllStringSubmatch(page[i:j], -1)
	var lines []string
	for _, m := range got {
		if m[1] != "" {
			lines = append(lines, "# "+m[1])
			continue
		}
		lines = append(lines, m[2]+": "+m[3])
	}
	want := []string{
		"# Kantor (profil dan Maklumat Pelayanan)",
		"Wajib: Maklumat Pelayanan (janji layanan kantor) belum diterbitkan",
		"Dianjurkan: Visi, misi atau moto pelayanan kantor belum dicantumkan",
		"# Penerbitan KTP-el",
		"Wajib: Persyaratan belum dicantumkan",
		"Wajib: Langkah pengurusan belum dicantumkan",
		"Wajib: Lama penyelesaian belum dicantumkan",
		"Wajib: Biaya layanan belum dicantumkan",
		"Wajib: Hasil layanan (dokumen atau barang yang diterima) belum dicantumkan",
		"Dianjurkan: Perlakuan khusus bagi penyandang disabilitas, lanjut usia, ibu hamil dan anak belum dicantumkan",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings read\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	for _, editor := range []string{"_opd.toml", "[[", "Tambahkan"} {
		if strings.Contains(page, editor) {
			t.Errorf("the dashboard shows the editor's %q", editor)
		}
	}
}
