package render

import (
	"bytes"
	"html/template"
	"io"

	"github.com/papan-id/papan/internal/standard"
)

// sitemapLimit is the most addresses one sitemap file may list: the sitemaps.org
// protocol allows 50,000 (and 50 MB, which 50,000 addresses of a Papan site stay far
// under). A site of 50,000 services or more has more addresses than that.
const sitemapLimit = 50000

// sitemapCount is the number of addresses the sitemap lists: the home page, every OPD,
// service, category and standalone page.
func (r *Renderer) sitemapCount() int {
	n := 1 + len(r.site.OPDs) + len(categories(r.site)) + len(r.site.Pages)
	for _, o := range r.site.OPDs {
		n += len(o.Services)
	}
	return n
}

// sitemapOutputs returns sitemap.xml, and when the site has more than limit addresses,
// its parts: sitemap.xml is then a sitemap index of /sitemap-1.xml, /sitemap-2.xml, …,
// each listing limit addresses in the order of the single sitemap. robots.txt names
// sitemap.xml either way.
func (r *Renderer) sitemapOutputs(limit int) []Output {
	n := r.sitemapCount()
	if n <= limit {
		return []Output{{Path: standard.SitemapAddress().File, Write: r.sitemap}}
	}
	parts := (n + limit - 1) / limit
	outs := []Output{{Path: standard.SitemapAddress().File, Write: func(w io.Writer) error {
		var b bytes.Buffer
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		b.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for i := 1; i <= parts; i++ {
			b.WriteString("  <sitemap><loc>")
			template.HTMLEscape(&b, []byte(r.AbsURL(standard.SitemapPartAddress(i).Path)))
			b.WriteString("</loc></sitemap>\n")
		}
		b.WriteString("</sitemapindex>\n")
		_, err := w.Write(b.Bytes())
		return err
	}}}
	for i := 1; i <= parts; i++ {
		outs = append(outs, Output{Path: standard.SitemapPartAddress(i).File,
			Write: func(w io.Writer) error { return r.sitemapPart(w, (i-1)*limit, i*limit) }})
	}
	return outs
}
