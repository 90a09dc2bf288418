package content

import (
	"slices"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

// lawTOML is a legal basis a fee of serviceTOML can refer to.
const lawTOML = `
[[dasar_hukum]]
id = "perda-1"
jenis = "Peraturan Daerah"
nomor = "1"
tahun = 2023
judul = "Retribusi Daerah"
`

// withFee replaces serviceTOML's `gratis = true` with fee and appends lawTOML.
func withFee(fee string) string {
	return strings.Replace(serviceTOML, "gratis = true", fee, 1) + lawTOML
}

// TestFeeKinds: every way of getting a fee's kind wrong is a galat at the key to change,
// with advice that says what to write instead.
func TestFeeKinds(t *testing.T) {
	svc := "content/dinas/layanan.toml"
	tests := []struct {
		name string
		fee  string
		want []string
		hint string
	}{
		{"tarif = 0 is no longer free", "tarif = 0",
			[]string{svc + ":18:1: galat: `tarif` pada [[biaya]] ke-1 bernilai 0; layanan gratis ditulis gratis = true"},
			FreeHint},
		{"tarif = 0 beside gratis = true", "gratis = true\ntarif = 0",
			[]string{svc + ":19:1: galat: `tarif` pada [[biaya]] ke-1 bernilai 0; layanan gratis ditulis gratis = true"},
			FreeHint},
		{"no kind", `keterangan = "Biaya layanan"`,
			[]string{svc + ":16:3: galat: [[biaya]] ke-1 tidak menyebut gratis, tarif, rentang tarif, atau ketentuan [SP001]"},
			feeKindsHint},
		{"gratis = false is no kind", "gratis = false",
			[]string{svc + ":16:3: galat: [[biaya]] ke-1 tidak menyebut gratis, tarif, rentang tarif, atau ketentuan [SP001]"}, ""},
		{"empty ketentuan is no kind", `ketentuan = ""`,
			[]string{svc + ":16:3: galat: [[biaya]] ke-1 tidak menyebut gratis, tarif, rentang tarif, atau ketentuan [SP001]"}, ""},
		{"free and a fixed amount at once", "gratis = true\ntarif = 5000\ndasar_hukum = \"perda-1\"",
			[]string{svc + ":19:1: galat: [[biaya]] ke-1 menulis dua jenis biaya sekaligus: gratis dan tarif"},
			"Setiap [[biaya]] memakai tepat satu dari gratis, tarif, tarif_min dan tarif_maks, atau ketentuan. Biaya yang berbeda, misalnya gratis bagi peserta BPJS dan Rp20.000 bagi pasien umum, ditulis sebagai [[biaya]] masing-masing."},
		{"a fixed amount and a regulation at once", "tarif = 5000\nketentuan = \"Sesuai Perda\"\ndasar_hukum = \"perda-1\"",
			[]string{svc + ":19:1: galat: [[biaya]] ke-1 menulis dua jenis biaya sekaligus: tarif dan ketentuan"}, ""},
		{"a negative amount", "tarif = -5000\ndasar_hukum = \"perda-1\"",
			[]string{svc + ":18:1: galat: tarif tidak boleh negatif"}, ""},
		{"a range without its upper bound", "tarif_min = 10000\ndasar_hukum = \"perda-1\"",
			[]string{svc + ":18:1: galat: `tarif_min` pada [[biaya]] ke-1 tanpa tarif_maks"},
			"Rentang ditulis dengan keduanya, misalnya tarif_min = 10000 dan tarif_maks = 50000. Untuk jumlah tetap tulis tarif saja, misalnya tarif = 150000."},
		{"a range without its lower bound", "tarif_maks = 50000\ndasar_hukum = \"perda-1\"",
			[]string{svc + ":18:1: galat: `tarif_maks` pada [[biaya]] ke-1 tanpa tarif_min"}, ""},
		{"a range from zero", "tarif_min = 0\ntarif_maks = 50000\ndasar_hukum = \"perda-1\"",
			[]string{svc + ":18:1: galat: `tarif_min` pada [[biaya]] ke-1 harus lebih dari 0"}, ""},
		{"a range upside down", "tarif_min = 50000\ntarif_maks = 10000\ndasar_hukum = \"perda-1\"",
			[]string{svc + ":19:1: galat: tarif_maks (10000) harus lebih besar daripada tarif_min (50000)"}, ""},
		{"a range as text", "tarif_min = \"10.000\"\ntarif_maks = 50000\ndasar_hukum = \"perda-1\"",
			[]string{svc + ":18:1: galat: `tarif_min` pada [[biaya]] ke-1 harus berupa angka bulat, bukan teks"}, ""},
		{"a range without legal basis", "tarif_min = 10000\ntarif_maks = 50000",
			[]string{svc + ":16:3: galat: rentang tarif Rp10000–Rp50000 pada [[biaya]] ke-1 tidak menyebut dasar hukum [SP003]"}, ""},
		{"a fee set by a regulation without legal basis (Kota Pasuruan)", `ketentuan = "Dikenakan retribusi"`,
			[]string{svc + ":16:3: galat: ketentuan biaya pada [[biaya]] ke-1 tidak menyebut dasar hukum [SP003]"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := siteWith(map[string]string{svc: withFee(tt.fee)})
			site, ps := load(t, fsys)
			if site != nil {
				t.Error("a site with errors was returned")
			}
			checkPositions(t, fsys, ps)
			if tt.hint != "" && (len(ps) == 0 || ps[0].Hint != tt.hint) {
				t.Errorf("hint of the first problem: %v\nwant %s", ps, tt.hint)
			}
			var got []string
			for _, p := range ps {
				p.Hint = ""
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestFeeKindsLoad: each of the four ways loads into its fields and its Kind.
func TestFeeKindsLoad(t *testing.T) {
	for _, tt := range []struct {
		fee  string
		want standard.Fee
	}{
		{"gratis = true", standard.Fee{Text: "Biaya layanan", Free: true}},
		{"tarif = 150000\ndasar_hukum = \"perda-1\"", standard.Fee{Text: "Biaya layanan", Amount: 150000, LegalBasis: "perda-1"}},
		{"tarif_min = 10000\ntarif_maks = 50000\ndasar_hukum = \"perda-1\"", standard.Fee{Text: "Biaya layanan", Min: 10000, Max: 50000, LegalBasis: "perda-1"}},
		{"ketentuan = \"Retribusi dipungut berdasarkan Peraturan Daerah\"\ndasar_hukum = \"perda-1\"",
			standard.Fee{Text: "Biaya layanan", Rule: "Retribusi dipungut berdasarkan Peraturan Daerah", LegalBasis: "perda-1"}},
	} {
		site, ps := load(t, siteWith(map[string]string{"content/dinas/layanan.toml": withFee(tt.fee)}))
		if len(ps) > 0 || site == nil {
			t.Fatalf("%s: problems %v", tt.fee, ps)
		}
		if got := site.OPDs[0].Services[0].Fees[0]; got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.fee, got, tt.want)
		}
	}
}

// TestLegalBasis: a legal basis needs only its kind; amendments refer to laws of the
// same service by id, as one id or a list.
func TestLegalBasis(t *testing.T) {
	svc := "content/dinas/layanan.toml"
	const laws = `
[[dasar_hukum]]
id = "uu-23-2006"
jenis = "Undang-Undang"
nomor = "23"
tahun = 2006
judul = "Administrasi Kependudukan"

[[dasar_hukum]]
id = "uu-24-2013"
jenis = "Undang-Undang"
nomor = "24"
tahun = 2013
judul = "Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan"
mengubah = "uu-23-2006"

[[dasar_hukum]]
jenis = "Peraturan Daerah"
`
	t.Run("amendments and a law with only its kind load", func(t *testing.T) {
		site, ps := load(t, siteWith(map[string]string{svc: serviceTOML + laws}))
		if len(ps) > 0 || site == nil {
			t.Fatalf("problems %v", ps)
		}
		s := site.OPDs[0].Services[0]
		if got := s.LegalBasis[1].Amends; !slices.Equal(got, []string{"uu-23-2006"}) {
			t.Errorf("mengubah = %q", got)
		}
		if got := s.LegalBasis[2]; got.Kind != "Peraturan Daerah" || got.Number != "" || got.Year != 0 || got.Title != "" {
			t.Errorf("a law with only its kind: %+v", got)
		}
		if a := s.AmendedBy("uu-23-2006"); len(a) != 1 || a[0].ID != "uu-24-2013" || !s.Amends(&s.LegalBasis[1]) || s.Amends(&s.LegalBasis[0]) {
			t.Errorf("AmendedBy = %v", a)
		}
	})
	t.Run("a list of amended laws", func(t *testing.T) {
		site, ps := load(t, siteWith(map[string]string{svc: serviceTOML + strings.Replace(laws, `mengubah = "uu-23-2006"`, `mengubah = ["uu-23-2006"]`, 1)}))
		if len(ps) > 0 || site == nil {
			t.Fatalf("problems %v", ps)
		}
	})
	for _, tt := range []struct {
		name, old, new string
		want           []string
	}{
		{"an amendment of a law not listed", `mengubah = "uu-23-2006"`, `mengubah = "uu-23-2007"`,
			[]string{svc + ":36:1: galat: `mengubah` pada [[dasar_hukum]] ke-2 merujuk \"uu-23-2007\", yang tidak ada di [[dasar_hukum]] layanan ini"}},
		{"one of a list not listed", `mengubah = "uu-23-2006"`, `mengubah = ["uu-23-2006", "pp-37-2007"]`,
			[]string{svc + ":36:27: galat: `mengubah` butir ke-2 pada [[dasar_hukum]] ke-2 merujuk \"pp-37-2007\", yang tidak ada di [[dasar_hukum]] layanan ini"}},
		{"a law that amends itself", `mengubah = "uu-23-2006"`, `mengubah = "uu-24-2013"`,
			[]string{svc + ":36:1: galat: [[dasar_hukum]] ke-2 mengubah dirinya sendiri"}},
		{"two laws that amend each other", "judul = \"Administrasi Kependudukan\"\n", "judul = \"Administrasi Kependudukan\"\nmengubah = \"uu-24-2013\"\n",
			[]string{
				svc + ":29:1: galat: `mengubah` pada [[dasar_hukum]] ke-1 dan [[dasar_hukum]] \"uu-24-2013\" saling mengubah",
				svc + ":37:1: galat: `mengubah` pada [[dasar_hukum]] ke-2 dan [[dasar_hukum]] \"uu-23-2006\" saling mengubah",
			}},
		{"an amendment as a number", `mengubah = "uu-23-2006"`, `mengubah = 2006`,
			[]string{svc + ":36:1: galat: `mengubah` pada [[dasar_hukum]] ke-2 harus berupa teks atau daftar teks, bukan angka bulat"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := siteWith(map[string]string{svc: serviceTOML + strings.Replace(laws, tt.old, tt.new, 1)})
			_, ps := load(t, fsys)
			checkPositions(t, fsys, ps)
			var got []string
			for _, p := range ps {
				p.Hint = ""
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
