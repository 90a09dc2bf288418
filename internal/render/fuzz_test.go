package render

import (
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

// FuzzMarkdown renders arbitrary Markdown. It must never panic, never emit raw HTML from
// the input, and never emit a javascript: link.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Judul\n\n*tebal* [tautan](https://example.id)",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1)) ![y](javascript:alert(1))",
		"| a | b |\n|---|---|\n| 1 | 2 |",
		"###### h6\n# h1",
	} {
		f.Add(s)
	}
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, src string) {
		for _, out := range []string{string(md.Field(standard.Markdown(src))), string(md.Page(standard.Markdown(src)))} {
			low := strings.ToLower(out)
			if strings.Contains(low, "<script") || strings.Contains(low, "href=\"javascript:") || strings.Contains(low, "src=\"javascript:") {
				t.Fatalf("unsafe output for %q:\n%s", src, out)
			}
			if strings.Contains(out, "<h1") {
				t.Fatalf("an h1 in rendered Markdown for %q", src)
			}
		}
	})
}
