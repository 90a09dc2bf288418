package standard

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a problem stops a build.
type Severity int

// The severities, in the words the editors read.
const (
	Error   Severity = iota // galat: the site is not built
	Warning                 // peringatan: the site is built, the standard is weaker
)

func (s Severity) String() string {
	if s == Warning {
		return "peringatan"
	}
	return "galat"
}

// Problem is one thing wrong or missing in the content, addressed to an OPD editor.
type Problem struct {
	File string // slash-separated, relative to the site root
	// Path is the key path of the field in File, such as "biaya[1].dasar_hukum", or ""
	// for the file as a whole. Line and Col are found from it when the problem is reported,
	// so building a site without problems never pays for positions.
	Path      string
	Line, Col int // 1-based; 0 when not yet located
	Severity  Severity
	Rule      string // stable rule ID such as "SP001", or "" for structural problems
	Message   string // one line, Indonesian
	Hint      string // advice on how to fix it, or ""
}

// String formats p as file:line:col: severity: message, with the hint on its own line.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	fmt.Fprintf(&b, ": %s: %s", p.Severity, p.Message)
	if p.Rule != "" {
		fmt.Fprintf(&b, " [%s]", p.Rule)
	}
	if p.Hint != "" {
		b.WriteString("\n\tsaran: ")
		b.WriteString(p.Hint)
	}
	return b.String()
}

// Problems is a list of problems. As an error it reports all of them, one per line.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Errors counts the problems of severity Error.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Sort orders ps by file, then position, then message, so output is stable whatever
// order parallel loading found them in.
func (ps Problems) Sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// FieldLabel names the field at a key path the way an editor sees it in the file:
// "biaya[1].tarif" becomes "`tarif` pada [[biaya]] ke-2", counting from one.
func FieldLabel(path string) string {
	segs := strings.Split(path, ".")
	last := segs[len(segs)-1]
	name, idx, isItem := SplitIndex(last)
	label := "`" + name + "`"
	if isItem {
		label += " butir ke-" + idx
	}
	if len(segs) == 1 {
		return label
	}
	var where []string
	for _, s := range segs[:len(segs)-1] {
		n, i, item := SplitIndex(s)
		if item {
			where = append(where, "[["+n+"]] ke-"+i)
		} else {
			where = append(where, "["+n+"]")
		}
	}
	return label + " pada " + strings.Join(where, " › ")
}

// splitIndex splits "biaya[1]" into "biaya" and the one-based "2".
func SplitIndex(seg string) (name, oneBased string, ok bool) {
	i := strings.IndexByte(seg, '[')
	if i < 0 || !strings.HasSuffix(seg, "]") {
		return seg, "", false
	}
	var n int
	if _, err := fmt.Sscanf(seg[i+1:len(seg)-1], "%d", &n); err != nil {
		return seg, "", false
	}
	return seg[:i], fmt.Sprint(n + 1), true
}
