package build

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/parallel"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// A build streams services: each is read, checked, scored and its own pages written by
// one worker, after which only its ListEntry is kept for the pages that list services.
// Memory then holds the lists (a few hundred bytes per service) and the pages being
// written, not the whole text of every standard: a 200,000-service site is built in
// well under the memory its content would take.

// stream is what streaming a site produces.
type stream struct {
	site      *standard.Site // services hold only their ListEntry
	renderer  *render.Renderer
	problems  standard.Problems // the loader's and templates', located and sorted
	findings  standard.Problems // the rulebook's, sorted; located when locate was set
	dashboard rules.Dashboard
}

// streamOptions says what to do with each service as it streams past.
type streamOptions struct {
	baseURL string
	today   time.Time // zero: site.toml's kepatuhan.hari_ini or the current date
	// write, when set, writes one page of a service. It is called from several
	// goroutines, and not at all once any file has an error.
	write func(render.Output) error
	// templates, when set, is given the renderer before the first write.
	templates func(*render.Renderer)
	// locate finds the line and column of each rule finding while its file is at hand.
	locate bool
}

// serviceResult is what a worker keeps of one service file.
type serviceResult struct {
	entry    *standard.Service // nil when the file has errors or no OPD
	findings standard.Problems
	score    rules.ServiceScore
	problems []standard.Problem // the loader's
}

// runStream reads, checks and (with opts.write) renders the site in src. The error is
// standard.Problems holding every problem when any is an error, so an editor sees all of
// them at once; the other errors are for ctx and for writing.
func runStream(ctx context.Context, src fs.FS, opts streamOptions) (*stream, error) {
	site, files, problems, err := content.LoadFrame(ctx, src)
	if err != nil {
		return nil, err
	}
	if problems.Errors() == 0 {
		problems = append(problems, rules.CheckConfig(&site.Config)...)
	}
	if opts.baseURL != "" {
		site.Config.BaseURL = opts.baseURL
	}
	var r *render.Renderer
	if problems.Errors() == 0 {
		if r, err = Templates(site, src); err != nil {
			var ps standard.Problems
			if !errors.As(err, &ps) {
				return nil, err
			}
			problems = append(problems, ps...)
		}
	}
	if r != nil && opts.templates != nil {
		opts.templates(r)
	}
	cfg := rules.ConfigFrom(site.Config.Compliance)
	today := Today(site.Config, opts.today)
	opds := make(map[string]*standard.OPD, len(site.OPDs))
	for _, o := range site.OPDs {
		opds[o.Slug] = o
	}

	results := make([]serviceResult, len(files))
	var strs sync.Map // requirement names, categories and keywords, kept once each
	intern := func(s string) string {
		if v, ok := strs.Load(s); ok {
			return v.(string)
		}
		c := strings.Clone(s) // the key too: s may share the memory of its whole file
		v, _ := strs.LoadOrStore(c, c)
		return v.(string)
	}
	// failed stops the writing of pages once any file has an error: the build will not
	// be published, and the errors of the other files are still worth collecting.
	var failed atomic.Bool
	failed.Store(problems.Errors() > 0 || r == nil)
	service := func(i int) error {
		res := &results[i]
		svc, ps := content.LoadService(src, files[i])
		res.problems = ps
		if svc == nil {
			failed.Store(true)
			return nil
		}
		o := opds[path.Base(path.Dir(files[i]))]
		if o == nil {
			return nil // the OPD's missing or broken _opd.toml is already a problem
		}
		svc.OPD = o
		res.findings = rules.CheckService(site, cfg, today, svc)
		res.score = rules.ScoreService(site, cfg, today, svc, res.findings)
		if opts.locate {
			content.Locate(src, res.findings)
		}
		if opts.write != nil && !failed.Load() {
			for _, out := range r.ServiceOutputs(svc) {
				if err := opts.write(out); err != nil {
					failed.Store(true)
					return err
				}
			}
		}
		res.entry = svc.ListEntry(intern)
		return nil
	}
	if err := parallel.For(ctx, len(files), func(_ context.Context, i int) error { return service(i) }); err != nil {
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

	for i := range results {
		problems = append(problems, results[i].problems...)
	}
	content.Locate(src, problems)
	problems.Sort()
	if problems.Errors() > 0 {
		return &stream{problems: problems}, problems
	}

	scores := make(map[string]rules.ServiceScore, len(results))
	findings := rules.CheckSite(site, cfg, today)
	for _, res := range results {
		if res.entry == nil {
			continue
		}
		res.entry.OPD.Services = append(res.entry.OPD.Services, res.entry)
		scores[res.entry.File] = res.score
		findings = append(findings, res.findings...)
	}
	for _, o := range site.OPDs {
		content.SortServices(o)
	}
	// The site-wide findings are few; the per-service ones were located by the workers.
	if opts.locate {
		content.Locate(src, findings)
	}
	findings.Sort()
	st := &stream{site: site, renderer: r, problems: problems, findings: findings,
		dashboard: rules.AssessScored(site, today, findings, scores)}
	if err := r.SiteChanged(); err != nil {
		return nil, err
	}
	if site.Config.Compliance.Dashboard {
		r.SetDashboard(func() *rules.Dashboard { return &st.dashboard })
	}
	if ps := staticConflicts(r, site); len(ps) > 0 {
		all := append(slices.Clone(problems), ps...)
		all.Sort()
		return &stream{problems: all}, all
	}
	return st, nil
}

// Check reads and checks the site in src as papan check does: the loader's problems,
// template errors and the rulebook's findings, located and sorted, and the
// self-assessment. The dashboard is nil when any problem stopped the site from loading,
// and then only those problems are returned. today overrides the date rules measure
// from when not zero.
func Check(ctx context.Context, src fs.FS, today time.Time) (standard.Problems, *rules.Dashboard, error) {
	st, err := runStream(ctx, src, streamOptions{today: today, locate: true})
	var ps standard.Problems
	if errors.As(err, &ps) {
		return ps, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	all := append(slices.Clone(st.problems), st.findings...)
	all.Sort()
	return all, &st.dashboard, nil
}
