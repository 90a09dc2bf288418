package render

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// SetDashboard makes Outputs include the compliance dashboard (/kepatuhan/), whose
// figures d returns when the page is written. The renderer does not compute them:
// package build runs the rulebook and passes the result, so a site without a dashboard
// never pays for the checks, and the dev server only when the page is opened. d may be
// called from several goroutines at once and more than once (sync.OnceValue suits).
func (r *Renderer) SetDashboard(d func() *rules.Dashboard) { r.dashboard = d }

// dashView is what kepatuhan.html receives in view.Dashboard.
type dashView struct {
	*rules.Dashboard
	Date standard.Date // Today, for the date function
	Rows []dashRow
	// Split is set on a site too big to list every finding on one page (the home page's
	// limit, [beranda] batas_daftar_lengkap): each OPD's findings then have a page of
	// their own, /kepatuhan/<opd>/, and Rows carry no Findings. At 10,000 services the
	// single page was 3.9 MB. A split dashboard lists ListPageSize OPDs a page, and an
	// OPD's page ListPageSize services, on numbered pages (paging.go).
	Split bool
	// OPD is set on an OPD's own page: its row, with its findings.
	OPD *dashRow
}

type dashRow struct {
	rules.OPDScore
	Figure     string // "92,5"
	Level      string // the mean level, "4,5"
	Public     string // the mean public score, "91,67"
	Management string // the mean management score, "62,5"
	Published  int    // services published: drafts (shown by papan serve only) not counted
	ZoneText   string // the zone in words, from the interface strings
	Findings   []dashFinding
	// Groups is Findings as a citizen reads them: the OPD's own first (its profile and
	// Maklumat), then each service's, one line per thing missing.
	Groups []findingGroup
}

// Addr returns the address of the row's OPD on a split dashboard.
func (d dashRow) Addr() standard.Address { return standard.DashboardOPDAddress(d.Slug) }

type dashFinding struct {
	Where    string // the service name, or "" for the OPD's own profile
	Severity string
	Rule     string
	Message  string // the editor's message, as papan check prints it
	Hint     string
	// Public is what the finding leaves out for the public, in a citizen's words
	// (rules.Rule.Public); the editor's fix is papan check's.
	Public string
	// Required is set for a galat: the regulation requires it. A peringatan is advised.
	Required bool
	isError  int // 1 for galat, for sorting
}

// findingGroup is the findings of one place: the OPD itself (Service "") or a service.
type findingGroup struct {
	Service string
	Items   []dashFinding
}

// splitDashboard reports whether the dashboard gives each OPD a page of its own.
func (r *Renderer) splitDashboard() bool {
	return !r.site.Config.Home.FullList(serviceCount(r.site))
}

// dashboardOutputs lists the dashboard's pages: /kepatuhan/, and on a big site a page
// per OPD, each list cut into pages of ListPageSize.
func (r *Renderer) dashboardOutputs() []Output {
	if !r.splitDashboard() {
		return []Output{r.keyed(r.page(standard.DashboardAddress().File, "kepatuhan", func() any { return r.dashboardData(1) }),
			func(k *keyWriter) { r.dashboardKey(k, 1) })}
	}
	var outs []Output
	for n := 1; n <= pageCount(len(r.site.OPDs)); n++ {
		outs = append(outs, r.keyed(r.page(standard.DashboardPageAddress(n).File, "kepatuhan", func() any { return r.dashboardData(n) }),
			func(k *keyWriter) { r.dashboardKey(k, n) }))
	}
	for _, o := range r.site.OPDs {
		for n := 1; n <= pageCount(len(o.Services)); n++ {
			outs = append(outs, r.keyed(r.page(standard.DashboardOPDPageAddress(o.Slug, n).File, "kepatuhan", func() any { return r.dashboardOPDData(o.Slug, n) }),
				func(k *keyWriter) { r.dashboardOPDKey(k, o.Slug, n) }))
		}
	}
	return outs
}

// dashboardData is page n of the dashboard's list of OPDs (one page unless split).
func (r *Renderer) dashboardData(n int) view {
	d := r.dashboard()
	dv := &dashView{Dashboard: d, Date: standard.Date{Time: d.Today}, Split: r.splitDashboard()}
	opds := d.OPDs
	var pg *pager
	if dv.Split {
		lo, hi := pageBounds(len(opds), n)
		opds = opds[lo:hi]
		pg = newPager(len(d.OPDs), n, standard.DashboardPageAddress)
	}
	for _, o := range opds {
		dv.Rows = append(dv.Rows, r.dashRow(o, !dv.Split, 0, len(o.Services)))
	}
	v := view{Site: r.site, Kind: "kepatuhan", Path: standard.DashboardPageAddress(n).Path, Title: r.t("dashboard_title"),
		Description: r.t("dashboard_disclaimer"), Crumbs: []crumb{r.homeCrumb()}, Dashboard: dv, Pager: pg}
	r.pagedTitle(&v)
	return v
}

// dashboardOPDData is page n of the page of one OPD of a split dashboard.
func (r *Renderer) dashboardOPDData(slug string, n int) view {
	d := r.dashboard()
	dv := &dashView{Dashboard: d, Date: standard.Date{Time: d.Today}, Split: true}
	title := r.t("dashboard_title")
	var pg *pager
	if i := slices.IndexFunc(d.OPDs, func(o rules.OPDScore) bool { return o.Slug == slug }); i >= 0 {
		o := d.OPDs[i]
		lo, hi := pageBounds(len(o.Services), n)
		row := r.dashRow(o, true, lo, hi)
		dv.OPD = &row
		title = fmt.Sprintf(r.t("dashboard_opd_title"), row.Name)
		pg = newPager(len(o.Services), n, func(k int) standard.Address { return standard.DashboardOPDPageAddress(slug, k) })
	}
	v := view{Site: r.site, Kind: "kepatuhan", Path: standard.DashboardOPDPageAddress(slug, n).Path, Title: title,
		Description: r.t("dashboard_disclaimer"), Crumbs: []crumb{r.homeCrumb(), {r.t("dashboard_title"), standard.DashboardAddress().Path}},
		Dashboard: dv, Pager: pg}
	r.pagedTitle(&v)
	return v
}

// dashRow is the dashboard's row of one OPD, with its findings when findings is set:
// those of the OPD itself when lo is 0, and those of its services [lo, hi), which are
// the services the row lists.
func (r *Renderer) dashRow(o rules.OPDScore, findings bool, lo, hi int) dashRow {
	row := dashRow{OPDScore: o, Figure: figure(o.Figure), Level: figure(o.MeanLevel), Public: figure(o.Public),
		Management: figure(o.Management), Published: len(o.Services) - o.Drafts, ZoneText: r.t("zone_" + o.Zone)}
	row.Services = o.Services[lo:hi]
	if !findings {
		return row
	}
	type place struct {
		name  string
		score *rules.ServiceScore
	}
	places := map[string]place{}
	order := []string{o.File}
	for i := range row.Services {
		s := &row.Services[i]
		places[s.File] = place{s.Name, s}
		order = append(order, s.File)
	}
	if lo > 0 {
		order = order[1:] // the OPD's own findings are on its first page
	}
	byFile := map[string][]dashFinding{}
	for _, p := range o.Findings {
		pl, ok := places[p.File]
		if !ok && (p.File != o.File || lo > 0) {
			continue
		}
		sev := r.t("severity_error")
		if p.Severity == standard.Warning {
			sev = r.t("severity_warning")
		}
		f := dashFinding{Where: pl.name, Severity: sev, Rule: p.Rule, Message: p.Message, Hint: p.Hint,
			Required: p.Severity == standard.Error, isError: boolInt(p.Severity == standard.Error)}
		row.Findings = append(row.Findings, f)
		byFile[p.File] = append(byFile[p.File], f)
	}
	// Errors first, then warnings, each in file and line order as found.
	slices.SortStableFunc(row.Findings, func(a, b dashFinding) int { return cmp.Compare(b.isError, a.isError) })
	for _, file := range order {
		if g := r.findingGroup(places[file].name, places[file].score, byFile[file]); len(g.Items) > 0 {
			row.Groups = append(row.Groups, g)
		}
	}
	return row
}

// findingGroup words the findings of one place for a citizen: each rule once, as its
// Rule.Public says (a rule reports visi, misi and moto apart, which read alike), and
// SP021, a delivery component not stated, once per component, named. Required ones
// come first.
func (r *Renderer) findingGroup(service string, score *rules.ServiceScore, fs []dashFinding) findingGroup {
	g := findingGroup{Service: service}
	seen := map[string]bool{}
	for _, f := range fs {
		if f.Rule == "" || seen[f.Rule] {
			if f.Rule == "" {
				f.Public = f.Message
				g.Items = append(g.Items, f)
			}
			continue
		}
		seen[f.Rule] = true
		if f.Rule == "SP021" && score != nil {
			named := false
			for _, key := range score.Missing {
				if text, ok := rules.MissingPublic[key]; ok && key != "pengaduan" {
					f.Public, named = text, true
					g.Items = append(g.Items, f)
				}
			}
			if named {
				continue
			}
		}
		f.Public = f.Message
		if rule, ok := rules.ByID(f.Rule); ok {
			f.Public = rule.Public
		}
		g.Items = append(g.Items, f)
	}
	slices.SortStableFunc(g.Items, func(a, b dashFinding) int { return cmp.Compare(b.isError, a.isError) })
	return g
}

// figure formats a readiness figure the Indonesian way: 92,5.
func figure(f float64) string {
	s := []byte(formatFloat(f))
	for i, c := range s {
		if c == '.' {
			s[i] = ','
		}
	}
	return string(s)
}

func formatFloat(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
