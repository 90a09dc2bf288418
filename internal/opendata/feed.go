package opendata

import (
	"bufio"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// FeedEntries is how many standards the feed lists: the most recently changed. A feed
// reader keeps what it has seen, so a feed needs only the latest changes; the whole
// site is in layanan.json.
const FeedEntries = 100

// latest returns the services of site that state a date, newest first (then by id), at
// most n of them. It keeps n entries whatever the size of the site.
func latest(site *standard.Site, n int) []*standard.Service {
	var out []*standard.Service
	newer := func(a, b *standard.Service) int {
		return cmp.Or(b.LastChanged().Compare(a.LastChanged().Time), cmp.Compare(ID(a), ID(b)))
	}
	each(site, func(s *standard.Service) error {
		if s.LastChanged().IsZero() {
			return nil
		}
		if len(out) == n && newer(s, out[n-1]) >= 0 {
			return nil
		}
		i, _ := slices.BinarySearchFunc(out, s, newer)
		out = slices.Insert(out, i, s)
		if len(out) > n {
			out = out[:n]
		}
		return nil
	})
	return out
}

// modified returns the date of the newest standard of site as YYYY-MM-DD, "" when none
// states a date.
func modified(site *standard.Site) string {
	if l := latest(site, 1); len(l) > 0 {
		return date(l[0].LastChanged())
	}
	return ""
}

// what says which of its dates a standard's feed entry stands for.
func what(s *standard.Service) string {
	d := s.LastChanged()
	k := s.Decree
	switch {
	case !s.Updated.IsZero() && s.Updated.Equal(d.Time):
		return "Standar pelayanan diperbarui"
	case k != nil && k.LastEvaluation.Equal(d.Time):
		return "Standar pelayanan dievaluasi"
	case k != nil && k.Number != "":
		return "Standar pelayanan ditetapkan dengan SK Nomor " + k.Number
	}
	return "Standar pelayanan ditetapkan"
}

// feedTime writes a date as an RFC 3339 date-time, as Atom's updated needs: the start of
// the day, UTC, since a standard states a day and no time.
func feedTime(d standard.Date) string { return d.Format("2006-01-02") + "T00:00:00Z" }

// epoch dates a feed without entries: Atom requires updated, and the build's time would
// make builds differ.
const epoch = "1970-01-01T00:00:00Z"

// WriteFeed writes /perubahan.xml, an Atom feed (RFC 4287) of the FeedEntries standards
// changed last, each dated by the latest of its diperbarui, its SK's date and its last
// evaluation; a standard that states none of them is not in the feed. It reads only
// what list entries keep.
func (p Publisher) WriteFeed(w io.Writer, site *standard.Site) error {
	cfg := p.Config
	entries := latest(site, FeedEntries)
	updated := epoch
	if len(entries) > 0 {
		updated = feedTime(entries[0].LastChanged())
	}
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	lang := cmp.Or(cfg.Language, "id")
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n", esc(lang))
	fmt.Fprintf(bw, "  <id>%s</id>\n", esc(p.AbsURL(standard.FeedAddress().Path)))
	fmt.Fprintf(bw, "  <title>Perubahan standar pelayanan · %s</title>\n", esc(cfg.Title))
	fmt.Fprintf(bw, "  <updated>%s</updated>\n", updated)
	fmt.Fprintf(bw, "  <author><name>%s</name></author>\n", esc(cmp.Or(cfg.Region, cfg.Title)))
	fmt.Fprintf(bw, "  <link rel=\"self\" type=\"application/atom+xml\" href=\"%s\"/>\n", esc(p.AbsURL(standard.FeedAddress().Path)))
	fmt.Fprintf(bw, "  <link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", esc(p.AbsURL(standard.HomeAddress().Path)))
	for _, s := range entries {
		d := s.LastChanged()
		title := s.Name
		if s.OPD.Name != "" {
			title += " · " + s.OPD.Name
		}
		fmt.Fprintf(bw, "  <entry>\n    <id>%s</id>\n", esc(p.AbsURL(s.Addr().Path)))
		fmt.Fprintf(bw, "    <title>%s</title>\n", esc(title))
		fmt.Fprintf(bw, "    <updated>%s</updated>\n", feedTime(d))
		fmt.Fprintf(bw, "    <link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", esc(p.AbsURL(s.Addr().Path)))
		fmt.Fprintf(bw, "    <link rel=\"alternate\" type=\"application/json\" href=\"%s\"/>\n", esc(p.AbsURL(s.DataAddr().Path)))
		if s.Category != "" {
			fmt.Fprintf(bw, "    <category term=\"%s\"/>\n", esc(s.Category))
		}
		fmt.Fprintf(bw, "    <summary>%s tanggal %s.</summary>\n  </entry>\n", esc(what(s)), date(d))
	}
	bw.WriteString("</feed>\n")
	return bw.Flush()
}

// WriteCatalog writes /data/katalog.jsonld: a DCAT-AP catalogue with one dataset, the
// site's standards, and its distributions (layanan.json with its schema, layanan.csv,
// the feed), then one dataset per OPD, a part of the first, with the OPD's own JSON and
// CSV files; for an open-data portal's harvester. It reads only what list entries keep.
func (p Publisher) WriteCatalog(w io.Writer, site *standard.Site) error {
	cfg := p.Config
	id := func(u string) map[string]string { return map[string]string{"@id": u} }
	text := func(s string) map[string]string {
		return map[string]string{"@value": s, "@language": cmp.Or(cfg.Language, "id")}
	}
	home := p.AbsURL(standard.HomeAddress().Path)
	publisher := map[string]any{"@id": home + "#penerbit", "@type": "foaf:Agent", "foaf:name": text(cmp.Or(cfg.Region, cfg.Title))}
	lang := id("http://publications.europa.eu/resource/authority/language/IND")
	if cfg.Language == "en" {
		lang = id("http://publications.europa.eu/resource/authority/language/ENG")
	}
	desc := cmp.Or(cfg.Description, "Standar pelayanan publik "+cfg.Region+": persyaratan, prosedur, jangka waktu, biaya, produk dan saluran pengaduan setiap layanan.")
	dist := func(a standard.Address, title, media, format string) map[string]any {
		u := p.AbsURL(a.Path)
		d := map[string]any{"@id": u, "@type": "dcat:Distribution", "dct:title": text(title),
			"dcat:accessURL": id(u), "dcat:downloadURL": id(u),
			"dcat:mediaType": id("https://www.iana.org/assignments/media-types/" + media),
			"dct:format":     id("http://publications.europa.eu/resource/authority/file-type/" + format)}
		if format == "JSON" { // layanan.json and each OPD's share
			d["dct:conformsTo"] = id(p.AbsURL(standard.DataAddress(SchemaFile).Path))
		}
		return d
	}
	dataset := map[string]any{
		"@id": p.AbsURL(standard.DataAddress(ServicesFile).Path) + "#dataset", "@type": "dcat:Dataset",
		"dct:identifier":   cmp.Or(cfg.RegionCode, home) + "/standar-pelayanan",
		"dct:title":        text("Standar Pelayanan Publik " + cfg.Region),
		"dct:description":  text(desc),
		"dct:publisher":    publisher,
		"dct:language":     lang,
		"dcat:landingPage": id(home),
		"dcat:keyword":     []any{text("standar pelayanan"), text("pelayanan publik"), text(cfg.Region)},
		"dcat:theme":       id("http://publications.europa.eu/resource/authority/data-theme/GOVE"),
		"dcat:distribution": []any{
			dist(standard.DataAddress(ServicesFile), "Standar pelayanan (JSON)", "application/json", "JSON"),
			dist(standard.DataAddress(CSVFile), "Standar pelayanan (CSV)", "text/csv", "CSV"),
			dist(standard.FeedAddress(), "Perubahan standar pelayanan (Atom)", "application/atom+xml", "ATOM"),
		},
	}
	if c := cfg.Contact; c.Email != "" || c.Phone != "" {
		cp := map[string]any{"@type": "vcard:Organization", "vcard:fn": cmp.Or(cfg.Region, cfg.Title)}
		if c.Email != "" {
			cp["vcard:hasEmail"] = id("mailto:" + c.Email)
		}
		if c.Phone != "" {
			cp["vcard:hasTelephone"] = c.Phone
		}
		dataset["dcat:contactPoint"] = cp
	}
	if cfg.RegionCode != "" {
		dataset["dct:spatial"] = map[string]any{"@type": "dct:Location", "dct:identifier": cfg.RegionCode, "skos:prefLabel": text(cfg.Region)}
	}
	catalog := map[string]any{
		"@context": map[string]string{
			"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
			"vcard": "http://www.w3.org/2006/vcard/ns#", "skos": "http://www.w3.org/2004/02/skos/core#",
			"xsd": "http://www.w3.org/2001/XMLSchema#",
		},
		"@id": p.AbsURL(standard.DataAddress(CatalogFile).Path), "@type": "dcat:Catalog",
		"dct:title":       text(cfg.Title),
		"dct:description": text(desc),
		"dct:publisher":   publisher,
		"dct:language":    lang,
		"foaf:homepage":   id(home),
	}
	if m := modified(site); m != "" {
		v := map[string]string{"@value": m, "@type": "xsd:date"}
		catalog["dct:modified"], dataset["dct:modified"] = v, v
	}
	catalog["dcat:dataset"] = append([]any{dataset}, p.opdDatasets(site, dataset, text, id, dist)...)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(catalog)
}
