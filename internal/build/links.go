package build

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/standard"
)

// The link check, like Zola's `zola check` for internal links: every href and src of
// every page the build writes that points into the site must name a file the build
// wrote, and no file may hold "ZgotmplZ", the mark html/template leaves where it refused
// a value (a tel: link built from a string once left it on every phone link). Either
// fails the build, so the previous output stays.
//
// The check rides on the write path: each file's bytes are scanned as they go to disk
// (for `="`, `='` after href or src, and for "ZgotmplZ") — far cheaper than parsing
// HTML — and each link is kept once per site with the first page that has it. The
// targets are resolved and looked up once, at the end, when the base URL is known and
// every file is written.

// zgotmpl is what html/template writes in place of a value it refuses.
const zgotmpl = render.Refused

// maxLink is the longest attribute value kept as a link: an internal address is short,
// and a longer value (a data: URL) is not one.
const maxLink = 2048

// scanner looks at one file's bytes as they are written.
type scanner struct {
	links bool // look for links: the file is a rendered page
	// tail holds the last bytes written, for a mark or an attribute name that a
	// buffer's boundary cuts in two.
	tail    [8]byte
	ntail   int
	zgotmpl bool
	// state of an attribute value the last write ended in: 0 none, 1 after `href=`
	// or `src=` waiting for the quote, 2 inside the value, quoted with quote.
	state    int
	quote    byte
	cur      []byte
	overflow bool
	found    [][]byte // the values of href and src, raw, in arena
	arena    []byte
	// targets and tarena are linkCheck.done's, kept here to reuse their memory.
	targets []target
	tarena  []byte
}

func (s *scanner) reset(links bool) {
	*s = scanner{links: links, cur: s.cur[:0], found: s.found[:0], arena: s.arena[:0],
		targets: s.targets[:0], tarena: s.tarena[:0]}
}

func (s *scanner) Write(p []byte) {
	if len(p) == 0 {
		return
	}
	if !s.zgotmpl {
		if bytes.Contains(p, []byte(zgotmpl)) {
			s.zgotmpl = true
		} else if s.ntail > 0 {
			var b [16]byte
			n := copy(b[:], s.tail[:s.ntail])
			n += copy(b[n:], p[:min(len(p), len(zgotmpl)-1)])
			s.zgotmpl = bytes.Contains(b[:n], []byte(zgotmpl))
		}
	}
	if s.links {
		s.scanLinks(p)
	}
	// Keep the last bytes of the stream in tail.
	if len(p) >= len(s.tail) {
		s.ntail = copy(s.tail[:], p[len(p)-len(s.tail):])
	} else {
		keep := min(s.ntail, len(s.tail)-len(p))
		copy(s.tail[:], s.tail[s.ntail-keep:s.ntail])
		s.ntail = keep + copy(s.tail[keep:], p)
	}
}

func (s *scanner) scanLinks(p []byte) {
	i := 0
	if s.state == 1 {
		if p[0] == '"' || p[0] == '\'' {
			s.state, s.quote, i = 2, p[0], 1
		} else {
			s.state = 0
		}
	}
	for i < len(p) {
		if s.state == 2 {
			j := bytes.IndexByte(p[i:], s.quote)
			if j < 0 {
				s.value(p[i:])
				return
			}
			s.value(p[i : i+j])
			s.endValue()
			i += j + 1
			continue
		}
		j := bytes.IndexByte(p[i:], '=')
		if j < 0 {
			return
		}
		eq := i + j
		i = eq + 1
		if !s.linkAttr(p, eq) {
			continue
		}
		if i == len(p) {
			s.state = 1
			return
		}
		if q := p[i]; q == '"' || q == '\'' {
			s.state, s.quote = 2, q
			i++
		}
	}
}

// linkAttr reports whether the '=' at p[eq] ends the name href or src.
func (s *scanner) linkAttr(p []byte, eq int) bool {
	// Most '=' end another name (class, id, aria-…): look at the last letter first.
	var last byte
	if eq > 0 {
		last = p[eq-1]
	} else if s.ntail > 0 {
		last = s.tail[s.ntail-1]
	}
	if last|0x20 != 'f' && last|0x20 != 'c' {
		return false
	}
	var b [5]byte
	// The five bytes before the '=', reaching into tail at the start of p.
	n := 0
	if eq >= len(b) {
		n = copy(b[:], p[eq-len(b):eq])
	} else {
		fromTail := min(s.ntail, len(b)-eq)
		n = copy(b[:], s.tail[s.ntail-fromTail:s.ntail])
		n += copy(b[n:], p[:eq])
	}
	before := b[:n]
	for _, name := range [...]string{"href", "src"} {
		if len(before) > len(name) && bytes.EqualFold(before[len(before)-len(name):], []byte(name)) {
			switch before[len(before)-len(name)-1] {
			case ' ', '\n', '\t', '\r':
				return true
			}
		}
	}
	return false
}

func (s *scanner) value(p []byte) {
	if s.overflow || len(s.cur)+len(p) > maxLink {
		s.overflow = true
		return
	}
	s.cur = append(s.cur, p...)
}

func (s *scanner) endValue() {
	if !s.overflow && len(s.cur) > 0 && s.cur[0] != '#' {
		start := len(s.arena)
		s.arena = append(s.arena, s.cur...)
		s.found = append(s.found, s.arena[start:len(s.arena):len(s.arena)])
	}
	s.state, s.cur, s.overflow = 0, s.cur[:0], false
}

// linkCheck gathers what the written files are and link to, for check. It keeps the
// links whose target is not written yet, not every link: a page's links to pages
// written before it are settled at once, and a link waiting for its page is let go
// when the page is written. At the end only the dead links are left.
type linkCheck struct {
	// The base URL's path ("/" or "/standar/"), the base URL itself
	// ("https://uji.example/standar/") and without its scheme ("//uji.example/standar/"),
	// the last two "" when the base URL has no host. Set by setBase before any page.
	basePath, absBase, hostBase string

	mu      sync.Mutex
	written map[string]bool     // output paths
	pending map[string]*linkUse // targets not written yet, as output paths
	marked  []string            // pages holding "ZgotmplZ"
	pool    sync.Pool           // *scanner
}

// linkUse is a link as the first page that has it writes it, that page, and how many
// pages have it.
type linkUse struct {
	link, page string
	pages      int
}

func newLinkCheck() *linkCheck {
	return &linkCheck{basePath: "/", written: map[string]bool{}, pending: map[string]*linkUse{},
		pool: sync.Pool{New: func() any { return new(scanner) }}}
}

// setBase tells c the site's address: basePath is render.Renderer.URL("/"), abs its
// AbsURL("/").
func (c *linkCheck) setBase(basePath, abs string) {
	c.basePath = basePath
	if _, host, ok := strings.Cut(abs, ":"); ok && strings.HasPrefix(host, "//") {
		c.absBase, c.hostBase = abs, host
	}
}

// start returns a scanner for a file; links says whether it is a rendered page.
func (c *linkCheck) start(links bool) *scanner {
	s := c.pool.Get().(*scanner)
	s.reset(links)
	return s
}

// done records what s found in the file at output path p.
func (c *linkCheck) done(p string, s *scanner) {
	defer c.pool.Put(s)
	// The targets are worked out before the lock is taken, into s's memory.
	dir := path.Dir(p)
	s.targets = s.targets[:0]
	s.tarena = s.tarena[:0]
	for i, raw := range s.found {
		start := len(s.tarena)
		var ok bool
		if s.tarena, ok = c.target(s.tarena, dir, raw); ok {
			s.targets = append(s.targets, target{link: i, path: s.tarena[start:len(s.tarena):len(s.tarena)]})
		} else {
			s.tarena = s.tarena[:start]
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.written[p] = true
	delete(c.pending, p)
	if s.zgotmpl {
		c.marked = append(c.marked, p)
	}
	for _, t := range s.targets {
		if c.written[string(t.path)] {
			continue
		}
		if u := c.pending[string(t.path)]; u != nil {
			u.pages++
			continue
		}
		c.pending[string(t.path)] = &linkUse{link: string(s.found[t.link]), page: p, pages: 1}
	}
}

// target is a link of a page and the output path it names.
type target struct {
	link int // index in scanner.found
	path []byte
}

// target appends to buf the output path that raw, a link on a page in folder dir,
// names ("dinas/index.html" for "/standar/dinas/"). ok is false when the link points
// outside the site: another host or scheme, or a path outside the base URL's.
func (c *linkCheck) target(buf []byte, dir string, raw []byte) (_ []byte, ok bool) {
	if bytes.ContainsAny(raw, "&%?#") {
		raw = []byte(cleanRef(string(raw)))
		if len(raw) == 0 {
			return buf, false // "?q=1": the page itself
		}
	}
	var rest []byte
	switch {
	case c.absBase != "" && bytes.HasPrefix(raw, []byte(c.absBase)):
		rest = raw[len(c.absBase):]
	case c.hostBase != "" && bytes.HasPrefix(raw, []byte(c.hostBase)):
		rest = raw[len(c.hostBase):]
	case bytes.HasPrefix(raw, []byte("//")):
		return buf, false // another host
	case bytes.HasPrefix(raw, []byte(c.basePath)):
		rest = raw[len(c.basePath):]
	case string(raw)+"/" == c.basePath:
		rest = nil // "/standar" for "/standar/"
	case raw[0] == '/' || isRooted(raw):
		return buf, false // outside the base path, or another scheme
	default:
		rel := path.Join(dir, string(raw))
		if rel == ".." || strings.HasPrefix(rel, "../") {
			return buf, false
		}
		if rel == "." {
			rel = ""
		}
		if bytes.HasSuffix(raw, []byte("/")) || bytes.HasSuffix(raw, []byte(".")) {
			rel += "/"
		}
		rest = []byte(strings.TrimPrefix(rel, "/"))
	}
	if bytes.Contains(rest, []byte("./")) || bytes.Contains(rest, []byte("//")) || bytes.HasPrefix(rest, []byte("/")) {
		clean := path.Clean("/" + string(rest))[1:]
		if clean != "" && bytes.HasSuffix(rest, []byte("/")) {
			clean += "/"
		}
		rest = []byte(clean)
	}
	buf = append(buf, rest...)
	// A folder link /x/ is /x/index.html.
	if len(rest) == 0 || rest[len(rest)-1] == '/' {
		buf = append(buf, standard.IndexFile...)
	}
	return buf, true
}

// isRooted reports whether a link has a scheme ("https://…", "tel:…").
func isRooted(raw []byte) bool {
	i := bytes.IndexAny(raw, ":/?#")
	return i > 0 && raw[i] == ':'
}

// cleanRef returns the path of a link value: entities decoded, query and fragment
// dropped, percent-escapes decoded.
func cleanRef(ref string) string {
	if strings.Contains(ref, "&") {
		ref = html.UnescapeString(ref)
	}
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		ref = ref[:i]
	}
	if p, err := url.PathUnescape(ref); err == nil {
		ref = p
	}
	return ref
}

// DeadLink is a link of a page to an address in the site where the build wrote no file.
type DeadLink struct {
	Page  string // the output path of the first page that has the link
	Link  string // as the page writes it
	Pages int    // how many pages have it
}

// LinkProblems is what the link check found: dead internal links and pages that hold
// "ZgotmplZ". As an error it is the lines cli prints, one finding with its advice each.
type LinkProblems struct {
	Dead   []DeadLink
	Marked []string // output paths
}

func (lp *LinkProblems) Error() string {
	var b strings.Builder
	for _, d := range lp.Dead {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s: galat: tautan %q menuju alamat di dalam situs yang tidak ada", d.Page, d.Link)
		if d.Pages > 1 {
			fmt.Fprintf(&b, " (juga di %d halaman lain)", d.Pages-1)
		}
		b.WriteString("\n\tsaran: Perbaiki templat di layouts/ yang membuat tautan ini: tulis alamat halaman yang ada, dengan {{url \"/alamat/\"}} agar base_url diikuti.")
	}
	for _, p := range lp.Marked {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString((&render.RefusedError{Path: p}).Error())
	}
	return b.String()
}

// check returns the problems found once every file is written, or nil.
func (c *linkCheck) check() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var lp LinkProblems
	for t, u := range c.pending {
		// "/x" is served as "/x/" by most hosts.
		if !c.written[t+"/"+standard.IndexFile] {
			lp.Dead = append(lp.Dead, DeadLink{Page: u.page, Link: u.link, Pages: u.pages})
		}
	}
	if len(lp.Dead) == 0 && len(c.marked) == 0 {
		return nil
	}
	slices.SortFunc(lp.Dead, func(a, b DeadLink) int { return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.Link, b.Link)) })
	lp.Marked = slices.Sorted(slices.Values(c.marked))
	return &lp
}
