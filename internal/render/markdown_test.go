package render

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

// TestPlainParagraphMatchesGoldmark checks the shortcut for one-line notes against
// goldmark itself: whenever plainParagraph takes a text, goldmark must render it the same.
func TestPlainParagraphMatchesGoldmark(t *testing.T) {
	m := newMarkdown()
	check := func(src string) bool {
		if !plainParagraph(standard.Markdown(src)) {
			return false
		}
		var b strings.Builder
		if err := m.field.Convert([]byte(src), &b); err != nil {
			t.Fatal(err)
		}
		if got, want := string(m.Field(standard.Markdown(src))), b.String(); got != want {
			t.Errorf("Field(%q) = %q, goldmark gives %q", src, got, want)
		}
		return true
	}
	for _, src := range []string{
		"Dibayar di loket.", "Catatan: dua lembar", "Jl. Merdeka No. 7, 08.00–16.00 WIB",
		"Bawa KTP (asli) dan KK/akta", "Berlaku 5 tahun; 100% gratis?", "Ünïcödé — “kutip” ‘satu’ …",
		"4 orang petugas loket, 1 operator", "2024", "10 hari kerja",
	} {
		if !check(src) {
			t.Errorf("plainParagraph(%q) = false, want true", src)
		}
	}
	for _, src := range []string{
		"1. Daftar", "1) Daftar", "12.", "3)", "1.5 jam", "7x", "- butir", "**tebal**", "lihat www.lapor.go.id", "https://lapor.go.id",
		"a@b.go.id", "a & b", "<b>", "dua  spasi", " spasi", "akhir ", "baris\nbaru", "#judul",
		"a_b", "~coret~", "a|b", "a\\b", "`kode`", "[tautan](x)", "!gambar", "a\"b", "mailto:x",
	} {
		if check(src) {
			t.Errorf("plainParagraph(%q) = true, want false", src)
		}
	}
	alphabet := []string{"a", "Z", "7", " ", " ", ".", ",", ":", ";", "(", ")", "/", "?", "%", "'", "-",
		"www", "http", "é", "—", "@", "*", "_", "1.", "\t", "&", "<", "#", "~"}
	rng := rand.New(rand.NewPCG(1, 2))
	taken := 0
	for range 100000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		if check(b.String()) {
			taken++
		}
	}
	if taken < 2000 {
		t.Errorf("the shortcut took %d of 100000 random texts; the test exercises too little", taken)
	}
}
