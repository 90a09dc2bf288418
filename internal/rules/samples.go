package rules

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/papan-id/papan/internal/scaffold"
	"github.com/papan-id/papan/internal/standard"
)

// SP022 finds the sample texts of `papan new` (package scaffold) left in a value: an
// example uncommented and not rewritten. It reads every text of a service or an OPD
// profile, found through the same `toml` struct tags the loader decodes by, so a key
// added to the domain is read too.

// textField is one field of a struct that holds text, directly or further down.
type textField struct {
	key   string
	index int
}

// textFields lists, per struct type a content file decodes into, the fields that can
// hold text. It is built once, when the package is initialised, and only read after.
var textFields = buildTextFields(reflect.TypeFor[standard.Service](), reflect.TypeFor[standard.OPD]())

var (
	dateType      = reflect.TypeFor[standard.Date]()
	durationsType = reflect.TypeFor[[]standard.Duration]()
)

func buildTextFields(roots ...reflect.Type) map[reflect.Type][]textField {
	m := map[reflect.Type][]textField{}
	var walk func(t reflect.Type) bool
	// walk reports whether values of t can hold text, filling m for struct types.
	walk = func(t reflect.Type) bool {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		switch {
		case t.Kind() == reflect.String:
			return true
		case t.Kind() != reflect.Struct || t == dateType:
			return false
		}
		if fs, seen := m[t]; seen {
			return len(fs) > 0
		}
		m[t] = nil // a cycle ends here
		var fs []textField
		for i := range t.NumField() {
			tag, ok := t.Field(i).Tag.Lookup("toml")
			if !ok || tag == "-" || !t.Field(i).IsExported() {
				continue
			}
			key, _, _ := strings.Cut(tag, ",")
			if walk(t.Field(i).Type) {
				fs = append(fs, textField{key: key, index: i})
			}
		}
		m[t] = fs
		return len(fs) > 0
	}
	for _, t := range roots {
		walk(t)
	}
	return m
}

// keySeg is one step of a key path: a key, or the index of a list item (key "").
type keySeg struct {
	key   string
	index int
}

// samples reports each value of v (a struct, pointer or slice from a content file, at
// key path path) that is a scaffold's sample text. The path is kept as segments and
// written out only for a finding: most services have none, and writing the path of
// every text was a measurable share of a build's allocations.
func (c *checker) samples(file string, v reflect.Value, path []keySeg) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); scaffold.IsSample(s) {
			c.add("SP022", file, pathString(path), "Ganti teks contoh dengan isi yang sebenarnya, atau beri lagi tanda # di awal barisnya bila belum diketahui.",
				"teks contoh dari papan new belum diganti: %q", s)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			c.samples(file, v.Elem(), path)
		}
	case reflect.Slice:
		if v.Type() == durationsType && v.Len() == 1 && v.Index(0).Interface().(standard.Duration).Key == "jangka_waktu" {
			c.samples(file, v.Index(0), path) // the table [jangka_waktu], not an item of [[jangka_waktu]]
			return
		}
		for i := range v.Len() {
			c.samples(file, v.Index(i), append(path, keySeg{index: i}))
		}
	case reflect.Struct:
		for _, f := range textFields[v.Type()] {
			c.samples(file, v.Field(f.index), append(path, keySeg{key: f.key}))
		}
	}
}

// pathString writes path as the loader names keys: "persyaratan[0].nama".
func pathString(path []keySeg) string {
	var b strings.Builder
	for _, s := range path {
		if s.key == "" {
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}
