package rules

import (
	"cmp"
	"math"
	"slices"
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
//   - Public, 0–100, is what the public site shows: each of the 6 delivery components
//     counts 1 when present and specific (Specific), ½ when present only, 0 when absent;
//     100 × the sum ÷ 6, rounded. Management, 0–100, is 100 × the management components
//     present (dasar_hukum and the 7 texts) ÷ 8, rounded. The two are apart so that a
//     standard that tells the public everything scores high on the first whatever its
//     internal documents, which the level (below) does not show.
//   - Level is the PEKPPP standard level, 0–5: 0 no component; 1 incomplete (fewer than
//     14, or any galat finding on the service); 2 all 14 and no galat; 3 plus SK number
//     and date; 4 plus public consultation date; 5 plus an evaluation within the age limit.
//     Each level needs the ones below it.
//
// Per OPD, Public and Management are the means of its services' (0 when it has none),
// rounded to two decimals, and the readiness figure 0–100 is the sum of:
//   - 60 × the mean level of its services ÷ 5 (0 when it has no services);
//   - 15 for the Maklumat Pelayanan: 6 present, 3 signer, 3 promise, 3 sanction clause;
//   - 10 for profile: 4 visi, 3 misi, 3 moto;
//   - 10 × the share of its services with pelayanan khusus;
//   - 5 × the share of its services reachable through SP4N-LAPOR!.
// rounded to two decimals. The zone is hijau from 81, kuning from 51, merah below, as
// Ombudsman RI's Penilaian Kepatuhan used until 2021.
//
// A draft (draf = true) is scored and listed, so papan check shows its state, but counts
// in none of its OPD's figures: they describe what is published, and a build publishes
// no draft.

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
	Public           int      // 0–100, the 6 delivery components present and specific
	Management       int      // 0–100, the 8 management components present
	Unspecific       []string // keys of the delivery components present but not specific
	Level            int      // PEKPPP level 0–5
	Draft            bool     // draf = true: counted in no figure of its OPD
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
	Public           float64 // mean of the services' Public, two decimals
	Management       float64 // mean of the services' Management, two decimals
	Drafts           int     // services that are drafts, in Services but in no figure
	Maklumat         bool    // present, signed, with promise and sanction clause
	Profile          bool    // visi, misi and moto present
	Errors, Warnings int     // findings on the OPD's files
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
	if slices.IsSortedFunc(findings, func(a, b standard.Problem) int { return cmp.Compare(a.File, b.File) }) {
		// Sorted (as a run's are): each file's findings are a run of findings, not a copy.
		for i := 0; i < len(findings); {
			j := i + 1
			for j < len(findings) && findings[j].File == findings[i].File {
				j++
			}
			byFile[findings[i].File] = findings[i:j:j]
			i = j
		}
		return byFile
	}
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
		if len(o.Services) > 0 {
			sc.Services = make([]ServiceScore, 0, len(o.Services))
		}
		nf := len(byFile[o.File])
		for _, s := range o.Services {
			nf += len(byFile[s.File])
		}
		if nf > 0 {
			sc.Findings = make(standard.Problems, 0, nf) // at its final size: a big site's are many
		}
		sc.Findings = append(sc.Findings, byFile[o.File]...)
		owned[o.File] = true
		var levels, care, lapor, public, management, n float64
		for _, s := range o.Services {
			owned[s.File] = true
			ss := scores[s.File]
			sc.Services = append(sc.Services, ss)
			sc.Findings = append(sc.Findings, byFile[s.File]...)
			if ss.Draft {
				sc.Drafts++
				continue
			}
			n++
			levels += float64(ss.Level)
			public += float64(ss.Public)
			management += float64(ss.Management)
			if ss.SpecialCare {
				care++
			}
			if ss.Lapor {
				lapor++
			}
		}
		figure := 0.0
		if n > 0 {
			sc.MeanLevel = math.Round(levels/n*100) / 100
			sc.Public = math.Round(public/n*100) / 100
			sc.Management = math.Round(management/n*100) / 100
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
	// The names are s's own: a build, which keeps the score and not the service, points
	// them at its list entry's copies (engine), so as not to keep the whole file a
	// decoded string may share memory with, nor a second copy.
	ss := ServiceScore{Slug: s.Slug, Name: s.Name, File: s.File, SpecialCare: len(s.SpecialCare) > 0,
		Lapor: hasLapor(site.Config.Complaints) || hasLapor(s.EffectiveComplaints()), Draft: s.Draft}
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
	var halves int // of the public score: 2 for a component present and specific, 1 present only
	for _, c := range Delivery(site, s, findings) {
		has(c.Key, c.Present, true)
		switch {
		case c.Present && c.Specific:
			halves += 2
		case c.Present:
			halves++
			ss.Unspecific = append(ss.Unspecific, c.Key)
		}
	}
	has("dasar_hukum", len(s.LegalBasis) > 0, false)
	for _, m := range s.ManagementTexts() {
		has(m.Key, strings.TrimSpace(string(m.Text)) != "", false)
	}
	management := ss.Total - ss.Published
	ss.Public = int(math.Round(100 * float64(halves) / 12))
	ss.Management = int(math.Round(100 * float64(management) / 8))
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
				if cfg.Evaluated(s, today) {
					ss.Level = 5
				}
			}
		}
	}
	return ss
}

// Component is one delivery component of a service as the public score sees it.
type Component struct {
	Key      string // as in ServiceScore.Missing: "persyaratan", "jangka_waktu", …
	Present  bool
	Specific bool // present, and stated so that a citizen can hold the provider to it
}

// unspecificRules are, per delivery component, the rules whose findings on a service say
// that the component is written but vague, self-contradictory or open-ended. SP025
// (a "free" fee that speaks of retribusi), SP029 ("hari" without kerja or kalender) and
// SP030 (open-ended requirements) come with the fee and duration work of the content
// model v2 (docs/rules.md); until they are in the rulebook nothing reports them.
var unspecificRules = map[string][]string{
	"persyaratan":  {"SP030"},
	"jangka_waktu": {"SP007", "SP008", "SP009", "SP029"},
	"biaya":        {"SP004", "SP023", "SP025"},
}

// Delivery returns the six delivery components of s in the regulation's order, each
// present or not and, when present, specific or not, given the findings on its file:
//   - persyaratan: every requirement named, none open-ended (SP030);
//   - prosedur: every step names who does it;
//   - jangka_waktu: a unit of the list (menit, jam, hari kerja, hari kalender), the point
//     it counts from (SP007), no office hours in its place (SP008), and steps that fit in
//     it (SP009; also SP029);
//   - biaya: every paid fee with its legal basis, no vague amount (SP004), none implausible
//     (SP023; also SP025);
//   - produk: every product named;
//   - pengaduan: a channel (the service's, its OPD's or the site's) with an address or
//     number to reach it.
func Delivery(site *standard.Site, s *standard.Service, findings standard.Problems) []Component {
	flagged := func(key string) bool {
		ids := unspecificRules[key]
		return slices.ContainsFunc(findings, func(p standard.Problem) bool {
			return p.File == s.File && slices.Contains(ids, p.Rule)
		})
	}
	channels := slices.Concat(s.EffectiveComplaints(), site.Config.Complaints)
	return []Component{
		{"persyaratan", len(s.Requirements) > 0,
			!slices.ContainsFunc(s.Requirements, func(r standard.Requirement) bool { return strings.TrimSpace(r.Name) == "" }) && !flagged("persyaratan")},
		{"prosedur", len(s.Procedure) > 0,
			!slices.ContainsFunc(s.Procedure, func(st standard.Step) bool {
				return strings.TrimSpace(st.Actors.String()) == "" || slices.ContainsFunc(st.Actors, func(a string) bool { return strings.TrimSpace(a) == "" })
			})},
		{"jangka_waktu", len(s.Durations) > 0,
			!slices.ContainsFunc(s.Durations, func(d standard.Duration) bool { return !slices.Contains(standard.Units, d.Unit) }) && !flagged("jangka_waktu")},
		{"biaya", len(s.Fees) > 0,
			!slices.ContainsFunc(s.Fees, func(f standard.Fee) bool { return f.Paid() && f.LegalBasis == "" }) && !flagged("biaya")},
		{"produk", len(s.Products) > 0,
			!slices.ContainsFunc(s.Products, func(p standard.Product) bool { return strings.TrimSpace(p.Name) == "" })},
		{"pengaduan", len(channels) > 0,
			slices.ContainsFunc(channels, func(ch standard.Channel) bool {
				return strings.TrimSpace(ch.Value()) != "" || ch.Kind == "kotak-saran" // a box at the office needs no address
			})},
	}
}
