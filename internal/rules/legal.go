package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// The rules about fees and the legal basis of model v2: paid wording on a free fee
// (SP025), a legal basis stated in part (SP026), a national regulation that has been
// replaced (SP027), and an SK with its number or its date missing (SP028).

var (
	// paidWordRE finds wording that says a fee is collected, or on what basis.
	paidWordRE = regexp.MustCompile(`(?i)\b(dipungut|dikenakan|dibayar|dibayarkan|membayar|perda|peraturan daerah|sesuai ketentuan)\b`)
	// leviedRE finds the name of a levy. In a fee's name it may name what is exempted
	// ("Retribusi PBG bangunan gedung fungsi keagamaan", free under the Perda's formula),
	// so it counts only when the fee says nowhere that something is not collected.
	leviedRE = regexp.MustCompile(`(?i)\bretribusi\b`)
	// freeClauseRE finds a clause that says what is not collected or exempted: "tidak
	// dipungut biaya", "bebas retribusi", "dibebaskan berdasarkan Perda …", "bukan objek
	// retribusi".
	freeClauseRE = regexp.MustCompile(`(?i)\b(tidak|tak|tanpa|bukan|bebas|dibebaskan|pembebasan|gratis)\b`)
	// clauseRE splits a text into clauses.
	clauseRE = regexp.MustCompile(`[;,.()/\n]|\s[-–—]\s`)
)

// paidWording returns the first word of texts that speaks of a fee collected, in a
// clause that does not say it is not collected; "" when there is none. "Rp. 0,- / tidak
// dipungut biaya (gratis)" has none; "Retribusi dipungut berdasarkan Peraturan Daerah"
// has "Retribusi"; "Dikenakan retribusi" has "Dikenakan". exempt says another text of
// the fee states an exemption, which excuses the bare name of a levy.
func paidWording(text string, exempt bool) string {
	if !paidWordRE.MatchString(text) && (exempt || !leviedRE.MatchString(text)) {
		return "" // the common case: no clause to look at
	}
	for _, clause := range clauseRE.Split(text, -1) {
		if freeClauseRE.MatchString(clause) {
			continue
		}
		loc := paidWordRE.FindStringIndex(clause)
		if !exempt {
			if l := leviedRE.FindStringIndex(clause); l != nil && (loc == nil || l[0] < loc[0]) {
				loc = l
			}
		}
		if loc != nil {
			return clause[loc[0]:loc[1]]
		}
	}
	return ""
}

// states an exemption: a clause of text says something is not collected.
func exemption(text string) bool {
	for _, clause := range clauseRE.Split(text, -1) {
		if freeClauseRE.MatchString(clause) {
			return true
		}
	}
	return false
}

// freeFee reports a fee written gratis = true whose own texts speak of a fee collected
// (SP025). It returns the keys it reported, which SP004 then leaves alone. Requirements
// do not count: "Bukti bayar retribusi daerah" as a requirement of a free permit
// (Kotawaringin Timur's Izin Reklame) is a levy paid elsewhere, which the permit's
// standard rightly calls free.
func (c *checker) freeFee(s *standard.Service, i int, fee standard.Fee) map[string]bool {
	if !fee.Free {
		return nil
	}
	var reported map[string]bool
	p := fmt.Sprintf("biaya[%d]", i)
	exempt := exemption(fee.Text) || exemption(string(fee.Note))
	for _, fld := range []struct{ key, text string }{{"uraian", fee.Text}, {"keterangan", string(fee.Note)}} {
		w := paidWording(fld.text, exempt)
		if w == "" {
			continue
		}
		c.add("SP025", s.File, p+"."+fld.key, "Bila standar menyebut biaya yang dipungut (misalnya retribusi menurut Perda), hapus gratis = true dan tulis tarif, tarif_min dan tarif_maks, atau ketentuan = \"…\" dengan dasar_hukum. Bila layanan ini memang gratis, katakan itu dengan tegas, misalnya \"tidak dipungut retribusi\".",
			"[[biaya]] ke-%d ditulis gratis, tetapi %s-nya menyebut %q", i+1, "`"+fld.key+"`", w)
		if reported == nil {
			reported = map[string]bool{}
		}
		reported[fld.key] = true
	}
	return reported
}

// legalBasis runs SP026 and SP027 over the legal bases of s.
func (c *checker) legalBasis(s *standard.Service) {
	for i, l := range s.LegalBasis {
		p := fmt.Sprintf("dasar_hukum[%d]", i)
		var missing []string
		if l.Number == "" {
			missing = append(missing, "nomor")
		}
		if l.Year == 0 {
			missing = append(missing, "tahun")
		}
		if l.Title == "" {
			missing = append(missing, "judul")
		}
		if len(missing) > 0 {
			c.add("SP026", s.File, p, "Lengkapi dari naskah peraturannya (JDIH, peraturan.go.id) bila standar menyebutnya; yang tidak disebut standar biarkan kosong, halaman hanya menulis yang ada.",
				"dasar hukum ke-%d (%s) belum mencantumkan %s", i+1, l.Kind, joinAnd(missing))
		}
		if r, ok := ReplacedLaw(l); ok {
			c.add("SP027", s.File, p, fmt.Sprintf("Periksa dasar hukum ini dan ganti dengan %s tentang %s bila itu yang berlaku. Sumber: %s.", r.New, r.NewTitle, r.Source),
				"%s telah dicabut dan diganti dengan %s", r.Old, r.New)
		}
	}
}

// decree runs SP028: an SK written with its number but not its date, or the other way
// round. An SK with neither is SP017's.
func (c *checker) decree(s *standard.Service) {
	d := s.Decree
	if d == nil {
		return
	}
	switch {
	case d.Number != "" && d.Date.IsZero():
		c.add("SP028", s.File, "sk.nomor", "Tambahkan tanggal = 2024-01-15 (tanggal penetapan SK, tanpa tanda kutip) pada [sk]. Sampai diisi, halaman hanya menulis nomornya.",
			"SK belum mencantumkan tanggal")
	case d.Number == "" && !d.Date.IsZero():
		c.add("SP028", s.File, "sk.tanggal", "Tambahkan nomor = \"…\" (nomor SK seperti tertulis pada keputusannya) pada [sk]. Sampai diisi, halaman hanya menulis tanggalnya.",
			"SK belum mencantumkan nomor")
	}
}

func joinAnd(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " dan " + items[len(items)-1]
}

// Replacement is one entry of the table of national regulations that have been revoked
// and replaced (SP027).
type Replacement struct {
	Kind         string // normalised kind (normKind): "perpres", "permendagri", …
	Number, Year string // of the revoked regulation
	Old, New     string // as messages name them
	NewTitle     string
	Source       string // the provision that states the revocation or the replacement
	// Seen is a public address where Source was read, or "" when the provision is
	// cited from the regulation's text without a page checked (docs/rules.md says which).
	Seen string
}

// Replacements is SP027's table. Each entry names the provision that revokes or replaces
// the old regulation; docs/rules.md lists the same table and what was checked where.
var Replacements = []Replacement{
	{"perpres", "25", "2008", "Peraturan Presiden Nomor 25 Tahun 2008", "Peraturan Presiden Nomor 96 Tahun 2018",
		"Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil",
		"Perpres 96/2018, konsiderans menimbang: Perpres 25/2008 tidak sesuai lagi dengan UU 24/2013 sehingga perlu diganti",
		"https://liputanhukum.com/2018/11/07/birokrasi-pengurusan-ktp-kk-dan-akte-lahir-tidak-perlu-lagi-ke-rt-rw-kelurahan-kecamatan-sesuai-perpres-no-96-tahun-2018/"},
	{"permendagri", "19", "2010", "Peraturan Menteri Dalam Negeri Nomor 19 Tahun 2010", "Peraturan Menteri Dalam Negeri Nomor 109 Tahun 2019",
		"Formulir dan Buku yang Digunakan dalam Administrasi Kependudukan",
		"Permendagri 109/2019, konsiderans menimbang huruf b dan ketentuan penutup: Permendagri 19/2010 perlu diganti dan dicabut",
		"https://disdukcapil.okukab.go.id/v2/berita/detail/peraturan-permendagri-109-tahun-2019"},
	{"uu", "32", "2004", "Undang-Undang Nomor 32 Tahun 2004", "Undang-Undang Nomor 23 Tahun 2014",
		"Pemerintahan Daerah",
		"UU 23/2014, konsiderans menimbang huruf d (UU 32/2004 tidak sesuai lagi sehingga perlu diganti) dan Pasal 409 (dicabut dan dinyatakan tidak berlaku)",
		"https://id.wikisource.org/wiki/Undang-Undang_Republik_Indonesia_Nomor_23_Tahun_2014"},
	{"permenpan-rb", "36", "2012", "Peraturan Menteri PANRB Nomor 36 Tahun 2012", "Peraturan Menteri PANRB Nomor 15 Tahun 2014",
		"Pedoman Standar Pelayanan",
		"PermenPAN-RB 15/2014, lampiran Bab I (pedoman ini merevisi PermenPAN-RB 36/2012) dan ketentuan penutup: PermenPAN-RB 36/2012 dicabut dan dinyatakan tidak berlaku",
		"https://ro.scribd.com/document/424673696/Pedoman-Standar-Pelayanan"},
	{"pp", "36", "2005", "Peraturan Pemerintah Nomor 36 Tahun 2005", "Peraturan Pemerintah Nomor 16 Tahun 2021",
		"Peraturan Pelaksanaan Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung",
		"PP 16/2021, ketentuan penutup: PP 36/2005 dicabut dan dinyatakan tidak berlaku",
		"https://jernih.co/crispy/mengenal-pbg-pengganti-imb/amp"},
	{"pp", "37", "2007", "Peraturan Pemerintah Nomor 37 Tahun 2007", "Peraturan Pemerintah Nomor 40 Tahun 2019",
		"Pelaksanaan Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan Undang-Undang Nomor 24 Tahun 2013",
		"PP 40/2019, ketentuan penutup: PP 37/2007 dan perubahannya, PP 102/2012, dicabut dan dinyatakan tidak berlaku", ""},
	{"uu", "36", "2009", "Undang-Undang Nomor 36 Tahun 2009", "Undang-Undang Nomor 17 Tahun 2023",
		"Kesehatan",
		"UU 17/2023 Pasal 454: UU 36/2009 tentang Kesehatan dicabut dan dinyatakan tidak berlaku",
		"https://meridianhukum.com/peraturan/uu-no-17-tahun-2023"},
	{"uu", "44", "2009", "Undang-Undang Nomor 44 Tahun 2009", "Undang-Undang Nomor 17 Tahun 2023",
		"Kesehatan",
		"UU 17/2023 Pasal 454: UU 44/2009 tentang Rumah Sakit dicabut dan dinyatakan tidak berlaku",
		"https://garuda.kemdiktisaintek.go.id/documents/detail/5916716"},
}

// kindAliases maps the ways standards write a regulation's kind, lowered and with dots
// and doubled spaces removed, to the table's normalised kind.
var kindAliases = map[string]string{
	"peraturan presiden": "perpres", "perpres": "perpres", "peraturan presiden ri": "perpres",
	"peraturan presiden republik indonesia": "perpres",
	"peraturan menteri dalam negeri":        "permendagri", "permendagri": "permendagri",
	"peraturan menteri dalam negeri republik indonesia": "permendagri",
	"undang-undang": "uu", "undang undang": "uu", "uu": "uu", "undang-undang republik indonesia": "uu",
	"peraturan pemerintah": "pp", "pp": "pp", "peraturan pemerintah republik indonesia": "pp",
	"peraturan menteri pendayagunaan aparatur negara dan reformasi birokrasi":                    "permenpan-rb",
	"peraturan menteri pendayagunaan aparatur negara dan reformasi birokrasi republik indonesia": "permenpan-rb",
	"permenpan-rb": "permenpan-rb", "permenpan rb": "permenpan-rb", "permenpanrb": "permenpan-rb",
	"peraturan menpan rb": "permenpan-rb", "peraturan menpan-rb": "permenpan-rb", "peraturan menteri panrb": "permenpan-rb",
	"peraturan menteri pan rb": "permenpan-rb", "peraturan menteri pan-rb": "permenpan-rb", "permen pan-rb": "permenpan-rb",
	"permen panrb": "permenpan-rb", "permenpan": "permenpan-rb",
}

func normKind(kind string) string {
	k := strings.ToLower(strings.ReplaceAll(kind, ".", ""))
	k = strings.Join(strings.Fields(k), " ")
	return kindAliases[k]
}

// normNumber strips the leading zeros a standard may write ("04").
func normNumber(n string) string {
	n = strings.TrimSpace(n)
	if t := strings.TrimLeft(n, "0"); t != "" {
		return t
	}
	return n
}

// ReplacedLaw returns the table's entry for l when l is a regulation the table lists as
// revoked, matched on its normalised kind, number and year.
func ReplacedLaw(l standard.Law) (Replacement, bool) {
	if l.Year == 0 || l.Number == "" {
		return Replacement{}, false
	}
	kind := normKind(l.Kind)
	if kind == "" {
		return Replacement{}, false
	}
	year, num := strconv.Itoa(l.Year), normNumber(l.Number)
	for _, r := range Replacements {
		if r.Kind == kind && r.Number == num && r.Year == year {
			return r, true
		}
	}
	return Replacement{}, false
}
