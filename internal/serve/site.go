package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/parallel"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/standard"
)

// defaultEagerLimit is the size of site, in files, up to which every file is rendered
// when a template or the site's settings change, so that a template error on any page
// shows at once. A bigger site renders its pages when they are requested: the page an
// editor has open costs a millisecond, the whole site seconds.
const defaultEagerLimit = 2000

// site is one version of the site: the outputs of a good update of the session, each
// rendered on its first request and kept. A later version replaces it whole.
type site struct {
	version string
	sess    *engine.Session
	outs    map[string]render.Output // by output path: "index.html", "dukcapil/ktp-el/index.html", …
	css     string                   // output path of the hashed stylesheet

	mu    sync.Mutex
	files map[string][]byte // the outputs rendered so far
}

// newSite lists the outputs of the session as it now is.
func newSite(sess *engine.Session) (*site, error) {
	outs := sess.Outputs()
	st := &site{sess: sess, css: sess.CSSPath(), outs: make(map[string]render.Output, len(outs)),
		files: map[string][]byte{}}
	for _, o := range outs {
		if !fs.ValidPath(o.Path) || o.Path == "." {
			return nil, fmt.Errorf("serve: output path %q is not a valid relative path", o.Path)
		}
		st.outs[o.Path] = o
	}
	return st, nil
}

func (st *site) has(name string) bool {
	_, ok := st.outs[name]
	return ok
}

// file returns the bytes of the output name, rendering it if no request has yet.
func (st *site) file(name string) ([]byte, error) {
	st.mu.Lock()
	b, ok := st.files[name]
	st.mu.Unlock()
	if ok {
		return b, nil
	}
	o, ok := st.outs[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	var buf bytes.Buffer
	if err := st.sess.Render(o, &buf); err != nil {
		return nil, err
	}
	if err := render.CheckRefused(o.Path, buf.Bytes()); err != nil {
		return nil, err
	}
	st.mu.Lock()
	st.files[name] = buf.Bytes()
	st.mu.Unlock()
	return buf.Bytes(), nil
}

// eager lists the outputs to render before the version is published. After a save of
// service files only: the pages of those services and of their OPDs, whatever the size
// of the site, so the page an editor has open is ready at once; other pages render when
// requested. After a full load (a template, site.toml, a first build): every file of a
// site of up to limit files, so a template error on any page shows at once, and one page
// of each kind of a bigger site.
func (st *site) eager(change engine.Change, limit int) []render.Output {
	var list []render.Output
	if !change.Full {
		for _, f := range change.Services {
			opd, slug, _, _ := content.ServiceFile(f)
			for _, a := range []standard.Address{standard.ServiceAddress(opd, slug), standard.PosterAddress(opd, slug), standard.OPDAddress(opd)} {
				if o, ok := st.outs[a.File]; ok {
					list = append(list, o)
				}
			}
		}
		return list
	}
	kinds := map[string]bool{}
	for _, o := range st.outs {
		if len(st.outs) <= limit || o.Kind != "" && !kinds[o.Kind] {
			kinds[o.Kind] = true
			list = append(list, o)
		}
	}
	return list
}

// render renders list on all CPUs and keeps the results. A template that fails fails
// every page of its kind with the same problem; each distinct problem is reported once.
func (st *site) render(ctx context.Context, list []render.Output) error {
	bufs := make([][]byte, len(list))
	errs := make([]error, len(list))
	// Every page is tried, and each distinct problem reported, so no error stops the rest.
	if err := parallel.For(ctx, len(list), func(_ context.Context, i int) error {
		var b bytes.Buffer
		err := st.sess.Render(list[i], &b)
		if err == nil {
			err = render.CheckRefused(list[i].Path, b.Bytes())
		}
		if err != nil {
			errs[i] = err
			return nil
		}
		bufs[i] = b.Bytes()
		return nil
	}); err != nil {
		return err
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
				other = fmt.Errorf("%s: %w", list[i].Path, err)
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
		return other
	}
	if len(problems) > 0 {
		problems.Sort()
		return problems
	}
	st.mu.Lock()
	for i, o := range list {
		st.files[o.Path] = bufs[i]
	}
	st.mu.Unlock()
	return nil
}
