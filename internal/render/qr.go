package render

import (
	"errors"
	"fmt"
	"html/template"
	"strconv"
	"sync/atomic"

	"rsc.io/qr"
	"rsc.io/qr/coding"
)

// QuietZone is the margin of light modules around a QR code that scanners need.
const QuietZone = 4

// QRGrid encodes text as a QR code at error-correction level M and returns its modules,
// dark as true, with the quiet zone included.
//
// rsc.io/qr encodes with one fixed mask pattern, which the standard allows; libraries
// that try all eight masks to pick the most scannable (skip2/go-qrcode) took 0.9 ms
// per code, a fifth of a 10,000-service build, against 0.03 ms here.
func QRGrid(text string) ([][]bool, error) {
	c, err := new(qrCoder).encode(text)
	if err != nil {
		return nil, err
	}
	n := c.Size + 2*QuietZone
	grid := make([][]bool, n)
	for y := range grid {
		grid[y] = make([]bool, n)
		for x := range grid[y] {
			grid[y][x] = c.Black(x-QuietZone, y-QuietZone)
		}
	}
	return grid, nil
}

// qrCoder encodes as qr.Encode does at level M, but keeps the plan of each QR version
// (module roles, format bits, data layout), which qr.Encode builds anew for every code:
// two thirds of its time. The addresses of one site are about as long as one another,
// so one or two plans serve all its posters. A plan is only read once built, and two
// workers that build the same one at once build the same thing, so an atomic store is
// all the locking it needs.
type qrCoder struct {
	plans [coding.MaxVersion + 1]atomic.Pointer[coding.Plan]
}

func (q *qrCoder) encode(text string) (*coding.Code, error) {
	var enc coding.Encoding // the smallest that holds text, as qr.Encode picks
	switch {
	case coding.Num(text).Check() == nil:
		enc = coding.Num(text)
	case coding.Alpha(text).Check() == nil:
		enc = coding.Alpha(text)
	default:
		enc = coding.String(text)
	}
	const level = coding.Level(qr.M)
	v := coding.Version(coding.MinVersion)
	for enc.Bits(v) > v.DataBytes(level)*8 {
		if v++; v > coding.MaxVersion {
			return nil, errors.New("text too long to encode as QR")
		}
	}
	p := q.plans[v].Load()
	if p == nil {
		var err error
		if p, err = coding.NewPlan(v, level, 0); err != nil {
			return nil, err
		}
		q.plans[v].Store(p)
	}
	return p.Encode(enc)
}

// svg draws the QR code of text as inline SVG: one <path> of run-length rectangles
// (dark modules of a row that touch are one rectangle), on a white square that keeps
// the four-module quiet zone a scanner needs. shape-rendering="crispEdges" stops the
// browser from anti-aliasing module edges into grey, which a cheap phone camera misreads.
// label names the code for a screen reader.
//
// A test parses the path back into a grid and compares it with the library's encoding.
func (q *qrCoder) svg(text, label string) (template.HTML, error) {
	c, err := q.encode(text)
	if err != nil {
		return "", fmt.Errorf("render: QR code for %q: %w", text, err)
	}
	n := c.Size + 2*QuietZone
	b := make([]byte, 0, 8192)
	b = append(b, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `" shape-rendering="crispEdges" role="img" aria-label="`...)
	b = append(b, template.HTMLEscapeString(label)...)
	b = append(b, `"><rect width="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `" height="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `" fill="#fff"/><path fill="#000" d="`...)
	for y := range c.Size {
		row := c.Bitmap[y*c.Stride:]
		dark := func(x int) bool { return row[x/8]&(0x80>>(x&7)) != 0 }
		for x := 0; x < c.Size; {
			if !dark(x) {
				x++
				continue
			}
			start := x
			for x < c.Size && dark(x) {
				x++
			}
			// "M<x> <y>h<w>v1h-<w>z" in the coordinates of the quiet-zoned square.
			b = appendSmall(append(b, 'M'), start+QuietZone)
			b = appendSmall(append(b, ' '), y+QuietZone)
			b = appendSmall(append(b, 'h'), x-start)
			b = appendSmall(append(b, "v1h-"...), x-start)
			b = append(b, 'z')
		}
	}
	b = append(b, `"/></svg>`...)
	return template.HTML(b), nil
}

// appendSmall appends n, which is below 1000 (a QR code is at most 185 modules with its
// quiet zone), in decimal: a poster writes some thousand of them, and strconv.AppendInt
// is general.
func appendSmall(b []byte, n int) []byte {
	if n >= 100 {
		b = append(b, byte('0'+n/100), byte('0'+n/10%10))
	} else if n >= 10 {
		b = append(b, byte('0'+n/10))
	}
	return append(b, byte('0'+n%10))
}
