// Package tomlpos maps TOML key paths to the line and column where each key
// is written.
//
// github.com/BurntSushi/toml decodes into map[string]any without exposing
// positions, while Papan reports problems by key path ("persyaratan[2].nama").
// This package bridges the two so messages can say file:line:col.
//
// It is a tolerant scanner, not a validator: Scan never fails and never
// panics, whatever the input. On malformed TOML it indexes what it could
// recognise and leaves the rest absent, so callers fall back with Nearest.
package tomlpos

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
)

// Pos is a 1-based line and column (column counted in bytes, 1-based).
type Pos struct{ Line, Col int }

// Index maps key paths to the position where the key is written.
type Index struct {
	pos map[string]Pos
}

// maxDepth bounds the nesting of arrays and inline tables so hostile input
// cannot exhaust the stack; real service files never come close.
const maxDepth = 100

// Scan indexes src. It never fails; positions of what it cannot parse are simply absent.
func Scan(src []byte) *Index { return scan(src, nil) }

// ScanPaths indexes only what Nearest needs for paths: each of them and its ancestors.
// Lookup and Nearest of those paths answer exactly as after Scan; other paths may be
// absent. It is Scan for a caller that knows what it will ask: papan check locates a
// file's few findings, and recording every key of the file cost more than the rest of
// the scan (a map entry, a path string and a line search per key).
func ScanPaths(src []byte, paths []string) *Index {
	want := make(map[string]bool, 4*len(paths))
	for _, p := range paths {
		for ; p != "" && !want[p]; p = parent(p) {
			want[p] = true
		}
	}
	return scan(src, want)
}

func scan(src []byte, want map[string]bool) *Index {
	// Columns count from after a BOM, so drop it before taking offsets.
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	s := &scanner{
		src:        src,
		lineStarts: []int{0},
		ix:         &Index{pos: map[string]Pos{}},
		implicit:   map[string]bool{},
		elems:      map[string]int{},
		want:       want,
	}
	for i, c := range src {
		if c == '\n' {
			s.lineStarts = append(s.lineStarts, i+1)
		}
	}
	s.document()
	return s.ix
}

// Lookup returns the position of the key at path. Path syntax: keys joined
// by '.', array elements as [i] (0-based), e.g. "persyaratan[2].nama",
// "jangka_waktu.satuan", "misi[1]". Quoted keys appear unquoted in the path.
//
// A table header [a.b] is found at its first key character (the quote, for
// a quoted key); the n-th [[a]] header is "a[n-1]"; an element of an inline
// array is found at the start of its value.
func (ix *Index) Lookup(path string) (Pos, bool) {
	if ix == nil {
		return Pos{}, false
	}
	p, ok := ix.pos[path]
	return p, ok
}

// Nearest returns the position of path or, when path is absent, of its
// nearest ancestor that is present ("persyaratan[2].nama" falls back to
// "persyaratan[2]", then "persyaratan"). ok is false only when no ancestor
// is present either; callers then use line 1, column 1.
func (ix *Index) Nearest(path string) (Pos, bool) {
	for ; path != ""; path = parent(path) {
		if p, ok := ix.Lookup(path); ok {
			return p, true
		}
	}
	return Pos{}, false
}

// parent drops the last segment, whether ".key" or "[i]".
func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

type scanner struct {
	src        []byte
	i          int   // read offset into src
	lineStarts []int // offset of the first byte of each line, for pos
	ix         *Index

	// implicit marks paths recorded only because a longer key implied them
	// ([a.b] implies a), so a later explicit [a] may claim the position.
	implicit map[string]bool
	// elems counts [[header]] elements per array path, so [[a.b]] under
	// the second [[a]] resolves to a[1].b[0].
	elems map[string]int
	table string // path of the current table; "" is the root
	// want, when not nil, holds the only paths to record (ScanPaths). A key whose path is
	// not in it has no wanted path beneath it either, so its descendants get the path
	// unwanted and are neither built nor recorded.
	want map[string]bool
	keys []string // key's result, reused: each caller is done with it before the next call
	// lost is set after an unreadable header: its keys belong to no known
	// table, and recording them under the previous one would mislead.
	lost bool
}

// document is the top-level loop. Every iteration that is not at the end
// consumes at least one byte (skipLine ends each branch that might not),
// which is what guarantees termination on any input.
func (s *scanner) document() {
	for s.i < len(s.src) {
		s.skipSpace()
		switch s.peek() {
		case '\n':
			s.i++
		case '#':
			s.skipLine()
		case '[':
			s.header()
			s.skipLine()
		default:
			s.keyValue(s.table, 0)
			s.skipLine()
		}
	}
}

// header reads [a.b] or [[a.b]] and makes it the current table.
func (s *scanner) header() {
	s.i++
	array := s.peek() == '['
	if array {
		s.i++
	}
	s.skipSpace()
	start := s.i
	keys := s.key()
	if keys == nil {
		s.table, s.lost = "", true
		return
	}
	s.lost = false
	path := ""
	for n, k := range keys {
		path = join(path, k)
		last := n == len(keys)-1
		if last && array {
			s.record(path, start, true)
			c := s.elems[path]
			s.elems[path] = c + 1
			path = index(path, c)
		} else if c, ok := s.elems[path]; ok {
			// A name that is an array of tables refers to its latest element.
			path = index(path, c-1)
		}
		s.record(path, start, !last)
	}
	s.table = path
}

// keyValue reads `key = value` under base and reports whether it found one.
func (s *scanner) keyValue(base string, depth int) bool {
	start := s.i
	keys := s.key()
	if keys == nil {
		return false
	}
	s.skipSpace()
	if s.peek() != '=' {
		return false
	}
	s.i++
	s.skipSpace()
	path := base
	for n, k := range keys {
		path = s.join(path, k)
		s.record(path, start, n < len(keys)-1)
	}
	s.value(path, depth)
	return true
}

// key reads a possibly dotted key and returns its segments, or nil if there
// is none. A non-nil result always means at least one byte was consumed.
func (s *scanner) key() []string {
	keys := s.keys[:0]
	for {
		s.skipSpace()
		var k string
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			var ok bool
			if k, ok = s.str(c); !ok {
				return nil
			}
		case isBare(c):
			start := s.i
			for isBare(s.peek()) {
				s.i++
			}
			k = string(s.src[start:s.i])
		default:
			return nil
		}
		keys = append(keys, k)
		s.skipSpace()
		if s.peek() != '.' {
			s.keys = keys
			return keys
		}
		s.i++
	}
}

// value skips over one value, recording the elements of arrays and the keys
// of inline tables beneath path.
func (s *scanner) value(path string, depth int) {
	if depth > maxDepth {
		return
	}
	switch c := s.peek(); {
	case (c == '"' || c == '\'') && s.triple(c):
		s.multiline(c)
	case c == '"' || c == '\'':
		s.skipStr(c)
	case c == '[':
		s.array(path, depth)
	case c == '{':
		s.inlineTable(path, depth)
	default:
		// Numbers, bools and dates; a date may contain a space.
		for s.i < len(s.src) && strings.IndexByte(",]}#\r\n", s.src[s.i]) < 0 {
			s.i++
		}
	}
}

// array reads [v, v, ...], which may span lines and hold comments.
func (s *scanner) array(path string, depth int) {
	s.i++
	for n := 0; ; n++ {
		s.skipBlank()
		if s.i >= len(s.src) {
			return
		}
		if s.src[s.i] == ']' {
			s.i++
			return
		}
		elem := unwanted
		if path != unwanted {
			elem = index(path, n)
		}
		s.record(elem, s.i, false)
		s.value(elem, depth+1)
		if !s.separator(']') {
			return
		}
	}
}

// inlineTable reads { k = v, ... }. Newlines and comments are tolerated
// (TOML 1.1 allows them) since rejecting them buys nothing here.
func (s *scanner) inlineTable(path string, depth int) {
	s.i++
	for {
		s.skipBlank()
		if s.peek() == '}' {
			s.i++
			return
		}
		if !s.keyValue(path, depth+1) || !s.separator('}') {
			return
		}
	}
}

// separator consumes the ',' or closing byte after an element and reports
// whether another element may follow. Anything else is malformed: stop.
func (s *scanner) separator(closing byte) bool {
	s.skipBlank()
	switch s.peek() {
	case ',':
		s.i++
		return true
	case closing:
		s.i++
	}
	return false
}

// str reads a single-line string starting at its quote q and returns the
// key it denotes. An unterminated string stops before the newline, so the
// next line is still scanned.
func (s *scanner) str(q byte) (string, bool) {
	start := s.i + 1
	if !s.skipStr(q) {
		return "", false
	}
	body := string(s.src[start : s.i-1])
	if q == '"' && strings.IndexByte(body, '\\') >= 0 {
		// Decoded keys are unescaped; Go's escapes cover TOML's
		// common ones, and the raw body is a fine fallback.
		if u, err := strconv.Unquote(`"` + body + `"`); err == nil {
			body = u
		}
	}
	return body, true
}

// skipStr moves past a single-line string starting at its quote q, as str
// does, without making its text: a value's text is never wanted.
func (s *scanner) skipStr(q byte) bool {
	for s.i++; s.i < len(s.src); s.i++ {
		switch c := s.src[s.i]; {
		case c == q:
			s.i++
			return true
		case c == '\n':
			return false
		case c == '\\' && q == '"' && s.i+1 < len(s.src) && s.src[s.i+1] != '\n':
			s.i++
		}
	}
	return false
}

// multiline skips a triple-quoted string, which may hold anything that would
// otherwise look like keys, headers or comments.
func (s *scanner) multiline(q byte) {
	s.i += 3
	for s.i < len(s.src) {
		switch {
		case q == '"' && s.src[s.i] == '\\':
			s.i = min(s.i+2, len(s.src))
		case s.triple(q):
			s.i += 3
			// Up to two more quotes are content: """a""""" ends in a"".
			for n := 0; n < 2 && s.peek() == q; n++ {
				s.i++
			}
			return
		default:
			s.i++
		}
	}
}

func (s *scanner) triple(q byte) bool {
	return s.i+3 <= len(s.src) && s.src[s.i] == q && s.src[s.i+1] == q && s.src[s.i+2] == q
}

// peek returns the current byte, or 0 at the end of input.
func (s *scanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

// skipSpace skips blanks within a line; '\r' counts as one so CRLF needs no
// special handling elsewhere.
func (s *scanner) skipSpace() {
	for c := s.peek(); c == ' ' || c == '\t' || c == '\r'; c = s.peek() {
		s.i++
	}
}

// skipBlank skips blanks, newlines and comments, as allowed inside arrays.
func (s *scanner) skipBlank() {
	for {
		s.skipSpace()
		switch s.peek() {
		case '\n':
			s.i++
		case '#':
			for c := s.peek(); c != '\n' && s.i < len(s.src); c = s.peek() {
				s.i++
			}
		default:
			return
		}
	}
}

// skipLine moves past the next newline, discarding comments and junk.
func (s *scanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
	if s.i < len(s.src) {
		s.i++
	}
}

// record stores the position of path at offset off. The first explicit
// definition wins; an implicit one only fills a gap.
func (s *scanner) record(path string, off int, implicit bool) {
	if s.want != nil && !s.want[path] {
		return
	}
	_, seen := s.ix.pos[path]
	if s.lost || seen && (implicit || !s.implicit[path]) {
		return
	}
	s.ix.pos[path] = s.pos(off)
	s.implicit[path] = implicit
}

func (s *scanner) pos(off int) Pos {
	line := sort.Search(len(s.lineStarts), func(k int) bool { return s.lineStarts[k] > off })
	return Pos{Line: line, Col: off - s.lineStarts[line-1] + 1}
}

// isBare reports whether c may appear in a bare key. Bytes of multi-byte
// UTF-8 sequences are accepted because TOML 1.1 allows Unicode bare keys.
func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '-' || c >= 0x80
}

// unwanted stands for the path of a key that ScanPaths was not asked for, nor any key
// beneath it. (Only a quoted key spelling these bytes could collide, and it would merely
// go unrecorded.)
const unwanted = "\x00unwanted"

// join is the path of key under base, or unwanted when the scan does not want it.
func (s *scanner) join(base, key string) string {
	if base == unwanted || s.want != nil && base != "" && !s.want[base] {
		return unwanted
	}
	p := join(base, key)
	// An empty quoted key ("" = […]) has the path "", as the root does, and its
	// elements "[0]"…: no ancestor of theirs that want holds, so it is kept.
	if s.want != nil && p != "" && !s.want[p] {
		return unwanted
	}
	return p
}

func join(base, key string) string {
	if base == "" {
		return key
	}
	return base + "." + key
}

func index(path string, n int) string {
	return path + "[" + strconv.Itoa(n) + "]"
}
