package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// svc is the fixture site's service file that the message promises break.
const svc = "content/dinas/layanan-uji.toml"

// edit returns a setup that replaces old with new in the site's file, once.
func edit(file, old, new string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(file))
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), old) {
			t.Fatalf("%s does not contain %q", file, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(src), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// messagePromises are the promises about message: see TestPromises. Every message is
// Indonesian, says what to write instead, and points at the exact line and column.
var messagePromises = []promise{
	{
		name:  "date written day-month-year",
		setup: edit(svc, "tanggal = 2024-02-01", "tanggal = 19-05-2025"),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			svc + ":8:11: galat: `tanggal` 19-05-2025 tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip",
			"\tsaran: Tulis tanggal = 2025-05-19.",
		},
	},
	{
		name:  "date written with slashes",
		setup: edit(svc, "tanggal = 2024-02-01", "tanggal = 19/05/2025"),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			svc + ":8:11: galat: `tanggal` 19/05/2025 tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip",
			"\tsaran: Tulis tanggal = 2025-05-19.",
		},
	},
	{
		name:  "date in quotes",
		setup: edit(svc, "tanggal = 2024-02-01", `tanggal = "19-05-2025"`),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			svc + ":8:1: galat: `tanggal` pada [sk] \"19-05-2025\" tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip",
			"\tsaran: Tulis tanggal = 2025-05-19.",
		},
	},
	{
		name:  "fee too large to read",
		setup: edit(svc, "tarif = 15000", "tarif = 99999999999999999999"),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			svc + ":50:9: galat: `tarif` 99999999999999999999 terlalu besar untuk dibaca sebagai angka",
			"\tsaran: Periksa jumlah angka nolnya: tarif ditulis dalam rupiah tanpa titik, misalnya tarif = 150000. Angka terbesar yang dapat dibaca adalah 9223372036854775807.",
		},
	},
	{
		name:  "fee with thousands separators",
		setup: edit(svc, "tarif = 15000", "tarif = 1.500.000"),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			svc + ":50:9: galat: `tarif` 1.500.000 ditulis dengan titik atau koma ribuan",
			"\tsaran: Tulis angka tanpa titik dan koma: tarif = 1500000.",
		},
	},
	{
		name:  "syntax error: unclosed string",
		setup: edit(svc, `nama = "Surat Uji"`, `nama = "Surat Uji`),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			svc + ":54:18: galat: TOML tidak valid: teks dalam tanda kutip belum ditutup di baris ini",
			"\tsaran: Tutup teks dengan tanda kutip di baris yang sama. Untuk teks beberapa baris, apit dengan tiga tanda kutip: \"\"\"…\"\"\".",
		},
	},
	{
		name:  "syntax error: missing equals sign",
		setup: edit(svc, `kategori = "Uji"`, `kategori "Uji"`),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			svc + ":2:10: galat: TOML tidak valid: setelah nama kunci seharusnya ada tanda =, tetapi tertulis `\"`",
			"\tsaran: Nama kunci tidak boleh berspasi: pakai garis bawah, misalnya jangka_waktu = …, lalu tanda = dan nilainya.",
		},
	},
	{
		name: "syntax error: missing comma in a list",
		files: map[string]string{"content/dinas/_opd.toml": strings.Replace(opdFixture(),
			`misi = ["Melayani.", "Mendengar."]`, `misi = ["Melayani." "Mendengar."]`, 1)},
		args: []string{"check", "--src", "{dir}"},
		code: 1,
		stdout: []string{
			"content/dinas/_opd.toml:5:21: galat: TOML tidak valid: daftar dalam [ ] memerlukan koma di antara butir atau ] sebagai penutup, tetapi tertulis `\"`",
			"\tsaran: Pisahkan butir dengan koma dan tutup daftar dengan ], misalnya [\"satu\", \"dua\"].",
		},
	},
	{
		name:  "duplicate key at its own column",
		setup: edit(svc, "jumlah = 2\n", "jumlah = 2\n  jumlah = 3\n"),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			svc + ":15:3: galat: TOML tidak valid: kunci `persyaratan.jumlah` ditulis dua kali",
			"\tsaran: Setiap kunci dan setiap tabel [nama] hanya boleh ditulis sekali. Hapus atau gabungkan salah satunya; untuk beberapa butir, tulis setiap butir sebagai tabel [[nama]].",
		},
	},
	{
		name:   "unknown flag",
		args:   []string{"check", "--src", "{dir}", "-x"},
		code:   2,
		stderr: []string{"papan check: pilihan -x tidak dikenal"},
	},
	{
		name:   "flag typo",
		args:   []string{"build", "--src", "{dir}", "--outt", "publik"},
		code:   2,
		stderr: []string{"papan build: pilihan --outt tidak dikenal; mungkin maksudnya --out?"},
	},
	{
		name:   "flag without its value",
		args:   []string{"build", "--src", "{dir}", "--out"},
		code:   2,
		stderr: []string{"papan build: pilihan --out memerlukan nilai, misalnya --out FOLDER"},
	},
	{
		name:   "port that is not a number",
		args:   []string{"serve", "--src", "{dir}", "--port", "delapan"},
		code:   2,
		stderr: []string{`papan serve: nilai "delapan" untuk --port bukan angka bulat`},
	},
	{
		name:   "unknown command",
		args:   []string{"bangun"},
		code:   2,
		stderr: []string{`papan: perintah "bangun" tidak dikenal`},
	},
}

// opdFixture is the fixture site's _opd.toml.
func opdFixture() string {
	src, err := os.ReadFile("../build/testdata/site/content/dinas/_opd.toml")
	if err != nil {
		panic(err)
	}
	return string(src)
}
