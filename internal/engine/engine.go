// Package engine turns a site's source tree into a checked, scored, addressed site: the
// one pipeline that papan build, papan check and papan serve share.
//
// A run first reads the frame of the site — site.toml, every OPD's _opd.toml, the
// standalone pages and the list of service files — and prepares the renderer from the
// theme and the site's layouts/ and static/. Then every service file goes through one
// step (service.go), on every CPU: it is read and decoded, attached to its OPD, checked
// by the rulebook, scored for the dashboard, its findings located when asked, its own
// pages (service page and poster) handed to Options.Write, and what the lists need of it
// kept. Last, the services are put into their OPDs, the site-wide rules run, the
// dashboard is assessed and the search index made; the pages that list services are
// written from that (Renderer.SiteOutputs). A service marked draf = true is left out at
// the start of its step unless Options.Drafts asks for it, so a build publishes nothing
// of it. A build passes a Write that puts pages on
// disk and keeps only list entries, so memory does not grow with the text of the site;
// papan check passes no Write and asks for locations; the dev server keeps whole
// services in a Session, which takes a saved service file through the very same step.
package engine

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"sync/atomic"
	"time"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/parallel"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// Files that the disk side of a build adds beside the rendered site. They are named
// here so that no static file may take their place (render.StaticConflicts), in a build
// and in the dev server alike.
const (
	HeadersFile  = "_headers"        // security headers for static hosts
	ManifestFile = ".papan-keluaran" // the list of files a build wrote
)

// Options says what a run does besides reading and checking.
type Options struct {
	// BaseURL overrides site.toml's base_url when not "".
	BaseURL string
	// LinkBase, when not "", is where pages link (papan serve passes "/", so the preview
	// works at any host) while what is printed — the poster's QR code and address —
	// keeps base_url, the published address.
	LinkBase string
	// Today is the date rules measure from; zero means site.toml's kepatuhan.hari_ini,
	// else the current date.
	Today time.Time
	// Locate finds the line and column of every rule finding, while each file is at hand.
	Locate bool
	// Write, when set, writes one page of a service. It is called from several
	// goroutines, and not at all once any file has an error.
	Write func(render.Output) error
	// Templates, when set, is given the renderer before the first Write.
	Templates func(*render.Renderer)
	// Keep keeps every service whole in the site. Without it a service is reduced to
	// its ListEntry once its pages are written, which is all the lists read.
	Keep bool
	// Drafts keeps the services marked draf = true: papan check checks them and papan
	// serve shows them. Without it a run leaves them out after reading them — nothing
	// of a draft is checked, written, listed or scored — and counts them in
	// Result.Drafts: a build publishes no draft.
	Drafts bool
	// Strict makes a galat of the rulebook stop the run as a galat of the loader does:
	// no more pages are written and the error holds every problem and finding
	// (papan build --strict). Set Locate with it, for the findings to have lines.
	Strict bool
	// Cache, when set, is the build cache (cache.go): a service file whose record is
	// current is not read, checked or rendered again, and the run leaves a record of
	// every file in the cache for Cache.Save. Not with Keep.
	Cache *Cache
	// Reuse, when set, is asked whether a current record may stand for its file: the
	// build says no when the previous output no longer holds the record's pages as it
	// wrote them, and the file then goes through the step.
	Reuse func(*Record) bool
}

// Result is a site that loaded without errors.
type Result struct {
	// Site holds every OPD and page, and the services: whole with Options.Keep, else
	// their list entries.
	Site     *standard.Site
	Renderer *render.Renderer
	// Warnings are the loader's and templates' problems, located and sorted; none is
	// an error.
	Warnings standard.Problems
	// Findings are the rulebook's, sorted; located with Options.Locate.
	Findings  standard.Problems
	Dashboard *rules.Dashboard
	// Drafts is the number of services marked draf = true that the run left out
	// (always 0 with Options.Drafts).
	Drafts int

	services []serviceResult // for a Session
}

// Run reads, checks and (with opts.Write) renders the site in src. The error is
// standard.Problems holding every problem when any is an error, so an editor sees all of
// them at once; other errors are ctx's and writing's.
func Run(ctx context.Context, src fs.FS, opts Options) (*Result, error) {
	if opts.Keep {
		opts.Cache = nil // a cache keeps list entries, not whole services
	}
	p, files, problems, err := newPipeline(ctx, src, opts)
	if err != nil {
		return nil, err
	}
	if opts.Cache != nil {
		// The service files are looked at while the cache is still being read (on one
		// goroutine): each stat is taken before its file would be read, as fileSum
		// takes it, only sooner.
		p.stats = make([]fs.FileInfo, len(files))
		parallel.For(ctx, len(files), func(_ context.Context, i int) error {
			p.stats[i], _ = fs.Stat(src, files[i])
			return nil
		})
		opts.Cache.Wait() // read while the frame was
		opts.Cache.begin(len(files))
		p.keys = p.frameKeys()
		opts.Cache.frame = p.keys.frame
	}
	return p.run(ctx, files, problems)
}

// run takes every service file through the step on every CPU and puts the site
// together; problems are the frame's.
func (p *pipeline) run(ctx context.Context, files []string, problems standard.Problems) (*Result, error) {
	opts := p.opts
	results := make([]serviceResult, len(files))
	// failed stops the writing of pages once any file has an error: the site will not
	// be published, and the problems of the other files are still wanted.
	var failed atomic.Bool
	failed.Store(p.renderer == nil || problems.Errors() > 0)
	var write func(render.Output) error
	if opts.Write != nil {
		write = func(o render.Output) error {
			if failed.Load() {
				return nil
			}
			return opts.Write(o)
		}
	}
	step := func(i int) (serviceResult, error) { return p.service(files[i], write) }
	if opts.Cache != nil {
		step = func(i int) (serviceResult, error) { return p.cached(i, files[i], write) }
	}
	err := parallel.For(ctx, len(files), func(_ context.Context, i int) error {
		res, err := step(i)
		results[i] = res
		if err != nil || res.problems.Errors() > 0 || opts.Strict && res.findings.Errors() > 0 {
			failed.Store(true)
		}
		return err
	})
	if err != nil {
		var ps standard.Problems
		if !errors.As(err, &ps) {
			return nil, err
		}
		// A template that fails on some services: report it with the content's
		// problems, as papan check does.
		problems = append(problems, ps...)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if c := opts.Cache; c != nil {
		c.site = p.siteKey()
		c.unchanged = c.prev != nil && c.site == c.prevSite && len(c.prev) == len(files)
		for _, r := range results {
			c.unchanged = c.unchanged && r.cached
		}
	}
	for i := range results {
		problems = append(problems, results[i].problems...)
	}
	content.Locate(p.src, problems)
	problems.Sort()
	if problems.Errors() > 0 {
		return nil, problems
	}

	for _, res := range results {
		if res.service != nil {
			res.service.OPD.Services = append(res.service.OPD.Services, res.service)
		}
	}
	for _, o := range p.site.OPDs {
		content.SortServices(o)
	}
	res := &Result{Site: p.site, Renderer: p.renderer, Warnings: problems}
	if opts.Keep {
		// A Session takes the services' results; a build or check lets them go with
		// run, so that their findings and scores, which the dashboard copies, are not
		// held while the site-wide pages are written.
		res.services = results
	}
	for _, r := range results {
		if r.draft {
			res.Drafts++
		}
	}
	res.Findings, res.Dashboard = p.assess(results)
	if opts.Strict && res.Findings.Errors() > 0 {
		all := append(slices.Clone(problems), res.Findings...)
		all.Sort()
		return nil, all
	}
	if opts.Write == nil && !opts.Keep {
		p.renderer.SiteChangedUnwritten() // papan check: no search index to write
	} else if err := p.renderer.SiteChanged(); err != nil {
		return nil, err
	}
	if p.site.Config.Compliance.Dashboard {
		dash := res.Dashboard
		p.renderer.SetDashboard(func() *rules.Dashboard { return dash })
	}
	if ps := p.renderer.StaticConflicts(p.site.Config.Compliance.Dashboard, HeadersFile, ManifestFile); len(ps) > 0 {
		all := append(slices.Clone(problems), ps...)
		all.Sort()
		return nil, all
	}
	return res, nil
}

// assess runs the site-wide rules and assesses the site from the services' findings and
// scores, which the step made while it held each service whole.
func (p *pipeline) assess(results []serviceResult) (standard.Problems, *rules.Dashboard) {
	findings := rules.CheckSite(p.site, p.cfg, p.today)
	if p.opts.Locate {
		content.Locate(p.src, findings) // the services' own were located by the step
	}
	scores := make(map[string]rules.ServiceScore, len(results))
	n := len(findings)
	for _, res := range results {
		n += len(res.findings)
	}
	findings = slices.Grow(findings, n-len(findings))
	for i, res := range results {
		if res.service != nil {
			scores[res.file] = res.score
			findings = append(findings, res.findings...)
		}
		if !p.opts.Keep {
			results[i].findings = nil // copied: not held twice while the site is assessed
		}
	}
	findings.Sort()
	dash := rules.AssessScored(p.site, p.today, findings, scores)
	return findings, &dash
}

// Check reads and checks the site in src as papan check does: the loader's problems,
// template errors and the rulebook's findings, located and sorted, and the
// self-assessment. The dashboard is nil when any problem stopped the site from loading,
// and then only those problems are returned. today overrides the date rules measure
// from when not zero.
func Check(ctx context.Context, src fs.FS, today time.Time) (standard.Problems, *rules.Dashboard, error) {
	return CheckCached(ctx, src, today, nil)
}

// CheckCached is Check with the build cache c, or none when c is nil: the records of
// unchanged files give their findings, located, without reading the files. The caller
// saves c.
func CheckCached(ctx context.Context, src fs.FS, today time.Time, c *Cache) (standard.Problems, *rules.Dashboard, error) {
	res, err := Run(ctx, src, Options{Today: today, Locate: true, Drafts: true, Cache: c})
	var ps standard.Problems
	if errors.As(err, &ps) {
		return ps, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	all := append(slices.Clone(res.Warnings), res.Findings...)
	all.Sort()
	return all, res.Dashboard, nil
}

// Today returns the date rules measure from: override when not zero, else site.toml's
// kepatuhan.hari_ini, else the current date.
func Today(cfg standard.Config, override time.Time) time.Time {
	t := override
	if t.IsZero() {
		t = cfg.Compliance.Today.Time
	}
	if t.IsZero() {
		t = time.Now()
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
