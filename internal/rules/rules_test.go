package rules_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// today is the date every test measures evaluations from; no test reads the clock.
var today = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

const siteTOML = `judul = "Standar Pelayanan Kota Uji"
wilayah = "Kota Uji"

[[pengaduan]]
jenis = "lapor"
nilai = "https://www.lapor.go.id"
`

// opdTOML is an OPD that passes every rule.
const opdTOML = `nama = "Dinas Uji"
visi = "Pelayanan prima."
misi = ["Melayani dengan cepat."]
moto = "Melayani dengan hati"

[maklumat]
teks = "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar dan siap menerima sanksi apabila tidak menepati janji ini."
penanda_tangan = "Budi"
jabatan = "Kepala Dinas"

[penanganan_pengaduan]
uraian = "Pengaduan dicatat petugas, diteruskan kepada Kepala Dinas, dan dijawab kepada pengadu."
waktu_respons = "paling lama 5 hari kerja"
`

// serviceTOML is a service that passes every rule; tests break one thing at a time.
const serviceTOML = `nama = "Layanan Uji"
sarana_prasarana = "Ruang tunggu, kursi roda."
kompetensi_pelaksana = "Memahami administrasi."
pengawasan_internal = "Oleh kepala seksi."
jumlah_pelaksana = "2 orang."
jaminan_pelayanan = "Sesuai standar."
jaminan_keamanan_keselamatan = "Data dijaga."
evaluasi_kinerja = "Setiap tahun."

[sk]
nomor = "800/1/2024"
tanggal = 2024-01-15
konsultasi_publik = 2024-01-05
evaluasi_terakhir = 2025-01-10

[[persyaratan]]
nama = "Fotokopi KTP"

[[prosedur]]
uraian = "Pemohon menyerahkan berkas"
pelaksana = "Pemohon"
waktu = "10 menit"

[[prosedur]]
uraian = "Petugas memproses berkas"
pelaksana = "Petugas"
waktu = "2 jam"

[jangka_waktu]
nilai = 1
satuan = "hari kerja"
dihitung_sejak = "berkas dinyatakan lengkap"

[[biaya]]
uraian = "Biaya layanan"
gratis = true

[[produk]]
nama = "Surat Keterangan"

[[dasar_hukum]]
jenis = "Peraturan Daerah"
nomor = "1"
tahun = 2023
judul = "Pelayanan Publik"

[[pelayanan_khusus]]
kelompok = "Penyandang disabilitas"
uraian = "Loket prioritas."
`

const (
	svc = "content/dinas/layanan.toml"
	opd = "content/dinas/_opd.toml"
)

// siteWith is the passing site with files written over it, or removed when their text
// is "-".
func siteWith(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range map[string]string{"site.toml": siteTOML, opd: opdTOML, svc: serviceTOML} {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	for name, text := range files {
		if text == "-" {
			delete(fsys, name) // the file is not there
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// run loads fsys and checks it as `papan check` does, returning each problem as
// Problem.String() without its hint.
func run(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	site, ps, err := content.Load(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	if site != nil {
		ps = append(ps, rules.CheckConfig(&site.Config)...)
		ps = append(ps, rules.Check(site, rules.ConfigFrom(site.Config.Compliance), today)...)
	}
	content.Locate(fsys, ps)
	ps.Sort()
	var out []string
	for _, p := range ps {
		p.Hint = ""
		out = append(out, p.String())
	}
	return out
}

func replace(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic("fixture does not contain " + old)
	}
	return strings.Replace(s, old, new, 1)
}

func TestCleanSiteHasNoFindings(t *testing.T) {
	if got := run(t, siteWith(nil)); len(got) > 0 {
		t.Fatalf("findings in a clean site:\n%s", strings.Join(got, "\n"))
	}
}

// TestRules has, for every rule, inputs that trip it (with the exact finding and its
// position) and inputs that look close but pass.
func TestRules(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"SP001 delivery component without the key it needs", map[string]string{svc: replace(serviceTOML, "[[produk]]\nnama = \"Surat Keterangan\"\n", "[[produk]]\nbentuk = \"fisik\"\n")},
			[]string{svc + ":38:3: galat: `nama` pada [[produk]] ke-1 wajib diisi [SP001]"}},
		{"SP002 management components missing", map[string]string{svc: replace(replace(serviceTOML, "pengawasan_internal = \"Oleh kepala seksi.\"\n", ""), "jumlah_pelaksana = \"2 orang.\"\n", "")},
			[]string{svc + ":1:1: peringatan: komponen pengelolaan belum diisi: pengawasan_internal, jumlah_pelaksana [SP002]"}},
		{"SP002 passes with all 14", nil, nil},
		{"SP003 paid fee without legal basis", map[string]string{svc: replace(serviceTOML, "gratis = true", "tarif = 50000")},
			[]string{svc + ":34:3: galat: tarif Rp50000 pada [[biaya]] ke-1 tidak menyebut dasar hukum [SP003]"}},
		{"SP003 dangling legal-basis reference", map[string]string{svc: replace(serviceTOML, "gratis = true", "tarif = 50000\ndasar_hukum = \"perda-9\"")},
			[]string{svc + ":37:1: galat: `dasar_hukum` pada [[biaya]] ke-1 merujuk \"perda-9\", yang tidak ada di [[dasar_hukum]] layanan ini [SP003]"}},
		{"SP003 passes with a resolving reference", map[string]string{svc: replace(replace(serviceTOML, "gratis = true", "tarif = 50000\ndasar_hukum = \"perda-1\""), "[[dasar_hukum]]\n", "[[dasar_hukum]]\nid = \"perda-1\"\n")}, nil},
		{"SP004 vague fee wording", map[string]string{svc: replace(replace(serviceTOML, "gratis = true", "tarif = 5000\ndasar_hukum = \"perda-1\"\nketerangan = \"Sesuai ketentuan yang berlaku\""), "[[dasar_hukum]]\n", "[[dasar_hukum]]\nid = \"perda-1\"\n")},
			[]string{svc + ":38:1: galat: `keterangan` pada [[biaya]] ke-1 memakai kata samar \"sesuai ketentuan\" [SP004]"}},
		{"SP004 passes with a plain note", map[string]string{svc: replace(serviceTOML, "gratis = true", "gratis = true\nketerangan = \"Tidak dipungut biaya.\"")}, nil},
		{"SP005 step without actor", map[string]string{svc: replace(serviceTOML, "pelaksana = \"Petugas\"\n", "")},
			[]string{svc + ":24:3: peringatan: [[prosedur]] ke-2 tidak menyebut pelaksana [SP005]"}},
		{"SP006 image without alt text", map[string]string{svc: replace(serviceTOML, "Ruang tunggu, kursi roda.", "![](denah.png)")},
			[]string{svc + ":2:1: galat: gambar \"denah.png\" tidak punya teks alternatif [SP006]"}},
		{"SP006 passes with alt text", map[string]string{svc: replace(serviceTOML, "Ruang tunggu, kursi roda.", "![Denah ruang tunggu](denah.png)")}, nil},
		{"SP007 duration without start point", map[string]string{svc: replace(serviceTOML, "dihitung_sejak = \"berkas dinyatakan lengkap\"\n", "")},
			[]string{svc + ":29:2: peringatan: jangka waktu tidak menyebut sejak kapan dihitung [SP007]"}},
		{"SP008 office hours as duration", map[string]string{svc: replace(serviceTOML, "dihitung_sejak = \"berkas dinyatakan lengkap\"", "dihitung_sejak = \"berkas lengkap\"\nketerangan = \"Senin–Jumat 08.00–15.00\"")},
			[]string{svc + ":33:1: peringatan: jangka waktu berisi jam buka kantor (\"08.00–15.00\") [SP008]"}},
		{"SP009 steps longer than the duration", map[string]string{svc: replace(serviceTOML, "waktu = \"2 jam\"", "waktu = \"2 hari kerja\"")},
			[]string{svc + ":30:1: peringatan: jumlah waktu langkah prosedur (16 jam 10 menit) melebihi jangka waktu layanan (8 jam) [SP009]"}},
		{"SP009 passes within a range", map[string]string{svc: replace(replace(serviceTOML, "waktu = \"2 jam\"", "waktu = \"2 hari kerja\""), "nilai = 1\n", "nilai = 1\npaling_lama = 3\n")}, nil},
		{"SP010 no complaint channel anywhere", map[string]string{"site.toml": "judul = \"Uji\"\nwilayah = \"Kota Uji\"\n"},
			[]string{svc + ":1:1: galat: layanan tidak punya saluran pengaduan [SP010]"}},
		{"SP011 no SP4N-LAPOR! channel", map[string]string{"site.toml": "judul = \"Uji\"\nwilayah = \"Kota Uji\"\n", svc: serviceTOML + "\n[[pengaduan]]\njenis = \"whatsapp\"\nnilai = \"0812\"\n"},
			[]string{svc + ":51:3: peringatan: tidak ada saluran SP4N-LAPOR! (jenis = \"lapor\") [SP011]"}},
		{"SP011 passes with the site's LAPOR! channel", map[string]string{svc: serviceTOML + "\n[[pengaduan]]\njenis = \"whatsapp\"\nnilai = \"0812\"\n"}, nil},
		{"SP012 OPD without Maklumat", map[string]string{opd: opdTOML[:strings.Index(opdTOML, "[maklumat]")] + opdTOML[strings.Index(opdTOML, "[penanganan_pengaduan]"):]},
			[]string{opd + ":1:1: galat: OPD belum punya Maklumat Pelayanan [SP012]"}},
		{"SP012 is a peringatan while every service of the OPD is a draft", map[string]string{opd: opdTOML[:strings.Index(opdTOML, "[maklumat]")] + opdTOML[strings.Index(opdTOML, "[penanganan_pengaduan]"):], svc: "draf = true\n" + serviceTOML},
			[]string{opd + ":1:1: peringatan: OPD belum punya Maklumat Pelayanan [SP012]"}},
		{"SP012 is a peringatan for an OPD with no service yet", map[string]string{opd: opdTOML[:strings.Index(opdTOML, "[maklumat]")] + opdTOML[strings.Index(opdTOML, "[penanganan_pengaduan]"):], svc: "-"},
			[]string{opd + ":1:1: peringatan: OPD belum punya Maklumat Pelayanan [SP012]"}},
		{"SP013 Maklumat without signer", map[string]string{opd: replace(opdTOML, "penanda_tangan = \"Budi\"\n", "")},
			[]string{opd + ":6:2: galat: Maklumat Pelayanan tidak menyebut penanda tangan [SP013]"}},
		{"SP014 Maklumat without promise", map[string]string{opd: replace(opdTOML, "Dengan ini kami menyatakan sanggup menyelenggarakan", "Kami menyelenggarakan")},
			[]string{opd + ":7:1: galat: Maklumat Pelayanan tidak memuat janji melayani sesuai standar [SP014]"}},
		{"SP014 passes with berjanji", map[string]string{opd: replace(opdTOML, "menyatakan sanggup", "berjanji")}, nil},
		{"SP015 Maklumat without sanction", map[string]string{opd: replace(opdTOML, "dan siap menerima sanksi apabila tidak menepati janji ini", "dengan sepenuh hati")},
			[]string{opd + ":7:1: galat: Maklumat Pelayanan tidak memuat kesediaan menerima sanksi [SP015]"}},
		{"SP016 no pelayanan khusus", map[string]string{svc: serviceTOML[:strings.Index(serviceTOML, "[[pelayanan_khusus]]")]},
			[]string{svc + ":1:1: peringatan: layanan tidak menyebut pelayanan khusus bagi kelompok rentan [SP016]"}},
		{"SP017 no SK number nor date", map[string]string{svc: replace(replace(serviceTOML, "nomor = \"800/1/2024\"\n", ""), "tanggal = 2024-01-15\n", "")},
			[]string{svc + ":10:2: peringatan: standar belum menyebut nomor dan tanggal SK penetapannya [SP017]"}},
		{"SP028 SK number without date (as the Madiun one would be, cut)", map[string]string{svc: replace(serviceTOML, "tanggal = 2024-01-15\n", "")},
			[]string{svc + ":11:1: peringatan: SK belum mencantumkan tanggal [SP028]"}},
		{"SP028 SK date without number", map[string]string{svc: replace(serviceTOML, "nomor = \"800/1/2024\"\n", "")},
			[]string{svc + ":11:1: peringatan: SK belum mencantumkan nomor [SP028]"}},
		{"SP025 Kota Metro's PBG fee written as free", map[string]string{svc: replace(serviceTOML, "uraian = \"Biaya layanan\"", "uraian = \"Retribusi dipungut Berdasarkan Peraturan Daerah\"")},
			[]string{svc + ":35:1: galat: [[biaya]] ke-1 ditulis gratis, tetapi `uraian`-nya menyebut \"Retribusi\" [SP025]"}},
		{"SP025 Kota Pasuruan's \"Dikenakan retribusi\" written as free", map[string]string{svc: replace(serviceTOML, "gratis = true", "gratis = true\nketerangan = \"Dikenakan retribusi\"")},
			[]string{svc + ":37:1: galat: [[biaya]] ke-1 ditulis gratis, tetapi `keterangan`-nya menyebut \"Dikenakan\" [SP025]"}},
		{"SP025 a levy named in a free fee with no exemption", map[string]string{svc: replace(serviceTOML, "uraian = \"Biaya layanan\"", "uraian = \"Retribusi PBG\"")},
			[]string{svc + ":35:1: galat: [[biaya]] ke-1 ditulis gratis, tetapi `uraian`-nya menyebut \"Retribusi\" [SP025]"}},
		{"SP025 \"sesuai ketentuan\" on a free fee is SP025's, not SP004's too", map[string]string{svc: replace(serviceTOML, "gratis = true", "gratis = true\nketerangan = \"Sesuai ketentuan yang berlaku\"")},
			[]string{svc + ":37:1: galat: [[biaya]] ke-1 ditulis gratis, tetapi `keterangan`-nya menyebut \"Sesuai ketentuan\" [SP025]"}},
		{"SP025 passes Indragiri Hilir's \"Rp. 0,- / tidak dipungut biaya (gratis)\"", map[string]string{svc: replace(serviceTOML, "gratis = true", "gratis = true\nketerangan = \"Rp. 0,- / tidak dipungut biaya (gratis)\"")}, nil},
		{"SP025 passes Kotawaringin Timur's free permit with a retribusi receipt among its requirements", map[string]string{svc: replace(serviceTOML, "nama = \"Fotokopi KTP\"", "nama = \"Bukti bayar retribusi daerah\"")}, nil},
		{"SP025 passes an exemption under a Perda", map[string]string{svc: replace(serviceTOML, "uraian = \"Biaya layanan\"", "uraian = \"Retribusi PBG rumah tinggal MBR\"\nketerangan = \"Dibebaskan dari retribusi berdasarkan Peraturan Daerah Nomor 7 Tahun 2023.\"")}, nil},
		{"SP025 passes a paid fee that speaks of retribusi", map[string]string{svc: replace(replace(serviceTOML, "gratis = true", "ketentuan = \"Retribusi dipungut berdasarkan Peraturan Daerah\"\ndasar_hukum = \"perda-1\""), "[[dasar_hukum]]\n", "[[dasar_hukum]]\nid = \"perda-1\"\n")}, nil},
		{"SP026 a legal basis that says only \"Peraturan Daerah\" (Kota Metro)", map[string]string{svc: replace(serviceTOML, "nomor = \"1\"\ntahun = 2023\njudul = \"Pelayanan Publik\"\n", "")},
			[]string{svc + ":41:3: peringatan: dasar hukum ke-1 (Peraturan Daerah) belum mencantumkan nomor, tahun dan judul [SP026]"}},
		{"SP026 a legal basis without its title (Sleman's Perpres 25/2008 without tentang)", map[string]string{svc: replace(serviceTOML, "judul = \"Pelayanan Publik\"\n", "")},
			[]string{svc + ":41:3: peringatan: dasar hukum ke-1 (Peraturan Daerah) belum mencantumkan judul [SP026]"}},
		{"SP027 Sleman's Perpres 25/2008", map[string]string{svc: replace(serviceTOML, "jenis = \"Peraturan Daerah\"\nnomor = \"1\"\ntahun = 2023", "jenis = \"Peraturan Presiden\"\nnomor = \"25\"\ntahun = 2008")},
			[]string{svc + ":41:3: peringatan: Peraturan Presiden Nomor 25 Tahun 2008 telah dicabut dan diganti dengan Peraturan Presiden Nomor 96 Tahun 2018 [SP027]"}},
		{"SP027 matches an abbreviated kind and a zero-padded number (Puskesmas Maridan's UU no 36 tahun 2009)", map[string]string{svc: replace(serviceTOML, "jenis = \"Peraturan Daerah\"\nnomor = \"1\"\ntahun = 2023", "jenis = \"UU\"\nnomor = \"036\"\ntahun = 2009")},
			[]string{svc + ":41:3: peringatan: Undang-Undang Nomor 36 Tahun 2009 telah dicabut dan diganti dengan Undang-Undang Nomor 17 Tahun 2023 [SP027]"}},
		{"SP027 matches Permendagri written out", map[string]string{svc: replace(serviceTOML, "jenis = \"Peraturan Daerah\"\nnomor = \"1\"\ntahun = 2023", "jenis = \"Peraturan Menteri Dalam Negeri\"\nnomor = \"19\"\ntahun = 2010")},
			[]string{svc + ":41:3: peringatan: Peraturan Menteri Dalam Negeri Nomor 19 Tahun 2010 telah dicabut dan diganti dengan Peraturan Menteri Dalam Negeri Nomor 109 Tahun 2019 [SP027]"}},
		{"SP027 passes the replacement itself (Madiun's Perpres 96/2018)", map[string]string{svc: replace(serviceTOML, "jenis = \"Peraturan Daerah\"\nnomor = \"1\"\ntahun = 2023", "jenis = \"Perpres\"\nnomor = \"96\"\ntahun = 2018")}, nil},
		{"SP027 passes a Perda with the same number and year", map[string]string{svc: replace(serviceTOML, "nomor = \"1\"\ntahun = 2023", "nomor = \"25\"\ntahun = 2008")}, nil},
		{"SP018 no public consultation", map[string]string{svc: replace(serviceTOML, "konsultasi_publik = 2024-01-05\n", "")},
			[]string{svc + ":10:2: peringatan: standar belum mencatat tanggal konsultasi publik [SP018]"}},
		{"SP019 evaluation older than 12 months", map[string]string{svc: replace(serviceTOML, "evaluasi_terakhir = 2025-01-10", "evaluasi_terakhir = 2024-05-31")},
			[]string{svc + ":14:1: peringatan: evaluasi terakhir standar (2024-05-31) sudah lebih dari 12 bulan [SP019]"}},
		{"SP019 passes on the limit", map[string]string{svc: replace(serviceTOML, "evaluasi_terakhir = 2025-01-10", "evaluasi_terakhir = 2024-06-01")}, nil},
		{"SP019 limit from site.toml", map[string]string{
			"site.toml": siteTOML + "\n[kepatuhan]\nbatas_evaluasi_bulan = 3\n",
		}, []string{svc + ":14:1: peringatan: evaluasi terakhir standar (2025-01-10) sudah lebih dari 3 bulan [SP019]"}},
		{"SP020 OPD without moto", map[string]string{opd: replace(opdTOML, "moto = \"Melayani dengan hati\"\n", "")},
			[]string{opd + ":1:1: peringatan: OPD belum mencantumkan moto [SP020]"}},
		{"SP006 image without alt text in the OPD's visi", map[string]string{opd: replace(opdTOML, "Pelayanan prima.", "![](logo.png)")},
			[]string{opd + ":2:1: galat: gambar \"logo.png\" tidak punya teks alternatif [SP006]"}},
		{"SP009 counts each channel on its own", map[string]string{svc: replace(serviceTOML, "waktu = \"2 jam\"", "waktu = \"2 hari kerja\"\nkanal = \"Daring\"")},
			[]string{svc + ":31:1: peringatan: jumlah waktu langkah prosedur pada kanal \"Daring\" (16 jam) melebihi jangka waktu layanan (8 jam) [SP009]"}},
		{"SP010 passes with the OPD's channel", map[string]string{"site.toml": "judul = \"Uji\"\nwilayah = \"Kota Uji\"\n", opd: opdTOML + "\n[[pengaduan]]\njenis = \"lapor\"\nnilai = \"https://www.lapor.go.id\"\n"}, nil},
		{"SP011 reported on the OPD whose channels the service uses", map[string]string{"site.toml": "judul = \"Uji\"\nwilayah = \"Kota Uji\"\n", opd: opdTOML + "\n[[pengaduan]]\njenis = \"whatsapp\"\nnilai = \"0812\"\n"},
			[]string{opd + ":15:3: peringatan: tidak ada saluran SP4N-LAPOR! (jenis = \"lapor\") [SP011]"}},
		{"SP011 reported once on site.toml", map[string]string{"site.toml": replace(siteTOML, "jenis = \"lapor\"", "jenis = \"whatsapp\"")},
			[]string{"site.toml:4:3: peringatan: tidak ada saluran SP4N-LAPOR! (jenis = \"lapor\") [SP011]"}},
		{"SP019 no evaluation recorded", map[string]string{svc: replace(serviceTOML, "evaluasi_terakhir = 2025-01-10\n", "")},
			[]string{svc + ":10:2: peringatan: standar belum mencatat tanggal evaluasi terakhir [SP019]"}},
		{"SP020 OPD without visi and misi", map[string]string{opd: replace(replace(opdTOML, "visi = \"Pelayanan prima.\"\n", ""), "misi = [\"Melayani dengan cepat.\"]\n", "")},
			[]string{opd + ":1:1: peringatan: OPD belum mencantumkan misi [SP020]", opd + ":1:1: peringatan: OPD belum mencantumkan visi [SP020]"}},
		{"SP021 delivery component left out", map[string]string{svc: replace(serviceTOML, "[[produk]]\nnama = \"Surat Keterangan\"\n", "")},
			[]string{svc + ":1:1: galat: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]"}},
		{"SP021 every delivery component left out", map[string]string{svc: serviceTOML[:strings.Index(serviceTOML, "[[persyaratan]]")] + serviceTOML[strings.Index(serviceTOML, "[[dasar_hukum]]"):]},
			[]string{
				svc + ":1:1: galat: komponen pelayanan belum dicantumkan: biaya/tarif ([[biaya]]) [SP021]",
				svc + ":1:1: galat: komponen pelayanan belum dicantumkan: jangka waktu ([jangka_waktu]) [SP021]",
				svc + ":1:1: galat: komponen pelayanan belum dicantumkan: persyaratan ([[persyaratan]]) [SP021]",
				svc + ":1:1: galat: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]",
				svc + ":1:1: galat: komponen pelayanan belum dicantumkan: prosedur ([[prosedur]]) [SP021]",
			}},
		{"SP021 is a peringatan in a draft", map[string]string{svc: "draf = true\n" + replace(serviceTOML, "[[produk]]\nnama = \"Surat Keterangan\"\n", "")},
			[]string{svc + ":1:1: peringatan: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]"}},
		{"SP021 set to galat in site.toml is still a peringatan in a draft", map[string]string{
			"site.toml": siteTOML + "\n[kepatuhan.aturan]\nSP021 = \"galat\"\n",
			svc:         "draf = true\n" + replace(serviceTOML, "[[produk]]\nnama = \"Surat Keterangan\"\n", ""),
		}, []string{svc + ":1:1: peringatan: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]"}},
		{"a draft keeps its other galat", map[string]string{svc: "draf = true\n" + replace(serviceTOML, "nama = \"Fotokopi KTP\"", "nama = \"Tulis nama dokumen, misalnya Fotokopi Kartu Keluarga\"")},
			[]string{svc + ":18:1: galat: teks contoh dari papan new belum diganti: \"Tulis nama dokumen, misalnya Fotokopi Kartu Keluarga\" [SP022]"}},
		{"draf = false is no draft", map[string]string{svc: "draf = false\n" + replace(serviceTOML, "[[produk]]\nnama = \"Surat Keterangan\"\n", "")},
			[]string{svc + ":1:1: galat: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]"}},
		{"SP022 sample text left in a service", map[string]string{svc: replace(serviceTOML, "nama = \"Fotokopi KTP\"", "nama = \"Tulis nama dokumen, misalnya Fotokopi Kartu Keluarga\"")},
			[]string{svc + ":17:1: galat: teks contoh dari papan new belum diganti: \"Tulis nama dokumen, misalnya Fotokopi Kartu Keluarga\" [SP022]"}},
		{"SP022 sample instruction with another example", map[string]string{svc: replace(serviceTOML, "uraian = \"Loket prioritas.\"", "uraian = \"Tulis perlakuannya, misalnya kursi roda\"")},
			[]string{svc + ":49:1: galat: teks contoh dari papan new belum diganti: \"Tulis perlakuannya, misalnya kursi roda\" [SP022]"}},
		{"SP022 sample text in an OPD's list", map[string]string{opd: replace(opdTOML, "[maklumat]\n", "[[jam_layanan]]\nhari = \"Tulis harinya, misalnya Senin–Kamis\"\njam = \"08.00–15.00 WIB\"\n\n[maklumat]\n")},
			[]string{opd + ":7:1: galat: teks contoh dari papan new belum diganti: \"Tulis harinya, misalnya Senin–Kamis\" [SP022]"}},
		{"SP022 sample text in the duration's note", map[string]string{svc: replace(serviceTOML, "dihitung_sejak = \"berkas dinyatakan lengkap\"\n", "dihitung_sejak = \"berkas dinyatakan lengkap\"\nketerangan = \"Tulis pengecualiannya, misalnya Dikecualikan apabila terjadi gangguan jaringan\"\n")},
			[]string{svc + ":33:1: galat: teks contoh dari papan new belum diganti: \"Tulis pengecualiannya, misalnya Dikecualikan apabila terjadi gangguan jaringan\" [SP022]"}},
		{"SP022 passes a value that only begins like one", map[string]string{svc: replace(serviceTOML, "nama = \"Fotokopi KTP\"", "nama = \"Tulis tangan: surat pernyataan\"")}, nil},
		{"SP023 fee above Rp 1 miliar", map[string]string{svc: replace(replace(serviceTOML, "gratis = true", "tarif = 1000000000000000\ndasar_hukum = \"perda-1\""), "[[dasar_hukum]]\n", "[[dasar_hukum]]\nid = \"perda-1\"\n")},
			[]string{svc + ":36:1: peringatan: tarif Rp1.000.000.000.000.000 pada [[biaya]] ke-1 melebihi Rp1.000.000.000 [SP023]"}},
		{"SP023 passes at Rp 1 miliar", map[string]string{svc: replace(replace(serviceTOML, "gratis = true", "tarif = 1000000000\ndasar_hukum = \"perda-1\""), "[[dasar_hukum]]\n", "[[dasar_hukum]]\nid = \"perda-1\"\n")}, nil},
		{"SP023 switched off in site.toml", map[string]string{
			"site.toml": siteTOML + "\n[kepatuhan.aturan]\nSP023 = \"mati\"\n",
			svc:         replace(replace(serviceTOML, "gratis = true", "tarif = 1000000001\ndasar_hukum = \"perda-1\""), "[[dasar_hukum]]\n", "[[dasar_hukum]]\nid = \"perda-1\"\n"),
		}, nil},
		{"SP024 name longer than the poster holds", map[string]string{svc: replace(serviceTOML, "Layanan Uji", strings.Repeat("Izin", 1250))},
			[]string{svc + ":1:1: peringatan: nama layanan 5000 karakter; poster hanya memuat 150 karakter pertama [SP024]"}},
		{"SP024 counts characters, not bytes", map[string]string{svc: replace(serviceTOML, "Layanan Uji", strings.Repeat("é", 151))},
			[]string{svc + ":1:1: peringatan: nama layanan 151 karakter; poster hanya memuat 150 karakter pertama [SP024]"}},
		{"SP024 passes at the bound", map[string]string{svc: replace(serviceTOML, "Layanan Uji", strings.Repeat("é", 150))}, nil},
		{"SP029 duration in hari without kerja or kalender", map[string]string{svc: replace(serviceTOML, `satuan = "hari kerja"`, `satuan = "hari"`)},
			[]string{svc + ":31:1: peringatan: jangka waktu ditulis dalam \"hari\" tanpa menyebut hari kerja atau hari kalender [SP029]"}},
		// Kota Metro, PBG: "Paling lambat 1 (satu) hari Penerbitan PBG, Paling Lambat 3 (Tiga)
		// hari Penerbitan SLF dan SBKBG", no start point.
		{"SP029 and SP007 on each of several durations (Kota Metro)", map[string]string{svc: replace(serviceTOML,
			"[jangka_waktu]\nnilai = 1\nsatuan = \"hari kerja\"\ndihitung_sejak = \"berkas dinyatakan lengkap\"\n",
			"[[jangka_waktu]]\nlabel = \"Penerbitan PBG\"\nnilai = 1\nsatuan = \"hari\"\n\n[[jangka_waktu]]\nlabel = \"Penerbitan SLF dan SBKBG\"\nnilai = 3\nsatuan = \"hari\"\n")},
			[]string{
				svc + ":29:3: peringatan: jangka waktu tidak menyebut sejak kapan dihitung [SP007]",
				svc + ":32:1: peringatan: jangka waktu ditulis dalam \"hari\" tanpa menyebut hari kerja atau hari kalender [SP029]",
				svc + ":34:3: peringatan: jangka waktu tidak menyebut sejak kapan dihitung [SP007]",
				svc + ":37:1: peringatan: jangka waktu ditulis dalam \"hari\" tanpa menyebut hari kerja atau hari kalender [SP029]",
			}},
		{"SP029 passes with hari kalender", map[string]string{svc: replace(serviceTOML, `satuan = "hari kerja"`, `satuan = "hari kalender"`)}, nil},
		{"SP009 compares a channel with the duration labelled as it", map[string]string{svc: replace(replace(serviceTOML,
			"waktu = \"2 jam\"", "waktu = \"2 jam\"\nkanal = \"Luring\""),
			"[jangka_waktu]\nnilai = 1\nsatuan = \"hari kerja\"\n",
			"[[jangka_waktu]]\nlabel = \"Daring\"\nnilai = 3\nsatuan = \"hari kerja\"\ndihitung_sejak = \"berkas lengkap\"\n\n[[jangka_waktu]]\nlabel = \"Luring\"\nnilai = 1\nsatuan = \"jam\"\n")},
			[]string{svc + ":38:1: peringatan: jumlah waktu langkah prosedur pada kanal \"Luring\" (2 jam) melebihi jangka waktu layanan (1 jam) [SP009]"}},
		{"SP009 passes several durations together", map[string]string{svc: replace(replace(serviceTOML,
			"waktu = \"2 jam\"", "waktu = \"3 hari kerja\""),
			"[jangka_waktu]\nnilai = 1\nsatuan = \"hari kerja\"\n",
			"[[jangka_waktu]]\nlabel = \"Penerbitan PBG\"\nnilai = 1\nsatuan = \"hari kerja\"\ndihitung_sejak = \"berkas lengkap\"\n\n[[jangka_waktu]]\nlabel = \"Penerbitan SLF\"\nnilai = 3\nsatuan = \"hari kerja\"\n")}, nil},
		// Kab. Kotawaringin Timur, Izin Reklame: "Rekomendasi dari Instansi terkait, bila diperlukan".
		{"SP030 condition left unsaid (Kotawaringin Timur)", map[string]string{svc: replace(serviceTOML, `nama = "Fotokopi KTP"`, `nama = "Rekomendasi dari Instansi terkait, bila diperlukan"`)},
			[]string{svc + ":17:1: peringatan: `nama` pada [[persyaratan]] ke-1 memakai rumusan terbuka \"bila diperlukan\" [SP030]"}},
		// Kab. Sintang, Kartu Keluarga: "Dokumen Kependudukan yang dimiliki, antara lain: …".
		{"SP030 open list (Sintang)", map[string]string{svc: replace(serviceTOML, `nama = "Fotokopi KTP"`, `nama = "Dokumen Kependudukan yang dimiliki, antara lain: Kutipan Akta Kelahiran"`)},
			[]string{svc + ":17:1: peringatan: `nama` pada [[persyaratan]] ke-1 memakai rumusan terbuka \"antara lain\" [SP030]"}},
		{"SP030 in a note and a condition", map[string]string{svc: replace(serviceTOML, `nama = "Fotokopi KTP"`, `nama = "Fotokopi KTP"`+"\nketerangan = \"Dilampiri dokumen pendukung lainnya\"\njika = \"jika perlu\"")},
			[]string{
				svc + ":18:1: peringatan: `keterangan` pada [[persyaratan]] ke-1 memakai rumusan terbuka \"dokumen pendukung lainnya\" [SP030]",
				svc + ":19:1: peringatan: `jika` pada [[persyaratan]] ke-1 memakai rumusan terbuka \"jika perlu\" [SP030]",
			}},
		{"SP030 catches dll and dan lain-lain", map[string]string{svc: replace(serviceTOML, "[[persyaratan]]\nnama = \"Fotokopi KTP\"\n",
			"[[persyaratan]]\nnama = \"Fotokopi KTP, KK, dll.\"\n\n[[persyaratan]]\nnama = \"Surat pengantar RT/RW dan lain-lain\"\n")},
			[]string{
				svc + ":17:1: peringatan: `nama` pada [[persyaratan]] ke-1 memakai rumusan terbuka \"dll\" [SP030]",
				svc + ":20:1: peringatan: `nama` pada [[persyaratan]] ke-2 memakai rumusan terbuka \"dan lain-lain\" [SP030]",
			}},
		// Conditions that say when (Kab. Sleman, Kab. Wonogiri, Kab. Sintang) are closed.
		{"SP030 passes conditions that say when", map[string]string{svc: replace(serviceTOML, "[[persyaratan]]\nnama = \"Fotokopi KTP\"\n",
			"[[persyaratan]]\nnama = \"Fotokopi ijazah bagi yang sudah memiliki\"\n\n"+
				"[[persyaratan]]\nnama = \"Copy surat nikah legalisir/kutipan akta perkawinan atau kutipan akta perceraian\"\njika = \"bagi yang sudah menikah\"\n\n"+
				"[[persyaratan]]\nnama = \"Surat Keterangan Pindah Datang bagi penduduk yang pindah dalam wilayah NKRI\"\n\n"+
				"[[persyaratan]]\nnama = \"Surat Keterangan Kepala Suku/Adat setempat, khusus bagi komunitas terpencil/suku terasing\"\n\n"+
				"[[persyaratan]]\nnama = \"Fotokopi ijazah atau dokumen lain yang memuat nomor ijazah (bila ada)\"\n")}, nil},
		{"SP030 dokumen lain yang diperlukan", map[string]string{svc: replace(serviceTOML, `nama = "Fotokopi KTP"`, `nama = "Fotokopi KTP dan dokumen lain yang diperlukan"`)},
			[]string{svc + ":17:1: peringatan: `nama` pada [[persyaratan]] ke-1 memakai rumusan terbuka \"dokumen lain\" [SP030]"}},
		{"SP031 neither the service nor its OPD says how complaints are handled", map[string]string{opd: opdTOML[:strings.Index(opdTOML, "\n[penanganan_pengaduan]")]},
			[]string{opd + ":1:1: peringatan: OPD dan layanannya tidak menyebut cara pengaduan ditangani dan waktu tanggapannya [SP031]"}},
		// An OPD without a Maklumat is still told about its complaint handling: a real
		// standard (corpus 01, Kota Metro) lists nine channels, no Maklumat and no handling.
		{"SP031 on an OPD without a Maklumat", map[string]string{opd: opdTOML[:strings.Index(opdTOML, "\n[maklumat]")]},
			[]string{
				opd + ":1:1: galat: OPD belum punya Maklumat Pelayanan [SP012]",
				opd + ":1:1: peringatan: OPD dan layanannya tidak menyebut cara pengaduan ditangani dan waktu tanggapannya [SP031]",
			}},
		{"SP011 on an OPD without a Maklumat", map[string]string{
			"site.toml": strings.Replace(siteTOML, "[[pengaduan]]\njenis = \"lapor\"\nnilai = \"https://www.lapor.go.id\"\n", "", 1),
			opd:         opdTOML[:strings.Index(opdTOML, "\n[maklumat]")] + "\n[penanganan_pengaduan]\nuraian = \"Dicatat.\"\nwaktu_respons = \"5 hari kerja\"\n\n[[pengaduan]]\njenis = \"kotak-saran\"\n"},
			[]string{
				opd + ":1:1: galat: OPD belum punya Maklumat Pelayanan [SP012]",
				opd + ":10:3: peringatan: tidak ada saluran SP4N-LAPOR! (jenis = \"lapor\") [SP011]",
			}},
		{"SP031 names the response time missing", map[string]string{opd: replace(opdTOML, "waktu_respons = \"paling lama 5 hari kerja\"\n", "")},
			[]string{opd + ":11:2: peringatan: OPD dan layanannya tidak menyebut waktu tanggapan pengaduan [SP031]"}},
		{"SP031 passes with a channel's response time", map[string]string{
			opd: replace(opdTOML, "waktu_respons = \"paling lama 5 hari kerja\"\n", "") + "\n[[pengaduan]]\njenis = \"lapor\"\nnilai = \"https://www.lapor.go.id\"\nwaktu_respons = \"3 hari kerja\"\n"}, nil},
		{"SP031 on the service whose own table leaves out the handling", map[string]string{
			opd: opdTOML[:strings.Index(opdTOML, "\n[penanganan_pengaduan]")],
			svc: serviceTOML + "\n[penanganan_pengaduan]\nwaktu_respons = \"paling lama 3 hari kerja\"\n"},
			[]string{svc + ":51:2: peringatan: layanan tidak menyebut cara pengaduan ditangani [SP031]"}},
		{"SP031 passes a service's table completed by its OPD's", map[string]string{
			opd: replace(opdTOML, "waktu_respons = \"paling lama 5 hari kerja\"\n", ""),
			svc: serviceTOML + "\n[penanganan_pengaduan]\nwaktu_respons = \"paling lama 3 hari kerja\"\n"}, nil},
		{"site.toml raises, lowers and switches off rules", map[string]string{
			"site.toml": siteTOML + "\n[kepatuhan.aturan]\nSP016 = \"galat\"\nSP020 = \"mati\"\nSP015 = \"peringatan\"\n",
			svc:         serviceTOML[:strings.Index(serviceTOML, "[[pelayanan_khusus]]")],
			opd:         replace(replace(opdTOML, "moto = \"Melayani dengan hati\"\n", ""), "dan siap menerima sanksi apabila tidak menepati janji ini", "dengan sepenuh hati"),
		}, []string{
			opd + ":6:1: peringatan: Maklumat Pelayanan tidak memuat kesediaan menerima sanksi [SP015]",
			svc + ":1:1: galat: layanan tidak menyebut pelayanan khusus bagi kelompok rentan [SP016]",
		}},
		{"site.toml names an unknown rule", map[string]string{
			"site.toml": siteTOML + "\n[kepatuhan.aturan]\nSP099 = \"mati\"\nSP001 = \"mati\"\nSP002 = \"kadang\"\n",
		}, []string{
			"site.toml:9:1: galat: aturan \"SP099\" tidak dikenal",
			"site.toml:10:1: galat: aturan SP001 tidak dapat diubah",
			"site.toml:11:1: galat: aturan SP002 bernilai \"kadang\", yang tidak dikenal",
		}},
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

func TestRulebookIsComplete(t *testing.T) {
	// The loader tags its problems with these IDs (content/decode.go, standard/validate.go).
	for _, id := range []string{"SP001", standard.RuleFeeLegalBasis} {
		if r, ok := rules.ByID(id); !ok || !r.Loader {
			t.Errorf("%s: want a loader rule, got %+v", id, r)
		}
	}
	// IDs are SP001, SP002, … in order with none skipped, so --rules reads as a list.
	for i, r := range rules.Rulebook {
		if want := fmt.Sprintf("SP%03d", i+1); r.ID != want {
			t.Errorf("rule %d has ID %s, want %s", i, r.ID, want)
		}
		if r.Message == "" || r.Explain == "" || r.Source == "" || r.Field == "" || r.Title == "" {
			t.Errorf("%s: incomplete rule %+v", r.ID, r)
		}
	}
}

func TestRupiah(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{{0, "Rp0"}, {999, "Rp999"}, {1000, "Rp1.000"}, {150000, "Rp150.000"}, {1_000_000_000, "Rp1.000.000.000"},
		{-25000, "-Rp25.000"}, {9223372036854775807, "Rp9.223.372.036.854.775.807"}} {
		if got := rules.Rupiah(tt.n); got != tt.want {
			t.Errorf("Rupiah(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestZones(t *testing.T) {
	for _, tt := range []struct {
		figure float64
		zone   string
	}{{100, "hijau"}, {81, "hijau"}, {80.99, "kuning"}, {51, "kuning"}, {50.99, "merah"}, {0, "merah"}} {
		if got := rules.ZoneOf(tt.figure); got != tt.zone {
			t.Errorf("ZoneOf(%v) = %q, want %q", tt.figure, got, tt.zone)
		}
	}
}

func TestAssess(t *testing.T) {
	fsys := siteWith(map[string]string{
		// A second service at level 1: no SK, no management texts beyond one.
		"content/dinas/kedua.toml": "nama = \"Kedua\"\n\n[[persyaratan]]\nnama = \"KTP\"\n\n[[prosedur]]\nuraian = \"Serahkan\"\npelaksana = \"Pemohon\"\n\n[jangka_waktu]\nnilai = 1\nsatuan = \"hari kerja\"\ndihitung_sejak = \"lengkap\"\n\n[[biaya]]\nuraian = \"Biaya\"\ngratis = true\n\n[[produk]]\nnama = \"Surat\"\n",
		opd:                        replace(opdTOML, "moto = \"Melayani dengan hati\"\n", ""),
	})
	site, ps, err := content.Load(context.Background(), fsys)
	if err != nil || site == nil {
		t.Fatal(err, ps)
	}
	cfg := rules.ConfigFrom(site.Config.Compliance)
	d := rules.Assess(site, cfg, today, rules.Check(site, cfg, today))
	if len(d.OPDs) != 1 {
		t.Fatalf("OPDs = %d", len(d.OPDs))
	}
	o := d.OPDs[0]
	levels := []int{o.Services[0].Level, o.Services[1].Level}
	if levels[0] != 1 || levels[1] != 5 { // sorted by name: Kedua, Layanan Uji
		t.Errorf("levels = %v, want [1 5]", levels)
	}
	if s := o.Services[0]; s.Published != 6 || s.Total != 6 {
		t.Errorf("kedua: published %d total %d, want 6 and 6", s.Published, s.Total)
	}
	// 60×(1+5)/2/5 = 36; Maklumat 15; profile 4+3 = 7; pelayanan khusus 10×½ = 5; LAPOR 5.
	if got, want := o.Figure, 68.0; got != want {
		t.Errorf("figure = %v, want %v", got, want)
	}
	if o.Zone != rules.ZoneYellow || o.Errors != 0 || o.Warnings != 6 {
		t.Errorf("zone %q errors %d warnings %d, want kuning 0 6", o.Zone, o.Errors, o.Warnings)
	}
}

// TestDocsListEveryRule keeps docs/rules.md in step with the rulebook.
func TestDocsListEveryRule(t *testing.T) {
	doc, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.Rulebook {
		sev := r.Severity.String()
		if r.Loader {
			sev += " (dimuat)"
		}
		if row := "| " + r.ID + " | " + sev + " |"; !strings.Contains(string(doc), row) {
			t.Errorf("docs/rules.md lacks a row starting %q", row)
		}
	}
}

// TestPublicAndManagementScores: the public score follows what the standard tells the
// public — each delivery component present and specific — apart from the management
// components, which only the management score and the level follow.
func TestPublicAndManagementScores(t *testing.T) {
	withoutManagement := serviceTOML[strings.Index(serviceTOML, "\n[sk]"):]
	tests := []struct {
		name               string
		service            string
		public, management int
		missing            []string
		unspecific         []string
		level              int
	}{
		{"a complete standard", serviceTOML, 100, 100, nil, nil, 5},
		{"every delivery component and no management component", "nama = \"Layanan Uji\"\n" + withoutManagement[:strings.Index(withoutManagement, "[[dasar_hukum]]")],
			100, 0, []string{"dasar_hukum", "sarana_prasarana", "kompetensi_pelaksana", "pengawasan_internal", "jumlah_pelaksana", "jaminan_pelayanan", "jaminan_keamanan_keselamatan", "evaluasi_kinerja"}, nil, 1},
		{"a vague fee is present but not specific", replace(serviceTOML, "gratis = true", "gratis = true\nketerangan = \"Seikhlasnya\""), 92, 100, nil, []string{"biaya"}, 1},
		{"a duration without its starting point is not specific", replace(serviceTOML, "dihitung_sejak = \"berkas dinyatakan lengkap\"\n", ""), 92, 100, nil, []string{"jangka_waktu"}, 5},
		{"a product left out", replace(serviceTOML, "[[produk]]\nnama = \"Surat Keterangan\"\n", ""), 83, 100, []string{"produk"}, nil, 1},
		{"one management text left out", replace(serviceTOML, "evaluasi_kinerja = \"Setiap tahun.\"\n", ""), 100, 88, []string{"evaluasi_kinerja"}, nil, 1},
		{"nothing but the site's complaint channel", "nama = \"Layanan Uji\"\n", 17, 0,
			[]string{"persyaratan", "prosedur", "jangka_waktu", "biaya", "produk", "dasar_hukum", "sarana_prasarana", "kompetensi_pelaksana", "pengawasan_internal", "jumlah_pelaksana", "jaminan_pelayanan", "jaminan_keamanan_keselamatan", "evaluasi_kinerja"}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, ps, err := content.Load(context.Background(), siteWith(map[string]string{svc: tt.service}))
			if err != nil || site == nil || ps.Errors() > 0 {
				t.Fatal(err, ps)
			}
			cfg := rules.ConfigFrom(site.Config.Compliance)
			d := rules.Assess(site, cfg, today, rules.Check(site, cfg, today))
			s := d.OPDs[0].Services[0]
			if s.Public != tt.public || s.Management != tt.management || s.Level != tt.level {
				t.Errorf("public %d, management %d, level %d; want %d, %d, %d", s.Public, s.Management, s.Level, tt.public, tt.management, tt.level)
			}
			if strings.Join(s.Missing, " ") != strings.Join(tt.missing, " ") || strings.Join(s.Unspecific, " ") != strings.Join(tt.unspecific, " ") {
				t.Errorf("missing %v, unspecific %v; want %v, %v", s.Missing, s.Unspecific, tt.missing, tt.unspecific)
			}
			if o := d.OPDs[0]; o.Public != float64(tt.public) || o.Management != float64(tt.management) {
				t.Errorf("OPD public %v, management %v; want the service's", o.Public, o.Management)
			}
		})
	}
}

// TestDraftsCountInNoFigure: a draft is listed with its score, but its OPD's figures are
// those of the standards it publishes.
func TestDraftsCountInNoFigure(t *testing.T) {
	fsys := siteWith(map[string]string{"content/dinas/konsep.toml": "draf = true\nnama = \"Konsep\"\n"})
	site, ps, err := content.Load(context.Background(), fsys)
	if err != nil || site == nil {
		t.Fatal(err, ps)
	}
	cfg := rules.ConfigFrom(site.Config.Compliance)
	d := rules.Assess(site, cfg, today, rules.Check(site, cfg, today))
	o := d.OPDs[0]
	if len(o.Services) != 2 || !o.Services[0].Draft || o.Services[0].Public != 17 || o.Drafts != 1 {
		t.Fatalf("services %+v, drafts %d", o.Services, o.Drafts)
	}
	// Only "Layanan Uji" counts: level 5, public and management 100; Maklumat 15,
	// profile 10, pelayanan khusus 10, LAPOR 5.
	if o.MeanLevel != 5 || o.Public != 100 || o.Management != 100 || o.Figure != 100 {
		t.Errorf("mean level %v, public %v, management %v, figure %v; want 5, 100, 100, 100", o.MeanLevel, o.Public, o.Management, o.Figure)
	}
	if o.Errors != 0 {
		t.Errorf("the draft's findings hold %d galat", o.Errors)
	}
}

// TestEveryRuleSaysWhatThePublicMisses: the dashboard shows each finding as Rule.Public, a
// sentence for a citizen, so every rule has one, and none speaks an editor's language
// (keys, tables, files, markup), which `papan check` keeps.
func TestEveryRuleSaysWhatThePublicMisses(t *testing.T) {
	editorWords := []string{"`", "=", "[", "]", ".toml", "_", "galat", "peringatan", "papan "}
	check := func(name, text string) {
		t.Helper()
		if text == "" {
			t.Errorf("%s: no citizen wording", name)
			return
		}
		for _, w := range editorWords {
			if strings.Contains(text, w) {
				t.Errorf("%s: citizen wording %q holds %q, an editor's word", name, text, w)
			}
		}
		if strings.HasSuffix(text, ".") {
			t.Errorf("%s: citizen wording %q ends with a full stop; the page adds its own", name, text)
		}
	}
	for _, r := range rules.Rulebook {
		check(r.ID, r.Public)
	}
	for _, key := range []string{"persyaratan", "prosedur", "jangka_waktu", "biaya", "produk", "pengaduan"} {
		check("MissingPublic["+key+"]", rules.MissingPublic[key])
	}
	if got, want := len(rules.MissingPublic), 6; got != want {
		t.Errorf("MissingPublic has %d components, want %d (the delivery components)", got, want)
	}
}
