package sunting

import (
	"fmt"
	"strings"

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
		s := &spec{Key: f.Key, Title: f.Title, Help: f.Description, Required: f.Required, Fields: specs(f.Fields)}
		if len(f.Examples) > 0 && f.Type != skema.Table && f.Type != skema.TableList && f.Type != skema.TableOrList {
			ex := make([]string, len(f.Examples))
			for i, e := range f.Examples {
				ex[i] = fmt.Sprint(e)
			}
			s.Example = strings.Join(ex, "; ")
		}
		for _, c := range f.Choices {
			s.Choices = append(s.Choices, choice{Value: c.Value, Title: c.Title})
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
			s.Choices = nil // the values' choices; the keys are the editor's
		}
		out = append(out, s)
	}
	return out
}
