package content

import (
	"regexp"
	"strings"
)

// tomlMessages puts BurntSushi/toml's commonest syntax errors into the words an OPD
// editor reads. The English original follows in parentheses, so a message this table
// does not know is still shown, and a developer can search for it.
var tomlMessages = []struct {
	re *regexp.Regexp
	id string // $1 etc. refer to the groups of re
}{
	{regexp.MustCompile(`^strings cannot contain newlines`), "teks dalam tanda kutip belum ditutup di baris ini (untuk teks beberapa baris pakai \"\"\")"},
	{regexp.MustCompile(`^Key '(.*)' has already been defined\.`), "kunci `$1` ditulis dua kali"},
	{regexp.MustCompile(`^Key '(.*)' was already created`), "kunci `$1` sudah dipakai untuk hal lain"},
	{regexp.MustCompile(`^expected value but found (.*) instead`), "nilai tidak dikenali: $1 (teks ditulis dalam tanda kutip, angka tanpa titik ribuan)"},
	{regexp.MustCompile(`^unexpected EOF; expected value`), "berkas berakhir sebelum nilai ditulis"},
	{regexp.MustCompile(`^unexpected EOF`), "berkas berakhir terlalu cepat: ada tanda kutip atau kurung yang belum ditutup"},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead`), "setelah nilai masih ada $1 di baris yang sama; satu baris hanya boleh berisi satu kunci = nilai"},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead`), "setelah nama kunci seharusnya ada tanda =, tetapi tertulis $1 (nama kunci tidak boleh berspasi)"},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \(']'\), but got (.*)`), "daftar dalam [ ] memerlukan koma di antara butir atau ] sebagai penutup, tetapi tertulis $1"},
	{regexp.MustCompile(`^unexpected '='`), "tanda = tanpa nama kunci di depannya"},
	{regexp.MustCompile(`^invalid float`), "angka desimal tidak valid (tulis angka bulat tanpa titik ribuan)"},
}

// tomlMessage translates msg when it is known.
func tomlMessage(msg string) string {
	for _, m := range tomlMessages {
		if loc := m.re.FindStringSubmatchIndex(msg); loc != nil {
			id := string(m.re.ExpandString(nil, m.id, msg, loc))
			return id + " (" + strings.TrimSpace(msg) + ")"
		}
	}
	return msg
}
