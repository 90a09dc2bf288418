package skema_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/skema"
)

// taplo returns the Taplo CLI installed by npm ci (@taplo/cli in package.json). Without it
// the test fails on CI and is skipped elsewhere; with -short it is skipped.
func taplo(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the Taplo CLI; run without -short")
	}
	bin, err := filepath.Abs(filepath.Join(root, "node_modules/.bin/taplo"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		msg := "Taplo CLI not installed (%v); run npm ci at the repository's root"
		if os.Getenv("CI") == "true" {
			t.Fatalf(msg, err)
		}
		t.Skipf(msg, err)
	}
	return bin
}

// lint runs taplo lint on files with the schema of kind, from dir, and returns its output
// and whether every file was valid.
func lint(t *testing.T, bin, dir string, schemas string, kind skema.Kind, files ...string) (string, bool) {
	t.Helper()
	args := []string{"lint", "--no-auto-config", "--colors", "never", "--schema", "file://" + filepath.ToSlash(filepath.Join(schemas, skema.SchemaFile(kind)))}
	cmd := exec.Command(bin, append(args, files...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if ee := (*exec.ExitError)(nil); err != nil && !errors.As(err, &ee) {
		t.Fatalf("taplo: %v\n%s", err, out)
	}
	return string(out), err == nil
}

// TestTaplo: the Taplo CLI, the checker inside VS Code's Even Better TOML, finds every
// example file valid against the schemas the example site carries, and refuses each of
// the mistakes in badFiles with its own message. Page front matter is not a TOML file
// Taplo can read: TestSchemasAcceptEveryExample checks it.
func TestTaplo(t *testing.T) {
	bin := taplo(t)
	schemas, err := filepath.Abs(filepath.Join(root, skema.SchemaDir))
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[skema.Kind][]string{}
	for _, ex := range examples(t) {
		if ex.kind != skema.Halaman {
			byKind[ex.kind] = append(byKind[ex.kind], ex.file)
		}
	}
	for kind, files := range byKind {
		if out, ok := lint(t, bin, ".", schemas, kind, files...); !ok {
			t.Errorf("taplo refuses %s files:\n%s", kind, out)
		}
	}

	// The mistakes, one file each, checked in one run per kind: Taplo starts slowly.
	dir := t.TempDir()
	bad := map[skema.Kind][]string{}
	for i, tc := range badFiles {
		if tc.kind == skema.Halaman {
			continue
		}
		file := filepath.Join(dir, fmt.Sprintf("%02d.toml", i))
		if err := os.WriteFile(file, []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		bad[tc.kind] = append(bad[tc.kind], file)
	}
	said := map[string]string{} // file: what Taplo says of it
	for kind, files := range bad {
		out, _ := lint(t, bin, dir, schemas, kind, files...)
		for _, m := range errorRE.FindAllStringSubmatch(out, -1) {
			said[filepath.Base(m[2])] += m[1] + "\n"
		}
	}
	for i, tc := range badFiles {
		if tc.kind == skema.Halaman {
			continue
		}
		got := said[fmt.Sprintf("%02d.toml", i)]
		if !strings.Contains(got, tc.taplo) {
			t.Errorf("%s: taplo says %q, want it to say %q, of:\n%s", tc.name, got, tc.taplo, tc.text)
		}
	}
}

// errorRE finds an error of Taplo's output and the file it is in.
var errorRE = regexp.MustCompile(`(?m)^error: (.*)\n\s*┌─ (.*?):\d+:\d+`)

// TestTaploConfig: run in the example site's folder as an editor opens it, Taplo finds
// .taplo.toml and checks every content file against the schema of its kind: a service
// key in an OPD file is refused, so _opd.toml is not checked as a service.
func TestTaploConfig(t *testing.T) {
	bin := taplo(t)
	run := func(dir string) (string, bool) {
		cmd := exec.Command(bin, "lint", "--colors", "never")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err == nil
	}
	if out, ok := run(root); !ok {
		t.Fatalf("taplo lint in the example site:\n%s", out)
	}

	// A copy of the site's configuration and schemas, with one OPD file that holds a
	// service's key and one service file that holds an OPD's.
	dir := t.TempDir()
	files := map[string]string{
		skema.TaploConfigFile:           string(skema.TaploConfig(skema.SchemaDir)),
		"site.toml":                     "judul = \"Situs\"\nwilayah = \"Kota\"\n",
		"content/dinas/_opd.toml":       "nama = \"Dinas\"\nkategori = \"Perizinan\"\n",
		"content/dinas/izin.toml":       "nama = \"Izin\"\nsingkatan = \"IZ\"\n",
		"content/dinas/_draf-baru.toml": "nama = \"Izin baru\"\n",
		"content/dinas/keterangan.toml": "nama = \"Surat keterangan\"\n",
	}
	for _, k := range skema.Kinds {
		files[filepath.Join(skema.SchemaDir, skema.SchemaFile(k))] = string(skema.Schema(k))
	}
	for name, text := range files {
		file := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, ok := run(dir)
	if ok {
		t.Fatalf("taplo lint accepts a site with misplaced keys:\n%s", out)
	}
	for _, want := range []string{"'kategori' was unexpected", "'singkatan' was unexpected"} {
		if !strings.Contains(out, want) {
			t.Errorf("taplo lint says:\n%s\nwant it to say %q", out, want)
		}
	}
	if got := strings.Count(out, "invalid file"); got != 2 {
		t.Errorf("taplo lint finds %d invalid files, want 2:\n%s", got, out)
	}
}
