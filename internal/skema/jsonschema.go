package skema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// The JSON Schemas follow draft-07, the newest draft Taplo 0.9 (@taplo/cli 0.7, the
// language server of VS Code's Even Better TOML) validates in full. Taplo reads a TOML
// date as a string in RFC 3339 form, so a date is {"type": "string", "format": "date"}:
// it cannot tell 2024-01-15 from "2024-01-15" (the loader can, and papan check says so).
const draft = "http://json-schema.org/draft-07/schema#"

// SchemaDir is where `papan new` and the example site keep the schemas, beside the
// .taplo.toml that maps each content file to its schema.
const SchemaDir = ".papan-skema"

// TaploConfigFile is Taplo's configuration file, found by Taplo-based editors in the
// folder they open.
const TaploConfigFile = ".taplo.toml"

// kindFiles is, per kind, what a file of the kind is called and which files of a site
// are of the kind (Taplo globs, relative to the site's folder).
var kindFiles = map[Kind]struct {
	what    string
	include []string
	exclude []string
}{
	Situs:   {"site.toml, pengaturan situs", []string{"site.toml"}, nil},
	OPD:     {"content/<opd>/_opd.toml, profil OPD", []string{"content/*/_opd.toml"}, nil},
	Layanan: {"content/<opd>/<layanan>.toml, satu standar pelayanan", []string{"content/*/*.toml"}, []string{"content/*/_opd.toml"}},
	Halaman: {"kepala (front matter) TOML content/halaman/<halaman>.md, di antara baris +++", nil, nil},
}

// SchemaFile returns the file name of the JSON Schema of a kind: "layanan.schema.json".
func SchemaFile(k Kind) string { return string(k) + ".schema.json" }

// Schema returns the JSON Schema of a kind of file, indented, ending in a newline.
func Schema(k Kind) []byte {
	s := obj{
		{"$schema", draft},
		{"$id", "https://papan.id/skema/" + SchemaFile(k)},
		{"title", "Papan: " + kindFiles[k].what},
	}
	s = append(s, object(Fields(k))...)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		panic(err) // only values this package builds
	}
	return b.Bytes()
}

// TaploConfig returns a .taplo.toml for a site's folder that maps each kind of content
// file to its schema in schemaDir (relative to the folder, slash-separated).
func TaploConfig(schemaDir string) []byte {
	var b strings.Builder
	b.WriteString(`# Konfigurasi Taplo, pemeriksa TOML yang dipakai ekstensi "Even Better TOML" di VS Code:
# setiap berkas isi dicocokkan dengan skemanya, sehingga penyunting melengkapi kunci,
# menampilkan penjelasan saat kursor di atas kunci, dan menandai kesalahan saat mengetik.
# Dibuat oleh papan; skemanya ditulis ulang dengan: papan skema ` + schemaDir + `
# Kepala halaman (content/halaman/*.md) tidak diperiksa Taplo; papan check memeriksanya.

include = ["site.toml", "content/**/*.toml"]
`)
	for _, k := range Kinds {
		f := kindFiles[k]
		if f.include == nil {
			continue
		}
		fmt.Fprintf(&b, "\n[[rule]]\ninclude = %s\n", tomlList(f.include))
		if f.exclude != nil {
			fmt.Fprintf(&b, "exclude = %s\n", tomlList(f.exclude))
		}
		fmt.Fprintf(&b, "[rule.schema]\npath = %q\n", schemaDir+"/"+SchemaFile(k))
	}
	return []byte(b.String())
}

func tomlList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// object is the schema of a table with the given fields.
func object(fs []*Field) obj {
	props := obj{}
	var required []string
	for _, f := range fs {
		props = append(props, kv{f.Key, property(f)})
		if f.Required {
			required = append(required, f.Key)
		}
	}
	o := obj{{"type", "object"}, {"properties", props}, {"additionalProperties", false}}
	if required != nil {
		o = append(o, kv{"required", required})
	}
	return o
}

// property is the schema of one field: its type and its words.
func property(f *Field) obj {
	p := obj{{"title", f.Title}, {"description", description(f)}}
	p = append(p, valueSchema(f)...)
	if f.Default != nil {
		p = append(p, kv{"default", f.Default})
	}
	if f.Examples != nil && f.Type != Date {
		// A date's example is its text ("2024-01-15"): an editor that offered it would
		// write it in quotes, which the loader refuses. Its description shows the form.
		p = append(p, kv{"examples", f.Examples})
	}
	var taplo obj
	if f.Choices != nil && f.Type != Map {
		taplo = append(taplo, kv{"docs", obj{{"enumValues", choiceTitles(f.Choices)}}})
	}
	if taplo != nil {
		p = append(p, kv{"x-taplo", taplo})
	}
	return p
}

func requiredKeys(f *Field) []string {
	var keys []string
	for _, g := range f.Fields {
		if g.Required {
			keys = append(keys, g.Key)
		}
	}
	return keys
}

// description is a field's help with its allowed values and their meaning, for editors
// that show the description alone.
func description(f *Field) string {
	d := f.Description
	if f.Required {
		d += " Wajib diisi."
	}
	if len(f.Choices) > 0 {
		d += "\n\nPilihan:"
		for _, c := range f.Choices {
			d += fmt.Sprintf("\n- %q: %s", c.Value, c.Title)
		}
	}
	return d
}

// stepTimePattern is what the loader reads as a step's time (content.parseStepTime):
// a number or a range and a unit, in any case.
var stepTimePattern = func() string {
	units := make([]string, len(standard.Units))
	for i, u := range standard.Units {
		units[i] = regexp.QuoteMeta(string(u))
	}
	return `(?i)^\s*[0-9]{1,6}(\s*[-–]\s*[0-9]{1,6})?\s+(` + strings.ReplaceAll(strings.Join(units, "|"), " ", `\s+`) + `)\s*$`
}()

func valueSchema(f *Field) obj {
	str := obj{{"type", "string"}}
	if f.Required {
		str = append(str, kv{"minLength", 1})
	}
	if f.Pattern != "" && f.Type != Map {
		str = append(str, kv{"pattern", f.Pattern})
	}
	if f.Choices != nil && f.Type != Map {
		str = append(str, kv{"enum", choiceValues(f.Choices)})
	}
	strList := obj{{"type", "array"}, {"items", obj{{"type", "string"}}}}
	switch f.Type {
	case String, Markdown:
		return str
	case Integer:
		if f.Minimum != nil {
			return obj{{"type", "integer"}, {"minimum", *f.Minimum}}
		}
		return obj{{"type", "integer"}}
	case Number:
		return obj{{"type", "number"}}
	case Boolean:
		return obj{{"type", "boolean"}}
	case Date:
		return obj{{"type", "string"}, {"format", "date"}}
	case StepTime:
		return obj{{"type", "string"}, {"pattern", stepTimePattern}}
	case Texts:
		// One schema for both forms rather than anyOf, so that a mistake gets its own
		// message ("1 is not of type "string"") instead of "not valid under any of the
		// schemas listed in the 'anyOf' keyword": a string's keywords do not apply to a
		// list, nor "items" to a string.
		return append(obj{{"type", []string{"string", "array"}}}, append(str[1:], kv{"items", obj{{"type", "string"}}})...)
	case StringList, MarkdownList:
		if f.Required {
			strList = append(strList, kv{"minItems", 1})
		}
		return strList
	case Table:
		return table(f)
	case TableList:
		return obj{{"type", "array"}, {"items", table(f)}}
	case TableOrList:
		// As Texts: the table's keywords apply to [tabel], "items" to [[tabel]].
		t := table(f)
		return append(obj{{"type", []string{"object", "array"}}}, append(t[1:], kv{"items", t})...)
	case Map:
		vals := obj{{"type", "string"}}
		if f.Choices != nil {
			vals = append(vals, kv{"enum", choiceValues(f.Choices)}, kv{"x-taplo", obj{{"docs", obj{{"enumValues", choiceTitles(f.Choices)}}}}})
		}
		m := obj{{"type", "object"}}
		if f.Pattern != "" {
			m = append(m, kv{"propertyNames", obj{{"pattern", f.Pattern}}})
		}
		if f.Keys == nil {
			return append(m, kv{"additionalProperties", vals})
		}
		// Each key its own property, so that an editor completes the keys and explains
		// each; a key outside the list is refused.
		props := obj{}
		for _, k := range f.Keys {
			props = append(props, kv{k.Value, append(obj{{"title", k.Value}, {"description", k.Title}}, vals...)})
		}
		return append(m, kv{"properties", props}, kv{"additionalProperties", false})
	}
	panic("skema: no JSON Schema for " + string(f.Type))
}

// table is the schema of a table field, with the rules between its keys the model has.
func table(f *Field) obj {
	o := object(f.Fields)
	if keys := requiredKeys(f); keys != nil {
		// Taplo writes these when it completes the table.
		o = append(o, kv{"x-taplo", obj{{"initKeys", keys}}})
	}
	if f.Path == "pengaduan" {
		// Only a suggestion box may be written without its nilai (content.channelValue).
		o = append(o,
			kv{"if", obj{{"properties", obj{{"jenis", obj{{"const", string(standard.ChannelNoValue)}}}}}}},
			kv{"then", obj{}},
			kv{"else", obj{{"required", []string{"jenis", "nilai"}}}})
	}
	return o
}

func choiceTitles(cs []Choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Title
	}
	return out
}

func choiceValues(cs []Choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Value
	}
	return out
}

// obj is a JSON object that keeps its keys in order, so a schema reads in the order of
// the file it describes.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.k)
		b.Write(k)
		b.WriteByte(':')
		var v bytes.Buffer
		enc := json.NewEncoder(&v)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(p.v); err != nil {
			return nil, err
		}
		b.Write(bytes.TrimRight(v.Bytes(), "\n"))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
