// Package serve is Papan's development server: it builds a site in memory, serves it over
// HTTP, rebuilds it when a source file is saved, and makes open pages follow.
//
// # What is served
//
// Only the files of the last good build, held in a map from output path to bytes. No
// request path reaches the file system, so "/../", "%2e%2e" and absolute paths can name
// nothing outside the site. "/dukcapil/ktp-el/" serves dukcapil/ktp-el/index.html; an
// unknown path serves 404.html with status 404; there are no directory listings.
// Links are rooted at "/" whatever site.toml's base_url says.
//
// # Live reload
//
// Served HTML pages (never the output of papan build) carry a few lines of script that
// listen on the Server-Sent Events stream at /__papan/events. Every build publishes a
// state: the version of the site being served and the problems of the last build. A page
// built from another version reloads itself, keeping its scroll position; a change to
// stylesheets alone swaps them without a reload.
//
// # Broken saves
//
// When a save breaks the site (bad TOML, an unknown key, a template error), the server
// keeps serving the last good build and every page shows an overlay with the same
// file:line:col lines papan check prints. The overlay is also rendered into pages served
// while the site is broken, so a fresh load shows it. The next good build removes it.
package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/oserr"
	"github.com/papan-id/papan/internal/standard"
	"github.com/papan-id/papan/internal/sunting"
)

// DefaultDelay is how long the watcher waits for a burst of file events to end before a
// rebuild. Editors write a file in several steps; this is long enough to see them as one
// save and short enough not to be noticed.
const DefaultDelay = 20 * time.Millisecond

// Options configures Run.
type Options struct {
	Dir      string        // the site folder: site.toml, content/, layouts/, static/
	Listener net.Listener  // where to serve; Run closes it
	Log      io.Writer     // progress and problems, for a person; may be nil
	Delay    time.Duration // quiet period before a rebuild; 0 means DefaultDelay
	// Sunting serves the form editor (package sunting) at /_sunting/ and puts a
	// "Sunting" link on every page that has a file of its own. Listen on loopback only.
	Sunting bool
}

// Run serves the site in opts.Dir until ctx is done, rebuilding it whenever a source file
// changes. It returns nil after a clean stop: the HTTP server shut down, event streams
// ended, the watcher closed and every goroutine it started returned.
func Run(ctx context.Context, opts Options) error {
	log := opts.Log
	if log == nil {
		log = io.Discard
	}
	delay := opts.Delay
	if delay <= 0 {
		delay = DefaultDelay
	}
	w, err := NewWatcher(opts.Dir, delay, func(err error) {
		fmt.Fprintf(log, "papan: pemantauan berkas: %s\n", oserr.Text(err))
	})
	if err != nil {
		opts.Listener.Close()
		return fmt.Errorf("tidak dapat memantau %s: %w", opts.Dir, err)
	}
	s := NewServer(os.DirFS(opts.Dir), log)
	if opts.Sunting {
		s.edit = sunting.New(opts.Dir, s.sess)
	}
	s.Rebuild(ctx, nil) // the watcher is already running: a save during this build is not lost

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(opts.Listener) }()

	var wg sync.WaitGroup
	wg.Go(func() {
		for changed := range w.Changes() {
			s.Rebuild(ctx, changed)
		}
	})

	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-served:
	}
	s.Close() // ends the event streams, which Shutdown would otherwise wait for
	shutCtx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	if err := srv.Shutdown(shutCtx); err != nil {
		srv.Close()
	}
	cancel()
	if serveErr == nil {
		serveErr = <-served
	}
	w.Close()
	wg.Wait()
	if errors.Is(serveErr, http.ErrServerClosed) {
		serveErr = nil
	}
	return serveErr
}

// Server serves the last good build of a site and publishes build states to pages.
// Use NewServer, then Rebuild at least once.
type Server struct {
	sess       *engine.Session
	log        io.Writer
	eagerLimit int          // see defaultEagerLimit
	boot       string       // distinguishes this process's versions from a previous run's
	edit       http.Handler // the form editor, with Options.Sunting; else nil

	mu       sync.Mutex
	builds   int
	good     *site    // nil until the first good build
	errs     []string // the problems of the last build when it failed, else nil
	state    []byte   // the last published state, JSON
	warnings string   // the warnings printed last, to print them again only when they change
	subs     map[chan []byte]struct{}
	done     chan struct{}
	closed   bool
}

// NewServer returns a server for the site in src that logs to log.
func NewServer(src fs.FS, log io.Writer) *Server {
	s := &Server{
		// Links are rooted at "/" whatever site.toml's base_url says, so the preview
		// works at any host and port.
		sess:       engine.NewSession(src, "/"),
		eagerLimit: defaultEagerLimit,
		log:        log,
		boot:       strconv.FormatInt(time.Now().UnixNano(), 36),
		subs:       map[chan []byte]struct{}{},
		done:       make(chan struct{}),
	}
	s.state, _ = json.Marshal(state{})
	return s
}

// state is what pages are told after each build.
type state struct {
	Version string   `json:"version"`          // the version being served, "" before the first good build
	Prev    string   `json:"prev,omitempty"`   // with CSS: the version this one differs from in stylesheets only
	CSS     string   `json:"css,omitempty"`    // with Prev: the new address of the hashed stylesheet
	Errors  []string `json:"errors,omitempty"` // the last build's problems, when it failed
}

// Rebuild builds the site again after the source files in changed were modified (nil for
// a first build), then tells every open page. A failed build keeps the last good one.
func (s *Server) Rebuild(ctx context.Context, changed []string) {
	start := time.Now()
	change, warnings, err := s.sess.Update(ctx, changed)
	if err == nil && !change.Full && len(change.Services) == 0 {
		return // only drafts or editors' temporary files: the site is as it was
	}
	var st *site
	if err == nil {
		if st, err = newSite(s.sess); err == nil {
			err = st.render(ctx, st.eager(change, s.eagerLimit))
		}
	}
	if ctx.Err() != nil {
		return // stopping; a half-done build means nothing
	}
	elapsed := time.Since(start)

	s.mu.Lock()
	defer s.mu.Unlock()
	var msg state
	if err != nil {
		s.errs = problemLines(err)
		if s.good != nil {
			msg.Version = s.good.version
		}
		msg.Errors = s.errs
		s.printFailure(err)
	} else {
		s.builds++
		st.version = s.boot + "-" + strconv.Itoa(s.builds)
		if s.good != nil && s.errs == nil && change.StylesOnly {
			msg.Prev, msg.CSS = s.good.version, "/"+st.css
		}
		s.good, s.errs = st, nil
		msg.Version = st.version
		s.printSuccess(st, warnings, elapsed, changed == nil)
	}
	s.publish(msg)
}

// problemLines are the lines of the overlay: what papan check prints, one problem each.
func problemLines(err error) []string {
	var ps standard.Problems
	if errors.As(err, &ps) {
		lines := make([]string, len(ps))
		for i, p := range ps {
			lines[i] = p.String()
		}
		return lines
	}
	return []string{oserr.Text(err)}
}

func (s *Server) printFailure(err error) {
	var ps standard.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(s.log, p.String())
		}
		fmt.Fprintf(s.log, "%d galat, %d peringatan\n", ps.Errors(), len(ps)-ps.Errors())
	} else {
		fmt.Fprintf(s.log, "papan: %s\n", oserr.Text(err))
	}
	if s.good != nil {
		fmt.Fprintln(s.log, "papan: versi terakhir yang benar tetap ditayangkan; perbaiki lalu simpan")
	} else {
		fmt.Fprintln(s.log, "papan: situs belum dapat dibangun; perbaiki lalu simpan")
	}
	s.warnings = "" // print the warnings again once the site builds
}

func (s *Server) printSuccess(st *site, warnings standard.Problems, elapsed time.Duration, first bool) {
	if w := warnings.Error(); w != s.warnings {
		s.warnings = w
		for _, p := range warnings {
			fmt.Fprintln(s.log, p.String())
		}
		if len(warnings) > 0 {
			fmt.Fprintf(s.log, "%d galat, %d peringatan\n", 0, len(warnings))
		}
	}
	// After a save only the changed pages are made again (the rest when opened), so a
	// save reports the time it took, not a number of pages rebuilt.
	if !first {
		fmt.Fprintf(s.log, "papan: perubahan diterapkan dalam %d ms\n", elapsed.Milliseconds())
		return
	}
	pages := 0
	for p := range st.outs {
		if strings.HasSuffix(p, ".html") {
			pages++
		}
	}
	fmt.Fprintf(s.log, "papan: %d halaman siap dalam %d ms\n", pages, elapsed.Milliseconds())
}

// publish records msg as the current state and sends it to every open page. The caller
// holds s.mu.
func (s *Server) publish(msg state) {
	b, err := json.Marshal(msg)
	if err != nil {
		panic(err) // strings only: cannot fail
	}
	s.state = b
	for ch := range s.subs {
		// Each page needs only the latest state: replace one it has not read yet.
		select {
		case ch <- b:
		default:
			select {
			case <-ch:
			default:
			}
			ch <- b
		}
	}
}

// Close ends every event stream, so that an http.Server can shut down: those requests
// would otherwise never end.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.done)
	}
}
