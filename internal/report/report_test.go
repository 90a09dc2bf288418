package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/report"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var today = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// fixture is a small site with a mix of findings: an OPD with no Maklumat and a service
// with several gaps.
var fixture = fstest.MapFS{
	"site.toml":               {Data: []byte("judul = \"Uji\"\nwilayah = \"Kota Uji\"\n\n[[pengaduan]]\njenis = \"whatsapp\"\nnilai = \"0812\"\n")},
	"content/dinas/_opd.toml": {Data: []byte("nama = \"Dinas Uji\"\nvisi = \"Prima.\"\nmisi = [\"Melayani.\"]\nmoto = \"Siap\"\n")},
	"content/dinas/layanan.toml": {Data: []byte(`nama = "Layanan Uji"

[[persyaratan]]
nama = "KTP"

[[prosedur]]
uraian = "Serahkan berkas"
pelaksana = "Pemohon"

[jangka_waktu]
nilai = 1
satuan = "hari kerja"

[[biaya]]
uraian = "Biaya"
gratis = true
keterangan = "Seikhlasnya"

[[produk]]
nama = "Surat"
`)},
}

func check(t *testing.T) (standard.Problems, *rules.Dashboard) {
	t.Helper()
	site, ps, err := content.Load(context.Background(), fixture)
	if err != nil || site == nil {
		t.Fatal(err, ps)
	}
	cfg := rules.ConfigFrom(site.Config.Compliance)
	ps = append(ps, rules.Check(site, cfg, today)...)
	content.Locate(fixture, ps)
	ps.Sort()
	d := rules.Assess(site, cfg, today, ps)
	return ps, &d
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; review and run go test -update.\ngot:\n%s", file, got)
	}
}

func TestJSONGolden(t *testing.T) {
	ps, d := check(t)
	var buf bytes.Buffer
	if err := report.JSON(&buf, ps, d, today); err != nil {
		t.Fatal(err)
	}
	golden(t, "check.json", buf.Bytes())
}

func TestTextGolden(t *testing.T) {
	ps, d := check(t)
	var buf bytes.Buffer
	report.Text(&buf, ps, d, false)
	buf.WriteString("\n")
	report.Summary(&buf, *d)
	golden(t, "check.txt", buf.Bytes())
	if strings.Contains(buf.String(), "\x1b[") {
		t.Error("colour without a terminal")
	}
}

func TestSARIFValidates(t *testing.T) {
	ps, _ := check(t)
	ps = append(ps, standard.Problem{File: "content/x.toml", Severity: standard.Error, Message: "berkas tidak dapat dibaca"})
	var buf bytes.Buffer
	if err := report.SARIF(&buf, ps, "test"); err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, err := range validateSARIF(doc) {
		t.Error(err)
	}
	schemaSrc, err := os.ReadFile("testdata/sarif-schema-2.1.0-excerpt.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(schemaSrc, &schema); err != nil {
		t.Fatal(err)
	}
	for _, err := range schemaValidate(schema, doc) {
		t.Errorf("schema: %v", err)
	}
	if t.Failed() {
		t.Logf("SARIF:\n%s", buf.Bytes())
	}
}

func TestSARIFValidatorRejects(t *testing.T) {
	bad := map[string]any{"version": "2.0.0", "runs": []any{map[string]any{
		"tool":    map[string]any{"driver": map[string]any{}},
		"results": []any{map[string]any{"ruleId": "SP001", "level": "fatal", "message": map[string]any{}}},
	}}}
	if errs := validateSARIF(bad); len(errs) < 4 {
		t.Errorf("validator accepted a broken log: %v", errs)
	}
	schemaSrc, _ := os.ReadFile("testdata/sarif-schema-2.1.0-excerpt.json")
	var schema map[string]any
	json.Unmarshal(schemaSrc, &schema)
	var doc any
	raw, _ := json.Marshal(bad)
	json.Unmarshal(raw, &doc)
	doc.(map[string]any)["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)["ruleID"] = "typo"
	errs := schemaValidate(schema, doc)
	for _, want := range []string{"$.version: 2.0.0 not in enum", `$.runs[0].tool.driver: required property "name" missing`,
		"$.runs[0].results[0].level: fatal not in enum", "$.runs[0].results[0].message: matches none of anyOf",
		`$.runs[0].results[0]: property "ruleID" not allowed`} {
		if !strings.Contains(fmt.Sprint(errs), want) {
			t.Errorf("schema validator did not report %s; got %v", want, errs)
		}
	}
}
