package sunting

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/papan-id/papan/internal/skema"
)

// schemaOf returns the form's view of the schema of a kind of file: a root spec whose
// fields are the file's top-level keys.
func schemaOf(kind string) *spec {
	return &spec{Kind: kTable, Fields: specs(skema.Fields(skema.Kind(kind)))}
}

func specs(fields []*skema.Field) []*spec {
	out := make([]*spec, 0, len(fields))
	for _, f := range fields {
		s := &spec{Key: f.Key, Title: f.Title, Help: formHelp(f.Description), Required: f.Required, Fields: specs(f.Fields)}
		if f.Type != skema.Table && f.Type != skema.TableList && f.Type != skema.TableOrList {
			for _, e := range f.Examples {
				s.Examples = append(s.Examples, exampleLines(e))
			}
		}
		for _, c := range f.Choices {
			// The form shows "value: meaning"; a meaning that starts with its value
			// ("galat: papan check gagal") is not said twice.
			s.Choices = append(s.Choices, choice{Value: c.Value, Title: strings.TrimPrefix(c.Title, c.Value+": ")})
		}
		switch f.Type {
		case skema.Markdown:
			s.Kind, s.Multi = kString, true
		case skema.Integer:
			s.Kind = kInt
		case skema.Number:
			s.Kind = kFloat
		case skema.Boolean:
			s.Kind = kBool
		case skema.Date:
			s.Kind = kDate
		case skema.Texts:
			s.Kind = kTexts
		case skema.StringList, skema.MarkdownList:
			s.Kind = kLines
		case skema.Table, skema.Map:
			s.Kind = kTable
		case skema.TableList:
			s.Kind = kTables
		case skema.TableOrList:
			s.Kind, s.OrTable = kTables, true
		default: // String, StepTime
			s.Kind = kString
		}
		if f.Type == skema.Map {
			// The choices are the values'; the keys are the editor's, from the model's
			// list when it has one (the rulebook's rule IDs).
			s.Map, s.ValueChoices, s.Choices = true, s.Choices, nil
			s.KeyPattern, s.KeyLabel, s.ValueLabel = f.Pattern, "Kunci", "Nilai"
			for _, k := range f.Keys {
				s.KeyChoices = append(s.KeyChoices, choice{Value: k.Value, Title: k.Title})
			}
			if l, ok := mapLabels[f.Path]; ok {
				s.KeyLabel, s.ValueLabel = l[0], l[1]
			}
		}
		out = append(out, s)
	}
	return out
}

// mapLabels names the controls that add an entry to a table whose keys the editor
// chooses: what a key and a value are there.
var mapLabels = map[string][2]string{"kepatuhan.aturan": {"Aturan", "Tingkat"}}

// exampleLines is an example value as an editor types it in the form: a text, number
// or date as it is, a list one item a line.
func exampleLines(e any) []string {
	switch e := e.(type) {
	case []any:
		var out []string
		for _, x := range e {
			out = append(out, exampleLines(x)...)
		}
		return out
	case []string:
		return e
	case time.Time:
		return []string{timeValue(e)}
	}
	return []string{fmt.Sprint(e)}
}

// The schema's descriptions are written for the TOML file too (Taplo's hover help, the
// scaffold's comments): where they teach TOML syntax, the form says what fits the form.
var helpRewrites = []struct {
	re   *regexp.Regexp
	with string
}{
	// A list written as an array: the form takes one entry a line.
	{regexp.MustCompile(`Setiap (\pL+) dalam tanda kutip, dipisah koma\.`), "Satu $1 per baris."},
	{regexp.MustCompile(`,? dalam tanda kutip,? dipisah koma`), ", satu per baris"},
	{regexp.MustCompile(`[a-z_]+ = \[[^\]]*\]`), "satu per baris"},
	// Quotes are TOML's; a form field takes the text as it is.
	{regexp.MustCompile(`,? (dan )?(dalam|tanpa) tanda kutip`), ""},
	// [[table]] is a list's item: the form has a button to add one.
	{regexp.MustCompile(`Ulangi \[\[[a-z_.]+\]\]`), "Tambahkan satu"},
	{regexp.MustCompile(`tulis \[\[[a-z_.]+\]\]`), "tambahkan satu"},
	{regexp.MustCompile(` \(\[\[[a-z_.]+\]\]\)`), ""},
	{regexp.MustCompile(`\[\[([a-z_]+\.)?([a-z_]+)\]\]`), "$2"},
	// key = value: the form shows the key beside its field, and true as Ya.
	{regexp.MustCompile(`\b([A-Za-z0-9_]+) = "([^"]*)"`), "$1: $2"},
	{regexp.MustCompile(`\b([a-z_]+) = `), "$1: "},
	{regexp.MustCompile(`\btrue\b`), "Ya"},
	{regexp.MustCompile(`\bfalse\b`), "Tidak"},
	{regexp.MustCompile(`Hapus baris ini bila`), "Kosongkan bila"},
}

// formHelp is a description of the schema as the form shows it.
func formHelp(desc string) string {
	for _, r := range helpRewrites {
		desc = r.re.ReplaceAllString(desc, r.with)
	}
	return desc
}
