package content

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/papan-id/papan/internal/oserr"
	"github.com/papan-id/papan/internal/standard"
)

// A TOML syntax error reaches an OPD editor in Indonesian, with advice for its kind.
// BurntSushi/toml's own (English) text is shown only with PAPAN_DEBUG=1, for a developer
// who needs to search for it.
//
// Some errors are about a value rather than the syntax around it: a date written the
// Indonesian way (19-05-2025), a number with thousands separators (1.000.000) or one too
// large to read. The parser reports these in several ways (an invalid datetime, a stray
// '/' after a number, an invalid float); they are recognised from the value on the
// error's line, and the advice shows the value rewritten.

// debugging reports whether PAPAN_DEBUG=1 asks for the parser's original text.
func debugging() bool { return os.Getenv(oserr.DebugEnv) == "1" }

// tomlSyntax is one kind of syntax error of BurntSushi/toml v1.6.0 (lex.go, parse.go,
// error.go). In message and hint, $1, $2 … stand for the groups of re, each read as a
// token the editor wrote (see token).
type tomlSyntax struct {
	re            *regexp.Regexp
	message, hint string
}

const (
	hintQuotes   = `Teks ditulis dalam tanda kutip, misalnya nama = "Kartu Keluarga"; angka tanpa tanda kutip dan tanpa titik ribuan, misalnya tarif = 150000; daftar dalam kurung siku, misalnya ["satu", "dua"].`
	hintEscape   = `Di dalam tanda kutip ganda, garis miring terbalik \ memulai kode khusus. Tulis \\ untuk satu garis miring terbalik, atau apit teksnya dengan tanda kutip tunggal: 'C:\Data'.`
	hintInteger  = "Tulis angka bulat dengan angka 0–9 saja, tanpa titik ribuan dan tanpa tanda kutip, misalnya tarif = 150000."
	hintUTF8     = "Simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)."
	hintOneTable = "Setiap kunci dan setiap tabel [nama] hanya boleh ditulis sekali. Hapus atau gabungkan salah satunya; untuk beberapa butir, tulis setiap butir sebagai tabel [[nama]]."
)

// tomlSyntaxes lists every error message BurntSushi/toml v1.6.0 can give, most specific
// first. TestTOMLSyntaxErrors triggers each one.
var tomlSyntaxes = []tomlSyntax{
	// Strings.
	{regexp.MustCompile(`^strings cannot contain newlines`),
		"teks dalam tanda kutip belum ditutup di baris ini",
		`Tutup teks dengan tanda kutip di baris yang sama. Untuk teks beberapa baris, apit dengan tiga tanda kutip: """…""".`},
	{regexp.MustCompile(`^unexpected EOF; expected ('"""'|"'''")`),
		"teks beberapa baris belum ditutup sampai akhir berkas",
		`Tutup teks beberapa baris dengan tiga tanda kutip yang sama dengan pembukanya (""" atau ''').`},
	{regexp.MustCompile(`^unexpected EOF; expected ('"'|"'")`),
		"teks dalam tanda kutip belum ditutup di akhir berkas",
		"Tambahkan tanda kutip penutup di akhir teks."},
	{regexp.MustCompile(`^unexpected ('""""""'|"''''''")`),
		"terlalu banyak tanda kutip di akhir teks beberapa baris",
		"Teks beberapa baris ditutup dengan tepat tiga tanda kutip. Tanda kutip di dalam teks ditulis \\\"."},
	{regexp.MustCompile(`^invalid escape in string '(.*)'`),
		"kode $1 di dalam teks tidak dikenal", hintEscape},
	{regexp.MustCompile(`^invalid escape: '(.*)'`),
		"kode $1 di dalam teks tidak dikenal", hintEscape},
	{regexp.MustCompile(`^expected (?:two|four|eight) hexadecimal digits after '(.*)', but got`),
		"kode $1 di dalam teks tidak lengkap", hintEscape},
	{regexp.MustCompile(`^Escaped character '(.*)' is not valid UTF-8`),
		"kode $1 di dalam teks bukan huruf yang sah", hintEscape},

	// Keys and the equals sign.
	{regexp.MustCompile(`^unexpected '=': key name appears blank`),
		"tanda = tanpa nama kunci di depannya",
		`Tulis nama kunci sebelum tanda =, misalnya nama = "Kartu Keluarga".`},
	{regexp.MustCompile(`^unexpected '\.': keys cannot start with a '\.'`),
		"nama kunci diawali titik",
		"Hapus titik di awal nama kunci. Titik hanya dipakai di antara dua nama, misalnya jangka_waktu.nilai."},
	{regexp.MustCompile(`^unexpected '='$`),
		"nama kunci berakhir dengan titik",
		"Hapus titik sebelum tanda =. Titik hanya dipakai di antara dua nama, misalnya jangka_waktu.nilai."},
	{regexp.MustCompile(`^unexpected '\.'$`),
		"dua titik berurutan dalam nama kunci",
		"Hapus salah satu titik. Titik hanya dipakai di antara dua nama, misalnya jangka_waktu.nilai."},
	{regexp.MustCompile(`^unexpected EOF; expected key separator '='`),
		"berkas berakhir setelah nama kunci, sebelum tanda =",
		`Setiap baris ditulis kunci = nilai, misalnya nama = "Kartu Keluarga"; atau hapus baris terakhir.`},
	{regexp.MustCompile(`^expected '\.' or '=', but got ('\\n'|'\\r') instead`),
		"baris ini berisi nama kunci tanpa tanda = dan nilai",
		`Setiap baris ditulis kunci = nilai, misalnya nama = "Kartu Keluarga". Teks lanjutan dari baris sebelumnya diapit tiga tanda kutip """…""".`},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead`),
		"setelah nama kunci seharusnya ada tanda =, tetapi tertulis $1",
		"Nama kunci tidak boleh berspasi: pakai garis bawah, misalnya jangka_waktu = …, lalu tanda = dan nilainya."},

	// Values.
	{regexp.MustCompile(`^unexpected EOF; expected value`),
		"berkas berakhir sebelum nilai ditulis",
		`Tulis nilainya setelah tanda =, misalnya nama = "Kartu Keluarga", atau hapus baris terakhir.`},
	{regexp.MustCompile(`^expected value but found ('\\n'|'\\r') instead`),
		"nilai belum ditulis setelah tanda =",
		`Tulis nilainya di baris yang sama, misalnya nama = "Kartu Keluarga", atau hapus baris ini.`},
	{regexp.MustCompile(`^expected value but found (.*) instead`),
		"nilai tidak dikenali: $1", hintQuotes},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead`),
		"setelah nilai masih ada $1 di baris yang sama",
		"Satu baris hanya boleh berisi satu kunci = nilai. " + hintQuotes},
	{regexp.MustCompile(`^unexpected EOF$`),
		"berkas berakhir terlalu cepat",
		"Periksa tanda kutip dan kurung yang belum ditutup di akhir berkas."},

	// Arrays and inline tables.
	{regexp.MustCompile(`^unexpected comma`),
		"koma tanpa butir di depannya",
		`Hapus koma ganda atau koma di awal; butir dipisahkan satu koma, misalnya ["satu", "dua"].`},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \('\]'\), but got (.*)`),
		"daftar dalam [ ] memerlukan koma di antara butir atau ] sebagai penutup, tetapi tertulis $1",
		`Pisahkan butir dengan koma dan tutup daftar dengan ], misalnya ["satu", "dua"].`},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '\}', but got (.*) instead`),
		"tabel dalam { } memerlukan koma di antara kunci atau } sebagai penutup, tetapi tertulis $1",
		`Pisahkan kunci dengan koma dan tutup dengan }, misalnya { nama = "KTP", bentuk = "asli" }.`},
	{regexp.MustCompile(`^newlines not allowed within inline tables`),
		"tabel dalam { } harus ditulis dalam satu baris",
		"Tulis { … } dalam satu baris, atau pakai judul tabel [nama] dengan satu kunci per baris."},

	// Table headers.
	{regexp.MustCompile(`^expected end of table array name delimiter '\]', but got (.*) instead`),
		"judul tabel [[…]] belum ditutup dengan ]], tetapi tertulis $1",
		"Tutup judul dengan dua kurung siku, misalnya [[persyaratan]]. Nama tabel tidak boleh berspasi."},
	{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.*) instead`),
		"judul tabel [ ] belum ditutup dengan ], tetapi tertulis $1",
		"Tutup judul dengan kurung siku, misalnya [jangka_waktu]. Nama tabel tidak boleh berspasi."},
	{regexp.MustCompile(`^unexpected end of table name \(table names cannot be empty\)`),
		"nama tabel kosong atau berakhir dengan titik",
		"Tulis nama tabel di antara kurung siku, misalnya [jangka_waktu] atau [[persyaratan]]."},
	{regexp.MustCompile(`^unexpected table separator \(table names cannot be empty\)`),
		"nama tabel diawali titik",
		"Hapus titik di awal nama tabel, misalnya [jangka_waktu]."},

	// Keys written twice.
	{regexp.MustCompile(`^Key '(.*)' has already been defined`),
		"kunci $1 ditulis dua kali", hintOneTable},
	{regexp.MustCompile(`^Key '(.*)' was already created as a hash`),
		"$1 sudah dipakai sebagai tabel, jadi tidak dapat diberi nilai lagi", hintOneTable},
	{regexp.MustCompile(`^Key '(.*)' was already created and cannot be used as an array`),
		"$1 sudah ditulis sebagai satu tabel [ ], jadi tidak dapat dipakai sebagai daftar tabel [[ ]]",
		"Untuk beberapa butir, tulis setiap butir dengan [[nama]]; jangan campur [nama] dan [[nama]] untuk nama yang sama."},
	{regexp.MustCompile(`^"(.*)" is not a table`),
		"$1 bukan tabel", hintOneTable},

	// Numbers. A value with thousands separators, an Indonesian date or a number too
	// large is recognised before this table is consulted (valueProblem).
	{regexp.MustCompile(`^Invalid (?:integer|float) "(.*)": underscores must be surrounded by digits`),
		"angka $1 tidak valid: garis bawah hanya boleh di antara dua angka", hintInteger},
	{regexp.MustCompile(`^Invalid (?:integer|float) "(.*)": cannot have leading zeroes`),
		"angka $1 diawali nol",
		`Hapus nol di depan (tulis 5, bukan 05). Nomor yang memang diawali nol, seperti nomor telepon, ditulis sebagai teks dalam tanda kutip: "0211234567".`},
	{regexp.MustCompile(`^Invalid float "(.*)": '\.' must be followed by one or more digits`),
		"angka $1 tidak valid: titik harus diikuti angka", hintInteger},
	{regexp.MustCompile(`^Invalid float value: "(.*)"`),
		"angka $1 tidak valid", hintInteger},
	{regexp.MustCompile(`^invalid float: '(.*)'`),
		"angka $1 tidak valid", hintInteger},
	{regexp.MustCompile(`^floats must start with a digit, not '\.'`),
		"angka diawali titik", hintInteger},
	{regexp.MustCompile(`^cannot use sign with non-decimal numbers: '(.*)'`),
		"angka $1 tidak valid: angka berawalan 0x, 0o atau 0b tidak boleh diberi tanda + atau -", hintInteger},
	{regexp.MustCompile(`^expected a digit but got (.*)`),
		"setelah tanda + atau - seharusnya ada angka, tetapi tertulis $1",
		`Tulis angka, misalnya -5, atau teks dalam tanda kutip, misalnya "-".`},
	{regexp.MustCompile(`^not an? (?:binary|octal|hexadecimal) number: '(.*)'`),
		"angka $1 tidak valid",
		"Awalan 0b, 0o dan 0x menandai angka biner, oktal dan heksadesimal. " + hintInteger},
	{regexp.MustCompile(`^(.*) is out of range for (?:int64|float64)`),
		"angka $1 terlalu besar untuk dibaca", "Periksa jumlah angkanya. " + hintInteger},
	{regexp.MustCompile(`^(.*) is out of the safe`),
		"angka $1 terlalu besar untuk dibaca dengan tepat", "Periksa jumlah angkanya. " + hintInteger},
	{regexp.MustCompile(`^invalid datetime: "(.*)"`),
		"tanggal atau jam $1 tidak valid",
		"Tanggal ditulis tahun-bulan-hari tanpa tanda kutip, misalnya 2025-05-19; jam ditulis jam:menit:detik, misalnya 08:00:00."},
	{regexp.MustCompile(`^invalid duration: "(.*)"`),
		"lama waktu $1 tidak dapat dibaca",
		`Tulis lama waktu dalam tanda kutip dengan angka dan satuan, misalnya "15 menit".`},

	// The file itself.
	{regexp.MustCompile(`^TOML files cannot contain control characters: '(0x.*)'`),
		"berkas berisi karakter kendali yang tidak terlihat (kode $1)",
		"Karakter seperti ini sering terbawa saat menyalin dari PDF atau Word. Ketik ulang bagian baris ini."},
	{regexp.MustCompile(`^invalid UTF-8 byte`),
		"berkas bukan teks UTF-8", hintUTF8},
	{regexp.MustCompile(`^files cannot contain NULL bytes`),
		"berkas berisi bita nol; mungkin disimpan sebagai UTF-16", hintUTF8},
}

// hintSyntax is the advice for a syntax error this table does not know.
const hintSyntax = `Periksa tanda kutip, tanda = dan kurung siku di baris ini. Teks ditulis dalam tanda kutip; teks beberapa baris diapit """.`

// tomlMessage returns the Indonesian message and advice for the parser's message msg.
// A message the table does not know gets a general one.
func tomlMessage(msg string) (message, hint string) {
	for _, s := range tomlSyntaxes {
		m := s.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]string, 0, 2*len(m))
		for i := len(m) - 1; i >= 1; i-- { // $10 before $1
			args = append(args, "$"+strconv.Itoa(i), token(m[i]))
		}
		r := strings.NewReplacer(args...)
		return r.Replace(s.message), r.Replace(s.hint)
	}
	return "penulisan di baris ini tidak dapat dibaca", hintSyntax
}

// token describes a piece of the parser's message that quotes what the editor wrote:
// 'x' or "abc" (Go quoted), "end of file", or a bare word.
func token(s string) string {
	switch s {
	case "end of file":
		return "akhir berkas"
	case `'\n'`, `'\r'`:
		return "akhir baris"
	case `'\t'`:
		return "tab"
	case "' '":
		return "spasi"
	}
	if len(s) >= 2 && (s[0] == '\'' || s[0] == '"') && s[len(s)-1] == s[0] {
		if u, err := strconv.Unquote(s); err == nil {
			s = u
		} else {
			s = s[1 : len(s)-1]
		}
	}
	return "`" + s + "`"
}

// syntaxProblem turns a parse error in src (which starts at line lineOffset+1 of file)
// into a problem placed on the line and column, in characters, where it lies.
func syntaxProblem(file string, src []byte, pe toml.ParseError, lineOffset int) standard.Problem {
	line, col, text := errorPosition(src, pe.Position)
	p := problemAt(file, "")
	p.Line, p.Col = line+lineOffset, col
	if msg, hint, col, ok := valueProblem(text, pe.Message); ok {
		p.Message, p.Hint, p.Col = msg, hint, col
	} else {
		msg, hint := tomlMessage(pe.Message)
		if strings.HasPrefix(pe.Message, "Key '") && bytes.HasPrefix(bytes.TrimSpace(text), []byte("[")) {
			msg = strings.Replace(msg, "kunci ", "tabel ", 1) // a table header written twice
		}
		p.Message, p.Hint = "TOML tidak valid: "+msg, hint
	}
	if debugging() {
		p.Message += " (toml: " + pe.Message + ")"
	}
	return p
}

// errorPosition finds the line and column of pos in src. BurntSushi/toml's own Col counts
// bytes and places an error at the start of a line at the end of the line before (one
// column past its end); its Line is sometimes one too far after a line end. Start, the
// byte offset, is right, so both are worked out from it. The column is kept within the
// line: at most one past its last character.
func errorPosition(src []byte, pos toml.Position) (line, col int, text []byte) {
	start := pos.Start
	if start < 0 || start > len(src) {
		// Not expected; fall back on the parser's line.
		start = len(src)
		if i := lineStart(src, pos.Line); i >= 0 {
			start = i
		}
	}
	for start > 0 && start < len(src) && !utf8.RuneStart(src[start]) {
		start-- // the parser's last byte of a multi-byte character at the end of a file
	}
	begin := bytes.LastIndexByte(src[:start], '\n') + 1
	end := len(src)
	if i := bytes.IndexByte(src[begin:], '\n'); i >= 0 {
		end = begin + i
	}
	text = bytes.TrimSuffix(src[begin:end], []byte("\r"))
	line = 1 + bytes.Count(src[:begin], []byte("\n"))
	col = 1 + utf8.RuneCount(src[begin:min(start, begin+len(text))])
	return line, col, text
}

// lineStart returns the byte offset of line n (from 1) in src, or -1.
func lineStart(src []byte, n int) int {
	i := 0
	for ; n > 1; n-- {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	return i
}

var (
	// datePattern is a date written with its parts in some order and separated by -, /
	// or . (19-05-2025, 2025/5/19), or with the month's name (19 Mei 2025).
	datePattern = regexp.MustCompile(`^(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,4})$|^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$`)
	// thousandsPattern is a whole number written with thousands separators.
	thousandsPattern = regexp.MustCompile(`^[-+]?\d{1,3}(?:\.\d{3})+$|^[-+]?\d{1,3}(?:,\d{3})+$`)
)

// valueProblem recognises a line `key = value` whose value the editor meant as a date
// or a number but wrote in a way TOML does not read. col is where the value starts.
func valueProblem(line []byte, parserMsg string) (msg, hint string, col int, ok bool) {
	key, value, found := strings.Cut(string(line), "=")
	if !found {
		return "", "", 0, false
	}
	col = 1 + utf8.RuneCountInString(key) + 1 + (len(value) - len(strings.TrimLeft(value, " \t")))
	key = strings.TrimSpace(key)
	if i := strings.IndexByte(value, '#'); i >= 0 {
		value = value[:i]
	}
	value = strings.TrimSpace(value)
	if key == "" || value == "" || strings.ContainsAny(key, `"'[]`) || strings.ContainsAny(value, `"'[]{}`) ||
		strings.HasPrefix(parserMsg, "Key '") {
		return "", "", 0, false
	}
	switch {
	case thousandsPattern.MatchString(value):
		digits := strings.NewReplacer(".", "", ",", "").Replace(value)
		return fmt.Sprintf("`%s` %s ditulis dengan titik atau koma ribuan", key, value),
			fmt.Sprintf("Tulis angka tanpa titik dan koma: %s = %s.", key, digits), col, true
	case datePattern.MatchString(value) && !validTOMLDate(value):
		msg, hint := dateProblem("`"+key+"` "+value, key, value)
		return msg, hint, col, true
	case strings.Contains(parserMsg, "is out of range for"):
		msg, hint := overflowProblem(key, value)
		return msg, hint, col, true
	}
	return "", "", 0, false
}

// dateProblem is the message and advice for value, meant as a date but not written as
// TOML's year-month-day. what names the field and its value as the message shows them.
func dateProblem(what, key, value string) (msg, hint string) {
	msg = what + " tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip"
	if d, ok := rewriteDate(value); ok {
		return msg, fmt.Sprintf("Tulis %s = %s.", key, d)
	}
	return msg, fmt.Sprintf("Tulis %s = 2025-05-19 dengan tanggal yang benar: tahun empat angka, bulan 01–12, hari 01–31.", key)
}

// overflowProblem is the message and advice for a whole number too large to read.
func overflowProblem(key, value string) (msg, hint string) {
	msg = fmt.Sprintf("`%s` %s terlalu besar untuk dibaca sebagai angka", key, value)
	hint = "Periksa jumlah angkanya; angka terbesar yang dapat dibaca adalah 9223372036854775807."
	if strings.HasPrefix(value, "-") {
		msg = fmt.Sprintf("`%s` %s terlalu kecil untuk dibaca sebagai angka", key, value)
		hint = "Periksa jumlah angkanya; angka terkecil yang dapat dibaca adalah -9223372036854775808."
	}
	if key == "tarif" {
		hint = "Periksa jumlah angka nolnya: tarif ditulis dalam rupiah tanpa titik, misalnya tarif = 150000. Angka terbesar yang dapat dibaca adalah 9223372036854775807."
	}
	return msg, hint
}

// validTOMLDate reports whether s is already a date as TOML writes it.
func validTOMLDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// months are the Indonesian month names and their usual abbreviations.
var months = map[string]time.Month{
	"januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "maret": 3, "mar": 3,
	"april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
	"agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11, "nop": 11,
	"desember": 12, "des": 12,
}

// rewriteDate reads s as a date written day-month-year (19-05-2025, 19/5/2025,
// 19.05.2025, 19 Mei 2025) or year-month-day with one-digit parts (2025-5-19) and
// returns it as TOML's 2025-05-19.
func rewriteDate(s string) (string, bool) {
	m := datePattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	var y, mo, d int
	switch {
	case m[1] != "" && len(m[1]) == 4:
		y, mo, d = atoiOr0(m[1]), atoiOr0(m[2]), atoiOr0(m[3])
	case m[1] != "" && len(m[3]) == 4:
		d, mo, y = atoiOr0(m[1]), atoiOr0(m[2]), atoiOr0(m[3])
	case m[4] != "":
		month, ok := months[strings.ToLower(m[5])]
		if !ok {
			return "", false
		}
		d, mo, y = atoiOr0(m[4]), int(month), atoiOr0(m[6])
	default:
		return "", false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if y < 1000 || t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return "", false
	}
	return t.Format(time.DateOnly), true
}

func atoiOr0(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
