// Package render turns a loaded site into pages: HTML from templates, Markdown through
// goldmark, and the files a static host expects (sitemap.xml, robots.txt, 404.html).
//
// # Theme
//
// The default theme is embedded in the binary by the root package (papan.Theme, from
// layouts/ and static/ at the top of the repository). A file in the site's layouts/
// folder replaces the embedded file of the same name: templates (home.html, service.html,
// partials/footer.html, …) and interface strings (i18n/id.toml). The site's static/
// folder is laid over the theme's static files, so static/papan.css replaces the theme's
// stylesheet and any other file is published as it is.
//
// # Outputs
//
// Outputs lists every file of the site with a function that writes it. Rendering holds
// one page in memory at a time per worker; the caller decides where the bytes go, so a
// build streams to disk and the dev server can keep pages in memory.
package render

import (
	"bytes"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"math"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/papan-id/papan"
	"github.com/papan-id/papan/internal/opendata"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// Renderer renders the pages of one site.
type Renderer struct {
	site     *standard.Site
	basePath string // "/" or "/sub/path/", from the base URL
	baseURL  *url.URL
	pages    map[string]*template.Template // by page kind: "home", "opd", …
	strings  map[string]string
	md       *markdown
	// handling holds each OPD's complaint-handling text rendered once (a Markdown text
	// every service page of the OPD shows), by the text itself.
	handling sync.Map // standard.Markdown → template.HTML
	css      []byte
	cssPath  string // "assets/papan.<hash>.css"
	// cssSRI and searchJSSRI are the Subresource Integrity digests of the stylesheet and
	// the search script ("sha384-…"), which every page's <link> and <script> carry.
	cssSRI, searchJSSRI string
	static              fs.FS // theme static overlaid with the site's static/
	own                 fs.FS // the site's own static/, or nil
	// searchJS and searchIndex are the home page's search script and index (search.go).
	searchJS, searchIndex         []byte
	searchStale                   bool // the index is not yet the site's (SiteChangedUnwritten)
	searchJSPath, searchIndexPath string
	// dashboard, when set, is published at standard.DashboardAddress (dashboard.go).
	dashboard func() *rules.Dashboard
	// records returns a service's open-data record for the site-wide data files
	// (data.go); nil encodes the service, which must then be whole.
	records opendata.RecordFunc
	// parts, when set, opens an OPD's data file for the site-wide ones (SetParts)
	parts func(path string) (fs.File, error)
	// published is the address the site is published at: baseURL, or the configuration's
	// PublishedURL when pages link elsewhere (papan serve). The poster prints it.
	published *url.URL
	// ownTemplates is set when the site's layouts/ holds templates of its own: its pages
	// then have no keys (pagekey.go).
	ownTemplates bool
}

// pageKinds are the templates, one per kind of page. Each defines "main" (and may
// define "head") for the base layout in base.html.
var pageKinds = []string{"home", "opd", "kategori", "service", "page", "404", "kepatuhan", "poster"}

// New prepares a renderer for site. layouts and static are the site's own folders; either
// may be nil. Template errors in the site's layouts are returned as problems naming the
// file and line.
func New(site *standard.Site, layouts, static fs.FS) (*Renderer, error) {
	theme := papan.Theme()
	lay := overlay(layouts, mustSub(theme, "layouts"))
	st := overlay(static, mustSub(theme, "static"))
	if static != nil {
		if ps := symlinks(static, "static"); len(ps) > 0 {
			return nil, ps
		}
	}

	base, err := url.Parse(site.Config.BaseURL)
	if err != nil {
		return nil, standard.Problems{{File: site.Config.File, Path: "base_url", Severity: standard.Error,
			Message: fmt.Sprintf("base_url %q tidak valid", site.Config.BaseURL),
			Hint:    "Tulis alamat lengkap, misalnya \"https://standar.kotacontoh.go.id/\", atau \"/\"."}}
	}
	basePath := base.Path
	if !strings.HasSuffix(basePath, "/") {
		basePath += "/"
	}
	published := base
	if p := site.Config.PublishedURL; p != "" {
		if published, err = url.Parse(p); err != nil {
			return nil, standard.Problems{{File: site.Config.File, Path: "base_url", Severity: standard.Error,
				Message: fmt.Sprintf("base_url %q tidak valid", p),
				Hint:    "Tulis alamat lengkap, misalnya \"https://standar.kotacontoh.go.id/\", atau \"/\"."}}
		}
	}
	r := &Renderer{site: site, basePath: basePath, baseURL: base, published: published, static: st, own: static, md: newMarkdown(),
		ownTemplates: hasOwnTemplates(layouts, mustSub(theme, "layouts"))}

	lang := site.Config.Language
	if r.strings, err = loadStrings(lay, lang); err != nil {
		return nil, err
	}
	if r.css, err = fs.ReadFile(st, "papan.css"); err != nil {
		return nil, fmt.Errorf("render: theme stylesheet: %w", err)
	}
	sum := sha256.Sum256(r.css)
	r.cssPath = standard.AssetAddress("papan." + hex.EncodeToString(sum[:4]) + ".css").File
	r.cssSRI = integrity(r.css)

	if err := r.prepareSearch(); err != nil {
		return nil, err
	}
	if r.pages, err = r.parseTemplates(lay); err != nil {
		return nil, err
	}
	r.foldStrings()
	return r, nil
}

// integrity returns the Subresource Integrity value of an asset: a browser refuses the
// asset when a host or a proxy on the way has changed it.
func integrity(data []byte) string {
	sum := sha512.Sum384(data)
	return "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

func loadStrings(lay fs.FS, lang string) (map[string]string, error) {
	file := "i18n/" + lang + ".toml"
	src, err := fs.ReadFile(lay, file)
	if err != nil {
		return nil, fmt.Errorf("render: interface strings for language %q: %w", lang, err)
	}
	m := map[string]string{}
	if err := toml.Unmarshal(src, &m); err != nil {
		return nil, standard.Problems{{File: "layouts/" + file, Severity: standard.Error,
			Message: fmt.Sprintf("berkas teks antarmuka tidak valid: %v", err)}}
	}
	return m, nil
}

func (r *Renderer) parseTemplates(lay fs.FS) (map[string]*template.Template, error) {
	base := template.New("base.html").Funcs(r.funcs())
	var files []string
	if partials, _ := fs.Glob(lay, "partials/*.html"); len(partials) > 0 {
		files = append(files, partials...)
	}
	files = append([]string{"base.html"}, files...)
	for _, f := range files {
		if err := parseOne(base, lay, f); err != nil {
			return nil, err
		}
	}
	pages := map[string]*template.Template{}
	for _, kind := range pageKinds {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if err := parseOne(t, lay, kind+".html"); err != nil {
			return nil, err
		}
		pages[kind] = t
	}
	return pages, nil
}

func parseOne(t *template.Template, lay fs.FS, file string) error {
	src, err := fs.ReadFile(lay, file)
	if err != nil {
		return fmt.Errorf("render: template %s: %w", file, err)
	}
	if t.Name() != file {
		t = t.New(file)
	}
	if _, err := t.Parse(string(src)); err != nil {
		return templateProblem(file, err)
	}
	return nil
}

// templatePos finds "template: service.html:12:5: …" in a template error.
var templatePos = regexp.MustCompile(`template: ([\w./-]+\.html):(\d+)(?::(\d+))?: (.*)`)

// templateProblem turns a template error into a problem an editor of layouts/ can act on.
func templateProblem(file string, err error) error {
	p := standard.Problem{File: "layouts/" + file, Severity: standard.Error,
		Message: fmt.Sprintf("templat tidak valid: %v", err)}
	if m := templatePos.FindStringSubmatch(err.Error()); m != nil {
		p.File = "layouts/" + m[1]
		p.Line, _ = strconv.Atoi(m[2])
		p.Col, _ = strconv.Atoi(m[3])
		p.Col = max(p.Col, 1)
		p.Message = "templat tidak valid: " + m[4]
	}
	return standard.Problems{p}
}

// Output is one file of the built site.
type Output struct {
	Path  string // slash-separated, relative to the output root: "dukcapil/ktp-el/index.html"
	Kind  string // the template of a page ("home", "service", …); "" for other files
	Write func(w io.Writer) error
	// Key, when set, writes what the page shows of the site besides its frame: two
	// builds whose keys of a page are equal write it alike ("Page keys", pagekey.go).
	Key func(w io.Writer)
}

// Outputs lists every file of the site, in a stable order: SiteOutputs and the
// ServiceOutputs of every service.
func (r *Renderer) Outputs() []Output {
	outs := r.SiteOutputs()
	for _, o := range r.site.OPDs {
		for _, s := range o.Services {
			outs = append(outs, r.ServiceOutputs(s)...)
		}
	}
	return outs
}

// ServiceOutputs lists the files of one service: its page, its poster, its open data
// (layanan.json) and, when it has a procedure, its flowchart (a picture the page shows
// when a citizen opens it, so the page itself stays small on a slow network). They read
// the whole service, its OPD and site.toml, and nothing of other services, so a build can
// write them as soon as the service is loaded.
func (r *Renderer) ServiceOutputs(s *standard.Service) []Output {
	outs := []Output{
		r.page(s.Addr().File, "service", func() any { return r.serviceData(s) }),
		r.page(s.PosterAddr().File, "poster", func() any { return r.posterData(s) }),
		{Path: s.DataAddr().File, Write: func(w io.Writer) error { return r.publisher().WriteService(w, s) }},
	}
	if len(s.Procedure) > 0 {
		outs = append(outs, Output{Path: standard.FlowchartAddress(s.OPD.Slug, s.Slug).File, Write: func(w io.Writer) error {
			return r.flowchart(w, s)
		}})
	}
	return outs
}

// page makes the output of a page whose data is made when the page is written, not
// here, so memory holds the data of the pages being written rather than of the site.
func (r *Renderer) page(p, kind string, data func() any) Output {
	return Output{Path: p, Kind: kind, Write: func(w io.Writer) error { return r.execute(w, kind, data()) }}
}

// SiteOutputs lists every file of the site except the services' own pages: the pages
// that list services (home, OPD pages, category pages, dashboard), the standalone
// pages, the search index, the sitemap and the static files. Of each service they read
// only its ListEntry, so a build writes them last, from the services' entries.
func (r *Renderer) SiteOutputs() []Output {
	return append(r.generatedOutputs(r.dashboard != nil), r.staticOutputs()...)
}

// generatedOutputs is SiteOutputs without the static files, with the dashboard's pages
// when dashboard is set.
func (r *Renderer) generatedOutputs(dashboard bool) []Output {
	outs := []Output{r.keyed(r.page(standard.HomeAddress().File, "home", func() any { return r.homeData() }), r.homeKey)}
	for _, o := range r.site.OPDs {
		for n := 1; n <= pageCount(len(o.Services)); n++ {
			outs = append(outs, r.keyed(r.page(standard.OPDPageAddress(o.Slug, n).File, "opd", func() any { return r.opdData(o, n) }),
				func(k *keyWriter) { r.opdKey(k, o, n) }))
		}
	}
	// The categories are grouped here, once, rather than per page: each page's data is
	// then a slice of pointers the grouping already made. A category's services are
	// sorted once for all its pages, when the first of them is written.
	for _, c := range categories(r.site) {
		sorted := sync.OnceValue(func() []*standard.Service { return sortedByName(c.Services) })
		for n := 1; n <= pageCount(len(c.Services)); n++ {
			outs = append(outs, r.keyed(r.page(standard.CategoryPageAddress(c.Slug, n).File, "kategori", func() any { return r.categoryData(c, n, sorted()) }),
				func(k *keyWriter) { r.categoryKey(k, c, n, sorted()) }))
		}
	}
	for _, p := range r.site.Pages {
		outs = append(outs, r.keyed(r.page(p.Addr().File, "page", func() any { return r.pageData(p) }), func(*keyWriter) {}))
	}
	outs = append(outs, r.keyed(r.page(standard.NotFoundAddress().File, "404", func() any { return r.notFoundData() }), r.notFoundKey))
	if dashboard {
		outs = append(outs, r.dashboardOutputs()...)
	}
	outs = append(outs,
		Output{Path: r.cssPath, Write: func(w io.Writer) error { _, err := w.Write(r.css); return err }},
		Output{Path: r.searchJSPath, Write: func(w io.Writer) error { _, err := w.Write(r.searchJS); return err }},
		Output{Path: r.searchIndexPath, Write: func(w io.Writer) error { _, err := w.Write(r.searchIndex); return err }},
	)
	outs = append(outs, r.sitemapOutputs(sitemapLimit)...)
	outs = append(outs,
		Output{Path: standard.FeedAddress().File, Write: func(w io.Writer) error { return r.publisher().WriteFeed(w, r.site) }},
	)
	outs = append(outs, r.dataOutputs()...)
	outs = append(outs,
		Output{Path: standard.RobotsAddress().File, Write: r.robots},
	)
	return outs
}

// symlinks reports every symbolic link under fsys. Papan refuses them rather than follow
// them: a link in static/ to a file outside the site would publish that file.
func symlinks(fsys fs.FS, dir string) standard.Problems {
	var ps standard.Problems
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type()&fs.ModeSymlink != 0 {
			ps = append(ps, standard.Problem{File: dir + "/" + p, Severity: standard.Error,
				Message: "tautan simbolik (symlink) tidak disalin ke situs",
				Hint:    "Salin berkas aslinya ke dalam folder situs; Papan tidak mengikuti tautan agar tidak menerbitkan berkas dari luar situs."})
		}
		return nil
	})
	return ps
}

// published reports whether the static file p is published under its own name: not a
// folder, not a dot-file, and not the stylesheet or search script, which are published
// under hashed names.
func published(p string, d fs.DirEntry) bool {
	return !d.IsDir() && p != "papan.css" && p != "cari.js" && !strings.HasPrefix(path.Base(p), ".")
}

// staticOutputs copies the overlaid static folder, except the stylesheet and the search
// script, which are published under their hashed names.
func (r *Renderer) staticOutputs() []Output {
	var outs []Output
	fs.WalkDir(r.static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !published(p, d) {
			return nil
		}
		outs = append(outs, Output{Path: p, Write: func(w io.Writer) error {
			f, err := r.static.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(w, f)
			return err
		}})
		return nil
	})
	return outs
}

// execute renders a page into w. On an error w holds part of a page: callers write into
// a buffer and discard it, so a broken page is never published.
func (r *Renderer) execute(w io.Writer, kind string, data any) error {
	if err := r.pages[kind].ExecuteTemplate(w, "base.html", data); err != nil {
		return templateProblem(kind+".html", err)
	}
	return nil
}

// URL returns the address of a site path such as "/dukcapil/" under the base URL's path.
func (r *Renderer) URL(p string) string {
	return r.basePath + strings.TrimPrefix(p, "/")
}

// AbsURL returns the absolute address of a site path, for the sitemap and link previews.
func (r *Renderer) AbsURL(p string) string {
	u := *r.baseURL
	u.Path = r.URL(p)
	return u.String()
}

// PublishedURL returns the address a site path has where the site is published, for
// what is printed: AbsURL's unless pages link elsewhere (papan serve).
func (r *Renderer) PublishedURL(p string) string {
	if r.published == r.baseURL {
		return r.AbsURL(p)
	}
	u := *r.published
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.Path += strings.TrimPrefix(p, "/")
	return u.String()
}

// CSSPath returns the output path of the hashed stylesheet.
func (r *Renderer) CSSPath() string { return r.cssPath }

func (r *Renderer) sitemap(w io.Writer) error { return r.sitemapPart(w, 0, math.MaxInt) }

// sitemapPart writes a sitemap of the site's addresses from the lo-th to before the
// hi-th, in the order below (see sitemapOutputs).
func (r *Renderer) sitemapPart(w io.Writer, lo, hi int) error {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	i := 0
	loc := func(p string) {
		i++
		if i <= lo || i > hi {
			return
		}
		b.WriteString("  <url><loc>")
		template.HTMLEscape(&b, []byte(r.AbsURL(p)))
		b.WriteString("</loc></url>\n")
	}
	loc(standard.HomeAddress().Path)
	for _, o := range r.site.OPDs {
		loc(o.Addr().Path)
		for _, s := range o.Services {
			loc(s.Addr().Path)
		}
	}
	for _, c := range categories(r.site) {
		loc(c.Addr().Path)
	}
	for _, p := range r.site.Pages {
		loc(p.Addr().Path)
	}
	b.WriteString("</urlset>\n")
	_, err := w.Write(b.Bytes())
	return err
}

func (r *Renderer) robots(w io.Writer) error {
	_, err := fmt.Fprintf(w, "User-agent: *\nAllow: /\n\nSitemap: %s\n", r.AbsURL(standard.SitemapAddress().Path))
	return err
}
