package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// promise is one thing Papan promises a user about bad input or a dangerous request,
// run as the user would meet it: a command on a site folder, its exit status and the
// exact lines it prints. docs/promises.md lists every case by name.
//
// The site is a copy of internal/build/testdata/site (which passes papan check with no
// galat) with files written over it, or removed when their text is "-".
type promise struct {
	name  string
	files map[string]string
	// setup, when not nil, prepares the copy further (dir is the site folder).
	setup func(t *testing.T, dir string)
	// args are the command's arguments; "{dir}" stands for the site folder.
	args []string
	code int
	// stdout and stderr hold lines that must each appear whole in that stream,
	// "{dir}" again standing for the site folder.
	stdout, stderr []string
	// after, when not nil, checks the disk once the command has run.
	after func(t *testing.T, dir string)
}

// TestPromises holds every promise of docs/promises.md in one table. Each area keeps
// its cases in a file of its own (promises_*_test.go) so the table reads by subject.
func TestPromises(t *testing.T) {
	cases := slices.Concat(outputPromises, linkPromises, messagePromises, contentPromises, plausibilityPromises, suntingPromises, skemaPromises, cachePromises)
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("two promises are named %q", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS("../build/testdata/site")); err != nil {
				t.Fatal(err)
			}
			for name, text := range c.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if text == "-" {
					if err := os.RemoveAll(p); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if c.setup != nil {
				c.setup(t, dir)
			}
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = strings.ReplaceAll(a, "{dir}", dir)
			}
			code, stdout, stderr := run(args...)
			if code != c.code {
				t.Errorf("papan %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(c.args, " "), code, c.code, stdout, stderr)
			}
			for _, w := range c.stdout {
				if w = strings.ReplaceAll(w, "{dir}", dir); !hasLine(stdout, w) {
					t.Errorf("stdout lacks the line\n\t%s\nstdout:\n%s", w, stdout)
				}
			}
			for _, w := range c.stderr {
				if w = strings.ReplaceAll(w, "{dir}", dir); !hasLine(stderr, w) {
					t.Errorf("stderr lacks the line\n\t%s\nstderr:\n%s", w, stderr)
				}
			}
			checkPositions(t, dir, stdout+stderr)
			if c.after != nil {
				c.after(t, dir)
			}
		})
	}
}

// hasLine reports whether out holds want as one whole line.
func hasLine(out, want string) bool {
	for line := range strings.Lines(out) {
		if strings.TrimRight(line, "\r\n") == want {
			return true
		}
	}
	return false
}

// position is a `file:line:col: ` at the start of a line of output.
var position = regexp.MustCompile(`(?m)^(\S+?):(\d+):(\d+): `)

// checkPositions checks every position that out reports: the file exists in the site
// folder dir, has the line, and the column lies within the line (counting characters,
// and allowing one past the last, where a missing quote or bracket belongs).
func checkPositions(t *testing.T, dir, out string) {
	t.Helper()
	for _, m := range position.FindAllStringSubmatch(out, -1) {
		file, pos := m[1], m[1]+":"+m[2]+":"+m[3]
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, filepath.FromSlash(file))
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: the reported file cannot be read: %v", pos, err)
			continue
		}
		lines := strings.Split(string(src), "\n")
		if line < 1 || line > len(lines) {
			t.Errorf("%s: the file has %d lines", pos, len(lines))
			continue
		}
		text := strings.TrimSuffix(lines[line-1], "\r")
		if n := utf8.RuneCountInString(text); col < 1 || col > n+1 {
			t.Errorf("%s: column outside the line %q (%d characters)", pos, text, n)
		}
	}
}
