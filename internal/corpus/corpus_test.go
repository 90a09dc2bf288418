package corpus

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/build"
	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/standard"
)

var update = flag.Bool("update", false, "rewrite the temuan lines of testdata/expect from papan check")

// today fixes the date rules measure from, so findings about ages do not change with
// the day the test runs.
var today = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// expectation is one file of testdata/expect.
type expectation struct {
	file     string   // testdata/expect/<opd>/<service>.txt, <opd>/_opd.txt or site.txt
	source   string   // the file it judges: content/<opd>/<service>.toml, content/<opd>/_opd.toml or site.toml
	page     string   // the built page its facts are looked for on, "" for site.toml
	lines    []string // every line as written, so that -update keeps comments where they are
	facts    []string
	findings []string
}

// isService tells a service's expectation from an OPD's or the site's.
func (e *expectation) isService() bool {
	return strings.HasPrefix(e.source, "content/") && path.Base(e.source) != "_opd.toml"
}

func readExpectations(t *testing.T) []*expectation {
	t.Helper()
	files, err := filepath.Glob("testdata/expect/*/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no expectations in testdata/expect: %v", err)
	}
	if _, err := os.Stat("testdata/expect/site.txt"); err == nil {
		files = append(files, "testdata/expect/site.txt")
	}
	var all []*expectation
	for _, f := range files {
		opd, name := filepath.Base(filepath.Dir(f)), strings.TrimSuffix(filepath.Base(f), ".txt")
		e := &expectation{file: f, source: path.Join("content", opd, name+".toml")}
		switch {
		case f == "testdata/expect/site.txt":
			e.source = "site.toml"
		case name == "_opd":
			e.page = standard.OPDAddress(opd).File
		default:
			e.page = standard.ServiceAddress(opd, name).File
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			line := sc.Text()
			e.lines = append(e.lines, line)
			switch {
			case strings.HasPrefix(line, "fakta: "):
				e.facts = append(e.facts, strings.TrimPrefix(line, "fakta: "))
			case strings.HasPrefix(line, "temuan: "):
				e.findings = append(e.findings, strings.TrimPrefix(line, "temuan: "))
			}
		}
		all = append(all, e)
	}
	return all
}

// rewrite is the expectation with its temuan lines replaced by got, written where the
// old ones were (after the last line when there were none); every other line stays.
func (e *expectation) rewrite(got []string) string {
	// The comment lines right above a temuan line judge it: they go with it, before the
	// same finding in got, and those of a finding no longer found go before the next
	// one written. Other lines stay where they are, before the findings.
	var b strings.Builder
	var pending []string             // comment lines not yet attached
	notes := map[string][][]string{} // finding → the comments above each of its lines
	var tail []string
	for _, line := range e.lines {
		switch {
		case strings.HasPrefix(line, "temuan: "):
			f := strings.TrimPrefix(line, "temuan: ")
			notes[f] = append(notes[f], pending)
			pending = nil
		case strings.HasPrefix(line, "#"):
			pending = append(pending, line)
		case len(notes) == 0:
			for _, c := range pending {
				b.WriteString(c + "\n")
			}
			pending = nil
			b.WriteString(line + "\n")
		default:
			tail = append(tail, line)
		}
	}
	var orphans []string // comments of findings no longer found, in the file's order
	left := map[string]int{}
	for _, f := range got {
		left[f]++
	}
	seen := map[string]int{}
	for _, line := range e.lines {
		if f, ok := strings.CutPrefix(line, "temuan: "); ok {
			if seen[f] >= left[f] {
				orphans = append(orphans, notes[f][seen[f]]...)
			}
			seen[f]++
		}
	}
	for i, f := range got {
		if i == 0 {
			for _, c := range orphans {
				b.WriteString(c + "\n")
			}
		}
		if cs := notes[f]; len(cs) > 0 {
			for _, c := range cs[0] {
				b.WriteString(c + "\n")
			}
			notes[f] = cs[1:]
		}
		b.WriteString("temuan: " + f + "\n")
	}
	for _, l := range append(pending, tail...) {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// TestCorpusLoads checks that every transcribed standard loads, that every service file
// and every _opd.toml has an expectation and the other way round, and that each service
// file names its source.
func TestCorpusLoads(t *testing.T) {
	exps := readExpectations(t)
	files, err := filepath.Glob("testdata/site/content/*/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range files {
		rel, _ := filepath.Rel("testdata/site", s)
		rel = filepath.ToSlash(rel)
		base := path.Base(rel)
		if base != "_opd.toml" && (strings.HasPrefix(base, "_") || strings.HasPrefix(base, ".")) {
			continue // ignored by the loader
		}
		want = append(want, rel)
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "# Sumber: http") {
			t.Errorf("%s does not name its source (a comment line \"# Sumber: <address>\")", rel)
		}
	}
	var got []string
	for _, e := range exps {
		if e.source != "site.toml" {
			got = append(got, e.source)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("expectations for %q, files %q: one each", got, want)
	}
	if _, err := engine.Run(context.Background(), os.DirFS("testdata/site"), engine.Options{Today: today}); err != nil {
		t.Fatalf("the corpus does not load:\n%v", err)
	}
}

var (
	tagRE   = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]+>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// visibleText is what a reader sees of a page: tags dropped, entities decoded, spaces
// collapsed, and the no-break spaces and hyphens that keep a phone number on one line
// read as the space and hyphen they show.
func visibleText(page string) string {
	// A <wbr> (a line may break there, in a long address) shows nothing.
	page = strings.ReplaceAll(page, "<wbr>", "")
	text := html.UnescapeString(tagRE.ReplaceAllString(page, " "))
	text = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2011", "-").Replace(text)
	return strings.TrimSpace(spaceRE.ReplaceAllString(text, " "))
}

// TestCorpusFactsArePublished builds the corpus and looks on each service's page for
// every phrase its expectation lists: a fact the standard states must be shown.
func TestCorpusFactsArePublished(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), build.Options{Src: os.DirFS("testdata/site"), Out: out}); err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, e := range readExpectations(t) {
		if e.isService() && len(e.facts) < 8 {
			t.Errorf("%s: %d facts listed; a standard states more than that", e.file, len(e.facts))
		}
		if len(e.facts) == 0 {
			continue
		}
		if e.page == "" {
			t.Errorf("%s: facts listed for a file without a page", e.file)
			continue
		}
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(e.page)))
		if err != nil {
			t.Errorf("%s: %v", e.source, err)
			continue
		}
		text := visibleText(string(b))
		for _, f := range e.facts {
			if !strings.Contains(text, spaceRE.ReplaceAllString(f, " ")) {
				t.Errorf("%s: the page does not show %q", e.source, f)
			}
		}
	}
}

// TestCorpusFindings compares what papan check finds in each file with the judged list.
// A finding on a file without an expectation (an _opd.toml, site.toml) fails too: no
// finding goes unjudged.
func TestCorpusFindings(t *testing.T) {
	ps, _, err := engine.Check(context.Background(), os.DirFS("testdata/site"), today)
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]string{}
	for _, p := range ps {
		byFile[p.File] = append(byFile[p.File], fmt.Sprintf("[%s] %s: %s", p.Rule, p.Severity, p.Message))
	}
	judged := map[string]bool{}
	for _, e := range readExpectations(t) {
		judged[e.source] = true
		got := byFile[e.source]
		if *update {
			if err := os.WriteFile(e.file, []byte(e.rewrite(got)), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !slices.Equal(got, e.findings) {
			t.Errorf("%s: papan check finds\n\t%s\nthe judged list is\n\t%s", e.source, strings.Join(got, "\n\t"), strings.Join(e.findings, "\n\t"))
		}
	}
	for file, got := range byFile {
		if !judged[file] {
			t.Errorf("%s: papan check finds\n\t%s\nand no expectation judges them (write testdata/expect/…/%s.txt, or site.txt)", file, strings.Join(got, "\n\t"), strings.TrimSuffix(path.Base(file), ".toml"))
		}
	}
}
