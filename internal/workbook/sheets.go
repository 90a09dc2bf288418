// Package workbook moves standards between a Papan site and an Excel workbook, the form
// a Bagian Organisasi hands to its OPDs and SIPPN's bulk entry takes: papan ekspor xlsx
// writes one, papan impor xlsx reads one back into content files.
//
// # The workbook
//
// A sheet of instructions (Petunjuk), a sheet of the site (Situs, read only when the
// site has no site.toml yet), a sheet of OPDs keyed by slug, a sheet of services keyed
// by OPD and slug (Layanan), and one long sheet per repeated component, each row keyed by
// OPD and service: Persyaratan, Prosedur, Hasil Keputusan, Jangka Waktu, Biaya, Produk,
// Pengaduan, Dasar Hukum, Pelayanan Khusus, Jam Layanan. Items keep the order of their
// rows. Headers are Indonesian and name the TOML key in brackets; every fixed list of
// values is a drop-down (data validation). Columns are found by their header, so they
// may be moved.
//
// # Import
//
// Import turns every service and OPD into the TOML an editor would type and loads it
// with the same loader papan check uses, so the files pass papan check exactly as if
// typed. Every problem — a cell that is not a number or a date, a row for a service
// that has no row in Layanan, a loader galat — is reported as Sheet!Cell: message, all
// at once; nothing is written when any is a galat. An existing file is not replaced
// unless asked (Options.Overwrite), and then the old one is kept in a backup folder.
package workbook

import (
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// kind is how a column's cells are read and written.
type kind int

const (
	text   kind = iota // one line of text
	long               // text of several lines, Markdown where the key takes it
	number             // a whole number
	day                // a date, YYYY-MM-DD
	yesno              // "ya" or empty
	lines              // a list, one item a line, always a TOML array
	texts              // a list, one item a line, a string when there is one (standard.Texts)
)

// column is one column of a sheet.
type column struct {
	key   string // the TOML key, dotted for a table of the file: "sk.nomor"
	head  string // the header, in Indonesian
	kind  kind
	list  []string // the values a drop-down offers, when fixed
	width float64
}

// Header returns the header cell of c: its Indonesian name and its TOML key.
func (c column) header() string { return c.head + " [" + c.key + "]" }

// sheet is one sheet of the workbook: the key columns its rows are keyed by, then its
// fields. array is the TOML array of tables its rows become ("persyaratan"), "" for
// Layanan, OPD and Situs.
type sheet struct {
	name  string
	array string
	keys  []column
	cols  []column
	note  string // one line for the instructions
}

const (
	sheetGuide    = "Petunjuk"
	sheetSite     = "Situs"
	sheetOPD      = "OPD"
	sheetServices = "Layanan"
	sheetOutcomes = "Hasil Keputusan"
	sheetSteps    = "Prosedur"
	sheetChannels = "Pengaduan"
	sheetHours    = "Jam Layanan"
)

// Key columns.
var (
	keyOPD     = column{key: "opd", head: "OPD", width: 18}
	keyService = column{key: "layanan", head: "Layanan", width: 24}
	keyStep    = column{key: "no", head: "No", kind: number, width: 6}
	keyOfStep  = column{key: "langkah", head: "No langkah", kind: number, width: 10}
)

var (
	yes           = []string{"ya", "tidak"}
	channelKinds  []string
	durationUnits []string
)

func init() {
	for _, k := range standard.ChannelKinds {
		channelKinds = append(channelKinds, string(k))
	}
	for _, u := range standard.DurationUnits {
		durationUnits = append(durationUnits, string(u))
	}
}

func contactCols(prefix string) []column {
	return []column{
		{key: prefix + ".alamat", head: "Alamat kontak", kind: long, width: 30},
		{key: prefix + ".telepon", head: "Telepon", width: 16},
		{key: prefix + ".faks", head: "Faks", width: 16},
		{key: prefix + ".whatsapp", head: "WhatsApp", width: 16},
		{key: prefix + ".email", head: "Email", width: 24},
		{key: prefix + ".situs", head: "Situs web", width: 24},
	}
}

// sheets returns every data sheet, in the order of the workbook.
func sheets() []sheet {
	return []sheet{
		{name: sheetSite, note: "satu baris: data situs; dipakai hanya bila folder situs belum punya site.toml",
			cols: append([]column{
				{key: "judul", head: "Judul situs", width: 36},
				{key: "wilayah", head: "Wilayah", width: 20},
				{key: "kode_wilayah", head: "Kode wilayah Kemendagri", width: 14},
				{key: "base_url", head: "Alamat situs", width: 30},
				{key: "deskripsi", head: "Deskripsi", kind: long, width: 40},
			}, contactCols("kontak")...)},
		{name: sheetOPD, note: "satu baris per OPD; kolom OPD adalah slug (nama folder), misalnya dukcapil",
			keys: []column{keyOPD},
			cols: append(append([]column{
				{key: "nama", head: "Nama OPD", width: 36},
				{key: "singkatan", head: "Singkatan", width: 12},
				{key: "urutan", head: "Urutan", kind: number, width: 8},
				{key: "alamat", head: "Alamat kantor", kind: long, width: 36},
				{key: "kepala", head: "Kepala", width: 24},
				{key: "visi", head: "Visi", kind: long, width: 36},
				{key: "misi", head: "Misi (satu per baris)", kind: lines, width: 36},
				{key: "moto", head: "Moto", width: 24},
			}, contactCols("kontak")...),
				column{key: "maklumat.teks", head: "Maklumat pelayanan", kind: long, width: 40},
				column{key: "maklumat.penanda_tangan", head: "Penanda tangan maklumat", width: 24},
				column{key: "maklumat.jabatan", head: "Jabatan penanda tangan", width: 24},
				column{key: "maklumat.tanggal", head: "Tanggal maklumat", kind: day, width: 12},
				column{key: "penanganan_pengaduan.uraian", head: "Penanganan pengaduan", kind: long, width: 36},
				column{key: "penanganan_pengaduan.waktu_respons", head: "Waktu respons pengaduan", width: 24},
			)},
		{name: sheetHours, array: "jam_layanan", note: "jam layanan setiap OPD, satu baris per baris jam",
			keys: []column{keyOPD},
			cols: []column{
				{key: "hari", head: "Hari", width: 20},
				{key: "jam", head: "Jam", width: 24},
			}},
		{name: sheetServices, note: "satu baris per layanan (SIPPN: deskripsi layanan); kolom Layanan adalah slug (nama berkas), misalnya ktp-el",
			keys: []column{keyOPD, keyService},
			cols: []column{
				{key: "nama", head: "Nama layanan", width: 36},
				{key: "kategori", head: "Kategori", width: 24},
				{key: "ringkasan", head: "Ringkasan", kind: long, width: 40},
				{key: "kata_kunci", head: "Kata kunci (satu per baris)", kind: lines, width: 24},
				{key: "tautan_daring", head: "Tautan layanan daring", width: 30},
				{key: "lokasi", head: "Lokasi", kind: long, width: 30},
				{key: "draf", head: "Draf", kind: yesno, list: yes, width: 8},
				{key: "diperbarui", head: "Diperbarui", kind: day, width: 12},
				{key: "sk.nomor", head: "Nomor SK", width: 24},
				{key: "sk.tanggal", head: "Tanggal SK", kind: day, width: 12},
				{key: "sk.konsultasi_publik", head: "Tanggal konsultasi publik", kind: day, width: 12},
				{key: "sk.evaluasi_terakhir", head: "Tanggal evaluasi terakhir", kind: day, width: 12},
				{key: "penanganan_pengaduan.uraian", head: "Penanganan pengaduan", kind: long, width: 36},
				{key: "penanganan_pengaduan.waktu_respons", head: "Waktu respons pengaduan", width: 24},
				{key: "sarana_prasarana", head: "Sarana, prasarana dan/atau fasilitas", kind: long, width: 36},
				{key: "kompetensi_pelaksana", head: "Kompetensi pelaksana", kind: long, width: 36},
				{key: "pengawasan_internal", head: "Pengawasan internal", kind: long, width: 36},
				{key: "jumlah_pelaksana", head: "Jumlah pelaksana", kind: long, width: 36},
				{key: "jaminan_pelayanan", head: "Jaminan pelayanan", kind: long, width: 36},
				{key: "jaminan_keamanan_keselamatan", head: "Jaminan keamanan dan keselamatan", kind: long, width: 36},
				{key: "evaluasi_kinerja", head: "Evaluasi kinerja pelaksana", kind: long, width: 36},
			}},
		{name: "Persyaratan", array: "persyaratan", note: "satu baris per persyaratan (SIPPN: persyaratan)",
			keys: []column{keyOPD, keyService},
			cols: []column{
				{key: "kasus", head: "Kasus", width: 24},
				{key: "nama", head: "Persyaratan", kind: long, width: 40},
				{key: "bentuk", head: "Bentuk", list: standard.RequirementForms, width: 16},
				{key: "jenis", head: "Jenis", list: standard.RequirementKinds, width: 14},
				{key: "jumlah", head: "Jumlah", kind: number, width: 8},
				{key: "jika", head: "Jika", width: 24},
				{key: "atau", head: "Kelompok atau", width: 12},
				{key: "keterangan", head: "Keterangan", kind: long, width: 30},
			}},
		{name: sheetSteps, array: "prosedur", note: "satu baris per langkah, berurutan (SIPPN: prosedur); No adalah nomor baris langkah dalam layanannya, dirujuk lembar Hasil Keputusan",
			keys: []column{keyOPD, keyService, keyStep},
			cols: []column{
				{key: "kanal", head: "Kanal", width: 14},
				{key: "tahap", head: "Tahap", width: 18},
				{key: "jika", head: "Jika", width: 20},
				{key: "uraian", head: "Uraian langkah", kind: long, width: 40},
				{key: "pelaksana", head: "Pelaksana (satu per baris)", kind: texts, width: 24},
				{key: "waktu", head: "Waktu (mis. 15 menit, 1-3 hari kerja)", width: 16},
				{key: "keputusan", head: "Keputusan", width: 20},
				{key: "jika_tidak", head: "Jika tidak", width: 24},
				{key: "kembali_ke", head: "Kembali ke langkah", kind: number, width: 10},
			}},
		{name: sheetOutcomes, array: "hasil", note: "cabang keputusan satu per satu; No langkah merujuk kolom No lembar Prosedur",
			keys: []column{keyOPD, keyService, keyOfStep},
			cols: []column{
				{key: "jika", head: "Jika", width: 28},
				{key: "maka", head: "Maka", kind: long, width: 36},
				{key: "kembali_ke", head: "Kembali ke langkah", kind: number, width: 10},
				{key: "selesai", head: "Selesai", kind: yesno, list: yes, width: 8},
			}},
		{name: "Jangka Waktu", array: "jangka_waktu", note: "satu baris per jangka waktu; beri label bila lebih dari satu (SIPPN: waktu penyelesaian)",
			keys: []column{keyOPD, keyService},
			cols: []column{
				{key: "label", head: "Label", width: 24},
				{key: "nilai", head: "Nilai", kind: number, width: 8},
				{key: "paling_lama", head: "Paling lama", kind: number, width: 10},
				{key: "satuan", head: "Satuan", list: durationUnits, width: 14},
				{key: "dihitung_sejak", head: "Dihitung sejak", width: 30},
				{key: "keterangan", head: "Keterangan", kind: long, width: 30},
			}},
		{name: "Biaya", array: "biaya", note: "satu baris per biaya; isi tepat satu dari gratis, tarif, tarif min dan maks, atau ketentuan (SIPPN: biaya)",
			keys: []column{keyOPD, keyService},
			cols: []column{
				{key: "uraian", head: "Uraian biaya", kind: long, width: 36},
				{key: "gratis", head: "Gratis", kind: yesno, list: yes, width: 8},
				{key: "tarif", head: "Tarif (Rp)", kind: number, width: 12},
				{key: "tarif_min", head: "Tarif min (Rp)", kind: number, width: 12},
				{key: "tarif_maks", head: "Tarif maks (Rp)", kind: number, width: 12},
				{key: "ketentuan", head: "Ketentuan", kind: long, width: 30},
				{key: "dasar_hukum", head: "Dasar hukum (id)", width: 16},
				{key: "keterangan", head: "Keterangan", kind: long, width: 30},
			}},
		{name: "Produk", array: "produk", note: "satu baris per produk layanan",
			keys: []column{keyOPD, keyService},
			cols: []column{
				{key: "nama", head: "Produk", width: 36},
				{key: "bentuk", head: "Bentuk", list: standard.ProductForms, width: 18},
				{key: "keterangan", head: "Keterangan", kind: long, width: 30},
			}},
		{name: sheetChannels, array: "pengaduan", note: "saluran pengaduan; Layanan kosong: saluran OPD; OPD dan Layanan kosong: saluran seluruh situs",
			keys: []column{keyOPD, keyService},
			cols: []column{
				{key: "jenis", head: "Jenis", list: channelKinds, width: 14},
				{key: "nilai", head: "Nilai (satu per baris)", kind: texts, width: 28},
				{key: "jam", head: "Jam", width: 20},
				{key: "waktu_respons", head: "Waktu respons", width: 24},
				{key: "keterangan", head: "Keterangan", kind: long, width: 30},
			}},
		{name: "Dasar Hukum", array: "dasar_hukum", note: "satu baris per dasar hukum; id dirujuk kolom Dasar hukum lembar Biaya",
			keys: []column{keyOPD, keyService},
			cols: []column{
				{key: "id", head: "Id", width: 16},
				{key: "jenis", head: "Jenis peraturan", width: 24},
				{key: "nomor", head: "Nomor", width: 8},
				{key: "tahun", head: "Tahun", kind: number, width: 8},
				{key: "judul", head: "Tentang", kind: long, width: 40},
				{key: "tautan", head: "Tautan", width: 24},
				{key: "mengubah", head: "Mengubah (id, satu per baris)", kind: texts, width: 16},
			}},
		{name: "Pelayanan Khusus", array: "pelayanan_khusus", note: "pelayanan khusus bagi kelompok rentan",
			keys: []column{keyOPD, keyService},
			cols: []column{
				{key: "kelompok", head: "Kelompok", width: 24},
				{key: "uraian", head: "Uraian", kind: long, width: 40},
			}},
	}
}

// splitLines splits a cell of a list column into its items, dropping blank lines.
func splitLines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}
