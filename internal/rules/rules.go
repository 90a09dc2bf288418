// Package rules is Papan's rulebook: the checks a complete and sound Standar Pelayanan
// passes, each tied to the regulation or assessment it comes from, and the self-assessment
// score built on them (score.go).
//
// # Rules
//
// Every rule has a stable ID (SP001…), a default severity, a one-line message in
// Indonesian, an explanation naming its source, and the key path it points at. Check runs
// them over a loaded site and returns problems with Rule and Path set; content.Locate turns
// the paths into line and column. A finding about a missing field points at the table that
// should hold it, or at the file ("" path).
//
// A few rules (Rule.Loader) are also structural: the loader refuses the content (a
// delivery component written without a key it cannot do without, a paid fee with no legal
// basis), so the site is never published with them. Those are found by package content
// and tagged with the rule's ID there; Check does not repeat them, and site.toml cannot
// switch them off. A component left out altogether is not refused: pages say it is not
// stated, and SP021 reports it, a galat (a peringatan in a draft; see MissingSeverity).
//
// # Tuning
//
// site.toml's [kepatuhan] table raises, lowers or switches off rules (aturan), sets the
// evaluation age limit (batas_evaluasi_bulan) and the date rules compare with (hari_ini).
// CheckConfig validates it.
//
// The package depends on package standard, and on package scaffold for the sample texts
// SP022 recognises.
package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// Rule is one entry of the rulebook.
type Rule struct {
	ID       string
	Severity standard.Severity // default
	Title    string            // short name, for lists and SARIF
	// Public says, in words a citizen understands, what the finding leaves out for the
	// public ("Biaya layanan belum dicantumkan"), with no key or file: the dashboard
	// shows it, and leaves how to fix it to `papan check`.
	Public  string
	Message string // the one-line message (a template: findings fill in details)
	Explain string // why it matters, in Indonesian
	Source  string // the regulation or assessment it comes from
	Field   string // the key it points at, as an editor reads it
	Loader  bool   // found by the loader; always galat, cannot be tuned
}

// Rulebook lists every rule in ID order.
var Rulebook = []Rule{
	{ID: "SP001", Severity: standard.Error, Loader: true, Title: "komponen penyampaian ditulis tidak lengkap",
		Public:  "Sebagian informasi layanan ditulis tidak lengkap",
		Message: "`…` pada [[persyaratan]] / [jangka_waktu] / [[biaya]] / [[produk]] wajib diisi",
		Explain: "Komponen penyampaian yang dicantumkan harus utuh: persyaratan dan produk bernama, jangka waktu dengan nilai dan satuan, biaya dengan uraian dan salah satu dari gratis, tarif, rentang tarif, atau ketentuan. Komponen yang belum dicantumkan sama sekali dilaporkan oleh SP021.",
		Source:  "PermenPAN-RB 15/2014; PEKPPP (PermenPAN-RB 29/2022): \"wajib dipublikasikan\"", Field: "persyaratan[].nama, jangka_waktu.nilai, jangka_waktu.satuan, biaya[].uraian, biaya[] (gratis/tarif/tarif_min+tarif_maks/ketentuan), produk[].nama"},
	{ID: "SP002", Severity: standard.Warning, Title: "komponen pengelolaan belum lengkap",
		Public:  "Sebagian keterangan pengelolaan layanan (dasar hukum, sarana, petugas, jaminan, evaluasi) belum dicantumkan",
		Message: "komponen pengelolaan belum diisi: …",
		Explain: "Standar pelayanan memuat 14 komponen; PEKPPP memberi tingkat 2 hanya bila keempat belasnya ada.",
		Source:  "PermenPAN-RB 15/2014; PEKPPP tingkat 2", Field: "dasar_hukum, sarana_prasarana, … (berkas layanan)"},
	{ID: "SP003", Severity: standard.Error, Loader: true, Title: "tarif tanpa dasar hukum",
		Public:  "Biaya yang dipungut belum menyebut peraturan yang menjadi dasarnya",
		Message: "tarif Rp… / rentang tarif / ketentuan biaya tidak menyebut dasar hukum / merujuk dasar hukum yang tidak ada",
		Explain: "Biaya yang dipungut (tarif, rentang tarif, atau ketentuan) wajib punya dasar hukum (misalnya Perda retribusi) yang dapat diperiksa warga; rujukan yang tidak ada sama dengan tanpa dasar hukum.",
		Source:  "UU 25/2009 Pasal 21 (komponen biaya/tarif); PermenPAN-RB 15/2014", Field: "biaya[].dasar_hukum"},
	{ID: "SP004", Severity: standard.Error, Title: "tarif ditulis samar",
		Public:  "Biaya ditulis samar, tanpa jumlah yang pasti",
		Message: "`uraian`/`keterangan` pada [[biaya]] memakai kata samar %q",
		Explain: "Biaya harus berupa jumlah rupiah atau pernyataan gratis yang tegas; kata seperti \"seikhlasnya\", \"sesuai ketentuan\" atau \"bervariasi\" membuka ruang pungutan liar.",
		Source:  "PermenPAN-RB 15/2014 (komponen biaya/tarif); Ombudsman RI, penilaian kepatuhan", Field: "biaya[].uraian, biaya[].keterangan"},
	{ID: "SP005", Severity: standard.Warning, Title: "langkah prosedur tanpa pelaksana",
		Public:  "Ada langkah pengurusan yang tidak menyebut siapa yang mengerjakannya",
		Message: "[[prosedur]] ke-… tidak menyebut pelaksana",
		Explain: "Prosedur adalah langkah bernomor, masing-masing dengan pelaksananya, agar warga tahu siapa mengerjakan apa. Langkah yang pelaksananya tidak disebut standar tetap dimuat, dan halaman menulis bahwa pelaksananya tidak disebut; jangan mengarang pelaksana.",
		Source:  "PermenPAN-RB 15/2014 (sistem, mekanisme dan prosedur)", Field: "prosedur[].pelaksana"},
	{ID: "SP006", Severity: standard.Error, Title: "gambar tanpa teks alternatif",
		Public:  "Ada gambar tanpa keterangan teks bagi pengguna pembaca layar",
		Message: "gambar %q tidak punya teks alternatif",
		Explain: "Pembaca layar tidak dapat membacakan gambar tanpa teks alternatif; informasi pelayanan wajib dapat diakses penyandang disabilitas.",
		Source:  "UU 8/2016; PermenPAN-RB 11/2024; WCAG 2.1 SC 1.1.1", Field: "setiap teks Markdown"},
	{ID: "SP007", Severity: standard.Warning, Title: "jangka waktu tanpa titik mulai",
		Public:  "Lama penyelesaian tidak menyebut sejak kapan dihitung",
		Message: "jangka waktu tidak menyebut sejak kapan dihitung",
		Explain: "Jangka waktu dihitung sejak berkas dinyatakan lengkap; tanpa titik mulai warga tidak dapat menagih janji waktu.",
		Source:  "PermenPAN-RB 15/2014 (jangka waktu pelayanan)", Field: "jangka_waktu.dihitung_sejak"},
	{ID: "SP008", Severity: standard.Warning, Title: "jam buka ditulis sebagai jangka waktu",
		Public:  "Jam buka kantor ditulis sebagai lama penyelesaian",
		Message: "jangka waktu berisi jam buka kantor (%q)",
		Explain: "Jam buka kantor bukan jangka waktu pelayanan. Tulis jam buka di jam_layanan OPD, dan lama penyelesaian di jangka_waktu.",
		Source:  "PermenPAN-RB 15/2014 (jangka waktu pelayanan)", Field: "jangka_waktu.keterangan, jangka_waktu.dihitung_sejak"},
	{ID: "SP009", Severity: standard.Warning, Title: "langkah lebih lama dari jangka waktu",
		Public:  "Waktu langkah-langkah pengurusan melebihi lama penyelesaian yang dijanjikan",
		Message: "jumlah waktu langkah prosedur (%s) melebihi jangka waktu layanan (%s)",
		Explain: "Jika langkah-langkah prosedur bersama-sama memakan waktu lebih lama daripada jangka waktu yang dijanjikan, salah satunya keliru.",
		Source:  "PermenPAN-RB 15/2014 (prosedur dan jangka waktu)", Field: "jangka_waktu.nilai"},
	{ID: "SP010", Severity: standard.Error, Title: "tidak ada saluran pengaduan",
		Public:  "Belum ada saluran pengaduan",
		Message: "layanan tidak punya saluran pengaduan",
		Explain: "Penanganan pengaduan, saran dan masukan adalah komponen penyampaian yang wajib dipublikasikan. Saluran boleh ditulis di layanan, di _opd.toml, atau di site.toml.",
		Source:  "UU 25/2009 Pasal 36; PermenPAN-RB 15/2014; Ombudsman RI dimensi Pengaduan", Field: "pengaduan"},
	{ID: "SP011", Severity: standard.Warning, Title: "tidak ada SP4N-LAPOR!",
		Public:  "Pengaduan melalui SP4N-LAPOR! belum dicantumkan",
		Message: "tidak ada saluran SP4N-LAPOR! (jenis = \"lapor\")",
		Explain: "Setiap penyelenggara wajib terhubung dengan SP4N-LAPOR!, sistem pengaduan pelayanan publik nasional.",
		Source:  "Perpres 76/2013 (pengelolaan pengaduan pelayanan publik, SP4N-LAPOR!); Ombudsman RI dimensi Pengaduan", Field: "pengaduan"},
	{ID: "SP012", Severity: MissingSeverity, Title: "OPD tanpa Maklumat Pelayanan",
		Public:  "Maklumat Pelayanan (janji layanan kantor) belum diterbitkan",
		Message: "OPD belum punya Maklumat Pelayanan",
		Explain: "Maklumat Pelayanan adalah janji tertulis penyelenggara untuk melayani sesuai standar; Ombudsman menilai keberadaannya dan isinya. Selama OPD belum menerbitkan standar pelayanan (belum ada layanan, atau semuanya draf) ini peringatan.",
		Source:  "UU 25/2009 Pasal 22; PermenPAN-RB 15/2014; Ombudsman RI dimensi Proses", Field: "[maklumat] (_opd.toml)"},
	{ID: "SP013", Severity: standard.Error, Title: "Maklumat tanpa penanda tangan",
		Public:  "Maklumat Pelayanan belum menyebut siapa yang menandatanganinya",
		Message: "Maklumat Pelayanan tidak menyebut penanda tangan",
		Explain: "Maklumat ditandatangani pimpinan penyelenggara; tanpa penanda tangan janji tidak mengikat siapa pun.",
		Source:  "PermenPAN-RB 15/2014 (Maklumat Pelayanan); Ombudsman RI", Field: "maklumat.penanda_tangan"},
	{ID: "SP014", Severity: standard.Error, Title: "Maklumat tanpa janji",
		Public:  "Maklumat Pelayanan belum memuat janji melayani sesuai standar",
		Message: "Maklumat Pelayanan tidak memuat janji melayani sesuai standar",
		Explain: "Maklumat berisi pernyataan kesanggupan (\"menyatakan sanggup\", \"berjanji\") menyelenggarakan pelayanan sesuai standar.",
		Source:  "PermenPAN-RB 15/2014 (Maklumat Pelayanan); Ombudsman RI", Field: "maklumat.teks"},
	{ID: "SP015", Severity: standard.Error, Title: "Maklumat tanpa klausul sanksi",
		Public:  "Maklumat Pelayanan belum memuat kesediaan menerima sanksi bila janji tidak ditepati",
		Message: "Maklumat Pelayanan tidak memuat kesediaan menerima sanksi",
		Explain: "Maklumat menyatakan kesediaan menerima sanksi bila pelayanan tidak sesuai standar.",
		Source:  "PermenPAN-RB 15/2014 (Maklumat Pelayanan); Ombudsman RI", Field: "maklumat.teks"},
	{ID: "SP016", Severity: standard.Warning, Title: "tidak ada pelayanan khusus",
		Public:  "Perlakuan khusus bagi penyandang disabilitas, lanjut usia, ibu hamil dan anak belum dicantumkan",
		Message: "layanan tidak menyebut pelayanan khusus bagi kelompok rentan",
		Explain: "Penyandang disabilitas, lanjut usia, ibu hamil dan anak berhak atas perlakuan khusus; standar menyebut bagaimana layanan ini memberikannya.",
		Source:  "UU 25/2009 Pasal 29; Ombudsman RI dimensi Proses", Field: "[[pelayanan_khusus]]"},
	{ID: "SP017", Severity: standard.Warning, Title: "tanpa SK penetapan",
		Public:  "Nomor dan tanggal keputusan yang menetapkan standar ini belum dicantumkan",
		Message: "standar belum menyebut nomor dan tanggal SK penetapannya",
		Explain: "Standar pelayanan ditetapkan dengan keputusan pimpinan unit; PEKPPP memberi tingkat 3 bila standar ditetapkan. SK yang menyebut salah satunya saja dilaporkan oleh SP028.",
		Source:  "PermenPAN-RB 15/2014; PEKPPP tingkat 3", Field: "sk.nomor, sk.tanggal"},
	{ID: "SP018", Severity: standard.Warning, Title: "tanpa konsultasi publik",
		Public:  "Belum tercatat bahwa standar ini disusun bersama masyarakat (konsultasi publik)",
		Message: "standar belum mencatat tanggal konsultasi publik",
		Explain: "Standar disusun bersama masyarakat melalui konsultasi publik; PEKPPP memberi tingkat 4 bila itu tercatat.",
		Source:  "UU 25/2009 Pasal 20 ayat 2; PEKPPP tingkat 4", Field: "sk.konsultasi_publik"},
	{ID: "SP019", Severity: standard.Warning, Title: "evaluasi terlalu lama",
		Public:  "Evaluasi berkala standar ini belum tercatat atau sudah lama",
		Message: "evaluasi terakhir standar (%s) sudah lebih dari %d bulan / standar belum mencatat tanggal evaluasi terakhir",
		Explain: "Standar dievaluasi secara berkala; PEKPPP memberi tingkat 5 bila pemantauan dan evaluasi dilakukan. Batasnya diatur dengan kepatuhan.batas_evaluasi_bulan (bawaan 12).",
		Source:  "PermenPAN-RB 15/2014; PEKPPP tingkat 5", Field: "sk.evaluasi_terakhir"},
	{ID: "SP020", Severity: standard.Warning, Title: "OPD tanpa visi, misi atau moto",
		Public:  "Visi, misi atau moto pelayanan kantor belum dicantumkan",
		Message: "OPD belum mencantumkan %s",
		Explain: "Ombudsman menilai keberadaan visi, misi dan moto pelayanan pada setiap unit.",
		Source:  "Ombudsman RI, Opini Pengawasan, dimensi Proses", Field: "visi, misi, moto (_opd.toml)"},
	{ID: "SP021", Severity: MissingSeverity, Title: "komponen pelayanan belum dicantumkan",
		Public:  "Sebagian informasi wajib (persyaratan, langkah pengurusan, lama penyelesaian, biaya atau hasil layanan) belum dicantumkan",
		Message: "komponen pelayanan belum dicantumkan: …",
		Explain: "Persyaratan, prosedur, jangka waktu, biaya/tarif dan produk wajib dipublikasikan; standar yang tidak memuatnya belum lengkap. Halaman layanan dan maklumat cetaknya menulis \"Belum dicantumkan dalam standar pelayanan ini\", bukan nilai karangan seperti \"Gratis\". Untuk standar yang masih disusun (draf = true, tidak diterbitkan) ini peringatan.",
		Source:  "UU 25/2009 Pasal 21; PermenPAN-RB 15/2014; PEKPPP (PermenPAN-RB 29/2022): \"wajib dipublikasikan\"", Field: "[[persyaratan]], [[prosedur]], [jangka_waktu], [[biaya]], [[produk]] (berkas layanan)"},
	{ID: "SP022", Severity: standard.Error, Title: "teks contoh belum diganti",
		Public:  "Ada teks contoh yang belum diganti dengan keterangan sebenarnya",
		Message: "teks contoh dari papan new belum diganti: …",
		Explain: "Berkas dari `papan new` memuat contoh dalam catatan (\"Tulis …, misalnya …\"). Contoh yang dibuka tanda #-nya tanpa diganti akan terbit sebagai fakta palsu.",
		Source:  "UU 25/2009 Pasal 21 (informasi pelayanan yang benar); PermenPAN-RB 15/2014", Field: "setiap teks"},
	{ID: "SP023", Severity: standard.Warning, Title: "tarif tidak masuk akal",
		Public:  "Tarif tertulis sangat besar dan perlu diperiksa ulang",
		Message: "tarif Rp… pada [[biaya]] ke-… melebihi Rp1.000.000.000",
		Explain: "Tarif setinggi ini hampir selalu salah ketik (nol berlebih). Retribusi yang sah, misalnya PBG bangunan besar, mencapai ratusan juta rupiah; tarif di atas Rp1 miliar perlu diperiksa lagi dengan dasar hukumnya sebelum dipublikasikan.",
		Source:  "UU 25/2009 Pasal 21 (komponen biaya/tarif); pemeriksaan kewajaran Papan", Field: "biaya[].tarif"},
	{ID: "SP024", Severity: standard.Warning, Title: "nama layanan terlalu panjang untuk poster",
		Public:  "Nama layanan terlalu panjang untuk dicetak utuh pada poster di loket",
		Message: "nama layanan … karakter; poster hanya memuat 150 karakter pertama",
		Explain: "Poster loket mengulang nama layanan dalam huruf besar di atas setiap lembarnya; nama yang lebih panjang daripada 150 karakter dipotong di poster. Nama layanan yang ringkas juga lebih mudah dicari warga; uraiannya ditulis di ringkasan.",
		Source:  "Pedoman tata letak poster Papan (A4, judul 20 pt di setiap lembar)", Field: "nama (berkas layanan)"},
	{ID: "SP025", Severity: standard.Error, Title: "biaya gratis ditulis dengan kata pungutan",
		Public:  "Biaya ditulis gratis, tetapi keterangannya menyebut pungutan",
		Message: "[[biaya]] ke-… ditulis gratis, tetapi `uraian`/`keterangan` menyebut \"retribusi\" / \"dipungut\" / \"Perda\" / \"sesuai ketentuan\"",
		Explain: "Gratis hanya bila standar menyatakannya dengan tegas. Biaya yang ditulis gratis = true tetapi uraian atau keterangannya berbicara tentang retribusi, pungutan, Perda, atau \"sesuai ketentuan\" membuat halaman menjanjikan \"Gratis\" untuk layanan yang dipungut biaya, seperti \"Retribusi dipungut berdasarkan Peraturan Daerah\" (PBG). Kalimat yang menyangkal (\"tidak dipungut biaya\", \"dibebaskan dari retribusi\") tidak dilaporkan; persyaratan seperti \"Bukti bayar retribusi daerah\" juga tidak, karena itu pungutan lain di luar layanan ini.",
		Source:  "UU 25/2009 Pasal 21 (komponen biaya/tarif); PermenPAN-RB 15/2014; Ombudsman RI, penilaian kepatuhan (kepastian biaya)", Field: "biaya[].uraian, biaya[].keterangan"},
	{ID: "SP026", Severity: standard.Warning, Title: "dasar hukum tidak lengkap",
		Public:  "Dasar hukum belum disebut lengkap dengan nomor, tahun dan judulnya",
		Message: "dasar hukum ke-… (…) belum mencantumkan nomor, tahun dan judul",
		Explain: "Dasar hukum disebut dengan jenis, nomor, tahun dan judulnya agar warga dapat menemukannya. Standar yang hanya menyebut \"Peraturan Daerah\" tetap dimuat apa adanya; halaman hanya menulis yang disebut.",
		Source:  "PermenPAN-RB 15/2014 (komponen dasar hukum); UU 12/2011 lampiran II (penyebutan peraturan)", Field: "dasar_hukum[].nomor, dasar_hukum[].tahun, dasar_hukum[].judul"},
	{ID: "SP027", Severity: standard.Warning, Title: "dasar hukum sudah dicabut",
		Public:  "Dasar hukum yang disebut sudah dicabut dan diganti peraturan lain",
		Message: "… telah dicabut dan diganti dengan …",
		Explain: "Standar pelayanan disusun berdasarkan peraturan yang berlaku. Papan mengenali peraturan nasional yang telah dicabut dan penggantinya dari tabel bawaan (docs/rules.md), masing-masing dengan sumbernya.",
		Source:  "PermenPAN-RB 15/2014 (standar ditinjau dan disesuaikan dengan peraturan); ketentuan penutup peraturan pengganti (lihat tabel di docs/rules.md)", Field: "dasar_hukum[].jenis, dasar_hukum[].nomor, dasar_hukum[].tahun"},
	{ID: "SP028", Severity: standard.Warning, Title: "SK tanpa nomor atau tanggal",
		Public:  "Nomor atau tanggal keputusan yang menetapkan standar ini belum lengkap",
		Message: "SK belum mencantumkan tanggal / nomor",
		Explain: "Keputusan yang menetapkan standar disebut dengan nomor dan tanggalnya. Halaman hanya menulis yang ada, tidak pernah \"tanggal\" yang kosong.",
		Source:  "PermenPAN-RB 15/2014; PEKPPP tingkat 3 (standar ditetapkan)", Field: "sk.nomor, sk.tanggal"},
	{ID: "SP029", Severity: standard.Warning, Title: "jangka waktu dalam \"hari\" tanpa kerja atau kalender",
		Public:  "Lama penyelesaian tidak menyebut hari kerja atau hari kalender",
		Message: "jangka waktu ditulis dalam \"hari\" tanpa menyebut hari kerja atau hari kalender",
		Explain: "14 hari kerja adalah hampir tiga minggu, 14 hari kalender dua minggu; tanpa kata kerja atau kalender warga tidak tahu kapan janji waktu jatuh tempo. Papan menampilkan \"hari\" seperti tertulis dan tidak menerbitkan jangka waktu ini sebagai data terstruktur (processingTime) sampai jelas.",
		Source:  "UU 25/2009 Pasal 21 huruf d (jangka waktu penyelesaian); PermenPAN-RB 15/2014 (jangka waktu pelayanan)", Field: "jangka_waktu.satuan"},
	{ID: "SP030", Severity: standard.Warning, Title: "persyaratan dengan rumusan terbuka",
		Public:  "Persyaratan ditulis terbuka (misalnya \"dan lain-lain\"), sehingga syarat dapat ditambah di loket",
		Message: "`nama`/`keterangan`/`jika` pada [[persyaratan]] memakai rumusan terbuka %q",
		Explain: "Persyaratan harus jelas dan tertutup: warga perlu tahu setiap dokumen yang diminta. Rumusan seperti \"dan lain-lain\", \"antara lain\", \"dokumen pendukung lainnya\" atau \"bila diperlukan\" membuka ruang permintaan syarat tambahan di loket, yang dinilai Ombudsman sebagai ketidakpastian layanan. Pilihan ditulis sebagai kelompok atau, syarat bersyarat dengan jika yang menyebut kapan tepatnya.",
		Source:  "UU 25/2009 Pasal 21 huruf b; PermenPAN-RB 15/2014 Lampiran (persyaratan pelayanan); Ombudsman RI, penilaian kepatuhan standar pelayanan", Field: "persyaratan[].nama, persyaratan[].keterangan, persyaratan[].jika"},
	{ID: "SP031", Severity: standard.Warning, Title: "penanganan pengaduan tanpa cara atau waktu tanggapan",
		Public:  "Cara pengaduan ditangani dan kapan pengadu mendapat jawaban belum dicantumkan",
		Message: "standar tidak menyebut cara pengaduan ditangani dan/atau waktu tanggapannya",
		Explain: "Komponen penanganan pengaduan, saran dan masukan memuat tata cara penanganannya dan kapan pengadu mendapat tanggapan, bukan hanya salurannya. Tulis [penanganan_pengaduan] dengan uraian dan waktu_respons di layanan, atau sekali di _opd.toml untuk semua layanan OPD.",
		Source:  "UU 25/2009 Pasal 36–37 (pengelolaan dan tanggapan pengaduan); PermenPAN-RB 15/2014 (komponen penanganan pengaduan, saran dan masukan)", Field: "[penanganan_pengaduan] (berkas layanan atau _opd.toml)"},
	{ID: "SP032", Severity: standard.Warning, Title: "produk hanya mengulang nama layanan",
		Public:  "Hasil layanan hanya mengulang nama layanan, tanpa menyebut dokumen atau barang yang diterima",
		Message: "[[produk]] ke-… (…) hanya mengulang nama layanan",
		Explain: "Produk pelayanan adalah hasil yang diterima pemohon: dokumen, keputusan atau barang (\"Kartu Keluarga\", \"Persetujuan Bangunan Gedung\"). Produk yang ditulis sebagai nama layanan itu sendiri (\"Penerbitan Kartu Keluarga\" untuk layanan Penerbitan Kartu Keluarga) tidak memberi tahu warga apa yang akan ia pegang di akhir layanan.",
		Source:  "UU 25/2009 Pasal 21 huruf f (produk pelayanan); PermenPAN-RB 15/2014 (komponen produk pelayanan)", Field: "produk[].nama"},
	{ID: "SP033", Severity: standard.Error, Title: "alamat surel dan alamat web tertukar",
		Public:  "Alamat surel (e-mail) ditulis salah atau tertukar dengan alamat situs web, sehingga pesan tidak sampai",
		Message: "… \"…\" ditulis sebagai alamat web / tidak memuat tanda @, bukan alamat surel / adalah alamat surel yang ditulis sebagai alamat web",
		Explain: "Halaman menautkan alamat surel sebagai mailto: dan alamat web sebagai tautan. Alamat web di tempat surel (\"http://dpmptsp.go.id\", \"www.…\") atau teks tanpa @ tidak dapat dikirimi pesan, dan warga yang mengadu tidak sampai ke mana pun; surel yang ditulis sebagai alamat web (\"http://dinsos@inhilkab.go.id\") membuka situs lain daripada yang dimaksud.",
		Source:  "UU 25/2009 Pasal 21 huruf j (penanganan pengaduan, saran dan masukan); PermenPAN-RB 15/2014 (komponen penanganan pengaduan: sarana pengaduan yang dapat dihubungi)", Field: "kontak.email, kontak.situs, pengaduan[].nilai (jenis email, situs, lapor)"},
}

// MissingSeverity is the severity of a component that is not written at all: a
// delivery component of a service (SP021) or an OPD's Maklumat Pelayanan (SP012). A
// standard that leaves out what UU 25/2009 Pasal 21 says it must contain is incomplete,
// so it is a galat: `papan check` fails, and `papan build --strict` refuses. Pages still
// say plainly that it is not stated, and a plain `papan build` publishes the rest.
//
// A standard still being written is marked draf = true: it is not published, and for it
// SP021 is a peringatan, so a file fresh from `papan new` passes `papan check`. SP012 is
// a peringatan likewise while the OPD publishes no standard (none yet, or drafts only).
const MissingSeverity = standard.Error

// The bounds of the plausibility rules.
const (
	// FeeLimit is the largest fee (rupiah) SP023 passes. Retribusi of a real service
	// reach hundreds of millions (a PBG for a large building); Rp 1 miliar is above any
	// fixed amount a standard lists, and a few zeros typed too many land above it.
	FeeLimit = 1_000_000_000
	// PosterNameRunes is the longest service name, in characters, the counter poster
	// prints whole (SP024): it repeats the name at 20 pt or more over every sheet, where
	// 150 characters take at most four lines; the poster cuts a longer one. The longest
	// real names are about 120 characters ("Penerbitan Surat Keterangan Pindah Warga
	// Negara Indonesia (SKPWNI) Antar Kabupaten/Kota dalam Satu Provinsi").
	PosterNameRunes = 150
)

// ByID returns the rule with the given ID.
func ByID(id string) (Rule, bool) {
	i := slices.IndexFunc(Rulebook, func(r Rule) bool { return r.ID == id })
	if i < 0 {
		return Rule{}, false
	}
	return Rulebook[i], true
}

// Config is the tuning of one run, from site.toml's [kepatuhan] table.
type Config struct {
	// Severity overrides a rule's default; a rule in Off is not run.
	Severity map[string]standard.Severity
	Off      map[string]bool
	// EvaluationMonths is the age limit of the last evaluation (SP019); 12 when 0.
	EvaluationMonths int
}

// Setting values in site.toml's kepatuhan.aturan.
const (
	SettingError   = "galat"
	SettingWarning = "peringatan"
	SettingOff     = "mati"
)

// ConfigFrom reads the tuning from site.toml. It assumes CheckConfig found no errors;
// settings it does not understand are ignored.
func ConfigFrom(c standard.Compliance) Config {
	cfg := Config{Severity: map[string]standard.Severity{}, Off: map[string]bool{}, EvaluationMonths: c.EvaluationMonths}
	for id, v := range c.Rules {
		switch v {
		case SettingError:
			cfg.Severity[id] = standard.Error
		case SettingWarning:
			cfg.Severity[id] = standard.Warning
		case SettingOff:
			cfg.Off[id] = true
		}
	}
	return cfg
}

// CheckConfig validates site.toml's [kepatuhan] table: known rule IDs, known settings,
// and no tuning of the rules the loader enforces.
func CheckConfig(cfg *standard.Config) standard.Problems {
	var ps standard.Problems
	add := func(path, hint, format string, args ...any) {
		ps = append(ps, standard.Problem{File: cfg.File, Path: path, Severity: standard.Error,
			Message: fmt.Sprintf(format, args...), Hint: hint})
	}
	ids := make([]string, 0, len(cfg.Compliance.Rules))
	for id := range cfg.Compliance.Rules {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		v := cfg.Compliance.Rules[id]
		path := "kepatuhan.aturan." + id
		r, ok := ByID(id)
		switch {
		case !ok:
			add(path, "Jalankan `papan check --rules` untuk melihat ID aturan yang ada.", "aturan %q tidak dikenal", id)
		case r.Loader:
			add(path, "Aturan ini diperiksa saat memuat isi dan selalu galat; hapus baris ini.", "aturan %s tidak dapat diubah", id)
		case v != SettingError && v != SettingWarning && v != SettingOff:
			add(path, `Pilih salah satu: "galat", "peringatan", "mati".`, "aturan %s bernilai %q, yang tidak dikenal", id, v)
		}
	}
	if cfg.Compliance.EvaluationMonths < 1 {
		add("kepatuhan.batas_evaluasi_bulan", "Tulis jumlah bulan, misalnya 12.", "batas_evaluasi_bulan harus paling sedikit 1")
	}
	return ps
}

// List writes the rulebook for `papan check --rules`.
func List() string {
	var b strings.Builder
	for _, r := range Rulebook {
		fmt.Fprintf(&b, "%s  %-10s  %s\n", r.ID, r.Severity, r.Title)
		fmt.Fprintf(&b, "       kolom: %s\n", r.Field)
		fmt.Fprintf(&b, "       %s\n", r.Explain)
		fmt.Fprintf(&b, "       sumber: %s", r.Source)
		if r.Loader {
			b.WriteString(" (diperiksa saat memuat; tidak dapat diubah)")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// MissingPublic says, for the key of each delivery component (as in
// ServiceScore.Missing), that it is not stated, in a citizen's words: a finding of SP021
// on the dashboard names the component this way rather than with Rule.Public's list.
var MissingPublic = map[string]string{
	"persyaratan":  "Persyaratan belum dicantumkan",
	"prosedur":     "Langkah pengurusan belum dicantumkan",
	"jangka_waktu": "Lama penyelesaian belum dicantumkan",
	"biaya":        "Biaya layanan belum dicantumkan",
	"produk":       "Hasil layanan (dokumen atau barang yang diterima) belum dicantumkan",
	"pengaduan":    "Saluran pengaduan belum dicantumkan",
}
