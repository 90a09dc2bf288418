package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// papan check makes no search index, but still reports a static file that would replace
// the one build writes, as build does (render.SiteChangedUnwritten).
func TestCheckReportsStaticSearchIndex(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../build/testdata/site")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run("build", "--src", dir, "--out", out, "--tanpa-cache"); code != ExitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	index, err := filepath.Glob(filepath.Join(out, "*", "cari.*.json"))
	if err != nil || len(index) != 1 {
		t.Fatalf("search index in %s: %v, %v", out, index, err)
	}
	name, _ := filepath.Rel(out, index[0])
	name = filepath.ToSlash(name)
	static := filepath.Join(dir, "static", filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(static), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(static, []byte("[]"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := run("check", "--src", dir)
	want := "static/" + name + ":1:1: galat: berkas ini akan menimpa " + name + " yang dibuat Papan"
	if code != ExitProblem || !strings.Contains(stdout, want) {
		t.Errorf("papan check: exit %d, want %d and %q in\n%s", code, ExitProblem, want, stdout)
	}
}
