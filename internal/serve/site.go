package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/papan-id/papan/internal/build"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/standard"
)

// site is one good build of a site, held in memory. It is never modified once built.
type site struct {
	version string            // changes with every good build, and across restarts
	files   map[string][]byte // by output path: "index.html", "dukcapil/ktp-el/index.html", …
	css     string            // output path of the hashed stylesheet
}

// buildSite loads and renders the site in src into memory. Links are rooted at "/"
// whatever site.toml's base_url says, so the preview works at any host and port.
// The error is standard.Problems when the content or a template is at fault.
func buildSite(ctx context.Context, src fs.FS) (*site, standard.Problems, error) {
	st, warnings, err := build.Load(ctx, src, "/")
	if err != nil {
		return nil, warnings, err
	}
	r, err := build.Renderer(st, src)
	if err == nil {
		var files map[string][]byte
		if files, err = renderAll(ctx, r.Outputs()); err == nil {
			return &site{files: files, css: r.CSSPath()}, warnings, nil
		}
	}
	// A template problem: report it with the content's warnings, as papan check does.
	var ps standard.Problems
	if errors.As(err, &ps) {
		all := append(slices.Clone(warnings), ps...)
		all.Sort()
		return nil, all, all
	}
	return nil, warnings, err
}

// renderAll renders every output on all CPUs. A template that fails fails every page of
// its kind with the same problem; each distinct problem is reported once.
func renderAll(ctx context.Context, outs []render.Output) (map[string][]byte, error) {
	bufs := make([][]byte, len(outs))
	errs := make([]error, len(outs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(outs) || ctx.Err() != nil {
					return
				}
				var b bytes.Buffer
				if err := outs[i].Write(&b); err != nil {
					errs[i] = err
					continue
				}
				bufs[i] = b.Bytes()
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var (
		problems standard.Problems
		seen     = map[string]bool{}
		other    error
	)
	for i, err := range errs {
		if err == nil {
			continue
		}
		var ps standard.Problems
		if !errors.As(err, &ps) {
			if other == nil {
				other = fmt.Errorf("%s: %w", outs[i].Path, err)
			}
			continue
		}
		for _, p := range ps {
			if s := p.String(); !seen[s] {
				seen[s] = true
				problems = append(problems, p)
			}
		}
	}
	if other != nil {
		return nil, other
	}
	if len(problems) > 0 {
		problems.Sort()
		return nil, problems
	}
	files := make(map[string][]byte, len(outs))
	for i, o := range outs {
		if !fs.ValidPath(o.Path) || o.Path == "." {
			return nil, fmt.Errorf("serve: output path %q is not a valid relative path", o.Path)
		}
		files[o.Path] = bufs[i]
	}
	return files, nil
}
