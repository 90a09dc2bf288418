package content

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/papan-id/papan/internal/standard"
)

const siteTOML = `judul = "Standar Pelayanan Kota Uji"
wilayah = "Kota Uji"
`

const opdTOML = `nama = "Dinas Uji"
`

// serviceTOML is a small valid service; tests break one thing at a time.
const serviceTOML = `nama = "Layanan Uji"

[[persyaratan]]
nama = "Fotokopi KTP"
bentuk = "fotokopi"

[[prosedur]]
uraian = "Pemohon menyerahkan berkas"
pelaksana = "Pemohon"

[jangka_waktu]
nilai = 1
satuan = "hari kerja"
dihitung_sejak = "berkas dinyatakan lengkap"

[[biaya]]
uraian = "Biaya layanan"
gratis = true

[[produk]]
nama = "Surat Keterangan"
`

func siteWith(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.toml":               {Data: []byte(siteTOML)},
		"content/dinas/_opd.toml": {Data: []byte(opdTOML)},
	}
	for name, text := range files {
		if text == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func load(t *testing.T, fsys fstest.MapFS) (*standard.Site, standard.Problems) {
	t.Helper()
	site, ps, err := Load(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	Locate(fsys, ps)
	ps.Sort()
	return site, ps
}

func TestLoadValidSite(t *testing.T) {
	site, ps := load(t, siteWith(map[string]string{
		"content/dinas/layanan-uji.toml": serviceTOML,
		"content/halaman/tentang.md":     "+++\njudul = \"Tentang\"\n+++\n\nIsi *halaman*.\n",
	}))
	if len(ps) > 0 {
		t.Fatalf("problems in a valid site:\n%v", ps)
	}
	if got, want := len(site.OPDs), 1; got != want {
		t.Fatalf("OPDs = %d, want %d", got, want)
	}
	o := site.OPDs[0]
	if o.Slug != "dinas" || o.Name != "Dinas Uji" || len(o.Services) != 1 {
		t.Fatalf("OPD = %+v", o)
	}
	s := o.Services[0]
	if s.Slug != "layanan-uji" || s.OPD != o || len(s.Durations) != 1 || s.Durations[0].Unit != standard.UnitWorkDay || s.Durations[0].Key != "jangka_waktu" || !s.Free() {
		t.Errorf("service = %+v", s)
	}
	if got, want := site.Config.BaseURL, "/"; got != want {
		t.Errorf("default base_url = %q, want %q", got, want)
	}
	if len(site.Pages) != 1 || site.Pages[0].Title != "Tentang" || !strings.Contains(string(site.Pages[0].Body), "Isi *halaman*") {
		t.Errorf("pages = %+v", site.Pages)
	}
}

// TestLoadProblems checks every kind of problem the loader reports, with its exact
// position and message.
func TestLoadProblems(t *testing.T) {
	svc := "content/dinas/layanan.toml"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // Problem.String() without hints, in order
		hint  string   // when set, the first problem's hint
	}{
		{
			name:  "malformed TOML",
			files: map[string]string{svc: "nama = \"Layanan\n"},
			want:  []string{svc + ":1:16: galat: TOML tidak valid: teks dalam tanda kutip belum ditutup di baris ini"},
		},
		{
			name:  "unknown key with a close known key",
			files: map[string]string{svc: "persyaratn = []\n" + serviceTOML},
			want:  []string{svc + ":1:1: galat: kunci `persyaratn` tidak dikenal"},
		},
		{
			name:  "top-level key written below a table header",
			files: map[string]string{svc: serviceTOML + "kategori = \"Kependudukan\"\n"},
			want:  []string{svc + ":22:1: galat: kunci `kategori` pada [[produk]] ke-1 tidak dikenal"},
		},
		{
			name:  "wrong type: fee as words",
			files: map[string]string{svc: strings.Replace(serviceTOML, "gratis = true", `tarif = "seikhlasnya"`, 1)},
			want:  []string{svc + ":18:1: galat: `tarif` pada [[biaya]] ke-1 harus berupa angka bulat, bukan teks"},
		},
		{
			name:  "wrong type: draf as words",
			files: map[string]string{svc: `draf = "ya"` + "\n" + serviceTOML},
			want:  []string{svc + ":1:1: galat: `draf` harus berupa true atau false, bukan teks"},
			hint:  "Tulis true atau false tanpa tanda kutip.",
		},
		{
			name:  "wrong type: list expected",
			files: map[string]string{svc: `kata_kunci = "KTP"` + "\n" + serviceTOML},
			want:  []string{svc + ":1:1: galat: `kata_kunci` harus berupa daftar, bukan teks"},
		},
		{
			name:  "delivery component without the key it needs",
			files: map[string]string{svc: strings.Replace(serviceTOML, "nama = \"Surat Keterangan\"\n", "bentuk = \"fisik\"\n", 1)},
			want:  []string{svc + ":20:3: galat: `nama` pada [[produk]] ke-1 wajib diisi [SP001]"},
		},
		{
			name:  "missing required field in a table",
			files: map[string]string{svc: strings.Replace(serviceTOML, "satuan = \"hari kerja\"\n", "", 1)},
			want:  []string{svc + ":11:2: galat: `satuan` pada [jangka_waktu] wajib diisi [SP001]"},
		},
		{
			name:  "value outside its list",
			files: map[string]string{svc: strings.Replace(serviceTOML, `satuan = "hari kerja"`, `satuan = "minggu"`, 1)},
			want:  []string{svc + ":13:1: galat: `satuan` pada [jangka_waktu] bernilai \"minggu\", yang tidak dikenal"},
		},
		{
			name:  "unreadable step time",
			files: map[string]string{svc: strings.Replace(serviceTOML, "pelaksana = \"Pemohon\"\n", "pelaksana = \"Pemohon\"\nwaktu = \"sebentar\"\n", 1)},
			want:  []string{svc + ":10:1: galat: `waktu` pada [[prosedur]] ke-1 \"sebentar\" tidak dapat dibaca: satuan tidak ada"},
		},
		{
			name: "dangling legal-basis reference",
			files: map[string]string{svc: strings.Replace(serviceTOML, "gratis = true", "tarif = 50000\ndasar_hukum = \"perda-9-2020\"", 1) +
				"\n[[dasar_hukum]]\nid = \"perda-1-2023\"\njenis = \"Peraturan Daerah\"\nnomor = \"1\"\ntahun = 2023\njudul = \"Retribusi Daerah\"\n"},
			want: []string{svc + ":19:1: galat: `dasar_hukum` pada [[biaya]] ke-1 merujuk \"perda-9-2020\", yang tidak ada di [[dasar_hukum]] layanan ini [SP003]"},
		},
		{
			name:  "paid fee without legal basis",
			files: map[string]string{svc: strings.Replace(serviceTOML, "gratis = true", "tarif = 50000", 1)},
			want:  []string{svc + ":16:3: galat: tarif Rp50000 pada [[biaya]] ke-1 tidak menyebut dasar hukum [SP003]"},
		},
		{
			name: "duplicate slug: page and OPD share an address",
			files: map[string]string{
				"content/halaman/dinas.md": "+++\njudul = \"Dinas\"\n+++\n",
			},
			want: []string{"content/halaman/dinas.md:1:1: galat: alamat /dinas/ juga dipakai oleh content/dinas/_opd.toml"},
		},
		{
			name:  "invalid slug",
			files: map[string]string{"content/dinas/KTP El.toml": serviceTOML},
			want:  []string{`content/dinas/KTP El.toml:1:1: galat: nama berkas "KTP El" tidak dapat dipakai sebagai alamat halaman`},
		},
		{
			name:  "OPD folder without profile",
			files: map[string]string{"content/dinas/_opd.toml": "", svc: serviceTOML},
			want:  []string{`content/dinas/_opd.toml: galat: folder OPD "dinas" tidak memiliki _opd.toml`},
		},
		{
			name:  "service at the wrong depth",
			files: map[string]string{"content/layanan.toml": serviceTOML},
			want:  []string{"content/layanan.toml:1:1: galat: berkas layanan harus berada di dalam folder OPD"},
		},
		{
			name:  "missing site.toml",
			files: map[string]string{"site.toml": ""},
			want:  []string{"site.toml: galat: site.toml tidak ditemukan"},
		},
		{
			name:  "not UTF-8",
			files: map[string]string{svc: "nama = \"Layanan\"\nkategori = \"Caf\xe9\"\n"},
			want:  []string{svc + ":2:1: galat: berkas bukan teks UTF-8"},
		},
		{
			name:  "page without front matter",
			files: map[string]string{"content/halaman/tentang.md": "# Tentang\n"},
			want:  []string{"content/halaman/tentang.md:1:1: galat: halaman tidak diawali front matter"},
		},
		{
			name:  "page front matter error is placed after the +++ line",
			files: map[string]string{"content/halaman/tentang.md": "+++\njudul = \"Tentang\"\nurutan = \"satu\"\n+++\n"},
			want:  []string{"content/halaman/tentang.md:3:1: galat: `urutan` harus berupa angka bulat, bukan teks"},
		},
		{
			name:  "date in quotes written day-month-year",
			files: map[string]string{svc: serviceTOML + "\n[sk]\nnomor = \"1\"\ntanggal = \"19-05-2025\"\n"},
			want:  []string{svc + ":25:1: galat: `tanggal` pada [sk] \"19-05-2025\" tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip"},
			hint:  "Tulis tanggal = 2025-05-19.",
		},
		{
			name:  "date in quotes",
			files: map[string]string{svc: serviceTOML + "\n[sk]\nnomor = \"1\"\ntanggal = \"2025-05-19\"\n"},
			want:  []string{svc + ":25:1: galat: `tanggal` pada [sk] \"2025-05-19\" tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip"},
			hint:  "Tulis tanggal = 2025-05-19, tanpa tanda kutip.",
		},
		{
			name:  "date as a number",
			files: map[string]string{svc: serviceTOML + "\n[sk]\nnomor = \"1\"\ntanggal = 2025\n"},
			want:  []string{svc + ":25:1: galat: `tanggal` pada [sk] harus berupa tanggal, bukan angka bulat"},
			hint:  "Tulis tanggal tahun-bulan-hari tanpa tanda kutip, misalnya tanggal = 2025-05-19.",
		},
		{
			name:  "date day-month-year without quotes",
			files: map[string]string{svc: serviceTOML + "\n[sk]\nnomor = \"1\"\ntanggal = 19-05-2025\n"},
			want:  []string{svc + ":25:11: galat: `tanggal` 19-05-2025 tidak dapat dibaca sebagai tanggal; tanggal ditulis tahun-bulan-hari, misalnya 2025-05-19, tanpa tanda kutip"},
			hint:  "Tulis tanggal = 2025-05-19.",
		},
		{
			name:  "fee too large to read",
			files: map[string]string{svc: strings.Replace(serviceTOML, "gratis = true", "tarif = 99999999999999999999", 1)},
			want:  []string{svc + ":18:9: galat: `tarif` 99999999999999999999 terlalu besar untuk dibaca sebagai angka"},
			hint:  "Periksa jumlah angka nolnya: tarif ditulis dalam rupiah tanpa titik, misalnya tarif = 150000. Angka terbesar yang dapat dibaca adalah 9223372036854775807.",
		},
		{
			name:  "duplicate key at its own column",
			files: map[string]string{svc: strings.Replace(serviceTOML, "gratis = true", "tarif = 0\n  tarif = 5000", 1)},
			want:  []string{svc + ":19:3: galat: TOML tidak valid: kunci `biaya.tarif` ditulis dua kali"},
			hint:  hintOneTable,
		},
		{
			name:  "syntax error in a page's front matter",
			files: map[string]string{"content/halaman/tentang.md": "+++\njudul = \"Tentang\nurutan = 1\n+++\n"},
			want:  []string{"content/halaman/tentang.md:2:17: galat: TOML tidak valid: teks dalam tanda kutip belum ditutup di baris ini"},
			hint:  `Tutup teks dengan tanda kutip di baris yang sama. Untuk teks beberapa baris, apit dengan tiga tanda kutip: """…""".`,
		},
		{
			name:  "duration of 0",
			files: map[string]string{svc: strings.Replace(serviceTOML, "nilai = 1\n", "nilai = 0\n", 1)},
			want:  []string{svc + ":12:1: galat: `nilai` pada [jangka_waktu] bernilai 0; jangka waktu 0 tidak dapat dijanjikan kepada warga"},
			hint:  `Tulis lama penyelesaian yang disebut standar, misalnya nilai = 3. Bila standar tidak menyebut jangka waktu, hapus tabel ini: halaman akan menulis "Belum dicantumkan dalam standar pelayanan ini".`,
		},
		{
			name: "several durations: a label missing, a 0 and a label twice",
			files: map[string]string{svc: strings.Replace(serviceTOML, "[jangka_waktu]\nnilai = 1\nsatuan = \"hari kerja\"\n",
				"[[jangka_waktu]]\nlabel = \"Penerbitan PBG\"\nnilai = 1\nsatuan = \"hari\"\n\n"+
					"[[jangka_waktu]]\nnilai = 0\nsatuan = \"hari\"\n\n"+
					"[[jangka_waktu]]\nlabel = \"Penerbitan PBG\"\nnilai = 3\nsatuan = \"hari\"\n", 1)},
			want: []string{
				svc + ":16:3: galat: `label` pada [[jangka_waktu]] ke-2 wajib diisi bila jangka waktu lebih dari satu",
				svc + ":17:1: galat: `nilai` pada [[jangka_waktu]] ke-2 bernilai 0; jangka waktu 0 tidak dapat dijanjikan kepada warga",
				svc + ":21:1: galat: label \"Penerbitan PBG\" sudah dipakai oleh [[jangka_waktu]] ke-1",
			},
		},
		{
			name:  "duration written as text at the top",
			files: map[string]string{svc: "jangka_waktu = \"3 hari\"\n" + strings.Replace(serviceTOML, "[jangka_waktu]\nnilai = 1\nsatuan = \"hari kerja\"\ndihitung_sejak = \"berkas dinyatakan lengkap\"\n", "", 1)},
			want:  []string{svc + ":1:1: galat: `jangka_waktu` harus berupa tabel, bukan teks"},
			hint:  "Tulis sebagai tabel dengan baris [jangka_waktu] lalu kunci-kuncinya, atau [[jangka_waktu]] untuk setiap jangka waktu bila standar menyebut beberapa.",
		},
		{
			name:  "a one-of group of one",
			files: map[string]string{svc: strings.Replace(serviceTOML, "bentuk = \"fotokopi\"\n", "bentuk = \"fotokopi\"\natau = \"identitas\"\n", 1)},
			want:  []string{svc + ":6:1: galat: tidak ada persyaratan lain dengan atau = \"identitas\"; satu persyaratan saja bukan pilihan"},
			hint:  `Tulis atau = "identitas" juga pada persyaratan lain yang menjadi pilihannya (pada kasus yang sama), atau hapus atau dari persyaratan ini.`,
		},
		{
			name:  "a one-of group split over two cases",
			files: map[string]string{svc: strings.Replace(serviceTOML, "bentuk = \"fotokopi\"\n", "bentuk = \"fotokopi\"\nkasus = \"Baru\"\natau = \"identitas\"\n\n[[persyaratan]]\nnama = \"Fotokopi KK\"\nkasus = \"Hilang\"\natau = \"identitas\"\n", 1)},
			want: []string{
				svc + ":7:1: galat: tidak ada persyaratan lain dengan kasus = \"Baru\" dengan atau = \"identitas\"; satu persyaratan saja bukan pilihan",
				svc + ":12:1: galat: tidak ada persyaratan lain dengan kasus = \"Hilang\" dengan atau = \"identitas\"; satu persyaratan saja bukan pilihan",
			},
		},
		{
			name:  "a channel without its value",
			files: map[string]string{svc: serviceTOML + "\n[[pengaduan]]\njenis = \"telepon\"\n"},
			want:  []string{svc + ":23:3: galat: `nilai` pada [[pengaduan]] ke-1 wajib diisi"},
			hint:  `Tulis nilai = "…": nomor telepon, alamat surel, alamat web, atau alamat tujuan surat; dua nomor ditulis nilai = ["…", "…"]. Hanya jenis = "kotak-saran" yang boleh tanpa nilai.`,
		},
		{
			name:  "a channel's values: an empty one, a web address without https",
			files: map[string]string{svc: serviceTOML + "\n[[pengaduan]]\njenis = \"telepon\"\nnilai = [\"(0725) 49638\", \"\"]\n\n[[pengaduan]]\njenis = \"situs\"\nnilai = [\"https://dinsos.example.go.id\", \"dinsospermasdes.banyumaskab.go.id\"]\n"},
			want: []string{
				svc + ":25:26: galat: `nilai` butir ke-2 pada [[pengaduan]] ke-1 kosong",
				svc + ":29:42: galat: `nilai` butir ke-2 pada [[pengaduan]] ke-2 bernilai \"dinsospermasdes.banyumaskab.go.id\", yang tidak diawali https:// atau http://",
			},
		},
		{
			name:  "a channel's value as a number",
			files: map[string]string{svc: serviceTOML + "\n[[pengaduan]]\njenis = \"sms\"\nnilai = 1708\n"},
			want:  []string{svc + ":25:1: galat: `nilai` pada [[pengaduan]] ke-1 harus berupa teks atau daftar teks, bukan angka bulat"},
		},
		{
			name:  "complaint handling that says nothing",
			files: map[string]string{"content/dinas/_opd.toml": opdTOML + "\n[penanganan_pengaduan]\nuraian = \"\"\n"},
			want:  []string{"content/dinas/_opd.toml:3:2: galat: [penanganan_pengaduan] tidak berisi uraian maupun waktu_respons"},
		},
		{
			name: "all problems of a file in one run",
			files: map[string]string{svc: strings.NewReplacer(
				`bentuk = "fotokopi"`, `bentuk = "scan"`,
				"gratis = true", `tarif = "gratis"`,
			).Replace(serviceTOML)},
			want: []string{
				svc + ":5:1: galat: `bentuk` pada [[persyaratan]] ke-1 bernilai \"scan\", yang tidak dikenal",
				svc + ":18:1: galat: `tarif` pada [[biaya]] ke-1 harus berupa angka bulat, bukan teks",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := siteWith(tt.files)
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

// TestServiceWithoutComponentsLoads: a standard still being written may leave out any
// delivery component, marked as a draft (draf = true) or not. The loader accepts it with
// the components absent (nil), for the rulebook to report (SP021) and pages to show as
// not stated; it does not stop the site.
func TestServiceWithoutComponentsLoads(t *testing.T) {
	site, ps := load(t, siteWith(map[string]string{"content/dinas/layanan.toml": "draf = true\nnama = \"Layanan Uji\"\n"}))
	if len(ps) > 0 || site == nil || !site.OPDs[0].Services[0].Draft {
		t.Fatalf("a draft does not load as one: %v", ps)
	}
	site, ps = load(t, siteWith(map[string]string{"content/dinas/layanan.toml": "nama = \"Layanan Uji\"\n"}))
	if len(ps) > 0 || site == nil {
		t.Fatalf("problems: %v", ps)
	}
	s := site.OPDs[0].Services[0]
	if s.Requirements != nil || s.Procedure != nil || s.Durations != nil || s.Fees != nil || s.Products != nil {
		t.Errorf("components of an empty service: %+v", s)
	}
	if s.Free() {
		t.Error("a service without [[biaya]] is reported free")
	}
}

func TestHints(t *testing.T) {
	_, ps := load(t, siteWith(map[string]string{
		"content/dinas/layanan.toml": "persyaratn = []\n" + serviceTOML + "kategori = \"x\"\n",
	}))
	if len(ps) != 2 {
		t.Fatalf("problems: %v", ps)
	}
	for i, want := range []string{
		`Mungkin maksudnya "persyaratan"?`,
		`Kunci "kategori" milik bagian atas berkas, tetapi ditulis di bawah tabel [[produk]]. Pindahkan baris ini ke atas, sebelum tabel pertama.`,
	} {
		if got := ps[i].Hint; got != want {
			t.Errorf("hint %d = %q, want %q", i, got, want)
		}
	}
}

func TestAcceptsWindowsFiles(t *testing.T) {
	crlf := "\xef\xbb\xbf" + strings.ReplaceAll(serviceTOML, "\n", " \t\r\n")
	site, ps := load(t, siteWith(map[string]string{"content/dinas/layanan.toml": crlf}))
	if len(ps) > 0 || site == nil {
		t.Fatalf("BOM + CRLF + trailing spaces refused:\n%v", ps)
	}
	if got := site.OPDs[0].Services[0].Name; got != "Layanan Uji" {
		t.Errorf("name = %q", got)
	}
}

func TestSkipsDraftsAndWarnsOnStrayFiles(t *testing.T) {
	site, ps := load(t, siteWith(map[string]string{
		"content/dinas/_draf.toml":   "this is not toml at all [",
		"content/dinas/.swp":         "x",
		"content/dinas/catatan.txt":  "x",
		"content/dinas/layanan.toml": serviceTOML,
	}))
	if site == nil {
		t.Fatalf("site not loaded: %v", ps)
	}
	if len(ps) != 1 || ps[0].Severity != standard.Warning || ps[0].File != "content/dinas/catatan.txt" {
		t.Errorf("problems = %v, want one warning for catatan.txt", ps)
	}
}

func TestParseStepTime(t *testing.T) {
	tests := []struct {
		in      string
		want    standard.StepTime
		wantErr bool
	}{
		{"15 menit", standard.StepTime{Min: 15, Max: 15, Unit: standard.UnitMinute}, false},
		{"1-3 hari kerja", standard.StepTime{Min: 1, Max: 3, Unit: standard.UnitWorkDay}, false},
		{"2  Jam", standard.StepTime{Min: 2, Max: 2, Unit: standard.UnitHour}, false},
		{"1–2 hari kalender", standard.StepTime{Min: 1, Max: 2, Unit: standard.UnitCalendarDay}, false},
		{"3-1 jam", standard.StepTime{}, true},
		{"sebentar", standard.StepTime{}, true},
		{"5 detik", standard.StepTime{}, true},
	}
	for _, tt := range tests {
		got, err := parseStepTime(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseStepTime(%q) error = %v", tt.in, err)
			continue
		}
		if err == nil && *got != tt.want {
			t.Errorf("parseStepTime(%q) = %+v, want %+v", tt.in, *got, tt.want)
		}
	}
}

// deniedFS is a site whose file or folder denied cannot be read.
type deniedFS struct {
	fsys   fs.FS
	denied string
}

func (f deniedFS) Open(name string) (fs.File, error) {
	if name == f.denied {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.fsys.Open(name)
}

func TestUnreadableInIndonesian(t *testing.T) {
	for _, tt := range []struct{ denied, want string }{
		{"content/dinas", "content/dinas: galat: folder tidak dapat dibaca: akses ditolak; periksa izin berkas atau folder ini"},
		{"content/dinas/layanan.toml", "content/dinas/layanan.toml: galat: berkas tidak dapat dibaca: akses ditolak; periksa izin berkas atau folder ini"},
	} {
		fsys := deniedFS{siteWith(map[string]string{"content/dinas/layanan.toml": serviceTOML}), tt.denied}
		_, ps, err := Load(context.Background(), fsys)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 1 || ps[0].String() != tt.want {
			t.Errorf("%s denied: problems\n%v\nwant\n%s", tt.denied, ps, tt.want)
		}
	}
}

func TestOwner(t *testing.T) {
	for _, tt := range []struct{ file, opd, service string }{
		{"content/dukcapil/ktp-el.toml", "dukcapil", "ktp-el"},
		{"content/dukcapil/_opd.toml", "dukcapil", ""},
		{"content/dukcapil/_konsep.toml", "", ""},
		{"content/halaman/tentang.md", "", ""},
		{"content/halaman/_opd.toml", "", ""},
		{"content/ktp.toml", "", ""},
		{"content/dukcapil/sub/ktp.toml", "", ""},
		{"site.toml", "", ""},
		{"layouts/service.html", "", ""},
	} {
		if opd, svc := Owner(tt.file); opd != tt.opd || svc != tt.service {
			t.Errorf("Owner(%q) = %q, %q; want %q, %q", tt.file, opd, svc, tt.opd, tt.service)
		}
	}
}
