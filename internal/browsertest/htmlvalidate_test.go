package browsertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLValidate runs html-validate (npm, package-lock.json) with its recommended and
// document presets (.htmlvalidate.json at the repository root) over every page of the
// example site's build, and of the same site past the home page's list limit (the
// compact home page and the dashboard split per OPD), and wants no error. It runs Node,
// not Chromium, but lives here with the other tests that need npm's tools; like them it
// is skipped with -short and fails, not skips, when CI=true and a tool is missing.
func TestHTMLValidate(t *testing.T) {
	node, cli := nodeTool(t, "html-validate", "html-validate/bin/html-validate.mjs")
	config, err := filepath.Abs(filepath.Join(repoRoot, ".htmlvalidate.json"))
	if err != nil {
		t.Fatal(err)
	}

	src := exampleSite(t)
	kindOf := pageKinds(t, src)
	full := buildAndServe(t, src)
	compact := buildAndServe(t, appendTo{src, "site.toml", "\n[beranda]\nbatas_daftar_lengkap = 1\n"})
	kinds := map[string]int{}
	for _, p := range pages(t, full.Dir) {
		kinds[kindOf(p)]++
	}
	for _, k := range []string{"home", "opd", "kategori", "service", "poster", "page", "404", "kepatuhan"} {
		if kinds[k] == 0 {
			t.Errorf("the example site has no %s page to validate", k)
		}
	}

	for _, dir := range []string{full.Dir, compact.Dir} {
		n := len(pages(t, dir))
		cmd := exec.Command(node, cli, "--config", config, "--formatter", "text", filepath.ToSlash(dir)+"/**/*.html")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("html-validate found errors in %d pages of %s (%v):\n%s", n, dir, err, strings.ReplaceAll(string(out), dir, ""))
			continue
		}
		t.Logf("html-validate: %d pages of %s, 0 errors (%v)", n, dir, kinds)
	}
}

// nodeTool returns node and the absolute path of the script of an npm tool named name,
// script under node_modules (installed by `npm ci` from package-lock.json). Like the
// browser tests, it skips with -short and fails, not skips, when CI=true and either is
// missing.
func nodeTool(t *testing.T, name, script string) (node, cli string) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs node; run without -short")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		skipOrFail(t, "node not found: install nodejs (test.sh does)")
	}
	cli, err = filepath.Abs(filepath.Join(repoRoot, "node_modules", filepath.FromSlash(script)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(cli); err != nil {
		skipOrFail(t, "%s is not installed (run `npm ci` at the repository root; test.sh does): %v", name, err)
	}
	return node, cli
}
