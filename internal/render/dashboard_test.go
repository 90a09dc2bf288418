package render

import (
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
			link := `<a href="#opd-dukcapil">`
			if tt.split {
				link = `<a href="/kota/kepatuhan/dukcapil/">`
			}
			if !strings.Contains(main, link) {
				t.Errorf("the table does not link with %s", link)
			}
			if got := strings.Contains(main, "temuan uji pada KTP-el"); got == tt.split {
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
				"(Penerbitan KTP-el): temuan uji pada KTP-el",
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
		"<th scope=\"col\">Skor publik rata-rata (0–100)</th>\n<th scope=\"col\">Skor pengelolaan rata-rata (0–100)</th>",
		// services (the draft not counted), level, public, management
		"<td>1</td>\n<td>1</td>\n<td>91,67</td>\n<td>12,5</td>",
		"<caption>Skor per layanan: Dinas Kependudukan dan Pencatatan Sipil</caption>",
		"<th scope=\"row\">Penerbitan KTP-el</th>\n<td>92</td>\n<td>13</td>\n<td>1</td>",
		"<th scope=\"row\">Konsep Baru <span class=\"muted\">(draf, belum diterbitkan)</span></th>\n<td>17</td>\n<td>0</td>\n<td>1</td>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the dashboard lacks %q", want)
		}
	}
}
