package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/papan-id/papan/internal/standard"
)

// actWords are the words that name the act of serving rather than what it gives: a
// product that begins with one ("Penerbitan Kartu Keluarga") names the service again,
// not the document the citizen receives ("Kartu Keluarga"). Compared in lower case.
var actWords = []string{
	"pelayanan", "layanan", "penerbitan", "pembuatan", "pengurusan", "permohonan", "pengajuan",
	"penyelenggaraan", "pendaftaran", "pencatatan", "penyelesaian", "pemberian", "proses",
}

// nameWords is s lowered, without bracketed asides ("(KK)") and punctuation, as words.
func nameWords(s string) []string {
	var b strings.Builder
	depth := 0
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth > 0:
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// withoutActs is words without the act words it begins with.
func withoutActs(words []string) []string {
	for len(words) > 0 && slices.Contains(actWords, words[0]) {
		words = words[1:]
	}
	return words
}

// repeatsName reports whether a product named product only repeats the service's name:
// it begins with an act word ("Penerbitan", "Pelayanan") and, without the act words
// both begin with, says what the service's name says. "Kartu Keluarga" for the service
// "Penerbitan Kartu Keluarga" is a product, and so is "Akta Kelahiran" for the service
// "Akta Kelahiran": neither names an act.
func repeatsName(product, service string) bool {
	p := nameWords(product)
	if len(p) == 0 || !slices.Contains(actWords, p[0]) {
		return false
	}
	rest := withoutActs(p)
	return len(rest) > 0 && slices.Equal(rest, withoutActs(nameWords(service)))
}

// products runs SP032 over the products of s.
func (c *checker) products(s *standard.Service) {
	for i, p := range s.Products {
		if repeatsName(p.Name, s.Name) {
			c.add("SP032", s.File, fmt.Sprintf("produk[%d].nama", i),
				"Produk adalah dokumen, keputusan atau barang yang diterima pemohon di akhir layanan, ditulis seperti namanya pada dokumen itu: \"Kartu Keluarga\" untuk layanan Penerbitan Kartu Keluarga, \"Persetujuan Bangunan Gedung (PBG)\" untuk layanan PBG. Bila standar hanya menulis nama layanan, tanyakan kepada unit penyelenggara apa yang diterima pemohon.",
				"[[produk]] ke-%d (%q) hanya mengulang nama layanan", i+1, p.Name)
		}
	}
}
