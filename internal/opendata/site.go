package opendata

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// Schema is the JSON Schema (draft 2020-12) of layanan.json, published as
// /data/layanan.schema.json. Each element of its "layanan" is a Record, and so is each
// service's own layanan.json ("$defs/layanan").
//
//go:embed layanan.schema.json
var Schema []byte

// The names of the site-wide files under /data/.
const (
	ServicesFile = "layanan.json"
	SchemaFile   = "layanan.schema.json"
	CSVFile      = "layanan.csv"
	CatalogFile  = "katalog.jsonld"
)

// RecordFunc returns the layanan.json of a service (ServiceJSON's bytes). A build reads
// back the file it wrote; a caller holding whole services encodes them.
type RecordFunc func(s *standard.Service) ([]byte, error)

// each calls fn with the services of site in the order pages list them.
func each(site *standard.Site, fn func(s *standard.Service) error) error {
	for _, o := range site.OPDs {
		for _, s := range o.Services {
			if err := fn(s); err != nil {
				return err
			}
		}
	}
	return nil
}

func count(site *standard.Site) int {
	n := 0
	for _, o := range site.OPDs {
		n += len(o.Services)
	}
	return n
}

// WriteServices writes /data/layanan.json: the site, then every record, one a line, in
// the order of the site's pages. It holds one record at a time.
func (p Publisher) WriteServices(w io.Writer, site *standard.Site, records RecordFunc) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	head, err := p.servicesHead(site)
	if err != nil {
		return err
	}
	bw.Write(head)
	first := true
	err = each(site, func(s *standard.Service) error {
		rec, err := records(s)
		if err != nil {
			return err
		}
		// ServiceJSON's record is one line of JSON; checked, as a build reads it back.
		// Whether it is JSON at all is not checked again here: the same bytes are
		// decoded for layanan.csv (WriteCSV), which fails the build on a bad record,
		// and a scan of every record cost as much as copying them.
		rec = bytes.TrimSuffix(rec, []byte("\n"))
		if bytes.IndexByte(rec, '\n') >= 0 {
			return fmt.Errorf("opendata: %s: the record is not one line of JSON", ID(s))
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		bw.WriteString("\n")
		_, err = bw.Write(rec)
		return err
	})
	if err != nil {
		return err
	}
	bw.WriteString(servicesTail)
	return bw.Flush()
}

// servicesTail ends layanan.json after its last record.
const servicesTail = "\n]}\n"

// servicesHead is the start of layanan.json for site, up to the "[" that opens its
// records.
func (p Publisher) servicesHead(site *standard.Site) ([]byte, error) {
	cfg := p.Config
	head := struct {
		Schema      string `json:"$schema"`
		Judul       string `json:"judul"`
		Wilayah     string `json:"wilayah"`
		KodeWilayah string `json:"kode_wilayah,omitempty"`
		URL         string `json:"url"`
		Jumlah      int    `json:"jumlah"`
	}{p.AbsURL(standard.DataAddress(SchemaFile).Path), cfg.Title, cfg.Region, cfg.RegionCode,
		p.AbsURL(standard.HomeAddress().Path), count(site)}
	b, err := json.Marshal(head)
	if err != nil {
		return nil, err
	}
	// Without its closing brace: the services follow.
	return append(b[:len(b)-1], `,"layanan":[`...), nil
}

// CSVHeader is the header row of layanan.csv.
var CSVHeader = []string{"ID", "Kode Wilayah", "Wilayah", "OPD", "Nama OPD", "Nama Layanan", "Kategori", "Ringkasan",
	"Persyaratan", "Jumlah Langkah Prosedur", "Jangka Waktu", "Biaya", "Gratis", "Produk", "Saluran Pengaduan",
	"Dasar Hukum", "Nomor SK", "Tanggal SK", "Evaluasi Terakhir", "Diperbarui", "Tautan Daring", "Alamat Halaman", "Data JSON"}

// bom is the byte-order mark Excel needs to read a CSV file as UTF-8.
const bom = "\uFEFF"

// WriteCSV writes /data/layanan.csv: one row per service with the columns a
// spreadsheet user expects, lists one item a line within a cell. It holds one record
// at a time.
func (p Publisher) WriteCSV(w io.Writer, site *standard.Site, records RecordFunc) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(csvHead())
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true // as Excel writes it
	err := each(site, func(s *standard.Service) error {
		b, err := records(s)
		if err != nil {
			return err
		}
		var r csvRecord
		if err := json.Unmarshal(b, &r); err != nil {
			return fmt.Errorf("opendata: %s: %w", ID(s), err)
		}
		return cw.Write(p.csvRow(s, &r))
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvHead is the start of layanan.csv: the byte-order mark and the header row.
func csvHead() []byte {
	var b bytes.Buffer
	b.WriteString(bom)
	cw := csv.NewWriter(&b)
	cw.UseCRLF = true
	cw.Write(CSVHeader)
	cw.Flush()
	return b.Bytes()
}

// The site-wide files from the OPDs' files
//
// Each OPD's /data/opd/<opd>.json and .csv hold that OPD's services as the site-wide
// files do, in the same form, and the site-wide files list the OPDs' services one OPD
// after the other: so the site-wide files are the OPDs' files joined, each without its
// head (and, for the JSON, its tail). A build writes the OPDs' files first and joins
// them (JoinServices, JoinCSV), which decodes no record again and, with the build
// cache, reads only the files of the OPDs whose services changed. The bytes are those
// of WriteServices and WriteCSV (TestJoinIsWrite).

// PartFunc opens the file WriteOPDServices or WriteOPDCSV wrote for o. The file must
// implement io.ReaderAt, as *os.File does.
type PartFunc func(o *standard.OPD) (fs.File, error)

// JoinServices writes /data/layanan.json, the bytes WriteServices writes, from the
// files of PublishedOPDs(site) that open returns.
func (p Publisher) JoinServices(w io.Writer, site *standard.Site, open PartFunc) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	head, err := p.servicesHead(site)
	if err != nil {
		return err
	}
	bw.Write(head)
	for i, o := range PublishedOPDs(site) {
		h, err := p.servicesHead(only(site, o))
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',') // between the last record of one OPD and the first of the next
		}
		if err := copyPart(bw, open, o, h, servicesTail); err != nil {
			return err
		}
	}
	bw.WriteString(servicesTail)
	return bw.Flush()
}

// JoinCSV writes /data/layanan.csv, the bytes WriteCSV writes, from the files of
// PublishedOPDs(site) that open returns.
func (p Publisher) JoinCSV(w io.Writer, site *standard.Site, open PartFunc) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	head := csvHead()
	bw.Write(head)
	for _, o := range PublishedOPDs(site) {
		if err := copyPart(bw, open, o, head, ""); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// copyPart copies o's file to w without head and tail, which it checks are there.
func copyPart(w io.Writer, open PartFunc, o *standard.OPD, head []byte, tail string) error {
	f, err := open(o)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	ra, ok := f.(io.ReaderAt)
	if !ok {
		return fmt.Errorf("opendata: the file of %s cannot be read at an offset", o.Slug)
	}
	size, ends := fi.Size(), make([]byte, len(head)+len(tail))
	if size < int64(len(ends)) {
		return fmt.Errorf("opendata: the file of %s is not its part of the site's", o.Slug)
	}
	_, err = ra.ReadAt(ends[:len(head)], 0)
	if err == nil {
		_, err = ra.ReadAt(ends[len(head):], size-int64(len(tail)))
	}
	if err != nil && !(errors.Is(err, io.EOF) && len(tail) == 0) {
		return err
	}
	if !bytes.Equal(ends[:len(head)], head) || string(ends[len(head):]) != tail {
		return fmt.Errorf("opendata: the file of %s is not its part of the site's", o.Slug)
	}
	_, err = io.Copy(w, io.NewSectionReader(ra, int64(len(head)), size-int64(len(head)+len(tail))))
	return err
}

// csvRecord is what a CSV row reads of a Record: the same JSON names, without the
// fields no column shows, so that decoding the record of every service skips them
// rather than allocating them (the steps were a third of the bytes decoded).
type csvRecord struct {
	ID          string `json:"id"`
	URL         string `json:"url"`
	Wilayah     string `json:"wilayah"`
	KodeWilayah string `json:"kode_wilayah"`
	OPD         struct {
		Slug string `json:"slug"`
		Nama string `json:"nama"`
	} `json:"opd"`
	Nama        string        `json:"nama"`
	Kategori    string        `json:"kategori"`
	Ringkasan   string        `json:"ringkasan"`
	Tautan      string        `json:"tautan_daring"`
	SK          *SK           `json:"sk"`
	Diperbarui  string        `json:"diperbarui"`
	Persyaratan []named       `json:"persyaratan"`
	Prosedur    elements      `json:"prosedur"`
	JangkaWaktu []JangkaWaktu `json:"jangka_waktu"`
	Biaya       []Biaya       `json:"biaya"`
	Produk      []named       `json:"produk"`
	Pengaduan   []channel     `json:"pengaduan"`
	DasarHukum  []DasarHukum  `json:"dasar_hukum"`
}

type channel struct {
	Jenis string   `json:"jenis"`
	Nilai []string `json:"nilai"`
}

type named struct {
	Nama string `json:"nama"`
}

// elements is the number of elements of a JSON array, counted without decoding them.
type elements int

// UnmarshalJSON counts the values at the top level of the array b, which
// encoding/json has already checked to be valid JSON.
func (n *elements) UnmarshalJSON(b []byte) error {
	*n = 0
	depth, inString, empty := 0, false, true
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
			empty = false
		case c == '[' || c == '{':
			depth++
			if depth > 1 {
				empty = false
			}
		case c == ']' || c == '}':
			depth--
		case c == ',' && depth == 1:
			*n++
		case c != ' ' && c != '\t' && c != '\n' && c != '\r' && depth >= 1:
			empty = false // a number, true, false or null
		}
	}
	if !empty {
		*n++
	}
	return nil
}

func lines[T any](items []T, f func(T) string) string {
	var out []string
	for _, it := range items {
		if s := f(it); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n")
}

func (p Publisher) csvRow(s *standard.Service, r *csvRecord) []string {
	sk := SK{}
	if r.SK != nil {
		sk = *r.SK
	}
	// Gratis only when the standard states fees and says every one is free, as pages do.
	free := "tidak"
	if len(r.Biaya) > 0 {
		free = "ya"
		for _, b := range r.Biaya {
			if b.Jenis != "gratis" {
				free = "tidak"
			}
		}
	}
	return []string{
		r.ID, r.KodeWilayah, r.Wilayah, r.OPD.Slug, r.OPD.Nama, r.Nama, r.Kategori, r.Ringkasan,
		lines(r.Persyaratan, func(q named) string { return q.Nama }),
		strconv.Itoa(int(r.Prosedur)),
		lines(r.JangkaWaktu, durationText),
		lines(r.Biaya, feeText),
		free,
		lines(r.Produk, func(q named) string { return q.Nama }),
		lines(r.Pengaduan, func(c channel) string { return strings.TrimSpace(c.Jenis + ": " + strings.Join(c.Nilai, ", ")) }),
		lines(r.DasarHukum, lawText),
		sk.Nomor, sk.Tanggal, sk.EvaluasiTerakhir, r.Diperbarui, r.Tautan, r.URL,
		p.AbsURL(s.DataAddr().Path),
	}
}

func durationText(d JangkaWaktu) string {
	t := strconv.Itoa(d.Nilai)
	if d.PalingLama > d.Nilai {
		t += "-" + strconv.Itoa(d.PalingLama)
	}
	t += " " + d.Satuan
	if d.Label != "" {
		t = d.Label + ": " + t
	}
	return t
}

func rupiah(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return "Rp" + b.String()
}

func feeText(f Biaya) string {
	var v string
	switch f.Jenis {
	case "gratis":
		v = "Gratis"
	case "tetap":
		v = rupiah(f.Tarif)
	case "rentang":
		v = rupiah(f.TarifMin) + "–" + rupiah(f.TarifMaks)
	case "ketentuan":
		v = f.Ketentuan
	}
	return f.Uraian + ": " + v
}

func lawText(l DasarHukum) string {
	t := l.Jenis
	if l.Nomor != "" {
		t += " Nomor " + l.Nomor
	}
	if l.Tahun != 0 {
		t += " Tahun " + strconv.Itoa(l.Tahun)
	}
	if l.Judul != "" {
		t += " tentang " + l.Judul
	}
	return t
}
