package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageAndHelp(t *testing.T) {
	if code, _, stderr := run(); code != ExitUsage || !strings.Contains(stderr, "Penggunaan:") {
		t.Errorf("no args: code %d, stderr %q", code, stderr)
	}
	if code, _, _ := run("terbang"); code != ExitUsage {
		t.Errorf("unknown command: code %d", code)
	}
	for _, c := range commands() {
		if c.run == nil {
			continue
		}
		if code, _, stderr := run(c.name, "--help"); code != ExitOK || !strings.Contains(stderr, "Penggunaan: "+c.usage) {
			t.Errorf("%s --help: code %d, stderr %q", c.name, code, stderr)
		}
	}
	if code, _, _ := run("build", "--tidak-ada"); code != ExitUsage {
		t.Errorf("unknown flag: code %d", code)
	}
	if code, stdout, _ := run("version"); code != ExitOK || !strings.HasPrefix(stdout, "papan ") {
		t.Errorf("version: %d %q", code, stdout)
	}
}

func TestNewCheckBuild(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("judul = \"Uji\"\nwilayah = \"Kota Uji\"\n"), 0o644)
	if code, _, stderr := run("new", "--src", dir, "opd", "dinas"); code != ExitOK {
		t.Fatalf("new opd: %d %s", code, stderr)
	}
	if code, _, stderr := run("new", "--src", dir, "layanan", "dinas/surat"); code != ExitOK {
		t.Fatalf("new layanan: %d %s", code, stderr)
	}
	// A new OPD file leaves the Maklumat's signer empty: the rulebook says so (a galat),
	// but rule findings do not stop a build.
	if code, stdout, _ := run("check", "--src", dir, "--today", "2025-06-01"); code != ExitProblem || !strings.Contains(stdout, "content/dinas/_opd.toml:33:2: galat: Maklumat Pelayanan tidak menyebut penanda tangan [SP013]") {
		t.Fatalf("check: %d %q", code, stdout)
	}
	code, _, stderr := run("build", "--src", dir)
	// home, OPD, its category page, service, poster, 404, kepatuhan
	if code != ExitOK || !strings.Contains(stderr, "7 halaman") {
		t.Fatalf("build: %d %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "dinas", "surat", "index.html")); err != nil {
		t.Fatal(err)
	}

	// A broken file: check and build exit 1 and name the file and line.
	os.WriteFile(filepath.Join(dir, "content", "dinas", "surat.toml"), []byte("nama = \"Surat\"\ntarif = \n"), 0o644)
	code, stdout, _ := run("check", "--src", dir)
	if code != ExitProblem || !strings.Contains(stdout, "content/dinas/surat.toml:2:") {
		t.Errorf("check of a broken site: %d %q", code, stdout)
	}
	code, _, stderr = run("build", "--src", dir)
	if code != ExitProblem || !strings.Contains(stderr, "content/dinas/surat.toml:2:") {
		t.Errorf("build of a broken site: %d %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "dinas", "surat", "index.html")); err != nil {
		t.Error("the failed build removed the previous output")
	}
}

func TestMissingSite(t *testing.T) {
	code, _, stderr := run("build", "--src", filepath.Join(t.TempDir(), "tidak-ada"))
	if code != ExitProblem || !strings.Contains(stderr, "tidak ditemukan") {
		t.Errorf("%d %q", code, stderr)
	}
}

// TestExampleSite: the repository's own example site must check with no errors and
// build, as README promises.
func TestExampleSite(t *testing.T) {
	if code, stdout, _ := run("check", "--src", "../.."); code != ExitOK || !strings.Contains(stdout, "0 galat") {
		t.Errorf("papan check on the example site: exit %d\n%s", code, stdout)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run("build", "--src", "../..", "--out", out); code != ExitOK {
		t.Errorf("papan build on the example site: exit %d\n%s", code, stderr)
	}
}
