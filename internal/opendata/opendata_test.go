package opendata_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/papan-id/papan/internal/build"
	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/opendata"
	"github.com/papan-id/papan/internal/standard"
	"github.com/piprate/json-gold/ld"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// built builds the repository's example site once per test into a temporary folder.
func built(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Options{Src: os.DirFS("../.."), Out: out}); err != nil {
		t.Fatal(err)
	}
	return out
}

func read(t *testing.T, out, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func schema(t *testing.T, ref string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(opendata.Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("https://example.org/layanan.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("https://example.org/layanan.schema.json" + ref)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// TestServicesValidAgainstSchema validates the example site's data/layanan.json, and
// every service's own layanan.json, against the published schema, and checks that the
// site-wide file holds exactly the services' own files, in the order of the pages.
func TestServicesValidAgainstSchema(t *testing.T) {
	out := built(t)
	all := read(t, out, "data/layanan.json")
	if got := read(t, out, "data/layanan.schema.json"); !bytes.Equal(got, opendata.Schema) {
		t.Error("data/layanan.schema.json is not the schema")
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(all))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema(t, "").Validate(inst); err != nil {
		t.Fatalf("data/layanan.json: %v", err)
	}
	var doc struct {
		KodeWilayah string            `json:"kode_wilayah"`
		Jumlah      int               `json:"jumlah"`
		Layanan     []json.RawMessage `json:"layanan"`
	}
	if err := json.Unmarshal(all, &doc); err != nil {
		t.Fatal(err)
	}
	if got, want := doc.KodeWilayah, "99.71"; got != want {
		t.Errorf("kode_wilayah = %q, want %q", got, want)
	}
	site, _, err := content.Load(context.Background(), os.DirFS("../.."))
	if err != nil || site == nil {
		t.Fatal(err)
	}
	var ids []string
	for _, o := range site.OPDs {
		for _, s := range o.Services {
			if !s.Draft {
				ids = append(ids, opendata.ID(s))
			}
		}
	}
	if got, want := doc.Jumlah, len(ids); got != want || len(doc.Layanan) != want {
		t.Fatalf("jumlah = %d with %d records, want %d", got, len(doc.Layanan), want)
	}
	one := schema(t, "#/$defs/layanan")
	for i, raw := range doc.Layanan {
		var rec opendata.Record
		if err := json.Unmarshal(raw, &rec); err != nil {
			t.Fatal(err)
		}
		if rec.ID != ids[i] {
			t.Errorf("record %d is %q, want %q", i, rec.ID, ids[i])
		}
		own := read(t, out, rec.ID+"/layanan.json")
		var compact bytes.Buffer
		json.Compact(&compact, own)
		if !bytes.Equal(compact.Bytes(), raw) {
			t.Errorf("%s: data/layanan.json differs from its own layanan.json", rec.ID)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(own))
		if err != nil {
			t.Fatal(err)
		}
		if err := one.Validate(inst); err != nil {
			t.Errorf("%s/layanan.json: %v", rec.ID, err)
		}
	}
}

// TestRecordHoldsEveryComponent checks one service field by field against its file.
func TestRecordHoldsEveryComponent(t *testing.T) {
	out := built(t)
	var rec opendata.Record
	if err := json.Unmarshal(read(t, out, "dpmptsp/pbg/layanan.json"), &rec); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name      string
		got, want any
	}{
		{"id", rec.ID, "dpmptsp/pbg"},
		{"OPD", rec.OPD.Slug, "dpmptsp"},
		{"OPD fax, as written", rec.OPD.Kontak.Faks, "(021) 555-0141"},
		{"region code", rec.KodeWilayah, "99.71"},
		{"requirements", len(rec.Persyaratan), 10},
		{"steps", len(rec.Prosedur), 8},
		{"steps numbered on across stages", rec.Prosedur[4].Nomor, 5},
		{"several actors", strings.Join(rec.Prosedur[2].Pelaksana, "|"), "Tim Profesi Ahli / Tim Penilai Teknis|Pemohon"},
		{"outcomes", len(rec.Prosedur[2].Hasil), 3},
		{"step time", rec.Prosedur[1].Waktu, "1-3 hari kerja"},
		{"durations", len(rec.JangkaWaktu), 2},
		{"working days have no ISO 8601", rec.JangkaWaktu[0].ISO8601, ""},
		{"fee kind", rec.Biaya[0].Jenis, "tetap"},
		{"fee amount", rec.Biaya[0].Tarif, int64(9000)},
		{"free fee", rec.Biaya[2].Jenis, "gratis"},
		{"currency", rec.Biaya[0].MataUang, "IDR"},
		{"products", len(rec.Produk), 3},
		{"legal bases", len(rec.DasarHukum), 7},
		{"special care", len(rec.Khusus), 2},
		{"SK date", rec.SK.Tanggal, "2025-05-19"},
		{"management published", rec.Pengelolaan["jumlah_pelaksana"] != "", true},
		{"complaints from the OPD when the service has none", len(rec.Pengaduan) > 0, true},
	} {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

// TestCSVReadsBack reads data/layanan.csv with encoding/csv: a byte-order mark, the
// header, one row per service of layanan.json, in its order.
func TestCSVReadsBack(t *testing.T) {
	out := built(t)
	rows := readCSV(t, read(t, out, "data/layanan.csv"))
	if !slices.Equal(rows[0], opendata.CSVHeader) {
		t.Errorf("header = %q", rows[0])
	}
	var doc struct {
		Layanan []opendata.Record `json:"layanan"`
	}
	if err := json.Unmarshal(read(t, out, "data/layanan.json"), &doc); err != nil {
		t.Fatal(err)
	}
	if got, want := len(rows)-1, len(doc.Layanan); got != want {
		t.Fatalf("%d rows, want %d", got, want)
	}
	col := func(name string) int { return slices.Index(opendata.CSVHeader, name) }
	for i, rec := range doc.Layanan {
		row := rows[i+1]
		if row[col("ID")] != rec.ID || row[col("Nama Layanan")] != rec.Nama || row[col("Nama OPD")] != rec.OPD.Nama {
			t.Errorf("row %d = %q…, want %s", i+1, row[:6], rec.ID)
		}
		if got, want := len(strings.Split(row[col("Persyaratan")], "\n")), len(rec.Persyaratan); len(rec.Persyaratan) > 0 && got != want {
			t.Errorf("%s: %d requirements in the cell, want %d", rec.ID, got, want)
		}
		if rec.ID == "dpmptsp/pbg" {
			if got, want := strings.Split(row[col("Biaya")], "\n")[0], "Retribusi PBG bangunan gedung fungsi hunian (rumah tinggal), per m² luas lantai: Rp9.000"; got != want {
				t.Errorf("fee = %q, want %q", got, want)
			}
			if got, want := row[col("Gratis")], "tidak"; got != want {
				t.Errorf("gratis = %q, want %q", got, want)
			}
		}
	}
}

// TestCatalogDCATAP parses data/katalog.jsonld with a JSON-LD processor and checks
// DCAT-AP's mandatory properties: a catalogue's title, description, publisher and
// dataset; a dataset's title and description; a distribution's access URL; an agent's
// name.
func TestCatalogDCATAP(t *testing.T) {
	out := built(t)
	var doc any
	if err := json.Unmarshal(read(t, out, "data/katalog.jsonld"), &doc); err != nil {
		t.Fatal(err)
	}
	proc := ld.NewJsonLdProcessor()
	flat, err := proc.Flatten(doc, nil, ld.NewJsonLdOptions(""))
	if err != nil {
		t.Fatal(err)
	}
	const (
		dcat = "http://www.w3.org/ns/dcat#"
		dct  = "http://purl.org/dc/terms/"
		foaf = "http://xmlns.com/foaf/0.1/"
	)
	nodes := map[string]map[string]any{}
	byType := map[string][]map[string]any{}
	for _, n := range flat.([]any) {
		m := n.(map[string]any)
		nodes[m["@id"].(string)] = m
		if ts, ok := m["@type"].([]any); ok {
			for _, ty := range ts {
				byType[ty.(string)] = append(byType[ty.(string)], m)
			}
		}
	}
	mandatory := []struct {
		typ   string
		props []string
	}{
		{dcat + "Catalog", []string{dct + "title", dct + "description", dct + "publisher", dcat + "dataset"}},
		{dcat + "Dataset", []string{dct + "title", dct + "description"}},
		{dcat + "Distribution", []string{dcat + "accessURL"}},
		{foaf + "Agent", []string{foaf + "name"}},
	}
	for _, m := range mandatory {
		if len(byType[m.typ]) == 0 {
			t.Errorf("no %s", m.typ)
		}
		for _, n := range byType[m.typ] {
			for _, p := range m.props {
				if _, ok := n[p]; !ok {
					t.Errorf("%s %s has no %s", m.typ, n["@id"], p)
				}
			}
		}
	}
	// The site's three, then each OPD's JSON and CSV in a dataset that is part of the site's.
	site, _, err := content.Load(context.Background(), os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	opds := 0
	for _, o := range site.OPDs {
		if slices.ContainsFunc(o.Services, func(s *standard.Service) bool { return !s.Draft }) {
			opds++
		}
	}
	if got, want := len(byType[dcat+"Distribution"]), 3+2*opds; got != want {
		t.Errorf("%d distributions, want %d", got, want)
	}
	const whole = "https://standar.kotacontoh.go.id/data/layanan.json#dataset"
	parts := 0
	for _, d := range byType[dcat+"Dataset"] {
		if d["@id"] == whole {
			continue
		}
		parts++
		if got, ok := d[dct+"isPartOf"].([]any); !ok || got[0].(map[string]any)["@id"] != whole {
			t.Errorf("dataset %s is not part of %s: %v", d["@id"], whole, d[dct+"isPartOf"])
		}
		if got := len(d[dcat+"distribution"].([]any)); got != 2 {
			t.Errorf("dataset %s has %d distributions, want its JSON and CSV", d["@id"], got)
		}
	}
	if parts != opds {
		t.Errorf("%d datasets of an OPD, want %d", parts, opds)
	}
	// Every distribution's file is in the build.
	for _, d := range byType[dcat+"Distribution"] {
		u := d[dcat+"accessURL"].([]any)[0].(map[string]any)["@id"].(string)
		p := strings.TrimPrefix(u, "https://standar.kotacontoh.go.id/")
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("distribution %s: %v", u, err)
		}
	}
}

// atom is what RFC 4287 requires of a feed and its entries (section 4.1).
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Authors []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// TestFeedAtom checks perubahan.xml for RFC 4287's required elements, and that it dates
// standards by the dates they state, newest first.
func TestFeedAtom(t *testing.T) {
	out := built(t)
	var f atom
	if err := xml.Unmarshal(read(t, out, "perubahan.xml"), &f); err != nil {
		t.Fatal(err)
	}
	if f.ID == "" || f.Title == "" || f.Updated == "" || len(f.Authors) == 0 || f.Authors[0].Name == "" {
		t.Errorf("feed lacks id, title, updated or author: %+v", f)
	}
	if !slices.ContainsFunc(f.Links, func(l struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	}) bool {
		return l.Rel == "self" && l.Href == "https://standar.kotacontoh.go.id/perubahan.xml"
	}) {
		t.Errorf("no rel=self link: %+v", f.Links)
	}
	if len(f.Entries) == 0 {
		t.Fatal("no entries")
	}
	ids := map[string]bool{}
	for i, e := range f.Entries {
		if e.ID == "" || e.Title == "" || e.Updated == "" || len(e.Links) == 0 || e.Summary == "" {
			t.Errorf("entry %d lacks a required element: %+v", i, e)
		}
		if ids[e.ID] {
			t.Errorf("entry id %s twice", e.ID)
		}
		ids[e.ID] = true
		if i > 0 && e.Updated > f.Entries[i-1].Updated {
			t.Errorf("entry %d (%s) is newer than the one before it", i, e.Updated)
		}
	}
	if f.Updated != f.Entries[0].Updated {
		t.Errorf("feed updated %s, newest entry %s", f.Updated, f.Entries[0].Updated)
	}
	// The newest date any standard of the example states is an evaluation date.
	if got, want := f.Updated, "2026-10-06T00:00:00Z"; got != want {
		t.Errorf("updated = %s, want %s", got, want)
	}
}

// TestFeedDates: a standard is dated by the latest of diperbarui, its SK date and its
// last evaluation; one that states none is not in the feed; a feed without entries is
// still valid, dated at the epoch rather than the build.
func TestFeedDates(t *testing.T) {
	site := func(files map[string]string) *standard.Site {
		fsys := fstest.MapFS{"site.toml": {Data: []byte("judul = \"Uji\"\nwilayah = \"Kota Uji\"\nbase_url = \"https://uji.go.id/\"\n")},
			"content/dinas/_opd.toml": {Data: []byte("nama = \"Dinas\"\n")}}
		for name, body := range files {
			fsys["content/dinas/"+name+".toml"] = &fstest.MapFile{Data: []byte("nama = \"" + name + "\"\ndraf = true\n" + body)}
		}
		s, ps, err := content.Load(context.Background(), fsys)
		if err != nil || s == nil {
			t.Fatal(err, ps)
		}
		return s
	}
	p := opendata.Publisher{Config: &standard.Config{Title: "Uji", Region: "Kota Uji"},
		AbsURL: func(p string) string { return "https://uji.go.id" + p }}
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  []string // entries as "updated title summary"
	}{
		{"no dates, no entries", map[string]string{"a": ""}, nil},
		{"the latest of the three dates", map[string]string{
			"a": "diperbarui = 2025-03-01\n[sk]\nnomor = \"1\"\ntanggal = 2025-01-01\nevaluasi_terakhir = 2025-02-01\n",
			"b": "[sk]\nnomor = \"2\"\ntanggal = 2025-01-01\nevaluasi_terakhir = 2025-04-01\n",
			"c": "[sk]\nnomor = \"3/2024\"\ntanggal = 2024-01-01\n",
		}, []string{
			"2025-04-01T00:00:00Z b · Dinas Standar pelayanan dievaluasi tanggal 2025-04-01.",
			"2025-03-01T00:00:00Z a · Dinas Standar pelayanan diperbarui tanggal 2025-03-01.",
			"2024-01-01T00:00:00Z c · Dinas Standar pelayanan ditetapkan dengan SK Nomor 3/2024 tanggal 2024-01-01.",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := p.WriteFeed(&b, site(tt.files)); err != nil {
				t.Fatal(err)
			}
			var f atom
			if err := xml.Unmarshal(b.Bytes(), &f); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range f.Entries {
				got = append(got, e.Updated+" "+e.Title+" "+e.Summary)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(tt.want) == 0 && f.Updated != "1970-01-01T00:00:00Z" {
				t.Errorf("updated = %s for a feed without entries", f.Updated)
			}
		})
	}
}

// TestDataDeterministic builds the example twice: every data file is byte for byte the
// same, since nothing in them comes from the clock.
func TestDataDeterministic(t *testing.T) {
	a, b := built(t), built(t)
	files := []string{"data/layanan.json", "data/layanan.csv", "data/katalog.jsonld", "perubahan.xml", "dpmptsp/pbg/layanan.json",
		"data/opd/dpmptsp.json", "data/opd/dpmptsp.csv"}
	for _, f := range files {
		if !bytes.Equal(read(t, a, f), read(t, b, f)) {
			t.Errorf("%s differs between two builds", f)
		}
	}
	// And data/layanan.json read back from the build equals one encoded from whole services.
	site, _, err := content.Load(context.Background(), os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range site.OPDs {
		o.Services = slices.DeleteFunc(o.Services, func(s *standard.Service) bool { return s.Draft })
	}
	p := opendata.Publisher{Config: &site.Config, AbsURL: func(p string) string { return "https://standar.kotacontoh.go.id" + p }}
	var whole bytes.Buffer
	if err := p.WriteServices(&whole, site, p.ServiceJSON); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(whole.Bytes(), read(t, a, "data/layanan.json")) {
		t.Error("data/layanan.json from the build differs from one encoded from whole services")
	}
	whole.Reset()
	if err := p.WriteCSV(&whole, site, p.ServiceJSON); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(whole.Bytes(), read(t, a, "data/layanan.csv")) {
		t.Error("data/layanan.csv from the build differs from one encoded from whole services")
	}
}

// TestJoinIsWrite: the site-wide files joined from the OPDs' files are byte for byte
// those written from the records, with an OPD of no published service among the others.
func TestJoinIsWrite(t *testing.T) {
	site, _, err := content.Load(context.Background(), os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range site.OPDs {
		o.Services = slices.DeleteFunc(o.Services, func(s *standard.Service) bool { return s.Draft })
	}
	site.OPDs = append(site.OPDs[:1:1], append([]*standard.OPD{{Slug: "kosong", Name: "Kosong"}}, site.OPDs[1:]...)...)
	if n := len(opendata.PublishedOPDs(site)); n < 2 {
		t.Fatalf("the example site has %d OPDs with services; the test wants at least 2", n)
	}
	p := opendata.Publisher{Config: &site.Config, AbsURL: func(p string) string { return "https://standar.kotacontoh.go.id" + p }}
	tests := []struct {
		name  string
		write func(io.Writer, *standard.Site, opendata.RecordFunc) error
		opd   func(io.Writer, *standard.Site, *standard.OPD, opendata.RecordFunc) error
		join  func(io.Writer, *standard.Site, opendata.PartFunc) error
	}{
		{"layanan.json", p.WriteServices, p.WriteOPDServices, p.JoinServices},
		{"layanan.csv", p.WriteCSV, p.WriteOPDCSV, p.JoinCSV},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want bytes.Buffer
			if err := tt.write(&want, site, p.ServiceJSON); err != nil {
				t.Fatal(err)
			}
			parts := fstest.MapFS{}
			for _, o := range opendata.PublishedOPDs(site) {
				var b bytes.Buffer
				if err := tt.opd(&b, site, o, p.ServiceJSON); err != nil {
					t.Fatal(err)
				}
				parts[o.Slug] = &fstest.MapFile{Data: b.Bytes()}
			}
			open := func(o *standard.OPD) (fs.File, error) { return parts.Open(o.Slug) }
			var got bytes.Buffer
			if err := tt.join(&got, site, open); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("joined (%d bytes) differs from written (%d bytes)", got.Len(), want.Len())
			}
			// A part that is not an OPD's file is refused, not joined.
			first := opendata.PublishedOPDs(site)[0].Slug
			parts[first] = &fstest.MapFile{Data: []byte("bukan berkas OPD")}
			if err := tt.join(io.Discard, site, open); err == nil {
				t.Error("a damaged part was joined without an error")
			}
		})
	}
}
