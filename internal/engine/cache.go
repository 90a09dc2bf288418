package engine

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/oserr"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// The build cache
//
// A run given a Cache (Options.Cache) keeps a Record of what the step made of each
// service file: its list entry, the rulebook's findings and score, the loader's
// problems, whether it was a draft left out, and the pages it wrote (filled in by the
// build, which knows their bytes). The record is keyed by a hash of everything the step
// reads: the file's bytes, its OPD's _opd.toml, and the frame — site.toml, the
// standalone pages (every page shows the menu), the site's layouts/ and static/ (pages
// carry the stylesheet's hash), the Papan binary itself (its embedded theme, templates
// and rules), the date rules measure from and the options that change what a run makes.
// A file whose key matches its record is not read, checked or rendered again: the record
// stands for it, when Options.Reuse accepts it.
//
// The cache is one file per kind of run (papan build, papan check) in CacheDir at the
// site's root: a magic line naming the format, the records (cachecodec.go), and the SHA-256 of both. A
// file that is missing, truncated, damaged, of another format or written by another
// binary is ignored whole and written again; nothing in it is trusted before its
// checksum is. Like git's index, a record also keeps the file's size, modification time
// and inode, so an unchanged file is known by one stat instead of a read — but only when
// the modification time was well before the file was read, so a file saved in the same
// clock tick as a build is hashed again next time.

// CacheDir is the folder of the build cache, at the root of a site.
const CacheDir = ".papan-cache"

// cacheMagic is the first line of a cache file: the format and its version. A change to
// what a record holds, or how, changes the version.
const cacheMagic = "papan-cache 5\n"

// trustAfter is how long before a read a file's modification time must lie for its stat
// to stand for its bytes next time (see "racy git"): clocks of file systems are coarse.
const trustAfter = 2 * time.Second

// OutFile is one file of a build's output as the build left it on disk.
type OutFile struct {
	Path  string // slash-separated, relative to the output folder
	Size  int64
	Mtime int64 // nanoseconds since 1970
	Ino   uint64
	Sum   [sha256.Size]byte
	// Links are the href and src values of a rendered page of a service, for the link
	// check of a build that does not render it again.
	Links []string
}

// fileStat is what a stat says of a file, enough to tell that it has not changed.
type fileStat struct {
	Size, Mtime int64
	Ino         uint64
}

func statOf(fi fs.FileInfo) fileStat {
	return fileStat{Size: fi.Size(), Mtime: fi.ModTime().UnixNano(), Ino: Inode(fi)}
}

// Record is what a run made of one service file: what the site-wide part of a run needs
// of it, and the pages a build wrote of it.
type Record struct {
	File string
	key  [sha256.Size]byte // of the file, its OPD and the frame
	sum  [sha256.Size]byte // of the file's bytes
	stat fileStat          // the file's, when it can stand for sum; zero otherwise

	entry    *standard.Service // the list entry; nil when the step kept no service or it is not yet read
	raw      []byte            // the list entry in the cache file's form, naming Cache.strs; nil once read
	findings standard.Problems
	problems standard.Problems
	score    rules.ServiceScore
	draft    bool

	// Pages are the files of the service in a build's output (ServiceOutputs). A run
	// sets their paths; the build fills in the rest before it saves the cache.
	Pages []OutFile
}

// Cache is the build cache of one kind of run of one site; see "The build cache".
type Cache struct {
	file string
	exe  exeID

	prev     map[string]*Record // of the last saved run, by file; nil when none is usable
	strs     []string           // the strings of the file prev was read from
	prevSite [sha256.Size]byte

	// Out is the absolute output folder the Files (and the records' Pages) describe,
	// Files the output's files other than the services' own, and Manifest the
	// output's manifest file (its Sum unused). A build reads them from the last run
	// and sets them for Save.
	Out      string
	Files    []OutFile
	Manifest OutFile
	// Dirs are the output's folders ("." first) with their modification times and
	// inodes, as the build left them: a folder as recorded has had nothing added.
	Dirs []OutFile
	// Made holds, for each output made from lists of services and the frame alone
	// (the open-data files of an OPD and of the site), the ListKey it was made from,
	// by path: the last run's when read, this run's for Save.
	Made map[string][sha256.Size]byte

	loaded chan struct{} // closed once the file is read
	// next are this run's records, in the order of the service files; nil where the
	// record was written to the cache file as its step ended (Stream), and keyed holds
	// what the rest of the run needs of it.
	next      []*Record
	keyed     []fileKey
	stream    *stream // set by Stream; taken by StartSave
	frame     [sha256.Size]byte
	byFile    map[string]*[sha256.Size]byte // the records' keys by file, made by ListKey
	byFileMu  sync.Mutex
	site      [sha256.Size]byte
	unchanged bool
	// stale is set when the saved file is not what this run would write although
	// nothing changed: another binary's sum taken from its stat, a file's stat newly
	// trustworthy, or the build's files updated (Touch).
	stale atomic.Bool
}

// fileKey is what a run keeps of a record it wrote to the cache file as its step ended.
type fileKey struct {
	file string
	key  [sha256.Size]byte
}

// stream writes the records a run makes to the cache file as their steps end (Stream).
type stream struct {
	fill func([]OutFile) bool
	mu   sync.Mutex
	s    *Saving // the file being written, made with the first record; guarded by mu
}

// Stream makes the next run write each record it makes to the cache file (a temporary
// file until Finish puts it in place) as soon as the record's step is over, and let go
// of all of it but its file and key: a first build of a large site then does not hold
// every page's links, sizes and hashes, findings and score until the end. fill, called
// from the step's goroutine, fills in a record's pages as the build wrote them (Pages)
// and reports false when one was not written, which keeps the file from being saved.
// Records taken from the last run wait for Save as before. Call Drop when the run
// fails before StartSave.
func (c *Cache) Stream(fill func(pages []OutFile) bool) { c.stream = &stream{fill: fill} }

// Drop removes the file that Stream began, unless StartSave has taken it: the saved
// cache stays as it was.
func (c *Cache) Drop() {
	st := c.stream
	if st == nil {
		return
	}
	c.stream = nil
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.s != nil {
		st.s.remove()
		st.s = nil
	}
}

// written writes r, the i-th record of this run, made just now, to the cache file and
// keeps only its file and key.
func (c *Cache) written(i int, r *Record) {
	st := c.stream
	ok := st.fill == nil || st.fill(r.Pages)
	st.mu.Lock()
	if st.s == nil {
		st.s = c.create()
	}
	s := st.s
	if !ok && s.err == nil {
		s.err = errors.New("engine: a page of a record was not written")
	}
	if s.err == nil {
		s.err = s.record(r)
	}
	st.mu.Unlock()
	c.keyed[i] = fileKey{file: r.File, key: r.key}
	c.next[i] = nil
}

// Touch tells c that Out, Files or Manifest changed, so Save writes even when the run
// found nothing changed.
func (c *Cache) Touch() { c.stale.Store(true) }

// exeID identifies the running binary: its stat, and the SHA-256 of its bytes.
type exeID struct {
	path string
	stat fileStat
	sum  [sha256.Size]byte
}

// OpenCache opens the cache of the kind of run name ("build", "check") of the site in
// siteDir, reading it in the background while the caller goes on: its fields are set once
// Wait returns (Run waits itself). A cache that cannot be read or trusted is ignored:
// the cache is then empty, and Save writes it anew.
func OpenCache(siteDir, name string) *Cache {
	c := &Cache{file: filepath.Join(siteDir, CacheDir, name), loaded: make(chan struct{})}
	go func() {
		defer close(c.loaded)
		ok := c.load()
		was := c.exe
		c.exe = thisExe(ok, was)
		if !ok || was != c.exe {
			c.Touch()
		}
		if ok && was.sum != c.exe.sum {
			c.prev, c.strs, c.Out, c.Files, c.Dirs, c.Made = nil, nil, "", nil, nil, nil // another binary: another theme, other rules
		}
	}()
	return c
}

// Wait waits until c has been read (see OpenCache).
func (c *Cache) Wait() { <-c.loaded }

// thisExe identifies the running binary, taking the stored sum when the binary's stat
// is the stored one.
func thisExe(ok bool, stored exeID) exeID {
	var id exeID
	p, err := os.Executable()
	if err != nil {
		return id // all zero: records are then kept across binaries; rare (no /proc)
	}
	id.path = p
	fi, err := os.Stat(p)
	if err != nil {
		return id
	}
	id.stat = statOf(fi)
	if ok && stored.path == p && stored.stat == id.stat && id.stat.Ino != 0 {
		id.sum = stored.sum
		return id
	}
	f, err := os.Open(p)
	if err != nil {
		return id
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return exeID{}
	}
	h.Sum(id.sum[:0])
	return id
}

// Unchanged reports whether the last run with c found nothing changed: every service
// file's record was current and accepted, and the frame, the OPDs and the list of files
// were those of the saved run.
func (c *Cache) Unchanged() bool { return c.unchanged }

// Records returns this run's records, one per service file in the order of the files;
// nil for a record written to the cache file as its step ended (Stream).
func (c *Cache) Records() []*Record { return c.next }

// PreviousFiles returns every file of the output the cache describes (Out): the files of
// the records of the last saved run, and its Files.
func (c *Cache) PreviousFiles() map[string]*OutFile {
	c.Wait()
	m := make(map[string]*OutFile, len(c.Files)+3*len(c.prev))
	for i := range c.Files {
		m[c.Files[i].Path] = &c.Files[i]
	}
	for _, r := range c.prev {
		for i := range r.Pages {
			m[r.Pages[i].Path] = &r.Pages[i]
		}
	}
	return m
}

// begin prepares c for a run over n service files.
func (c *Cache) begin(n int) {
	c.next = make([]*Record, n)
	c.keyed = nil
	if c.stream != nil {
		c.keyed = make([]fileKey, n)
	}
	c.byFile = nil
	c.unchanged = false
}

// ListKey returns the key of an output made from the services of lists, in their order,
// and from nothing else of the site but its frame: each service's record key stands for
// all of the service it holds. ok is false when a service has no record in this run.
// Call it once the run is over; a nil c has no keys.
func (c *Cache) ListKey(lists ...[]*standard.Service) (key [sha256.Size]byte, ok bool) {
	if c == nil {
		return key, false
	}
	c.byFileMu.Lock()
	if c.byFile == nil {
		c.byFile = make(map[string]*[sha256.Size]byte, len(c.next))
		for i, r := range c.next {
			if r != nil {
				c.byFile[r.File] = &r.key
			} else if i < len(c.keyed) && c.keyed[i].file != "" {
				c.byFile[c.keyed[i].file] = &c.keyed[i].key
			}
		}
	}
	byFile := c.byFile
	c.byFileMu.Unlock()
	h := sha256.New()
	writeKeyPart(h, c.frame[:])
	for _, l := range lists {
		for _, s := range l {
			k := byFile[s.File]
			if k == nil || *k == ([sha256.Size]byte{}) {
				return key, false
			}
			writeKeyPart(h, k[:])
		}
	}
	h.Sum(key[:0])
	return key, true
}

// PageKey returns the key of a page of the site made from the frame and what write
// writes (render.Output.Key). Call it once the run is over.
func (c *Cache) PageKey(write func(io.Writer)) [sha256.Size]byte {
	h := sha256.New()
	writeKeyPart(h, c.frame[:])
	writeKeyPart(h, []byte("page"))
	write(h)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// strtab numbers strings, each once while it remembers them. It remembers two
// generations of at most maxStrtab strings each: when the newer is full (see
// encoder.frame) the older is forgotten, and a string of the older named again moves
// into the newer with its number. So the strings every record names (rule messages,
// hints, the site's links) keep their number for good, while writing the records of a
// large site as they come keeps no table of every string of the site; a string
// forgotten and named again is numbered anew, which the reader does not mind.
type strtab struct {
	index, older map[string]uint32
	fresh        []string // numbered since the last frame
	n            uint32   // strings numbered
}

// maxStrtab is how many strings a generation of a strtab holds.
const maxStrtab = 1 << 16

func (t *strtab) id(s string) uint32 {
	if i, ok := t.index[s]; ok {
		return i
	}
	if i, ok := t.older[s]; ok {
		t.index[s] = i
		return i
	}
	i := t.n
	t.n++
	t.index[s] = i
	t.fresh = append(t.fresh, s)
	return i
}

// age begins a new generation when the newer is full.
func (t *strtab) age() {
	if len(t.index) >= maxStrtab {
		t.older, t.index = t.index, make(map[string]uint32, maxStrtab)
	}
}

// Save writes c with this run's records, atomically (a temporary file renamed over the
// old one), unless the run found nothing changed and the saved file says all Save would.
// Records of files with no record this run are dropped.
func (c *Cache) Save() error { return c.StartSave().Finish() }

// Saving is a Save under way: see StartSave.
type Saving struct {
	c       *Cache
	skip    bool
	tmp     *os.File
	bw      *bufio.Writer
	h       hash.Hash
	w       io.Writer // bw and h
	enc     *encoder
	records int  // written so far
	madeDir bool // CacheDir was made for it
	done    chan struct{}
	err     error // of the records' part; read once done is closed
}

// create begins c's file: a temporary file beside it, with the magic line and the head.
// A failure is kept in the Saving's err.
func (c *Cache) create() *Saving {
	s := &Saving{c: c}
	dir := filepath.Dir(c.file)
	_, err := os.Stat(dir)
	s.madeDir = errors.Is(err, fs.ErrNotExist)
	s.err = os.MkdirAll(dir, 0o755)
	if s.err != nil {
		return s
	}
	// What a run killed outright left (a record is written as its step ends, so the
	// file is open for the whole run); two runs of one kind on one site at once are
	// not supported.
	stale, _ := filepath.Glob(filepath.Join(dir, filepath.Base(c.file)+".tmp-*"))
	for _, f := range stale {
		os.Remove(f)
	}
	s.tmp, s.err = os.CreateTemp(dir, filepath.Base(c.file)+".tmp-")
	if s.err != nil {
		return s
	}
	s.bw = bufio.NewWriterSize(s.tmp, 256<<10)
	s.h = sha256.New()
	s.w = io.MultiWriter(s.bw, s.h)
	s.enc, s.err = c.encodeHead(s.w)
	return s
}

// record writes r's frame.
func (s *Saving) record(r *Record) error {
	e := s.enc
	e.b = e.b[:0]
	e.record(r)
	s.records++
	return e.frame(s.w, e.b)
}

// remove drops s's temporary file, and CacheDir when s made it and it is empty.
func (s *Saving) remove() {
	if s.tmp != nil {
		s.tmp.Close()
		os.Remove(s.tmp.Name())
		s.tmp = nil
	}
	if s.madeDir {
		os.Remove(filepath.Dir(s.c.file))
	}
}

// StartSave begins Save: the records not yet written (all of them without Stream;
// their Pages set by then) are encoded into the temporary file on a goroutine of their
// own while the caller finishes the rest — Out's Files, Manifest, Dirs and Made, which
// only the tail holds and which the caller may set until Finish. Nothing else of c may
// change until Finish or Abort returns.
func (c *Cache) StartSave() *Saving {
	c.Wait()
	var s *Saving
	if st := c.stream; st != nil {
		c.stream = nil
		st.mu.Lock()
		s = st.s
		st.mu.Unlock()
	}
	if c.unchanged && !c.stale.Load() {
		if s != nil {
			s.remove() // never begun when nothing changed: a record written is a change
		}
		s = &Saving{c: c, skip: true, done: make(chan struct{})}
		close(s.done)
		return s
	}
	if s == nil {
		s = c.create()
	}
	s.done = make(chan struct{})
	if s.err != nil {
		close(s.done)
		return s
	}
	go func() {
		defer close(s.done)
		for _, r := range c.next {
			if r != nil {
				if s.err = s.record(r); s.err != nil {
					return
				}
			}
		}
	}()
	return s
}

// Finish encodes the tail after the records and puts the file in place, unless the
// Save was skipped (see Save).
func (s *Saving) Finish() error {
	<-s.done
	if s.skip {
		return nil
	}
	err := s.err
	if err == nil {
		err = s.c.encodeTail(s.w, s.enc, s.records)
	}
	if err == nil {
		s.bw.Write(s.h.Sum(nil))
		err = s.bw.Flush()
	}
	if s.tmp == nil {
		return err
	}
	if err == nil {
		err = s.tmp.Chmod(0o644)
	}
	if cerr := s.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(s.tmp.Name(), s.c.file)
	}
	if err != nil {
		os.Remove(s.tmp.Name())
	}
	return err
}

// Abort drops a Save under way: the saved file stays as it was.
func (s *Saving) Abort() {
	<-s.done
	s.remove()
}

// errBadCache is any reason a cache file is not used.
var errBadCache = errors.New("engine: cache file unusable")

// load reads c's file into c, or reports false and leaves c empty when the file is
// missing or not to be trusted.
func (c *Cache) load() bool {
	f, err := os.Open(c.file)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	if err := c.decode(f, fi.Size()); err != nil {
		c.prev, c.strs, c.prevSite, c.exe = nil, nil, [sha256.Size]byte{}, exeID{}
		c.Out, c.Files, c.Manifest, c.Dirs, c.Made = "", nil, OutFile{}, nil, nil
		return false
	}
	return true
}

// keys is what a run with a cache hashes of the frame of the site.
type keys struct {
	frame [sha256.Size]byte
	opds  map[string][sha256.Size]byte // by OPD slug: the _opd.toml's bytes
	mu    sync.Mutex
}

// writeKeyPart writes a length-prefixed part of a key into h, so that no two sequences
// of parts hash alike.
func writeKeyPart(h hash.Hash, b []byte) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	h.Write(n[:])
	h.Write(b)
}

// frameKeys hashes the frame of p's site (see "The build cache").
func (p *pipeline) frameKeys() *keys {
	k := &keys{opds: make(map[string][sha256.Size]byte, len(p.site.OPDs))}
	h := sha256.New()
	writeKeyPart(h, []byte(cacheMagic))
	writeKeyPart(h, p.opts.Cache.exe.sum[:])
	o := p.opts
	// PAPAN_DEBUG adds the TOML parser's own words to the loader's messages.
	// Not the date: a service's own findings and score depend on it only through
	// whether its last evaluation is recent enough (rules.Config.Evaluated), which
	// serviceKey takes instead, so that a build on the next day reuses what did not
	// change; the site-wide part (the dashboard's date) is keyed by siteKey and the
	// dashboard's page keys.
	writeKeyPart(h, fmt.Appendf(nil, "base=%q link=%q locate=%t drafts=%t strict=%t debug=%q",
		o.BaseURL, o.LinkBase, o.Locate, o.Drafts, o.Strict, os.Getenv(oserr.DebugEnv)))
	for _, f := range append([]string{content.ConfigFile}, pageFiles(p.site)...) {
		writeKeyPart(h, []byte(f))
		b, _ := fs.ReadFile(p.src, f)
		writeKeyPart(h, b)
	}
	for _, dir := range []string{"layouts", "static"} {
		fs.WalkDir(p.src, dir, func(f string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			writeKeyPart(h, []byte(f))
			if d.Type().IsRegular() {
				b, _ := fs.ReadFile(p.src, f)
				writeKeyPart(h, b)
			}
			return nil
		})
	}
	h.Sum(k.frame[:0])
	for _, o := range p.site.OPDs {
		b, _ := fs.ReadFile(p.src, o.File)
		k.opds[o.Slug] = sha256.Sum256(b)
	}
	return k
}

func pageFiles(site *standard.Site) []string {
	var fs []string
	for _, p := range site.Pages {
		fs = append(fs, p.File)
	}
	return fs
}

// serviceKey is the key of a service file whose bytes hash to sum and whose last
// evaluation is recent enough today or not (evaluated: rules.Config.Evaluated of its
// list entry, the one thing of its step's result that depends on the date).
func (p *pipeline) serviceKey(file string, sum [sha256.Size]byte, evaluated bool) [sha256.Size]byte {
	h := sha256.New()
	writeKeyPart(h, p.keys.frame[:])
	writeKeyPart(h, []byte(file))
	writeKeyPart(h, sum[:])
	opd := p.keys.opds[path.Base(path.Dir(file))]
	writeKeyPart(h, opd[:])
	writeKeyPart(h, strconv.AppendBool(nil, evaluated))
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// siteKey is the key of the whole site: the frame, the date, every OPD and every service
// file's key.
func (p *pipeline) siteKey() [sha256.Size]byte {
	h := sha256.New()
	writeKeyPart(h, p.keys.frame[:])
	writeKeyPart(h, []byte(p.today.Format(time.DateOnly)))
	for _, o := range p.site.OPDs {
		writeKeyPart(h, []byte(o.File))
		s := p.keys.opds[o.Slug]
		writeKeyPart(h, s[:])
	}
	c := p.opts.Cache
	for i, r := range c.next {
		var fk fileKey
		switch {
		case r != nil:
			fk = fileKey{file: r.File, key: r.key}
		case i < len(c.keyed) && c.keyed[i].file != "":
			fk = c.keyed[i]
		default:
			continue // the run stopped early
		}
		writeKeyPart(h, []byte(fk.file))
		writeKeyPart(h, fk.key[:])
	}
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// fileSum returns the SHA-256 of a service file's bytes and the stat that may stand for
// it next time: the stat alone when it is prev's, else the bytes read and hashed. The
// stat is the i-th of p.stats when Run took it (earlier, but before any read).
func (p *pipeline) fileSum(i int, file string, prev *Record) ([sha256.Size]byte, fileStat, error) {
	var fi fs.FileInfo
	if i < len(p.stats) {
		fi, p.stats[i] = p.stats[i], nil
	}
	if fi == nil {
		var err error
		if fi, err = fs.Stat(p.src, file); err != nil {
			return [sha256.Size]byte{}, fileStat{}, err
		}
	}
	st := statOf(fi)
	if prev != nil && prev.stat != (fileStat{}) && prev.stat == st && st.Ino != 0 {
		return prev.sum, st, nil
	}
	read := time.Now()
	b, err := fs.ReadFile(p.src, file)
	if err != nil {
		return [sha256.Size]byte{}, fileStat{}, err
	}
	if st.Ino == 0 || time.Unix(0, st.Mtime).After(read.Add(-trustAfter)) || int64(len(b)) != st.Size {
		st = fileStat{} // too fresh (or changed while read) to stand for its bytes
	}
	return sha256.Sum256(b), st, nil
}

// cached is the step of one service file in a run with a cache: the record stands for
// the file when its key matches and Options.Reuse accepts it, else the file goes through
// the step and a new record is made. It sets the i-th record of the cache.
func (p *pipeline) cached(i int, file string, write func(render.Output) error) (serviceResult, error) {
	c := p.opts.Cache
	prev := c.prev[file]
	sum, st, err := p.fileSum(i, file, prev)
	if err != nil {
		// Unreadable: the step reports it as a problem of the file; the record never
		// matches.
		res, err := p.service(file, write)
		c.next[i] = &Record{File: file, entry: res.service, findings: res.findings, problems: res.problems,
			score: res.score, draft: res.draft}
		return res, err
	}
	o := p.opds[path.Base(path.Dir(file))]
	if prev != nil && prev.sum == sum {
		// The same bytes: the record stands for them unless the date moved its last
		// evaluation past the age limit (or the frame or the OPD changed).
		entry := c.listEntry(prev, o, p.intern)
		if prev.key == p.serviceKey(file, sum, p.cfg.Evaluated(entry, p.today)) && (p.opts.Reuse == nil || p.opts.Reuse(prev)) {
			if prev.stat != st {
				prev.stat = st
				c.Touch()
			}
			c.next[i] = prev
			res := serviceResult{file: file, findings: prev.findings, score: prev.score, problems: prev.problems,
				draft: prev.draft, cached: true}
			if o != nil {
				res.service = entry
			}
			return res, nil
		}
	}
	rec := &Record{File: file, sum: sum, stat: st}
	rec.Pages = nil
	wrapped := write
	if write != nil {
		wrapped = func(o render.Output) error {
			rec.Pages = append(rec.Pages, OutFile{Path: o.Path})
			return write(o)
		}
	}
	res, err := p.service(file, wrapped)
	if len(res.problems) > 0 {
		content.Locate(p.src, res.problems) // while the file is at hand, for the record
	}
	rec.entry, rec.findings, rec.problems, rec.score, rec.draft = res.service, res.findings, res.problems, res.score, res.draft
	rec.key = p.serviceKey(file, sum, p.cfg.Evaluated(res.service, p.today))
	c.next[i] = rec
	if c.stream != nil && err == nil {
		c.written(i, rec)
	}
	return res, err
}
