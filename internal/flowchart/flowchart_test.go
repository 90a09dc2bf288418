package flowchart

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/papan-id/papan/internal/standard"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var labels = Labels{Yes: "Ya", No: "Tidak", Start: "Mulai", End: "Selesai", ID: "t"}

// Procedures drawn in the golden files and checked by the structural tests.
var procedures = []struct {
	name  string
	steps []standard.Step
	// counts of what the drawing must hold: step boxes, decision diamonds, marks where a
	// path ends, arrows, start and end terminals, and actor columns
	boxes, decisions, ends, arrows, terminals, actors int
}{
	{
		name: "linear",
		steps: []standard.Step{
			{Actors: standard.Actors{"Pemohon"}, Text: "Pemohon mengambil nomor antrean dan menunggu panggilan"},
			{Actors: standard.Actors{"Petugas loket"}, Text: "Petugas menerima dan memeriksa berkas permohonan"},
			{Actors: standard.Actors{"Kepala Bidang"}, Text: "Penandatanganan dokumen"},
			{Actors: standard.Actors{"Petugas loket"}, Text: "Penyerahan dokumen kepada pemohon"},
		},
		boxes: 4, arrows: 5, terminals: 2, actors: 3,
	},
	{
		name: "back-to",
		steps: []standard.Step{
			{Actors: standard.Actors{"Pemohon"}, Text: "Pemohon mengunggah formulir dan persyaratan"},
			{Actors: standard.Actors{"Verifikator"}, Text: "Verifikasi berkas", Decision: "Berkas lengkap?", BackTo: 1},
			{Actors: standard.Actors{"Kepala Dinas"}, Text: "Penandatanganan surat rekomendasi"},
		},
		boxes: 2, decisions: 1, arrows: 5, terminals: 2, actors: 3,
	},
	{
		name: "if-not",
		steps: []standard.Step{
			{Actors: standard.Actors{"Pemohon"}, Text: "Pemohon mengajukan permohonan dengan persyaratan lengkap"},
			{Actors: standard.Actors{"Tim teknis"}, Text: "Peninjauan lapangan", Decision: "Memenuhi syarat?",
				IfNot: "Pemohon menerima surat penjelasan dan saran perbaikan"},
			{Actors: standard.Actors{"Kepala Dinas"}, Text: "Penerbitan izin"},
		},
		boxes: 2, decisions: 1, ends: 1, arrows: 5, terminals: 2, actors: 3,
	},
	{
		name: "channels",
		steps: []standard.Step{
			{Channel: "Tatap muka", Actors: standard.Actors{"Pemohon"}, Text: "Pemohon menyerahkan persyaratan di loket"},
			{Channel: "Daring", Actors: standard.Actors{"Pemohon"}, Text: "Pemohon mengisi formulir daring dan mengunggah persyaratan"},
			{Channel: "Tatap muka", Actors: standard.Actors{"Petugas loket"}, Text: "Pemeriksaan kelengkapan berkas",
				Decision: "Berkas lengkap?", IfNot: "Berkas dikembalikan dengan catatan kekurangan", BackTo: 1},
			{Channel: "Daring", Actors: standard.Actors{"Petugas verifikasi layanan daring"}, Text: "Verifikasi permohonan",
				Decision: "Berkas lengkap?", BackTo: 1},
			{Channel: "Tatap muka", Actors: standard.Actors{"Operator"}, Text: "Pencetakan dan penyerahan dokumen"},
			{Channel: "Daring", Actors: standard.Actors{"Operator"}, Text: "Dokumen dikirim melalui surel"},
		},
		boxes: 4, decisions: 2, arrows: 10, terminals: 4, actors: 6,
	},
	{
		// Kota Metro's PBG with pertelaan (corpus 01): two stages one after the other,
		// a step with a condition, a different actor on most steps.
		name: "stages",
		steps: []standard.Step{
			{Stage: "Penerbitan PBG", Actors: standard.Actors{"Dinas Teknis"}, Text: "Penetapan retribusi dan Surat Pemenuhan Standar Teknis melalui SIMBG"},
			{Stage: "Penerbitan PBG", Actors: standard.Actors{"Operator"}, Text: "Pengecekan kembali nilai retribusi PBG di SIMBG"},
			{Stage: "Penerbitan PBG", Actors: standard.Actors{"Operator"}, Text: "Pencetakan Surat Ketetapan Retribusi Daerah",
				Condition: "Jika nilai retribusi sesuai"},
			{Stage: "Penerbitan PBG", Actors: standard.Actors{"Pengawas"}, Text: "Pengecekan bukti pembayaran retribusi pemohon"},
			{Stage: "Penerbitan PBG", Actors: standard.Actors{"Kepala Dinas"}, Text: "Penerbitan Persetujuan Bangunan Gedung"},
			{Stage: "Penerbitan SLF dan SBKBG", Actors: standard.Actors{"Pemohon"}, Text: "Pengunggahan as built drawing dan surat pernyataan melalui SIMBG"},
			{Stage: "Penerbitan SLF dan SBKBG", Actors: standard.Actors{"Kepala Dinas"}, Text: "Penerbitan SLF dan SBKBG"},
		},
		boxes: 7, arrows: 8, terminals: 2, actors: 5,
	},
	{
		// A condition on the step after a decision sits below its "Ya"; the decision
		// of the last step reaches Selesai though its path leaves on the left.
		name: "condition",
		steps: []standard.Step{
			{Actors: standard.Actors{"Pemohon"}, Text: "Pemohon mengisi formulir dan menyerahkan berkas"},
			{Actors: standard.Actors{"Petugas loket"}, Text: "Pemeriksaan berkas", Decision: "Berkas lengkap?", BackTo: 1},
			{Actors: standard.Actors{"Operator"}, Text: "Verifikasi data di SIAK",
				Condition: "jika permohonan perubahan elemen data"},
			{Actors: standard.Actors{"Kepala Dinas"}, Text: "Penandatanganan dokumen", Decision: "Data benar?",
				IfNot: "Pemohon diminta membetulkan data"},
		},
		boxes: 2, decisions: 2, ends: 1, arrows: 7, terminals: 2, actors: 4,
	},
	{
		// The decision of MODEL2.md with three outcomes, as Kecamatan Taman (corpus 04)
		// and Garut (corpus 13) write theirs: back to a step, cancelled, and on.
		name: "three-outcomes",
		steps: []standard.Step{
			{Actors: standard.Actors{"Pemohon"}, Text: "Pemohon mendaftar ke petugas dengan berkas persyaratan"},
			{Actors: standard.Actors{"Petugas"}, Text: "Verifikasi berkas", Decision: "Berkas lengkap dan benar?",
				Outcomes: []standard.Outcome{
					{If: "Tidak lengkap", Then: "Berkas dikembalikan kepada pemohon", BackTo: 1},
					{If: "Tidak memenuhi syarat", Then: "Permohonan dibatalkan", End: true},
					{If: "Lengkap dan benar"},
				}},
			{Actors: standard.Actors{"Lurah"}, Text: "Penandatanganan surat keterangan domisili"},
		},
		boxes: 2, decisions: 1, ends: 1, arrows: 6, terminals: 2, actors: 3,
	},
	{
		// Mesuji's PONEK (corpus 10): one decision, six outcomes, at the last step.
		name: "many-outcomes",
		steps: []standard.Step{
			{Actors: standard.Actors{"Pasien/keluarga"}, Text: "Pendaftaran di admission"},
			{Actors: standard.Actors{"Dokter", "Bidan"}, Text: "Anamnesis, pemeriksaan fisik, diagnosis dan terapi",
				Decision: "Tindak lanjut pasien?",
				Outcomes: []standard.Outcome{
					{If: "Pulang"},
					{If: "Rawat jalan"},
					{If: "Dirawat inap", Then: "Pasien diantar ke ruang rawat inap"},
					{If: "ICU", Then: "Pasien dipindahkan ke ICU"},
					{If: "Dirujuk", Then: "Pasien dirujuk ke rumah sakit lain", End: true},
					{If: "Meninggal", End: true},
				}},
		},
		boxes: 1, decisions: 1, ends: 1, arrows: 4, terminals: 2, actors: 3,
	},
	{
		// A decision that repeats its own step, both ways of writing it, as Garut (corpus
		// 13) writes "jika persyaratan tidak lengkap … diminta untuk melengkapi": the
		// second is entered from another actor's column on its right.
		name: "repeat-step",
		steps: []standard.Step{
			{Actors: standard.Actors{"Pemohon"}, Text: "Pemohon datang ke kantor membawa persyaratan"},
			{Actors: standard.Actors{"Petugas"}, Text: "Pemeriksaan persyaratan", Decision: "Persyaratan lengkap dan benar?",
				Outcomes: []standard.Outcome{
					{If: "Tidak lengkap", Then: "Pemohon melengkapi persyaratan", BackTo: 2},
					{If: "Lengkap dan benar"},
				}},
			{Actors: standard.Actors{"Kepala Bidang"}, Text: "Penandatanganan bukti terdaftar"},
			{Actors: standard.Actors{"Petugas"}, Text: "Pencocokan data dengan DTKS", Decision: "Data sesuai?",
				IfNot: "Operator memperbaiki data", BackTo: 4},
			{Actors: standard.Actors{"Pemohon"}, Text: "Pemohon menerima Bukti Terdaftar di DTKS"},
		},
		boxes: 3, decisions: 2, arrows: 8, terminals: 2, actors: 3,
	},
	{
		name: "actors",
		steps: []standard.Step{
			{Actors: standard.Actors{"Pemohon"}, Text: "Pemohon mengajukan permohonan"},
			{Actors: standard.Actors{"Dinas Teknis", "Operator", "Pengawas"}, Text: "Pemeriksaan dokumen teknis bersama"},
			{Actors: standard.Actors{"Kepala Dinas", "Sekretaris Dinas"}, Text: "Penandatanganan izin"},
		},
		boxes: 3, arrows: 4, terminals: 2, actors: 6,
	},
}

func render(t testing.TB, steps []standard.Step, l Labels) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := SVG(&b, steps, l); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	for _, p := range procedures {
		t.Run(p.name, func(t *testing.T) {
			// One element a line, so that a change reads as a diff. The output has no
			// newlines of its own and no "><" inside text (">" is escaped), so this loses
			// nothing.
			got := bytes.ReplaceAll(render(t, p.steps, labels), []byte("><"), []byte(">\n<"))
			file := filepath.Join("testdata", p.name+".svg")
			if *update {
				if err := os.WriteFile(file, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(append(got, '\n'), want) {
				t.Errorf("%s differs; run go test ./internal/flowchart -update and review the diff", file)
			}
		})
	}
}

func TestStructure(t *testing.T) {
	for _, p := range procedures {
		t.Run(p.name, func(t *testing.T) {
			root := parse(t, render(t, p.steps, labels))
			if got, want := root.attr("aria-hidden"), "true"; got != want {
				t.Errorf("aria-hidden = %q, want %q", got, want)
			}
			if got, want := root.attr("focusable"), "false"; got != want {
				t.Errorf("focusable = %q, want %q", got, want)
			}
			if got := root.attr("role"); got != "" {
				t.Errorf("role = %q, want none: the SVG duplicates the step list", got)
			}
			if got, want := root.attr("width"), strings.Fields(root.attr("viewBox"))[2]; got != want {
				t.Errorf("width = %q, want the viewBox width %q: one unit is one CSS pixel", got, want)
			}
			var boxes, decisions, ends, arrows, terminals, actors int
			root.walk(func(n *node) {
				shape := n.parent != nil && n.parent.attr("fill") == "#fff"
				switch {
				case n.name == "circle":
					ends++
				case n.name == "rect" && shape && n.attr("rx") != "":
					terminals++
				case n.name == "rect" && shape:
					boxes++
				case n.name == "rect" && n.attr("fill") == "#f2f2f2", n.name == "rect" && n.attr("fill") == "" && isActorColumn(n):
					actors++
				case n.name == "path" && n.inherited("marker-end") != "":
					arrows++
				case n.name == "path" && shape:
					decisions++
				}
			})
			for _, c := range []struct {
				what      string
				got, want int
			}{
				{"step boxes", boxes, p.boxes},
				{"decisions", decisions, p.decisions},
				{"ends", ends, p.ends},
				{"arrows", arrows, p.arrows},
				{"terminals", terminals, p.terminals},
				{"actor columns", actors, p.actors},
			} {
				if c.got != c.want {
					t.Errorf("%s: got %d, want %d", c.what, c.got, c.want)
				}
			}
			checkFit(t, root)
		})
	}
}

// isActorColumn reports whether a grid rectangle without a fill is an actor's column:
// right of the text column, and at least actorW wide (the time column is narrower).
func isActorColumn(n *node) bool {
	x, _ := strconv.Atoi(n.attr("x"))
	w, _ := strconv.Atoi(n.attr("width"))
	return x >= numW+textW && w >= actorW
}

func TestNoSteps(t *testing.T) {
	if got := render(t, nil, labels); len(got) != 0 {
		t.Errorf("SVG of no steps = %q, want nothing", got)
	}
}

func TestDeterministic(t *testing.T) {
	steps := procedures[3].steps
	a := render(t, steps, Labels{})
	b := render(t, steps, Labels{})
	if !bytes.Equal(a, b) {
		t.Error("two renderings of the same steps differ")
	}
	c := render(t, procedures[0].steps, Labels{})
	if markerID(t, a) == markerID(t, c) {
		t.Errorf("different procedures share the marker id %q", markerID(t, a))
	}
	for id, want := range map[string]string{`"x><y`: "xy-a", "1 x": "fc1x-a", "ktp-el": "ktp-el-a"} {
		if got := markerID(t, render(t, steps, Labels{ID: id})); got != want {
			t.Errorf("marker id of ID %q = %q, want %q", id, got, want)
		}
	}
}

func markerID(t *testing.T, svg []byte) string {
	var id string
	parse(t, svg).walk(func(n *node) {
		if n.name == "marker" {
			id = n.attr("id")
		}
	})
	return id
}

func TestDefaultLabels(t *testing.T) {
	svg := string(render(t, procedures[2].steps, Labels{}))
	for _, w := range []string{">Ya<", ">Tidak<", ">Mulai<", ">Selesai<"} {
		if !strings.Contains(svg, w) {
			t.Errorf("SVG with empty Labels lacks %s", w)
		}
	}
	svg = string(render(t, procedures[2].steps, Labels{Yes: "Yes", No: "No", Start: "Start", End: "End"}))
	for _, w := range []string{">Yes<", ">No<", ">Start<", ">End<"} {
		if !strings.Contains(svg, w) {
			t.Errorf("SVG with English Labels lacks %s", w)
		}
	}
}

func TestHostileText(t *testing.T) {
	long := strings.Repeat("Pemberitahuan", 30)
	hostile := []string{
		`<script>alert(1)</script>`,
		`"><svg onload=alert(1)>`,
		`&amp; & <![CDATA[x]]> ]]>`,
		"nul\x00 esc\x1b bad\xff utf8",
		long,
	}
	var steps []standard.Step
	for i, s := range hostile {
		steps = append(steps, standard.Step{Channel: s, Actors: standard.Actors{s}, Text: s + " " + s, Decision: s, IfNot: s, BackTo: 1 + i%2})
		steps = append(steps, standard.Step{Channel: s, Stage: s, Condition: s, Actors: standard.Actors{s, s}, Text: s, Decision: s,
			Outcomes: []standard.Outcome{{If: s, Then: s, BackTo: 1}, {If: s, End: true}, {If: s, Then: s}, {If: s}}})
	}
	l := Labels{Yes: hostile[0], No: hostile[1], Start: hostile[2], End: long, ID: hostile[1]}
	svg := render(t, steps, l)
	root := parse(t, svg)
	for _, bad := range []string{"<script", "<svg onload", "<![CDATA[", "\x00", "\x1b"} {
		if bytes.Contains(svg, []byte(bad)) {
			t.Errorf("output contains %q", bad)
		}
	}
	if want := "&amp;amp; &amp;"; !bytes.Contains(svg, []byte(want)) {
		t.Errorf("%q not escaped as %q", "&amp; &", want)
	}
	// The text reads back as written: wrapping changes only white space.
	var all strings.Builder
	root.walk(func(n *node) { all.WriteString(n.text + " ") })
	for _, s := range hostile[:3] {
		for _, w := range strings.Fields(s) {
			if !strings.Contains(all.String(), w) {
				t.Errorf("word %q of %q lost", w, s)
			}
		}
	}
	checkFit(t, root)
}

func TestLongProcedureFitsBudget(t *testing.T) {
	texts := []string{
		"Pemohon mengambil nomor antrean di mesin antrean dan menunggu panggilan",
		"Pemohon menyerahkan atau menunjukkan persyaratan kepada petugas loket",
		"Petugas memeriksa kelengkapan dan keabsahan persyaratan serta mencocokkan data pemohon",
		"Perekaman biometrik (foto wajah, sidik jari, iris mata, dan tanda tangan)",
		"Verifikasi dan validasi data kependudukan dalam SIAK terpusat",
		"Pencetakan dan personalisasi dokumen, dilanjutkan pemeriksaan mutu hasil cetak",
	}
	var steps []standard.Step
	for i := range 12 {
		st := standard.Step{Actors: standard.Actors{"Petugas loket " + strconv.Itoa(i+1)}, Text: texts[i%len(texts)]}
		if i == 2 || i == 8 {
			st.Decision = "Berkas lengkap?"
			st.IfNot = "Berkas dikembalikan kepada pemohon disertai catatan tertulis tentang kekurangan"
			st.BackTo = i
		}
		steps = append(steps, st)
	}
	svg := render(t, steps, labels)
	var z bytes.Buffer
	gw := gzip.NewWriter(&z)
	gw.Write(svg)
	gw.Close()
	t.Logf("12 steps: %d bytes, %d gzipped", len(svg), z.Len())
	// The swimlane writes each step's text in its own column (as the annex of
	// PermenPAN-RB 15/2014 does), so it is larger than a bare diagram; gzip takes most of
	// the repetition back.
	if got, max := len(svg), 7500; got > max {
		t.Errorf("12-step flowchart is %d bytes, budget %d", got, max)
	}
	if got, max := z.Len(), 2000; got > max {
		t.Errorf("12-step flowchart is %d bytes gzipped, budget %d", got, max)
	}
	checkFit(t, parse(t, svg))
}

func TestWrap(t *testing.T) {
	digits := measure{max: 30, size: 10} // a digit is 6.37 wide, a space 3.18
	for _, c := range []struct {
		name string
		in   string
		m    measure
		want []string
	}{
		{"short text stays on one line", "Berkas lengkap?", cellText, []string{"Berkas lengkap?"}},
		{"breaks at spaces", "00 00 00 00", digits, []string{"00 00", "00 00"}},
		{"collapses white space", "  00 \n\t 00  ", digits, []string{"00 00"}},
		{"breaks a long word hard", "0000 00 0000000000", digits, []string{"0000", "00", "0000", "0000", "00"}},
		{"counts wide letters wider", "mmmm iiii", digits, []string{"mmm", "m iiii"}},
		{"counts characters, not bytes", "éééé éééé", measure{max: 30, size: 10}, []string{"éééé", "éééé"}},
		{"empty text has no lines", " ", digits, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := wrap(c.in, c.m)
			if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
				t.Errorf("wrap(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// checkFit asserts that every line of text that starts inside a rectangle (a cell of
// the table, a band, a terminal) ends inside it, by the width estimate the layout uses,
// and that no text is smaller than 14 px.
func checkFit(t *testing.T, root *node) {
	t.Helper()
	type box struct{ x0, y0, x1, y1 float64 }
	var shapes []box
	root.walk(func(n *node) {
		if n.name == "rect" {
			x, y := n.num(t, "x"), n.num(t, "y")
			shapes = append(shapes, box{x, y, x + n.num(t, "width"), y + n.num(t, "height")})
		}
	})
	lines := 0
	root.walk(func(n *node) {
		if n.name != "text" {
			return
		}
		size, _ := strconv.ParseFloat(n.inherited("font-size"), 64)
		if size < 14 {
			t.Errorf("text %q is %v px, want at least 14", n.text, size)
		}
		w := measure{size: size, bold: n.inherited("font-weight") == "bold"}.width(n.text)
		x, y := n.num(t, "x")+translation(t, n), n.num(t, "y")
		x0, x1 := x, x+w
		switch n.inherited("text-anchor") {
		case "middle":
			x0, x1 = x-w/2, x+w/2
		case "end":
			x0, x1 = x-w, x
		}
		in := -1
		for i, s := range shapes {
			if x > s.x0 && x < s.x1 && y > s.y0 && y < s.y1 {
				in = i // the last one drawn is on top
			}
		}
		if in < 0 || n.inherited("class") == "label" {
			return // a label beside a path, which may reach into the empty cells beside
		}
		lines++
		s := shapes[in]
		if x0 < s.x0+2 || x1 > s.x1-2 || y-0.75*size < s.y0 || y+0.25*size > s.y1 {
			t.Errorf("text %q at (%v,%v) size %v spans x %.0f..%.0f, outside its shape %v", n.text, x, y, size, x0, x1, s)
		}
	})
	if lines == 0 {
		t.Error("no text inside shapes")
	}
}

// node is a parsed XML element, enough to check the drawing.
type node struct {
	name     string
	attrs    []xml.Attr
	text     string
	parent   *node
	children []*node
}

func (n *node) attr(name string) string {
	for _, a := range n.attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n *node) inherited(name string) string {
	for ; n != nil; n = n.parent {
		if v := n.attr(name); v != "" {
			return v
		}
	}
	return ""
}

func (n *node) num(t *testing.T, name string) float64 {
	t.Helper()
	a := n.attr(name)
	if a == "" && (name == "x" || name == "y") {
		return 0
	}
	v, err := strconv.ParseFloat(a, 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.name, name, n.attr(name), err)
	}
	return v
}

// translation is the x of the translate(x) transforms on n and its ancestors.
func translation(t *testing.T, n *node) float64 {
	t.Helper()
	x := 0.0
	for ; n != nil; n = n.parent {
		tr := n.attr("transform")
		if tr == "" {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(tr, "translate("), ")"), 64)
		if err != nil {
			t.Fatalf("transform %q: want translate(x)", tr)
		}
		x += v
	}
	return x
}

func (n *node) walk(f func(*node)) {
	f(n)
	for _, c := range n.children {
		c.walk(f)
	}
}

// parse decodes svg strictly and fails the test when it is not well-formed.
func parse(t *testing.T, svg []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	doc := &node{}
	cur := doc
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attrs: tok.Attr, parent: cur}
			cur.children = append(cur.children, n)
			cur = n
		case xml.EndElement:
			cur = cur.parent
		case xml.CharData:
			cur.text += string(tok)
		default:
			t.Fatalf("SVG holds a %T, want only elements and text", tok)
		}
	}
	if len(doc.children) != 1 || doc.children[0].name != "svg" {
		t.Fatalf("SVG has %d root elements, want one <svg>", len(doc.children))
	}
	root := doc.children[0]
	root.parent = nil
	return root
}

// FuzzSVG checks that any step content gives a well-formed SVG whose text stays inside
// its shapes.
func FuzzSVG(f *testing.F) {
	f.Add("Tatap muka", "Petugas loket", "Petugas memeriksa berkas", "Berkas lengkap?", "Berkas dikembalikan", 1)
	f.Add("", `"><svg onload=alert(1)>`, "<script>alert(1)</script>", "&amp;", strings.Repeat("W", 300), 2)
	f.Add("a\x00b", "\xff\xfe", "\ufffe\u2028", "]]>", "", 0)
	f.Fuzz(func(t *testing.T, channel, actor, text, decision, ifNot string, backTo int) {
		steps := []standard.Step{
			{Channel: channel, Actors: standard.Actors{actor}, Text: text},
			{Channel: channel, Actors: standard.Actors{actor}, Text: text, Decision: decision, IfNot: ifNot, BackTo: backTo},
			{Channel: "Daring", Actors: standard.Actors{actor}, Text: decision, Decision: text, BackTo: 1},
			{Channel: channel, Stage: decision, Condition: ifNot, Actors: standard.Actors{actor, text}, Text: text},
			{Channel: channel, Stage: decision, Actors: standard.Actors{ifNot}, Text: actor, Decision: text,
				Outcomes: []standard.Outcome{{If: ifNot, Then: text, BackTo: backTo}, {If: actor, End: true}, {If: decision, Then: channel}, {If: text}}},
		}
		checkFit(t, parse(t, render(t, steps, Labels{Yes: actor, No: ifNot, ID: channel})))
	})
}

// TestWrapAsWordsAndRunes checks wrap, which slices lines out of its input, against the
// plain way to wrap: collect the words, add them to a line rune by rune, copy out each line.
func TestWrapAsWordsAndRunes(t *testing.T) {
	reference := func(s string, m measure) []string {
		s = strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || !unicode.IsControl(r) && r != 0xFFFE && r != 0xFFFF {
				return r
			}
			return -1
		}, strings.ToValidUTF8(s, "\uFFFD"))
		limit := int(m.max * 1000 / m.size)
		var lines []string
		var cur []rune
		curW := 0
		for _, word := range strings.Fields(s) {
			w := m.textWidth(word)
			if len(cur) > 0 && curW+m.runeWidth(' ')+w <= limit {
				cur = append(append(cur, ' '), []rune(word)...)
				curW += m.runeWidth(' ') + w
				continue
			}
			if len(cur) > 0 {
				lines = append(lines, string(cur))
			}
			cur, curW = nil, 0
			for _, c := range word {
				if len(cur) > 0 && curW+m.runeWidth(c) > limit {
					lines = append(lines, string(cur))
					cur, curW = nil, 0
				}
				cur = append(cur, c)
				curW += m.runeWidth(c)
			}
		}
		if len(cur) > 0 {
			lines = append(lines, string(cur))
		}
		return lines
	}
	pieces := []string{"a", "Berkas", "lengkap", "mmmmmmmmmmmmmmmm", " ", " ", "  ", "\t", "\n", "\u00a0",
		"é", "—", "\x00", "\xff", "\ufffe", "<&>", "0000000000000000000000000000"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		for _, m := range []measure{cellText, cellBold, timeText, {max: 30, size: 10}} {
			got, want := wrap(b.String(), m), reference(b.String(), m)
			if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
				t.Fatalf("wrap(%q) = %q, want %q", b.String(), got, want)
			}
		}
	}
}

// TestActorColumnWidth: an actor's column widens until its heading, the actor's name,
// takes at most two lines without a word broken, so the row of headings over the
// columns a phone shows is not a tall empty band (four lines for "Petugas verifikasi
// layanan daring" at the narrowest width). A name too long for two lines even at the
// widest column wraps on.
func TestActorColumnWidth(t *testing.T) {
	for _, c := range []struct {
		name  string
		width int
		lines []string
	}{
		{"Pemohon", actorW, []string{"Pemohon"}},
		{"Petugas loket", actorW, []string{"Petugas", "loket"}},
		{"Petugas loket pengambilan", 128, []string{"Petugas loket", "pengambilan"}},
		{"Petugas verifikasi layanan daring", 160, []string{"Petugas verifikasi", "layanan daring"}},
		{"Pengadministrasi Umum", 152, []string{"Pengadministrasi", "Umum"}},
		{"Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", maxActorW,
			[]string{"Kepala Dinas", "Penanaman Modal dan", "Pelayanan Terpadu Satu", "Pintu"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			w, lines := actorWidth(c.name)
			if w != c.width || strings.Join(lines, "|") != strings.Join(c.lines, "|") {
				t.Errorf("actorWidth(%q) = %d, %q; want %d, %q", c.name, w, lines, c.width, c.lines)
			}
		})
	}
}
