package sunting

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/papan-id/papan/internal/standard"
)

// The kinds of form field. A leaf's kind travels with its value in the form (the "t."
// field), so that a value is read back as the type it was: the form round-trips every
// value of a file, including keys the schema does not know.
const (
	kString = "s"  // text: an input, or a textarea when it has line breaks
	kLines  = "ls" // a list of texts, one a line
	kTexts  = "tx" // one text, or a list of texts when given several lines
	kInt    = "i"
	kFloat  = "f"
	kBool   = "b"
	kDate   = "d"  // a date or time, as TOML writes it
	kRaw    = "r"  // any other value, as TOML writes it (arrays of numbers, inline tables)
	kTable  = "t"  // a table: a fieldset of fields
	kTables = "tt" // a list of tables: a fieldset per item, with buttons to add, remove, move
)

// spec is what the form knows of a key from the schema: its words, its type, its
// choices and, for a table or a list of tables, its fields.
type spec struct {
	Key, Title, Help string
	Kind             string
	Multi            bool       // text that is usually several lines (Markdown)
	OrTable          bool       // a list of tables that may be written as one table
	Examples         [][]string // each as the editor types it in the form, one line per item of a list
	Required         bool
	Choices          []choice
	Fields           []*spec
	// Of a table whose keys the editor chooses ([kepatuhan.aturan]): the choices of its
	// values, the keys the model knows (may be none) and the pattern every key matches.
	Map                  bool
	ValueChoices         []choice
	KeyChoices           []choice
	KeyPattern           string
	KeyLabel, ValueLabel string // the labels of the controls that add an entry
}

type choice struct{ Value, Title string }

func (s *spec) field(key string) *spec {
	if s == nil {
		return nil
	}
	for _, f := range s.Fields {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// node is one field of a form as rendered.
type node struct {
	Path    string // "prosedur[2].uraian": the loader's own key path
	Key     string
	Spec    *spec // nil for a key the schema does not know
	Kind    string
	Value   string // a leaf's text in the form
	Present bool   // a table that is in the file (kept even when emptied)
	Items   []*node
	Fields  []*node
	Notes   []standard.Problem
	Focus   string // the action that leaves the focus here, for autofocus
	Unknown bool
	Choices []choice
	Multi   bool
	Index   int // of an item in its list
	Last    bool
	Item    bool // an item of a list of tables, whose help is its list's
	// NewKey and NewValue are a refused new entry of a table whose keys the editor
	// chooses, chosen again in its "add" fields.
	NewKey, NewValue string
}

// ID is the HTML id of the node's control; also the error summary's link target.
func (n *node) ID() string { return fieldID(n.Path) }

func fieldID(p string) string {
	r := strings.NewReplacer("[", "-", "]", "", ".", "-")
	return "f-" + r.Replace(p)
}

// Label is the field's name for a person: the schema's title, else the key.
func (n *node) Label() string {
	if n.Spec != nil && n.Spec.Title != "" {
		return n.Spec.Title
	}
	return strings.ReplaceAll(n.Key, "_", " ")
}

// kindOf returns the form kind of a value read from TOML.
func kindOf(v any) string {
	switch v := v.(type) {
	case string:
		return kString
	case int64:
		return kInt
	case float64:
		return kFloat
	case bool:
		return kBool
	case time.Time:
		return kDate
	case map[string]any:
		return kTable
	case []map[string]any:
		return kTables
	case []any:
		if len(v) == 0 {
			return kRaw
		}
		if _, ok := tableList(v); ok {
			return kTables
		}
		for _, e := range v {
			if s, ok := e.(string); !ok || strings.ContainsAny(s, "\r\n") || strings.TrimSpace(s) != s || s == "" {
				return kRaw
			}
		}
		return kLines
	}
	return kRaw
}

// leafText is a leaf value as the form shows it.
func leafText(kind string, v any) string {
	switch kind {
	case kString, kTexts:
		if s, ok := v.(string); ok {
			return s
		}
		fallthrough
	case kLines:
		var lines []string
		for _, e := range v.([]any) {
			lines = append(lines, e.(string))
		}
		return strings.Join(lines, "\n")
	case kInt, kFloat, kBool, kDate, kRaw:
		if s, ok := v.(string); ok {
			return s
		}
		return inline(v)
	}
	return ""
}

// buildNodes makes the fields of the table m at path: the schema's fields in its order,
// present or not, then the keys the schema does not know, in the order of keys.
func buildNodes(path string, m map[string]any, s *spec, keys []string, order orderFunc, schemaPath string) []*node {
	var out []*node
	seen := map[string]bool{}
	if s != nil {
		for _, f := range s.Fields {
			seen[f.Key] = true
			v, ok := m[f.Key]
			out = append(out, buildNode(joinPath(path, f.Key), f.Key, f, v, ok, order, joinPath(schemaPath, f.Key)))
		}
	}
	for _, k := range sortedKeys(m, schemaPath, order) {
		if seen[k] {
			continue
		}
		n := buildNode(joinPath(path, k), k, nil, m[k], true, order, joinPath(schemaPath, k))
		n.Unknown = s != nil
		out = append(out, n)
	}
	return out
}

func buildNode(path, key string, s *spec, v any, present bool, order orderFunc, schemaPath string) *node {
	n := &node{Path: path, Key: key, Spec: s, Present: present}
	if s != nil {
		n.Choices, n.Multi = s.Choices, s.Multi
	}
	switch {
	case present:
		n.Kind = kindOf(v)
		// A value of a type the schema does not expect keeps its own kind, so it is
		// written back as it was and the loader says what is wrong with it.
		switch {
		case s != nil && s.Kind == kTables && n.Kind == kTable && !s.OrTable:
			n.Kind = kRaw
		case s != nil && s.Kind == kTexts && n.Kind == kString && !strings.Contains(v.(string), "\n"):
			n.Kind = kTexts
		case s != nil && n.Kind == kString && slices.Contains([]string{kInt, kFloat, kBool, kDate}, s.Kind):
			// Text where the schema wants a number, a date or true/false: the form
			// reads the field as the schema's type once it is corrected.
			n.Kind = s.Kind
		}
	case s != nil:
		n.Kind = s.Kind
	default:
		n.Kind = kString
	}
	if s == nil || !present || !fits(s.Kind, n.Kind) {
		// The schema's fields only for what fits them.
		if present && s != nil && !fits(s.Kind, n.Kind) {
			s = nil
		}
	}
	switch n.Kind {
	case kTable:
		m, _ := v.(map[string]any)
		if s != nil && s.Map {
			n.Fields = mapNodes(path, m, s, order, schemaPath)
			break
		}
		n.Fields = buildNodes(path, m, s, nil, order, schemaPath)
	case kTables:
		list, _ := tableList(v)
		for i, item := range list {
			it := &node{Path: fmt.Sprintf("%s[%d]", path, i), Key: key, Spec: s, Kind: kTable, Present: true, Index: i, Last: i == len(list)-1, Item: true}
			it.Fields = buildNodes(it.Path, item, s, nil, order, schemaPath)
			n.Items = append(n.Items, it)
		}
	default:
		if present {
			n.Value = leafText(n.Kind, v)
			if n.Kind == kString && strings.Contains(n.Value, "\n") {
				n.Multi = true
			}
		}
		if n.Kind == kBool {
			n.Choices = []choice{{"true", "Ya"}, {"false", "Tidak"}}
		}
		if len(n.Choices) > 0 && n.Value != "" && !slices.ContainsFunc(n.Choices, func(c choice) bool { return c.Value == n.Value }) {
			// A value the schema does not list stays choosable, so it is not lost.
			n.Choices = append(slices.Clone(n.Choices), choice{Value: n.Value, Title: n.Value})
		}
	}
	return n
}

// mapNodes makes the entries of a table whose keys the editor chooses: each a field
// labelled by its key (and what the model calls it), choosing among the values' choices.
func mapNodes(path string, m map[string]any, s *spec, order orderFunc, schemaPath string) []*node {
	var out []*node
	for _, k := range sortedKeys(m, schemaPath, order) {
		es := &spec{Key: k, Title: k, Kind: kString, Choices: s.ValueChoices}
		if i := slices.IndexFunc(s.KeyChoices, func(c choice) bool { return c.Value == k }); i >= 0 {
			es.Title = k + ": " + s.KeyChoices[i].Title
		}
		if _, ok := m[k].(string); !ok {
			es = nil // not text: kept as it is, and the loader says what is wrong
		}
		out = append(out, buildNode(joinPath(path, k), k, es, m[k], true, order, joinPath(schemaPath, k)))
	}
	return out
}

// NewKeys are the keys of a map table the editor may add: the model's, less those the
// table has.
func (n *node) NewKeys() []choice {
	var out []choice
	for _, c := range n.Spec.KeyChoices {
		if !slices.ContainsFunc(n.Fields, func(f *node) bool { return f.Key == c.Value }) {
			out = append(out, c)
		}
	}
	return out
}

// fits reports whether a value of kind got may stand where the schema expects want.
func fits(want, got string) bool {
	switch want {
	case kTable:
		return got == want
	case kTables:
		return got == kTables || got == kTable
	case kLines, kTexts:
		return got == kLines || got == kString || got == kTexts
	}
	return got != kTable && got != kTables
}

// parseForm reads a form back into a TOML tree. Field "t.<path>" gives the kind of a
// leaf or of a table or item that must exist even when empty, "v.<path>" a leaf's
// text. Empty leaves are left out: clearing a field removes its key. A text field the
// file had as key = "" carries "e.<path>": left empty, it keeps key = "", so opening
// and saving a file loses no key the editor did not clear.
func parseForm(form url.Values) (map[string]any, map[string]string) {
	root := map[string]any{}
	bad := map[string]string{} // path -> message, for values that cannot be read
	var paths []string
	for k := range form {
		if p, ok := strings.CutPrefix(k, "t."); ok {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		segs, ok := parsePath(p)
		if !ok {
			continue
		}
		kind := form.Get("t." + p)
		text := strings.ReplaceAll(form.Get("v."+p), "\r\n", "\n")
		var v any
		switch kind {
		case kTable:
			v = map[string]any{}
		case kString:
			if strings.TrimSpace(text) == "" {
				if !form.Has("e." + p) {
					continue
				}
				text = "" // the file had key = "": kept
			}
			v = text
		case kLines, kTexts:
			var items []any
			for line := range strings.SplitSeq(text, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					items = append(items, line)
				}
			}
			if len(items) == 0 {
				if kind != kTexts || !form.Has("e."+p) {
					continue
				}
				items = []any{""} // the file had key = "": kept
			}
			v = items
			if kind == kTexts && len(items) == 1 {
				v = items[0]
			}
		case kInt, kFloat, kBool, kDate, kRaw:
			text = strings.TrimSpace(text)
			if text == "" {
				continue
			}
			var err error
			v, err = parseValue(text)
			switch {
			case err != nil && kind == kRaw:
				bad[p] = "Nilai ini tidak dapat dibaca sebagai TOML: " + err.Error()
				continue
			case err != nil:
				v = text // as text: the loader says what this field needs
			}
		default:
			continue
		}
		setPath(root, segs, v)
	}
	compact(root)
	return root, bad
}

// parseValue reads one TOML value.
func parseValue(text string) (any, error) {
	var m map[string]any
	if _, err := toml.Decode("v = "+text, &m); err != nil {
		return nil, err
	}
	return m["v"], nil
}

type seg struct {
	key   string
	index int // -1 for a key
}

var pathRE = regexp.MustCompile(`^([A-Za-z0-9_-]+)((?:\[[0-9]{1,4}\])*)$`)

// parsePath splits "prosedur[2].hasil[0].jika" into keys and indexes.
func parsePath(p string) ([]seg, bool) {
	var out []seg
	for part := range strings.SplitSeq(p, ".") {
		m := pathRE.FindStringSubmatch(part)
		if m == nil {
			return nil, false
		}
		out = append(out, seg{key: m[1], index: -1})
		for _, ix := range strings.Split(strings.Trim(m[2], "[]"), "][") {
			if ix == "" {
				continue
			}
			n, _ := strconv.Atoi(ix)
			out = append(out, seg{index: n})
		}
	}
	return out, len(out) > 0 && out[0].index < 0
}

// setPath puts v at segs under root, making tables and list items on the way. A list
// of tables is held as []any with nil for items not (yet) seen; compact removes them.
func setPath(root map[string]any, segs []seg, v any) {
	var cur any = root
	for i, s := range segs {
		last := i == len(segs)-1
		next := func() any {
			if last {
				return v
			}
			if segs[i+1].index >= 0 {
				return []any{}
			}
			return map[string]any{}
		}
		switch c := cur.(type) {
		case map[string]any:
			if s.index >= 0 {
				return
			}
			if last {
				if _, exists := c[s.key]; exists && isContainer(v) {
					return // the marker of a table whose fields came first
				}
				c[s.key] = v
				return
			}
			if _, ok := c[s.key]; !ok {
				c[s.key] = next()
			}
			if list, ok := c[s.key].([]any); ok && segs[i+1].index >= 0 {
				// Grow the list in its parent first: appending may move it.
				need := segs[i+1].index + 1
				for len(list) < need {
					list = append(list, nil)
				}
				c[s.key] = list
			}
			cur = c[s.key]
		case []any:
			if s.index < 0 || s.index >= len(c) {
				return
			}
			if c[s.index] == nil {
				if last {
					c[s.index] = v
					return
				}
				c[s.index] = map[string]any{}
			} else if last {
				return
			}
			cur = c[s.index]
		default:
			return // a leaf where a table was expected: the form was tampered with
		}
	}
}

func isContainer(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return true
	}
	return false
}

// compact removes the holes of lists of tables and turns them into []map[string]any.
func compact(m map[string]any) {
	for k, v := range m {
		switch v := v.(type) {
		case map[string]any:
			compact(v)
		case []any:
			if len(v) == 0 || !slices.ContainsFunc(v, func(e any) bool { _, ok := e.(map[string]any); return ok || e == nil }) {
				continue
			}
			var list []map[string]any
			for _, e := range v {
				if t, ok := e.(map[string]any); ok {
					compact(t)
					list = append(list, t)
				}
			}
			if len(list) == 0 {
				delete(m, k)
			} else {
				m[k] = list
			}
		}
	}
}
