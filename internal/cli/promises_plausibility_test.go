package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// plausibilityPromises are the promises about plausibility: see TestPromises.
var plausibilityPromises = []promise{
	{
		name:  "a fee above Rp 1 miliar is a peringatan at its tarif line",
		setup: plausibilityEdit("content/dinas/layanan-uji.toml", "tarif = 15000", "tarif = 1000000000000000"),
		args:  []string{"check", "--src", "{dir}"},
		code:  0,
		stdout: []string{
			"content/dinas/layanan-uji.toml:50:1: peringatan: tarif Rp1.000.000.000.000.000 pada [[biaya]] ke-1 melebihi Rp1.000.000.000 [SP023]",
			"\tsaran: Periksa jumlah nol pada tarif (ditulis tanpa titik: 150000 untuk Rp150.000). Bila tarif memang sebesar ini, pastikan dasar hukumnya menyebut jumlah yang sama.",
			"0 galat, 5 peringatan",
		},
	},
	{
		name:  "a 5,000-character service name is a peringatan that the poster cuts it",
		setup: plausibilityEdit("content/dinas/layanan-uji.toml", `nama = "Layanan Uji"`, `nama = "`+strings.Repeat("Izin Usaha ", 455)[:4999]+`a"`),
		args:  []string{"check", "--src", "{dir}"},
		code:  0,
		stdout: []string{
			"content/dinas/layanan-uji.toml:1:1: peringatan: nama layanan 5000 karakter; poster hanya memuat 150 karakter pertama [SP024]",
			"\tsaran: Singkat nama layanan menjadi paling banyak 150 karakter; keterangan tambahan ditulis di ringkasan.",
			"0 galat, 5 peringatan",
		},
	},
	{
		name:  "a service name of zero-width characters only is a galat",
		setup: plausibilityEdit("content/dinas/layanan-uji.toml", `nama = "Layanan Uji"`, "nama = \"\u200b\u200c\u200d\u2060\""),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			"content/dinas/layanan-uji.toml:1:1: galat: `nama` hanya berisi karakter tak terlihat (U+200B)",
			"\tsaran: Nilai ini hanya berisi karakter yang tidak tampil, seperti spasi lebar nol (U+200B) atau spasi tak terputus (U+00A0), yang biasanya ikut tertempel dari Word atau PDF. Hapus isi di antara tanda kutip, lalu ketik ulang nilainya.",
			"1 galat, 0 peringatan",
		},
	},
	{
		name:  "an OPD name of a byte-order mark and a soft hyphen is a galat",
		setup: plausibilityEdit("content/dinas/_opd.toml", `nama = "Dinas Uji"`, "nama = \"\ufeff\u00ad\""),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			"content/dinas/_opd.toml:1:1: galat: `nama` hanya berisi karakter tak terlihat (U+FEFF)",
		},
	},
	{
		name:  "a right-to-left override in a service name is a galat at its column",
		setup: plausibilityEdit("content/dinas/layanan-uji.toml", `nama = "Layanan Uji"`, "nama = \"Layanan \u202eijU\""),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			"content/dinas/layanan-uji.toml:1:17: galat: karakter pengatur arah teks U+202E (RIGHT-TO-LEFT OVERRIDE) tidak diizinkan",
			"\tsaran: Hapus karakter tak terlihat ini (dengan tombol Delete atau Backspace di posisi ini). Ia dapat membuat teks tampil berbeda dari isinya yang sebenarnya (cara serangan \"Trojan Source\"); tanda arah biasa U+200E dan U+200F tetap boleh.",
			"1 galat, 0 peringatan",
		},
	},
	{
		name:  "a bidi isolate written as a character reference in a page stops the build",
		files: map[string]string{"content/halaman/tentang.md": "+++\njudul = \"Tentang\"\n+++\n\nKantor &#x2067;buka&#x2069; setiap hari.\n"},
		args:  []string{"build", "--src", "{dir}", "--out", "{dir}/public"},
		code:  1,
		stderr: []string{
			"content/halaman/tentang.md:5:8: galat: karakter pengatur arah teks U+2067 (RIGHT-TO-LEFT ISOLATE), ditulis sebagai &#x2067;, tidak diizinkan",
			"\tsaran: Hapus &#x2067;. Karakter ini dapat membuat teks tampil berbeda dari isinya yang sebenarnya (cara serangan \"Trojan Source\"). Berkas ini memuat 2 karakter seperti ini; semuanya perlu dihapus.",
		},
		after: func(t *testing.T, dir string) {
			if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
				t.Errorf("the refused build wrote its output folder (stat: %v)", err)
			}
		},
	},
}

// plausibilityEdit returns a setup that replaces old with new, once, in the site's file.
func plausibilityEdit(file, old, new string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(file))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s does not contain %q", file, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
