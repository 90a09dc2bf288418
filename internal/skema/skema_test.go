package skema

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

// walk calls fn for every field of every kind.
func walk(fn func(k Kind, f *Field)) {
	var rec func(k Kind, fs []*Field)
	rec = func(k Kind, fs []*Field) {
		for _, f := range fs {
			fn(k, f)
			rec(k, f.Fields)
		}
	}
	for _, k := range Kinds {
		rec(k, Fields(k))
	}
}

// TestEveryFieldIsDescribed: a key the loader decodes without a title and a description
// in docs.go would be a form field without a label and a schema key without help.
func TestEveryFieldIsDescribed(t *testing.T) {
	walk(func(k Kind, f *Field) {
		if f.Title == "" || f.Description == "" {
			t.Errorf("%s: %s has no title or description in docs.go", k, f.Path)
		}
	})
}

// TestEveryDocNamesAField: a description of a key the loader no longer decodes, or of a
// type no content file holds, is stale.
func TestEveryDocNamesAField(t *testing.T) {
	reached := map[reflect.Type]bool{}
	var rec func(t reflect.Type)
	rec = func(t reflect.Type) {
		if reached[t] {
			return
		}
		reached[t] = true
		for _, f := range standard.TOMLFields(t) {
			if ft := t.Field(f.Index).Type; ft != dateType && ft != stepTimeType && structOf(ft).Kind() == reflect.Struct {
				rec(structOf(ft))
			}
		}
	}
	for _, r := range roots {
		rec(r)
	}
	for typ, ds := range docs {
		if !reached[typ] {
			t.Errorf("docs.go describes %s, which no content file holds", typ)
			continue
		}
		var keys []string
		for _, f := range standard.TOMLFields(typ) {
			keys = append(keys, f.Name)
		}
		for i, d := range ds {
			if !slices.Contains(keys, d.key) {
				t.Errorf("docs.go describes %s.%s, which is no key of it (keys: %s)", typ.Name(), d.key, strings.Join(keys, ", "))
			}
			if slices.ContainsFunc(ds[:i], func(o doc) bool { return o.key == d.key }) {
				t.Errorf("docs.go describes %s.%s twice", typ.Name(), d.key)
			}
		}
	}
}

// TestFieldsFollowTheScaffold: the fields of a service and an OPD come in the order the
// scaffold writes their keys, so the form and the file read alike.
func TestFieldsFollowTheScaffold(t *testing.T) {
	keyRE := regexp.MustCompile(`(?m)^#? ?(\[\[?[a-z_.]+\]\]?|[a-z_]+) *=?`)
	for _, tc := range []struct {
		kind Kind
		file string
	}{{Layanan, "../scaffold/layanan.toml"}, {OPD, "../scaffold/opd.toml"}} {
		b, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		tc := struct {
			kind Kind
			text string
		}{tc.kind, string(b)}
		// The scaffold's keys, each as a path: a key below a header belongs to its table.
		table := ""
		var paths []string
		for _, m := range keyRE.FindAllStringSubmatch(tc.text, -1) {
			k := m[1]
			if strings.HasPrefix(k, "[") {
				table = strings.Trim(k, "[]")
				k = table
			} else if table != "" {
				k = table + "." + k
			}
			if Lookup(tc.kind, k) == nil {
				continue // a word of a comment that looks like a key
			}
			if !slices.Contains(paths, k) {
				paths = append(paths, k)
			}
		}
		if len(paths) < 10 {
			t.Fatalf("%s: found only %d keys in the scaffold: %v", tc.kind, len(paths), paths)
		}
		// Each key's position among its siblings in Fields must grow as the scaffold goes.
		last := map[string]int{}
		for _, p := range paths {
			parent, key := "", p
			if i := strings.LastIndexByte(p, '.'); i >= 0 {
				parent, key = p[:i], p[i+1:]
			}
			sibs := Fields(tc.kind)
			if parent != "" {
				sibs = Lookup(tc.kind, parent).Fields
			}
			pos := slices.IndexFunc(sibs, func(f *Field) bool { return f.Key == key })
			if prev, ok := last[parent]; ok && pos < prev {
				t.Errorf("%s: %s comes before %s in the scaffold but after it in Fields", tc.kind, p, join(parent, sibs[prev].Key))
			}
			last[parent] = pos
		}
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		kind       Kind
		path       string
		title      string
		typ        Type
		required   bool
		nestedKeys int
	}{
		{Layanan, "nama", "Nama layanan", String, true, 0},
		{Layanan, "persyaratan", "Persyaratan", TableList, false, 8},
		{Layanan, "persyaratan.bentuk", "Bentuk", String, false, 0},
		{Layanan, "prosedur.pelaksana", "Pelaksana", Texts, false, 0},
		{Layanan, "prosedur.waktu", "Waktu langkah", StepTime, false, 0},
		{Layanan, "prosedur.hasil.jika", "Jika", String, true, 0},
		{Layanan, "jangka_waktu", "Jangka waktu pelayanan", TableOrList, false, 6},
		{Layanan, "jangka_waktu.satuan", "Satuan", String, true, 0},
		{Layanan, "biaya.tarif", "Tarif", Integer, false, 0},
		{Layanan, "sk.tanggal", "Tanggal SK", Date, false, 0},
		{Layanan, "sarana_prasarana", "Sarana, prasarana, dan/atau fasilitas", Markdown, false, 0},
		{OPD, "misi", "Misi", MarkdownList, false, 0},
		{OPD, "maklumat.teks", "Teks maklumat", Markdown, true, 0},
		{Situs, "kepatuhan.aturan", "Tingkat aturan", Map, false, 0},
		{Situs, "pencarian.sinonim.sama_dengan", "Sama dengan", StringList, true, 0},
		{Situs, "terbitkan_pengelolaan", "Terbitkan komponen pengelolaan", Boolean, false, 0},
		{Halaman, "judul", "Judul halaman", String, true, 0},
	} {
		f := Lookup(tc.kind, tc.path)
		if f == nil {
			t.Errorf("Lookup(%s, %q) = nil", tc.kind, tc.path)
			continue
		}
		if f.Path != tc.path || f.Title != tc.title || f.Type != tc.typ || f.Required != tc.required || len(f.Fields) != tc.nestedKeys {
			t.Errorf("Lookup(%s, %q) = {%s %q %s required=%v %d fields}, want {%s %q %s required=%v %d fields}",
				tc.kind, tc.path, f.Path, f.Title, f.Type, f.Required, len(f.Fields), tc.path, tc.title, tc.typ, tc.required, tc.nestedKeys)
		}
	}
	for _, p := range []string{"", "persyaratn", "nama.x", "persyaratan.nama.x"} {
		if f := Lookup(Layanan, p); f != nil {
			t.Errorf("Lookup(layanan, %q) = %s, want nil", p, f.Path)
		}
	}
}

// TestChoicesAreTheModels: the allowed values are the lists package standard checks
// against, in its order.
func TestChoicesAreTheModels(t *testing.T) {
	values := func(cs []Choice) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Value)
		}
		return out
	}
	str := func(xs ...any) []string {
		var out []string
		for _, x := range xs {
			out = append(out, reflect.ValueOf(x).String())
		}
		return out
	}
	var kinds, units []any
	for _, k := range standard.ChannelKinds {
		kinds = append(kinds, k)
	}
	for _, u := range standard.DurationUnits {
		units = append(units, u)
	}
	for _, tc := range []struct {
		kind Kind
		path string
		want []string
	}{
		{Layanan, "persyaratan.bentuk", standard.RequirementForms},
		{Layanan, "persyaratan.jenis", standard.RequirementKinds},
		{Layanan, "produk.bentuk", standard.ProductForms},
		{Layanan, "pengaduan.jenis", str(kinds...)},
		{OPD, "pengaduan.jenis", str(kinds...)},
		{Situs, "pengaduan.jenis", str(kinds...)},
		{Layanan, "jangka_waktu.satuan", str(units...)},
		{Situs, "bahasa", []string{"id", "en"}},
		{Situs, "kepatuhan.aturan", []string{"galat", "peringatan", "mati"}},
	} {
		if got := values(Lookup(tc.kind, tc.path).Choices); !slices.Equal(got, tc.want) {
			t.Errorf("%s %s: choices %q, want %q", tc.kind, tc.path, got, tc.want)
		}
	}
	walk(func(k Kind, f *Field) {
		for _, c := range f.Choices {
			if c.Title == "" {
				t.Errorf("%s %s: choice %q has no meaning", k, f.Path, c.Value)
			}
		}
	})
}
