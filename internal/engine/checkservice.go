package engine

import (
	"io/fs"
	"slices"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/standard"
)

// CheckService takes file, a service file as src has it (the form editor passes the
// site with the file's unsaved bytes in place), through the step against the frame of
// the site as the session last loaded it — site.toml, the OPDs, the rulebook's settings
// — and returns the loader's problems and the rulebook's findings on that file, located
// and sorted: what papan check says of the file, since every site-wide finding is on
// site.toml or an _opd.toml. The session is not changed. ok is false before a good full
// load, after a failed one, and when file is not a service file of an OPD the session
// has: the caller then checks the whole site.
func (s *Session) CheckService(src fs.FS, file string) (ps standard.Problems, ok bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.pipe == nil || s.stale {
		return nil, false
	}
	opd, _, skip, isService := content.ServiceFile(file)
	if skip || !isService || s.pipe.opds[opd] == nil {
		return nil, false
	}
	opts := s.pipe.opts
	opts.Locate, opts.Drafts, opts.Keep = true, true, true
	p := &pipeline{src: src, opts: opts, site: s.pipe.site, cfg: s.pipe.cfg, today: s.pipe.today, opds: s.pipe.opds}
	res, _ := p.service(file, nil) // no write: no error
	content.Locate(src, res.problems)
	ps = append(slices.Clone(res.problems), res.findings...)
	ps.Sort()
	return ps, true
}
