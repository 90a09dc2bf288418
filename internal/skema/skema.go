// Package skema describes the content files of a Papan site field by field: each key a
// file may hold, its type, whether it is required, its allowed values and their meaning,
// an Indonesian title, help and examples. The form editor (package sunting) builds its
// forms from these descriptions and `papan skema` writes them as JSON Schema, so that a
// Taplo-based editor (VS Code with Even Better TOML) completes keys, shows help on hover
// and flags mistakes while an editor types.
//
// One source of truth: the keys, their types and which are required come from the Go
// types the loader decodes (package standard's structs and their toml tags, walked by
// standard.TOMLFields as package content walks them); the words come from one table,
// docs.go. A test fails when a field has no description or a description names no field.
package skema

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// Kind is a kind of content file.
type Kind string

// The kinds of content file.
const (
	Situs   Kind = "situs"   // site.toml
	OPD     Kind = "opd"     // content/<opd>/_opd.toml
	Layanan Kind = "layanan" // content/<opd>/<layanan>.toml, one service standard
	Halaman Kind = "halaman" // the TOML front matter of content/halaman/<page>.md
)

// Kinds lists every kind of content file, in the order of the content model.
var Kinds = []Kind{Situs, OPD, Layanan, Halaman}

// Type is the type of a field's value as a file writes it.
type Type string

// The types of value.
const (
	String       Type = "string"        // text in quotes
	Markdown     Type = "markdown"      // text in quotes, rendered as Markdown
	Integer      Type = "integer"       // a whole number without quotes
	Number       Type = "number"        // a number, whole or decimal (no field uses it yet)
	Boolean      Type = "boolean"       // true or false
	Date         Type = "date"          // a TOML local date, 2024-01-15, without quotes
	StepTime     Type = "step-time"     // text: a number or range and a unit, "15 menit", "1-3 hari kerja"
	Texts        Type = "texts"         // one text, or a list of texts
	StringList   Type = "string-list"   // a list of texts
	MarkdownList Type = "markdown-list" // a list of Markdown texts
	Table        Type = "table"         // [tabel]
	TableList    Type = "table-list"    // [[tabel]], one table per item
	TableOrList  Type = "table-or-list" // [tabel] for one, or [[tabel]] for several
	Map          Type = "map"           // a table of key = "text", keys chosen by the editor
)

// Field describes one key of a content file.
type Field struct {
	Key         string // TOML key, "persyaratan"
	Path        string // dotted key path without indexes, "persyaratan.nama"
	Title       string // Indonesian label, "Persyaratan"
	Description string // Indonesian help, as the scaffold's guidance gives it
	Type        Type
	Required    bool     // the loader refuses a file without it (",required")
	Choices     []Choice // the allowed values, when the model fixes them; of a Map, its values'
	Keys        []Choice // of a Map, the keys it may have and what each is, when the model fixes them
	Examples    []any    // typical values, as a file writes them
	Default     any      // the value when the key is left out, when the model has one
	// Pattern is a regular expression (RE2, which JSON Schema's ECMA-262 accepts too)
	// every value matches; of a Map, every key.
	Pattern string
	// Minimum, when not nil, is the least value an Integer field takes: the loader
	// refuses less (jangka_waktu.nilai = 0, tarif = 0, a negative jumlah).
	Minimum *int64
	Fields  []*Field // of a Table, TableList or TableOrList, in the order the scaffold writes them
}

// Choice is one allowed value of a field and what it means.
type Choice struct {
	Value string
	Title string // what the value means, in Indonesian
}

// Fields returns the top-level fields of a kind of file, in the order the scaffold writes
// them. The fields are shared: callers must not change them.
func Fields(k Kind) []*Field { return trees[k] }

// Lookup returns the field at a dotted key path ("prosedur.hasil.jika"), without list
// indexes, or nil.
func Lookup(k Kind, path string) *Field {
	fs := trees[k]
	var f *Field
	for seg := range strings.SplitSeq(path, ".") {
		i := slices.IndexFunc(fs, func(f *Field) bool { return f.Key == seg })
		if i < 0 {
			return nil
		}
		f = fs[i]
		fs = f.Fields
	}
	return f
}

// roots are the Go types the loader decodes each kind of file into.
var roots = map[Kind]reflect.Type{
	Situs:   reflect.TypeFor[standard.Config](),
	OPD:     reflect.TypeFor[standard.OPD](),
	Layanan: reflect.TypeFor[standard.Service](),
	Halaman: reflect.TypeFor[standard.Page](),
}

// trees holds the fields of every kind, built once when the package is initialised and
// only read after that.
var trees = func() map[Kind][]*Field {
	m := map[Kind][]*Field{}
	for _, k := range Kinds {
		m[k] = fieldsOf(roots[k], "")
	}
	return m
}()

var (
	dateType         = reflect.TypeFor[standard.Date]()
	stepTimeType     = reflect.TypeFor[*standard.StepTime]()
	durationsType    = reflect.TypeFor[[]standard.Duration]()
	textsType        = reflect.TypeFor[standard.Texts]()
	markdownType     = reflect.TypeFor[standard.Markdown]()
	markdownListType = reflect.TypeFor[[]standard.Markdown]()
)

// fieldsOf describes the fields of struct type t at path, in the order of t's docs.
func fieldsOf(t reflect.Type, path string) []*Field {
	ds := docs[t]
	var out []*Field
	for _, tf := range standard.TOMLFields(t) {
		var d doc // a field without a doc keeps empty words: TestEveryFieldIsDescribed fails
		if i := slices.IndexFunc(ds, func(d doc) bool { return d.key == tf.Name }); i >= 0 {
			d = ds[i]
		}
		f := &Field{
			Key: tf.Name, Path: join(path, tf.Name), Title: d.title, Description: d.desc,
			Required: tf.Required, Choices: d.choices, Examples: d.examples, Default: d.def, Pattern: d.pattern, Minimum: d.min, Keys: d.keys,
		}
		ft := t.Field(tf.Index).Type
		f.Type = typeOf(ft)
		if f.Type == Table || f.Type == TableList || f.Type == TableOrList {
			f.Fields = fieldsOf(structOf(ft), f.Path)
		}
		out = append(out, f)
	}
	// In the order of the docs, which is the scaffold's; a field without a doc goes last.
	rank := func(f *Field) int {
		if i := slices.IndexFunc(ds, func(d doc) bool { return d.key == f.Key }); i >= 0 {
			return i
		}
		return len(ds)
	}
	slices.SortStableFunc(out, func(a, b *Field) int { return rank(a) - rank(b) })
	return out
}

func typeOf(t reflect.Type) Type {
	switch {
	case t == dateType:
		return Date
	case t == stepTimeType:
		return StepTime
	case t == durationsType:
		return TableOrList
	case t == textsType:
		return Texts
	case t == markdownType:
		return Markdown
	case t == markdownListType:
		return MarkdownList
	case t.Kind() == reflect.String:
		return String
	case t.Kind() == reflect.Int || t.Kind() == reflect.Int64:
		return Integer
	case t.Kind() == reflect.Float64:
		return Number
	case t.Kind() == reflect.Bool:
		return Boolean
	case t.Kind() == reflect.Struct, t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		return Table
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		return TableList
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return StringList
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String && t.Elem().Kind() == reflect.String:
		return Map
	}
	panic(fmt.Sprintf("skema: no type for %s", t))
}

func structOf(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
