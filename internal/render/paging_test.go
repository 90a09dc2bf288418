package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// longSite is a site of one OPD with n services, all in one category, past the home
// page's limit so that the dashboard is split.
func longSite(n int) *standard.Site {
	o := &standard.OPD{Slug: "dukcapil", Name: "Dinas Kependudukan", File: "content/dukcapil/_opd.toml"}
	for i := range n {
		slug := fmt.Sprintf("layanan-%03d", i+1)
		o.Services = append(o.Services, &standard.Service{OPD: o, Slug: slug, Name: fmt.Sprintf("Layanan %03d", i+1),
			Category: "Kependudukan", File: "content/dukcapil/" + slug + ".toml"})
	}
	return &standard.Site{Config: standard.Config{Title: "Uji", Region: "Uji", BaseURL: "https://uji.example/", Language: "id",
		Home: standard.Home{FullListLimit: 10}}, OPDs: []*standard.OPD{o}}
}

// TestLongListsArePaged: a list longer than ListPageSize continues on numbered pages,
// each with its own title, its entries, page numbers and rel=prev/next; the first page
// keeps the list's address.
func TestLongListsArePaged(t *testing.T) {
	site := longSite(2*ListPageSize + 5)
	d := rules.Assess(site, rules.Config{}, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), nil)
	r, err := New(site, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.SetDashboard(func() *rules.Dashboard { return &d })
	outs := map[string]bool{}
	for _, o := range r.Outputs() {
		outs[o.Path] = true
	}
	linkRE := regexp.MustCompile(`<link rel="(prev|next)" href="([^"]*)">`)
	for _, tt := range []struct {
		name, first string
		pages       []string
		title       string // of the second page
		entry       string // the first entry of the last page
	}{
		{"a category", "kategori/kependudukan/index.html",
			[]string{"kategori/kependudukan/2/index.html", "kategori/kependudukan/3/index.html"},
			"<title>Kategori: Kependudukan (halaman 2 dari 3) · Uji</title>", `<a href="/dukcapil/layanan-201/">Layanan 201</a>`},
		{"an OPD", "dukcapil/index.html",
			[]string{"dukcapil/2/index.html", "dukcapil/3/index.html"},
			"<title>Dinas Kependudukan (halaman 2 dari 3) · Uji</title>", `<a href="/dukcapil/layanan-201/">Layanan 201</a>`},
		{"an OPD's dashboard page", "kepatuhan/dukcapil/index.html",
			[]string{"kepatuhan/dukcapil/2/index.html", "kepatuhan/dukcapil/3/index.html"},
			"<title>Kepatuhan standar pelayanan: Dinas Kependudukan (halaman 2 dari 3)</title>", `<th scope="row">Layanan 201</th>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			all := append([]string{tt.first}, tt.pages...)
			for _, p := range all {
				if !outs[p] {
					t.Fatalf("no page %s", p)
				}
			}
			if dir := strings.TrimSuffix(tt.first, "index.html"); outs[dir+"4/index.html"] {
				t.Errorf("a fourth page for %d entries", 2*ListPageSize+5)
			}
			for i, p := range all {
				page, err := renderPage(t, r, p)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, m := range linkRE.FindAllStringSubmatch(page, -1) {
					got = append(got, m[1]+" "+m[2])
				}
				var want []string
				if i > 0 {
					want = append(want, "prev /"+strings.TrimSuffix(all[i-1], "index.html"))
				}
				if i < len(all)-1 {
					want = append(want, "next /"+strings.TrimSuffix(all[i+1], "index.html"))
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s: rel links %q, want %q", p, got, want)
				}
				status := fmt.Sprintf("<p>Halaman %d dari 3: nomor %d–%d dari 205.</p>", i+1, i*ListPageSize+1, min((i+1)*ListPageSize, 205))
				if !strings.Contains(page, status) {
					t.Errorf("%s lacks %s", p, status)
				}
				if want := fmt.Sprintf(`<a aria-current="page" href="/%s">%d</a>`, strings.TrimSuffix(p, "index.html"), i+1); !strings.Contains(page, want) {
					t.Errorf("%s lacks its own number %s", p, want)
				}
				switch i {
				case 1:
					if !strings.Contains(page, tt.title) {
						t.Errorf("%s lacks %s", p, tt.title)
					}
				case 2:
					if !strings.Contains(page, tt.entry) || strings.Contains(page, "Layanan 200<") {
						t.Errorf("%s does not start its list at %s", p, tt.entry)
					}
				}
			}
		})
	}
	t.Run("a list of one page has no page numbers", func(t *testing.T) {
		page, err := renderPage(t, r, "kepatuhan/index.html")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(page, `class="pager"`) || strings.Contains(page, `rel="next"`) {
			t.Error("the dashboard's list of one OPD has page numbers")
		}
	})
}

// TestPageNumbersSkip: a list of many pages links to the first, the last and two either
// side of the current one, with a gap between.
func TestPageNumbersSkip(t *testing.T) {
	p := newPager(50*ListPageSize, 10, func(k int) standard.Address { return standard.CategoryPageAddress("c", k) })
	var got []string
	for _, l := range p.Links {
		if l.Gap {
			got = append(got, "…")
			continue
		}
		got = append(got, fmt.Sprint(l.N))
	}
	if want := "1 … 8 9 10 11 12 … 50"; strings.Join(got, " ") != want {
		t.Errorf("page numbers %q, want %q", strings.Join(got, " "), want)
	}
}
