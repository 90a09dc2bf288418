package engine

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// pipeline is what the step of one service reads: the frame of the site and its renderer.
// A full run makes one; a Session keeps the one of its last full load for the saves
// that follow.
type pipeline struct {
	src      fs.FS
	opts     Options
	site     *standard.Site
	renderer *render.Renderer // nil when the templates have errors
	cfg      rules.Config
	today    time.Time
	opds     map[string]*standard.OPD
	strs     sync.Map // requirement names, categories and keywords of list entries, kept once each
	keys     *keys    // with Options.Cache: the frame's hashes
	// stats are the service files' stats, taken while the cache was read (Options.Cache),
	// by index into the files; nil where the stat failed.
	stats []fs.FileInfo
}

// newPipeline reads the frame of the site in src — site.toml, the OPDs, the pages and
// the list of service files — and prepares the renderer. problems are the frame's and
// the templates'; the renderer is nil when they hold an error.
func newPipeline(ctx context.Context, src fs.FS, opts Options) (*pipeline, []string, standard.Problems, error) {
	site, files, problems, err := content.LoadFrame(ctx, src)
	if err != nil {
		return nil, nil, nil, err
	}
	if problems.Errors() == 0 {
		problems = append(problems, rules.CheckConfig(&site.Config)...)
	}
	if opts.BaseURL != "" {
		site.Config.BaseURL = opts.BaseURL
	}
	if opts.LinkBase != "" {
		site.Config.PublishedURL, site.Config.BaseURL = site.Config.BaseURL, opts.LinkBase
	}
	p := &pipeline{src: src, opts: opts, site: site,
		cfg: rules.ConfigFrom(site.Config.Compliance), today: Today(site.Config, opts.Today),
		opds: make(map[string]*standard.OPD, len(site.OPDs))}
	for _, o := range site.OPDs {
		p.opds[o.Slug] = o
	}
	if problems.Errors() == 0 {
		r, err := render.New(site, subIfExists(src, "layouts"), subIfExists(src, "static"))
		var ps standard.Problems
		switch {
		case errors.As(err, &ps):
			problems = append(problems, ps...)
		case err != nil:
			return nil, nil, nil, err
		default:
			p.renderer = r
			if opts.Templates != nil {
				opts.Templates(r)
			}
		}
	}
	return p, files, problems, nil
}

func subIfExists(fsys fs.FS, dir string) fs.FS {
	if fi, err := fs.Stat(fsys, dir); err != nil || !fi.IsDir() {
		return nil
	}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return sub
}

// serviceResult is what the step keeps of one service file. It depends only on the
// file's bytes, its OPD's _opd.toml, site.toml, the templates and the date rules measure
// from — what a build cache would key it on.
type serviceResult struct {
	file     string
	service  *standard.Service // whole with Options.Keep, else its ListEntry; nil when the file has errors or no OPD, or is a draft left out
	findings standard.Problems // the rulebook's
	score    rules.ServiceScore
	problems standard.Problems // the loader's
	draft    bool              // a draft the run left out (see Options.Drafts)
	cached   bool              // taken from the build cache's record, not stepped
}

// service is the step every service file goes through, in a full run and after a save:
// read it, leave it out if it is a draft the run does not want (Options.Drafts), attach
// it to its OPD, check it, score it, locate its findings (with Options.Locate), render
// its own pages with write (when not nil) and keep what the lists need. Its OPD's list
// of services is not touched: the caller puts the service there. The error is write's.
func (p *pipeline) service(file string, write func(render.Output) error) (serviceResult, error) {
	res := serviceResult{file: file}
	svc, ps, src := content.LoadServiceSource(p.src, file)
	res.problems = standard.Problems(ps)
	if svc == nil {
		return res, nil
	}
	o := p.opds[path.Base(path.Dir(file))]
	if o == nil {
		return res, nil // the OPD's missing or broken _opd.toml is already a problem
	}
	if svc.Draft && !p.opts.Drafts {
		res.draft = true
		return res, nil // not published: a build does not check, write or list it
	}
	svc.OPD = o
	res.findings = rules.CheckService(p.site, p.cfg, p.today, svc)
	res.score = rules.ScoreService(p.site, p.cfg, p.today, svc, res.findings)
	if p.opts.Locate {
		content.LocateSource(file, src, res.findings) // the text just read, not read again
		content.Locate(p.src, res.findings)           // any on another file
	}
	if write != nil && p.renderer != nil && res.problems.Errors() == 0 {
		for _, out := range p.renderer.ServiceOutputs(svc) {
			if err := write(out); err != nil {
				return res, err
			}
		}
	}
	res.service = svc
	if !p.opts.Keep {
		res.service = svc.ListEntry(p.intern)
		// The score keeps the entry's copies of the names, not the file's.
		res.score.Slug, res.score.Name, res.score.File = res.service.Slug, res.service.Name, res.service.File
	}
	return res, nil
}

// intern returns s from a set of strings kept once each: the names, categories and
// keywords that list entries share are then held once for the whole site.
func (p *pipeline) intern(s string) string {
	if v, ok := p.strs.Load(s); ok {
		return v.(string)
	}
	c := strings.Clone(s) // the key too: s may share the memory of its whole file
	v, _ := p.strs.LoadOrStore(c, c)
	return v.(string)
}
