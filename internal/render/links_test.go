package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"github.com/papan-id/papan"
)

// TestContactLinks renders partials/links.html for contact values of each kind.
func TestContactLinks(t *testing.T) {
	tmpl := template.Must(template.New("links").Funcs(template.FuncMap{"links": contactLinks, "breakurl": breakURL}).
		ParseFS(papan.Theme(), "layouts/partials/links.html"))
	tests := []struct{ kind, value, want string }{
		{"telepon", "(021) 555-0110", `<a href="tel:+62215550110">(021) 555-0110</a>`},
		{"telepon", "(021) 555-0110 / 0812 3456 7890", `<a href="tel:+62215550110">(021) 555-0110</a> / <a href="tel:+6281234567890">0812 3456 7890</a>`},
		{"telepon", "112", `<a href="tel:112">112</a>`},
		{"telepon", "555-0110", `555-0110`},
		{"sms", "0812-3456-7890", `<a href="sms:+6281234567890">0812-3456-7890</a>`},
		{"whatsapp", "0812-3456-7890 atau 0813 1111 2222", `<a href="https://wa.me/6281234567890">0812-3456-7890</a> atau <a href="https://wa.me/6281311112222">0813 1111 2222</a>`},
		{"whatsapp", "1500-567", `1500-567`}, // a call centre has no WhatsApp
		{"whatsapp", "https://wa.me/6281234567890", `<a href="https://wa.me/6281234567890">https://<wbr>wa.<wbr>me/<wbr>6281234567890</a>`},
		{"email", "pengaduan@kota.go.id", `<a href="mailto:pengaduan@kota.go.id">pengaduan<wbr>@kota.<wbr>go.<wbr>id</a>`},
		{"email", "pengaduan@kota.go.id?cc=x", `pengaduan@kota.go.id?cc=x`},
		{"lapor", "https://www.lapor.go.id", `<a href="https://www.lapor.go.id">https://<wbr>www.<wbr>lapor.<wbr>go.<wbr>id</a>`},
		{"media-sosial", "https://instagram.com/kota?a=1&b='2'", `<a href="https://instagram.com/kota?a=1&amp;b=&#39;2&#39;">https://<wbr>instagram.<wbr>com/<wbr>kota?a=1&amp;b=&#39;2&#39;</a>`},
		{"media-sosial", "@kota (Instagram)", `@kota (Instagram)`},
		{"telepon", `<script>alert(1)</script>`, `&lt;script&gt;alert(1)&lt;/script&gt;`},
		{"loket", "javascript:alert(1)", `javascript:alert(1)`},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := tmpl.ExecuteTemplate(&b, "links.html", contactLinks(tt.kind, tt.value)); err != nil {
			t.Fatal(err)
		}
		if got := plainSpaces.Replace(b.String()); got != tt.want {
			t.Errorf("%s %q:\n got %s\nwant %s", tt.kind, tt.value, got, tt.want)
		}
	}
}

// plainSpaces writes a phone number's no-break spaces and hyphens as plain ones, so
// tests can state numbers as people write them.
var plainSpaces = strings.NewReplacer("\u00a0", " ", "\u2011", "-")

// TestPhoneNumberStaysOnOneLine: a phone or SMS link's text has no-break spaces and
// non-breaking hyphens, so a number never breaks where a reader would dial half of it
// (html-validate's tel-non-breaking); other links keep their text as written.
func TestPhoneNumberStaysOnOneLine(t *testing.T) {
	for _, tt := range []struct{ kind, value, text string }{
		{"telepon", "(021) 555-0110", "(021)\u00a0555\u20110110"},
		{"sms", "0812-3456-7890", "0812\u20113456\u20117890"},
		{"whatsapp", "0812 3456 7890", "0812 3456 7890"},
	} {
		parts := contactLinks(tt.kind, tt.value)
		if len(parts) != 1 || parts[0].Text != tt.text {
			t.Errorf("%s %q: link text %q, want %q", tt.kind, tt.value, parts, tt.text)
		}
	}
}
