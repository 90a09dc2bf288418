// Package flowchart draws the procedure of a service standard as an inline SVG
// flowchart: one box per step, a decision shape where a step branches, and one lane per
// channel (tatap muka, daring) when the procedure has several.
//
// The flowchart repeats the numbered step list, which stays the accessible source of
// truth. So the <svg> is marked aria-hidden="true" and focusable="false" and has no
// role="img": a screen reader must not read the procedure twice.
//
// # Layout
//
// Everything is laid out in a viewBox 320 units wide and shown with width="100%" (and a
// max-width in the theme's CSS, not an inline style that a Content-Security-Policy
// would block, so a wide desktop column does not blow the text up). On a 360 px phone one
// unit is about one CSS pixel, so the 14-unit text reads as 14 px text.
//
// Text is wrapped by estimating its width from a table of character widths: for each
// ASCII character the widest of DejaVu Sans, Liberation Sans (Arial's metrics) and their
// italics, the widest sans-serif fonts that systems fall back to; Roboto and San
// Francisco, which phones use, are narrower. Other characters count as 0.75 em (Latin
// letters with diacritics) or 1 em. Boxes grow with their number of lines, and words too
// long for a line are broken hard, so no text overflows its box in any of these fonts.
//
// Each step is a box with its number in a circle on the top-left corner, the actor on a
// smaller italic first line and the step text below. A step with a decision is followed
// by a hexagon holding the question. The "Ya" path continues down to the next step; the
// "Tidak" path leaves the hexagon to the right and goes to a dashed box with the
// jika_tidak text, or, with kembali_ke, back to that step (from the dashed box when
// there is one) along a track on the right edge. A decision with neither ends the
// "Tidak" path at a small end terminal.
//
// A step with a condition (jika) has it written beside the arrow into the step. A
// decision with outcomes ([[prosedur.hasil]]) draws each outcome that does more than go
// on as a dashed box hanging off a trunk on the left of the column: its condition on an
// italic first line, then what happens; from the box the procedure goes back to a step
// (along the tracks on the right), ends at a small end terminal, or goes on, joining
// the main path. The main path, on the far left, carries the outcomes that simply go
// on, or "Ya" when none is written. The last step of a lane always reaches the end
// terminal, whichever side its path leaves from.
//
// # Stages
//
// Steps of one channel that name stages (tahap) are drawn stage after stage, each under
// a grey band with the stage's name; the path runs on from the last step of a stage to
// the first of the next, and the numbers run on too.
//
// # Channels
//
// When steps name several distinct channels, each channel becomes a lane with a header
// band and its own start and end terminals, in the order the channels first appear; its
// steps are numbered from 1, as in the step list, and kembali_ke counts within the lane.
// Lanes are stacked vertically, not placed side by side: two lanes side by side would
// each get at most 180 of 360 px, far below the ~260 units a lane needs for 14 px text
// to stay readable, so on the phones citizens use side-by-side lanes would shrink the
// text to about 7 px.
//
// # Output
//
// The output is deterministic (same steps, same bytes), compact (no indentation,
// integer coordinates, shared attributes on groups) and uses only black strokes and
// white or light grey fills, so it prints well without colour. All text from content is
// XML-escaped.
package flowchart

import (
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/papan-id/papan/internal/standard"
)

// Labels are the words the flowchart itself adds, in the site's language, and the id
// prefix of the SVG. An empty word falls back to Indonesian.
type Labels struct {
	Yes, No    string // "Ya", "Tidak": the branches of a decision
	Start, End string // "Mulai", "Selesai": the terminals of each lane

	// ID prefixes the ids inside the SVG (the arrowhead marker), so that two flowcharts
	// on one page do not share an id. Use something unique on the page, such as the
	// service slug. Empty means a prefix derived from a hash of the steps, which differs
	// between different procedures but is the same for the same procedure twice.
	// Characters other than ASCII letters, digits, '-' and '_' are dropped.
	ID string
}

// Geometry, in viewBox units. The main column holds the step boxes; the strip right of
// it holds the "Tidak" labels and the tracks of arrows that go back.
const (
	width    = 320
	boxX     = 14  // left edge of step boxes and decisions
	boxW     = 236 // width of step boxes and decisions
	boxR     = boxX + boxW
	midX     = boxX + boxW/2 // where arrows between steps run
	hexInset = 14            // how far the points of a decision stick out
	sideX    = 56            // left edge of a jika_tidak box
	sideR    = 284           // right edge of a jika_tidak box
	yesX     = 36            // where the "Ya" arrow runs past a jika_tidak box
	noX      = 270           // where the "Tidak" path turns down to a box below
	trackX   = 296           // first track for arrows back to an earlier step
	trunkX   = 48            // the trunk the outcomes of a decision hang off
	branchX  = 64            // left edge of an outcome box (its right edge is sideR)
	stageX   = 6             // left edge of a stage band
	labelR   = 290           // right limit of labels on arrows, clear of the tracks
	trackDX  = 7             // distance between tracks
	tracks   = 4             // number of tracks; more loops share the last one
	gap      = 22            // vertical space between shapes, filled by an arrow
)

// Width limits of the lines of each kind of text, and their font.
var (
	stepText   = measure{boxW - 16, 14, false}
	actorText  = measure{boxR - 8 - (boxX + 16), 12, false}
	hexText    = measure{boxW - 2*hexInset - 16, 14, false}
	sideText   = measure{sideR - sideX - 16, 12, false}
	headerText = measure{width - 2 - 20, 14, true}
	termText   = measure{boxW - 28, 14, false}
	smallTerm  = measure{width - 2 - (midX + 10) - 28, 12, false} // clear of the "Ya" arrow
	branchText = measure{sideR - branchX - 16, 12, false}
	stageText  = measure{width - 2*stageX - 16, 13, true}
)

// Text classes: each is one <g> with the attributes that set the look of its lines.
// Classes whose lines all start at the same x move there with a transform, and their
// lines leave x out, which saves a few hundred bytes on a long procedure.
const (
	cText     = iota // step text
	cActor           // actor line of a step
	cSide            // jika_tidak text
	cSmall           // branch labels
	cMid             // decisions and terminals
	cNum             // step numbers
	cHead            // lane headers
	cSmallMid        // small end terminals
	cBranchIf        // the condition of an outcome
	cBranch          // what happens on an outcome
	cStage           // stage bands
	nClasses
)

var classAttrs = [nClasses]string{
	cText:     "",
	cActor:    ` font-size="12" font-style="italic"`,
	cSide:     ` font-size="12"`,
	cSmall:    ` font-size="12"`,
	cMid:      ` text-anchor="middle"`,
	cNum:      ` font-size="11" font-weight="bold" text-anchor="middle"`,
	cHead:     ` font-weight="bold"`,
	cSmallMid: ` font-size="12" text-anchor="middle"`,
	cBranchIf: ` font-size="12" font-style="italic"`,
	cBranch:   ` font-size="12"`,
	cStage:    ` font-size="13" font-weight="bold"`,
}

// SVG writes the procedure in steps as an inline SVG flowchart (no XML prolog), or
// nothing when there are no steps. See the package comment for what it draws.
func SVG(w io.Writer, steps []standard.Step, l Labels) error {
	if len(steps) == 0 {
		return nil
	}
	l = l.withDefaults(steps)
	// Room for a typical step, so the layers rarely grow: each growth copies them.
	n := len(steps)
	d := &drawing{labels: l, arrows: make([]byte, 0, 40*n+64), shapes: make([]byte, 0, 100*n+128)}
	d.text[cText] = make([]byte, 0, 80*n)
	d.text[cActor] = make([]byte, 0, 40*n)
	d.text[cNum] = make([]byte, 0, 24*n)
	lanes := standard.Lanes(steps)
	y := 4
	for i, ln := range lanes {
		if i > 0 {
			y += 28
		}
		y = d.lane(ln, len(lanes) > 1, y)
	}
	height := y + 6

	size := len(d.arrows) + len(d.shapes) + 1024
	for _, t := range d.text {
		size += len(t)
	}
	b := make([]byte, 0, size)
	b = appendf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="100%"`+
		` aria-hidden="true" focusable="false" class="flowchart" font-family="sans-serif" font-size="14">`, width, height)
	b = append(b, `<defs><marker id="`...)
	b = append(b, l.ID...)
	b = append(b, `-a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto">`+
		`<path d="M0 0L10 5L0 10z"/></marker></defs>`...)
	b = append(b, `<g fill="none" stroke="#000" stroke-width="1.5" marker-end="url(#`...)
	b = append(b, l.ID...)
	b = append(b, `-a)">`...)
	b = append(append(b, d.arrows...), `</g>`...)
	b = append(b, `<g fill="#fff" stroke="#000" stroke-width="1.5">`...)
	b = append(append(b, d.shapes...), `</g>`...)
	for c := range nClasses {
		if len(d.text[c]) == 0 {
			continue
		}
		b = append(append(b, "<g"...), classAttrs[c]...)
		if x := classX[c]; x != 0 {
			b = appendf(b, ` transform="translate(%d)"`, x)
		}
		b = append(append(append(b, '>'), d.text[c]...), `</g>`...)
	}
	b = append(b, `</svg>`...)
	_, err := w.Write(b)
	return err
}

func (l Labels) withDefaults(steps []standard.Step) Labels {
	def := func(s *string, v string) {
		if strings.TrimSpace(*s) == "" {
			*s = v
		}
	}
	def(&l.Yes, "Ya")
	def(&l.No, "Tidak")
	def(&l.Start, "Mulai")
	def(&l.End, "Selesai")
	var id []byte
	for i := 0; i < len(l.ID); i++ {
		c := l.ID[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			id = append(id, c)
		}
	}
	if len(id) == 0 {
		h := fnv.New64a()
		for _, st := range steps {
			for _, s := range []string{st.Channel, st.Actors.String(), st.Text, st.Decision, st.IfNot, fmt.Sprint(st.BackTo)} {
				io.WriteString(h, s)
				h.Write([]byte{0})
			}
			// Fields added later go in only when set, so that old procedures keep their ids.
			if st.Stage != "" || st.Condition != "" || len(st.Outcomes) > 0 {
				fmt.Fprintf(h, "%q %q %v\x00", st.Stage, st.Condition, st.Outcomes)
			}
		}
		id = fmt.Appendf(nil, "%08x", h.Sum64()>>32)
	}
	if c := id[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		id = append([]byte("fc"), id...)
	}
	l.ID = string(id)
	return l
}

// drawing collects the three layers of the SVG: arrows under shapes under text.
type drawing struct {
	labels Labels
	arrows []byte
	shapes []byte
	text   [nClasses][]byte
}

// loop is a "Tidak" arrow back (or forward) to another step of the lane.
type loop struct {
	fromX, fromY int
	target       int // index in the lane
	track        int
}

// lane draws one lane from y down and returns the y of its bottom.
func (d *drawing) lane(ln standard.Lane, header bool, y int) int {
	if header && ln.Channel != "" {
		lines := wrap(ln.Channel, headerText)
		h := 17*len(lines) + 11
		d.shapes = appendf(d.shapes, `<rect x="1" y="%d" width="%d" height="%d" fill="#eee"/>`, y, width-2, h)
		for j, s := range lines {
			d.textAt(cHead, 10, y+19+17*j, s)
		}
		y += h + 14
	}
	y = d.terminal(midX, y, d.labels.Start, termText)

	steps := ln.Steps()
	stageAt := map[int]string{} // the stage whose band comes before step i
	for _, sg := range ln.Stages {
		if sg.Name != "" {
			stageAt[sg.First-1] = sg.Name
		}
	}
	type box struct{ top, h int }
	boxes := make([]box, len(steps))
	var loops []loop
	exitX, exitY := midX, y
	for i, st := range steps {
		if name, ok := stageAt[i]; ok {
			y = d.stage(name, y+gap) // over the arrow, which runs on behind it
		}
		y += gap
		if lines := wrap(st.Condition, measure{float64(labelR - exitX - 6), 12, false}); len(lines) > 0 {
			y -= gap - 22 // below the "Ya" of a decision just above
			for _, s := range lines {
				d.textAt(cSmall, exitX+6, y+12, s)
				y += 15
			}
			y += 10
		}
		d.down(exitX, exitY, y)
		top := y
		y = d.step(i+1, st, y)
		boxes[i] = box{top, y - top}
		exitX, exitY = midX, y
		if strings.TrimSpace(st.Decision) == "" {
			continue
		}

		y += gap
		d.down(midX, exitY, y)
		hexTop := y
		y = d.decision(st.Decision, y)
		if len(st.Outcomes) > 0 {
			var more []loop
			exitX, exitY, y, more = d.outcomes(st.Outcomes, len(steps), i, y)
			loops = append(loops, more...)
			continue
		}
		back := st.BackTo >= 1 && st.BackTo <= len(steps) && st.BackTo != i+1
		hexMid := (hexTop + y) / 2
		exitY = y
		d.textAt(cSmall, boxR+4, hexMid-5, d.labels.No)
		switch {
		case strings.TrimSpace(st.IfNot) != "":
			y += gap
			d.arrows = appendf(d.arrows, `<path d="M%d %dH%dV%d"/>`, boxR, hexMid, noX, y)
			sideTop := y
			y = d.side(st.IfNot, y)
			if back {
				loops = append(loops, loop{fromX: sideR, fromY: (sideTop + y) / 2, target: st.BackTo - 1})
			}
			exitX = yesX
		case back:
			loops = append(loops, loop{fromX: boxR, fromY: hexMid, target: st.BackTo - 1})
		default:
			y += gap
			d.arrows = appendf(d.arrows, `<path d="M%d %dH%dV%d"/>`, boxR, hexMid, noX, y)
			y = d.terminal(noX, y, d.labels.End, smallTerm)
		}
		d.textAt(cSmall, exitX+6, exitY+15, d.labels.Yes)
	}
	y += gap
	if exitX == midX {
		d.down(exitX, exitY, y)
	} else {
		// The end terminal is narrow and centred: turn to it, so the path does not
		// dangle beside it.
		d.arrows = appendf(d.arrows, `<path d="M%d %dV%dH%dV%d"/>`, exitX, exitY, y-12, midX, y)
	}
	y = d.terminal(midX, y, d.labels.End, termText)

	// Give each loop a track on the right, inner (shorter) loops nearer the boxes, so
	// that nested loops do not cross.
	span := func(lp loop) (int, int) {
		b := boxes[lp.target]
		ty := b.top + b.h/2
		return min(ty, lp.fromY), max(ty, lp.fromY)
	}
	order := make([]int, len(loops))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		a0, a1 := span(loops[order[a]])
		b0, b1 := span(loops[order[b]])
		return a1-a0 < b1-b0
	})
	var used [tracks][][2]int
	for _, i := range order {
		lo, hi := span(loops[i])
		k := 0
		for ; k < tracks-1; k++ {
			free := true
			for _, u := range used[k] {
				if lo <= u[1]+4 && u[0] <= hi+4 {
					free = false
					break
				}
			}
			if free {
				break
			}
		}
		used[k] = append(used[k], [2]int{lo, hi})
		loops[i].track = k
	}
	for _, lp := range loops {
		b := boxes[lp.target]
		d.arrows = appendf(d.arrows, `<path d="M%d %dH%dV%dH%d"/>`,
			lp.fromX, lp.fromY, trackX+trackDX*lp.track, b.top+b.h/2, boxR)
	}
	return y
}

// outcomes draws the outcomes of the decision of step i (of n in its lane) whose
// hexagon ends at y. It returns where the main path leaves, the y of the bottom of
// what it drew, and the arrows back to other steps, which the lane draws once it knows
// where every step is.
func (d *drawing) outcomes(outs []standard.Outcome, n, i, y int) (exitX, exitY, bottom int, loops []loop) {
	hexBottom := y
	// The outcomes that simply go on are the main path; the others hang off the trunk,
	// those that go on last, so that the trunk ends before they join the main path.
	var main []string
	var rows []standard.Outcome
	for _, o := range outs {
		if o.Onward() && strings.TrimSpace(o.Then) == "" {
			main = append(main, o.If)
		} else if !o.Onward() {
			rows = append(rows, o)
		}
	}
	for _, o := range outs {
		if o.Onward() && strings.TrimSpace(o.Then) != "" {
			rows = append(rows, o)
		}
	}
	label := strings.Join(main, " / ")
	if strings.TrimSpace(label) == "" {
		label = d.labels.Yes
	}
	if len(rows) == 0 {
		lines := wrap(label, measure{labelR - midX - 6, 12, false})
		for j, s := range lines {
			d.textAt(cSmall, midX+6, hexBottom+15+15*j, s)
		}
		return midX, hexBottom, hexBottom + 15*max(len(lines)-1, 0), nil
	}
	for k, o := range rows {
		y += gap
		top := y
		y = d.branch(o, y)
		tap := top + 13
		if k == len(rows)-1 {
			d.arrows = appendf(d.arrows, `<path d="M%d %dV%dH%d"/>`, trunkX, hexBottom, tap, branchX)
		} else {
			d.arrows = appendf(d.arrows, `<path d="M%d %dH%d"/>`, trunkX, tap, branchX)
		}
		switch {
		case o.BackTo != 0:
			if o.BackTo >= 1 && o.BackTo <= n && o.BackTo != i+1 {
				loops = append(loops, loop{fromX: sideR, fromY: (top + y) / 2, target: o.BackTo - 1})
			}
		case o.End:
			y += gap
			d.down((branchX+sideR)/2, y-gap, y)
			y = d.terminal((branchX+sideR)/2, y, d.labels.End, smallTerm)
		default: // on to the next step, along the main path
			d.arrows = appendf(d.arrows, `<path d="M%d %dV%dH%d"/>`, branchX+16, y, y+12, yesX)
			y += 12
		}
	}
	lines := wrap(label, measure{labelR - yesX - 6, 12, false})
	for j, s := range lines {
		d.textAt(cSmall, yesX+6, y+17+15*j, s)
	}
	return yesX, hexBottom, y + 15*len(lines) + 6, loops
}

// branch draws the dashed box of an outcome at y and returns its bottom.
func (d *drawing) branch(o standard.Outcome, y int) int {
	cond, then := wrap(o.If, branchText), wrap(o.Then, branchText)
	if len(cond)+len(then) == 0 {
		cond = []string{""}
	}
	h := 15*(len(cond)+len(then)) + 11
	d.shapes = appendf(d.shapes, `<rect x="%d" y="%d" width="%d" height="%d" stroke-dasharray="4 3"/>`,
		branchX, y, sideR-branchX, h)
	for j, s := range cond {
		d.textAt(cBranchIf, branchX+8, y+17+15*j, s)
	}
	for j, s := range then {
		d.textAt(cBranch, branchX+8, y+17+15*(len(cond)+j), s)
	}
	return y + h
}

// stage draws the band naming a stage at y and returns its bottom.
func (d *drawing) stage(name string, y int) int {
	lines := wrap(name, stageText)
	if len(lines) == 0 {
		return y
	}
	h := 16*len(lines) + 10
	d.shapes = appendf(d.shapes, `<rect x="%d" y="%d" width="%d" height="%d" fill="#f4f4f4"/>`, stageX, y, width-2*stageX, h)
	for j, s := range lines {
		d.textAt(cStage, stageX+8, y+18+16*j, s)
	}
	return y + h
}

// step draws the box of step n at y and returns the y of its bottom.
func (d *drawing) step(n int, st standard.Step, y int) int {
	actor := wrap(st.Actors.String(), actorText)
	text := wrap(st.Text, stepText)
	if len(text) == 0 {
		text = []string{""}
	}
	first := y + 22 // baseline of the first line of text
	if len(actor) > 0 {
		first = y + 17 + 14*(len(actor)-1) + 20
	}
	bottom := first + 17*(len(text)-1) + 9
	d.shapes = appendf(d.shapes, `<rect x="%d" y="%d" width="%d" height="%d"/><circle cx="%d" cy="%d" r="10"/>`,
		boxX, y, boxW, bottom-y, boxX, y)
	d.textAt(cNum, boxX, y+4, strconv.Itoa(n))
	for j, s := range actor {
		d.textAt(cActor, boxX+16, y+17+14*j, s)
	}
	for j, s := range text {
		d.textAt(cText, boxX+8, first+17*j, s)
	}
	return bottom
}

// decision draws the hexagon holding the question at y and returns its bottom.
func (d *drawing) decision(q string, y int) int {
	lines := wrap(q, hexText)
	h := 17*len(lines) + 14
	d.shapes = appendf(d.shapes, `<path d="M%d %dL%d %dH%dL%d %dL%d %dH%dz"/>`,
		boxX, y+h/2, boxX+hexInset, y, boxR-hexInset, boxR, y+h/2, boxR-hexInset, y+h, boxX+hexInset)
	for j, s := range lines {
		d.textAt(cMid, midX, y+21+17*j, s)
	}
	return y + h
}

// side draws the dashed jika_tidak box at y and returns its bottom.
func (d *drawing) side(text string, y int) int {
	lines := wrap(text, sideText)
	h := 15*len(lines) + 11
	d.shapes = appendf(d.shapes, `<rect x="%d" y="%d" width="%d" height="%d" stroke-dasharray="4 3"/>`,
		sideX, y, sideR-sideX, h)
	for j, s := range lines {
		d.textAt(cSide, sideX+8, y+17+15*j, s)
	}
	return y + h
}

// terminal draws a rounded start or end shape centred on x at y, in the font of m,
// and returns its bottom.
func (d *drawing) terminal(x, y int, label string, m measure) int {
	class, lh, h := cMid, 17, 28
	if m.size < 14 {
		class, lh, h = cSmallMid, 15, 24
	}
	lines := wrap(label, m)
	tw := 0.0
	for _, s := range lines {
		tw = max(tw, m.width(s))
	}
	w := max(int(tw)+28, 2*h)
	h += lh * (len(lines) - 1)
	left := min(max(x-w/2, boxX), width-2-w)
	d.shapes = appendf(d.shapes, `<rect x="%d" y="%d" width="%d" height="%d" rx="%d"/>`, left, y, w, h, min(h/2, 14))
	for j, s := range lines {
		d.textAt(class, left+w/2, y+h/2+lh*(2*j-len(lines)+1)/2+lh/3, s)
	}
	return y + h
}

// down draws an arrow straight down at x.
func (d *drawing) down(x, y0, y1 int) {
	d.arrows = appendf(d.arrows, `<path d="M%d %dV%d"/>`, x, y0, y1)
}

// classX is the x of every line of the classes that move there with a transform.
var classX = [nClasses]int{cText: boxX + 8, cActor: boxX + 16, cSide: sideX + 8, cHead: 10,
	cBranchIf: branchX + 8, cBranch: branchX + 8, cStage: stageX + 8}

// textAt writes one line of text, escaped.
func (d *drawing) textAt(class, x, y int, s string) {
	b := d.text[class]
	switch classX[class] {
	case 0:
		b = appendf(b, `<text x="%d" y="%d">`, x, y)
	case x:
		b = appendf(b, `<text y="%d">`, y)
	default:
		panic(fmt.Sprintf("flowchart: text of class %d at x=%d, want %d", class, x, classX[class]))
	}
	d.text[class] = append(appendEscaped(b, s), `</text>`...)
}

// appendEscaped appends s escaped as xml.EscapeText escapes it. Most lines are plain
// ASCII, which it copies without the conversion to []byte that xml.EscapeText needs.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\'' || c == '&' || c == '<' || c == '>' {
			w := bytesWriter{b}
			xml.EscapeText(&w, []byte(s)) // cannot fail on a bytesWriter
			return w.b
		}
	}
	return append(b, s...)
}

type bytesWriter struct{ b []byte }

func (w *bytesWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// appendf appends format with each %d replaced by the next of args: fmt.Fprintf for
// the one verb the drawing uses, without its allocations (a long procedure writes
// hundreds of shapes).
func appendf(b []byte, format string, args ...int) []byte {
	for {
		i := strings.Index(format, "%d")
		if i < 0 {
			return append(b, format...)
		}
		b = strconv.AppendInt(append(b, format[:i]...), int64(args[0]), 10)
		format, args = format[i+2:], args[1:]
	}
}

// measure is the room for a line of text and the font it is set in.
type measure struct {
	max  float64 // width of a line
	size float64 // font size
	bold bool
}

// Widths of the ASCII characters from ' ' to '~' in thousandths of an em: the widest
// of DejaVu Sans, Liberation Sans and their italics, measured with Chromium.
var (
	regularWidths = [...]uint16{
		318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337,
		637, 637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 557,
		1016, 723, 687, 723, 771, 667, 611, 778, 752, 334, 500, 723, 611, 890, 749, 788,
		667, 788, 723, 667, 611, 732, 723, 989, 723, 723, 686, 391, 337, 391, 838, 557,
		500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580, 278, 975, 634, 612,
		635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
	}
	boldWidths = [...]uint16{
		349, 457, 556, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366,
		696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611,
		1000, 774, 763, 734, 831, 684, 684, 821, 837, 390, 557, 778, 667, 996, 837, 851,
		733, 851, 771, 721, 683, 813, 774, 1104, 771, 725, 726, 458, 366, 458, 838, 557,
		500, 675, 716, 593, 716, 679, 436, 716, 712, 343, 343, 666, 343, 1042, 712, 688,
		716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712, 366, 712, 838,
	}
)

// runeWidth is the estimated width of r in thousandths of an em.
func (m measure) runeWidth(r rune) int {
	switch {
	case r >= ' ' && r <= '~' && m.bold:
		return int(boldWidths[r-' '])
	case r >= ' ' && r <= '~':
		return int(regularWidths[r-' '])
	case r < 0x250: // Latin-1 and Latin Extended: letters with diacritics
		return 750
	}
	return 1000
}

// width is the estimated width of s in viewBox units.
func (m measure) width(s string) float64 {
	return float64(m.textWidth(s)) * m.size / 1000
}

// textWidth is the estimated width of s in thousandths of an em.
func (m measure) textWidth(s string) int {
	w := 0
	for _, r := range s {
		w += m.runeWidth(r)
	}
	return w
}

// singleSpaced reports whether the words of s are one space apart, with no space
// before the first or after the last: whether s is strings.Join(strings.Fields(s), " ").
func singleSpaced(s string) bool {
	prevSpace := true // no space at the start
	for _, r := range s {
		if !unicode.IsSpace(r) {
			prevSpace = false
			continue
		}
		if r != ' ' || prevSpace {
			return false
		}
		prevSpace = true
	}
	return !prevSpace || s == ""
}

// wrap splits s into lines that fit m, breaking at spaces and breaking words longer
// than a line wherever they reach its end. Runs of white space collapse; control
// characters and others XML cannot hold are dropped, and invalid UTF-8 becomes U+FFFD,
// so what is measured is what is drawn.
func wrap(s string, m measure) []string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || !unicode.IsControl(r) && r != 0xFFFE && r != 0xFFFF {
			return r
		}
		return -1
	}, strings.ToValidUTF8(s, "\uFFFD"))
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	// Words are now one space apart, so every line is a substring of s: s[start:end].
	limit := int(m.max * 1000 / m.size) // in thousandths of an em
	space := m.runeWidth(' ')
	var lines []string
	start, end, curW := -1, 0, 0 // start < 0: the line is empty
	for pos := 0; pos < len(s); {
		next := strings.IndexByte(s[pos:], ' ')
		if next < 0 {
			next = len(s)
		} else {
			next += pos
		}
		word := s[pos:next]
		if w := m.textWidth(word); start >= 0 && curW+space+w <= limit {
			end, curW = next, curW+space+w
		} else {
			if start >= 0 {
				lines = append(lines, s[start:end])
			}
			start, curW = -1, 0
			for i, c := range word {
				cw := m.runeWidth(c)
				if start >= 0 && curW+cw > limit {
					lines = append(lines, s[start:end])
					start, curW = -1, 0
				}
				if start < 0 {
					start = pos + i
				}
				end = pos + i + utf8.RuneLen(c)
				curW += cw
			}
		}
		pos = next + 1
	}
	if start >= 0 {
		lines = append(lines, s[start:end])
	}
	return lines
}
