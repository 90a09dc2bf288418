package content

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/papan-id/papan/internal/gendemo"
	"github.com/papan-id/papan/internal/standard"
)

// TestInvisibleNames checks that a required text made only of characters that show
// nothing is refused at its key, whatever file and table it is in, and that such
// characters inside a visible name pass.
func TestInvisibleNames(t *testing.T) {
	svc := "content/dinas/layanan.toml"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // Problem.String() without hints
	}{
		{"service name of a zero-width space",
			map[string]string{svc: strings.Replace(serviceTOML, `nama = "Layanan Uji"`, "nama = \"\u200b\"", 1)},
			[]string{svc + ":1:1: galat: `nama` hanya berisi karakter tak terlihat (U+200B)"}},
		{"service name of joiners, a word joiner, a byte-order mark and a soft hyphen",
			map[string]string{svc: strings.Replace(serviceTOML, `nama = "Layanan Uji"`, "nama = \" \u200d\u200c\u2060\ufeff\u00ad \"", 1)},
			[]string{svc + ":1:1: galat: `nama` hanya berisi karakter tak terlihat (U+200D)"}},
		{"service name of non-breaking spaces",
			map[string]string{svc: strings.Replace(serviceTOML, `nama = "Layanan Uji"`, "nama = \"\u00a0\u00a0\"", 1)},
			[]string{svc + ":1:1: galat: `nama` hanya berisi karakter tak terlihat (U+00A0)"}},
		{"service name written as TOML escapes",
			map[string]string{svc: strings.Replace(serviceTOML, `nama = "Layanan Uji"`, `nama = "\u200B\u3164"`, 1)},
			[]string{svc + ":1:1: galat: `nama` hanya berisi karakter tak terlihat (U+200B)"}},
		{"requirement name of a soft hyphen",
			map[string]string{svc: strings.Replace(serviceTOML, `nama = "Fotokopi KTP"`, "nama = \"\u00ad\"", 1)},
			[]string{svc + ":4:1: galat: `nama` pada [[persyaratan]] ke-1 hanya berisi karakter tak terlihat (U+00AD) [SP001]"}},
		{"product name of a Hangul filler",
			map[string]string{svc: strings.Replace(serviceTOML, `nama = "Surat Keterangan"`, "nama = \"\u3164\"", 1)},
			[]string{svc + ":21:1: galat: `nama` pada [[produk]] ke-1 hanya berisi karakter tak terlihat (U+3164) [SP001]"}},
		{"step actor of a zero-width space is refused",
			map[string]string{svc: strings.Replace(serviceTOML, `pelaksana = "Pemohon"`, "pelaksana = \"\u200b\"", 1)},
			[]string{svc + ":9:1: galat: `pelaksana` pada [[prosedur]] ke-1 hanya berisi karakter tak terlihat (U+200B)"}},
		{"OPD name of a byte-order mark",
			map[string]string{"content/dinas/_opd.toml": "nama = \"\ufeff\"\n"},
			[]string{"content/dinas/_opd.toml:1:1: galat: `nama` hanya berisi karakter tak terlihat (U+FEFF)"}},
		{"page title of a word joiner",
			map[string]string{"content/halaman/tentang.md": "+++\njudul = \"\u2060\"\n+++\nIsi.\n"},
			[]string{"content/halaman/tentang.md:2:1: galat: `judul` hanya berisi karakter tak terlihat (U+2060)"}},
		{"site title of an ideographic space",
			map[string]string{"site.toml": strings.Replace(siteTOML, `judul = "Standar Pelayanan Kota Uji"`, "judul = \"\u3000\"", 1)},
			[]string{"site.toml:1:1: galat: `judul` hanya berisi karakter tak terlihat (U+3000)"}},
		{"a name of ASCII spaces is still missing",
			map[string]string{svc: strings.Replace(serviceTOML, `nama = "Layanan Uji"`, `nama = "   "`, 1)},
			[]string{svc + ":1:1: galat: `nama` wajib diisi"}},
		{"invisible characters inside a visible name pass",
			map[string]string{svc: strings.Replace(serviceTOML, `nama = "Layanan Uji"`, "nama = \"\u200bKTP\u00ad-el\u00a0Baru\ufeff\"", 1)},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.files[svc] == "" {
				tt.files[svc] = serviceTOML
			}
			site, ps := load(t, siteWith(tt.files))
			if (site == nil) != (len(tt.want) > 0) {
				t.Errorf("site returned: %v, want %v", site != nil, len(tt.want) == 0)
			}
			assertProblems(t, ps, tt.want)
		})
	}
}

// TestBidiControls checks that a bidirectional control is refused wherever it is in a
// content file, at its exact line and column, however it is written; and that the
// direction marks pass.
func TestBidiControls(t *testing.T) {
	svc := "content/dinas/layanan.toml"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // Problem.String() with hints
	}{
		{"right-to-left override in a service name",
			map[string]string{svc: strings.Replace(serviceTOML, `nama = "Layanan Uji"`, "nama = \"Layanan \u202eijU\"", 1)},
			[]string{svc + ":1:17: galat: karakter pengatur arah teks U+202E (RIGHT-TO-LEFT OVERRIDE) tidak diizinkan\n" +
				"\tsaran: Hapus karakter tak terlihat ini (dengan tombol Delete atau Backspace di posisi ini). Ia dapat membuat teks tampil berbeda dari isinya yang sebenarnya (cara serangan \"Trojan Source\"); tanda arah biasa U+200E dan U+200F tetap boleh."}},
		{"an isolate pair in a requirement, counted",
			map[string]string{svc: strings.Replace(serviceTOML, `nama = "Fotokopi KTP"`, "nama = \"Fotokopi \u2067KTP\u2069\"", 1)},
			[]string{svc + ":4:18: galat: karakter pengatur arah teks U+2067 (RIGHT-TO-LEFT ISOLATE) tidak diizinkan\n" +
				"\tsaran: Hapus karakter tak terlihat ini (dengan tombol Delete atau Backspace di posisi ini). Ia dapat membuat teks tampil berbeda dari isinya yang sebenarnya (cara serangan \"Trojan Source\"); tanda arah biasa U+200E dan U+200F tetap boleh. Berkas ini memuat 2 karakter seperti ini; semuanya perlu dihapus."}},
		{"embedding in a comment of site.toml, after a byte-order mark and CRLF",
			map[string]string{"site.toml": "\ufeff" + strings.ReplaceAll(siteTOML, "\n", "\r\n") + "# catatan \u202a\r\n"},
			[]string{"site.toml:3:11: galat: karakter pengatur arah teks U+202A (LEFT-TO-RIGHT EMBEDDING) tidak diizinkan\n" +
				"\tsaran: Hapus karakter tak terlihat ini (dengan tombol Delete atau Backspace di posisi ini). Ia dapat membuat teks tampil berbeda dari isinya yang sebenarnya (cara serangan \"Trojan Source\"); tanda arah biasa U+200E dan U+200F tetap boleh."}},
		{"pop directional formatting in a page body",
			map[string]string{"content/halaman/tentang.md": "+++\njudul = \"Tentang\"\n+++\n\nIsi \u202c halaman.\n"},
			[]string{"content/halaman/tentang.md:5:5: galat: karakter pengatur arah teks U+202C (POP DIRECTIONAL FORMATTING) tidak diizinkan\n" +
				"\tsaran: Hapus karakter tak terlihat ini (dengan tombol Delete atau Backspace di posisi ini). Ia dapat membuat teks tampil berbeda dari isinya yang sebenarnya (cara serangan \"Trojan Source\"); tanda arah biasa U+200E dan U+200F tetap boleh."}},
		{"a TOML escape in an OPD name",
			map[string]string{"content/dinas/_opd.toml": `nama = "Dinas \u202EijU"` + "\n"},
			[]string{"content/dinas/_opd.toml:1:15: galat: karakter pengatur arah teks U+202E (RIGHT-TO-LEFT OVERRIDE), ditulis sebagai \\u202E, tidak diizinkan\n" +
				"\tsaran: Hapus \\u202E. Karakter ini dapat membuat teks tampil berbeda dari isinya yang sebenarnya (cara serangan \"Trojan Source\")."}},
		{"a long TOML escape in a fee note",
			map[string]string{svc: strings.Replace(serviceTOML, "gratis = true", `gratis = true`+"\n"+`keterangan = "x\U0000202d"`, 1)},
			[]string{svc + ":19:16: galat: karakter pengatur arah teks U+202D (LEFT-TO-RIGHT OVERRIDE), ditulis sebagai \\U0000202d, tidak diizinkan\n" +
				"\tsaran: Hapus \\U0000202d. Karakter ini dapat membuat teks tampil berbeda dari isinya yang sebenarnya (cara serangan \"Trojan Source\")."}},
		{"character references in Markdown",
			map[string]string{"content/halaman/tentang.md": "+++\njudul = \"Tentang\"\n+++\nA &#x2066;b&#8297; c\n"},
			[]string{"content/halaman/tentang.md:4:3: galat: karakter pengatur arah teks U+2066 (LEFT-TO-RIGHT ISOLATE), ditulis sebagai &#x2066;, tidak diizinkan\n" +
				"\tsaran: Hapus &#x2066;. Karakter ini dapat membuat teks tampil berbeda dari isinya yang sebenarnya (cara serangan \"Trojan Source\"). Berkas ini memuat 2 karakter seperti ini; semuanya perlu dihapus."}},
		{"direction marks, quotes, dashes and other escapes pass",
			map[string]string{svc: strings.Replace(serviceTOML, `nama = "Layanan Uji"`, "nama = \"Layanan \u200e\u200f “Uji” — \\u00e9 &#x2019; &#8212;\"", 1)},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.files[svc] == "" {
				tt.files[svc] = serviceTOML
			}
			_, ps := load(t, siteWith(tt.files))
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

// TestFindBidi checks the scanner's edges: forms cut off by the end of the file, and a
// later form that comes first in the file.
func TestFindBidi(t *testing.T) {
	for _, tt := range []struct {
		src     string
		at, n   int
		r       rune
		written string
	}{
		{"", 0, 0, 0, ""},
		{"\u202e", 0, 1, 0x202E, ""},
		{"ab\\u202", 0, 0, 0, ""},
		{"ab\\U0000202", 0, 0, 0, ""},
		{"&#x202e", 0, 0, 0, ""},
		{"&#;&#x;&#xZZ;", 0, 0, 0, ""},
		{"\\u2069 x \u202a", 0, 2, 0x2069, `\u2069`},
		{"&#8236; \\U0000202c", 0, 2, 0x202C, "&#8236;"},
		{"\\\\u0041 \\UFFFFFFFF &#99999999;", 0, 0, 0, ""},
	} {
		f := findBidi([]byte(tt.src))
		if f.n != tt.n || f.n > 0 && (f.at != tt.at || f.r != tt.r || f.written != tt.written) {
			t.Errorf("findBidi(%q) = %+v, want at %d, %U written %q, %d found", tt.src, f, tt.at, tt.r, tt.written, tt.n)
		}
	}
}

// assertProblems compares ps, without their hints, with want.
func assertProblems(t *testing.T, ps standard.Problems, want []string) {
	t.Helper()
	var got []string
	for _, p := range ps {
		p.Hint = ""
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// BenchmarkPlausibility measures the checks of this file on a generated service file:
// findBidi over its bytes and invisibleOnly over a name, next to utf8.Valid, which
// readText already ran over the same bytes before them.
func BenchmarkPlausibility(b *testing.B) {
	dir := b.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 1, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "content/*/*.toml"))
	var src []byte
	for _, f := range files {
		if filepath.Base(f) != OPDFile {
			src, _ = os.ReadFile(f)
		}
	}
	b.Run("utf8.Valid", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if !utf8.Valid(src) {
				b.Fatal("not UTF-8")
			}
		}
	})
	b.Run("findBidi", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if findBidi(src).n > 0 {
				b.Fatal("bidi control in a generated file")
			}
		}
	})
	b.Run("invisibleOnly", func(b *testing.B) {
		for b.Loop() {
			if _, blank := invisibleOnly("Penerbitan Kartu Tanda Penduduk Elektronik"); blank {
				b.Fatal("blank")
			}
		}
	})
}
