package render

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/papan-id/papan/internal/flowchart"
	"github.com/papan-id/papan/internal/standard"
)

// view is what every template receives. Fields a page kind does not use are nil.
type view struct {
	Site        *standard.Site
	Kind        string
	Path        string // site path of this page, "/dukcapil/ktp-el/"
	Title       string // for <title>; the site title is appended by base.html
	Description string
	Crumbs      []crumb
	OPD         *standard.OPD
	Service     *standard.Service
	Page        *standard.Page
	Dashboard   *dashView   // the kepatuhan page only
	Poster      *posterView // the poster page only (poster.go)
	Home        *homeView   // the home page only
	Category    *category   // a category page only
	Categories  []category  // the 404 page only: where a lost citizen may go next
	ServicePage *servicePage
	// List is the services an OPD page lists: all of them, or one page's of a long list.
	List []*standard.Service
	// Pager is set on each page of a list too long for one page (paging.go).
	Pager *pager
}

// servicePage is what service.html shows of view.Service, the lines already put together.
// Every {{action}} costs a reflective call to html/template's escaper, and a function
// such as {{t}} or {{rupiah}} another: a long standard ran several hundred of them. A
// field holding a whole line needs one. The template functions stay, for sites whose
// own templates use them.
type servicePage struct {
	OPDURL, PosterURL string
	// FlowchartURL is the address of the flowchart's picture (standard.FlowchartAddress).
	FlowchartURL string
	// Duration is the durations in one line: "3 hari kerja, sejak berkas lengkap", or
	// "Penerbitan PBG: 1 hari; Penerbitan SLF dan SBKBG: 3 hari". Durations has each
	// with its note, which the summary and the duration section show.
	Duration  string
	Durations []durationLine
	// FeeSummary and DurationSummary are what the summary box says of the fees and the
	// durations, short enough that the box fits a phone's first screen: "Gratis", one
	// amount, or the range of several ("Gratis–Rp60.000"); the durations without their
	// notes. The sections below give each in full.
	FeeSummary      string
	DurationSummary []durationLine
	// OnlineText is the online address as the summary box shows it, without
	// "https://": a phone has room for the host, not the scheme.
	OnlineText   string
	Handling     *handlingLines // how complaints are handled; nil when not stated
	ProductNames string         // joined with commas
	Products     []productLine
	Fees         []feeLine
	Requirements []requirementGroupLines
	Procedures   []procedureLines
	Laws         []lawLine
	// Management is the components 8–14, one for each, when the site publishes them.
	Management []managementText
	Decree     string // "Standar pelayanan ini ditetapkan dengan Surat Keputusan Nomor …"
}

type durationLine struct {
	Label, Text string
	Note        template.HTML
}

type handlingLines struct {
	Text     template.HTML
	Response string // "Waktu tanggapan: paling lama 5 hari kerja", or ""
}

type productLine struct {
	Name, Form string
	Note       template.HTML
}

type managementText struct {
	Given bool // the component is written (its text may still render empty)
	Title string
	Text  template.HTML
}

type feeLine struct {
	Text   string
	Amount string // "Gratis", "Rp150.000", "Rp10.000–Rp50.000", "Menurut ketentuan: …"
	// Full is Amount where there is room, as the fee section has: "Gratis, tidak
	// dipungut biaya".
	Full       string
	LegalBasis string // "Dasar hukum: Peraturan Daerah Nomor …", or ""
	Note       template.HTML
}

type requirementGroupLines struct {
	Case  string
	Items []requirementLine
}

type requirementLine struct {
	Name      string
	Detail    string // "fotokopi, 2 lembar"
	Condition string
	Note      template.HTML
	// Choices, when set, makes the line a "one of" group (requirements with the same
	// atau): the page shows "Salah satu dari:" and the choices; the other fields are empty.
	Choices []requirementLine
}

type procedureLines struct {
	Channel string
	Stages  []stageLines // the steps stage by stage; one stage named "" when none is named
	Steps   []stepLine   // every step, in the order numbered
}

type stageLines struct {
	Name  string
	Start int // the number of the first step, for <ol start>
	Steps []stepLine
}

type stepLine struct {
	Text      string
	Meta      string // "Pelaksana: Petugas loket · Waktu: 10 menit"
	Condition string // "jika permohonan perubahan elemen data", shown before the step
	Decision  string
	IfNot     string   // " Jika tidak: … (kembali ke langkah 2)", after the decision
	Outcomes  []string // "Tidak lengkap: Berkas dikembalikan (kembali ke langkah 1)", one per [[prosedur.hasil]]
}

// lawLine is a legal basis as the page lists it, with the laws that amend it: "UU 23/2006
// sebagaimana telah diubah dengan UU 24/2013".
type lawLine struct {
	Title, Link string
	AmendedBy   string    // " sebagaimana telah diubah dengan ", when Amendments are
	Amendments  []lawLine // each with Sep before it: "", ", ", " dan "
	Sep         string
}

type crumb struct{ Title, Path string }

// homeView is what the home page shows besides the site.
type homeView struct {
	// Compact is set when the site has more services than [beranda] batas_daftar_lengkap:
	// the page then links to each OPD and category page with its number of services
	// instead of listing every service twice, which made the home page of a site of
	// 10,000 services 4 MB.
	Compact    bool
	Categories []category // when Compact; the full page asks for {{categories .Site}}
}

func (r *Renderer) homeData() view {
	h := &homeView{Compact: !r.site.Config.Home.FullList(serviceCount(r.site))}
	if h.Compact {
		h.Categories = r.categories(r.site)
	}
	return view{Site: r.site, Kind: "home", Path: standard.HomeAddress().Path, Description: r.site.Config.Description, Home: h}
}

// categoryData is page n of a category's list; sorted is its services by name.
func (r *Renderer) categoryData(c category, n int, sorted []*standard.Service) view {
	lo, hi := pageBounds(len(sorted), n)
	c.Count = len(sorted)
	c.Services = sorted[lo:hi]
	c.Title = cmp.Or(c.Name, r.t("uncategorised"))
	v := view{Site: r.site, Kind: "kategori", Path: standard.CategoryPageAddress(c.Slug, n).Path, Title: fmt.Sprintf(r.t("category_title"), c.Title), Category: &c,
		Description: fmt.Sprintf(r.t("category_description"), c.Count, c.Title),
		Crumbs:      []crumb{r.homeCrumb()},
		Pager:       newPager(c.Count, n, func(k int) standard.Address { return standard.CategoryPageAddress(c.Slug, k) })}
	r.pagedTitle(&v)
	return v
}

// pagedTitle adds the page number to the title of a page after the first of its list,
// so that every page has a title of its own, and puts the first page in the crumbs.
func (r *Renderer) pagedTitle(v *view) {
	if v.Pager == nil || v.Pager.Page == 1 {
		return
	}
	v.Crumbs = append(v.Crumbs, crumb{v.Title, v.Pager.Links[0].Path})
	v.Title = fmt.Sprintf(r.t("title_page"), v.Title, v.Pager.Page, v.Pager.Pages)
}

// homeCrumb is the first crumb of every page below the home page.
func (r *Renderer) homeCrumb() crumb { return crumb{r.t("home"), standard.HomeAddress().Path} }

// opdData is page n of an OPD's page: the first holds its profile, Maklumat and
// complaint channels besides the first services; the next only more services.
func (r *Renderer) opdData(o *standard.OPD, n int) view {
	lo, hi := pageBounds(len(o.Services), n)
	v := view{Site: r.site, Kind: "opd", Path: standard.OPDPageAddress(o.Slug, n).Path, Title: o.Name, OPD: o,
		Description: fmt.Sprintf(r.t("opd_description"), len(o.Services), o.Name),
		Crumbs:      []crumb{r.homeCrumb()}, List: o.Services[lo:hi],
		Pager: newPager(len(o.Services), n, func(k int) standard.Address { return standard.OPDPageAddress(o.Slug, k) })}
	r.pagedTitle(&v)
	return v
}

func (r *Renderer) serviceData(s *standard.Service) view {
	v := r.serviceView(s)
	v.ServicePage = r.servicePage(s)
	return v
}

// serviceView is the part of a service page's view that its poster shares.
func (r *Renderer) serviceView(s *standard.Service) view {
	// A link shared on WhatsApp shows the title (the service) and this line: it names
	// the OPD so a reader knows where to go.
	desc := fmt.Sprintf(r.t("service_description"), s.Name, s.OPD.Name)
	if s.Summary != "" {
		desc = s.Summary + " — " + s.OPD.Name
	}
	return view{Site: r.site, Kind: "service", Path: s.Addr().Path,
		Title: s.Name, OPD: s.OPD, Service: s, Description: desc,
		Crumbs: []crumb{r.homeCrumb(), {s.OPD.Name, s.OPD.Addr().Path}}}
}

func (r *Renderer) servicePage(s *standard.Service) *servicePage {
	p := &servicePage{OPDURL: r.URL(s.OPD.Addr().Path), PosterURL: r.URL(s.PosterAddr().Path),
		FlowchartURL: r.URL(standard.FlowchartAddress(s.OPD.Slug, s.Slug).Path),
		Duration:     r.durationsLine(s.Durations)}
	p.Durations = make([]durationLine, len(s.Durations))
	for i, d := range s.Durations {
		p.Durations[i] = durationLine{Label: d.Label, Text: r.durationLine(&d), Note: r.md.Field(d.Note)}
	}
	p.FeeSummary = r.feeSummary(s)
	p.OnlineText = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(s.OnlineURL, "https://"), "http://"), "/")
	for _, d := range s.Durations {
		line := r.durationLine(&d)
		if len(s.Durations) > 1 {
			line = r.duration(&d)
		}
		p.DurationSummary = append(p.DurationSummary, durationLine{Label: d.Label, Text: line})
	}
	if h := s.EffectiveHandling(); h.Text != "" || h.ResponseTime != "" {
		p.Handling = &handlingLines{Text: r.handlingHTML(h.Text)}
		if h.ResponseTime != "" {
			p.Handling.Response = r.t("response_time") + ": " + h.ResponseTime
		}
	}
	names := make([]string, len(s.Products))
	p.Products = make([]productLine, len(s.Products))
	for i, x := range s.Products {
		names[i] = x.Name
		p.Products[i] = productLine{Name: x.Name, Form: x.Form, Note: r.md.Field(x.Note)}
	}
	p.ProductNames = strings.Join(names, ", ")
	p.Fees = make([]feeLine, len(s.Fees))
	for i, f := range s.Fees {
		p.Fees[i] = feeLine{Text: f.Text, Amount: r.fee(f), Full: r.feeFull(f), Note: r.md.Field(f.Note)}
		if l := s.LawByID(f.LegalBasis); l != nil {
			p.Fees[i].LegalBasis = r.t("legal_basis") + ": " + r.lawTitle(*l)
		}
	}
	line := func(req standard.Requirement) requirementLine {
		detail := req.Form
		if req.Copies != 0 {
			if detail != "" {
				detail += ", "
			}
			detail += fmt.Sprintf(r.t("copies"), req.Copies)
		}
		return requirementLine{Name: req.Name, Detail: detail, Condition: req.Condition,
			Note: r.md.Field(req.Note)}
	}
	for _, g := range requirementGroups(s) {
		entries := requirementEntries(g.Items)
		lines := requirementGroupLines{Case: g.Case, Items: make([]requirementLine, len(entries))}
		for i, e := range entries {
			if len(e) == 1 {
				lines.Items[i] = line(e[0])
				continue
			}
			lines.Items[i].Choices = make([]requirementLine, len(e))
			for j, req := range e {
				lines.Items[i].Choices[j] = line(req)
			}
		}
		p.Requirements = append(p.Requirements, lines)
	}
	for _, ln := range s.Lanes() {
		lines := procedureLines{Channel: ln.Channel}
		for _, sg := range ln.Stages {
			stage := stageLines{Name: sg.Name, Start: sg.First, Steps: make([]stepLine, len(sg.Steps))}
			for i, st := range sg.Steps {
				stage.Steps[i] = r.stepLine(st, sg.First+i)
			}
			lines.Stages = append(lines.Stages, stage)
			lines.Steps = append(lines.Steps, stage.Steps...)
		}
		p.Procedures = append(p.Procedures, lines)
	}
	if r.site.Config.PublishManagement {
		p.Laws = r.lawLines(s)
		for _, c := range []struct {
			key  string
			text standard.Markdown
		}{
			{"facilities", s.Facilities}, {"competence", s.Competence}, {"supervision", s.Supervision},
			{"staffing", s.Staffing}, {"service_guarantee", s.ServiceGuarantee},
			{"safety_guarantee", s.SafetyGuarantee}, {"evaluation", s.Evaluation},
		} {
			m := managementText{Given: c.text != ""}
			if m.Given {
				m.Title, m.Text = r.t(c.key), r.md.Field(c.text)
			}
			p.Management = append(p.Management, m)
		}
	}
	// A decree is stated by its number or date; an [sk] table with neither (as `papan new`
	// writes it) states nothing, and a date not given is not written as an empty one.
	if d := s.Decree; d != nil && (d.Number != "" || !d.Date.IsZero()) {
		p.Decree = r.t("set_by_decree")
		if d.Number != "" {
			p.Decree += " " + r.t("number") + " " + d.Number
		}
		if !d.Date.IsZero() {
			p.Decree += " " + r.t("dated") + " " + r.date(d.Date)
		}
	}
	return p
}

func (r *Renderer) pageData(p *standard.Page) view {
	return view{Site: r.site, Kind: "page", Path: p.Addr().Path, Title: p.Title, Page: p,
		Description: p.Description, Crumbs: []crumb{r.homeCrumb()}}
}

func (r *Renderer) notFoundData() view {
	return view{Site: r.site, Kind: "404", Path: standard.NotFoundAddress().Path, Title: r.t("not_found_title"),
		Description: r.t("not_found_text"), Categories: r.categories(r.site)}
}

// t returns the interface string for key in the site's language. A missing key shows as
// the key itself, which a reviewer notices and a test catches (every key in every language).
func (r *Renderer) t(key string) string {
	if s, ok := r.strings[key]; ok {
		return s
	}
	return key
}

func (r *Renderer) funcs() template.FuncMap {
	parts := &sitewideParts{r: r, parts: map[string]*sitewidePart{}}
	return template.FuncMap{
		"sitewide":    parts.render,
		"url":         r.URL,
		"absurl":      r.AbsURL,
		"css":         func() string { return r.URL(r.cssPath) },
		"searchjs":    func() string { return r.URL(r.searchJSPath) },
		"searchindex": func() string { return r.URL(r.searchIndexPath) },
		// The integrity attributes are whole attributes: a value holds "+", which
		// html/template would write as &#43;. Base64 needs no escaping.
		"cssintegrity":      func() template.HTMLAttr { return template.HTMLAttr(`integrity="` + r.cssSRI + `"`) },
		"searchjsintegrity": func() template.HTMLAttr { return template.HTMLAttr(`integrity="` + r.searchJSSRI + `"`) },
		// dashboardpath is the site path of the compliance dashboard, which the footer
		// links to when site.toml publishes it (kepatuhan.dasbor).
		"dashboardpath": func() string { return standard.DashboardAddress().Path },
		"feed":          func() string { return r.URL(standard.FeedAddress().Path) },
		"favicon":       r.favicon,
		"pagetitle":     r.pageTitle,
		"emblem":        r.emblem,
		"menu":          r.menu,
		"t":             r.t,
		"tf":            func(key string, args ...any) string { return fmt.Sprintf(r.t(key), args...) },
		"md":            r.md.Field,
		"mdpage":        r.md.Page,
		"rupiah":        r.rupiah,
		"fee":           r.fee,
		"date":          r.date,
		"duration":      r.duration,
		"steptime": func(st *standard.StepTime) string {
			if st == nil {
				return ""
			}
			return r.span(st.Min, st.Max, st.Unit)
		},
		"reqgroups":    requirementGroups,
		"procedures":   procedures,
		"law":          func(s *standard.Service, id string) *standard.Law { return s.LawByID(id) },
		"lawtitle":     r.lawTitle,
		"channellabel": func(k standard.ChannelKind) string { return r.t("channel_" + string(k)) },
		"channelhref":  channelHref,
		"channels":     r.channelLines,
		"links":        contactLinks,
		"categories":   r.categories,
		"servicecount": serviceCount,
		"jsonld":       r.pageJSONLD,
		"flowchart":    r.flowchart,
		"qr":           new(qrCoder).svg,
		"breakurl":     breakURL,
	}
}

// emblem returns the address of the region's emblem (site.toml's lambang), or "".
func (r *Renderer) emblem() string {
	if e := r.site.Config.Emblem; e != "" {
		return r.URL("/" + strings.TrimPrefix(e, "/"))
	}
	return ""
}

// favicon returns the address of the site's icon: the emblem when site.toml names one,
// else the theme's favicon.svg.
func (r *Renderer) favicon() string {
	return cmp.Or(r.emblem(), r.URL("/favicon.svg"))
}

// menuItem is one link of the top navigation.
type menuItem struct{ Title, Path string }

// menu lists the top navigation: the standalone pages with a menu name, in their order,
// then the compliance dashboard when the site publishes it. Every page shows it, so it
// reads only site.toml and the pages (see sitewideParts).
func (r *Renderer) menu() []menuItem {
	var items []menuItem
	for _, p := range r.site.Pages {
		if p.Menu != "" {
			items = append(items, menuItem{p.Menu, r.URL(p.Addr().Path)})
		}
	}
	if r.site.Config.Compliance.Dashboard {
		items = append(items, menuItem{r.t("nav_dashboard"), r.URL(standard.DashboardAddress().Path)})
	}
	return items
}

// telText keeps a phone number on one line.
var telText = strings.NewReplacer(" ", "\u00a0", "-", "\u2011")

// pageTitle is the <title> of a page: its own title and the site's, as long as a search
// result or a tab shows whole (70 characters, html-validate's long-title): else with the
// region's name instead of the site's, else alone, cut at a word with "…" when still too
// long. The page's <h1> keeps the whole name.
func (r *Renderer) pageTitle(title string) string {
	const limit = 70
	site := r.site.Config.Title
	if title == "" {
		return cutWords(site, limit)
	}
	if n := utf8.RuneCountInString(title); n+3+utf8.RuneCountInString(site) <= limit {
		return title + " · " + site
	}
	region := r.site.Config.Region
	if n := utf8.RuneCountInString(title); n+3+utf8.RuneCountInString(region) <= limit {
		return title + " · " + region
	}
	return cutWords(title, limit)
}

// cutWords cuts s to at most n characters, at a space, with "…" when cut.
func cutWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)[:max(n-1, 1)]
	if i := strings.LastIndexByte(string(rs), ' '); i > 0 {
		return strings.TrimRight(string(rs)[:i], " ,;:·-–") + "…"
	}
	return string(rs) + "…"
}

// sitewideParts renders the templates that partials ask for with {{sitewide "name"}}:
// parts of every page that show only what site.toml and the pages say, such as the
// footer. Each is rendered once per Renderer and reused on every page; rendered per page
// they cost a tenth of a service page. A Renderer is made anew whenever site.toml, a
// page or a template changes (engine.Session does so), so such a part cannot go stale.
// It is given only the site, not the page, and must not show services or OPDs: a build
// renders pages while it is still reading services, and the dev server keeps its
// Renderer when a service file is saved.
type sitewideParts struct {
	r     *Renderer
	mu    sync.Mutex
	parts map[string]*sitewidePart
}

type sitewidePart struct {
	once sync.Once
	html template.HTML
	err  error
}

// siteView is what a sitewide part receives: the site, under the name the page view
// gives it, so markup moves between a page's templates and a sitewide part unchanged.
type siteView struct{ Site *standard.Site }

func (s *sitewideParts) render(name string) (template.HTML, error) {
	s.mu.Lock()
	p := s.parts[name]
	if p == nil {
		p = new(sitewidePart)
		s.parts[name] = p
	}
	s.mu.Unlock()
	p.once.Do(func() {
		// Any page kind's templates will do: they share the partials.
		var b strings.Builder
		p.err = s.r.pages["home"].ExecuteTemplate(&b, name, siteView{Site: s.r.site})
		p.html = template.HTML(b.String())
	})
	return p.html, p.err
}

// rupiah formats an amount the Indonesian way: "Rp150.000". Zero is "Rp0", never the
// word for free: only gratis = true says a fee is free (see fee).
func (r *Renderer) rupiah(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return "Rp" + b.String()
}

// fee writes what a fee costs, as the summary box and the poster state it: "Gratis",
// "Rp150.000", "Rp10.000–Rp50.000", or "Menurut ketentuan: <its text>". A fee the loader
// refused for stating nothing is written as not stated.
func (r *Renderer) fee(f standard.Fee) string {
	switch f.Kind() {
	case standard.FeeFree:
		return r.t("free")
	case standard.FeeFixed:
		return r.rupiah(f.Amount)
	case standard.FeeRange:
		return r.rupiah(f.Min) + "–" + r.rupiah(f.Max)
	case standard.FeeByRule:
		return r.t("fee_by_rule") + ": " + f.Rule
	}
	return r.t("not_stated")
}

// feeSummary is the fees of s in a few words, for the summary box: "Gratis" when every
// fee is free, the one fee's amount, or from the lowest to the highest of several
// ("Gratis–Rp60.000"); "" when a fee is set by a rule, which has no amount to compare.
func (r *Renderer) feeSummary(s *standard.Service) string {
	switch {
	case len(s.Fees) == 0:
		return ""
	case s.Free():
		return r.t("free")
	case len(s.Fees) == 1:
		return r.fee(s.Fees[0])
	}
	lo, hi := int64(-1), int64(0)
	for _, f := range s.Fees {
		var a, b int64
		switch f.Kind() {
		case standard.FeeFree:
		case standard.FeeFixed:
			a, b = f.Amount, f.Amount
		case standard.FeeRange:
			a, b = f.Min, f.Max
		default:
			return ""
		}
		if lo < 0 || a < lo {
			lo = a
		}
		hi = max(hi, b)
	}
	from := r.rupiah(lo)
	if lo == 0 {
		from = r.t("free")
	}
	if lo == hi {
		return from
	}
	return from + "–" + r.rupiah(hi)
}

// feeFull is fee where there is room: a free fee also says it is not collected.
func (r *Renderer) feeFull(f standard.Fee) string {
	if f.Kind() == standard.FeeFree {
		return r.t("free_long")
	}
	return r.fee(f)
}

func (r *Renderer) date(d standard.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day(), r.t(fmt.Sprintf("month_%d", int(d.Month()))), d.Year())
}

func (r *Renderer) unit(u standard.Unit) string {
	return r.t("unit_" + strings.ReplaceAll(string(u), " ", "_"))
}

func (r *Renderer) span(lo, hi int, u standard.Unit) string {
	if hi > lo {
		return fmt.Sprintf(r.t("range"), lo, hi, r.unit(u))
	}
	return fmt.Sprintf("%d %s", lo, r.unit(u))
}

func (r *Renderer) duration(d *standard.Duration) string {
	if d == nil {
		return ""
	}
	if d.Max > d.Value {
		return fmt.Sprintf(r.t("duration_range"), d.Value, r.unit(d.Unit), d.Max, r.unit(d.Unit))
	}
	return fmt.Sprintf("%d %s", d.Value, r.unit(d.Unit))
}

// durationLine is the duration of a service as its page and poster state it, with the
// moment it is counted from.
func (r *Renderer) durationLine(d *standard.Duration) string {
	line := r.duration(d)
	if d != nil && d.CountFrom != "" {
		line += ", " + r.t("counted_from") + " " + d.CountFrom
	}
	return line
}

// durationsLine is the durations of a service in one line, each after its label when
// there are several: "Penerbitan PBG: 1 hari; Penerbitan SLF dan SBKBG: 3 hari".
func (r *Renderer) durationsLine(ds []standard.Duration) string {
	if len(ds) == 1 {
		return r.durationLine(&ds[0])
	}
	parts := make([]string, len(ds))
	for i := range ds {
		parts[i] = r.durationLine(&ds[i])
		if ds[i].Label != "" {
			parts[i] = ds[i].Label + ": " + parts[i]
		}
	}
	return strings.Join(parts, "; ")
}

// lawTitle names a legal basis by what is given of it: "Peraturan Daerah Nomor 4 Tahun
// 2022 tentang Retribusi", or only "Peraturan Daerah" when the standard says no more.
// Nothing not given is printed, not even an empty "Nomor".
func (r *Renderer) lawTitle(l standard.Law) string {
	if l.Number != "" && l.Year != 0 && l.Title != "" {
		return fmt.Sprintf(r.t("law_title"), l.Kind, l.Number, l.Year, l.Title)
	}
	t := l.Kind
	if l.Number != "" {
		t += " " + fmt.Sprintf(r.t("law_number"), l.Number)
	}
	if l.Year != 0 {
		t += " " + fmt.Sprintf(r.t("law_year"), l.Year)
	}
	if l.Title != "" {
		t += " " + fmt.Sprintf(r.t("law_about"), l.Title)
	}
	return t
}

// lawLines lists the legal bases of s as the page shows them: each law that amends none
// of the others, followed by the laws that amend it in year order.
func (r *Renderer) lawLines(s *standard.Service) []lawLine {
	var lines []lawLine
	for i := range s.LegalBasis {
		l := &s.LegalBasis[i]
		if s.Amends(l) {
			continue
		}
		line := lawLine{Title: r.lawTitle(*l), Link: l.Link}
		for j, a := range s.AmendedBy(l.ID) {
			al := lawLine{Title: r.lawTitle(*a), Link: a.Link}
			switch {
			case j == 0:
				line.AmendedBy = " " + r.t("as_amended_by") + " "
			default:
				al.Sep = ", "
			}
			line.Amendments = append(line.Amendments, al)
		}
		if n := len(line.Amendments); n > 1 {
			line.Amendments[n-1].Sep = " " + r.t("and") + " "
		}
		lines = append(lines, line)
	}
	return lines
}

type requirementGroup struct {
	Case  string
	Items []standard.Requirement
}

// requirementGroups groups requirements by case, in the order the cases first appear.
func requirementGroups(s *standard.Service) []requirementGroup {
	if sameKey(s.Requirements, func(r standard.Requirement) string { return r.Case }) {
		// One case, the commonest: the group is the list itself, not a copy of it
		// (the service page and the poster each group it). Readers do not change it.
		return []requirementGroup{{Case: s.Requirements[0].Case, Items: s.Requirements}}
	}
	var gs []requirementGroup
	for _, req := range s.Requirements {
		i := slices.IndexFunc(gs, func(g requirementGroup) bool { return g.Case == req.Case })
		if i < 0 {
			gs = append(gs, requirementGroup{Case: req.Case})
			i = len(gs) - 1
		}
		gs[i].Items = append(gs[i].Items, req)
	}
	return gs
}

// stepLine is a step as the page lists it; n is its number.
func (r *Renderer) stepLine(st standard.Step, n int) stepLine {
	actors := st.Actors.String()
	if actors == "" {
		actors = r.t("actor_not_stated")
	}
	meta := r.t("actor") + ": " + actors
	if st.Time != nil {
		meta += " · " + r.t("time") + ": " + r.span(st.Time.Min, st.Time.Max, st.Time.Unit)
	}
	var ifNot string
	if st.IfNot != "" {
		ifNot = " " + r.t("if_not") + ": " + st.IfNot
	}
	if st.BackTo != 0 {
		ifNot += " (" + r.backTo(st.BackTo, n) + ")"
	}
	line := stepLine{Text: st.Text, Meta: meta, Condition: st.Condition, Decision: st.Decision, IfNot: ifNot}
	for _, o := range st.Outcomes {
		text := o.If
		if o.Then != "" {
			text += ": " + o.Then
		}
		switch {
		case o.BackTo != 0:
			text += " (" + r.backTo(o.BackTo, n) + ")"
		case o.End:
			text += " (" + r.t("process_ends") + ")"
		}
		line.Outcomes = append(line.Outcomes, text)
	}
	return line
}

// backTo says where a decision of step n goes back to: "kembali ke langkah 1", or
// "langkah ini diulang" when it is step n itself.
func (r *Renderer) backTo(to, n int) string {
	if to == n {
		return r.t("repeat_step")
	}
	return fmt.Sprintf(r.t("back_to_step"), to)
}

// requirementEntries splits the requirements of one case into entries: a requirement
// on its own, or the alternatives of one "one of" group (the same atau), together at the
// place of the group's first requirement.
func requirementEntries(items []standard.Requirement) [][]standard.Requirement {
	var out [][]standard.Requirement
	at := map[string]int{} // atau → its entry
	for k, req := range items {
		if req.OneOf != "" {
			if i, ok := at[req.OneOf]; ok {
				out[i] = append(out[i], req)
				continue
			}
			at[req.OneOf] = len(out)
		}
		// The entry is items[k] itself, not a copy; its capacity of one makes the
		// append above copy it before adding an alternative, leaving items as it is.
		out = append(out, items[k:k+1:k+1])
	}
	return out
}

// sameKey reports whether items is not empty and key gives each of them the same value.
func sameKey[T any](items []T, key func(T) string) bool {
	if len(items) == 0 {
		return false
	}
	k := key(items[0])
	for _, it := range items[1:] {
		if key(it) != k {
			return false
		}
	}
	return true
}

type procedure struct {
	Channel string
	Steps   []standard.Step
}

// procedures splits the steps by channel, in the order the channels first appear.
func procedures(s *standard.Service) []procedure {
	if sameKey(s.Procedure, func(st standard.Step) string { return st.Channel }) {
		// One channel, the commonest: the steps themselves, as requirementGroups.
		return []procedure{{Channel: s.Procedure[0].Channel, Steps: s.Procedure}}
	}
	var ps []procedure
	for _, st := range s.Procedure {
		i := slices.IndexFunc(ps, func(p procedure) bool { return p.Channel == st.Channel })
		if i < 0 {
			ps = append(ps, procedure{Channel: st.Channel})
			i = len(ps) - 1
		}
		ps[i].Steps = append(ps[i].Steps, st)
	}
	return ps
}

// channelLine is a complaint channel as partials/channels.html shows it.
type channelLine struct {
	Label, Value, Hours string
	// Links is Value cut into its numbers or addresses, each with its link, and the text
	// between them: "(021) 555-0110 / 0812 3456 7890" makes two links.
	Links []linkPart
	// Href is the link of the first part that has one, or "": for a theme written
	// when a channel had one link.
	Href     template.URL
	Response string // "Waktu tanggapan: 1 hari kerja", or ""
	Note     template.HTML
}

// channelLines puts together the lines of channels, which every page shows (the site's
// in the footer), with one template call for the list instead of several for each.
func (r *Renderer) channelLines(channels []standard.Channel) []channelLine {
	lines := make([]channelLine, len(channels))
	for i, c := range channels {
		links := channelLinks(c)
		lines[i] = channelLine{Label: r.t("channel_" + string(c.Kind)), Links: links, Href: firstHref(links),
			Value: c.Value(), Hours: c.Hours, Note: r.md.Field(c.Note)}
		if c.Response != "" {
			lines[i].Response = r.t("response_time") + ": " + c.Response
		}
	}
	return lines
}

// linkPart is a piece of a contact value as a page shows it: a link when Href is set,
// else text.
type linkPart struct {
	Text string
	Href template.URL
	// HrefAttr is Href as a whole attribute, href="…", for <a {{.HrefAttr}}>.
	// html/template writes a URL value's "+" as "&#43;" (tel:&#43;62…), which works
	// but reads badly and defeats a search of the output; an attribute made here from
	// a checked URL is written as it is.
	HrefAttr template.HTMLAttr
}

// link returns the part text linked to u, a URL made from a checked number or address.
func link(text, u string) linkPart {
	if strings.HasPrefix(u, "tel:") || strings.HasPrefix(u, "sms:") {
		// A number must not break across lines, where a reader would dial half of it:
		// no-break spaces and non-breaking hyphens (html-validate's tel-non-breaking).
		text = telText.Replace(text)
	}
	return linkPart{Text: text, Href: template.URL(u), HrefAttr: template.HTMLAttr(`href="` + template.HTMLEscapeString(u) + `"`)}
}

// contactLinks cuts value, a contact of the given kind (a channel kind: "telepon",
// "sms", "whatsapp", "email", …), into parts, linking each number or address that
// standard.ParsePhone or standard.ParseEmail understands: tel:+62…, sms:+62…,
// https://wa.me/62…, mailto:…. A value that is a web address (standard.WebURL) is one
// link whatever its kind; any other value of another kind is text.
//
// The links are template.URL (and template.HTMLAttr), which html/template writes as
// they are: they are built here from the checked number or address alone, never from
// the editor's text, and html/template would otherwise disarm every tel: and sms: link
// to "#ZgotmplZ".
func contactLinks(kind, value string) []linkPart {
	if u, problem, _ := standard.WebURL(value); problem == "" {
		return []linkPart{link(value, u)} // "https://wa.me/62…", a site
	}
	var parts []standard.ContactPart
	var href func(target string) string
	switch kind {
	case "telepon", "sms":
		scheme := "tel:"
		if kind == "sms" {
			scheme = "sms:"
		}
		parts, href = standard.Phones(value), func(n string) string { return scheme + n }
	case "whatsapp":
		parts, href = standard.Phones(value), func(n string) string {
			if !strings.HasPrefix(n, "+") {
				return "" // a short or toll-free number has no WhatsApp account
			}
			return "https://wa.me/" + n[1:] // wa.me wants the country code without "+"
		}
	case "email":
		parts, href = standard.Emails(value), func(a string) string { return "mailto:" + a }
	default:
		return []linkPart{{Text: value}}
	}
	links := make([]linkPart, len(parts))
	for i, p := range parts {
		links[i].Text = p.Text
		if p.Target == "" {
			continue
		}
		if u := href(p.Target); u != "" {
			links[i] = link(p.Text, u)
		}
	}
	return links
}

// firstHref returns the first link of parts, or "".
func firstHref(parts []linkPart) template.URL {
	for _, p := range parts {
		if p.Href != "" {
			return p.Href
		}
	}
	return ""
}

// channelLinks is contactLinks of each value of c, joined by ", ": each of two numbers
// written as nilai = ["…", "…"] is its own link, whatever contactLinks makes of it.
func channelLinks(c standard.Channel) []linkPart {
	if len(c.Values) == 1 {
		return contactLinks(string(c.Kind), c.Values[0])
	}
	var links []linkPart
	for i, v := range c.Values {
		if i > 0 {
			links = append(links, linkPart{Text: ", "})
		}
		links = append(links, contactLinks(string(c.Kind), v)...)
	}
	return links
}

// channelHref returns the first link of a channel (see contactLinks), or "".
func channelHref(c standard.Channel) template.URL {
	return firstHref(channelLinks(c))
}

type category struct {
	Name     string // "" for the services without a category
	Title    string // Name, or the interface's word for "no category" (set by Renderer.categories)
	Slug     string // its page is /kategori/<Slug>/; unique on the site (categorySlugs)
	Services []*standard.Service
	// Count is the number of services of the category; on a page of a long list,
	// Services holds only that page's.
	Count int
}

// Addr returns the address of the category's page.
func (c category) Addr() standard.Address { return standard.CategoryAddress(c.Slug) }

// Path returns the site path of the category's page, for templates written before Addr.
func (c category) Path() string { return c.Addr().Path }

// UncategorisedSlug is the address, under /kategori/, of the services without a category.
// It holds an underscore, which standard.Slugify never writes, so no category's name can
// take it (a category named "Lainnya" is /kategori/lainnya/).
const UncategorisedSlug = "tanpa_kategori"

// categories groups all services of the site by category, categories sorted by name and
// services without one last. The services of each category are in the site's order:
// sortedByName puts them in reading order, which only the pages that list them need
// (the dev server lists the outputs after every save).
func categories(site *standard.Site) []category {
	byName := map[string]*category{}
	for _, o := range site.OPDs {
		for _, s := range o.Services {
			c := byName[s.Category]
			if c == nil {
				c = &category{Name: s.Category}
				byName[s.Category] = c
			}
			c.Services = append(c.Services, s)
		}
	}
	var cs []category
	for _, c := range byName {
		c.Count = len(c.Services)
		cs = append(cs, *c)
	}
	slices.SortFunc(cs, func(a, b category) int {
		if (a.Name == "") != (b.Name == "") {
			if a.Name == "" {
				return 1
			}
			return -1
		}
		// Names differing only in case ("Perizinan", "perizinan") are two categories; the
		// exact name orders them, or the map's random order would show.
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Name, b.Name))
	})
	categorySlugs(cs)
	return cs
}

// categorySlugs gives each category of cs, sorted as categories sorts them, its address.
// A category's slug is standard.Slugify of its name. Names that slugify alike
// ("Perizinan" and "perizinan", "KTP/KK" and "KTP-KK") share a slug, and the page of one
// would overwrite the other's; the first in order keeps the slug and the next get
// "<slug>_2", "<slug>_3", …. Slugify writes no underscore, so those cannot meet another
// category's slug, and a new category changes only the addresses of its own clash.
// A name without a letter or digit has the slug "kategori".
func categorySlugs(cs []category) {
	seen := map[string]int{}
	for i := range cs {
		slug := UncategorisedSlug
		if cs[i].Name != "" {
			slug = cmp.Or(standard.Slugify(cs[i].Name), "kategori")
		}
		seen[slug]++
		if n := seen[slug]; n > 1 {
			slug += "_" + strconv.Itoa(n)
		}
		cs[i].Slug = slug
	}
}

// categories is the template function: the site's categories with their titles in the
// site's language, their services by name.
func (r *Renderer) categories(site *standard.Site) []category {
	cs := categories(site)
	for i := range cs {
		cs[i].Title = cmp.Or(cs[i].Name, r.t("uncategorised"))
		cs[i].Services = sortedByName(cs[i].Services)
	}
	return cs
}

// sortedByName returns list sorted by name, then by OPD, without changing list. Each
// name is lowered once, not at every comparison: a category of a big site has thousands.
func sortedByName(list []*standard.Service) []*standard.Service {
	type keyed struct {
		name string
		s    *standard.Service
	}
	ks := make([]keyed, len(list))
	for i, s := range list {
		ks[i] = keyed{strings.ToLower(s.Name), s}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.s.OPD.Slug, b.s.OPD.Slug))
	})
	out := make([]*standard.Service, len(ks))
	for i, k := range ks {
		out[i] = k.s
	}
	return out
}

func serviceCount(site *standard.Site) int {
	n := 0
	for _, o := range site.OPDs {
		n += len(o.Services)
	}
	return n
}

// flowchart writes the procedure as SVG (alur.svg). flowchart.SVG escapes every string from
// content and filters the id. It writes straight into w: the file, not a copy in memory.
func (r *Renderer) flowchart(w io.Writer, s *standard.Service) error {
	return flowchart.LanesSVG(w, s.Procedure, s.Lanes(), flowchart.Labels{
		Yes: r.t("yes"), No: r.t("no"), Start: r.t("start"), End: r.t("end"), ID: "fc-" + s.Slug,
		Activity: r.t("activity"), Time: r.t("time"), BackTo: r.t("back_to_step"), Repeat: r.t("repeat_step"),
		Duration: func(t standard.StepTime) string { return r.span(t.Min, t.Max, t.Unit) }})
}

// handlingHTML renders a complaint-handling text. Most services take their OPD's, so the
// same text would be converted on every service page of the OPD; it is converted once.
func (r *Renderer) handlingHTML(text standard.Markdown) template.HTML {
	if v, ok := r.handling.Load(text); ok {
		return v.(template.HTML)
	}
	h := r.md.Field(text)
	r.handling.Store(text, h)
	return h
}
