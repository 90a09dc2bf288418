package render

import (
	"fmt"
	"html/template"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// qrSVG draws the QR code of text as inline SVG: one <path> of run-length rectangles
// (dark modules of a row that touch are one rectangle), on a white square that keeps
// the four-module quiet zone a scanner needs. shape-rendering="crispEdges" stops the
// browser from anti-aliasing module edges into grey, which a cheap phone camera misreads.
// label names the code for a screen reader.
//
// The module grid comes from skip2/go-qrcode's Bitmap, which includes the quiet zone;
// a test parses the path back into a grid and compares it with the library's encoding.
func qrSVG(text, label string) (template.HTML, error) {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return "", fmt.Errorf("render: QR code for %q: %w", text, err)
	}
	grid := q.Bitmap() // square, quiet zone included
	n := len(grid)
	var d strings.Builder
	for y, row := range grid {
		for x := 0; x < n; {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < n && row[x] {
				x++
			}
			fmt.Fprintf(&d, "M%d %dh%dv1h-%dz", start, y, x-start, x-start)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img" aria-label="%s">`,
		n, n, template.HTMLEscapeString(label))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`, n, n, d.String())
	return template.HTML(b.String()), nil
}
