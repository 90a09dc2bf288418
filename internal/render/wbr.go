package render

import (
	"html/template"
	"strings"
)

// breakURL is a displayed address (a URL, a host name, an e-mail address) with a line
// break opportunity, <wbr>, after each dot and slash and before each "@", so that a long
// address wraps on a narrow screen or in the poster's QR column between its parts
// ("kotacontoh.<wbr>go.<wbr>id/<wbr>dukcapil/") and never inside a word ("kotacon|toh").
// A run of slashes ("https://") stays whole, and nothing follows the last character. The
// link's href is written separately and keeps the address as it is.
func breakURL(s string) template.HTML {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	start := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '@' && i > 0:
			b.WriteString(template.HTMLEscapeString(s[start:i]))
			b.WriteString("<wbr>")
			start = i
		case (c == '.' || c == '/') && i+1 < len(s) && s[i+1] != '/':
			b.WriteString(template.HTMLEscapeString(s[start : i+1]))
			b.WriteString("<wbr>")
			start = i + 1
		}
	}
	b.WriteString(template.HTMLEscapeString(s[start:]))
	return template.HTML(b.String())
}
