package render

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// Page keys
//
// A page that lists services (home, OPD, category and dashboard pages, the 404 page and
// the standalone pages) has a Key: a function that writes, to be hashed, everything the
// page shows that is not the frame of the site — what its data function hands the
// theme's template of the site's services, OPDs and dashboard, and the search index's
// address where the page carries it. The frame (site.toml, the standalone pages, the
// site's layouts/ and static/, the binary with its theme and rules, the build's options
// and date) is not written: the build cache keys every page by it as well
// (engine.Cache.PageKey). Two builds that write the same key for a page write the same
// page, so a build with the cache keeps a page whose key is the one it was last made
// from instead of rendering it again (build.writeSite).
//
// A key is only as complete as it says what the templates read, and a site's own
// templates may read anything of .Site: a site with its own page templates in layouts/
// gets no keys, and every page that lists services is rendered again in each build
// that changed anything. A change to the theme's templates that shows more of the site
// on these pages must write it in the key too; build.TestCacheProperty compares a
// build with the cache and one without over random edits, adds, removes, category
// moves and score changes, with the home page compact and the dashboard split and not.

// keyWriter writes the parts of a page key, each length-prefixed so that no two
// sequences of parts write alike.
type keyWriter struct {
	w   io.Writer
	buf []byte
}

func (k *keyWriter) str(s string) {
	k.buf = binary.AppendUvarint(k.buf[:0], uint64(len(s)))
	k.buf = append(k.buf, s...)
	k.w.Write(k.buf)
}

func (k *keyWriter) int(n int) { k.str(strconv.Itoa(n)) }

// services writes what a list of services shows of each: its address, name, OPD's
// name and summary.
func (k *keyWriter) services(list []*standard.Service) {
	k.int(len(list))
	for _, s := range list {
		k.str(s.OPD.Slug)
		k.str(s.Slug)
		k.str(s.Name)
		k.str(s.OPD.Name)
		k.str(s.Summary)
	}
}

// opd writes an OPD's own fields (not its services), as JSON: deterministic, pointers
// followed.
func (k *keyWriter) opd(o *standard.OPD) {
	c := *o
	c.Services = nil
	b, err := json.Marshal(&c)
	if err != nil {
		b = fmt.Appendf(nil, "unkeyed %p", o) // never the same twice: rendered again
	}
	k.str(string(b))
}

// categories writes the categories as the home and 404 pages list them: name, address
// and count.
func (k *keyWriter) categories(cs []category) {
	k.int(len(cs))
	for _, c := range cs {
		k.str(c.Name)
		k.str(c.Slug)
		k.int(len(c.Services))
	}
}

// opdScore writes an OPD's assessment, with its findings and its services' scores when
// whole. Every field is written (TestPageKeyFields holds the count): a field the
// dashboard comes to show is then in the key already.
func (k *keyWriter) opdScore(o *rules.OPDScore, whole bool) {
	k.str(o.Slug)
	k.str(o.Name)
	k.str(o.File)
	k.float(o.Figure)
	k.str(o.Zone)
	k.float(o.MeanLevel)
	k.float(o.Public)
	k.float(o.Management)
	k.int(o.Drafts)
	k.bool(o.Maklumat)
	k.bool(o.Profile)
	k.int(o.Errors)
	k.int(o.Warnings)
	k.int(len(o.Services))
	if !whole {
		return
	}
	for i := range o.Services {
		s := &o.Services[i]
		k.str(s.Slug)
		k.str(s.Name)
		k.str(s.File)
		k.int(s.Published)
		k.int(s.Total)
		k.int(s.Public)
		k.int(s.Management)
		k.strs(s.Unspecific)
		k.int(s.Level)
		k.bool(s.Draft)
		k.int(s.Errors)
		k.int(s.Warnings)
		k.strs(s.Missing)
		k.bool(s.SpecialCare)
		k.bool(s.Lapor)
	}
	k.problems(o.Findings)
}

func (k *keyWriter) problems(ps standard.Problems) {
	k.int(len(ps))
	for i := range ps {
		p := &ps[i]
		k.str(p.File)
		k.str(p.Path)
		k.int(p.Line)
		k.int(p.Col)
		k.int(int(p.Severity))
		k.str(p.Rule)
		k.str(p.Message)
		k.str(p.Hint)
	}
}

func (k *keyWriter) strs(l []string) {
	k.int(len(l))
	for _, s := range l {
		k.str(s)
	}
}

func (k *keyWriter) float(f float64) { k.str(strconv.FormatFloat(f, 'g', -1, 64)) }

func (k *keyWriter) bool(b bool) { k.str(strconv.FormatBool(b)) }

// keyed gives out the key write, unless the site has its own page templates.
func (r *Renderer) keyed(out Output, write func(k *keyWriter)) Output {
	if r.ownTemplates {
		return out
	}
	out.Key = func(w io.Writer) {
		k := &keyWriter{w: w}
		k.str(out.Kind)
		k.str(out.Path)
		write(k)
	}
	return out
}

// hasOwnTemplates reports whether the site's layouts/ holds a template (an .html file)
// of its own: one the theme has not, or whose bytes differ from the theme's. A copy of
// the default theme's template, as the example site at the root of the repository holds
// (it is the theme), shows what the theme shows, so its pages keep their keys.
func hasOwnTemplates(layouts, theme fs.FS) bool {
	if layouts == nil {
		return false
	}
	found := false
	fs.WalkDir(layouts, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		mine, err := fs.ReadFile(layouts, p)
		if err != nil {
			found = true
			return fs.SkipAll
		}
		if theirs, err := fs.ReadFile(theme, p); err != nil || !bytes.Equal(mine, theirs) {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// homeKey writes what the home page shows of the site.
func (r *Renderer) homeKey(k *keyWriter) {
	k.str(r.searchIndexPath)
	n := serviceCount(r.site)
	k.int(n)
	k.int(len(r.site.OPDs))
	for _, o := range r.site.OPDs {
		k.str(o.Slug)
		k.str(o.Name)
		k.int(len(o.Services))
	}
	if !r.site.Config.Home.FullList(n) {
		k.categories(categories(r.site))
		return
	}
	cs := r.categories(r.site)
	k.categories(cs)
	for _, c := range cs {
		k.services(c.Services)
	}
}

// opdKey writes what page n of an OPD's page shows.
func (r *Renderer) opdKey(k *keyWriter, o *standard.OPD, n int) {
	k.opd(o)
	k.int(n)
	k.int(len(o.Services))
	lo, hi := pageBounds(len(o.Services), n)
	k.services(o.Services[lo:hi])
}

// categoryKey writes what page n of a category's page shows; sorted is its services
// by name.
func (r *Renderer) categoryKey(k *keyWriter, c category, n int, sorted []*standard.Service) {
	k.str(c.Name)
	k.str(c.Slug)
	k.int(n)
	k.int(len(sorted))
	lo, hi := pageBounds(len(sorted), n)
	k.services(sorted[lo:hi])
}

// notFoundKey writes what the 404 page shows of the site.
func (r *Renderer) notFoundKey(k *keyWriter) {
	k.str(r.searchIndexPath)
	k.categories(categories(r.site))
}

// dashboardKey writes what page n of the dashboard's list of OPDs shows.
func (r *Renderer) dashboardKey(k *keyWriter, n int) {
	d := r.dashboard()
	k.str(d.Today.String())
	k.int(d.Errors)
	k.int(d.Warnings)
	k.problems(d.SiteFindings)
	split := r.splitDashboard()
	k.bool(split)
	opds := d.OPDs
	if split {
		k.int(n)
		k.int(len(opds))
		lo, hi := pageBounds(len(opds), n)
		opds = opds[lo:hi]
	}
	for i := range opds {
		k.opdScore(&opds[i], !split)
	}
}

// dashboardOPDKey writes what page n of an OPD's page of a split dashboard shows.
func (r *Renderer) dashboardOPDKey(k *keyWriter, slug string, n int) {
	d := r.dashboard()
	k.str(d.Today.String())
	k.int(n)
	for i := range d.OPDs {
		if d.OPDs[i].Slug == slug {
			k.opdScore(&d.OPDs[i], true)
			return
		}
	}
	k.str("missing")
}
