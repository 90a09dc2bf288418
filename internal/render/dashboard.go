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
	// single page was 3.9 MB.
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
}

// Addr returns the address of the row's OPD on a split dashboard.
func (d dashRow) Addr() standard.Address { return standard.DashboardOPDAddress(d.Slug) }

type dashFinding struct {
	Where    string // the service name, or "" for the OPD's own profile
	Severity string
	Rule     string
	Message  string
	Hint     string
	isError  int // 1 for galat, for sorting
}

// splitDashboard reports whether the dashboard gives each OPD a page of its own.
func (r *Renderer) splitDashboard() bool {
	return !r.site.Config.Home.FullList(serviceCount(r.site))
}

// dashboardOutputs lists the dashboard's pages: /kepatuhan/, and on a big site a page
// per OPD.
func (r *Renderer) dashboardOutputs() []Output {
	outs := []Output{r.page(standard.DashboardAddress().File, "kepatuhan", func() any { return r.dashboardData() })}
	if r.splitDashboard() {
		for _, o := range r.site.OPDs {
			outs = append(outs, r.page(standard.DashboardOPDAddress(o.Slug).File, "kepatuhan", func() any { return r.dashboardOPDData(o.Slug) }))
		}
	}
	return outs
}

func (r *Renderer) dashboardData() view {
	d := r.dashboard()
	dv := &dashView{Dashboard: d, Date: standard.Date{Time: d.Today}, Split: r.splitDashboard()}
	for _, o := range d.OPDs {
		dv.Rows = append(dv.Rows, r.dashRow(o, !dv.Split))
	}
	return view{Site: r.site, Kind: "kepatuhan", Path: standard.DashboardAddress().Path, Title: r.t("dashboard_title"),
		Description: r.t("dashboard_disclaimer"), Crumbs: []crumb{r.homeCrumb()}, Dashboard: dv}
}

// dashboardOPDData is the page of one OPD of a split dashboard.
func (r *Renderer) dashboardOPDData(slug string) view {
	d := r.dashboard()
	dv := &dashView{Dashboard: d, Date: standard.Date{Time: d.Today}, Split: true}
	title := r.t("dashboard_title")
	if i := slices.IndexFunc(d.OPDs, func(o rules.OPDScore) bool { return o.Slug == slug }); i >= 0 {
		row := r.dashRow(d.OPDs[i], true)
		dv.OPD = &row
		title = fmt.Sprintf(r.t("dashboard_opd_title"), row.Name)
	}
	return view{Site: r.site, Kind: "kepatuhan", Path: standard.DashboardOPDAddress(slug).Path, Title: title,
		Description: r.t("dashboard_disclaimer"), Crumbs: []crumb{r.homeCrumb(), {r.t("dashboard_title"), standard.DashboardAddress().Path}},
		Dashboard: dv}
}

// dashRow is the dashboard's row of one OPD, with its findings when findings is set.
func (r *Renderer) dashRow(o rules.OPDScore, findings bool) dashRow {
	row := dashRow{OPDScore: o, Figure: figure(o.Figure), Level: figure(o.MeanLevel), Public: figure(o.Public),
		Management: figure(o.Management), Published: len(o.Services) - o.Drafts, ZoneText: r.t("zone_" + o.Zone)}
	if !findings {
		return row
	}
	names := map[string]string{}
	for _, s := range o.Services {
		names[s.File] = s.Name
	}
	for _, p := range o.Findings {
		sev := r.t("severity_error")
		if p.Severity == standard.Warning {
			sev = r.t("severity_warning")
		}
		row.Findings = append(row.Findings, dashFinding{Where: names[p.File], Severity: sev, Rule: p.Rule, Message: p.Message, Hint: p.Hint, isError: boolInt(p.Severity == standard.Error)})
	}
	// Errors first, then warnings, each in file and line order as found.
	slices.SortStableFunc(row.Findings, func(a, b dashFinding) int { return cmp.Compare(b.isError, a.isError) })
	return row
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
