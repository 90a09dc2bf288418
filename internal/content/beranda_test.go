package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/papan-id/papan/internal/standard"
)

func TestBerandaConfig(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		full      bool // FullList(301)
		want      string
	}{
		{name: "absent: the default limit", src: "", full: false},
		{name: "a larger limit", src: "[beranda]\nbatas_daftar_lengkap = 1000\n", full: true},
		{name: "a negative limit", src: "[beranda]\nbatas_daftar_lengkap = -1\n",
			want: "site.toml:5:1: galat: `batas_daftar_lengkap` pada [beranda] tidak boleh negatif"},
		{name: "a limit as words", src: "[beranda]\nbatas_daftar_lengkap = \"tiga ratus\"\n",
			want: "site.toml:5:1: galat: `batas_daftar_lengkap` pada [beranda] harus berupa angka bulat, bukan teks"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, got := configWith(tt.src)
			if got != tt.want {
				t.Fatalf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
			if tt.want == "" {
				if got := cfg.Home.FullList(300); !got {
					t.Error("FullList(300) = false, want true: 300 is at or under every limit here")
				}
				if got := cfg.Home.FullList(301); got != tt.full {
					t.Errorf("FullList(301) = %v, want %v", got, tt.full)
				}
			}
		})
	}
}

// configWith loads the test site.toml with extra lines at its end. It returns the
// config and its problems as `papan check` prints them, one a line, without hints.
func configWith(extra string) (*standard.Config, string) {
	fsys := fstest.MapFS{"site.toml": {Data: []byte(siteTOML + "\n" + extra)}}
	cfg, ps := LoadConfig(fsys)
	Locate(fsys, ps)
	var lines []string
	for _, p := range ps {
		p.Hint = ""
		lines = append(lines, p.String())
	}
	return cfg, strings.Join(lines, "\n")
}

// TestKategoriIsReserved: the category pages live under /kategori/, so an OPD folder of
// that name would overwrite them.
func TestKategoriIsReserved(t *testing.T) {
	site, ps := load(t, siteWith(map[string]string{"content/kategori/_opd.toml": opdTOML}))
	if site != nil {
		t.Error("a site with errors was returned")
	}
	if len(ps) != 1 || ps[0].Message != "alamat /kategori/ dipakai oleh Papan sendiri" ||
		!strings.Contains(ps[0].Hint, "kategori") {
		t.Errorf("problems = %v, want one refusing /kategori/", ps)
	}
}

// TestNumberNamesAreReserved: the pages of a long list after the first are numbered
// (/dukcapil/2/, /kepatuhan/2/), so no OPD or service can be named with a number alone.
func TestNumberNamesAreReserved(t *testing.T) {
	for _, tt := range []struct{ name, file, want string }{
		{"an OPD", "content/2/_opd.toml", `nama "2" hanya angka; alamat seperti itu dipakai Papan untuk halaman daftar bernomor`},
		{"a service", "content/dinas/12.toml", `nama "12" hanya angka; alamat seperti itu dipakai Papan untuk halaman daftar bernomor`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := opdTOML
			if tt.name == "a service" {
				text = serviceTOML
			}
			_, ps := load(t, siteWith(map[string]string{tt.file: text}))
			var got []string
			for _, p := range ps {
				if p.File == tt.file {
					got = append(got, p.Message)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("problems on %s = %q, want [%q]", tt.file, got, tt.want)
			}
		})
	}
}
