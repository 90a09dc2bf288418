package opendata

import (
	"io"

	"github.com/papan-id/papan/internal/standard"
)

// Each OPD's services are also published on their own, /data/opd/<opd>.json and
// /data/opd/<opd>.csv (standard.OPDDataAddress), in the same form as the site-wide
// files: at 200,000 services /data/layanan.json is over a gigabyte, and an OPD, or a
// portal that takes one OPD's data, wants its own few megabytes
// (docs/performance.md).

// PublishedOPDs returns the OPDs of site that have a published service, in the order
// of the pages: those that get their own files.
func PublishedOPDs(site *standard.Site) []*standard.OPD {
	var out []*standard.OPD
	for _, o := range site.OPDs {
		if len(o.Services) > 0 {
			out = append(out, o)
		}
	}
	return out
}

// only is site narrowed to the one OPD o, so that the site-wide writers write o's file:
// the same form, jumlah counting o's services.
func only(site *standard.Site, o *standard.OPD) *standard.Site {
	one := *site
	one.OPDs = []*standard.OPD{o}
	return &one
}

// WriteOPDServices writes /data/opd/<opd>.json: WriteServices for o's services alone.
func (p Publisher) WriteOPDServices(w io.Writer, site *standard.Site, o *standard.OPD, records RecordFunc) error {
	return p.WriteServices(w, only(site, o), records)
}

// WriteOPDCSV writes /data/opd/<opd>.csv: WriteCSV for o's services alone.
func (p Publisher) WriteOPDCSV(w io.Writer, site *standard.Site, o *standard.OPD, records RecordFunc) error {
	return p.WriteCSV(w, only(site, o), records)
}

// opdDatasets returns the catalogue's dataset of each OPD's files: a part
// (dct:isPartOf) of the site's dataset parent, whose language, theme, keywords, place
// and contact point it shares, published by the OPD (the node its page's JSON-LD names
// "<page>#opd"), with the JSON and CSV distributions.
func (p Publisher) opdDatasets(site *standard.Site, parent map[string]any,
	text func(string) map[string]string, id func(string) map[string]string,
	dist func(a standard.Address, title, media, format string) map[string]any) []any {
	var out []any
	for _, o := range PublishedOPDs(site) {
		page := p.AbsURL(o.Addr().Path)
		d := map[string]any{
			"@id": p.AbsURL(standard.OPDDataAddress(o.Slug, "json").Path) + "#dataset", "@type": "dcat:Dataset",
			"dct:identifier":   parent["dct:identifier"].(string) + "/" + o.Slug,
			"dct:isPartOf":     id(parent["@id"].(string)),
			"dct:title":        text("Standar Pelayanan Publik " + o.Name),
			"dct:description":  text("Standar pelayanan publik " + o.Name + " (" + p.Config.Region + "): bagian dari data standar pelayanan seluruh perangkat daerah."),
			"dct:publisher":    map[string]any{"@id": page + "#opd", "@type": "foaf:Agent", "foaf:name": text(o.Name)},
			"dcat:landingPage": id(page),
			"dcat:distribution": []any{
				dist(standard.OPDDataAddress(o.Slug, "json"), "Standar pelayanan "+o.Name+" (JSON)", "application/json", "JSON"),
				dist(standard.OPDDataAddress(o.Slug, "csv"), "Standar pelayanan "+o.Name+" (CSV)", "text/csv", "CSV"),
			},
		}
		for _, k := range []string{"dct:language", "dcat:theme", "dcat:keyword", "dct:spatial", "dcat:contactPoint"} {
			if v, ok := parent[k]; ok {
				d[k] = v
			}
		}
		if m := modified(only(site, o)); m != "" {
			d["dct:modified"] = map[string]string{"@value": m, "@type": "xsd:date"}
		}
		out = append(out, d)
	}
	return out
}
