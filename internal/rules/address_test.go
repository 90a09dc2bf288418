package rules_test

import (
	"strings"
	"testing"
)

// TestProductAndAddressRules checks SP032 and SP033 against real text of the corpus and
// against look-alikes that pass.
func TestProductAndAddressRules(t *testing.T) {
	named := func(service, product string) string {
		return replace(replace(serviceTOML, `nama = "Layanan Uji"`, `nama = "`+service+`"`), `nama = "Surat Keterangan"`, `nama = "`+product+`"`)
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"SP032 product is the service's name (Kota Metro)", map[string]string{svc: named(
			"Penyelenggaraan Bangunan Gedung Kepentingan Umum dengan Pertelaan", "Penyelenggaraan Bangunan Gedung Kepentingan Umum dengan Pertelaan")},
			[]string{svc + ":39:1: peringatan: [[produk]] ke-1 (\"Penyelenggaraan Bangunan Gedung Kepentingan Umum dengan Pertelaan\") hanya mengulang nama layanan [SP032]"}},
		{"SP032 product names the act in other words and case", map[string]string{svc: named(
			"Penerbitan Kartu Keluarga (KK)", "pelayanan pembuatan kartu keluarga.")},
			[]string{svc + ":39:1: peringatan: [[produk]] ke-1 (\"pelayanan pembuatan kartu keluarga.\") hanya mengulang nama layanan [SP032]"}},
		{"SP032 passes the document the service issues", map[string]string{svc: named("Penerbitan Kartu Keluarga", "Kartu Keluarga")}, nil},
		{"SP032 passes a service named for its document (Sleman)", map[string]string{svc: named("Akta Kelahiran", "Akta Kelahiran")}, nil},
		{"SP032 passes a product of the same act on something else", map[string]string{svc: named("Penerbitan Kartu Keluarga", "Penerbitan Kartu Identitas Anak")}, nil},
		{"SP032 passes a status (Indragiri Hilir)", map[string]string{svc: named("Pelayanan Gelandangan, Pengemis, ODHA", "Terdaftar sebagai PMKS")}, nil},

		{"SP033 a web address as the OPD's e-mail", map[string]string{opd: opdTOML + "\n[kontak]\nemail = \"http://dpmptsp.go.id\"\n"},
			[]string{opd + ":16:1: galat: `email` pada [kontak] \"http://dpmptsp.go.id\" ditulis sebagai alamat web, bukan alamat surel [SP033]"}},
		{"SP033 www. and no @ in e-mail channels", map[string]string{svc: serviceTOML + "\n[[pengaduan]]\njenis = \"email\"\nnilai = \"www.dinsos.go.id\"\n\n[[pengaduan]]\njenis = \"email\"\nnilai = [\"pengaduan@kotauji.go.id\", \"dinsos[at]kotauji.go.id\"]\n\n[[pengaduan]]\njenis = \"lapor\"\nnilai = \"https://www.lapor.go.id\"\n"},
			[]string{
				svc + ":53:1: galat: `nilai` pada [[pengaduan]] ke-1 \"www.dinsos.go.id\" ditulis sebagai alamat web, bukan alamat surel [SP033]",
				svc + ":57:37: galat: `nilai` butir ke-2 pada [[pengaduan]] ke-2 \"dinsos[at]kotauji.go.id\" tidak memuat tanda @, bukan alamat surel [SP033]",
			}},
		{"SP033 an e-mail as a website (Indragiri Hilir)", map[string]string{"site.toml": siteTOML + "\n[[pengaduan]]\njenis = \"situs\"\nnilai = \"http://dinsos@inhilkab.go.id\"\n"},
			[]string{"site.toml:10:1: galat: `nilai` pada [[pengaduan]] ke-2 \"http://dinsos@inhilkab.go.id\" adalah alamat surel yang ditulis sebagai alamat web [SP033]"}},
		{"SP033 passes addresses with words beside them", map[string]string{"site.toml": siteTOML + "\n[kontak]\nemail = \"organisasi@kotauji.go.id / humas@kotauji.go.id\"\nsitus = \"https://kotauji.go.id\"\n\n[[pengaduan]]\njenis = \"email\"\nnilai = \"pengaduan@kotauji.go.id (hari kerja)\"\n"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, siteWith(tt.files))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
