// Package flowchart draws the procedure of a service standard as an inline SVG swimlane
// flowchart, as in the annex of PermenPAN-RB 15/2014: one column per actor (pelaksana),
// one row per step, the step's number and text on the left and the time it takes on the
// right ("No. | Kegiatan | actor … | Waktu"); in the row, the step's shape stands in the
// column of whoever carries it out, so a citizen sees at a glance who does what, in
// which order, and what is theirs to do.
//
// The flowchart repeats the numbered step list, which stays the accessible source of
// truth. So the <svg> is marked aria-hidden="true" and focusable="false" and has no
// role="img": a screen reader must not read the procedure twice.
//
// # Size
//
// One viewBox unit is one CSS pixel: the <svg> has width equal to the viewBox width, and
// the theme shows it in a box that scrolls sideways when the screen is narrower (a phone
// of 360 px shows the number, the text and the first actor's column; the other actors
// are a swipe away). Every text is 14 px or larger, whatever the screen.
//
// Text is wrapped by estimating its width from a table of character widths: for each
// ASCII character the widest of DejaVu Sans, Liberation Sans (Arial's metrics) and their
// italics, the widest sans-serif fonts that systems fall back to; Roboto and San
// Francisco, which phones use, are narrower. Other characters count as 0.75 em (Latin
// letters with diacritics) or 1 em. Rows grow with their number of lines, and words too
// long for a line are broken hard, so no text overflows its cell in any of these fonts.
//
// # What it draws
//
// Each lane (a channel, "Tatap muka", "Daring", when the procedure has several) is a
// table of its own, under a band with the channel's name; its actors are its columns in
// the order they first appear, and its steps are numbered from 1, as in the step list.
// A lane begins with a start terminal in the column of the first step and ends with an
// end terminal in the column of the last. A step is a box in its actor's column, or
// across the columns of its actors when it has several; arrows join each step to the
// next, turning across columns where the actor changes. Stages (tahap) are grey bands
// across the table with the stage's name, before their first step.
//
// A step with a decision is drawn as a diamond, and its question is written in bold
// under the step's text. The path that goes on ("Ya", or the outcomes that go on) leaves
// the diamond downwards. A path back to an earlier (or later) step (kembali_ke) leaves
// it on the right, runs along a track right of the actor columns and enters the target
// step from the side; a path back to the decision's own step (the check is done again
// once the citizen has completed the file) runs up the track to just above the diamond
// and enters it from the top, beside the path in; a path that ends the procedure (jika_tidak without kembali_ke, a
// decision with neither, an outcome with selesai) leaves on the left to a small end
// mark. The text column spells out each branch: "Tidak: <jika_tidak>", and each outcome
// ([[prosedur.hasil]]) as "<jika>: <maka> (kembali ke langkah n)", "(langkah ini
// diulang)" or "(Selesai)". A
// step's condition (jika) is written in italics above its text.
//
// # Output
//
// The output is deterministic (same steps, same bytes), compact (no indentation,
// integer coordinates, shared attributes on groups) and uses only black and grey
// strokes and white or light grey fills, so it prints well without colour. All text
// from content is XML-escaped.
package flowchart

import (
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
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
	Number     string // "No.": the heading of the step numbers
	Activity   string // "Kegiatan": the heading of the steps' texts
	Time       string // "Waktu": the heading of the steps' times
	BackTo     string // "kembali ke langkah %d": where an outcome goes back to
	Repeat     string // "langkah ini diulang": an outcome that goes back to its own step
	// Duration writes the time a step takes ("15 menit", "1–3 hari kerja"); nil writes
	// the numbers and the unit as the standard has them.
	Duration func(standard.StepTime) string

	// ID prefixes the ids inside the SVG (the arrowhead marker), so that two flowcharts
	// on one page do not share an id. Use something unique on the page, such as the
	// service slug. Empty means a prefix derived from a hash of the steps, which differs
	// between different procedures but is the same for the same procedure twice.
	// Characters other than ASCII letters, digits, '-' and '_' are dropped.
	ID string
}

// Geometry, in viewBox units (CSS pixels).
const (
	numW   = 34  // the column of step numbers
	textW  = 180 // the column of the steps' texts: with the numbers and the first actor, 326 px, what a 360 px phone shows
	actorW = 112 // each actor's column, at the least
	// maxActorW is the widest an actor's column grows so that its heading, the actor's
	// name, takes at most headLines lines: a row of headings as tall as the longest
	// name wrapped at actorW ("Petugas verifikasi layanan daring", four lines) is a
	// tall empty band over the columns a phone shows.
	maxActorW = 208
	headLines = 2
	timeW     = 96 // the column of the steps' times
	shapeW    = 72 // a step's box and a decision's diamond
	shapeH    = 28 // a step's box and a terminal
	diamH     = 40 // a decision's diamond
	lineH     = 18 // the distance between lines of 14 px text
	padY      = 8  // space above and below the lines of a cell
	trackDX   = 7  // the distance between the tracks of paths back
	tracks    = 4  // number of tracks; more paths back share the last one
	endR      = 6  // the radius of the mark where a path ends
)

// gutterW is the strip right of the actor columns that holds the tracks.
const gutterW = 10 + trackDX*tracks

// Width limits of the lines of each kind of text, and their font. All text is 14 px.
var (
	cellText = measure{textW - 12, 14, false}
	cellBold = measure{textW - 12, 14, true}
	timeText = measure{timeW - 12, 14, false}
	termText = measure{shapeW - 8, 14, false}
	numText  = measure{numW - 6, 14, true}
	laneText = measure{numW + textW - 16, 14, true} // a lane's or stage's name, over the first two columns
)

// Text classes: each is one <g> with the attributes that set the look of its lines.
// Classes whose lines all start at the same x move there with a transform, and their
// lines leave x out, which saves bytes on a long procedure.
const (
	cText     = iota // a step's text
	cBold            // a decision's question; column headings; lane and stage names
	cNote            // a step's condition and a decision's branches
	cNum             // step numbers
	cMid             // terminals and times
	cHead            // the headings of the number, actor and time columns
	cLabel           // "Ya" and "Tidak" beside the paths
	cLabelEnd        // "Tidak" left of a diamond, right-aligned
	nClasses
)

var classAttrs = [nClasses]string{
	cText:     "",
	cBold:     ` font-weight="bold"`,
	cNote:     ` font-style="italic"`,
	cNum:      ` font-weight="bold" text-anchor="middle"`,
	cMid:      ` text-anchor="middle"`,
	cHead:     ` font-weight="bold" text-anchor="middle"`,
	cLabel:    ` class="label"`,
	cLabelEnd: ` class="label" text-anchor="end"`,
}

// classX is the x of every line of the classes that move there with a transform.
var classX = [nClasses]int{cText: numW + 6, cNote: numW + 6, cNum: numW / 2}

// SVG writes the procedure in steps as an inline SVG swimlane flowchart (no XML
// prolog), or nothing when there are no steps. See the package comment for what it draws.
func SVG(w io.Writer, steps []standard.Step, l Labels) error {
	return LanesSVG(w, steps, standard.Lanes(steps), l)
}

// LanesSVG is SVG with steps already split into lanes (standard.Lanes(steps)), for a
// caller that has them: a build makes them once per service (standard.Service.Lanes).
func LanesSVG(w io.Writer, steps []standard.Step, lanes []standard.Lane, l Labels) error {
	if len(steps) == 0 {
		return nil
	}
	l = l.withDefaults(steps)
	n := len(steps)
	d := &drawing{labels: l, arrows: make([]byte, 0, 40*n+64), shapes: make([]byte, 0, 60*n+128), grid: make([]byte, 0, 40*n+128)}
	d.text[cText] = make([]byte, 0, 100*n)
	y := 1
	for i, ln := range lanes {
		if i > 0 {
			y += 16
		}
		y = d.lane(ln, len(lanes) > 1, y)
	}
	height := y + 1

	// The parts are written one after the other, not copied into one buffer first
	// (50 MB of copies at 10,000 services): b holds only the markup between them.
	var err error
	write := func(p []byte) {
		if err == nil {
			_, err = w.Write(p)
		}
	}
	b := make([]byte, 0, 512)
	b = appendf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d"`+
		` aria-hidden="true" focusable="false" class="flowchart" font-family="sans-serif" font-size="14">`, d.width, height, d.width, height)
	b = append(b, `<defs><marker id="`...)
	b = append(b, l.ID...)
	b = append(b, `-a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto">`+
		`<path d="M0 0L10 5L0 10z"/></marker></defs>`...)
	b = append(b, `<g fill="none" stroke="#888">`...)
	write(b)
	write(d.grid)
	b = append(b[:0], `</g>`...)
	b = append(b, `<g fill="none" stroke="#000" stroke-width="1.5" marker-end="url(#`...)
	b = append(b, l.ID...)
	b = append(b, `-a)">`...)
	write(b)
	write(d.arrows)
	b = append(b[:0], `</g>`...)
	b = append(b, `<g fill="#fff" stroke="#000" stroke-width="1.5">`...)
	write(b)
	write(d.shapes)
	b = append(b[:0], `</g>`...)
	for c := range nClasses {
		if len(d.text[c]) == 0 {
			continue
		}
		b = append(append(b, "<g"...), classAttrs[c]...)
		if x := classX[c]; x != 0 {
			b = appendf(b, ` transform="translate(%d)"`, x)
		}
		write(append(b, '>'))
		write(d.text[c])
		b = append(b[:0], `</g>`...)
	}
	write(append(b, `</svg>`...))
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
	def(&l.Number, "No.")
	def(&l.Activity, "Kegiatan")
	def(&l.Time, "Waktu")
	def(&l.Repeat, "langkah ini diulang")
	if !strings.Contains(l.BackTo, "%d") || strings.Count(l.BackTo, "%") != 1 {
		l.BackTo = "kembali ke langkah %d"
	}
	if l.Duration == nil {
		l.Duration = func(t standard.StepTime) string {
			if t.Max > t.Min {
				return fmt.Sprintf("%d–%d %s", t.Min, t.Max, t.Unit)
			}
			return fmt.Sprintf("%d %s", t.Min, t.Unit)
		}
	}
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

// drawing collects the layers of the SVG: the table's grid under arrows under shapes
// under text.
type drawing struct {
	labels Labels
	width  int // of the widest lane
	grid   []byte
	arrows []byte
	shapes []byte
	text   [nClasses][]byte
}

// row is where one step of a lane is drawn.
type row struct {
	top, h     int
	x0, x1     int // the left and right edge of its shape
	cx         int // where paths enter and leave it
	shapeTop   int
	shapeBot   int
	decision   bool
	actorCol   int // the first of its actors' columns
	lastActor  int
	noteLines  []line
	timeLines  []string
	stageLines []string // the name of the stage that begins here, if any
}

// line is one line of a cell, in its class.
type line struct {
	class int
	s     string
}

// loop is a path from a decision back (or on) to a step of the lane, perhaps its own.
type loop struct {
	fromX, fromY int
	from, target int // indexes in the lane
	track        int
}

// selfGap is the room a decision that repeats its own step leaves above its diamond,
// for the path back to run in below the path into it.
const selfGap = 10

// lane draws one lane from y down and returns the y of its bottom.
func (d *drawing) lane(ln standard.Lane, header bool, y int) int {
	steps := ln.Steps()
	l := d.labels
	// The actors, in the order they first appear, are the columns.
	var actors []string
	col := map[string]int{}
	for _, st := range steps {
		for _, a := range st.Actors {
			a = strings.Join(strings.Fields(a), " ")
			if _, ok := col[a]; !ok {
				col[a] = len(actors)
				actors = append(actors, a)
			}
		}
	}
	if len(actors) == 0 {
		col[""] = 0
		actors = []string{""}
	}
	// Each actor's column after the first is as wide as its heading needs (actorWidth);
	// the first stays actorW wide, so that a 360 px phone shows it whole, and its
	// heading, on screen with it, may take more lines. colX[c] is the left edge of
	// column c, colX[len(actors)] the right edge of the last.
	actorX := numW + textW // left edge of the first actor column
	colX := make([]int, len(actors)+1)
	heads := make([][]string, len(actors))
	colX[0] = actorX
	for c, a := range actors {
		w := actorW
		if c == 0 {
			heads[c] = wrap(a, measure{actorW - 12, 14, true})
		} else {
			w, heads[c] = actorWidth(a)
		}
		colX[c+1] = colX[c] + w
	}
	gutterX := colX[len(actors)] // left edge of the tracks
	timeX := gutterX             // left edge of the time column
	for i, st := range steps {
		if back, _ := branches(st, i, len(steps)); len(back) > 0 {
			timeX = gutterX + gutterW // room for the tracks of paths back
		}
	}
	width := timeX + timeW
	d.width = max(d.width, width+1)
	colMid := func(c int) int { return (colX[c] + colX[c+1]) / 2 }

	if header && ln.Channel != "" {
		lines := wrap(ln.Channel, measure{float64(width - 16), 14, true})
		h := lineH*len(lines) + 2*padY
		d.grid = appendf(d.grid, `<rect x="0" y="%d" width="%d" height="%d" fill="#ccc" stroke="none"/>`, y, width, h)
		for j, s := range lines {
			d.textAt(cBold, 8, y+padY+14+lineH*j, s)
		}
		y += h
	}
	// The heading row.
	headTop := y
	hl := [][]string{{l.Number}, wrap(l.Activity, cellBold)}
	hl = append(hl, heads...)
	hl = append(hl, wrap(l.Time, timeText))
	hh := 1
	for _, x := range hl {
		hh = max(hh, len(x))
	}
	hh = lineH*hh + 2*padY
	for j, s := range wrap(l.Number, numText) {
		d.textAt(cHead, numW/2, y+padY+14+lineH*j, s)
	}
	for j, s := range hl[1] {
		d.textAt(cBold, numW+6, y+padY+14+lineH*j, s)
	}
	for c := range actors {
		for j, s := range hl[2+c] {
			d.textAt(cHead, colMid(c), y+padY+14+lineH*j, s)
		}
	}
	for j, s := range hl[len(hl)-1] {
		d.textAt(cHead, timeX+timeW/2, y+padY+14+lineH*j, s)
	}
	y += hh

	// Lay out the rows: a terminal row, the steps, a terminal row.
	stageAt := map[int]string{}
	for _, sg := range ln.Stages {
		if sg.Name != "" && len(ln.Stages) > 0 {
			stageAt[sg.First-1] = sg.Name
		}
	}
	rows := make([]row, len(steps))
	lines := []int{y} // y of the lines between rows
	startTop := y
	y += shapeH + 2*padY
	lines = append(lines, y)
	var bands [][3]int // y, height, and the first step, of each stage band
	for i, st := range steps {
		r := &rows[i]
		if name, ok := stageAt[i]; ok {
			r.stageLines = wrap(name, laneText)
			h := lineH*len(r.stageLines) + 2*padY - 4
			bands = append(bands, [3]int{y, h, i})
			y += h
		}
		r.actorCol, r.lastActor = len(actors), -1
		for _, a := range st.Actors {
			c := col[strings.Join(strings.Fields(a), " ")]
			r.actorCol, r.lastActor = min(r.actorCol, c), max(r.lastActor, c)
		}
		if r.lastActor < 0 {
			r.actorCol, r.lastActor = 0, 0
		}
		r.decision = strings.TrimSpace(st.Decision) != ""
		r.noteLines = d.cell(st, i, len(steps))
		if st.Time != nil {
			r.timeLines = wrap(l.Duration(*st.Time), timeText)
		}
		shape, gap := shapeH, 0
		if r.decision {
			shape = diamH + 18 // and room for "Ya" below it
			if back, _ := branches(st, i, len(steps)); slices.Contains(back, i) {
				gap = selfGap
			}
		}
		r.top = y
		r.h = max(lineH*max(len(r.noteLines), len(r.timeLines))+2*padY, shape+2*padY+gap)
		r.x0, r.x1 = colMid(r.actorCol)-shapeW/2, colMid(r.lastActor)+shapeW/2
		r.cx = (r.x0 + r.x1) / 2
		r.shapeTop = y + padY + gap
		if r.decision {
			r.shapeBot = r.shapeTop + diamH
		} else {
			r.shapeBot = r.shapeTop + shapeH
		}
		y += r.h
		lines = append(lines, y)
	}
	endTop := y
	y += shapeH + 2*padY

	// The table: columns, then the lines between rows, then the stage bands.
	d.grid = appendf(d.grid, `<rect x="0" y="%d" width="%d" height="%d"/>`, headTop, numW, y-headTop)
	d.grid = appendf(d.grid, `<rect x="%d" y="%d" width="%d" height="%d"/>`, numW, headTop, textW, y-headTop)
	for c := range actors {
		fill := ""
		if c%2 == 0 {
			fill = ` fill="#f2f2f2"`
		}
		d.grid = appendf(d.grid, `<rect x="%d" y="%d" width="%d" height="%d"`, colX[c], headTop, colX[c+1]-colX[c], y-headTop)
		d.grid = append(append(d.grid, fill...), `/>`...)
	}
	d.grid = appendf(d.grid, `<rect x="%d" y="%d" width="%d" height="%d"/>`, timeX, headTop, timeW, y-headTop)
	d.grid = append(d.grid, `<path stroke="#ccc" d="`...)
	for _, ly := range lines {
		d.grid = appendf(d.grid, `M0 %dh%d`, ly, width)
	}
	d.grid = append(d.grid, `"/>`...)
	for _, b := range bands {
		d.grid = appendf(d.grid, `<rect x="0" y="%d" width="%d" height="%d" fill="#ddd" stroke="none"/>`, b[0], width, b[1])
		for j, s := range rows[b[2]].stageLines {
			d.textAt(cBold, 8, b[0]+padY+12+lineH*j, s)
		}
	}

	// The cells of each row, its shape, and the path into it.
	d.terminal(colMid(rows[0].actorCol), startTop+padY, l.Start)
	prevX, prevY := colMid(rows[0].actorCol), startTop+padY+shapeH
	var loops []loop
	for i, st := range steps {
		r := &rows[i]
		for j, ln := range r.noteLines {
			d.textAt(ln.class, numW+6, r.top+padY+14+lineH*j, ln.s)
		}
		d.textAt(cNum, numW/2, r.top+padY+14, strconv.Itoa(i+1))
		for j, s := range r.timeLines {
			d.textAt(cMid, timeX+timeW/2, r.top+padY+14+lineH*j, s)
		}
		d.connect(prevX, prevY, r.cx, r.shapeTop, r.top)
		if !r.decision {
			d.shapes = appendf(d.shapes, `<rect x="%d" y="%d" width="%d" height="%d"/>`, r.x0, r.shapeTop, r.x1-r.x0, shapeH)
			prevX, prevY = r.cx, r.shapeBot
			continue
		}
		midY := r.shapeTop + diamH/2
		left, right := r.cx-(r.x1-r.x0)/2, r.cx+(r.x1-r.x0)/2
		d.shapes = appendf(d.shapes, `<path d="M%d %dL%d %dL%d %dL%d %dz"/>`, left, midY, r.cx, r.shapeTop, right, midY, r.cx, r.shapeBot)
		prevX, prevY = r.cx, r.shapeBot
		d.textAt(cLabel, r.cx+5, r.shapeBot+14, l.Yes)
		back, ends := branches(st, i, len(steps))
		if len(st.Outcomes) == 0 && len(back) > 0 {
			d.textAt(cLabel, right+4, midY-8, l.No)
		} else if len(st.Outcomes) == 0 {
			d.textAt(cLabelEnd, left-4, midY-9, l.No)
		}
		for _, t := range back {
			loops = append(loops, loop{fromX: right, fromY: midY, from: i, target: t})
		}
		if ends {
			d.arrows = appendf(d.arrows, `<path d="M%d %dH%d"/>`, left, midY, left-26+endR)
			d.shapes = appendf(d.shapes, `<circle cx="%d" cy="%d" r="%d" fill="#000"/>`, left-26, midY, endR)
		}
	}
	last := rows[len(rows)-1]
	endX := last.cx
	if last.actorCol != last.lastActor {
		endX = colMid(last.actorCol)
	}
	d.connect(prevX, prevY, endX, endTop+padY, endTop)
	d.terminal(endX, endTop+padY, l.End)

	// Give each loop a track, inner (shorter) loops nearer the columns, so that nested
	// loops do not cross.
	span := func(lp loop) (int, int) {
		ty := rows[lp.target].shapeTop + shapeH/2
		if lp.target == lp.from {
			ty = rows[lp.target].shapeTop - selfGap/2 - 1
		}
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
		t := rows[lp.target]
		trackX := gutterX + 10 + trackDX*lp.track
		if lp.target == lp.from {
			// Back to the decision itself: up above the diamond, below the path into
			// it, and down into its top, where the path into it ends too.
			d.arrows = appendf(d.arrows, `<path d="M%d %dH%dV%dH%dV%d"/>`,
				lp.fromX, lp.fromY, trackX, t.shapeTop-selfGap/2-1, t.cx, t.shapeTop)
			continue
		}
		ty := t.shapeTop + shapeH/2
		if t.decision {
			ty = t.shapeTop + diamH/2
		}
		d.arrows = appendf(d.arrows, `<path d="M%d %dH%dV%dH%d"/>`,
			lp.fromX, lp.fromY, trackX, ty, t.cx+(t.x1-t.x0)/2)
	}
	return y
}

// branches is where the decision of step i (of n in its lane) leads besides onward: the
// steps it goes back (or forward) to, itself included, and whether a branch ends the
// procedure. A decision written the short way ends on "Tidak" unless kembali_ke names a
// step.
func branches(st standard.Step, i, n int) (back []int, ends bool) {
	if strings.TrimSpace(st.Decision) == "" {
		return nil, false
	}
	valid := func(k int) bool { return k >= 1 && k <= n }
	if len(st.Outcomes) == 0 {
		if valid(st.BackTo) {
			return []int{st.BackTo - 1}, false
		}
		return nil, true
	}
	for _, o := range st.Outcomes {
		switch {
		case o.End:
			ends = true
		case valid(o.BackTo):
			back = append(back, o.BackTo-1)
		}
	}
	return back, ends
}

// cell is the lines of a step's text cell: its condition, its text, its decision and
// the decision's branches. The step is step i (from 0) of n in its lane.
func (d *drawing) cell(st standard.Step, i, n int) []line {
	l := d.labels
	var out []line
	add := func(class int, s string, m measure) {
		for _, x := range wrap(s, m) {
			out = append(out, line{class, x})
		}
	}
	add(cNote, st.Condition, cellText)
	add(cText, st.Text, cellText)
	if strings.TrimSpace(st.Decision) == "" {
		return out
	}
	add(cBold, st.Decision, cellBold)
	where := func(back int, end bool) string {
		switch {
		case end:
			return " (" + l.End + ")"
		case back == i+1:
			return " (" + l.Repeat + ")"
		case back >= 1 && back <= n:
			return " (" + fmt.Sprintf(l.BackTo, back) + ")"
		}
		return ""
	}
	if len(st.Outcomes) == 0 {
		if strings.TrimSpace(st.IfNot) != "" || st.BackTo != 0 {
			s := l.No + ": " + st.IfNot
			if strings.TrimSpace(st.IfNot) == "" {
				s = l.No
			}
			add(cNote, s+where(st.BackTo, false), cellText)
		}
		return out
	}
	for _, o := range st.Outcomes {
		s := o.If
		if strings.TrimSpace(o.Then) != "" {
			s += ": " + o.Then
		}
		add(cNote, s+where(o.BackTo, o.End), cellText)
	}
	return out
}

// connect draws the path from one shape down into the next, turning across the columns
// at y m, the top of the next one's row, when the next is another actor's.
func (d *drawing) connect(x0, y0, x1, y1, m int) {
	if x0 == x1 {
		d.arrows = appendf(d.arrows, `<path d="M%d %dV%d"/>`, x0, y0, y1)
		return
	}
	d.arrows = appendf(d.arrows, `<path d="M%d %dV%dH%dV%d"/>`, x0, y0, m, x1, y1)
}

// terminal draws a rounded terminal of the label, centred on x, from y.
func (d *drawing) terminal(x, y int, label string) {
	d.shapes = appendf(d.shapes, `<rect x="%d" y="%d" width="%d" height="%d" rx="14"/>`, x-shapeW/2, y, shapeW, shapeH)
	lines := wrap(label, termText)
	if len(lines) > 1 {
		lines = lines[:1] // a terminal holds one line; the labels are single words
		lines[0] = cutToWidth(lines[0], termText)
	}
	for _, s := range lines {
		d.textAt(cMid, x, y+19, s)
	}
}

// cutToWidth shortens s with an ellipsis to fit m.
func cutToWidth(s string, m measure) string {
	rs := []rune(s)
	for len(rs) > 0 && m.width(string(rs)+"…") > m.max {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

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

// actorWidth returns the width of the column of actor a and its heading, a's name
// wrapped: actorW, or as much wider, in steps of 8 px up to maxActorW, as the name needs to
// take at most headLines lines without breaking a word ("Pengadmini|strasi").
func actorWidth(a string) (int, []string) {
	w := actorW
	for {
		m := measure{float64(w - 12), 14, true}
		lines := wrap(a, m)
		fits := len(lines) <= headLines
		for _, word := range strings.Fields(a) {
			fits = fits && m.textWidth(word) <= int(m.max*1000/m.size)
		}
		if fits || w >= maxActorW {
			return w, lines
		}
		w += 8
	}
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
