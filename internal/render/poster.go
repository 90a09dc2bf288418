package render

import (
	"fmt"
	"html"
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// The poster (/<opd>/<layanan>/cetak/) is one A4 sheet for the service counter. A long
// standard must still fit, so lists are cut at these lengths and each item at
// posterItemRunes; a cut list ends with "selengkapnya di <URL>" pointing to the full page.
const (
	posterRequirements = 10 // lines: items, and a case heading with its first item
	posterSteps        = 6
	posterChannels     = 6
	posterItemRunes    = 100
	posterActorRunes   = 40
	posterChannelRunes = 50
	posterFees         = 2
	posterFactRunes    = 60
	posterSummaryRunes = 160
	posterMaklumatRune = 300
	posterNoteRunes    = 140
	// posterDurationsRunes is the longest line of several durations, each with its label.
	posterDurationsRunes = 2 * posterFactRunes
	// posterNameRunes is the longest service name set in the poster's full heading size:
	// two lines of 20 pt. A longer one, up to rules.PosterNameRunes, is set smaller.
	posterNameRunes = 60
)

// posterView is what poster.html receives in view.Poster: the service reduced to what
// fits on one sheet.
type posterView struct {
	URL          string // absolute address of the service page, the QR code's text
	ServiceURL   string // the same as a link from the poster
	QRLabel      string
	Summary      string
	Duration     string
	DurationNote string   // the notes of the durations as plain text, cut at posterNoteRunes
	ResponseTime string   // how soon complaints are answered, or ""
	Fees         []string // "Biaya cetak: Rp15.000", at most posterFees
	FeeLine      string   // the word for free, or Fees joined by "; "
	Products     string
	Requirements []posterGroup
	MoreReqs     int // requirements left off
	Steps        []posterStep
	MoreSteps    int
	Channels     []posterChannel // the service's (or OPD's) channels, then the site's
	MoreChannels int
	Maklumat     string // plain-text excerpt of the OPD's Maklumat Pelayanan
	// QR is true when URL is absolute. A site built with base_url "/" has no host to
	// put in a code, and a code with a bare path would scan to nothing.
	QR bool
	// Name is the service's name, cut at rules.PosterNameRunes (SP024 warns of a longer
	// one), and NameClass "p-long" for a name that needs a smaller type to stay within
	// the lines the sheet has room for.
	Name, NameClass string
}

// posterGroup is the requirements of one case ("Baru", "Hilang"), or of all when the
// service has no cases.
type posterGroup struct {
	Case  string
	Items []string
}

type posterStep struct {
	Text, Actor string
}

type posterChannel struct {
	Kind         standard.ChannelKind
	Label, Value string
}

func (r *Renderer) posterData(s *standard.Service) view {
	v := r.serviceView(s)
	servicePath := v.Path
	v.Kind = "poster"
	v.Path = s.PosterAddr().Path
	v.Title = r.t("poster") + ": " + s.Name
	v.Crumbs = nil

	p := &posterView{URL: r.PublishedURL(servicePath), ServiceURL: r.URL(servicePath), Duration: r.durationsLine(s.Durations)}
	// The notes, each after its duration's label, or once without one when every
	// duration has the same note.
	var notes []string
	same := true
	for _, d := range s.Durations {
		same = same && d.Note == s.Durations[0].Note
	}
	for _, d := range s.Durations {
		if d.Note == "" {
			continue
		}
		note := plainText(r.md.Field(d.Note))
		if same {
			notes = append(notes, note)
			break
		}
		if d.Label != "" {
			note = d.Label + ": " + note
		}
		notes = append(notes, note)
	}
	p.DurationNote = cut(strings.Join(notes, "; "), posterNoteRunes)
	if len(s.Durations) > 1 {
		// Several durations, each with its label, leave no room for when each is counted
		// from: the page says it.
		parts := make([]string, len(s.Durations))
		for i := range s.Durations {
			parts[i] = s.Durations[i].Label + ": " + r.duration(&s.Durations[i])
		}
		p.Duration = cut(strings.Join(parts, "; "), posterDurationsRunes)
	}
	p.ResponseTime = s.EffectiveHandling().ResponseTime
	p.QRLabel = fmt.Sprintf(r.t("poster_qr_label"), p.URL)
	p.Name = cut(s.Name, rules.PosterNameRunes)
	if utf8.RuneCountInString(p.Name) > posterNameRunes {
		p.NameClass = "p-long"
	}
	p.QR = strings.HasPrefix(p.URL, "https://") || strings.HasPrefix(p.URL, "http://")
	p.Summary = cut(s.Summary, posterSummaryRunes)
	for i, f := range s.Fees {
		if i == posterFees {
			p.Fees = append(p.Fees, fmt.Sprintf(r.t("poster_more_short"), len(s.Fees)-i))
			break
		}
		p.Fees = append(p.Fees, cut(f.Text, posterFactRunes)+": "+cut(r.fee(f), posterFactRunes))
	}
	p.FeeLine = strings.Join(p.Fees, "; ")
	if s.Free() {
		p.FeeLine = r.t("free")
	}
	var products []string
	for _, x := range s.Products {
		products = append(products, x.Name)
	}
	p.Products = cut(strings.Join(products, ", "), posterFactRunes)
	// A component the standard does not state is said to be so, never left blank.
	for _, fact := range []*string{&p.Duration, &p.FeeLine, &p.Products} {
		if *fact == "" {
			*fact = r.t("not_stated")
		}
	}
	n := 0 // lines of the column used: items, and case headings
	for _, g := range requirementGroups(s) {
		pg := posterGroup{Case: cut(g.Case, posterFactRunes)}
		for _, e := range requirementEntries(g.Items) {
			req := e[0]
			cost, runes := 1, posterItemRunes
			if len(e) > 1 {
				cost, runes = 2, 2*posterItemRunes // "one of" and its choices: two lines
			}
			if len(pg.Items) == 0 && pg.Case != "" {
				cost++ // the case heading comes with its first item
			}
			if n+cost > posterRequirements {
				p.MoreReqs += len(e)
				continue
			}
			n += cost
			text := req.Name
			if req.Condition != "" {
				text += " (" + req.Condition + ")"
			}
			if len(e) > 1 {
				names := make([]string, len(e))
				for i, req := range e {
					names[i] = req.Name
					if req.Condition != "" {
						names[i] += " (" + req.Condition + ")"
					}
				}
				text = r.t("one_of") + " " + strings.Join(names, r.t("or"))
			}
			pg.Items = append(pg.Items, cut(text, runes))
		}
		if len(pg.Items) > 0 {
			p.Requirements = append(p.Requirements, pg)
		}
	}
	channels := len(procedures(s)) > 1
	for _, st := range s.Procedure {
		if len(p.Steps) == posterSteps {
			p.MoreSteps++
			continue
		}
		text := st.Text
		if st.Channel != "" && channels {
			text = st.Channel + ": " + text
		}
		p.Steps = append(p.Steps, posterStep{Text: cut(text, posterItemRunes), Actor: cut(st.Actors.String(), posterActorRunes)})
	}
	// The response time takes the place of one channel's line, so the section keeps its
	// height on the sheet.
	maxChannels := posterChannels
	if s.EffectiveHandling().ResponseTime != "" {
		maxChannels--
	}
	seen := map[string]bool{}
	for _, c := range append(append([]standard.Channel(nil), s.EffectiveComplaints()...), r.site.Config.Complaints...) {
		key := string(c.Kind) + "\x00" + strings.Join(c.Values, "\x00")
		if seen[key] {
			continue
		}
		seen[key] = true
		if len(p.Channels) == maxChannels {
			p.MoreChannels++
			continue
		}
		p.Channels = append(p.Channels, posterChannel{Kind: c.Kind, Label: r.t("channel_" + string(c.Kind)),
			Value: cut(c.Value(), posterChannelRunes)})
	}
	if m := s.OPD.Maklumat; m != nil {
		p.Maklumat = cut(plainText(r.md.Field(m.Text)), posterMaklumatRune)
	}
	v.Poster = p
	return v
}

// plainText turns rendered Markdown into one line of text for an excerpt: block tags
// become spaces, other tags go, entities are decoded and runs of white space become one
// space. It does by hand what the regular expressions
//
//	</?(?:p|br|li|ul|ol|h[1-6]|blockquote|div|table|tr|td|th|pre)\b[^>]*>  → " "
//	<[^>]*>  → ""
//	\s+  → " "
//
// did, in this order, at a tenth of their cost; the test checks it against them.
func plainText(h template.HTML) string {
	s := string(h)
	if strings.IndexByte(s, '<') >= 0 {
		s = replaceTags(s, true)
		s = replaceTags(s, false)
	}
	s = html.UnescapeString(s)
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\f', '\r':
			space = true
		default:
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, c)
		}
	}
	if space {
		b = append(b, ' ')
	}
	return strings.TrimSpace(string(b))
}

// replaceTags replaces each tag "<…>" of s with a space when block is true and the tag
// is one of blockNames, and drops it when block is false.
func replaceTags(s string, block bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			break // no tag can end: nothing more to replace
		}
		end += i + 1
		if !block {
			b.WriteString(s[:i])
			s = s[end:]
			continue
		}
		if isBlockTag(s[i+1 : end]) {
			b.WriteString(s[:i])
			b.WriteByte(' ')
			s = s[end:]
			continue
		}
		b.WriteString(s[:i+1])
		s = s[i+1:]
	}
	b.WriteString(s)
	return b.String()
}

var blockNames = []string{"p", "br", "li", "ul", "ol", "blockquote", "div", "table", "tr", "td", "th", "pre",
	"h1", "h2", "h3", "h4", "h5", "h6"}

// isBlockTag reports whether tag, the text between "<" and the first ">", opens or
// closes a block element: its name is followed by a character that is not a letter,
// digit or "_" (the \b of a regular expression), here at the latest the ">".
func isBlockTag(tag string) bool {
	tag = strings.TrimPrefix(tag, "/")
	for _, name := range blockNames {
		if !strings.HasPrefix(tag, name) {
			continue
		}
		if len(tag) == len(name) {
			return true
		}
		if c := tag[len(name)]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return true
		}
	}
	return false
}

// cut shortens s to at most n runes, at a word boundary where there is one, and marks
// the cut with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)[:n-1]
	out := string(rs)
	if i := strings.LastIndexByte(out, ' '); i > n/2 {
		out = out[:i]
	}
	return strings.TrimRight(out, " ,;:.") + "…"
}
