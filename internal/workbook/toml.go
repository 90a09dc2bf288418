package workbook

import (
	"fmt"
	"strconv"
	"strings"
)

// kv is one key and value of a content file, as a cell gave it.
type kv struct {
	key string
	val any // string, int64, bool, date, []string (an array) or textsVal
}

// date is a TOML local date, YYYY-MM-DD, written bare.
type date string

// textsVal is a standard.Texts: a string when it holds one text, else an array.
type textsVal []string

// tomlFile writes a content file the way an editor types one: top-level keys, then
// tables, then arrays of tables, one key a line.
type tomlFile struct {
	b strings.Builder
}

// keys writes the keys of kvs without a dot, then each table named before a dot
// ("sk.nomor" goes into [sk]) in the order of its first key. prefix is the table kvs
// belong to, "" for the top level.
func (t *tomlFile) keys(prefix string, kvs []kv) {
	var tables []string
	byTable := map[string][]kv{}
	for _, x := range kvs {
		table, key, dotted := strings.Cut(x.key, ".")
		if !dotted {
			t.kv(x.key, x.val)
			continue
		}
		if _, seen := byTable[table]; !seen {
			tables = append(tables, table)
		}
		byTable[table] = append(byTable[table], kv{key, x.val})
	}
	for _, table := range tables {
		t.header("["+join(prefix, table)+"]", byTable[table])
	}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// header writes a table header and its keys, after a blank line.
func (t *tomlFile) header(h string, kvs []kv) {
	if t.b.Len() > 0 {
		t.b.WriteByte('\n')
	}
	t.b.WriteString(h)
	t.b.WriteByte('\n')
	t.keys(strings.Trim(h, "[]"), kvs)
}

func (t *tomlFile) kv(key string, v any) {
	t.b.WriteString(key)
	t.b.WriteString(" = ")
	t.b.WriteString(value(v))
	t.b.WriteByte('\n')
}

func value(v any) string {
	switch x := v.(type) {
	case string:
		return quote(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case date:
		return string(x)
	case textsVal:
		if len(x) == 1 {
			return quote(x[0])
		}
		return array(x)
	case []string:
		return array(x)
	}
	panic(fmt.Sprintf("workbook: TOML value of type %T", v))
}

// array writes a TOML array on one line, or one item a line when that is long.
func array(items []string) string {
	q := make([]string, len(items))
	n := 0
	for i, s := range items {
		q[i] = quote(s)
		n += len(q[i]) + 2
	}
	if n <= 80 {
		return "[" + strings.Join(q, ", ") + "]"
	}
	return "[\n  " + strings.Join(q, ",\n  ") + ",\n]"
}

// quote writes s as a TOML basic string, or as a multi-line basic string when it holds
// a line break, so Markdown lists read as they will show.
func quote(s string) string {
	multi := strings.Contains(s, "\n")
	var b strings.Builder
	if multi {
		b.WriteString("\"\"\"\n") // the line break after """ is not part of the string
	} else {
		b.WriteByte('"')
	}
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n' && multi:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	if multi {
		b.WriteString(`"""`)
	} else {
		b.WriteByte('"')
	}
	return b.String()
}
