package standard

import (
	"reflect"
	"strings"
)

// TOMLField is one struct field a content file can hold: its key, the index of the Go
// field and whether the key is required (",required" after the name in its tag).
type TOMLField struct {
	Name     string
	Index    int
	Required bool
}

// TOMLFields returns the fields of struct type t that take part in decoding: those with
// a `toml:"name"` tag other than "-", in the order the struct declares them. The loader
// (package content) decodes by them and package skema describes files by them, so the
// two never disagree about which keys a file may hold.
func TOMLFields(t reflect.Type) []TOMLField {
	var fs []TOMLField
	for i := range t.NumField() {
		tag, ok := t.Field(i).Tag.Lookup("toml")
		if !ok || tag == "-" {
			continue
		}
		name, opt, _ := strings.Cut(tag, ",")
		fs = append(fs, TOMLField{Name: name, Index: i, Required: opt == "required"})
	}
	return fs
}
