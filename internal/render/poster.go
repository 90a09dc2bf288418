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

// The poster (/<opd>/<layanan>/cetak/) is printed for the service counter on A4. It
// holds every requirement, the fees, the durations with their notes, the products, the
// complaint channels and the whole Maklumat, never cut: what does not fit one sheet runs
// on to the next, under the service's name repeated (poster.html and papan.css). Only the
// procedure is summarised, the first sentence of each step without actors or times, with the QR code to the
// full page; and the name is cut at rules.PosterNameRunes (SP024), since every sheet
// repeats it.
const (
	// posterNameRunes is the longest service name set in the poster's full heading size
	// (24 pt); a longer one, up to rules.PosterNameRunes, is set at 20 pt.
	posterNameRunes = 60
)

// posterView is what poster.html receives in view.Poster.
type posterView struct {
	URL          string // absolute address of the service page, the QR code's text
	ServiceURL   string // the same as a link from the poster
	QRLabel      string
	Summary      string
	Durations    []posterDuration
	ResponseTime string // how soon complaints are answered, or ""
	FeeLine      string // the word for free, or each fee with its amount, joined by "; "
	Products     string
	Requirements []posterGroup
	Procedures   []posterProcedure
	Channels     []posterChannel // the service's (or OPD's) channels, then the site's
	Maklumat     template.HTML   // the OPD's Maklumat Pelayanan, whole
	// QR is true when URL is absolute. A site built with base_url "/" has no host to
	// put in a code, and a code with a bare path would scan to nothing.
	QR bool
	// Name is the service's name, cut at rules.PosterNameRunes (SP024 warns of a longer
	// one), and NameClass "p-long" for a name set in the smaller heading size.
	Name, NameClass string
}

// posterDuration is one duration: "14 hari kerja, dihitung sejak ...", after its label
// when the service has several, and its note as plain text.
type posterDuration struct {
	Text, Note string
}

// posterGroup is the requirements of one case ("Baru", "Hilang"), or of all when the
// service has no cases.
type posterGroup struct {
	Case  string
	Items []posterRequirement
}

// posterRequirement is one requirement, or a choice of several ("Salah satu dari:")
// when Choices is set.
type posterRequirement struct {
	Text    string
	Choices []string
}

// posterProcedure is the steps of one channel, as their texts.
type posterProcedure struct {
	Channel string
	Steps   []string
}

type posterChannel struct {
	Kind  standard.ChannelKind
	Label string
	// Value is the channel's number or address; one without spaces (a URL, an e-mail
	// address) may wrap after its dots and slashes only (breakURL).
	Value template.HTML
}

func (r *Renderer) posterData(s *standard.Service) view {
	v := r.serviceView(s)
	servicePath := v.Path
	v.Kind = "poster"
	v.Path = s.PosterAddr().Path
	v.Title = r.t("poster") + ": " + s.Name
	v.Crumbs = nil

	p := &posterView{URL: r.PublishedURL(servicePath), ServiceURL: r.URL(servicePath)}
	for i := range s.Durations {
		d := &s.Durations[i]
		pd := posterDuration{Text: r.durationLine(d)}
		if len(s.Durations) > 1 && d.Label != "" {
			pd.Text = d.Label + ": " + pd.Text
		}
		if d.Note != "" {
			pd.Note = plainText(r.md.Field(d.Note))
		}
		p.Durations = append(p.Durations, pd)
	}
	if len(p.Durations) == 0 {
		p.Durations = []posterDuration{{Text: r.t("not_stated")}}
	}
	p.ResponseTime = s.EffectiveHandling().ResponseTime
	p.QRLabel = fmt.Sprintf(r.t("poster_qr_label"), p.URL)
	p.Name = cut(s.Name, rules.PosterNameRunes)
	if utf8.RuneCountInString(p.Name) > posterNameRunes {
		p.NameClass = "p-long"
	}
	p.QR = strings.HasPrefix(p.URL, "https://") || strings.HasPrefix(p.URL, "http://")
	p.Summary = s.Summary
	var fees []string
	for _, f := range s.Fees {
		fees = append(fees, f.Text+": "+r.fee(f))
	}
	p.FeeLine = strings.Join(fees, "; ")
	if s.Free() {
		p.FeeLine = r.t("free")
	}
	var products []string
	for _, x := range s.Products {
		products = append(products, x.Name)
	}
	p.Products = strings.Join(products, ", ")
	// A component the standard does not state is said to be so, never left blank.
	for _, fact := range []*string{&p.FeeLine, &p.Products} {
		if *fact == "" {
			*fact = r.t("not_stated")
		}
	}
	text := func(req standard.Requirement) string {
		if req.Condition != "" {
			return req.Name + " (" + req.Condition + ")"
		}
		return req.Name
	}
	for _, g := range requirementGroups(s) {
		pg := posterGroup{Case: g.Case}
		for _, e := range requirementEntries(g.Items) {
			if len(e) == 1 {
				pg.Items = append(pg.Items, posterRequirement{Text: text(e[0])})
				continue
			}
			pr := posterRequirement{Text: r.t("one_of")}
			for _, req := range e {
				pr.Choices = append(pr.Choices, text(req))
			}
			pg.Items = append(pg.Items, pr)
		}
		p.Requirements = append(p.Requirements, pg)
	}
	for _, pr := range procedures(s) {
		pp := posterProcedure{Channel: pr.Channel}
		for _, st := range pr.Steps {
			pp.Steps = append(pp.Steps, firstSentence(st.Text))
		}
		p.Procedures = append(p.Procedures, pp)
	}
	seen := map[string]bool{}
	for _, c := range append(append([]standard.Channel(nil), s.EffectiveComplaints()...), r.site.Config.Complaints...) {
		key := string(c.Kind) + "\x00" + strings.Join(c.Values, "\x00")
		if seen[key] {
			continue
		}
		seen[key] = true
		value := template.HTML(template.HTMLEscapeString(c.Value()))
		if !strings.Contains(c.Value(), " ") {
			value = breakURL(c.Value())
		}
		p.Channels = append(p.Channels, posterChannel{Kind: c.Kind, Label: r.t("channel_" + string(c.Kind)), Value: value})
	}
	if m := s.OPD.Maklumat; m != nil {
		p.Maklumat = r.md.Field(m.Text)
	}
	v.Poster = p
	return v
}

// firstSentence is the text up to the end of its first sentence, a full stop followed by
// a space and a capital letter: the short text of a step for the poster's summary. A text
// of one sentence is returned whole.
func firstSentence(s string) string {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '.' && s[i+1] == ' ' && s[i+2] >= 'A' && s[i+2] <= 'Z' {
			return s[:i+1]
		}
	}
	return s
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
