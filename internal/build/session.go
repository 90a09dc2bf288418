package build

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// Session holds a loaded, checked site between builds, so that when only service files
// change, only those files are read and checked again: on a site of 10,000 services a
// save costs one file, not 10,000. papan serve keeps one for as long as it runs.
//
// A change to anything else — site.toml, an _opd.toml, a page, layouts/, static/, a new
// OPD folder — reloads the whole site, as does the first Update.
//
// An Update that fails leaves the session as it was, so the last good site can still be
// rendered; the files of the failed update are read again by the next one.
type Session struct {
	src      fs.FS
	linkBase string

	// mu guards everything below. Update holds it for writing; Render and Outputs for
	// reading, because pages read the site while they are written.
	mu       sync.RWMutex
	site     *standard.Site // nil until a full load succeeds
	renderer *render.Renderer
	loaded   standard.Problems                       // the loader's warnings, located
	found    map[*standard.Service]standard.Problems // the rulebook's findings on each service
	dirty    map[string]bool                         // files of failed updates, to read again
	stale    bool                                    // the last full load failed: reload all
}

// NewSession returns a session for the site in src. Pages link under linkBase when it is
// not "" (papan serve passes "/", so the preview works at any host) instead of site.toml's
// base_url; what is printed, the poster's QR code and address, keeps base_url, the
// published address, so a poster printed from the preview is the poster the build makes.
func NewSession(src fs.FS, linkBase string) *Session {
	return &Session{src: src, linkBase: linkBase, dirty: map[string]bool{}}
}

// Change is what a batch of saved files meant to the site, as Update decided it: the one
// place that tells a save of a service from a change that needs the whole site again.
type Change struct {
	// Full is true when the whole site was loaded again.
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
// build. It returns what the change meant and the loader's warnings, located. The error
// is standard.Problems when content or templates are at fault; the session then keeps
// the site it had.
func (s *Session) Update(ctx context.Context, changed []string) (Change, standard.Problems, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if changed != nil && s.site != nil && !s.stale {
		files := slices.DeleteFunc(slices.Clone(changed), s.neverRead)
		if len(files) == 0 && len(s.dirty) == 0 {
			return Change{}, s.loaded, nil // only editors' temporary files came and went
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
	return !slices.ContainsFunc(s.loaded, func(p standard.Problem) bool { return p.File == f })
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
	if s.renderer == nil {
		return nil
	}
	return s.renderer.Outputs()
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
	if s.renderer == nil {
		return ""
	}
	return s.renderer.CSSPath()
}

// reload loads, checks and prepares the whole site.
func (s *Session) reload(ctx context.Context) (standard.Problems, error) {
	site, warnings, err := Load(ctx, s.src, "")
	if err != nil {
		s.stale = true
		return warnings, err
	}
	if s.linkBase != "" {
		site.Config.PublishedURL, site.Config.BaseURL = site.Config.BaseURL, s.linkBase
	}
	r, err := Templates(site, s.src)
	if err != nil {
		s.stale = true
		var ps standard.Problems
		if errors.As(err, &ps) {
			// A template problem: report it with the content's warnings, as papan check does.
			all := append(slices.Clone(warnings), ps...)
			all.Sort()
			return all, all
		}
		return warnings, err
	}
	if ps := staticConflicts(r, site); len(ps) > 0 {
		s.stale = true
		all := append(slices.Clone(warnings), ps...)
		all.Sort()
		return all, all
	}
	s.site, s.renderer, s.loaded = site, r, warnings
	s.found = checkServices(site, s.config(), s.today(), services(site))
	s.stale, s.dirty = false, map[string]bool{}
	s.refreshDashboard()
	return warnings, nil
}

func services(site *standard.Site) []*standard.Service {
	var all []*standard.Service
	for _, o := range site.OPDs {
		all = append(all, o.Services...)
	}
	return all
}

// checkServices runs the rulebook's service rules over list, on every CPU.
func checkServices(site *standard.Site, cfg rules.Config, today time.Time, list []*standard.Service) map[*standard.Service]standard.Problems {
	per := rules.CheckServices(site, cfg, today, list)
	found := make(map[*standard.Service]standard.Problems, len(list))
	for i, svc := range list {
		found[svc] = per[i]
	}
	return found
}

func (s *Session) config() rules.Config { return rules.ConfigFrom(s.site.Config.Compliance) }

func (s *Session) today() time.Time { return Today(s.site.Config, time.Time{}) }

// refreshDashboard gives the renderer the dashboard of the site as it now is, computed
// when the page is written: the dev server then pays for it only when someone opens it.
// The dashboard names services, not lines, so its findings are not located.
func (s *Session) refreshDashboard() {
	if !s.site.Config.Compliance.Dashboard {
		return
	}
	// Pages are written under the read lock (Render), so no Update changes the site
	// while this reads it; each Update sets a new function.
	s.renderer.SetDashboard(sync.OnceValue(func() *rules.Dashboard {
		cfg, today := s.config(), s.today()
		all := rules.CheckSite(s.site, cfg, today)
		for _, o := range s.site.OPDs {
			for _, svc := range o.Services {
				all = append(all, s.found[svc]...)
			}
		}
		all.Sort()
		d := rules.Assess(s.site, cfg, today, all)
		return &d
	}))
}

// edit is the new state of one service file.
type edit struct {
	file    string
	opd     *standard.OPD
	slug    string
	gone    bool              // the file was deleted
	service *standard.Service // nil when the file is gone or has errors
}

// plan works out how changed files affect the site. ok is false when a file is not a
// service file of an OPD the site has, or is not a plain file: only a full reload
// handles those (and reports what is wrong with them).
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
		i := slices.IndexFunc(s.site.OPDs, func(o *standard.OPD) bool { return o.Slug == opdSlug })
		if i < 0 {
			return nil, false
		}
		fi, err := fs.Lstat(s.src, f)
		gone := errors.Is(err, fs.ErrNotExist)
		if !gone && (err != nil || !fi.Mode().IsRegular()) {
			return nil, false
		}
		plan = append(plan, edit{file: f, opd: s.site.OPDs[i], slug: slug, gone: gone})
	}
	return plan, true
}

// apply reads the files of plan and, when none has an error, puts them into the site.
func (s *Session) apply(plan []edit, files []string) (standard.Problems, error) {
	var problems standard.Problems
	for i := range plan {
		e := &plan[i]
		if e.gone {
			continue
		}
		svc, ps := content.LoadService(s.src, e.file)
		problems = append(problems, ps...)
		e.service = svc
	}
	content.Locate(s.src, problems)
	if problems.Errors() > 0 {
		for _, f := range files {
			s.dirty[f] = true
		}
		// The other files' warnings still stand; show them with the new errors.
		all := append(slices.DeleteFunc(slices.Clone(s.loaded), func(p standard.Problem) bool {
			return slices.ContainsFunc(plan, func(e edit) bool { return e.file == p.File })
		}), problems...)
		all.Sort()
		return all, all
	}

	cfg, today := s.config(), s.today()
	indexChanged := false
	for _, e := range plan {
		var old *standard.Service
		if i := slices.IndexFunc(e.opd.Services, func(x *standard.Service) bool { return x.Slug == e.slug }); i >= 0 {
			old = e.opd.Services[i]
			delete(s.found, old)
			e.opd.Services = slices.Delete(e.opd.Services, i, i+1)
		}
		if (old != nil || e.service != nil) && (old == nil || e.service == nil || !render.SameSearchEntry(old, e.service)) {
			indexChanged = true
		}
		if e.service != nil {
			e.service.OPD = e.opd
			e.opd.Services = append(e.opd.Services, e.service)
			content.SortServices(e.opd)
			s.found[e.service] = rules.CheckService(s.site, cfg, today, e.service)
		}
	}
	s.loaded = slices.DeleteFunc(s.loaded, func(p standard.Problem) bool {
		return slices.ContainsFunc(plan, func(e edit) bool { return e.file == p.File })
	})
	s.loaded = append(s.loaded, problems...)
	s.loaded.Sort()
	s.dirty = map[string]bool{}
	if indexChanged {
		if err := s.renderer.SiteChanged(); err != nil {
			s.stale = true // the renderer may be half-updated: the next update starts afresh
			return s.loaded, err
		}
	}
	s.refreshDashboard()
	return s.loaded, nil
}
