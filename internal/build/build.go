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
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
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
}

// Result describes a finished build.
type Result struct {
	Pages    int // HTML pages
	Files    int // all files, pages included
	Bytes    int64
	Elapsed  time.Duration
	Warnings standard.Problems // located; the build succeeded despite them
	Drafts   int               // services marked draf = true, not published
}

// Build builds the site and replaces opts.Out with it.
func Build(ctx context.Context, opts Options) (Result, error) {
	start := time.Now()
	if err := checkOut(opts); err != nil {
		return Result{}, err
	}
	var warnings standard.Problems
	var drafts int
	res, err := writeAtomically(ctx, opts.Out, func(dir string) (Result, error) {
		w := newWriter(dir)
		site, err := engine.Run(ctx, opts.Src, engine.Options{BaseURL: opts.BaseURL, Write: w.write,
			Templates: func(r *render.Renderer) { w.links.setBase(r.URL("/"), r.AbsURL("/")) },
			Strict:    opts.Strict, Locate: opts.Strict})
		if err != nil {
			return Result{}, err
		}
		warnings, drafts = site.Warnings, site.Drafts
		site.Findings = nil // the dashboard has its own; let a big site's go while pages are written
		// The site-wide data files hold every service whole, which the build no longer
		// does: they read back each service's layanan.json, one at a time.
		site.Renderer.SetRecords(func(s *standard.Service) ([]byte, error) {
			return os.ReadFile(filepath.Join(dir, filepath.FromSlash(s.DataAddr().File)))
		})
		if err := writeAll(ctx, w, append(site.Renderer.SiteOutputs(), headersOutput())); err != nil {
			return Result{}, err
		}
		if err := w.links.check(); err != nil {
			return Result{}, err
		}
		if err := writeManifest(dir, w.paths); err != nil {
			return Result{}, err
		}
		return w.result(), nil
	})
	res.Warnings, res.Drafts = warnings, drafts
	res.Elapsed = time.Since(start)
	return res, err
}

// writeAtomically calls write with a temporary folder beside out, then swaps it in
// when write succeeds.
func writeAtomically(ctx context.Context, out string, write func(dir string) (Result, error)) (Result, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Result{}, err
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".papan-tmp-")
	if err != nil {
		return Result{}, fmt.Errorf("tidak dapat membuat folder sementara: %w", err)
	}
	// MkdirTemp makes the folder private; a published site is meant to be read.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return Result{}, err
	}
	res, err := write(tmp)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		removeTree(tmp)
		return Result{}, err
	}
	if err := swap(tmp, out); err != nil {
		removeTree(tmp)
		return Result{}, err
	}
	return res, nil
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
// gathering their links for the link check (links.go).
type writer struct {
	dir                 string
	bufs                sync.Pool // *bufio.Writer
	dirs                sync.Map  // the folders made so far, slash-separated
	files, pages, bytes atomic.Int64
	links               *linkCheck
	mu                  sync.Mutex
	paths               []string // the files written, for the manifest; guarded by mu
}

func newWriter(dir string) *writer {
	// 64 KB holds most pages whole, so most files are written in one system call.
	return &writer{dir: dir, bufs: sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }},
		links: newLinkCheck()}
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
	f, err := os.OpenFile(filepath.Join(w.dir, filepath.FromSlash(o.Path)), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	bw := w.bufs.Get().(*bufio.Writer)
	defer w.bufs.Put(bw)
	// Only rendered pages have their links checked: a file from static/ is the
	// site's own to link where it likes.
	cw := &countingWriter{w: f, scan: w.links.start(o.Kind != "")}
	bw.Reset(cw)
	err = o.Write(bw)
	if err == nil {
		err = bw.Flush()
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
	w.links.done(o.Path, cw.scan)
	w.mu.Lock()
	w.paths = append(w.paths, o.Path)
	w.mu.Unlock()
	w.files.Add(1)
	w.bytes.Add(cw.n)
	if strings.HasSuffix(o.Path, ".html") {
		w.pages.Add(1)
	}
	return nil
}

// countingWriter counts the bytes of a file and shows them to the link check's scanner
// on their way to disk.
type countingWriter struct {
	w    io.Writer
	n    int64
	scan *scanner
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.scan.Write(p[:n])
	return n, err
}

// mkdir makes the folder d (slash-separated, under w.dir) unless it has already. Every
// service has folders of its own, so this is one system call per folder, where
// os.MkdirAll would first look at each parent.
func (w *writer) mkdir(d string) error {
	if d == "." {
		return nil
	}
	if _, done := w.dirs.Load(d); done {
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
	w.dirs.Store(d, true)
	return nil
}

func (w *writer) result() Result {
	return Result{Files: int(w.files.Load()), Pages: int(w.pages.Load()), Bytes: w.bytes.Load()}
}

// writeAll writes outs with w on all CPUs. Each worker holds one rendered file at a time,
// so memory does not grow with the size of the site.
func writeAll(ctx context.Context, w *writer, outs []render.Output) error {
	return parallel.For(ctx, len(outs), func(_ context.Context, i int) error { return w.write(outs[i]) })
}

// safePath refuses output paths that could leave the output folder. Slugs are validated
// when content is loaded; this is the last line of defence for static/ and layouts.
func safePath(p string) error {
	if !fs.ValidPath(p) || p == "." {
		return fmt.Errorf("build: output path %q is not a valid relative path", p)
	}
	return nil
}
