package render

import (
	"bufio"
	"bytes"
	"html/template"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/papan-id/papan/internal/standard"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown renders editors' Markdown. Raw HTML stays off (goldmark's default) and
// goldmark drops dangerous link targets such as javascript:, because content is not
// trusted. Headings are shifted so an editor's "# Judul" inside a field cannot outrank
// the page's own headings: a screen reader user navigates by heading level.
type markdown struct {
	field goldmark.Markdown // text inside a service or OPD page: headings start at h3
	page  goldmark.Markdown // a standalone page's body: headings start at h2
	// writers holds bufio.Writers for goldmark, which otherwise makes a 4 KB one for
	// every conversion: a service page converts a dozen fields.
	writers sync.Pool
}

func newMarkdown() *markdown {
	build := func(minLevel int) goldmark.Markdown {
		return goldmark.New(
			goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
			goldmark.WithParserOptions(parser.WithASTTransformers(
				util.Prioritized(headingShift{minLevel}, 100),
			)),
		)
	}
	m := &markdown{field: build(3), page: build(2)}
	m.writers.New = func() any { return bufio.NewWriter(nil) }
	return m
}

func (m *markdown) convert(md goldmark.Markdown, src standard.Markdown) template.HTML {
	if src == "" {
		return ""
	}
	if plainParagraph(src) {
		return template.HTML("<p>" + string(src) + "</p>\n")
	}
	var buf bytes.Buffer
	w := m.writers.Get().(*bufio.Writer)
	w.Reset(&buf)
	err := md.Convert([]byte(src), w)
	if err == nil {
		err = w.Flush()
	}
	w.Reset(nil)
	m.writers.Put(w)
	if err != nil {
		// goldmark only fails when the writer does; a bytes.Buffer does not.
		panic(err)
	}
	return template.HTML(buf.String())
}

// plainParagraph reports whether src is one line of words that goldmark would only wrap
// in <p>…</p>: nothing to escape, no Markdown syntax, no link for Linkify to find. Most
// notes are such a line, and skipping goldmark's parser for them halves the Markdown
// work of a service page. The test compares this shortcut with goldmark on many inputs.
func plainParagraph(src standard.Markdown) bool {
	first, _ := utf8.DecodeRuneInString(string(src))
	if src[len(src)-1] == ' ' {
		return false // a space may start code, and two end a line with a break
	}
	if !unicode.IsLetter(first) {
		// A number starts a list item only when a "." or ")" follows it ("1. "); a
		// number and a space start words ("4 orang petugas loket, 1 operator": the
		// commonest management texts).
		n := 0
		for n < len(src) && src[n] >= '0' && src[n] <= '9' {
			n++
		}
		if n == 0 || n < len(src) && src[n] != ' ' {
			return false
		}
	}
	for i, c := range src {
		var next byte
		if j := i + utf8.RuneLen(c); j < len(src) {
			next = src[j]
		}
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == ' ':
			if next == ' ' {
				return false // two spaces may end a line with a hard break
			}
		case c == ',' || c == ';' || c == '(' || c == ')' || c == '/' || c == '?' || c == '%' || c == '\'' || c == '-':
		case c == '.':
			if next != 0 && next != ' ' && (next < '0' || next > '9') {
				return false // "www.", "kota.go.id"
			}
		case c == ':':
			if next != 0 && next != ' ' {
				return false // "https://", "mailto:"
			}
		case c >= 0x80:
			if !unicode.IsLetter(c) && !unicode.IsMark(c) && !strings.ContainsRune("–—…“”‘’·", c) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// Field renders Markdown from a field of a service or OPD.
func (m *markdown) Field(src standard.Markdown) template.HTML { return m.convert(m.field, src) }

// Page renders the body of a standalone page.
func (m *markdown) Page(src standard.Markdown) template.HTML { return m.convert(m.page, src) }

// headingShift moves every heading down so the shallowest one is at least minLevel.
type headingShift struct{ minLevel int }

func (h headingShift) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	shallowest := 7
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if hd, ok := n.(*ast.Heading); ok && entering {
			shallowest = min(shallowest, hd.Level)
		}
		return ast.WalkContinue, nil
	})
	if shallowest >= h.minLevel {
		return
	}
	shift := h.minLevel - shallowest
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if hd, ok := n.(*ast.Heading); ok && entering {
			hd.Level = min(hd.Level+shift, 6)
		}
		return ast.WalkContinue, nil
	})
}
