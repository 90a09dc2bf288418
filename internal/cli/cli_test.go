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
	findings := func(stdout string) []string {
		var lines []string
		for line := range strings.Lines(stdout) {
			if strings.HasPrefix(line, "content/") {
				lines = append(lines, strings.TrimSuffix(line, "\n"))
			}
		}
		return lines
	}
	// The new files pass the full rulebook as shipped with no galat: the new service is a
	// draft, so what it leaves out is reported as peringatan, never filled in with a
	// made-up value; the OPD publishes no standard yet, so its missing Maklumat is one too.
	code, stdout, _ := run("check", "--src", dir, "--today", "2025-06-01")
	want := []string{
		"content/dinas/_opd.toml:1:1: peringatan: OPD belum mencantumkan misi [SP020]",
		"content/dinas/_opd.toml:1:1: peringatan: OPD belum mencantumkan moto [SP020]",
		"content/dinas/_opd.toml:1:1: peringatan: OPD belum mencantumkan visi [SP020]",
		"content/dinas/_opd.toml:1:1: peringatan: OPD belum punya Maklumat Pelayanan [SP012]",
		"content/dinas/_opd.toml:1:1: peringatan: OPD dan layanannya tidak menyebut cara pengaduan ditangani dan waktu tanggapannya [SP031]",
		"content/dinas/surat.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: biaya/tarif ([[biaya]]) [SP021]",
		"content/dinas/surat.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: jangka waktu ([jangka_waktu]) [SP021]",
		"content/dinas/surat.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: persyaratan ([[persyaratan]]) [SP021]",
		"content/dinas/surat.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]",
		"content/dinas/surat.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: prosedur ([[prosedur]]) [SP021]",
		"content/dinas/surat.toml:1:1: peringatan: komponen pengelolaan belum diisi: dasar_hukum, sarana_prasarana, kompetensi_pelaksana, pengawasan_internal, jumlah_pelaksana, jaminan_pelayanan, jaminan_keamanan_keselamatan, evaluasi_kinerja [SP002]",
		"content/dinas/surat.toml:1:1: peringatan: layanan tidak menyebut pelayanan khusus bagi kelompok rentan [SP016]",
		"content/dinas/surat.toml:37:2: peringatan: standar belum mencatat tanggal evaluasi terakhir [SP019]",
		"content/dinas/surat.toml:37:2: peringatan: standar belum mencatat tanggal konsultasi publik [SP018]",
		"content/dinas/surat.toml:37:2: peringatan: standar belum menyebut nomor dan tanggal SK penetapannya [SP017]",
	}
	if got := findings(stdout); code != ExitOK || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("check: exit %d, findings:\n%s\nwant:\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The build publishes the OPD but not the draft, and says so.
	code, _, stderr := run("build", "--src", dir)
	// home, OPD, 404, kepatuhan
	if code != ExitOK || !strings.Contains(stderr, "papan: 1 layanan draf tidak diterbitkan (draf = true)\n") || !strings.Contains(stderr, "4 halaman") {
		t.Fatalf("build: %d %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "dinas", "surat")); !os.IsNotExist(err) {
		t.Errorf("the build published the draft: %v", err)
	}

	// The editor deletes draf = true before writing the components: each missing one is
	// a galat, and so is the Maklumat of an OPD that now publishes a standard.
	file := filepath.Join(dir, "content", "dinas", "surat.toml")
	text, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(text), "\ndraf = true\n", "\n", 1)), 0o644)
	code, stdout, _ = run("check", "--src", dir, "--today", "2025-06-01")
	var galat []string
	for _, f := range findings(stdout) {
		if strings.Contains(f, ": galat: ") {
			galat = append(galat, f)
		}
	}
	want = []string{
		"content/dinas/_opd.toml:1:1: galat: OPD belum punya Maklumat Pelayanan [SP012]",
		"content/dinas/surat.toml:1:1: galat: komponen pelayanan belum dicantumkan: biaya/tarif ([[biaya]]) [SP021]",
		"content/dinas/surat.toml:1:1: galat: komponen pelayanan belum dicantumkan: jangka waktu ([jangka_waktu]) [SP021]",
		"content/dinas/surat.toml:1:1: galat: komponen pelayanan belum dicantumkan: persyaratan ([[persyaratan]]) [SP021]",
		"content/dinas/surat.toml:1:1: galat: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]",
		"content/dinas/surat.toml:1:1: galat: komponen pelayanan belum dicantumkan: prosedur ([[prosedur]]) [SP021]",
	}
	if code != ExitProblem || strings.Join(galat, "\n") != strings.Join(want, "\n") {
		t.Fatalf("check without draf: exit %d, galat:\n%s\nwant:\n%s", code, strings.Join(galat, "\n"), strings.Join(want, "\n"))
	}
	// papan build --strict refuses and leaves the previous output as it was.
	code, _, stderr = run("build", "--src", dir, "--strict")
	if code != ExitProblem || !strings.Contains(stderr, want[1]+"\n") ||
		!strings.Contains(stderr, "papan build --strict: situs tidak dibangun karena ada galat; keluaran sebelumnya tidak diubah\n") {
		t.Fatalf("build --strict: %d %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "dinas", "surat")); !os.IsNotExist(err) {
		t.Errorf("the refused build changed the previous output: %v", err)
	}
	// A plain build publishes it, saying what the standard does not state.
	code, _, stderr = run("build", "--src", dir)
	// home, OPD, its category page, service, poster, 404, kepatuhan
	if code != ExitOK || !strings.Contains(stderr, "7 halaman") || strings.Contains(stderr, "draf") {
		t.Fatalf("build: %d %q", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "dinas", "surat", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The fee and the duration are said to be not stated, in the summary box and in
	// the fee's own section; nothing reads as free or as a number of days.
	for _, want := range []string{
		"<dt>Jangka waktu</dt>\n<dd>Belum dicantumkan dalam standar pelayanan ini</dd>",
		"<dt>Biaya/tarif</dt>\n<dd>Belum dicantumkan dalam standar pelayanan ini</dd>",
		"<h2 id=\"biaya\">Biaya/tarif</h2>\n<p class=\"muted\">Belum dicantumkan dalam standar pelayanan ini</p>",
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the service page lacks %q", want)
		}
	}
	poster, err := os.ReadFile(filepath.Join(dir, "public", "dinas", "surat", "cetak", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"service page": string(page), "poster": string(poster)} {
		for _, fact := range []string{"Gratis", "0 hari", "<dd></dd>", `class="draft"`} {
			if strings.Contains(text, fact) {
				t.Errorf("the %s of a new service shows %q", name, fact)
			}
		}
	}

	// A broken file: check and build exit 1 and name the file and line.
	os.WriteFile(filepath.Join(dir, "content", "dinas", "surat.toml"), []byte("nama = \"Surat\"\ntarif = \n"), 0o644)
	code, stdout, _ = run("check", "--src", dir)
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
// build, as README promises. (--tanpa-cache: a test writes nothing into the repository.)
func TestExampleSite(t *testing.T) {
	if code, stdout, _ := run("check", "--tanpa-cache", "--src", "../.."); code != ExitOK || !strings.Contains(stdout, "0 galat") {
		t.Errorf("papan check on the example site: exit %d\n%s", code, stdout)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run("build", "--tanpa-cache", "--src", "../..", "--out", out); code != ExitOK {
		t.Errorf("papan build on the example site: exit %d\n%s", code, stderr)
	}
}
