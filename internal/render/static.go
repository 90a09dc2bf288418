package render

import (
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// StaticConflicts reports every file in the site's static/ folder that would take the
// place of a file Papan makes: a page (the home page, an OPD's, a service's or its
// poster, a category's, a standalone page's, 404.html, the dashboard's), sitemap.xml,
// robots.txt, a hashed asset, or one of reserved, the files the caller writes beside
// the renderer's (the build's _headers and its manifest). It also reports a static file
// where Papan needs a folder (static/dinas as a file, beside content/dinas/) and a
// static folder named like a file Papan makes (static/sitemap.xml/…). Without this one
// of the two would be published at random, or the build would fail on the disk.
//
// dashboard says whether the compliance dashboard is published. Call it once the site
// holds its services, and after SiteChanged, which names the search index. The cost is
// one walk of static/ and, for services, only those of OPDs whose folder static/ also
// has: nothing that grows with the site when static/ holds a logo and a favicon.
func (r *Renderer) StaticConflicts(dashboard bool, reserved ...string) standard.Problems {
	if r.own == nil {
		return nil
	}
	files := map[string]bool{} // the site's published static files
	dirs := map[string]bool{}  // and the folders that hold them
	var ps standard.Problems
	fs.WalkDir(r.own, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !published(p, d) {
			return nil
		}
		if strings.ContainsFunc(p, isControl) {
			// The manifest lists one path a line; such a name could not be listed, and
			// a host would not serve it anyway.
			q := strconv.Quote(p)
			ps = append(ps, staticProblem(q[1:len(q)-1], "nama berkas ini memuat karakter kendali (baris baru, tab, …)",
				"Ganti nama berkas dengan huruf, angka, tanda hubung dan titik saja."))
			return nil
		}
		files[p] = true
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
		return nil
	})
	if len(files) == 0 {
		return ps
	}

	if r.searchStale {
		if err := r.SiteChanged(); err != nil {
			return append(ps, staticProblem("cari.js", "skrip pencarian tema tidak dapat dibaca", "Periksa berkas static/cari.js situs."))
		}
	}
	generated := r.generatedOutputs(dashboard)
	for _, o := range r.site.OPDs {
		if dirs[o.Slug] || files[o.Slug] {
			for _, s := range o.Services {
				generated = append(generated, r.ServiceOutputs(s)...)
			}
		}
	}
	reported := map[string]bool{}
	report := func(p, msg string) {
		if !reported[p] {
			reported[p] = true
			ps = append(ps, staticProblem(p, msg, "Ganti nama atau hapus berkas ini. Papan membuat berkas itu sendiri; tampilan halaman diubah lewat templat di layouts/."))
		}
	}
	check := func(g string) {
		if files[g] {
			report(g, fmt.Sprintf("berkas ini akan menimpa %s yang dibuat Papan", g))
		}
		for d := path.Dir(g); d != "."; d = path.Dir(d) {
			if files[d] {
				report(d, fmt.Sprintf("berkas ini memakai nama folder %s/ tempat Papan menulis %s", d, g))
			}
		}
		if dirs[g] {
			for p := range files {
				if strings.HasPrefix(p, g+"/") {
					report(p, fmt.Sprintf("berkas ini berada di folder %s/, padahal Papan membuat berkas %s", g, g))
				}
			}
		}
	}
	for _, o := range generated {
		check(o.Path)
	}
	for _, g := range reserved {
		check(g)
	}
	ps.Sort()
	return ps
}

func staticProblem(p, msg, hint string) standard.Problem {
	// Line 1, column 1: the file as a whole, which may not be text.
	return standard.Problem{File: "static/" + p, Line: 1, Col: 1, Severity: standard.Error, Message: msg, Hint: hint}
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }
