package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// contentPromises are the promises about content: see TestPromises.
var contentPromises = []promise{
	{
		name:  "new opd passes check",
		setup: scaffoldNew("opd", "dinas-baru"),
		args:  []string{"check", "--src", "{dir}", "--today", "2025-06-01"},
		code:  ExitOK,
		stdout: []string{
			"content/dinas-baru/_opd.toml:1:1: peringatan: OPD belum punya Maklumat Pelayanan [SP012]",
			"dinas-baru: 0 galat, 4 peringatan; skor 0 (merah)",
			"0 galat, 8 peringatan",
		},
	},
	{
		name:  "new layanan is a draft and passes check",
		setup: scaffoldNew("layanan", "dinas/surat-baru"),
		args:  []string{"check", "--src", "{dir}", "--today", "2025-06-01"},
		code:  ExitOK,
		stdout: []string{
			"content/dinas/surat-baru.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: biaya/tarif ([[biaya]]) [SP021]",
			"content/dinas/surat-baru.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: jangka waktu ([jangka_waktu]) [SP021]",
			"dinas: 0 galat, 14 peringatan; skor 42 (merah)",
			"0 galat, 14 peringatan",
		},
	},
	{
		name: "uncommented sample text is a galat",
		setup: func(t *testing.T, dir string) {
			scaffoldNew("layanan", "dinas/surat-baru")(t, dir)
			// The editor opens the example product and keeps its text.
			scaffoldEdit(t, dir, "content/dinas/surat-baru.toml",
				"# [[produk]]\n# nama = \"Tulis nama produk, misalnya Surat Keterangan\"\n# bentuk = \"fisik\"\n",
				"[[produk]]\nnama = \"Tulis nama produk, misalnya Surat Keterangan\"\nbentuk = \"fisik\"\n")
		},
		args: []string{"check", "--src", "{dir}", "--today", "2025-06-01"},
		code: ExitProblem,
		stdout: []string{
			`content/dinas/surat-baru.toml:97:1: galat: teks contoh dari papan new belum diganti: "Tulis nama produk, misalnya Surat Keterangan" [SP022]`,
			"\tsaran: Ganti teks contoh dengan isi yang sebenarnya, atau beri lagi tanda # di awal barisnya bila belum diketahui.",
		},
	},
	{
		name:  "a service without [[produk]] builds",
		setup: scaffoldWithoutProduct,
		args:  []string{"build", "--src", "{dir}"},
		code:  ExitOK,
		after: func(t *testing.T, dir string) {
			page, err := os.ReadFile(filepath.Join(dir, "public", "dinas", "layanan-uji", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if want := "<dt>Produk pelayanan</dt>\n<dd>Belum dicantumkan dalam standar pelayanan ini</dd>"; !strings.Contains(string(page), want) {
				t.Errorf("the service page does not say the product is not stated:\n%s", page)
			}
		},
	},
	{
		name:  "a service without [[produk]] is a galat from check",
		setup: scaffoldWithoutProduct,
		args:  []string{"check", "--src", "{dir}", "--today", "2025-06-01"},
		code:  ExitProblem,
		stdout: []string{
			"content/dinas/layanan-uji.toml:1:1: galat: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]",
			"\tsaran: Tambahkan [[produk]] dengan nama dari apa yang diterima warga, misalnya nama = \"Kartu Keluarga\". Sampai diisi, halaman layanan menulis \"Belum dicantumkan dalam standar pelayanan ini\".",
		},
	},
	{
		name:   "build leaves a new layanan out as a draft",
		setup:  scaffoldNew("layanan", "dinas/surat-baru"),
		args:   []string{"build", "--src", "{dir}"},
		code:   ExitOK,
		stderr: []string{"papan: 1 layanan draf tidak diterbitkan (draf = true)"},
		after: func(t *testing.T, dir string) {
			if _, err := os.Stat(filepath.Join(dir, "public", "dinas", "surat-baru")); !os.IsNotExist(err) {
				t.Errorf("the draft was published: %v", err)
			}
			if _, err := os.Stat(filepath.Join(dir, "public", "dinas", "layanan-uji", "index.html")); err != nil {
				t.Errorf("the other service was not published: %v", err)
			}
		},
	},
	{
		name:  "a new layanan without draf = true is a galat from check",
		setup: scaffoldNotDraft,
		args:  []string{"check", "--src", "{dir}", "--today", "2025-06-01"},
		code:  ExitProblem,
		stdout: []string{
			"content/dinas/surat-baru.toml:1:1: galat: komponen pelayanan belum dicantumkan: biaya/tarif ([[biaya]]) [SP021]",
			"content/dinas/surat-baru.toml:1:1: galat: komponen pelayanan belum dicantumkan: jangka waktu ([jangka_waktu]) [SP021]",
			"content/dinas/surat-baru.toml:1:1: galat: komponen pelayanan belum dicantumkan: persyaratan ([[persyaratan]]) [SP021]",
			"content/dinas/surat-baru.toml:1:1: galat: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]",
			"content/dinas/surat-baru.toml:1:1: galat: komponen pelayanan belum dicantumkan: prosedur ([[prosedur]]) [SP021]",
			"5 galat, 9 peringatan",
		},
	},
	{
		name:  "a new layanan without draf = true still builds, saying what is not stated",
		setup: scaffoldNotDraft,
		args:  []string{"build", "--src", "{dir}"},
		code:  ExitOK,
		after: func(t *testing.T, dir string) {
			page, err := os.ReadFile(filepath.Join(dir, "public", "dinas", "surat-baru", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if want := "<dt>Produk pelayanan</dt>\n<dd>Belum dicantumkan dalam standar pelayanan ini</dd>"; !strings.Contains(string(page), want) {
				t.Errorf("the service page does not say the product is not stated:\n%s", page)
			}
		},
	},
	{
		name: "build --strict refuses a galat and keeps the previous output",
		setup: func(t *testing.T, dir string) {
			if code, _, stderr := run("build", "--src", dir); code != ExitOK {
				t.Fatalf("first build: exit %d\n%s", code, stderr)
			}
			scaffoldNotDraft(t, dir)
		},
		args: []string{"build", "--src", "{dir}", "--strict"},
		code: ExitProblem,
		stderr: []string{
			"content/dinas/surat-baru.toml:1:1: galat: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]",
			"5 galat, 9 peringatan",
			"papan build --strict: situs tidak dibangun karena ada galat; keluaran sebelumnya tidak diubah",
		},
		after: func(t *testing.T, dir string) {
			if _, err := os.Stat(filepath.Join(dir, "public", "dinas", "surat-baru")); !os.IsNotExist(err) {
				t.Errorf("the refused build wrote the service: %v", err)
			}
			if _, err := os.Stat(filepath.Join(dir, "public", "dinas", "layanan-uji", "index.html")); err != nil {
				t.Errorf("the refused build removed the previous output: %v", err)
			}
		},
	},
	{
		name:   "build --strict builds a site whose only gaps are in a draft",
		setup:  scaffoldNew("layanan", "dinas/surat-baru"),
		args:   []string{"build", "--src", "{dir}", "--strict"},
		code:   ExitOK,
		stderr: []string{"papan: 1 layanan draf tidak diterbitkan (draf = true)"},
	},
	{
		name: "a product that only repeats the service's name is a peringatan",
		setup: func(t *testing.T, dir string) {
			scaffoldEdit(t, dir, "content/dinas/layanan-uji.toml", `nama = "Layanan Uji"`, `nama = "Penerbitan Surat Uji"`)
			scaffoldEdit(t, dir, "content/dinas/layanan-uji.toml", `nama = "Surat Uji"`, `nama = "Penerbitan Surat Uji"`)
		},
		args: []string{"check", "--src", "{dir}"},
		code: ExitOK,
		stdout: []string{
			`content/dinas/layanan-uji.toml:54:1: peringatan: [[produk]] ke-1 ("Penerbitan Surat Uji") hanya mengulang nama layanan [SP032]`,
			"\tsaran: Produk adalah dokumen, keputusan atau barang yang diterima pemohon di akhir layanan, ditulis seperti namanya pada dokumen itu: \"Kartu Keluarga\" untuk layanan Penerbitan Kartu Keluarga, \"Persetujuan Bangunan Gedung (PBG)\" untuk layanan PBG. Bila standar hanya menulis nama layanan, tanyakan kepada unit penyelenggara apa yang diterima pemohon.",
		},
	},
	{
		name: "an e-mail written as a web address is a galat",
		setup: func(t *testing.T, dir string) {
			scaffoldEdit(t, dir, "site.toml", `email = "uji@example.id"`, `email = "http://dpmptsp.go.id"`)
		},
		args: []string{"check", "--src", "{dir}"},
		code: ExitProblem,
		stdout: []string{
			"site.toml:9:1: galat: `email` pada [kontak] \"http://dpmptsp.go.id\" ditulis sebagai alamat web, bukan alamat surel [SP033]",
			"\tsaran: Tulis alamat surel lengkap dengan tanda @, misalnya \"pengaduan@kotacontoh.go.id\". Alamat web ditulis di situs = \"…\".",
		},
	},
	{
		name: "an e-mail written as a website is a galat",
		setup: func(t *testing.T, dir string) {
			scaffoldEdit(t, dir, "site.toml", "\n[[pengaduan]]\njenis = \"lapor\"\n", "\n[[pengaduan]]\njenis = \"situs\"\nnilai = \"http://dinsos@inhilkab.go.id\"\n\n[[pengaduan]]\njenis = \"lapor\"\n")
		},
		args: []string{"check", "--src", "{dir}"},
		code: ExitProblem,
		stdout: []string{
			"site.toml:13:1: galat: `nilai` pada [[pengaduan]] ke-1 \"http://dinsos@inhilkab.go.id\" adalah alamat surel yang ditulis sebagai alamat web [SP033]",
			"\tsaran: Tulis \"dinsos@inhilkab.go.id\" sebagai surel, sebagai [[pengaduan]] dengan jenis = \"email\"; di sini tulis alamat web yang sebenarnya bila standar menyebutnya, atau hapus.",
		},
	},
	{
		name: "a decision that returns to its own step builds and says the step is repeated",
		setup: func(t *testing.T, dir string) {
			scaffoldEdit(t, dir, "content/dinas/layanan-uji.toml", "kembali_ke = 1\n", "kembali_ke = 2\n")
		},
		args: []string{"build", "--src", "{dir}"},
		code: ExitOK,
		after: func(t *testing.T, dir string) {
			page, err := os.ReadFile(filepath.Join(dir, "public", "dinas", "layanan-uji", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if want := "Jika tidak: Berkas dikembalikan (langkah ini diulang)"; !strings.Contains(string(page), want) {
				t.Errorf("the service page lacks %q", want)
			}
		},
	},
	{
		name: "kembali_ke past the last step names the steps it may point to",
		setup: func(t *testing.T, dir string) {
			scaffoldEdit(t, dir, "content/dinas/layanan-uji.toml", "kembali_ke = 1\n", "kembali_ke = 5\n")
		},
		args: []string{"check", "--src", "{dir}"},
		code: ExitProblem,
		stdout: []string{
			"content/dinas/layanan-uji.toml:34:1: galat: `kembali_ke` pada [[prosedur]] ke-2 = 5 tidak menunjuk langkah yang ada",
			"\tsaran: Tulis nomor langkah antara 1 dan 2 pada kanal \"Tatap muka\". Bila langkah ini sendiri diulang (misalnya berkas dilengkapi lalu diperiksa lagi), tulis nomornya, 2.",
		},
	},
}

// scaffoldNotDraft runs `papan new layanan dinas/surat-baru` and deletes its draf = true,
// as an editor who publishes it before writing the components would.
func scaffoldNotDraft(t *testing.T, dir string) {
	scaffoldNew("layanan", "dinas/surat-baru")(t, dir)
	scaffoldEdit(t, dir, "content/dinas/surat-baru.toml", "\ndraf = true\n", "\n")
}

// scaffoldNew returns a setup that runs `papan new kind name` on the site.
func scaffoldNew(kind, name string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		if code, _, stderr := run("new", "--src", dir, kind, name); code != ExitOK {
			t.Fatalf("papan new %s %s: exit %d\n%s", kind, name, code, stderr)
		}
	}
}

// scaffoldWithoutProduct removes the [[produk]] table of the test site's service.
func scaffoldWithoutProduct(t *testing.T, dir string) {
	scaffoldEdit(t, dir, "content/dinas/layanan-uji.toml", "[[produk]]\nnama = \"Surat Uji\"\nbentuk = \"fisik\"\n", "")
}

// scaffoldEdit replaces old, which must be there, with new in the site's file name.
func scaffoldEdit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	file := filepath.Join(dir, filepath.FromSlash(name))
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}
