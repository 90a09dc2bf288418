package render

import (
	"html/template"
	"io"
	"strings"
	"text/template/parse"
)

// Interface strings are the commonest action of a page: a service page has some fifty
// {{t "key"}}, and html/template runs each as two reflective calls (t, then the escaper
// it adds), some ten allocations in all, on every page of every build. Their text is the
// same on every page of a renderer, so once html/template has escaped the templates,
// foldStrings replaces each such action by its escaped text, as if the theme had been
// written with the words in it. A service page: 47 actions fewer.
//
// Only an action that is exactly {{t "literal"}} followed by one of the escapers that
// write a plain string the same way (HTML text, a quoted attribute value, RCDATA such as
// <title>) is folded, and its text is made by html/template itself, executing {{.}} on
// the string: the output is byte for byte what the action wrote. Anything else — a key
// from a variable, {{t "x" | printf …}}, a string in a URL, script or style — is left
// to run as it did.

// plainEscapers are the escapers html/template adds that write a plain (not
// template.HTML) string alike: each is htmlReplacer with htmlReplacementTable.
var plainEscapers = map[string]bool{
	"_html_template_htmlescaper":   true,
	"_html_template_attrescaper":   true,
	"_html_template_rcdataescaper": true,
}

// textEscaper writes a string as html/template writes it in HTML text.
var textEscaper = template.Must(template.New("text").Parse("{{.}}"))

// foldStrings escapes the templates of every page kind and folds their interface
// strings. It runs in New, before any page is rendered: the templates are not yet
// shared between goroutines.
func (r *Renderer) foldStrings() {
	for _, set := range r.pages {
		// Executing escapes base.html and every template it calls, before the first
		// byte; with no data the execution then stops at the first field, writing
		// nothing anywhere. An error (a theme's template html/template refuses) is
		// left for the first real page to report, as before.
		set.ExecuteTemplate(io.Discard, "base.html", nil)
		for _, t := range set.Templates() {
			if t.Tree != nil && t.Tree.Root != nil {
				r.foldList(t.Tree.Root)
			}
		}
	}
}

func (r *Renderer) foldList(l *parse.ListNode) {
	if l == nil {
		return
	}
	for i, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if text, ok := r.foldAction(n); ok {
				l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(text)}
			}
		case *parse.IfNode:
			r.foldList(n.List)
			r.foldList(n.ElseList)
		case *parse.RangeNode:
			r.foldList(n.List)
			r.foldList(n.ElseList)
		case *parse.WithNode:
			r.foldList(n.List)
			r.foldList(n.ElseList)
		case *parse.ListNode:
			r.foldList(n)
		}
	}
}

// foldAction returns what a {{t "key"}} action, escaped, writes.
func (r *Renderer) foldAction(a *parse.ActionNode) (string, bool) {
	p := a.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 2 {
		return "", false
	}
	call, esc := p.Cmds[0].Args, p.Cmds[1].Args
	if len(call) != 2 || len(esc) != 1 {
		return "", false
	}
	fn, ok := call[0].(*parse.IdentifierNode)
	key, isString := call[1].(*parse.StringNode)
	escaper, isIdent := esc[0].(*parse.IdentifierNode)
	if !ok || fn.Ident != "t" || !isString || !isIdent || !plainEscapers[escaper.Ident] {
		return "", false
	}
	var b strings.Builder
	if err := textEscaper.Execute(&b, r.t(key.Text)); err != nil {
		return "", false
	}
	return b.String(), true
}
