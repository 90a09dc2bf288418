package tomlpos

import (
	"bytes"
	"strings"
	"testing"
)

// layanan is a realistic service file exercising every construct the
// scanner must step over. Line 22 starts with a tab. Keep the line numbers
// in the tables below in sync when editing it.
const layanan = `# Layanan: Penerbitan KTP Elektronik
nama = "Penerbitan KTP-el"   # nama resmi
kode = 'KTP-01'
aktif = true
diperbarui = 2024-03-01T08:00:00+07:00
misi = [
  "Cepat", # komentar, bukan elemen
  'Tepat # bukan komentar',

  """multi
baris = "bukan kunci" ]""",   # elemen ketiga
]
catatan = """
kunci = "bukan kunci \""" [x]"
[bukan_tabel]
"""""
pesan = '''
'literal' ] = # '''
matriks = [ [1, 2], [3, [4, 5]] ]
langkah = [ { uraian = "Datang", durasi = { nilai = 1, satuan = "jam" } }, { uraian = "Foto}#" } ]
tanggal = [1979-05-27, 1979-05-28 07:32:00Z, 2024-01-01]
	biaya.nilai = 0
"kode pos" = "12345"
alamat . 'rt rw' = "01/02"
jalur = { path = 'C:\dir\', q = 1 }

[ kontak . alamat ]
jalan = "Jl. Merdeka"

[kontak]
telepon = "021-123"

["jam buka"]
senin = "08:00"

[jangka_waktu]
nilai = 14
  satuan = "hari"

[[persyaratan]]
nama = "KTP lama"

[[persyaratan]]
nama = "KK"
[[persyaratan.dokumen]]
jenis = "asli"
[[persyaratan.dokumen]]
jenis = "fotokopi"

[[ persyaratan ]]
keterangan = "tanpa nama"
[[persyaratan.dokumen]]
jenis = "salinan"
[persyaratan.biaya]
nilai = 5000

[[prosedur]]
waktu = "5 menit"
`

func TestLookup(t *testing.T) {
	ix := Scan([]byte(layanan))
	tests := []struct {
		path string
		want Pos
	}{
		// Plain keys; comments and values after them are not keys.
		{"nama", Pos{2, 1}},
		{"kode", Pos{3, 1}},
		{"aktif", Pos{4, 1}},
		{"diperbarui", Pos{5, 1}},

		// Multi-line array with comments, a blank line, a '#' inside a
		// literal string, a multi-line string element and a trailing comma.
		{"misi", Pos{6, 1}},
		{"misi[0]", Pos{7, 3}},
		{"misi[1]", Pos{8, 3}},
		{"misi[2]", Pos{10, 3}},

		// Multi-line strings whose content looks like keys and headers.
		{"catatan", Pos{13, 1}},
		{"pesan", Pos{17, 1}},
		{"matriks", Pos{19, 1}},

		// Nested arrays.
		{"matriks[0]", Pos{19, 13}},
		{"matriks[0][1]", Pos{19, 17}},
		{"matriks[1]", Pos{19, 21}},
		{"matriks[1][1]", Pos{19, 25}},
		{"matriks[1][1][0]", Pos{19, 26}},
		{"matriks[1][1][1]", Pos{19, 29}},

		// Arrays of inline tables, nested inline tables, '}' and '#' in strings.
		{"langkah", Pos{20, 1}},
		{"langkah[0]", Pos{20, 13}},
		{"langkah[0].uraian", Pos{20, 15}},
		{"langkah[0].durasi", Pos{20, 34}},
		{"langkah[0].durasi.nilai", Pos{20, 45}},
		{"langkah[0].durasi.satuan", Pos{20, 56}},
		{"langkah[1]", Pos{20, 76}},
		{"langkah[1].uraian", Pos{20, 78}},

		// Dates as array elements, including one with a space.
		{"tanggal[0]", Pos{21, 12}},
		{"tanggal[1]", Pos{21, 24}},
		{"tanggal[2]", Pos{21, 46}},

		// Dotted and quoted keys point at the start of the whole key.
		{"biaya.nilai", Pos{22, 2}},
		{"biaya", Pos{22, 2}},
		{"kode pos", Pos{23, 1}},
		{"alamat.rt rw", Pos{24, 1}},
		{"alamat", Pos{24, 1}},

		// A literal string ending in a backslash does not escape its quote.
		{"jalur.path", Pos{25, 11}},
		{"jalur.q", Pos{25, 29}},

		// Headers, with spaces and quotes; an explicit [kontak] wins over
		// the kontak implied earlier by [kontak.alamat].
		{"kontak.alamat", Pos{27, 3}},
		{"kontak.alamat.jalan", Pos{28, 1}},
		{"kontak", Pos{30, 2}},
		{"kontak.telepon", Pos{31, 1}},
		{"jam buka", Pos{33, 2}},
		{"jam buka.senin", Pos{34, 1}},
		{"jangka_waktu", Pos{36, 2}},
		{"jangka_waktu.nilai", Pos{37, 1}},
		{"jangka_waktu.satuan", Pos{38, 3}},

		// Arrays of tables, nested ones indexed per parent element, and a
		// sub-table of the latest element.
		{"persyaratan", Pos{40, 3}},
		{"persyaratan[0]", Pos{40, 3}},
		{"persyaratan[0].nama", Pos{41, 1}},
		{"persyaratan[1]", Pos{43, 3}},
		{"persyaratan[1].nama", Pos{44, 1}},
		{"persyaratan[1].dokumen", Pos{45, 3}},
		{"persyaratan[1].dokumen[0]", Pos{45, 3}},
		{"persyaratan[1].dokumen[0].jenis", Pos{46, 1}},
		{"persyaratan[1].dokumen[1]", Pos{47, 3}},
		{"persyaratan[1].dokumen[1].jenis", Pos{48, 1}},
		{"persyaratan[2]", Pos{50, 4}},
		{"persyaratan[2].keterangan", Pos{51, 1}},
		{"persyaratan[2].dokumen[0]", Pos{52, 3}},
		{"persyaratan[2].dokumen[0].jenis", Pos{53, 1}},
		{"persyaratan[2].biaya", Pos{54, 2}},
		{"persyaratan[2].biaya.nilai", Pos{55, 1}},
		{"prosedur[0]", Pos{57, 3}},
		{"prosedur[0].waktu", Pos{58, 1}},
	}
	for _, tt := range tests {
		got, ok := ix.Lookup(tt.path)
		if !ok || got != tt.want {
			t.Errorf("Lookup(%q) = %v, %v; want %v, true", tt.path, got, ok, tt.want)
		}
	}

	absent := []string{
		"", "misi[3]", "matriks[2]", "langkah[2]", "tanggal[3]",
		"persyaratan[2].nama", "persyaratan[3]", "persyaratan[0].dokumen",
		"prosedur[1]", "tidak_ada",
		// Text inside strings that looks like keys or headers.
		"baris", "kunci", "x", "bukan_tabel", "literal", "jalur.dir",
	}
	for _, path := range absent {
		if got, ok := ix.Lookup(path); ok {
			t.Errorf("Lookup(%q) = %v, true; want absent", path, got)
		}
	}
}

func TestNearest(t *testing.T) {
	ix := Scan([]byte(layanan))
	tests := []struct {
		path string
		want Pos
		ok   bool
	}{
		{"jangka_waktu.satuan", Pos{38, 3}, true},
		{"jangka_waktu.hari", Pos{36, 2}, true},
		{"persyaratan[2].nama", Pos{50, 4}, true},
		{"persyaratan[2].biaya.satuan", Pos{54, 2}, true},
		{"persyaratan[7].nama", Pos{40, 3}, true},
		{"misi[9]", Pos{6, 1}, true},
		{"langkah[0].durasi.jumlah", Pos{20, 34}, true},
		{"kontak.email", Pos{30, 2}, true},
		{"tidak_ada.sama_sekali", Pos{}, false},
		{"tidak_ada[0]", Pos{}, false},
		{"", Pos{}, false},
	}
	for _, tt := range tests {
		got, ok := ix.Nearest(tt.path)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Nearest(%q) = %v, %v; want %v, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

func TestScanEdgeCases(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		want   map[string]Pos
		absent []string
	}{
		{
			name: "CRLF and BOM",
			src: "\ufeffnama = \"x\"\r\n[jangka_waktu]\r\nnilai = 1 # c\r\n" +
				"satuan = \"hari\"\r\nmisi = [\r\n  \"a\",\r\n  \"b\", # c\r\n]\r\n",
			want: map[string]Pos{
				"nama":                 {1, 1},
				"jangka_waktu":         {2, 2},
				"jangka_waktu.nilai":   {3, 1},
				"jangka_waktu.satuan":  {4, 1},
				"jangka_waktu.misi":    {5, 1},
				"jangka_waktu.misi[1]": {7, 3},
			},
			absent: []string{"jangka_waktu.misi[2]"},
		},
		{
			name: "leading blanks and comment lines",
			src:  "\n# judul\n\t\tnama = 1\n   [ biaya ]   # komentar\n\tnilai = 2\n",
			want: map[string]Pos{"nama": {3, 3}, "biaya": {4, 6}, "biaya.nilai": {5, 2}},
		},
		{
			name: "escapes in basic strings",
			src:  "t = { a = \"x\\\"}#]=\", b = 2 }\n\"k\\u0065y\" = 3\nc = \"\\\\\" # \"\nd = 4\n",
			want: map[string]Pos{"t.a": {1, 7}, "t.b": {1, 22}, "key": {2, 1}, "c": {3, 1}, "d": {4, 1}},
		},
		{
			name: "unterminated string recovers on the next line",
			src:  "judul = \"tak tertutup\nnilai = 1\nx = 'juga\ny = 2\n",
			want: map[string]Pos{"judul": {1, 1}, "nilai": {2, 1}, "x": {3, 1}, "y": {4, 1}},
		},
		{
			name:   "unterminated multi-line string swallows the rest",
			src:    "a = 1\nb = '''\nc = 2\n",
			want:   map[string]Pos{"a": {1, 1}, "b": {2, 1}},
			absent: []string{"c"},
		},
		{
			name:   "keys after an unreadable header belong nowhere",
			src:    "[biaya]\nnilai = 1\n[]\nsatuan = 2\n[\"tak tertutup]\nx = 3\n[baik]\nc = 3\n",
			want:   map[string]Pos{"biaya.nilai": {2, 1}, "baik": {7, 2}, "baik.c": {8, 1}},
			absent: []string{"satuan", "biaya.satuan", "x", "biaya.x"},
		},
		{
			name: "deep nesting is cut off, not a crash",
			src:  "a = " + strings.Repeat("[", 10000) + "\nb = 1\n",
			want: map[string]Pos{"a": {1, 1}, "a[0]": {1, 6}, "b": {2, 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := Scan([]byte(tt.src))
			for path, want := range tt.want {
				if got, ok := ix.Lookup(path); !ok || got != want {
					t.Errorf("Lookup(%q) = %v, %v; want %v, true", path, got, ok, want)
				}
			}
			for _, path := range tt.absent {
				if got, ok := ix.Lookup(path); ok {
					t.Errorf("Lookup(%q) = %v, true; want absent", path, got)
				}
			}
		})
	}
}

// agreeWithScan fails t unless ScanPaths, asked for each path Scan records (alone, and
// with a missing child), answers Nearest as Scan does, and records nothing for a path
// the source does not have.
func agreeWithScan(t *testing.T, src []byte) {
	t.Helper()
	full := Scan(src)
	var all []string
	for path := range full.pos {
		all = append(all, path, path+".tidak_ada[3]")
	}
	for _, path := range all {
		got, gotOK := ScanPaths(src, []string{path}).Nearest(path)
		want, wantOK := full.Nearest(path)
		if got != want || gotOK != wantOK {
			t.Fatalf("ScanPaths(%q).Nearest = %v, %v; Scan's %v, %v", path, got, gotOK, want, wantOK)
		}
	}
	ix := ScanPaths(src, all)
	for _, path := range all {
		got, gotOK := ix.Nearest(path)
		want, wantOK := full.Nearest(path)
		if got != want || gotOK != wantOK {
			t.Fatalf("ScanPaths(all).Nearest(%q) = %v, %v; Scan's %v, %v", path, got, gotOK, want, wantOK)
		}
	}
	if ix := ScanPaths(src, []string{"tidak_ada.sama_sekali"}); len(ix.pos) != 0 {
		t.Fatalf("ScanPaths(tidak_ada.sama_sekali) recorded %v", ix.pos)
	}
}

func TestScanPathsAgreesWithScan(t *testing.T) {
	for name, src := range map[string]string{
		"every construct":                    layanan,
		"arrays of tables":                   "[[a]]\n[[a.b]]\nx = { y = [ { z = '''\n''' } ] }\n[[a]]\n[a.c]\nd.e = 1\n",
		"unreadable headers":                 "[biaya]\nnilai = 1\n[]\nsatuan = 2\n[\"tak tertutup]\nx = 3\n[baik]\nc = 3\n",
		"quoted keys with dots and brackets": "\"a.b\" = 1\na.c = [1, {d = 2}]\n[x.\"y[0]\"]\nz = 3\n",
		"a table after its implied parent":   "[a.b]\nc = 1\n[a]\nd = 2\n",
	} {
		t.Run(name, func(t *testing.T) { agreeWithScan(t, []byte(src)) })
	}
}

func TestNilIndex(t *testing.T) {
	var ix *Index
	if _, ok := ix.Lookup("a"); ok {
		t.Error("Lookup on a nil Index found something")
	}
	if _, ok := ix.Nearest("a.b"); ok {
		t.Error("Nearest on a nil Index found something")
	}
}

func FuzzScan(f *testing.F) {
	f.Add([]byte(layanan))
	f.Add([]byte("\ufeffa = 1\r\n[b]\r\nc = [1,\r\n 2]\r\n"))
	f.Add([]byte("[[a]]\n[[a.b]]\nx = { y = [ { z = '''\n''' } ] }\n"))
	f.Add([]byte("s = \"\"\"\\\"\"\"\"\"\"\nt = 'x\n[\"q\\"))
	f.Fuzz(func(t *testing.T, src []byte) {
		ix := Scan(src)
		lines := bytes.Split(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), []byte("\n"))
		for path, p := range ix.pos {
			if got, ok := ix.Lookup(path); !ok || got != p {
				t.Fatalf("Lookup(%q) = %v, %v; want %v, true", path, got, ok, p)
			}
			if p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1]) {
				t.Fatalf("Lookup(%q) = %v is outside the source (%d lines)", path, p, len(lines))
			}
			if path == "" {
				continue // an empty quoted key has no ancestor to fall back to
			}
			if got, ok := ix.Nearest(path + ".tidak_ada[3]"); !ok || got != p {
				t.Fatalf("Nearest(%q) = %v, %v; want %v, true", path+".tidak_ada[3]", got, ok, p)
			}
		}
		agreeWithScan(t, src)
	})
}
