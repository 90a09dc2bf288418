package engine

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// Session holds a loaded, checked site between runs, so that when only service files
// change, only those files go through the step again: on a site of 10,000 services a
// save costs one file, not 10,000. papan serve keeps one for as long as it runs.
//
// A change to anything else — site.toml, an _opd.toml, a page, layouts/, static/, a new
// OPD folder — runs the whole site again, as does the first Update.
//
// An Update that fails leaves the session as it was, so the last good site can still be
// rendered; the files of the failed update are read again by the next one.
type Session struct {
	src  fs.FS
	opts Options

	// mu guards everything below. Update holds it for writing; Render and Outputs for
	// reading, because pages read the site while they are written.
	mu       sync.RWMutex
	pipe     *pipeline                // of the last good full run; nil before one
	site     *standard.Site           // the pipeline's, services whole
	warnings standard.Problems        // the loader's, located
	services map[string]serviceResult // by file, of the services in the site
	dirty    map[string]bool          // files of failed updates, to read again
	stale    bool                     // the last full run failed: run it all again
}

// NewSession returns a session for the site in src. Pages link under linkBase when it is
// not "" (papan serve passes "/") instead of site.toml's base_url; see Options.LinkBase.
// Drafts are kept, for the preview to show them (under a banner).
func NewSession(src fs.FS, linkBase string) *Session {
	return &Session{src: src, opts: Options{LinkBase: linkBase, Keep: true, Drafts: true}, dirty: map[string]bool{}}
}

// Change is what a batch of saved files meant to the site, as Update decided it: the one
// place that tells a save of a service from a change that needs the whole site again.
type Change struct {
	// Full is true when the whole site was run again.
	Full bool
	// Services are the service files that were saved, created or removed (slash paths
	// from the site root) when not Full.
	Services []string
	// StylesOnly is true when every file that mattered was a stylesheet, so that open
	// pages can take the new stylesheet without reloading.
	StylesOnly bool
}

// Update brings the session up to date after the files in changed (slash paths from the
// site root) were written, created or removed; nil means everything, as for a first
// run. It returns what the change meant and the loader's warnings, located. The error
// is standard.Problems when content or templates are at fault; the session then keeps
// the site it had.
func (s *Session) Update(ctx context.Context, changed []string) (Change, standard.Problems, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if changed != nil && s.pipe != nil && !s.stale {
		files := slices.DeleteFunc(slices.Clone(changed), s.neverRead)
		if len(files) == 0 && len(s.dirty) == 0 {
			return Change{}, s.warnings, nil // only editors' temporary files came and went
		}
		styles := stylesOnly(files)
		for f := range s.dirty {
			files = append(files, f)
		}
		if plan, ok := s.plan(files); ok {
			ps, err := s.apply(plan, files)
			ch := Change{Services: make([]string, 0, len(plan))}
			for _, e := range plan {
				ch.Services = append(ch.Services, e.file)
			}
			return ch, ps, err
		}
		ps, err := s.reload(ctx)
		return Change{Full: true, StylesOnly: styles}, ps, err
	}
	ps, err := s.reload(ctx)
	return Change{Full: true}, ps, err
}

// neverRead reports whether f is a file that is gone and that the site never read: the
// temporary file of an editor or tool that saves by writing a new file and renaming it
// over the original (sed -i's sedXXXXXX, vim's 4913 and backup~, an atomic writer's
// x.toml.tmp). The rename itself arrives as a change of the original's name, so the
// temporary name must not make the whole site load again. A gone .toml or .md file was
// content, and a gone file that the loader warned about must take its warning with it.
func (s *Session) neverRead(f string) bool {
	if strings.HasSuffix(f, ".toml") || strings.HasSuffix(f, ".md") || !strings.HasPrefix(f, content.ContentDir+"/") {
		return false
	}
	if _, err := fs.Lstat(s.src, f); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	return !slices.ContainsFunc(s.warnings, func(p standard.Problem) bool { return p.File == f })
}

// stylesOnly reports whether every file in changed is a stylesheet.
func stylesOnly(changed []string) bool {
	for _, c := range changed {
		if !strings.HasSuffix(c, ".css") {
			return false
		}
	}
	return len(changed) > 0
}

// Outputs lists every file of the site as it now is. Write them with Render.
func (s *Session) Outputs() []render.Output {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.pipe == nil {
		return nil
	}
	return s.pipe.renderer.Outputs()
}

// Render writes o, one of the Outputs, to w, holding off Updates while it does.
func (s *Session) Render(o render.Output, w io.Writer) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return o.Write(w)
}

// CSSPath returns the output path of the hashed stylesheet, "" before the first load.
func (s *Session) CSSPath() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.pipe == nil {
		return ""
	}
	return s.pipe.renderer.CSSPath()
}

// reload runs the whole site again.
func (s *Session) reload(ctx context.Context) (standard.Problems, error) {
	p, files, problems, err := newPipeline(ctx, s.src, s.opts)
	if err != nil {
		s.stale = true
		return nil, err
	}
	res, err := p.run(ctx, files, problems)
	if err != nil {
		s.stale = true
		var ps standard.Problems
		errors.As(err, &ps)
		return ps, err
	}
	s.pipe, s.site, s.warnings = p, res.Site, res.Warnings
	s.services = make(map[string]serviceResult, len(res.services))
	for _, r := range res.services {
		if r.service != nil {
			s.services[r.file] = r
		}
	}
	s.stale, s.dirty = false, map[string]bool{}
	s.refreshDashboard()
	return s.warnings, nil
}

// refreshDashboard gives the renderer the dashboard of the site as it now is, assessed
// when the page is written: the dev server then pays for it only when someone opens it.
func (s *Session) refreshDashboard() {
	if !s.site.Config.Compliance.Dashboard {
		return
	}
	// Pages are written under the read lock (Render), so no Update changes the site
	// while this reads it; each Update sets a new function.
	s.pipe.renderer.SetDashboard(sync.OnceValue(func() *rules.Dashboard {
		results := make([]serviceResult, 0, len(s.services))
		for _, r := range s.services {
			results = append(results, r)
		}
		_, d := s.pipe.assess(results)
		return d
	}))
}

// edit is the new state of one service file.
type edit struct {
	file   string
	opd    *standard.OPD
	slug   string
	gone   bool          // the file was deleted
	result serviceResult // the step's, when not gone
}

// plan works out how changed files affect the site. ok is false when a file is not a
// service file of an OPD the site has, or is not a plain file: only a full run handles
// those (and reports what is wrong with them).
func (s *Session) plan(files []string) ([]edit, bool) {
	var plan []edit
	seen := map[string]bool{}
	for _, f := range files {
		if seen[f] {
			continue
		}
		seen[f] = true
		opdSlug, slug, skip, ok := content.ServiceFile(f)
		if skip {
			continue // a draft or an editor's file: the site does not read it
		}
		if !ok {
			return nil, false
		}
		o := s.pipe.opds[opdSlug]
		if o == nil {
			return nil, false
		}
		fi, err := fs.Lstat(s.src, f)
		gone := errors.Is(err, fs.ErrNotExist)
		if !gone && (err != nil || !fi.Mode().IsRegular()) {
			return nil, false
		}
		plan = append(plan, edit{file: f, opd: o, slug: slug, gone: gone})
	}
	return plan, true
}

// apply takes the files of plan through the step and, when none has an error, puts
// them into the site.
func (s *Session) apply(plan []edit, files []string) (standard.Problems, error) {
	var problems standard.Problems
	for i := range plan {
		e := &plan[i]
		if !e.gone {
			e.result, _ = s.pipe.service(e.file, nil) // no write: no error
			problems = append(problems, e.result.problems...)
		}
	}
	content.Locate(s.src, problems)
	inPlan := func(p standard.Problem) bool {
		return slices.ContainsFunc(plan, func(e edit) bool { return e.file == p.File })
	}
	if problems.Errors() > 0 {
		for _, f := range files {
			s.dirty[f] = true
		}
		// The other files' warnings still stand; show them with the new errors.
		all := append(slices.DeleteFunc(slices.Clone(s.warnings), inPlan), problems...)
		all.Sort()
		return all, all
	}

	indexChanged := false
	for _, e := range plan {
		var old *standard.Service
		if i := slices.IndexFunc(e.opd.Services, func(x *standard.Service) bool { return x.Slug == e.slug }); i >= 0 {
			old = e.opd.Services[i]
			e.opd.Services = slices.Delete(e.opd.Services, i, i+1)
		}
		delete(s.services, e.file)
		svc := e.result.service
		if (old != nil || svc != nil) && (old == nil || svc == nil || !render.SameSearchEntry(old, svc)) {
			indexChanged = true
		}
		if svc != nil {
			e.opd.Services = append(e.opd.Services, svc)
			content.SortServices(e.opd)
			s.services[e.file] = e.result
		}
	}
	s.warnings = append(slices.DeleteFunc(s.warnings, inPlan), problems...)
	s.warnings.Sort()
	s.dirty = map[string]bool{}
	if indexChanged {
		if err := s.pipe.renderer.SiteChanged(); err != nil {
			s.stale = true // the renderer may be half-updated: the next update starts afresh
			return s.warnings, err
		}
	}
	s.refreshDashboard()
	return s.warnings, nil
}
