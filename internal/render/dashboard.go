package render

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// DashboardPath is the output path of the compliance dashboard.
const DashboardPath = "kepatuhan/index.html"

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
}

type dashRow struct {
	rules.OPDScore
	Figure   string // "92,5"
	Level    string // the mean level, "4,5"
	ZoneText string // the zone in words, from the interface strings
	Findings []dashFinding
}

type dashFinding struct {
	Where    string // the service name, or "" for the OPD's own profile
	Severity string
	Rule     string
	Message  string
	Hint     string
	isError  int // 1 for galat, for sorting
}

func (r *Renderer) dashboardData() view {
	d := r.dashboard()
	dv := &dashView{Dashboard: d, Date: standard.Date{Time: d.Today}}
	for _, o := range d.OPDs {
		row := dashRow{OPDScore: o, Figure: figure(o.Figure), Level: figure(o.MeanLevel), ZoneText: r.t("zone_" + o.Zone)}
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
		dv.Rows = append(dv.Rows, row)
	}
	return view{Site: r.site, Kind: "kepatuhan", Path: "/kepatuhan/", Title: r.t("dashboard_title"),
		Description: r.t("dashboard_disclaimer"), Crumbs: []crumb{{r.t("home"), "/"}}, Dashboard: dv}
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
