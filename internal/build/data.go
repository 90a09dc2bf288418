package build

import (
	"context"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/opendata"
	"github.com/papan-id/papan/internal/parallel"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/standard"
)

// writeSite writes the site-wide outputs (render.Renderer.SiteOutputs) in two rounds:
// first each OPD's open-data files, then the rest, the site's data files first (they
// are the longest; see longestFirst), which are joined from the OPDs' files
// (opendata.JoinServices) rather than made again from every service's record.
//
// With the build cache (c not nil) and a previous output, an open-data file whose
// services all kept their records — its ListKey is the one it was made from, in
// c.Made — and which the previous output holds as recorded is kept as it is, not made:
// a change to one service makes its OPD's files and the site's again, and no other
// OPD's. c.Made is then set to this build's keys, for c.Save.
func (w *writer) writeSite(ctx context.Context, site *standard.Site, outs []render.Output, c *engine.Cache) error {
	keys := map[string][sha256.Size]byte{}
	opdFiles := map[string]bool{}
	published := opendata.PublishedOPDs(site)
	lists := make([][]*standard.Service, len(published))
	for i, o := range published {
		lists[i] = o.Services
		files := []string{standard.OPDDataAddress(o.Slug, "json").File, standard.OPDDataAddress(o.Slug, "csv").File}
		k, ok := c.ListKey(o.Services)
		for _, f := range files {
			opdFiles[f] = true
			if ok {
				keys[f] = k
			}
		}
	}
	if k, ok := c.ListKey(lists...); ok {
		keys[standard.DataAddress(opendata.ServicesFile).File] = k
		keys[standard.DataAddress(opendata.CSVFile).File] = k
	}
	var opds, rest []render.Output
	for _, o := range outs {
		if opdFiles[o.Path] {
			opds = append(opds, o)
		} else {
			rest = append(rest, o)
		}
	}
	var keysMu sync.Mutex
	for _, round := range [][]render.Output{opds, longestFirst(rest)} {
		err := parallel.For(ctx, len(round), func(_ context.Context, i int) error {
			o := round[i]
			if c != nil && o.Key != nil {
				k := c.PageKey(o.Key)
				keysMu.Lock()
				keys[o.Path] = k
				keysMu.Unlock()
			}
			if c != nil && w.prev != nil {
				keysMu.Lock()
				k, ok := keys[o.Path]
				keysMu.Unlock()
				if ok && c.Made[o.Path] == k {
					if old := w.prev[o.Path]; old != nil && w.same(old) {
						w.keep(old)
						return nil
					}
				}
			}
			if madeHook != nil {
				madeHook(o.Path)
			}
			return w.write(o)
		})
		if err != nil {
			return err
		}
	}
	if c != nil {
		c.Made = keys
	}
	return nil
}

// madeHook, when set (by tests), is told the path of every site-wide file writeSite
// makes rather than keeps. It is called from several goroutines.
var madeHook func(path string)

// open opens the file p of the new output: in the temporary folder, or, for a file the
// build left as it was, in the previous output.
func (w *writer) open(p string) (fs.File, error) {
	name := filepath.FromSlash(p)
	f, err := os.Open(filepath.Join(w.dir, name))
	if errors.Is(err, fs.ErrNotExist) && w.prev != nil {
		f, err = os.Open(filepath.Join(w.out, name))
	}
	return f, err
}
