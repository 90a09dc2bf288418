package engine

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// The cache file's form
//
// After cacheMagic the file is a sequence of frames, each its length (a uvarint) and its
// bytes: a head (the binary that wrote it), one frame per record in any order (a build
// writes each as its service's step ends), a tail (the number of records, the site's
// key, the output's other files); then the SHA-256 of everything before it. A record's
// body begins with a 1, the tail's with a 0. A frame begins with the strings it is the first to name — their count, their
// lengths and their bytes in one block — and names every string by its index in the
// strings named so far: rule messages, hints, paths and links repeat from record to
// record and are kept once. Numbers are varints, hashes their 32 bytes, dates
// time.Time's binary form. A record is whole as soon as its frame is read, so the file
// is read as it comes and never held whole.
//
// It is written by hand rather than by encoding/gob, which took most of a check with
// nothing changed to decode by reflection (every list entry is a whole
// standard.Service to gob). What a record holds of a list entry, a score and a problem
// is written field by field: TestCacheRoundTrip holds that every field a list entry,
// a score and a finding has comes back as it was, so a field added to them and not
// here fails it.

// encoder appends one frame to b, naming strings through t.
type encoder struct {
	b                []byte
	t                *strtab
	spare, head, out []byte
	// readStrs are the strings of the file the records were read from, which their
	// entries not yet read (Record.raw) name.
	readStrs []string
}

func (e *encoder) u(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) i(v int64)  { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) n(v int)    { e.i(int64(v)) }
func (e *encoder) s(s string) { e.u(uint64(e.t.id(s))) }
func (e *encoder) sum(s *[sha256.Size]byte) {
	e.b = append(e.b, s[:]...)
}

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) strs(l []string) {
	e.u(uint64(len(l)))
	for _, s := range l {
		e.s(s)
	}
}

func (e *encoder) date(d standard.Date) {
	b, err := d.Time.MarshalBinary()
	if err != nil {
		b = nil // a zone offset Go cannot write: read back as the zero date, never seen in TOML
	}
	e.u(uint64(len(b)))
	e.b = append(e.b, b...)
}

// frame writes a frame of body to w: its new strings, then body. It is put together
// in one buffer and written at once: w hashes as it writes, and a hash has no
// WriteString, so a string written alone would be copied first.
func (e *encoder) frame(w io.Writer, body []byte) error {
	fresh := e.t.fresh
	defer func() {
		clear(fresh)
		e.t.fresh = fresh[:0]
		e.t.age()
	}()
	head := binary.AppendUvarint(e.head[:0], uint64(len(fresh)))
	size := 0
	for _, s := range fresh {
		head = binary.AppendUvarint(head, uint64(len(s)))
		size += len(s)
	}
	e.head = head
	out := binary.AppendUvarint(e.out[:0], uint64(len(head)+size+len(body)))
	out = append(out, head...)
	for _, s := range fresh {
		out = append(out, s...)
	}
	out = append(out, body...)
	e.out = out
	_, err := w.Write(out)
	return err
}

// decoder reads one frame; it panics on bytes the encoder did not write (decode
// recovers).
type decoder struct {
	b     []byte
	strs  []string
	arena arena
}

// arena holds copies of small byte slices in large blocks, so that the records' parts
// read later (Record.raw) cost no allocation each.
type arena struct{ block []byte }

func (a *arena) copy(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	if len(b) > cap(a.block)-len(a.block) {
		a.block = make([]byte, 0, max(64<<10, len(b)))
	}
	start := len(a.block)
	a.block = append(a.block, b...)
	return a.block[start:len(a.block):len(a.block)]
}

var errCorrupt = errors.New("corrupt frame")

func (d *decoder) u() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		panic(errCorrupt)
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) i() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		panic(errCorrupt)
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) n() int { return int(d.i()) }

// count reads a count of items each at least one byte long.
func (d *decoder) count() int {
	n := d.u()
	if n > uint64(len(d.b)) {
		panic(errCorrupt)
	}
	return int(n)
}

func (d *decoder) s() string {
	i := d.u()
	if i >= uint64(len(d.strs)) {
		panic(errCorrupt)
	}
	return d.strs[i]
}

func (d *decoder) bytes(n int) []byte {
	if n < 0 || n > len(d.b) {
		panic(errCorrupt)
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) sum(s *[sha256.Size]byte) { copy(s[:], d.bytes(sha256.Size)) }

func (d *decoder) bool() bool {
	b := d.bytes(1)[0]
	if b > 1 {
		panic(errCorrupt)
	}
	return b == 1
}

func (d *decoder) strsOrNil() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	l := make([]string, n)
	for i := range l {
		l[i] = d.s()
	}
	return l
}

func (d *decoder) date() standard.Date {
	b := d.bytes(d.count())
	var t time.Time
	if len(b) > 0 {
		if err := t.UnmarshalBinary(b); err != nil {
			panic(err)
		}
	}
	return standard.Date{Time: t}
}

// readFrame reads the next frame of r into buf (grown as needed), adds its strings to
// d.strs and leaves d.b at its body.
func (d *decoder) readFrame(r *bufio.Reader, buf *[]byte, limit int64) error {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return err
	}
	if n > uint64(limit) {
		return errBadCache
	}
	if uint64(cap(*buf)) < n {
		*buf = make([]byte, n)
	}
	b := (*buf)[:n]
	if _, err := io.ReadFull(r, b); err != nil {
		return err
	}
	d.b = b
	k := d.count()
	lens := make([]int, k)
	size := 0
	for i := range lens {
		lens[i] = int(d.u())
		size += lens[i]
		if lens[i] < 0 || size > len(d.b) {
			panic(errCorrupt)
		}
	}
	// The frame's strings in one allocation, each a part of it.
	block := string(d.bytes(size))
	for _, l := range lens {
		d.strs = append(d.strs, block[:l])
		block = block[l:]
	}
	return nil
}

func (d *decoder) end() {
	if len(d.b) != 0 {
		panic(errCorrupt)
	}
}

// entry writes a list entry (standard.Service.ListEntry): its OPD is its file's.
func (e *encoder) entry(s *standard.Service) {
	e.bool(s != nil)
	if s == nil {
		return
	}
	e.s(s.Slug)
	e.s(s.File)
	e.s(s.Name)
	e.s(s.Category)
	e.s(s.Summary)
	e.bool(s.Draft)
	e.date(s.Updated)
	e.bool(s.Decree != nil)
	if d := s.Decree; d != nil {
		e.s(d.Number)
		e.date(d.Date)
		e.date(d.Consultation)
		e.date(d.LastEvaluation)
	}
	e.strs(s.Keywords)
	e.u(uint64(len(s.Complaints)))
	for _, c := range s.Complaints {
		e.s(string(c.Kind))
		e.s(c.Response)
	}
	e.bool(s.Handling != nil)
	if h := s.Handling; h != nil {
		e.s(string(h.Text))
		e.s(h.ResponseTime)
	}
	var names []string
	for n := range s.RequirementNames() {
		names = append(names, n)
	}
	e.strs(names)
}

// entry reads what encoder.entry wrote, the requirements' names as requirements
// (ListEntry reads them back).
func (d *decoder) entry(s *standard.Service) bool {
	if !d.bool() {
		return false
	}
	reqs := s.Requirements[:0]
	*s = standard.Service{Slug: d.s(), File: d.s(), Name: d.s(), Category: d.s(), Summary: d.s(), Draft: d.bool(), Updated: d.date()}
	if d.bool() {
		s.Decree = &standard.Decree{Number: d.s(), Date: d.date(), Consultation: d.date(), LastEvaluation: d.date()}
	}
	s.Keywords = d.strsOrNil()
	if n := d.count(); n > 0 {
		s.Complaints = make([]standard.Channel, n)
		for i := range s.Complaints {
			s.Complaints[i] = standard.Channel{Kind: standard.ChannelKind(d.s()), Response: d.s()}
		}
	}
	if d.bool() {
		s.Handling = &standard.ComplaintHandling{Text: standard.Markdown(d.s()), ResponseTime: d.s()}
	}
	n := d.count()
	s.Requirements = slices.Grow(reqs, n)[:n] // not nil: ListEntry then keeps none
	for i := range s.Requirements {
		s.Requirements[i] = standard.Requirement{Name: d.s()}
	}
	d.end()
	return true
}

// scratch holds services that entries are decoded into on their way to
// SharedListEntry: one decoded service per goroutine, not one per record. The entry
// keeps the decoded strings, parts of the cache's string table, which already holds
// each distinct string once, so they need neither a copy nor the run's intern set.
var scratch = sync.Pool{New: func() any { return new(standard.Service) }}

// listEntry returns the list entry of r, of the OPD o, read from the cache file's
// form when this run has not yet made it; nil when r has none.
func (c *Cache) listEntry(r *Record, o *standard.OPD, intern func(string) string) *standard.Service {
	if r.entry == nil && r.raw != nil {
		s := scratch.Get().(*standard.Service)
		d := decoder{b: r.raw, strs: c.strs}
		if d.entry(s) {
			r.entry = s.SharedListEntry()
		}
		scratch.Put(s)
		r.raw = nil
	}
	if r.entry != nil && r.entry.OPD != o {
		e := r.entry.ListEntry(intern) // the record's is another run's, of another OPD value
		e.OPD = o
		r.entry = e
	}
	return r.entry
}

func (e *encoder) problems(ps standard.Problems) {
	e.u(uint64(len(ps)))
	for i := range ps {
		p := &ps[i]
		e.s(p.File)
		e.s(p.Path)
		e.n(p.Line)
		e.n(p.Col)
		e.n(int(p.Severity))
		e.s(p.Rule)
		e.s(p.Message)
		e.s(p.Hint)
	}
}

func (d *decoder) problems() standard.Problems {
	n := d.count()
	if n == 0 {
		return nil
	}
	ps := make(standard.Problems, n)
	for i := range ps {
		ps[i] = standard.Problem{File: d.s(), Path: d.s(), Line: d.n(), Col: d.n(), Severity: standard.Severity(d.n()),
			Rule: d.s(), Message: d.s(), Hint: d.s()}
	}
	return ps
}

func (e *encoder) score(s *rules.ServiceScore) {
	e.s(s.Slug)
	e.s(s.Name)
	e.s(s.File)
	e.n(s.Published)
	e.n(s.Total)
	e.n(s.Public)
	e.n(s.Management)
	e.strs(s.Unspecific)
	e.n(s.Level)
	e.bool(s.Draft)
	e.n(s.Errors)
	e.n(s.Warnings)
	e.strs(s.Missing)
	e.bool(s.SpecialCare)
	e.bool(s.Lapor)
}

func (d *decoder) score() rules.ServiceScore {
	return rules.ServiceScore{Slug: d.s(), Name: d.s(), File: d.s(), Published: d.n(), Total: d.n(), Public: d.n(),
		Management: d.n(), Unspecific: d.strsOrNil(), Level: d.n(), Draft: d.bool(), Errors: d.n(), Warnings: d.n(),
		Missing: d.strsOrNil(), SpecialCare: d.bool(), Lapor: d.bool()}
}

// outs writes files: for each, its path, size, modification time, inode, SHA-256 and
// links.
func (e *encoder) outs(files []OutFile) {
	e.u(uint64(len(files)))
	for i := range files {
		f := &files[i]
		e.s(f.Path)
		e.i(f.Size)
		e.i(f.Mtime)
		e.u(f.Ino)
		e.sum(&f.Sum)
		e.strs(f.Links)
	}
}

func (d *decoder) outs() []OutFile {
	n := d.count()
	if n == 0 {
		return nil
	}
	files := make([]OutFile, n)
	for i := range files {
		f := &files[i]
		f.Path, f.Size, f.Mtime, f.Ino = d.s(), d.i(), d.i(), d.u()
		d.sum(&f.Sum)
		f.Links = d.strsOrNil()
	}
	return files
}

func (e *encoder) stat(s fileStat) {
	e.i(s.Size)
	e.i(s.Mtime)
	e.u(s.Ino)
}

func (d *decoder) stat() fileStat { return fileStat{Size: d.i(), Mtime: d.i(), Ino: d.u()} }

// record writes r's frame body.
func (e *encoder) record(r *Record) {
	e.b = append(e.b, 1)
	e.s(r.File)
	e.sum(&r.key)
	e.sum(&r.sum)
	e.stat(r.stat)
	e.bool(r.draft)
	// The entry in a part of its own, which a run reads only when it uses the record.
	body := e.b
	e.b = e.spare[:0]
	if r.entry == nil && r.raw != nil {
		// Read but never used (its OPD is gone): taken back as it was read.
		d := decoder{b: r.raw, strs: e.readStrs}
		var s standard.Service
		if d.entry(&s) {
			e.entry(s.ListEntry(nil))
		} else {
			e.entry(nil)
		}
	} else {
		e.entry(r.entry)
	}
	entry := e.b
	e.b = binary.AppendUvarint(body, uint64(len(entry)))
	e.b = append(e.b, entry...)
	e.spare = entry[:0]
	e.problems(r.findings)
	e.problems(r.problems)
	e.score(&r.score)
	e.outs(r.Pages)
}

func (d *decoder) record() *Record {
	r := &Record{File: d.s()}
	d.sum(&r.key)
	d.sum(&r.sum)
	r.stat = d.stat()
	r.draft = d.bool()
	r.raw = d.arena.copy(d.bytes(d.count()))
	r.findings = d.problems()
	r.problems = d.problems()
	r.score = d.score()
	r.Pages = d.outs()
	d.end()
	return r
}

// encodeHead writes c's magic line and head to w, returning the encoder for the
// records and the tail.
func (c *Cache) encodeHead(w io.Writer) (*encoder, error) {
	io.WriteString(w, cacheMagic)
	e := &encoder{t: &strtab{index: make(map[string]uint32, min(len(c.strs), maxStrtab))}, readStrs: c.strs}
	e.s(c.exe.path)
	e.stat(c.exe.stat)
	e.sum(&c.exe.sum)
	e.u(uint64(len(c.next))) // how many records to expect, for the reader's map
	if err := e.frame(w, e.b); err != nil {
		return nil, err
	}
	return e, nil
}

// encodeTail writes c's tail after n records.
func (c *Cache) encodeTail(w io.Writer, e *encoder, n int) error {
	e.b = e.b[:0]
	e.b = append(e.b, 0)
	e.u(uint64(n))
	e.sum(&c.site)
	e.s(c.Out)
	e.outs([]OutFile{c.Manifest})
	e.outs(c.Files)
	e.outs(c.Dirs)
	e.u(uint64(len(c.Made)))
	for _, p := range slices.Sorted(maps.Keys(c.Made)) {
		k := c.Made[p]
		e.s(p)
		e.sum(&k)
	}
	return e.frame(w, e.b)
}

// decode reads the cache file f into c as it comes, hashing it on the way; what it
// set is to be dropped when it fails, the checksum at the end included.
func (c *Cache) decode(f io.Reader, fileSize int64) (err error) {
	size := fileSize - sha256.Size
	if size < int64(len(cacheMagic)) {
		return errBadCache
	}
	h := sha256.New()
	br := bufio.NewReaderSize(io.TeeReader(io.LimitReader(f, size), h), 64<<10)
	magic := make([]byte, len(cacheMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != cacheMagic {
		return errBadCache
	}
	defer func() {
		// The last guard for a file that is not what this version wrote (its checksum
		// is known only at the end).
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errBadCache, r)
		}
	}()
	var d decoder
	var buf []byte
	if err := d.readFrame(br, &buf, size); err != nil {
		return err
	}
	exe := exeID{path: d.s(), stat: d.stat()}
	d.sum(&exe.sum)
	hint := d.u()
	d.end()
	c.prev = make(map[string]*Record, min(hint, uint64(size)))
	defer func() { c.strs = d.strs }()
	for {
		if err := d.readFrame(br, &buf, size); err != nil {
			return err
		}
		if d.bool() {
			r := d.record()
			c.prev[r.File] = r
			continue
		}
		break // the tail
	}
	if n := d.u(); n != uint64(len(c.prev)) {
		return errBadCache // a record missing, or one file's twice
	}
	var site [sha256.Size]byte
	d.sum(&site)
	out := d.s()
	manifest := d.outs()
	c.Files, c.Dirs = d.outs(), d.outs()
	if k := d.count(); k > 0 {
		c.Made = make(map[string][sha256.Size]byte, k)
		for range k {
			p := d.s()
			var s [sha256.Size]byte
			d.sum(&s)
			c.Made[p] = s
		}
	}
	d.end()
	if len(manifest) != 1 {
		return errBadCache
	}
	if m, err := br.Discard(1); m != 0 || err != io.EOF {
		return errBadCache // bytes after the tail
	}
	sum := make([]byte, sha256.Size)
	if _, err := io.ReadFull(f, sum); err != nil || !bytes.Equal(h.Sum(nil), sum) {
		return errBadCache
	}
	c.exe, c.prevSite, c.Out, c.Manifest = exe, site, out, manifest[0]
	return nil
}
