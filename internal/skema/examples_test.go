package skema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/scaffold"
	"github.com/papan-id/papan/internal/skema"
	"github.com/papan-id/papan/internal/standard"
)

var update = flag.Bool("update", false, "rewrite the schemas and .taplo.toml the example site carries")

// root is the repository's root, which is the example site.
const root = "../.."

// TestExampleSiteCarriesTheSchemas: the schemas and .taplo.toml committed with the example
// site are what the package generates, so they never drift from the model. After an
// intended change: go test ./internal/skema -run TestExampleSiteCarriesTheSchemas -update
func TestExampleSiteCarriesTheSchemas(t *testing.T) {
	want := map[string][]byte{skema.TaploConfigFile: skema.TaploConfig(skema.SchemaDir)}
	for _, k := range skema.Kinds {
		want[filepath.Join(skema.SchemaDir, skema.SchemaFile(k))] = skema.Schema(k)
	}
	for name, b := range want {
		file := filepath.Join(root, name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%v (run go test ./internal/skema -update)", err)
			continue
		}
		if !bytes.Equal(got, b) {
			t.Errorf("%s differs from what package skema generates; run go test ./internal/skema -update and review the diff", name)
		}
	}
}

// example is one content file and the kind of file it is.
type example struct {
	file string
	kind skema.Kind
}

// examples returns every content file the repository holds as an example: the example
// site, the test sites of the corpus and the build, and what papan new writes.
func examples(t *testing.T) []example {
	t.Helper()
	var out []example
	for _, site := range []string{root, filepath.Join(root, "internal/corpus/testdata/site"), filepath.Join(root, "internal/build/testdata/site"), scaffolded(t)} {
		add := func(pattern string, kind skema.Kind) {
			files, err := filepath.Glob(filepath.Join(site, pattern))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				if kind == skema.Layanan && filepath.Base(f) == "_opd.toml" {
					continue
				}
				out = append(out, example{f, kind})
			}
		}
		add("site.toml", skema.Situs)
		add("content/*/_opd.toml", skema.OPD)
		add("content/*/*.toml", skema.Layanan)
		add("content/halaman/*.md", skema.Halaman)
	}
	if len(out) < 50 {
		t.Fatalf("found only %d example files", len(out))
	}
	return out
}

// scaffolded returns a site folder holding what papan new writes: an OPD and a service.
func scaffolded(t *testing.T) string {
	dir := t.TempDir()
	if _, err := scaffold.OPD(dir, "dinas-contoh"); err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold.Service(dir, "dinas-contoh", "layanan-baru"); err != nil {
		t.Fatal(err)
	}
	return dir
}

// tomlText returns the TOML of a content file: a page's front matter, or the whole file.
func tomlText(t *testing.T, file string) string {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	if strings.HasSuffix(file, ".md") {
		rest, ok := strings.CutPrefix(s, "+++\n")
		front, _, ok2 := strings.Cut(rest, "\n+++")
		if !ok || !ok2 {
			t.Fatalf("%s: no front matter", file)
		}
		return front
	}
	return s
}

// compiled returns the schemas compiled by a JSON Schema validator other than Taplo's,
// which checks them against draft-07's metaschema as well.
func compiled(t *testing.T) map[skema.Kind]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	out := map[skema.Kind]*jsonschema.Schema{}
	for _, k := range skema.Kinds {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(skema.Schema(k)))
		if err != nil {
			t.Fatal(err)
		}
		url := "https://papan.id/skema/" + skema.SchemaFile(k)
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		if out[k], err = c.Compile(url); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
	}
	return out
}

// asJSON turns TOML text into the JSON value Taplo validates: dates become their text.
func asJSON(t *testing.T, text string) any {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(text, &m); err != nil {
		t.Fatal(err)
	}
	var conv func(v any) any
	conv = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				v[k] = conv(x)
			}
		case []map[string]any:
			out := make([]any, len(v))
			for i, x := range v {
				out[i] = conv(x)
			}
			return out
		case []any:
			for i, x := range v {
				v[i] = conv(x)
			}
		case time.Time:
			if v.Location().String() == "date-local" {
				return v.Format(time.DateOnly)
			}
			return v.Format(time.RFC3339)
		}
		return v
	}
	b, err := json.Marshal(conv(m))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// TestSchemasAcceptEveryExample checks every example file against its schema in Go,
// so that -short runs catch a schema that refuses a valid file; TestTaplo does the same
// with the Taplo CLI that editors use.
func TestSchemasAcceptEveryExample(t *testing.T) {
	schemas := compiled(t)
	for _, ex := range examples(t) {
		if err := schemas[ex.kind].Validate(asJSON(t, tomlText(t, ex.file))); err != nil {
			t.Errorf("%s (%s): %v", ex.file, ex.kind, err)
		}
	}
}

// badFiles are files each with one mistake the schema must catch as the editor types.
var badFiles = []struct {
	name  string
	kind  skema.Kind
	text  string
	taplo string // what Taplo says
}{
	{"a misspelt top-level key", skema.Layanan, "nama = \"KTP-el\"\npersyaratn = []\n", "'persyaratn' was unexpected"},
	{"a misspelt key in a table", skema.Layanan, "nama = \"KTP-el\"\n[[persyaratan]]\nnma = \"Kartu Keluarga\"\n", "'nma' was unexpected"},
	{"a top-level key below a table", skema.Layanan, "nama = \"KTP-el\"\n[[biaya]]\nuraian = \"Penerbitan\"\ngratis = true\nkategori = \"Administrasi Kependudukan\"\n", "'kategori' was unexpected"},
	{"a number in quotes", skema.Layanan, "nama = \"KTP-el\"\n[jangka_waktu]\nnilai = \"3\"\nsatuan = \"hari kerja\"\n", `"3" is not of type "integer"`},
	{"a text where a list belongs", skema.OPD, "nama = \"Dinas\"\nmisi = \"Melayani\"\n", `"Melayani" is not of type "array"`},
	{"a list of numbers for actors", skema.Layanan, "nama = \"KTP-el\"\n[[prosedur]]\nuraian = \"Verifikasi\"\npelaksana = [1, 2]\n", `1 is not of type "string"`},
	{"a requirement form outside the choices", skema.Layanan, "nama = \"KTP-el\"\n[[persyaratan]]\nnama = \"Kartu Keluarga\"\nbentuk = \"salinan\"\n", `"salinan" is not one of`},
	{"a channel kind outside the choices", skema.Situs, "judul = \"Situs\"\nwilayah = \"Kota\"\n[[pengaduan]]\njenis = \"telegram\"\nnilai = \"@kota\"\n", `"telegram" is not one of`},
	{"a duration of 0", skema.Layanan, "nama = \"KTP-el\"\n[jangka_waktu]\nnilai = 0\nsatuan = \"hari kerja\"\n", "0 is less than the minimum of 1"},
	{"a fee of 0", skema.Layanan, "nama = \"KTP-el\"\n[[biaya]]\nuraian = \"Retribusi\"\ntarif = 0\n", "0 is less than the minimum of 1"},
	{"a negative number of copies", skema.Layanan, "nama = \"KTP-el\"\n[[persyaratan]]\nnama = \"Kartu Keluarga\"\njumlah = -1\n", "-1 is less than the minimum of 0"},
	{"a fee range from 0", skema.Layanan, "nama = \"KTP-el\"\n[[biaya]]\nuraian = \"Retribusi\"\ntarif_min = 0\ntarif_maks = 5000\n", "0 is less than the minimum of 1"},
	{"a negative list limit", skema.Situs, "judul = \"Situs\"\nwilayah = \"Kota\"\n[beranda]\nbatas_daftar_lengkap = -1\n", "-1 is less than the minimum of 0"},
	{"a unit outside the choices", skema.Layanan, "nama = \"KTP-el\"\n[jangka_waktu]\nnilai = 2\nsatuan = \"minggu\"\n", `"minggu" is not one of`},
	{"a step time without a unit", skema.Layanan, "nama = \"KTP-el\"\n[[prosedur]]\nuraian = \"Verifikasi\"\nwaktu = \"sebentar\"\n", `"sebentar" does not match`},
	{"a date written day first", skema.Layanan, "nama = \"KTP-el\"\n[sk]\ntanggal = \"15-01-2024\"\n", `is not a "date"`},
	{"a requirement without its name", skema.Layanan, "nama = \"KTP-el\"\n[[persyaratan]]\nbentuk = \"asli\"\n", `"nama" is a required property`},
	{"a channel without its value", skema.OPD, "nama = \"Dinas\"\n[[pengaduan]]\njenis = \"telepon\"\n", `"nilai" is a required property`},
	{"a rule level outside the choices", skema.Situs, "judul = \"Situs\"\nwilayah = \"Kota\"\n[kepatuhan.aturan]\nSP016 = \"off\"\n", `"off" is not one of`},
	{"a rule ID misspelt", skema.Situs, "judul = \"Situs\"\nwilayah = \"Kota\"\n[kepatuhan.aturan]\nSP16 = \"mati\"\n", "'SP16' was unexpected"},
	{"a rule the loader enforces", skema.Situs, "judul = \"Situs\"\nwilayah = \"Kota\"\n[kepatuhan.aturan]\nSP001 = \"mati\"\n", "'SP001' was unexpected"},
	{"an evaluation limit of 0 months", skema.Situs, "judul = \"Situs\"\nwilayah = \"Kota\"\n[kepatuhan]\nbatas_evaluasi_bulan = 0\n", "0 is less than the minimum of 1"},
	{"a page without its title", skema.Halaman, "deskripsi = \"Tentang\"\n", `"judul" is a required property`},
}

func TestSchemasRefuseMistakes(t *testing.T) {
	schemas := compiled(t)
	for _, tc := range badFiles {
		t.Run(tc.name, func(t *testing.T) {
			if err := schemas[tc.kind].Validate(asJSON(t, tc.text)); err == nil {
				t.Errorf("%s schema accepts:\n%s", tc.kind, tc.text)
			}
		})
	}
}

// TestLoaderRefusesWhatTheSchemaRefuses: the schemas add no rule of their own. Each
// mistake a schema refuses is one the loader refuses too, so an editor is never told off
// for what papan check accepts (TestSchemasAcceptEveryExample is the other half).
func TestLoaderRefusesWhatTheSchemaRefuses(t *testing.T) {
	for _, tc := range badFiles {
		t.Run(tc.name, func(t *testing.T) {
			var ps []standard.Problem
			switch tc.kind {
			case skema.Situs:
				cfg, loaded := content.LoadConfig(fstest.MapFS{"site.toml": {Data: []byte(tc.text)}})
				ps = append(loaded, rules.CheckConfig(cfg)...) // [kepatuhan] is the rulebook's to check
			case skema.OPD:
				_, ps = content.LoadOPD(fstest.MapFS{"content/dinas/_opd.toml": {Data: []byte(tc.text)}}, "content/dinas/_opd.toml")
			case skema.Layanan:
				_, ps = content.LoadService(fstest.MapFS{"content/dinas/izin.toml": {Data: []byte(tc.text)}}, "content/dinas/izin.toml")
			case skema.Halaman:
				_, ps = content.LoadPage(fstest.MapFS{"content/halaman/x.md": {Data: []byte("+++\n" + tc.text + "+++\nIsi.\n")}}, "content/halaman/x.md")
			}
			if !slices.ContainsFunc(ps, func(p standard.Problem) bool { return p.Severity == standard.Error }) {
				t.Errorf("the loader accepts what the %s schema refuses:\n%s", tc.kind, tc.text)
			}
		})
	}
}

// TestSchemaWords: a schema carries each field's title, help, choices with their meaning
// (Taplo shows x-taplo.docs.enumValues beside each value it offers) and examples.
func TestSchemaWords(t *testing.T) {
	var s struct {
		Properties map[string]struct {
			Title       string
			Description string
			Items       struct {
				Properties map[string]map[string]any
			}
		}
	}
	if err := json.Unmarshal(skema.Schema(skema.Layanan), &s); err != nil {
		t.Fatal(err)
	}
	req := s.Properties["persyaratan"]
	if got, want := req.Title, "Persyaratan"; got != want {
		t.Errorf("persyaratan title %q, want %q", got, want)
	}
	bentuk := req.Items.Properties["bentuk"]
	if got, want := bentuk["enum"], []any{"asli", "fotokopi", "asli dan fotokopi", "elektronik"}; !slices.Equal(got.([]any), want) {
		t.Errorf("bentuk enum %v, want %v", got, want)
	}
	docs := bentuk["x-taplo"].(map[string]any)["docs"].(map[string]any)["enumValues"].([]any)
	if got, want := docs[0], "dokumen asli"; got != want {
		t.Errorf("bentuk enumValues[0] %q, want %q", got, want)
	}
	if got, want := bentuk["description"], "Bentuk dokumen yang diserahkan.\n\nPilihan:\n- \"asli\": dokumen asli\n- \"fotokopi\": fotokopi\n- \"asli dan fotokopi\": dokumen asli dan fotokopinya\n- \"elektronik\": berkas elektronik (unggahan)"; got != want {
		t.Errorf("bentuk description %q, want %q", got, want)
	}
	nama := req.Items.Properties["nama"]
	if got, want := nama["examples"], []any{"Fotokopi Kartu Keluarga"}; !slices.Equal(got.([]any), want) {
		t.Errorf("nama examples %v, want %v", got, want)
	}
}
