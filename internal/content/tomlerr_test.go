package content

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/papan-id/papan/internal/oserr"
	"github.com/papan-id/papan/internal/standard"
)

// english matches words of BurntSushi/toml's messages; none may reach an editor.
var english = regexp.MustCompile(`(?i)\b(expected|unexpected|invalid|cannot|must|table|key|value|found|instead|got|strings?|float|integer|range|newlines?|defined|already|files?|characters?|digits?|numbers?|EOF|escape|name|not|but|or|end)\b`)

// TestTOMLSyntaxErrors triggers every kind of syntax error BurntSushi/toml v1.6.0 can
// give (see tomlSyntaxes) and checks its Indonesian message, position and advice.
func TestTOMLSyntaxErrors(t *testing.T) {
	const file = "content/dinas/layanan.toml"
	tests := []struct {
		name, src string
		want      string // Problem.String() without the hint
		hint      string
	}{
		{"unclosed string", "nama = \"Layanan\n",
			file + ":1:16: galat: TOML tidak valid: teks dalam tanda kutip belum ditutup di baris ini",
			`Tutup teks dengan tanda kutip di baris yang sama. Untuk teks beberapa baris, apit dengan tiga tanda kutip: """…""".`},
		{"unclosed multi-line string", "nama = \"\"\"Layanan\n",
			file + ":1:18: galat: TOML tidak valid: teks beberapa baris belum ditutup sampai akhir berkas",
			`Tutup teks beberapa baris dengan tiga tanda kutip yang sama dengan pembukanya (""" atau ''').`},
		{"unclosed literal multi-line string", "nama = '''Layanan\n",
			file + ":1:18: galat: TOML tidak valid: teks beberapa baris belum ditutup sampai akhir berkas",
			`Tutup teks beberapa baris dengan tiga tanda kutip yang sama dengan pembukanya (""" atau ''').`},
		{"unclosed string at the end of the file", "nama = \"Layanan",
			file + ":1:15: galat: TOML tidak valid: teks dalam tanda kutip belum ditutup di akhir berkas",
			"Tambahkan tanda kutip penutup di akhir teks."},
		{"unclosed literal string at the end of the file", "nama = 'Layanan",
			file + ":1:15: galat: TOML tidak valid: teks dalam tanda kutip belum ditutup di akhir berkas",
			"Tambahkan tanda kutip penutup di akhir teks."},
		{"six quotes closing a multi-line string", "nama = \"\"\"Layanan\"\"\"\"\"\"\n",
			file + ":1:11: galat: TOML tidak valid: terlalu banyak tanda kutip di akhir teks beberapa baris",
			`Teks beberapa baris ditutup dengan tepat tiga tanda kutip. Tanda kutip di dalam teks ditulis \".`},
		{"unknown escape", "nama = \"C:\\Data\"\n",
			file + ":1:9: galat: TOML tidak valid: kode `\\D` di dalam teks tidak dikenal",
			hintEscape},
		{"short hexadecimal escape", "nama = \"\\u12\"\n",
			file + ":1:9: galat: TOML tidak valid: kode `\\u` di dalam teks tidak lengkap",
			hintEscape},
		{"escape of a surrogate", "nama = \"\\ud800\"\n",
			file + ":1:9: galat: TOML tidak valid: kode `\\ud800` di dalam teks bukan huruf yang sah",
			hintEscape},
		{"equals without a key", "= \"Layanan\"\n",
			file + ":1:1: galat: TOML tidak valid: tanda = tanpa nama kunci di depannya",
			`Tulis nama kunci sebelum tanda =, misalnya nama = "Kartu Keluarga".`},
		{"key starting with a dot", ".nama = \"Layanan\"\n",
			file + ":1:1: galat: TOML tidak valid: nama kunci diawali titik",
			"Hapus titik di awal nama kunci. Titik hanya dipakai di antara dua nama, misalnya jangka_waktu.nilai."},
		{"key ending with a dot", "nama. = \"Layanan\"\n",
			file + ":1:7: galat: TOML tidak valid: nama kunci berakhir dengan titik",
			"Hapus titik sebelum tanda =. Titik hanya dipakai di antara dua nama, misalnya jangka_waktu.nilai."},
		{"two dots in a key", "jangka_waktu..nilai = 1\n",
			file + ":1:14: galat: TOML tidak valid: dua titik berurutan dalam nama kunci",
			"Hapus salah satu titik. Titik hanya dipakai di antara dua nama, misalnya jangka_waktu.nilai."},
		{"key at the end of the file", "nama = \"Layanan\"\nkategori",
			file + ":2:8: galat: TOML tidak valid: berkas berakhir setelah nama kunci, sebelum tanda =",
			`Setiap baris ditulis kunci = nilai, misalnya nama = "Kartu Keluarga"; atau hapus baris terakhir.`},
		{"key without equals", "nama = \"Layanan\"\nkategori\n",
			file + ":2:9: galat: TOML tidak valid: baris ini berisi nama kunci tanpa tanda = dan nilai",
			`Setiap baris ditulis kunci = nilai, misalnya nama = "Kartu Keluarga". Teks lanjutan dari baris sebelumnya diapit tiga tanda kutip """…""".`},
		{"key with a space", "nama layanan = \"Layanan\"\n",
			file + ":1:6: galat: TOML tidak valid: setelah nama kunci seharusnya ada tanda =, tetapi tertulis `l`",
			"Nama kunci tidak boleh berspasi: pakai garis bawah, misalnya jangka_waktu = …, lalu tanda = dan nilainya."},
		{"missing equals", "nama \"Layanan\"\n",
			file + ":1:6: galat: TOML tidak valid: setelah nama kunci seharusnya ada tanda =, tetapi tertulis `\"`",
			"Nama kunci tidak boleh berspasi: pakai garis bawah, misalnya jangka_waktu = …, lalu tanda = dan nilainya."},
		{"value at the end of the file", "nama =",
			file + ":1:6: galat: TOML tidak valid: berkas berakhir sebelum nilai ditulis",
			`Tulis nilainya setelah tanda =, misalnya nama = "Kartu Keluarga", atau hapus baris terakhir.`},
		{"missing value", "nama =\n",
			file + ":1:7: galat: TOML tidak valid: nilai belum ditulis setelah tanda =",
			`Tulis nilainya di baris yang sama, misalnya nama = "Kartu Keluarga", atau hapus baris ini.`},
		{"unquoted text", "nama = Layanan Uji\n",
			file + ":1:8: galat: TOML tidak valid: nilai tidak dikenali: `Layanan`",
			hintQuotes},
		{"unknown word", "aktif = ya\n",
			file + ":1:9: galat: TOML tidak valid: nilai tidak dikenali: `ya`",
			hintQuotes},
		{"text after the value", "nama = \"Layanan\" Uji\n",
			file + ":1:17: galat: TOML tidak valid: setelah nilai masih ada `U` di baris yang sama",
			`Satu baris hanya boleh berisi satu kunci = nilai. Teks ditulis dalam tanda kutip, misalnya nama = "Kartu Keluarga"; angka tanpa tanda kutip dan tanpa titik ribuan, misalnya tarif = 150000; daftar dalam kurung siku, misalnya ["satu", "dua"].`},
		{"double comma in an array", "kata_kunci = [\"KTP\",, \"KK\"]\n",
			file + ":1:21: galat: TOML tidak valid: koma tanpa butir di depannya",
			`Hapus koma ganda atau koma di awal; butir dipisahkan satu koma, misalnya ["satu", "dua"].`},
		{"missing comma in an array", "kata_kunci = [\"KTP\" \"KK\"]\n",
			file + ":1:21: galat: TOML tidak valid: daftar dalam [ ] memerlukan koma di antara butir atau ] sebagai penutup, tetapi tertulis `\"`",
			`Pisahkan butir dengan koma dan tutup daftar dengan ], misalnya ["satu", "dua"].`},
		{"unclosed array", "kata_kunci = [\"KTP\", \"KK\"\n",
			file + ":1:26: galat: TOML tidak valid: daftar dalam [ ] memerlukan koma di antara butir atau ] sebagai penutup, tetapi tertulis akhir berkas",
			`Pisahkan butir dengan koma dan tutup daftar dengan ], misalnya ["satu", "dua"].`},
		{"missing comma in an inline table", "jangka_waktu = { nilai = 1 satuan = \"jam\" }\n",
			file + ":1:28: galat: TOML tidak valid: tabel dalam { } memerlukan koma di antara kunci atau } sebagai penutup, tetapi tertulis `s`",
			`Pisahkan kunci dengan koma dan tutup dengan }, misalnya { nama = "KTP", bentuk = "asli" }.`},
		{"unclosed array table header", "[[persyaratan]\n",
			file + ":1:14: galat: TOML tidak valid: judul tabel [[…]] belum ditutup dengan ]], tetapi tertulis akhir baris",
			"Tutup judul dengan dua kurung siku, misalnya [[persyaratan]]. Nama tabel tidak boleh berspasi."},
		{"unclosed table header", "[jangka_waktu\n",
			file + ":1:14: galat: TOML tidak valid: judul tabel [ ] belum ditutup dengan ], tetapi tertulis akhir baris",
			"Tutup judul dengan kurung siku, misalnya [jangka_waktu]. Nama tabel tidak boleh berspasi."},
		{"empty table name", "[]\n",
			file + ":1:2: galat: TOML tidak valid: nama tabel kosong atau berakhir dengan titik",
			"Tulis nama tabel di antara kurung siku, misalnya [jangka_waktu] atau [[persyaratan]]."},
		{"table name starting with a dot", "[.jangka_waktu]\n",
			file + ":1:2: galat: TOML tidak valid: nama tabel diawali titik",
			"Hapus titik di awal nama tabel, misalnya [jangka_waktu]."},
		{"duplicate key", "nama = \"Layanan\"\nnama = \"Layanan Uji\"\n",
			file + ":2:1: galat: TOML tidak valid: kunci `nama` ditulis dua kali",
			hintOneTable},
		{"duplicate indented key", "[jangka_waktu]\n  nilai = 1\n  nilai = 2\n",
			file + ":3:3: galat: TOML tidak valid: kunci `jangka_waktu.nilai` ditulis dua kali",
			hintOneTable},
		{"duplicate table", "[jangka_waktu]\nnilai = 1\n\n[jangka_waktu]\n",
			file + ":4:2: galat: TOML tidak valid: tabel `jangka_waktu` ditulis dua kali",
			hintOneTable},
		{"value made a table", "jangka_waktu = 1\n[jangka_waktu.nilai]\n",
			file + ":2:2: galat: TOML tidak valid: `jangka_waktu` sudah dipakai sebagai tabel, jadi tidak dapat diberi nilai lagi",
			hintOneTable},
		{"table made an array of tables", "[persyaratan]\n[[persyaratan]]\n",
			file + ":2:3: galat: TOML tidak valid: `persyaratan` sudah ditulis sebagai satu tabel [ ], jadi tidak dapat dipakai sebagai daftar tabel [[ ]]",
			"Untuk beberapa butir, tulis setiap butir dengan [[nama]]; jangan campur [nama] dan [[nama]] untuk nama yang sama."},
		{"underscore in a number", "tarif = 1__000\n",
			file + ":1:9: galat: TOML tidak valid: angka `1__000` tidak valid: garis bawah hanya boleh di antara dua angka",
			hintInteger},
		{"leading zero", "urutan = 05\n",
			file + ":1:10: galat: TOML tidak valid: angka `05` diawali nol",
			`Hapus nol di depan (tulis 5, bukan 05). Nomor yang memang diawali nol, seperti nomor telepon, ditulis sebagai teks dalam tanda kutip: "0211234567".`},
		{"leading zero in a decimal", "urutan = 05.5\n",
			file + ":1:10: galat: TOML tidak valid: angka `05.5` diawali nol",
			`Hapus nol di depan (tulis 5, bukan 05). Nomor yang memang diawali nol, seperti nomor telepon, ditulis sebagai teks dalam tanda kutip: "0211234567".`},
		{"dot without digits", "urutan = 1.\n",
			file + ":1:10: galat: TOML tidak valid: angka `1.` tidak valid: titik harus diikuti angka",
			hintInteger},
		{"bad decimal", "urutan = 1.5e\n",
			file + ":1:10: galat: TOML tidak valid: angka `1.5e` tidak valid",
			hintInteger},
		{"bad infinity", "urutan = +in\n",
			file + ":1:10: galat: TOML tidak valid: angka `+in` tidak valid",
			hintInteger},
		{"number starting with a dot", "urutan = .5\n",
			file + ":1:10: galat: TOML tidak valid: angka diawali titik",
			hintInteger},
		{"sign on a hexadecimal number", "urutan = +0x10\n",
			file + ":1:10: galat: TOML tidak valid: angka `+0x` tidak valid: angka berawalan 0x, 0o atau 0b tidak boleh diberi tanda + atau -",
			hintInteger},
		{"sign without digits", "urutan = -x\n",
			file + ":1:10: galat: TOML tidak valid: setelah tanda + atau - seharusnya ada angka, tetapi tertulis `x`",
			`Tulis angka, misalnya -5, atau teks dalam tanda kutip, misalnya "-".`},
		{"bad octal number", "urutan = 0o9\n",
			file + ":1:10: galat: TOML tidak valid: angka `0o9` tidak valid",
			"Awalan 0b, 0o dan 0x menandai angka biner, oktal dan heksadesimal. Tulis angka bulat dengan angka 0–9 saja, tanpa titik ribuan dan tanpa tanda kutip, misalnya tarif = 150000."},
		{"number too large", "tarif = 99999999999999999999\n",
			file + ":1:9: galat: `tarif` 99999999999999999999 terlalu besar untuk dibaca sebagai angka",
			"Periksa jumlah angka nolnya: tarif ditulis dalam rupiah tanpa titik, misalnya tarif = 150000. Angka terbesar yang dapat dibaca adalah 9223372036854775807."},
		{"number too small", "urutan = -99999999999999999999\n",
			file + ":1:10: galat: `urutan` -99999999999999999999 terlalu kecil untuk dibaca sebagai angka",
			"Periksa jumlah angkanya; angka terkecil yang dapat dibaca adalah -9223372036854775808."},
		{"decimal too large", "urutan = 1e999\n",
			file + ":1:10: galat: `urutan` 1e999 terlalu besar untuk dibaca sebagai angka",
			"Periksa jumlah angkanya; angka terbesar yang dapat dibaca adalah 9223372036854775807."},
		{"thousands separators", "tarif = 1.000.000\n",
			file + ":1:9: galat: `tarif` 1.000.000 ditulis dengan titik atau koma ribuan",
			"Tulis angka tanpa titik dan koma: tarif = 1000000."},
		{"thousands commas", "tarif = 1,000,000\n",
			file + ":1:9: galat: `tarif` 1,000,000 ditulis dengan titik atau koma ribuan",
			"Tulis angka tanpa titik dan koma: tarif = 1000000."},
		{"date day-month-year", "tanggal = 19-05-2025\n",
			file + ":1:11: galat: `tanggal` 19-05-2025 tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip",
			"Tulis tanggal = 2025-05-19."},
		{"date with slashes", "tanggal = 19/05/2025\n",
			file + ":1:11: galat: `tanggal` 19/05/2025 tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip",
			"Tulis tanggal = 2025-05-19."},
		{"date with dots", "tanggal = 19.05.2025\n",
			file + ":1:11: galat: `tanggal` 19.05.2025 tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip",
			"Tulis tanggal = 2025-05-19."},
		{"date with a month name", "tanggal = 19 Mei 2025\n",
			file + ":1:11: galat: `tanggal` 19 Mei 2025 tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip",
			"Tulis tanggal = 2025-05-19."},
		{"date with one-digit month", "tanggal = 2025-5-19\n",
			file + ":1:11: galat: `tanggal` 2025-5-19 tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip",
			"Tulis tanggal = 2025-05-19."},
		{"date that does not exist", "tanggal = 2025-13-01\n",
			file + ":1:11: galat: `tanggal` 2025-13-01 tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip",
			"Tulis tanggal = 2025-05-19 dengan tanggal yang benar: tahun empat angka, bulan 01–12, hari 01–31."},
		{"bad time", "jam = 12:61:00\n",
			file + ":1:7: galat: TOML tidak valid: tanggal atau jam `12:61:00` tidak valid",
			"Tanggal ditulis tahun-bulan-hari tanpa tanda kutip, misalnya 2025-05-19; jam ditulis jam:menit:detik, misalnya 08:00:00."},
		{"control character", "nama = \"Lay\x01anan\"\n",
			file + ":1:11: galat: TOML tidak valid: berkas berisi karakter kendali yang tidak terlihat (kode `0x01`)",
			"Karakter seperti ini sering terbawa saat menyalin dari PDF atau Word. Ketik ulang bagian baris ini."},
		{"NULL byte of UTF-16", "n\x00a\x00m\x00a\x00",
			file + ":1:2: galat: TOML tidak valid: berkas berisi bita nol; mungkin disimpan sebagai UTF-16",
			hintUTF8},
		{"error after a multi-byte character", "nama = \"Pelayanan Ré\" Uji\n",
			file + ":1:22: galat: TOML tidak valid: setelah nilai masih ada `U` di baris yang sama",
			`Satu baris hanya boleh berisi satu kunci = nilai. Teks ditulis dalam tanda kutip, misalnya nama = "Kartu Keluarga"; angka tanpa tanda kutip dan tanpa titik ribuan, misalnya tarif = 150000; daftar dalam kurung siku, misalnya ["satu", "dua"].`},
	}
	seen := make([]bool, len(tomlSyntaxes))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			var pe toml.ParseError
			if err := toml.Unmarshal([]byte(tt.src), &m); !errors.As(err, &pe) {
				t.Fatalf("no parse error: %v", err)
			}
			for i, s := range tomlSyntaxes {
				if s.re.MatchString(pe.Message) {
					seen[i] = true
					break
				}
			}
			_, p := parseTOML(file, []byte(tt.src), 0)
			if p == nil {
				t.Fatal("no problem")
			}
			checkPositions(t, fstest.MapFS{file: {Data: []byte(tt.src)}}, standard.Problems{*p})
			hint := p.Hint
			p.Hint = ""
			if got := p.String(); got != tt.want {
				t.Errorf("problem\n\t%s\nwant\n\t%s", got, tt.want)
			}
			if hint != tt.hint {
				t.Errorf("hint\n\t%s\nwant\n\t%s", hint, tt.hint)
			}
			if w := english.FindString(p.Message + " " + hint); w != "" {
				t.Errorf("English %q in %q / %q", w, p.Message, hint)
			}
		})
	}
	// Messages no small input triggers: the lexer's inline-table newline error (TOML 1.1
	// allows newlines there), and errors of decoding into typed fields, which Papan does
	// not do. Their table entries are checked by their text.
	for _, msg := range []string{
		"newlines not allowed within inline tables",
		"1e+300 is out of the safe float32 range",
		`invalid duration: "5x"`,
		`"a" is not a table`,
		"unexpected EOF",
		"invalid UTF-8 byte: 0xff",
		`invalid escape: '\q'`,
	} {
		for i, s := range tomlSyntaxes {
			if s.re.MatchString(msg) {
				seen[i] = true
				break
			}
		}
		got, hint := tomlMessage(msg)
		if w := english.FindString(got + " " + hint); w != "" {
			t.Errorf("%q: English %q in %q / %q", msg, w, got, hint)
		}
	}
	for i, s := range tomlSyntaxes {
		if !seen[i] {
			t.Errorf("no test for %s", s.re)
		}
	}
}

func TestUnknownTOMLMessage(t *testing.T) {
	msg, hint := tomlMessage("something new in a later version")
	if want := "penulisan di baris ini tidak dapat dibaca"; msg != want || hint != hintSyntax {
		t.Errorf("tomlMessage = %q, %q; want %q, %q", msg, hint, want, hintSyntax)
	}
}

func TestTOMLDebug(t *testing.T) {
	t.Setenv(oserr.DebugEnv, "1")
	_, p := parseTOML("a.toml", []byte("nama = \"a\" b\n"), 0)
	if want := "TOML tidak valid: setelah nilai masih ada `b` di baris yang sama (toml: expected a top-level item to end with a newline, comment, or EOF, but got 'b' instead)"; p.Message != want {
		t.Errorf("message with %s=1:\n\t%s\nwant\n\t%s", oserr.DebugEnv, p.Message, want)
	}
}

func TestRewriteDate(t *testing.T) {
	for in, want := range map[string]string{
		"19-05-2025": "2025-05-19", "19/5/2025": "2025-05-19", "19.05.2025": "2025-05-19",
		"2025-5-19": "2025-05-19", "2025/05/19": "2025-05-19", "19 Mei 2025": "2025-05-19",
		"1 Agustus 2025": "2025-08-01", "31-02-2025": "", "2025-13-01": "", "19 Mai 2025": "",
		"05-19-2025": "", "19-05-25": "",
	} {
		got, ok := rewriteDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("rewriteDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// positionError says what is wrong with the position of p in its file in fsys: a line
// the file does not have, or a column outside the line (after its last character is
// the one column allowed past it, where a missing quote or bracket belongs). Columns
// count characters, not bytes. It returns "" for a good position or none.
func positionError(fsys fs.FS, p standard.Problem) string {
	if p.Line == 0 && p.Col == 0 {
		return ""
	}
	src, err := fs.ReadFile(fsys, p.File)
	if err != nil {
		return fmt.Sprintf("%s:%d:%d: file not readable: %v", p.File, p.Line, p.Col, err)
	}
	lines := strings.Split(string(src), "\n")
	if p.Line < 1 || p.Line > len(lines) {
		return fmt.Sprintf("%s:%d:%d: line outside the file's %d lines", p.File, p.Line, p.Col, len(lines))
	}
	line := strings.TrimSuffix(lines[p.Line-1], "\r")
	if n := utf8.RuneCountInString(line); p.Col < 1 || p.Col > n+1 {
		return fmt.Sprintf("%s:%d:%d: column outside the line %q (%d characters)", p.File, p.Line, p.Col, line, n)
	}
	return ""
}

func checkPositions(t *testing.T, fsys fs.FS, ps standard.Problems) {
	t.Helper()
	for _, p := range ps {
		if e := positionError(fsys, p); e != "" {
			t.Error(e)
		}
	}
}
