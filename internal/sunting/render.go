package sunting

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
)

//go:embed page.html
var pageHTML string

//go:embed live.js
var liveJS string

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"inc":   func(i int) int { return i + 1 },
	"lower": strings.ToLower,
	"note":  noteText,
	"js":    func() template.JS { return template.JS(liveJS) },
	"rows": func(s string) int {
		return min(max(strings.Count(s, "\n")+2, 3), 20)
	},
	"describedby": func(n *node) string {
		var ids []string
		if n.Unknown || !n.Item && n.Spec != nil && (n.Spec.Help != "" || len(n.Spec.Examples) > 0) {
			ids = append(ids, n.ID()+"-bantuan")
		}
		if n.Kind == kLines || n.Kind == kTexts {
			ids = append(ids, n.ID()+"-baris")
		}
		if len(n.Notes) > 0 {
			ids = append(ids, n.ID()+"-pesan")
		}
		return strings.Join(ids, " ")
	},
}).Parse(pageHTML))

// render writes the page name of the templates with data.
func (h *Handler) render(w http.ResponseWriter, status int, name string, data any) {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, name, data); err != nil {
		panic(fmt.Sprintf("sunting: template %s: %v", name, err)) // fixed templates
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	w.Write(b.Bytes())
}
