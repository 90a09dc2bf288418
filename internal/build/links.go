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
const zgotmpl = "ZgotmplZ"

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
	found    [][]byte // the values of href and src, raw; cur's memory is reused
	arena    []byte
}

func (s *scanner) reset(links bool) {
	*s = scanner{links: links, cur: s.cur[:0], found: s.found[:0], arena: s.arena[:0]}
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

// linkCheck gathers what every written file holds and is, for check.
type linkCheck struct {
	mu      sync.Mutex
	written map[string]bool            // output paths
	links   map[string]*linkUse        // raw href and src values of absolute or root-relative links
	rel     map[string]*linkUse        // relative links, resolved to output paths
	marked  []string                   // pages holding "ZgotmplZ"
	pool    sync.Pool                  // *scanner
}

// linkUse is a link as the first page that has it writes it, that page, and how many
// pages have it.
type linkUse struct {
	link, page string
	pages      int
}

func newLinkCheck() *linkCheck {
	return &linkCheck{written: map[string]bool{}, links: map[string]*linkUse{}, rel: map[string]*linkUse{},
		pool: sync.Pool{New: func() any { return new(scanner) }}}
}

// start returns a scanner for the file at output path p, which is a rendered page
// when page is true.
func (c *linkCheck) start(page bool) *scanner {
	s := c.pool.Get().(*scanner)
	s.reset(page)
	return s
}

// done records what s found in the file at output path p.
func (c *linkCheck) done(p string, s *scanner) {
	defer c.pool.Put(s)
	dir := path.Dir(p)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.written[p] = true
	if s.zgotmpl {
		c.marked = append(c.marked, p)
	}
	for _, raw := range s.found {
		m, key := c.links, raw
		if !isRooted(raw) {
			target, ok := resolveRelative(dir, raw)
			if !ok {
				continue
			}
			m, key = c.rel, []byte(target)
		}
		if u := m[string(key)]; u != nil {
			u.pages++
			continue
		}
		m[string(key)] = &linkUse{link: string(raw), page: p, pages: 1}
	}
}

// isRooted reports whether a link is absolute ("https://…", "tel:…") or root-relative
// ("/…"): one a page's own address does not change.
func isRooted(raw []byte) bool {
	if raw[0] == '/' {
		return true
	}
	i := bytes.IndexAny(raw, ":/?#")
	return i > 0 && raw[i] == ':'
}

// resolveRelative turns a relative link of a page in folder dir into the output path
// it names. ok is false when it leaves the site.
func resolveRelative(dir string, raw []byte) (target string, ok bool) {
	ref := cleanRef(string(raw))
	if ref == "" {
		return "", false // "?q", only a query: the page itself
	}
	folder := strings.HasSuffix(ref, "/") || ref == "." || ref == ".." || strings.HasSuffix(ref, "/.") || strings.HasSuffix(ref, "/..")
	target = path.Join(dir, ref)
	if target == ".." || strings.HasPrefix(target, "../") {
		return "", false
	}
	if folder {
		target = path.Join(target, "index.html")
	}
	return target, true
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
		fmt.Fprintf(&b, "%s: galat: berkas memuat %q, tanda nilai yang ditolak html/template (tautan yang tidak aman atau tidak dikenal)", p, zgotmpl)
		b.WriteString("\n\tsaran: Perbaiki templat di layouts/ yang membuat berkas ini: tautan harus alamat http/https atau alamat di dalam situs; tautan tel:, sms: dan mailto: dibuat Papan dengan {{template \"partials/links.html\" (links \"telepon\" .)}}.")
	}
	return b.String()
}

// check returns the problems found once every file is written, or nil. basePath is
// the path of the base URL ("/" or "/standar/"); absBase the base URL itself
// ("https://uji.example/standar/"), or "" when it has no host.
func (c *linkCheck) check(basePath, absBase string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var lp LinkProblems
	dead := func(u *linkUse) {
		lp.Dead = append(lp.Dead, DeadLink{Page: u.page, Link: u.link, Pages: u.pages})
	}
	exists := func(target string) bool {
		// A folder link /x/ is /x/index.html; /x alone is served as /x/ by most hosts.
		if target == "" || strings.HasSuffix(target, "/") {
			return c.written[target+"index.html"]
		}
		return c.written[target] || c.written[target+"/index.html"]
	}
	// "//uji.example/standar/", a link without its scheme
	_, hostBase, _ := strings.Cut(absBase, ":")
	for link, u := range c.links {
		var rest string
		switch {
		case absBase != "" && strings.HasPrefix(link, absBase):
			rest = link[len(absBase):]
		case absBase != "" && strings.HasPrefix(link, hostBase):
			rest = link[len(hostBase):]
		case strings.HasPrefix(link, basePath):
			rest = link[len(basePath):]
		case link+"/" == basePath:
			rest = ""
		default:
			continue // another site, another scheme, or outside the base path
		}
		rest = cleanRef(rest)
		if strings.HasPrefix(rest, "/") {
			continue // "//other.host/…" under basePath "/"
		}
		if !exists(path.Clean("/" + rest)[1:] + trailingSlash(rest)) {
			dead(u)
		}
	}
	for target, u := range c.rel {
		if !c.written[target] && !c.written[target+"/index.html"] {
			dead(u)
		}
	}
	if len(lp.Dead) == 0 && len(c.marked) == 0 {
		return nil
	}
	slices.SortFunc(lp.Dead, func(a, b DeadLink) int { return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.Link, b.Link)) })
	lp.Marked = slices.Sorted(slices.Values(c.marked))
	return &lp
}

func trailingSlash(p string) string {
	if strings.HasSuffix(p, "/") && p != "/" {
		return "/"
	}
	return ""
}
