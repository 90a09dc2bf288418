// Package build is the disk side of papan build: it runs the engine (package engine)
// with a writer that puts each service's pages into a temporary folder as the services
// stream past, writes the pages that list services, the headers file and the manifest,
// checks every internal link it wrote, and swaps the folder in atomically.
//
// The new site is written into a temporary folder beside the target and swapped in only
// when every file is written. A build that fails — bad content, a template error, a full
// disk, an interrupt, a galat of the rulebook with Options.Strict — leaves the previous output exactly as it was and no temporary
// folder behind.
//
// # The output folder
//
// A build replaces its output folder whole, so before it writes anything it makes sure
// the folder holds nothing but what Papan wrote there: the folder is missing, empty, or
// a previous output holding only the files its manifest lists. Anything else — a file,
// a symbolic link, the site's own files or folders, a web root with other files, a
// previous output someone added files to — is refused with a message saying what to
// do, and nothing on disk is touched. Cleaning up after a killed build removes only
// folders named with the build's temporary prefix.
//
// The manifest, ManifestName at the output's root, marks a folder as Papan's output:
//
//	papan-keluaran 1
//	404.html
//	_headers
//	assets/papan.1a2b3c4d.css
//	…
//
// The first line names the format and its version; then one slash-separated path a line,
// sorted, of every file the build wrote (the manifest itself not included). It is a
// dot-file, so static hosts do not publish it by default. A later version may add
// fields after a path, separated by a tab (a hash of each file, say): paths never hold
// a tab or a line break (render.StaticConflicts refuses such names in static/).
//
// A file in the site's static/ that would replace a file the build makes is a galat
// (render.StaticConflicts), found by papan check, papan build and papan serve alike.
package build

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/parallel"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/standard"
)

// Options says what to build and where.
type Options struct {
	Src     fs.FS  // the site folder: site.toml, content/, layouts/, static/
	SrcDir  string // the site folder on disk, to refuse an output folder that would overwrite it; may be ""
	Out     string // the output folder on disk
	BaseURL string // overrides site.toml's base_url when not ""
	// Strict refuses to build when the rulebook finds any galat (papan build --strict):
	// the error is then standard.Problems with every problem and finding, located, and
	// the previous output is left as it was.
	Strict bool
	// Cache uses the build cache in SrcDir (engine.CacheDir): see "Incremental builds".
	Cache bool
}

// Result describes a finished build.
type Result struct {
	Pages    int // HTML pages
	Files    int // all files, pages included
	Bytes    int64
	Elapsed  time.Duration
	Warnings standard.Problems // located; the build succeeded despite them
	Drafts   int               // services marked draf = true, not published
	// Unchanged is set when the build cache found nothing changed: the output was
	// left as it was, nothing rendered or written.
	Unchanged bool
	// InPlace is set when the previous output was updated file by file (see
	// "Incremental builds"); Written files were then written or replaced, Removed
	// removed, and the others left untouched.
	InPlace          bool
	Written, Removed int
}

// Build builds the site and replaces opts.Out with it.
func Build(ctx context.Context, opts Options) (Result, error) {
	start := time.Now()
	var cache *engine.Cache
	if opts.Cache && opts.SrcDir != "" {
		cache = engine.OpenCache(opts.SrcDir, "build") // read while the output is looked at
	}
	// With the cache, a build that finds nothing changed touches nothing, so the look
	// for foreign files in the previous output waits until something is to be written.
	if err := checkOutWalk(opts, !opts.Cache); err != nil {
		return Result{}, err
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return Result{}, err
	}
	var prev map[string]*engine.OutFile
	var oldPaths []string
	previous := false
	if cache != nil {
		if cache.Wait(); cache.Out == out {
			prev = cache.PreviousFiles()
			// The manifest as the cache recorded it lists the files the cache knows:
			// their paths are taken from it rather than read again.
			if cache.Manifest.Ino != 0 && sameFile(out, &cache.Manifest) {
				oldPaths, previous = slices.Sorted(maps.Keys(prev)), true
			}
		}
	}
	if !previous {
		oldPaths, previous = readManifest(out)
		if !previous {
			oldPaths, prev = nil, nil
		}
	}
	tmp, err := makeTemp(out)
	if err != nil {
		return Result{}, err
	}
	res, err := buildSite(ctx, opts, tmp, out, cache, prev, oldPaths, previous)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		removeTree(tmp)
		return Result{}, err
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// buildSite writes the site into tmp and puts it in place of out: by swapping the folders,
// or, with prev (the files of out as the build cache knows them), by updating out file
// by file (inplace.go).
//
// oldPaths are the files the previous output's manifest lists; previous says whether
// there is one.
func buildSite(ctx context.Context, opts Options, tmp, out string, cache *engine.Cache, prev map[string]*engine.OutFile, oldPaths []string, previous bool) (Result, error) {
	w := newWriter(tmp)
	w.out, w.prev, w.keepLinks = out, prev, cache != nil
	var reused sync.Map // *engine.Record → true: its pages were found as they were written
	if cache != nil {
		// Each record made is written to the cache file as its service's pages are
		// written, and let go: see fillPages.
		cache.Stream(w.fillPages)
		defer cache.Drop() // a build that fails leaves the cache as it was
	}
	eopts := engine.Options{BaseURL: opts.BaseURL, Write: w.write,
		Templates: func(r *render.Renderer) { w.links.setBase(r.URL("/"), r.AbsURL("/")) },
		Strict:    opts.Strict, Locate: opts.Strict}
	if cache != nil {
		eopts.Cache = cache
		eopts.Reuse = func(rec *engine.Record) bool {
			if len(rec.Pages) == 0 {
				return true // a draft, or a file with errors: nothing of it was written
			}
			if prev == nil {
				return false // no previous output to take its pages from
			}
			for i := range rec.Pages {
				if !w.same(&rec.Pages[i]) {
					return false
				}
			}
			reused.Store(rec, true)
			return true
		}
	}
	site, err := engine.Run(ctx, opts.Src, eopts)
	if err != nil {
		return Result{}, err
	}
	res := Result{Warnings: site.Warnings, Drafts: site.Drafts}
	var dirs []engine.OutFile // the previous output's folders, when the cache knows them
	if prev != nil && len(cache.Dirs) > 0 {
		dirs = cache.Dirs
	}
	if cache != nil && cache.Unchanged() && w.unchanged(cache) {
		// Nothing is to be written; an output someone added files to is still refused,
		// as a full build would.
		if err := checkForeign(opts.Out, out, oldPaths, dirs); err != nil {
			return Result{}, err
		}
		os.RemoveAll(tmp) // made empty, left empty
		res.Unchanged = true
		res.Pages, res.Files, res.Bytes = count(cache)
		return res, nil
	}
	if cache != nil {
		for _, rec := range cache.Records() {
			if rec == nil {
				continue // written to the cache file as it was made
			}
			if _, ok := reused.Load(rec); ok {
				for i := range rec.Pages {
					w.keep(&rec.Pages[i])
				}
			}
		}
	}
	site.Findings = nil // the dashboard has its own; let a big site's go while pages are written
	// The site-wide data files hold every service whole, which the build no longer
	// does: they read back each service's layanan.json, one at a time, from the new
	// output or, for a file the build left as it was, the previous one.
	site.Renderer.SetRecords(func(s *standard.Service) ([]byte, error) {
		name := filepath.FromSlash(s.DataAddr().File)
		b, err := os.ReadFile(filepath.Join(tmp, name))
		if errors.Is(err, fs.ErrNotExist) && prev != nil {
			b, err = os.ReadFile(filepath.Join(out, name))
		}
		return b, err
	})
	site.Renderer.SetParts(w.open)
	w.sitePhase.Store(true)
	if err := w.writeSite(ctx, site.Site, append(site.Renderer.SiteOutputs(), headersOutput()), cache); err != nil {
		return Result{}, err
	}
	var saving *engine.Saving
	if cache != nil {
		// The records are complete once every page is written: they are encoded into
		// the cache beside the link check and the output's update, and only the tail
		// (the output's other files, its folders) waits for the end.
		w.fillRecords(cache)
		saving = cache.StartSave()
		defer func() {
			if saving != nil {
				saving.Abort()
			}
		}()
	}
	if err := w.links.check(); err != nil {
		return Result{}, err
	}
	files := w.outFiles()
	if err := writeManifest(tmp, files); err != nil {
		return Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if opts.Cache && previous {
		if err := checkForeign(opts.Out, out, oldPaths, dirs); err != nil {
			return Result{}, err
		}
	}
	r := w.result()
	res.Pages, res.Files, res.Bytes = r.Pages, r.Files, r.Bytes
	if prev != nil {
		res.InPlace = true
		res.Written, res.Removed, err = applyInPlace(tmp, out, w.staged, files, oldPaths)
	} else {
		err = swap(tmp, out)
	}
	if err != nil {
		return Result{}, err
	}
	if cache != nil {
		w.fillCache(cache, files)
		cache.Dirs = outDirs(out, files)
		saving.Finish() // a site folder that cannot be written is built all the same
		saving = nil
	}
	return res, nil
}

// makeTemp makes the temporary folder beside out that a build writes into, removing
// any that a killed build left.
func makeTemp(out string) (string, error) {
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".papan-tmp-")
	if err != nil {
		return "", fmt.Errorf("tidak dapat membuat folder sementara: %w", err)
	}
	// MkdirTemp makes the folder private; a published site is meant to be read.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	return tmp, nil
}

// removeStale removes temporary folders (and "-old" copies) that a build killed outright
// (SIGKILL, out of memory, power loss) left beside the output: nothing else would.
// Two builds into one output at the same moment are not supported.
func removeStale(parent, base string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "."+base+".papan-tmp-") {
			removeTree(filepath.Join(parent, e.Name()))
		}
	}
}

// swap puts the finished folder tmp in place of out. Between the two renames out is
// briefly absent; the old site is never half-replaced.
func swap(tmp, out string) error {
	old := tmp + "-old"
	if err := os.Rename(out, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("tidak dapat mengganti %s: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return fmt.Errorf("tidak dapat mengganti %s: %w; situs sebelumnya tersimpan di %s", out, err, old)
		}
		return fmt.Errorf("tidak dapat mengganti %s: %w", out, err)
	}
	// The new site is in place: failing to delete the old copy is not a failed build,
	// and the next build removes the leftover (removeStale).
	removeTree(old)
	return nil
}

// removeTree removes dir and everything in it, like os.RemoveAll, with several
// goroutines at once: removing the previous site of 10,000 services (20,000 files) took
// 3.2 s alone, 1.3 s this way, the kernel working on several folders at a time.
// Errors are ignored, as removing the old site is not part of a build's success.
func removeTree(dir string) {
	// What is inside each OPD folder (a folder per service), so that a site of a few
	// big OPDs is spread over the workers too; the emptied folders go last.
	var paths []string
	top, _ := os.ReadDir(dir)
	for _, e := range top {
		p := filepath.Join(dir, e.Name())
		entries, err := os.ReadDir(p)
		if !e.IsDir() || err != nil {
			paths = append(paths, p)
			continue
		}
		for _, f := range entries {
			paths = append(paths, filepath.Join(p, f.Name()))
		}
	}
	parallel.ForWorkers(context.Background(), 2*runtime.GOMAXPROCS(0), len(paths), func(_ context.Context, i int) error {
		os.RemoveAll(paths[i])
		return nil
	})
	os.RemoveAll(dir)
}

// writer writes rendered files under dir from several goroutines, counting them and
// gathering their links for the link check (links.go) and their hashes for the
// manifest. With prev (an incremental build, inplace.go) a file whose bytes are those
// of the previous output's file of the same path is not kept in dir: the previous one
// stays.
type writer struct {
	dir  string
	bufs sync.Pool // *bufio.Writer
	// dirs holds the folders made so far, slash-separated: a map under a lock, which
	// holds a folder in a fifth of a sync.Map's memory (one folder per service).
	dirsMu sync.RWMutex
	dirs   map[string]struct{}
	links  *linkCheck

	out       string                     // the previous output, with prev
	prev      map[string]*engine.OutFile // its files as the build cache knows them; nil for a full build
	keepLinks bool                       // keep the links of the services' pages, for the cache
	sitePhase atomic.Bool                // the site-wide files are being written

	mu        sync.Mutex
	files     map[string]*engine.OutFile // every file of the new output by path; guarded by mu
	staged    []string                   // the files written into dir with prev; guarded by mu
	siteFiles map[string]bool            // the files written or kept in the site phase; guarded by mu
}

func newWriter(dir string) *writer {
	// 64 KB holds most pages whole, so most files are written in one system call.
	return &writer{dir: dir, bufs: sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }},
		links: newLinkCheck(), files: map[string]*engine.OutFile{}, dirs: map[string]struct{}{}, siteFiles: map[string]bool{}}
}

// write renders o straight into its file, making its folder when needed. Nothing is
// held in memory but a small buffer, whatever the size of the page: the home page of a
// 200,000-service site is 86 MB. A page that fails to render leaves a partial file in
// the temporary folder, which the failed build then removes whole.
func (w *writer) write(o render.Output) error {
	if err := safePath(o.Path); err != nil {
		return err
	}
	if err := w.mkdir(path.Dir(o.Path)); err != nil {
		return err
	}
	name := filepath.Join(w.dir, filepath.FromSlash(o.Path))
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	bw := w.bufs.Get().(*bufio.Writer)
	defer w.bufs.Put(bw)
	// Only rendered pages have their links checked: a file from static/ is the
	// site's own to link where it likes.
	cw := &countingWriter{w: f, scan: w.links.start(o.Kind != ""), sum: sha256.New()}
	bw.Reset(cw)
	err = o.Write(bw)
	if err == nil {
		err = bw.Flush()
	}
	var fi fs.FileInfo
	if err == nil {
		fi, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	bw.Reset(nil) // let go of the file
	if err != nil {
		w.links.pool.Put(cw.scan)
		var ps standard.Problems
		if errors.As(err, &ps) {
			return ps // a template error in layouts/: report it as content
		}
		// The temporary folder's name means nothing to the person reading this: name the
		// file by its place in the site, and keep the system's cause (a full disk).
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("tidak dapat menulis %s: %w", o.Path, err)
	}
	file := &engine.OutFile{Path: o.Path, Size: cw.n, Mtime: fi.ModTime().UnixNano(), Ino: inode(fi)}
	cw.sum.Sum(file.Sum[:0])
	sitePhase := w.sitePhase.Load()
	if w.keepLinks && o.Kind != "" && !sitePhase {
		// Kept only until the service's record is written to the cache (fillPages): in
		// one string, parts of it.
		var all strings.Builder
		n := 0
		for _, l := range cw.scan.found {
			n += len(l)
		}
		all.Grow(n)
		for _, l := range cw.scan.found {
			all.Write(l)
		}
		joined := all.String()
		file.Links = make([]string, len(cw.scan.found))
		for i, l := range cw.scan.found {
			file.Links[i], joined = joined[:len(l)], joined[len(l):]
		}
	}
	w.links.done(o.Path, cw.scan)
	staged := w.prev != nil
	if old := w.prev[o.Path]; old != nil && old.Size == file.Size && old.Sum == file.Sum && w.same(old) {
		// The same bytes as the previous output's file, which stays as it is.
		if err := os.Remove(name); err != nil {
			return err
		}
		file.Mtime, file.Ino, staged = old.Mtime, old.Ino, false
	}
	w.mu.Lock()
	w.files[o.Path] = file
	if staged {
		w.staged = append(w.staged, o.Path)
	}
	if sitePhase {
		w.siteFiles[o.Path] = true
	}
	w.mu.Unlock()
	return nil
}

// fillPages fills in pages, the files of one service's record (engine.Cache.Stream),
// from what write made of them, and lets go of their links, which the record holds on
// its way to the cache file. It reports false when a page was not written.
func (w *writer) fillPages(pages []engine.OutFile) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for i := range pages {
		f := w.files[pages[i].Path]
		if f == nil {
			return false
		}
		pages[i] = *f
		f.Links = nil
	}
	return true
}

// keep takes a file of the previous output, which the build leaves as it is, into the
// new output: its links go to the link check.
func (w *writer) keep(f *engine.OutFile) {
	s := w.links.start(true)
	for _, l := range f.Links {
		start := len(s.arena)
		s.arena = append(s.arena, l...)
		s.found = append(s.found, s.arena[start:len(s.arena):len(s.arena)])
	}
	w.links.done(f.Path, s)
	w.mu.Lock()
	w.files[f.Path] = f
	if w.sitePhase.Load() {
		w.siteFiles[f.Path] = true
	}
	w.mu.Unlock()
}

// same reports whether the previous output still holds f as the build cache recorded
// it: a plain file of the same size, modification time and inode, as git's index
// judges a file unchanged.
func (w *writer) same(f *engine.OutFile) bool { return sameFile(w.out, f) }

// unchanged reports whether the previous output still holds every file the build cache
// recorded apart from the services' pages (which Options.Reuse looked at), and the
// manifest it wrote.
func (w *writer) unchanged(c *engine.Cache) bool {
	if w.prev == nil || !w.same(&c.Manifest) {
		return false
	}
	var changed atomic.Bool
	parallel.For(context.Background(), len(c.Files), func(_ context.Context, i int) error {
		if !w.same(&c.Files[i]) {
			changed.Store(true)
		}
		return nil
	})
	return !changed.Load()
}

// outFiles returns every file of the new output, sorted by path.
func (w *writer) outFiles() []*engine.OutFile {
	w.mu.Lock()
	defer w.mu.Unlock()
	files := make([]*engine.OutFile, 0, len(w.files))
	for _, f := range w.files {
		files = append(files, f)
	}
	slices.SortFunc(files, func(a, b *engine.OutFile) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// fillRecords records the pages of each service of the new output in its record, and
// the output folder, once every page is written.
func (w *writer) fillRecords(c *engine.Cache) {
	w.mu.Lock()
	defer w.mu.Unlock()
	c.Out = w.out
	for _, rec := range c.Records() {
		if rec == nil {
			continue // written as it was made, its pages filled in then
		}
		for i := range rec.Pages {
			if f := w.files[rec.Pages[i].Path]; f != nil {
				rec.Pages[i] = *f
			}
		}
	}
	c.Touch()
}

// fillCache records the new output (files, sorted) in the build cache: the files
// other than the services' own pages, which their records hold (fillPages and
// fillRecords, before it), in Files.
func (w *writer) fillCache(c *engine.Cache, files []*engine.OutFile) {
	w.mu.Lock()
	site := w.siteFiles
	w.mu.Unlock()
	// A new slice: files kept from the previous output point into the old one.
	c.Files = make([]engine.OutFile, 0, len(site))
	for _, f := range files {
		if site[f.Path] {
			c.Files = append(c.Files, *f)
		}
	}
	c.Manifest = engine.OutFile{Path: ManifestName}
	if fi, err := os.Lstat(filepath.Join(w.out, ManifestName)); err == nil {
		c.Manifest.Size, c.Manifest.Mtime, c.Manifest.Ino = fi.Size(), fi.ModTime().UnixNano(), inode(fi)
	}
	c.Touch()
}

// count returns the pages, files and bytes of the output the build cache describes.
func count(c *engine.Cache) (pages, files int, bytes int64) {
	add := func(f *engine.OutFile) {
		files++
		bytes += f.Size
		if strings.HasSuffix(f.Path, ".html") {
			pages++
		}
	}
	for i := range c.Files {
		add(&c.Files[i])
	}
	for _, r := range c.Records() {
		if r == nil {
			continue // not in a build that found nothing changed
		}
		for i := range r.Pages {
			add(&r.Pages[i])
		}
	}
	return pages, files, bytes
}

// inode returns the inode number of fi, or 0 where the system has none.
func inode(fi fs.FileInfo) uint64 { return engine.Inode(fi) }

// countingWriter counts the bytes of a file and shows them to the link check's scanner
// on their way to disk.
type countingWriter struct {
	w    io.Writer
	n    int64
	scan *scanner
	sum  hash.Hash
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.scan.Write(p[:n])
	c.sum.Write(p[:n])
	return n, err
}

// mkdir makes the folder d (slash-separated, under w.dir) unless it has already. Every
// service has folders of its own, so this is one system call per folder, where
// os.MkdirAll would first look at each parent.
func (w *writer) mkdir(d string) error {
	if d == "." {
		return nil
	}
	w.dirsMu.RLock()
	_, done := w.dirs[d]
	w.dirsMu.RUnlock()
	if done {
		return nil
	}
	name := filepath.Join(w.dir, filepath.FromSlash(d))
	err := os.Mkdir(name, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err = w.mkdir(path.Dir(d)); err == nil {
			err = os.Mkdir(name, 0o755)
		}
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	w.dirsMu.Lock()
	w.dirs[d] = struct{}{}
	w.dirsMu.Unlock()
	return nil
}

func (w *writer) result() Result {
	w.mu.Lock()
	defer w.mu.Unlock()
	var r Result
	for p, f := range w.files {
		r.Files++
		r.Bytes += f.Size
		if strings.HasSuffix(p, ".html") {
			r.Pages++
		}
	}
	return r
}

// longestFirst puts the site-wide open-data files (data/…) first: each holds every
// service and is written by one goroutine, the CSV for a second or more at 10,000
// services, so started last they would keep one CPU busy after the other pages are done.
// Started first, the other pages are written on the other CPU meanwhile.
func longestFirst(outs []render.Output) []render.Output {
	slices.SortStableFunc(outs, func(a, b render.Output) int {
		da, db := strings.HasPrefix(a.Path, "data/"), strings.HasPrefix(b.Path, "data/")
		switch {
		case da && !db:
			return -1
		case db && !da:
			return 1
		}
		return 0
	})
	return outs
}

// safePath refuses output paths that could leave the output folder. Slugs are validated
// when content is loaded; this is the last line of defence for static/ and layouts.
func safePath(p string) error {
	if !fs.ValidPath(p) || p == "." {
		return fmt.Errorf("build: output path %q is not a valid relative path", p)
	}
	return nil
}
