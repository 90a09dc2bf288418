package render

import (
	"html/template"
	"strings"
	"testing"
	"text/template/parse"
)

// foldSrc uses an interface string in every context html/template knows, inside
// branches and a called template; "k" holds every byte its escapers treat specially.
const foldSrc = `{{define "base.html"}}<title>{{t "k"}}</title>
<p title="{{t "k"}}" data-x={{t "k"}}>{{t "k"}} {{t "plain"}}</p>
<a href="/{{t "k"}}">{{t "missing_key"}}</a>
<script>var s = {{t "k"}};</script><style>p { content: "{{t "k"}}" }</style>
{{if .}}{{t "k"}}{{else}}{{t "plain"}}{{end}}{{range .}}{{t "k"}}{{end}}{{with .}}{{t "plain"}}{{end}}
{{$k := "k"}}{{t $k}} {{t "k" | printf "%s!"}} {{template "part" .}}{{end}}
{{define "part"}}<em>{{t "plain"}}</em>{{end}}`

func foldTemplates(t *testing.T, r *Renderer) *template.Template {
	t.Helper()
	return template.Must(template.New("base.html").Funcs(template.FuncMap{"t": r.t}).Parse(foldSrc))
}

// countT counts the actions of tmpl's templates that still call t.
func countT(tmpl *template.Template) int {
	n := 0
	var walk func(l *parse.ListNode)
	walk = func(l *parse.ListNode) {
		if l == nil {
			return
		}
		for _, node := range l.Nodes {
			switch node := node.(type) {
			case *parse.ActionNode:
				if strings.Contains(node.String(), "t ") {
					n++
				}
			case *parse.IfNode:
				walk(node.List)
				walk(node.ElseList)
			case *parse.RangeNode:
				walk(node.List)
				walk(node.ElseList)
			case *parse.WithNode:
				walk(node.List)
				walk(node.ElseList)
			}
		}
	}
	for _, t := range tmpl.Templates() {
		if t.Tree != nil {
			walk(t.Tree.Root)
		}
	}
	return n
}

func TestFoldStringsWritesWhatTheActionsWrote(t *testing.T) {
	r := &Renderer{strings: map[string]string{"k": `a "b" & 'c' + <d> é`, "plain": "Biaya"}}
	for _, data := range []any{nil, []int{1, 2}} {
		want, folded := foldTemplates(t, r), foldTemplates(t, r)
		var w strings.Builder
		if err := want.ExecuteTemplate(&w, "base.html", data); err != nil {
			t.Fatal(err)
		}
		r.pages = map[string]*template.Template{"x": folded}
		r.foldStrings()
		// Folded: the title, the quoted attribute, the two texts of the paragraph, the
		// missing key, both branches of the if, the range's, the with's and the called
		// template's. Left: the unquoted attribute, the URL, the script, the style,
		// the key from a variable and the piped one.
		if got, want := countT(folded), 6; got != want {
			t.Errorf("%d actions still call t after folding, want %d", got, want)
		}
		var got strings.Builder
		if err := folded.ExecuteTemplate(&got, "base.html", data); err != nil {
			t.Fatal(err)
		}
		if got.String() != w.String() {
			t.Errorf("folded templates wrote\n%s\nwant\n%s", got.String(), w.String())
		}
	}
}
