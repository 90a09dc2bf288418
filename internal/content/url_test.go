package content

import (
	"strings"
	"testing"
)

// TestURLFields checks every field that pages publish as a link while loading, so both
// papan check and papan build report it at its line.
func TestURLFields(t *testing.T) {
	svc := "content/dinas/layanan.toml"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // Problem.String(), hint included
	}{
		{
			name:  "tautan_daring without a scheme",
			files: map[string]string{svc: "tautan_daring = \"simbg.pu.go.id\"\n" + serviceTOML},
			want: []string{svc + ":1:1: galat: `tautan_daring` bernilai \"simbg.pu.go.id\", yang tidak diawali https:// atau http://\n" +
				"\tsaran: Alamat web memerlukan awalannya; tulis \"https://simbg.pu.go.id\"."},
		},
		{
			name:  "tautan_daring with javascript:",
			files: map[string]string{svc: "tautan_daring = \"javascript:alert(1)\"\n" + serviceTOML},
			want: []string{svc + ":1:1: galat: `tautan_daring` bernilai \"javascript:alert(1)\", yang memakai skema \"javascript:\"\n" +
				"\tsaran: Hanya alamat web http:// dan https:// yang dapat dijadikan tautan; tulis alamat yang diawali https://, misalnya \"https://layanan.kotacontoh.go.id\"."},
		},
		{
			name:  "legal basis link without a scheme",
			files: map[string]string{svc: serviceTOML + "\n[[dasar_hukum]]\njenis = \"Perda\"\nnomor = \"1\"\ntahun = 2024\njudul = \"Retribusi\"\ntautan = \"jdih.kotacontoh.go.id/perda-1\"\n"},
			want: []string{svc + ":28:1: galat: `tautan` pada [[dasar_hukum]] ke-1 bernilai \"jdih.kotacontoh.go.id/perda-1\", yang tidak diawali https:// atau http://\n" +
				"\tsaran: Alamat web memerlukan awalannya; tulis \"https://jdih.kotacontoh.go.id/perda-1\"."},
		},
		{
			name: "site and OPD addresses, and URL channels",
			files: map[string]string{
				"site.toml": siteTOML + "\n[kontak]\nsitus = \"ftp://kotauji.go.id\"\n\n[[pengaduan]]\njenis = \"lapor\"\nnilai = \"www.lapor.go.id\"\n",
				"content/dinas/_opd.toml": opdTOML + "\n[kontak]\nsitus = \"https://\"\n\n[[pengaduan]]\njenis = \"situs\"\nnilai = \"Formulir di situs kami\"\n" +
					"\n[[pengaduan]]\njenis = \"media-sosial\"\nnilai = \"@dinasuji (Instagram)\"\n",
			},
			want: []string{
				"content/dinas/_opd.toml:4:1: galat: `situs` pada [kontak] bernilai \"https://\", yang bukan alamat web yang valid\n" +
					"\tsaran: Tulis alamat web lengkap, misalnya \"https://layanan.kotacontoh.go.id\".",
				"content/dinas/_opd.toml:8:1: galat: `nilai` pada [[pengaduan]] ke-1 bernilai \"Formulir di situs kami\", yang mengandung spasi\n" +
					"\tsaran: Alamat web tidak boleh mengandung spasi; tulis %20 untuk spasi di dalam alamat.",
				"site.toml:5:1: galat: `situs` pada [kontak] bernilai \"ftp://kotauji.go.id\", yang memakai skema \"ftp:\"\n" +
					"\tsaran: Hanya alamat web http:// dan https:// yang dapat dijadikan tautan; tulis alamat yang diawali https://, misalnya \"https://layanan.kotacontoh.go.id\".",
				"site.toml:9:1: galat: `nilai` pada [[pengaduan]] ke-1 bernilai \"www.lapor.go.id\", yang tidak diawali https:// atau http://\n" +
					"\tsaran: Alamat web memerlukan awalannya; tulis \"https://www.lapor.go.id\".",
			},
		},
		{
			name: "valid addresses and channels that are not addresses",
			files: map[string]string{
				"site.toml": siteTOML + "\n[kontak]\nsitus = \"https://kotauji.go.id\"\n\n[[pengaduan]]\njenis = \"lapor\"\nnilai = \"https://www.lapor.go.id\"\n" +
					"\n[[pengaduan]]\njenis = \"telepon\"\nnilai = \"(021) 555-0110\"\n\n[[pengaduan]]\njenis = \"loket\"\nnilai = \"Loket 1\"\n",
				svc: "tautan_daring = \"http://layanan.kotauji.go.id/ktp?jenis=baru\"\n" + serviceTOML,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{svc: serviceTOML}
			for k, v := range tt.files {
				files[k] = v
			}
			_, ps := load(t, siteWith(files))
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
