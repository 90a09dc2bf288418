package rules

import (
	"math"
	"strings"
	"time"

	"github.com/papan-id/papan/internal/standard"
)

// The self-assessment score.
//
// This is Papan's own reading of the assessments, so an OPD sees its gaps before the
// assessors do. It is not the official Ombudsman RI opinion nor the KemenPAN-RB PEKPPP
// score: those also look at things no file holds (the office, the staff, the survey).
//
// Per service:
//   - Published counts the 6 delivery components present (persyaratan, prosedur,
//     jangka_waktu, biaya, produk, and a complaint channel of the service, its OPD or the
//     site); Total counts all 14 (the 6 plus dasar_hukum and the 7 management texts).
//   - Level is the PEKPPP standard level, 0–5: 0 no component; 1 incomplete (fewer than
//     14, or any galat finding on the service); 2 all 14 and no galat; 3 plus SK number
//     and date; 4 plus public consultation date; 5 plus an evaluation within the age limit.
//     Each level needs the ones below it.
//
// Per OPD, the readiness figure 0–100 is the sum of:
//   - 60 × the mean level of its services ÷ 5 (0 when it has no services);
//   - 15 for the Maklumat Pelayanan: 6 present, 3 signer, 3 promise, 3 sanction clause;
//   - 10 for profile: 4 visi, 3 misi, 3 moto;
//   - 10 × the share of its services with pelayanan khusus;
//   - 5 × the share of its services reachable through SP4N-LAPOR!.
// rounded to two decimals. The zone is hijau from 81, kuning from 51, merah below, as
// Ombudsman RI's Penilaian Kepatuhan used until 2021.

// Zones, in the words the page and the terminal show.
const (
	ZoneGreen  = "hijau"
	ZoneYellow = "kuning"
	ZoneRed    = "merah"
)

// ZoneOf returns the zone of a figure.
func ZoneOf(figure float64) string {
	switch {
	case figure >= 81:
		return ZoneGreen
	case figure >= 51:
		return ZoneYellow
	}
	return ZoneRed
}

// ServiceScore is the assessment of one service.
type ServiceScore struct {
	Slug, Name, File string
	Published        int      // of 6 delivery components present
	Total            int      // of 14 components present
	Level            int      // PEKPPP level 0–5
	Errors, Warnings int      // findings on the service's file
	Missing          []string // keys of the components not present
	SpecialCare      bool     // has pelayanan khusus
	Lapor            bool     // reachable through SP4N-LAPOR! (its channels or the site's)
}

// OPDScore is the assessment of one OPD.
type OPDScore struct {
	Slug, Name, File string
	Services         []ServiceScore
	Figure           float64 // 0–100, two decimals
	Zone             string  // ZoneGreen, ZoneYellow or ZoneRed
	MeanLevel        float64
	Maklumat         bool // present, signed, with promise and sanction clause
	Profile          bool // visi, misi and moto present
	Errors, Warnings int  // findings on the OPD's files
	Findings         standard.Problems
}

// Dashboard is the self-assessment of the whole site.
type Dashboard struct {
	Today            time.Time
	OPDs             []OPDScore // in the site's order
	Errors, Warnings int        // all findings, site-wide ones included
	SiteFindings     standard.Problems
}

// Assess scores site given the findings of Check (and of the loader, if any), which it
// groups by OPD. findings may be located or not.
func Assess(site *standard.Site, cfg Config, today time.Time, findings standard.Problems) Dashboard {
	byFile := findingsByFile(findings)
	scores := map[string]ServiceScore{}
	for _, o := range site.OPDs {
		for _, s := range o.Services {
			scores[s.File] = ScoreService(site, cfg, today, s, byFile[s.File])
		}
	}
	return AssessScored(site, today, findings, scores)
}

func findingsByFile(findings standard.Problems) map[string]standard.Problems {
	byFile := map[string]standard.Problems{}
	for _, p := range findings {
		byFile[p.File] = append(byFile[p.File], p)
	}
	return byFile
}

// AssessScored is Assess with each service already scored by ScoreService, keyed by the
// service's file: a build scores a service while it has the whole of it, and keeps only
// its ListEntry afterwards.
func AssessScored(site *standard.Site, today time.Time, findings standard.Problems, scores map[string]ServiceScore) Dashboard {
	d := Dashboard{Today: today}
	byFile := findingsByFile(findings)
	for _, p := range findings {
		if p.Severity == standard.Error {
			d.Errors++
		} else {
			d.Warnings++
		}
	}
	owned := map[string]bool{}
	for _, o := range site.OPDs {
		sc := OPDScore{Slug: o.Slug, Name: o.Name, File: o.File}
		sc.Findings = append(sc.Findings, byFile[o.File]...)
		owned[o.File] = true
		var levels, care, lapor float64
		for _, s := range o.Services {
			owned[s.File] = true
			ss := scores[s.File]
			sc.Services = append(sc.Services, ss)
			sc.Findings = append(sc.Findings, byFile[s.File]...)
			levels += float64(ss.Level)
			if ss.SpecialCare {
				care++
			}
			if ss.Lapor {
				lapor++
			}
		}
		figure := 0.0
		if n := float64(len(o.Services)); n > 0 {
			sc.MeanLevel = math.Round(levels/n*100) / 100
			figure += 60*levels/n/5 + 10*care/n + 5*lapor/n
		}
		if m := o.Maklumat; m != nil {
			figure += 6
			promise := promiseRE.MatchString(string(m.Text))
			sanction := sanctionRE.MatchString(string(m.Text))
			figure += points(m.Signer != "", 3) + points(promise, 3) + points(sanction, 3)
			sc.Maklumat = m.Signer != "" && promise && sanction
		}
		figure += points(o.Vision != "", 4) + points(len(o.Mission) > 0, 3) + points(o.Motto != "", 3)
		sc.Profile = o.Vision != "" && len(o.Mission) > 0 && o.Motto != ""
		sc.Figure = math.Round(figure*100) / 100
		sc.Zone = ZoneOf(sc.Figure)
		for _, p := range sc.Findings {
			if p.Severity == standard.Error {
				sc.Errors++
			} else {
				sc.Warnings++
			}
		}
		d.OPDs = append(d.OPDs, sc)
	}
	for _, p := range findings {
		if !owned[p.File] {
			d.SiteFindings = append(d.SiteFindings, p)
		}
	}
	return d
}

func points(ok bool, n float64) float64 {
	if ok {
		return n
	}
	return 0
}

// ScoreService scores one service of site given the findings on its file.
func ScoreService(site *standard.Site, cfg Config, today time.Time, s *standard.Service, findings standard.Problems) ServiceScore {
	months := cfg.EvaluationMonths
	if months <= 0 {
		months = 12
	}
	// The names are copied so that a build, which keeps the score, does not keep the
	// whole file a decoded string may share memory with.
	ss := ServiceScore{Slug: strings.Clone(s.Slug), Name: strings.Clone(s.Name), File: strings.Clone(s.File), SpecialCare: len(s.SpecialCare) > 0,
		Lapor: hasLapor(site.Config.Complaints) || hasLapor(s.EffectiveComplaints())}
	for _, p := range findings {
		if p.Severity == standard.Error {
			ss.Errors++
		} else {
			ss.Warnings++
		}
	}
	has := func(key string, ok bool, delivery bool) {
		if ok {
			ss.Total++
			if delivery {
				ss.Published++
			}
			return
		}
		ss.Missing = append(ss.Missing, key)
	}
	has("persyaratan", len(s.Requirements) > 0, true)
	has("prosedur", len(s.Procedure) > 0, true)
	has("jangka_waktu", len(s.Durations) > 0, true)
	has("biaya", len(s.Fees) > 0, true)
	has("produk", len(s.Products) > 0, true)
	has("pengaduan", len(s.EffectiveComplaints()) > 0 || len(site.Config.Complaints) > 0, true)
	has("dasar_hukum", len(s.LegalBasis) > 0, false)
	for _, m := range s.ManagementTexts() {
		has(m.Key, strings.TrimSpace(string(m.Text)) != "", false)
	}
	switch {
	case ss.Total == 0:
		ss.Level = 0
	case ss.Total < 14 || ss.Errors > 0:
		ss.Level = 1
	default:
		ss.Level = 2
		sk := s.Decree
		if sk != nil && sk.Number != "" && !sk.Date.IsZero() {
			ss.Level = 3
			if !sk.Consultation.IsZero() {
				ss.Level = 4
				if EvaluatedWithin(sk.LastEvaluation, months, today) {
					ss.Level = 5
				}
			}
		}
	}
	return ss
}
