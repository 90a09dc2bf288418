package render

import (
	"html"
	"html/template"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCut(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short text stays whole", "Kartu Keluarga", 20, "Kartu Keluarga"},
		{"long text is cut at a word", "Fotokopi akta kelahiran yang dilegalisasi", 20, "Fotokopi akta…"},
		{"punctuation before the cut goes", "Surat pengantar RT, RW, dan kelurahan", 21, "Surat pengantar RT…"},
		{"one long word is cut inside", strings.Repeat("a", 30), 10, strings.Repeat("a", 9) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cut(tt.in, tt.n)
			if got != tt.want {
				t.Errorf("cut(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
			if utf8.RuneCountInString(got) > tt.n {
				t.Errorf("cut(%q, %d) is %d runes long", tt.in, tt.n, utf8.RuneCountInString(got))
			}
		})
	}
}

func TestPlainTextOfMaklumat(t *testing.T) {
	m := newMarkdown()
	got := plainText(m.Field("Kami sanggup melayani **tanpa biaya**, serta\n\nsiap menerima *sanksi* &amp; teguran."))
	if want := "Kami sanggup melayani tanpa biaya, serta siap menerima sanksi & teguran."; got != want {
		t.Errorf("plainText = %q, want %q", got, want)
	}
}

// TestPlainTextAsRegexps checks plainText against the regular expressions it replaces.
func TestPlainTextAsRegexps(t *testing.T) {
	blockTags := regexp.MustCompile(`</?(?:p|br|li|ul|ol|h[1-6]|blockquote|div|table|tr|td|th|pre)\b[^>]*>`)
	tags := regexp.MustCompile(`<[^>]*>`)
	spaces := regexp.MustCompile(`\s+`)
	reference := func(h string) string {
		s := blockTags.ReplaceAllString(h, " ")
		s = tags.ReplaceAllString(s, "")
		return strings.TrimSpace(spaces.ReplaceAllString(html.UnescapeString(s), " "))
	}
	pieces := []string{"<p>", "</p>", "<pre>", "<path d>", "<h1 id=x>", "<h7>", "<br/>", "<li", "<", ">", "/",
		"<em>", "</em>", "<p_x>", "<//p>", "<tr>", "<table>", "<thead>", "kata", " ", "\n", "\t", "\u00a0",
		"&amp;", "&lt;p&gt;", "&nbsp;", "&#10;", "é"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if got, want := plainText(template.HTML(b.String())), reference(b.String()); got != want {
			t.Fatalf("plainText(%q) = %q, want %q", b.String(), got, want)
		}
	}
}
