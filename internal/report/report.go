// Package report writes the findings of `papan check` for people (Text, Summary) and for
// machines (JSON, SARIF).
//
// # JSON (--format json)
//
// One object, stable across releases of the same "version"; new keys may be added, none
// renamed or removed without raising it:
//
//	{
//	  "version": 1,
//	  "today": "2025-01-15",            // the date rules measured from
//	  "errors": 1, "warnings": 4,       // counts over findings
//	  "findings": [{                    // sorted by file, line, column
//	    "rule": "SP016",                // "" for structural problems of the loader
//	    "severity": "peringatan",       // "galat" or "peringatan"
//	    "file": "content/dukcapil/ktp-el.toml",   // slash-separated, from the site root
//	    "line": 1, "column": 1,         // 1-based; 0 when the file could not be read
//	    "path": "",                     // TOML key path, "" for the file
//	    "message": "…", "hint": "…",    // Indonesian
//	    "opd": "dukcapil", "service": "ktp-el"    // "" when not an OPD's file
//	  }],
//	  "opds": [{                        // empty when the site could not be loaded
//	    "slug": "dukcapil", "name": "…", "figure": 92.5, "zone": "hijau",
//	    "mean_level": 4.5, "public": 95.83, "management": 100,   // means over published services
//	    "drafts": 0, "maklumat": true, "profile": true, "errors": 0, "warnings": 2,
//	    "services": [{"slug": "ktp-el", "name": "…", "published": 6, "total": 14,
//	                  "public": 92, "management": 100,    // 0–100 (rules.ServiceScore)
//	                  "level": 5, "draft": false, "errors": 0, "warnings": 0,
//	                  "missing": [], "unspecific": ["jangka_waktu"]}]
//	  }]
//	}
//
// # SARIF (--format sarif)
//
// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), one run, the rulebook as
// tool.driver.rules, so code-scanning views show findings on the TOML lines. Problems of the
// loader without a rule ID get ruleId "struktur".
package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// Text writes problems grouped by file, files with errors first and, within a file, errors
// before warnings; then one summary line per OPD when dash is not nil, and the totals.
// color adds ANSI colours, for a terminal only.
func Text(w io.Writer, ps standard.Problems, dash *rules.Dashboard, color bool) {
	groups := map[string]standard.Problems{}
	var files []string
	for _, p := range ps {
		if _, ok := groups[p.File]; !ok {
			files = append(files, p.File)
		}
		groups[p.File] = append(groups[p.File], p)
	}
	slices.SortFunc(files, func(a, b string) int {
		ea, eb := groups[a].Errors() > 0, groups[b].Errors() > 0
		if ea != eb {
			if ea {
				return -1
			}
			return 1
		}
		return cmp.Compare(a, b)
	})
	for i, f := range files {
		if i > 0 {
			fmt.Fprintln(w)
		}
		g := groups[f]
		slices.SortStableFunc(g, func(a, b standard.Problem) int {
			return cmp.Or(cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		for _, p := range g {
			s := p.String()
			if color {
				sev := p.Severity.String()
				code := "\x1b[1;31m"
				if p.Severity == standard.Warning {
					code = "\x1b[1;33m"
				}
				s = strings.Replace(s, ": "+sev+": ", ": "+code+sev+"\x1b[0m: ", 1)
			}
			fmt.Fprintln(w, s)
		}
	}
	if dash != nil && len(dash.OPDs) > 0 {
		if len(ps) > 0 {
			fmt.Fprintln(w)
		}
		for _, o := range dash.OPDs {
			fmt.Fprintf(w, "%s: %d galat, %d peringatan; skor %s (%s)\n", o.Slug, o.Errors, o.Warnings, Figure(o.Figure), o.Zone)
		}
	}
	if len(ps) > 0 {
		fmt.Fprintf(w, "%d galat, %d peringatan\n", ps.Errors(), len(ps)-ps.Errors())
	}
}

// Figure formats a readiness figure the Indonesian way: 92,5 or 80,99.
func Figure(f float64) string {
	s := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
	return strings.Replace(s, ".", ",", 1)
}

// Summary writes the per-OPD table of `papan check --summary`: the readiness figure and
// zone, the published services and the drafts, the mean PEKPPP level, and the means of
// the public and management scores (rules.ServiceScore), each over published services.
func Summary(w io.Writer, dash rules.Dashboard) {
	name := len("OPD")
	for _, o := range dash.OPDs {
		name = max(name, len([]rune(o.Slug)))
	}
	fmt.Fprintf(w, "%-*s  %6s  %-6s  %7s  %4s  %7s  %6s  %11s  %5s  %10s\n", name, "OPD", "skor", "zona", "layanan", "draf", "tingkat", "publik", "pengelolaan", "galat", "peringatan")
	for _, o := range dash.OPDs {
		fmt.Fprintf(w, "%-*s  %6s  %-6s  %7d  %4d  %7s  %6s  %11s  %5d  %10d\n", name, o.Slug, Figure(o.Figure), o.Zone, len(o.Services)-o.Drafts, o.Drafts,
			Figure(o.MeanLevel), Figure(o.Public), Figure(o.Management), o.Errors, o.Warnings)
	}
	fmt.Fprintln(w, "publik: komponen penyampaian yang ada dan jelas (0–100); pengelolaan: komponen pengelolaan yang ada (0–100); rata-rata layanan yang diterbitkan.")
	fmt.Fprintln(w, "Skor ini pemeriksaan mandiri Papan, bukan nilai resmi Ombudsman RI atau KemenPAN-RB.")
}

type jsonReport struct {
	Version  int           `json:"version"`
	Today    string        `json:"today"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Findings []jsonFinding `json:"findings"`
	OPDs     []jsonOPD     `json:"opds"`
}

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Path     string `json:"path"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
	OPD      string `json:"opd"`
	Service  string `json:"service"`
}

type jsonOPD struct {
	Slug      string        `json:"slug"`
	Name      string        `json:"name"`
	Figure    float64       `json:"figure"`
	Zone      string        `json:"zone"`
	MeanLevel float64       `json:"mean_level"`
	Public    float64       `json:"public"`
	Mgmt      float64       `json:"management"`
	Drafts    int           `json:"drafts"`
	Maklumat  bool          `json:"maklumat"`
	Profile   bool          `json:"profile"`
	Errors    int           `json:"errors"`
	Warnings  int           `json:"warnings"`
	Services  []jsonService `json:"services"`
}

type jsonService struct {
	Slug       string   `json:"slug"`
	Name       string   `json:"name"`
	Published  int      `json:"published"`
	Total      int      `json:"total"`
	Public     int      `json:"public"`
	Mgmt       int      `json:"management"`
	Level      int      `json:"level"`
	Draft      bool     `json:"draft"`
	Errors     int      `json:"errors"`
	Warnings   int      `json:"warnings"`
	Missing    []string `json:"missing"`
	Unspecific []string `json:"unspecific"`
}

// JSON writes the structure documented in the package comment. dash may be nil when the
// site could not be loaded.
func JSON(w io.Writer, ps standard.Problems, dash *rules.Dashboard, today time.Time) error {
	r := jsonReport{Version: 1, Today: today.Format(time.DateOnly), Errors: ps.Errors(), Warnings: len(ps) - ps.Errors(),
		Findings: []jsonFinding{}, OPDs: []jsonOPD{}}
	for _, p := range ps {
		opd, svc := content.Owner(p.File)
		r.Findings = append(r.Findings, jsonFinding{Rule: p.Rule, Severity: p.Severity.String(), File: p.File,
			Line: p.Line, Column: p.Col, Path: p.Path, Message: p.Message, Hint: p.Hint, OPD: opd, Service: svc})
	}
	if dash != nil {
		for _, o := range dash.OPDs {
			jo := jsonOPD{Slug: o.Slug, Name: o.Name, Figure: o.Figure, Zone: o.Zone, MeanLevel: o.MeanLevel,
				Public: o.Public, Mgmt: o.Management, Drafts: o.Drafts,
				Maklumat: o.Maklumat, Profile: o.Profile, Errors: o.Errors, Warnings: o.Warnings, Services: []jsonService{}}
			for _, s := range o.Services {
				jo.Services = append(jo.Services, jsonService{Slug: s.Slug, Name: s.Name, Published: s.Published,
					Total: s.Total, Public: s.Public, Mgmt: s.Management, Level: s.Level, Draft: s.Draft,
					Errors: s.Errors, Warnings: s.Warnings, Missing: append([]string{}, s.Missing...),
					Unspecific: append([]string{}, s.Unspecific...)})
			}
			r.OPDs = append(r.OPDs, jo)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
