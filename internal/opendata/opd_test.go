package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestOPDFiles checks each OPD's share of the open data against the site-wide files:
// data/opd/<opd>.json is valid against the schema and holds exactly that OPD's records
// of data/layanan.json, in their order, with jumlah counting them; data/opd/<opd>.csv
// has the byte-order mark, the header and exactly that OPD's rows of data/layanan.csv;
// and the OPDs' files together hold every service once. data/opd/ holds the files of
// the OPDs in data/layanan.json and no other (an OPD without a published service has
// none).
func TestOPDFiles(t *testing.T) {
	out := built(t)
	type doc struct {
		Jumlah  int               `json:"jumlah"`
		Layanan []json.RawMessage `json:"layanan"`
	}
	var all doc
	if err := json.Unmarshal(read(t, out, "data/layanan.json"), &all); err != nil {
		t.Fatal(err)
	}
	// The site's records and CSV rows by OPD, in order.
	var order []string
	records, rows := map[string][]json.RawMessage{}, map[string][][]string{}
	for _, raw := range all.Layanan {
		var r struct {
			OPD struct {
				Slug string `json:"slug"`
			} `json:"opd"`
		}
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatal(err)
		}
		if _, ok := records[r.OPD.Slug]; !ok {
			order = append(order, r.OPD.Slug)
		}
		records[r.OPD.Slug] = append(records[r.OPD.Slug], raw)
	}
	allRows := readCSV(t, read(t, out, "data/layanan.csv"))
	for _, row := range allRows[1:] {
		opd := row[3] // "OPD"
		rows[opd] = append(rows[opd], row)
	}

	files, err := filepath.Glob(filepath.Join(out, "data", "opd", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, o := range order {
		want = append(want, o+".csv", o+".json")
	}
	slices.Sort(want)
	var got []string
	for _, f := range files {
		got = append(got, filepath.Base(f))
	}
	if !slices.Equal(got, want) {
		t.Fatalf("data/opd/ holds %q, want %q", got, want)
	}

	sch := schema(t, "")
	total := 0
	for _, o := range order {
		b := read(t, out, "data/opd/"+o+".json")
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("data/opd/%s.json: %v", o, err)
		}
		var d doc
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatal(err)
		}
		if d.Jumlah != len(records[o]) || !slices.EqualFunc(d.Layanan, records[o], func(a, b json.RawMessage) bool { return bytes.Equal(a, b) }) {
			t.Errorf("data/opd/%s.json: jumlah %d with %d records, want the %d of data/layanan.json", o, d.Jumlah, len(d.Layanan), len(records[o]))
		}
		total += d.Jumlah

		c := readCSV(t, read(t, out, "data/opd/"+o+".csv"))
		if !slices.Equal(c[0], allRows[0]) {
			t.Errorf("data/opd/%s.csv: header %q", o, c[0])
		}
		if !slices.EqualFunc(c[1:], rows[o], slices.Equal) {
			t.Errorf("data/opd/%s.csv: %d rows, want the %d of data/layanan.csv", o, len(c)-1, len(rows[o]))
		}
	}
	if total != all.Jumlah {
		t.Errorf("the OPDs' files hold %d services, data/layanan.json %d", total, all.Jumlah)
	}
}

// readCSV reads a CSV file of the open data: it must start with a UTF-8 byte-order mark.
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(b, []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Fatal("a CSV file does not start with a UTF-8 byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
