package sunting

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// orderFunc returns the preferred order of the keys of the table at path (a form path
// without indexes, "" for the top): the schema's order, then the file's. Keys it does
// not name follow in alphabetical order.
type orderFunc func(path string) []string

// writeTOML writes tree as a TOML document a person can read: in each table its values
// first, in the preferred order, then its tables, then its lists of tables; text with
// line breaks as """ blocks.
func writeTOML(tree map[string]any, order orderFunc) []byte {
	var b strings.Builder
	writeTable(&b, nil, "", tree, order)
	out := strings.TrimLeft(b.String(), "\n")
	return []byte(out)
}

// sortedKeys returns the keys of m in the preferred order of the table at path.
func sortedKeys(m map[string]any, path string, order orderFunc) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	rank := map[string]int{}
	if order != nil {
		for i, k := range order(path) {
			if _, ok := rank[k]; !ok {
				rank[k] = i
			}
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		ra, oka := rank[a]
		rb, okb := rank[b]
		switch {
		case oka && okb:
			return ra - rb
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a, b)
	})
	return keys
}

// tableList returns v as a list of tables when it is one: an array of tables, or an
// array whose every element is a table.
func tableList(v any) ([]map[string]any, bool) {
	switch v := v.(type) {
	case []map[string]any:
		return v, true
	case []any:
		if len(v) == 0 {
			return nil, false
		}
		out := make([]map[string]any, len(v))
		for i, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, false
			}
			out[i] = m
		}
		return out, true
	}
	return nil, false
}

func writeTable(b *strings.Builder, keyPath []string, schemaPath string, m map[string]any, order orderFunc) {
	keys := sortedKeys(m, schemaPath, order)
	// Values first: after a [header] every plain key belongs to it.
	for _, k := range keys {
		v := m[k]
		if _, ok := v.(map[string]any); ok {
			continue
		}
		if _, ok := tableList(v); ok {
			continue
		}
		if s, ok := v.(string); ok && strings.Contains(s, "\n") {
			// A block of text stands apart, as the scaffold writes it.
			fmt.Fprintf(b, "\n%s = %s\n\n", quoteKey(k), multiline(s))
			continue
		}
		fmt.Fprintf(b, "%s = %s\n", quoteKey(k), inline(v))
	}
	for _, k := range keys {
		if sub, ok := m[k].(map[string]any); ok {
			p := append(slices.Clip(keyPath), k)
			fmt.Fprintf(b, "\n[%s]\n", dotted(p))
			writeTable(b, p, joinPath(schemaPath, k), sub, order)
		}
	}
	for _, k := range keys {
		if list, ok := tableList(m[k]); ok {
			p := append(slices.Clip(keyPath), k)
			for _, item := range list {
				fmt.Fprintf(b, "\n[[%s]]\n", dotted(p))
				writeTable(b, p, joinPath(schemaPath, k), item, order)
			}
		}
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func dotted(keys []string) string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = quoteKey(k)
	}
	return strings.Join(q, ".")
}

var bareKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

func quoteKey(k string) string {
	if bareKey.MatchString(k) {
		return k
	}
	return basic(k)
}

// inline writes v as a TOML value on one line.
func inline(v any) string {
	switch v := v.(type) {
	case string:
		return basic(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case int:
		return strconv.Itoa(v)
	case float64:
		switch {
		case math.IsInf(v, 1):
			return "inf"
		case math.IsInf(v, -1):
			return "-inf"
		case math.IsNaN(v):
			return "nan"
		}
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		return s
	case bool:
		return strconv.FormatBool(v)
	case time.Time:
		return timeValue(v)
	case map[string]any:
		keys := sortedKeys(v, "\x00", nil)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = quoteKey(k) + " = " + inline(v[k])
		}
		if len(parts) == 0 {
			return "{}"
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	case []map[string]any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = inline(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = inline(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	panic(fmt.Sprintf("sunting: no TOML form for %T", v))
}

// timeValue writes a date or time as BurntSushi/toml decoded it: a local date stays a
// date, an offset date-time keeps its offset.
func timeValue(t time.Time) string {
	var b strings.Builder
	if err := toml.NewEncoder(&b).Encode(map[string]any{"v": t}); err != nil {
		panic(err) // a time always encodes
	}
	return strings.TrimSpace(strings.TrimPrefix(b.String(), "v = "))
}

// basic writes s as a TOML basic string.
func basic(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		default:
			escapeRune(&b, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func escapeRune(b *strings.Builder, r rune) {
	switch r {
	case '\t':
		b.WriteString(`\t`)
	case '\r':
		b.WriteString(`\r`)
	case '\b':
		b.WriteString(`\b`)
	case '\f':
		b.WriteString(`\f`)
	default:
		if r < 0x20 || r == 0x7f {
			fmt.Fprintf(b, `\u%04X`, r)
		} else {
			b.WriteRune(r)
		}
	}
}

// multiline writes s, which holds a line break, as a TOML multi-line basic string:
// the lines as they are, between """ on lines of their own.
func multiline(s string) string {
	var b strings.Builder
	b.WriteString("\"\"\"\n")
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '"':
			// No run of three quotes, and none against the closing delimiter.
			if i == len(rs)-1 || rs[i+1] == '"' {
				b.WriteString(`\"`)
			} else {
				b.WriteByte('"')
			}
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteByte('\n')
		case '\t':
			b.WriteByte('\t')
		default:
			escapeRune(&b, r)
		}
	}
	b.WriteString(`"""`)
	return b.String()
}
