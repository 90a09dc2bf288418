package render

import (
	"io"
	"io/fs"

	"github.com/papan-id/papan/internal/opendata"
	"github.com/papan-id/papan/internal/standard"
)

// publisher is what package opendata needs of the site.
func (r *Renderer) publisher() opendata.Publisher {
	return opendata.Publisher{Config: &r.site.Config, AbsURL: r.AbsURL}
}

// SetRecords sets where the site-wide data files (/data/layanan.json and layanan.csv)
// take each service's record from. A build, which keeps only list entries, reads back
// the layanan.json it wrote beside each page; without it the record is encoded from
// the service, which must then be whole (papan serve keeps services whole).
func (r *Renderer) SetRecords(records opendata.RecordFunc) { r.records = records }

// SetParts makes the site-wide data files joined from the OPDs' own files
// (opendata.JoinServices, JoinCSV), which open opens by their path in the output: a
// build writes those first, then the site-wide ones, without decoding any record again.
func (r *Renderer) SetParts(open func(path string) (fs.File, error)) { r.parts = open }

// part returns what opens the OPDs' files of the extension ext for joining.
func (r *Renderer) part(ext string) opendata.PartFunc {
	return func(o *standard.OPD) (fs.File, error) { return r.parts(standard.OPDDataAddress(o.Slug, ext).File) }
}

func (r *Renderer) record(s *standard.Service) ([]byte, error) {
	if r.records != nil {
		return r.records(s)
	}
	return r.publisher().ServiceJSON(s)
}

// dataOutputs lists the site-wide open data under /data/ (package opendata), then each
// OPD's share, /data/opd/<opd>.json and .csv. The feed, /perubahan.xml, is at the root,
// where feed readers look.
func (r *Renderer) dataOutputs() []Output {
	p := r.publisher()
	outs := []Output{
		{Path: standard.DataAddress(opendata.ServicesFile).File, Write: func(w io.Writer) error {
			if r.parts != nil {
				return p.JoinServices(w, r.site, r.part("json"))
			}
			return p.WriteServices(w, r.site, r.record)
		}},
		{Path: standard.DataAddress(opendata.SchemaFile).File, Write: func(w io.Writer) error { _, err := w.Write(opendata.Schema); return err }},
		{Path: standard.DataAddress(opendata.CSVFile).File, Write: func(w io.Writer) error {
			if r.parts != nil {
				return p.JoinCSV(w, r.site, r.part("csv"))
			}
			return p.WriteCSV(w, r.site, r.record)
		}},
		{Path: standard.DataAddress(opendata.CatalogFile).File, Write: func(w io.Writer) error { return p.WriteCatalog(w, r.site) }},
	}
	for _, o := range opendata.PublishedOPDs(r.site) {
		outs = append(outs,
			Output{Path: standard.OPDDataAddress(o.Slug, "json").File, Write: func(w io.Writer) error { return p.WriteOPDServices(w, r.site, o, r.record) }},
			Output{Path: standard.OPDDataAddress(o.Slug, "csv").File, Write: func(w io.Writer) error { return p.WriteOPDCSV(w, r.site, o, r.record) }})
	}
	return outs
}
