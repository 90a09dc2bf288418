package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cleanSite writes a site that passes every rule but one warning (no pelayanan khusus).
func cleanSite(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"site.toml": "judul = \"Uji\"\nwilayah = \"Kota Uji\"\n\n[[pengaduan]]\njenis = \"lapor\"\nnilai = \"https://www.lapor.go.id\"\n",
		"content/dinas/_opd.toml": "nama = \"Dinas Uji\"\nvisi = \"Prima.\"\nmisi = [\"Melayani.\"]\nmoto = \"Siap\"\n\n[maklumat]\n" +
			"teks = \"Kami menyatakan sanggup melayani sesuai standar dan siap menerima sanksi.\"\npenanda_tangan = \"Budi\"\n" +
			"\n[penanganan_pengaduan]\nuraian = \"Dicatat dan dijawab.\"\nwaktu_respons = \"5 hari kerja\"\n",
		"content/dinas/surat.toml": `nama = "Surat"
sarana_prasarana = "a"
kompetensi_pelaksana = "b"
pengawasan_internal = "c"
jumlah_pelaksana = "d"
jaminan_pelayanan = "e"
jaminan_keamanan_keselamatan = "f"
evaluasi_kinerja = "g"

[sk]
nomor = "1"
tanggal = 2024-01-15
konsultasi_publik = 2024-01-05
evaluasi_terakhir = 2025-01-10

[[persyaratan]]
nama = "KTP"

[[prosedur]]
uraian = "Serahkan"
pelaksana = "Pemohon"

[jangka_waktu]
nilai = 1
satuan = "hari kerja"
dihitung_sejak = "lengkap"

[[biaya]]
uraian = "Biaya"
gratis = true

[[produk]]
nama = "Surat"

[[dasar_hukum]]
jenis = "Perda"
nomor = "1"
tahun = 2023
judul = "Pelayanan"
`,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheckFlags(t *testing.T) {
	dir := cleanSite(t)
	day := "--today=2025-06-01"

	code, stdout, _ := run("check", "--src", dir, day)
	if want := "content/dinas/surat.toml:1:1: peringatan: layanan tidak menyebut pelayanan khusus bagi kelompok rentan [SP016]"; code != ExitOK || !strings.Contains(stdout, want) {
		t.Errorf("warnings only: code %d, stdout %q", code, stdout)
	}
	if !strings.Contains(stdout, "dinas: 0 galat, 1 peringatan; skor 90 (hijau)") {
		t.Errorf("no OPD summary line in %q", stdout)
	}
	if code, _, _ := run("check", "--src", dir, day, "--strict"); code != ExitProblem {
		t.Errorf("--strict with a warning: code %d, want %d", code, ExitProblem)
	}

	// The evaluation of 2025-01-10 is 12 months old on 2026-01-11.
	if code, stdout, _ := run("check", "--src", dir, "--today", "2026-01-11", "--format", "json"); code != ExitOK || !strings.Contains(stdout, `"rule": "SP019"`) {
		t.Errorf("--today: code %d, stdout %q", code, stdout)
	}

	code, stdout, _ = run("check", "--src", dir, day, "--format", "json")
	var doc struct {
		Warnings int
		Findings []struct{ Rule, OPD, Service string }
		OPDs     []struct {
			Figure float64
			Zone   string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || code != ExitOK {
		t.Fatalf("json: code %d, %v\n%s", code, err, stdout)
	}
	if doc.Warnings != 1 || len(doc.Findings) != 1 || doc.Findings[0].Service != "surat" || doc.OPDs[0].Zone != "hijau" {
		t.Errorf("json = %+v", doc)
	}

	code, stdout, _ = run("check", "--src", dir, day, "--format", "sarif")
	if code != ExitOK || !strings.Contains(stdout, `"version": "2.1.0"`) || !strings.Contains(stdout, `"ruleId": "SP016"`) {
		t.Errorf("sarif: code %d, %q", code, stdout)
	}

	code, stdout, _ = run("check", "--src", dir, day, "--summary")
	if code != ExitOK || !strings.Contains(stdout, "bukan nilai resmi") || !strings.Contains(stdout, "dinas      90  hijau") {
		t.Errorf("--summary: %q", stdout)
	}

	if code, stdout, _ := run("check", "--rules"); code != ExitOK || !strings.Contains(stdout, "SP001") || !strings.Contains(stdout, "SP020") {
		t.Errorf("--rules: code %d, %q", code, stdout)
	}
	for _, args := range [][]string{{"--format", "xml"}, {"--today", "1 Juni"}} {
		if code, _, _ := run(append([]string{"check", "--src", dir}, args...)...); code != ExitUsage {
			t.Errorf("%v: code %d, want %d", args, code, ExitUsage)
		}
	}
}

func TestBuildWritesDashboard(t *testing.T) {
	dir := cleanSite(t)
	site := filepath.Join(dir, "site.toml")
	src, _ := os.ReadFile(site)
	os.WriteFile(site, append(src, "\n[kepatuhan]\nhari_ini = 2025-06-01\n"...), 0o644)
	if code, _, stderr := run("build", "--src", dir); code != ExitOK {
		t.Fatalf("build: %d %s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "kepatuhan", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"bukan nilai resmi", `<span class="dash-figure">90 dari 100</span> <span class="zone zone-hijau">Zona hijau</span>`,
		"Perlakuan khusus bagi penyandang disabilitas, lanjut usia, ibu hamil dan anak belum dicantumkan"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}

	// dasbor = false leaves it out.
	os.WriteFile(site, append(src, "\n[kepatuhan]\nhari_ini = 2025-06-01\ndasbor = false\n"...), 0o644)
	if code, _, stderr := run("build", "--src", dir); code != ExitOK {
		t.Fatalf("build: %d %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "kepatuhan")); !os.IsNotExist(err) {
		t.Errorf("dashboard written with dasbor = false: %v", err)
	}
}
