package skema

import (
	"fmt"
	"reflect"

	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// doc is the Indonesian description of one key of a struct type: what the form editor
// labels it, what hover help and the scaffold's comments say of it.
type doc struct {
	key      string
	title    string
	desc     string
	examples []any
	choices  []Choice
	def      any
	pattern  string
	min      *int64
	keys     []Choice
}

func atLeast(n int64) *int64 { return &n }

func typ[T any]() reflect.Type { return reflect.TypeFor[T]() }

// choices pairs each allowed value of a list the model fixes with its meaning. A value
// without a meaning, or a meaning of no value, is a programmer's mistake caught when the
// package is initialised (and by the tests).
func choices[S ~string](values []S, meaning map[string]string) []Choice {
	if len(values) != len(meaning) {
		panic(fmt.Sprintf("skema: %d values, %d meanings", len(values), len(meaning)))
	}
	out := make([]Choice, len(values))
	for i, v := range values {
		m, ok := meaning[string(v)]
		if !ok {
			panic(fmt.Sprintf("skema: value %q has no meaning", v))
		}
		out[i] = Choice{Value: string(v), Title: m}
	}
	return out
}

// tunableRules are the rules site.toml's [kepatuhan.aturan] may tune: every rule of the
// rulebook but those the loader enforces (rules.CheckConfig refuses the others).
func tunableRules() []Choice {
	var out []Choice
	for _, r := range rules.Rulebook {
		if !r.Loader {
			out = append(out, Choice{Value: r.ID, Title: fmt.Sprintf("%s (bawaan: %s)", r.Title, r.Severity)})
		}
	}
	return out
}

// The descriptions shared by several keys.
const (
	markdownNote = " Boleh memakai Markdown (tautan, daftar, huruf tebal)."
	dateNote     = " Tulis tanggal tahun-bulan-hari tanpa tanda kutip, misalnya 2024-01-15."
)

var channelKinds = choices(standard.ChannelKinds, map[string]string{
	"lapor":        "SP4N-LAPOR!, saluran pengaduan nasional yang wajib bagi setiap penyelenggara; nilai = alamat webnya",
	"whatsapp":     "nomor WhatsApp",
	"telepon":      "nomor telepon",
	"sms":          "nomor SMS",
	"email":        "alamat surel",
	"situs":        "alamat web (https://…)",
	"media-sosial": "akun media sosial",
	"kotak-saran":  "kotak saran di kantor; boleh tanpa nilai",
	"loket":        "loket pengaduan; nilai = tempatnya",
	"faks":         "nomor faksimile (ditampilkan, tidak ditautkan)",
	"surat":        "surat; nilai = alamat tujuan surat",
	"lainnya":      "saluran lain",
})

var units = map[string]string{
	"menit":         "menit",
	"jam":           "jam",
	"hari kerja":    "hari kerja (Senin–Jumat, tanpa hari libur)",
	"hari kalender": "hari kalender (termasuk hari libur)",
	"bulan":         "bulan",
	"hari":          "\"hari\" seperti tertulis dalam standar, tanpa menyebut hari kerja atau kalender; papan check menanyakannya (SP029)",
}

func unitsOf(us []standard.Unit) map[string]string {
	m := map[string]string{}
	for _, u := range us {
		m[string(u)] = units[string(u)]
	}
	return m
}

// docs holds the description of every key of every struct type a content file decodes
// into, per type in the order the scaffold (internal/scaffold/*.toml) writes the keys:
// top-level keys first, then tables.
var docs = map[reflect.Type][]doc{
	typ[standard.Config](): {
		{key: "judul", title: "Judul situs", desc: "Judul situs, tampil di kepala setiap halaman.", examples: []any{"Standar Pelayanan Publik Kota Contoh"}},
		{key: "wilayah", title: "Nama wilayah", desc: "Nama daerah penyelenggara, misalnya kabupaten atau kota.", examples: []any{"Kota Contoh"}},
		{key: "kode_wilayah", title: "Kode wilayah Kemendagri", desc: "Kode wilayah menurut daftar Kemendagri, dipisah titik: \"32\" (provinsi), \"32.73\" (kabupaten/kota), \"32.73.01\" (kecamatan), \"32.73.01.1001\" (desa/kelurahan). Dipakai data terbuka.", examples: []any{"32.73"}, pattern: `^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$`},
		{key: "base_url", title: "Alamat situs", desc: "Alamat tempat situs diterbitkan, boleh dengan sub-jalur. papan build --base-url menggantinya.", examples: []any{"https://standar.kotacontoh.go.id/"}, def: "/"},
		{key: "bahasa", title: "Bahasa antarmuka", desc: "Bahasa tombol dan judul bagian situs.", choices: []Choice{{"id", "bahasa Indonesia"}, {"en", "bahasa Inggris"}}, def: "id"},
		{key: "deskripsi", title: "Deskripsi situs", desc: "Satu kalimat tentang situs, untuk beranda dan pratinjau tautan.", examples: []any{"Persyaratan, prosedur, jangka waktu, biaya, dan saluran pengaduan layanan publik Kota Contoh."}},
		{key: "terbitkan_pengelolaan", title: "Terbitkan komponen pengelolaan", desc: "true: halaman layanan juga memuat delapan komponen pengelolaan (dasar hukum, sarana, kompetensi pelaksana, …) dalam satu bagian yang dapat dibuka warga.", def: false},
		{key: "lambang", title: "Lambang daerah", desc: "Jalur gambar lambang daerah di dalam folder static/, tampil di kepala setiap halaman dan sebagai ikon situs.", examples: []any{"lambang.svg", "img/lambang.png"}},
		{key: "kontak", title: "Kontak", desc: "Alamat dan kontak penyelenggara, tampil di kaki setiap halaman."},
		{key: "pengaduan", title: "Saluran pengaduan daerah", desc: "Saluran pengaduan yang berlaku untuk seluruh daerah, tampil di setiap halaman layanan. Ulangi [[pengaduan]] untuk setiap saluran."},
		{key: "kepatuhan", title: "Pengaturan kepatuhan", desc: "Pengaturan papan check dan dasbor kepatuhan (/kepatuhan/)."},
		{key: "beranda", title: "Beranda", desc: "Cara beranda mendaftar layanan."},
		{key: "pencarian", title: "Pencarian", desc: "Pengaturan kotak pencarian di beranda."},
	},
	typ[standard.Home](): {
		{key: "batas_daftar_lengkap", title: "Batas daftar lengkap", desc: "Jumlah layanan terbanyak yang didaftar satu per satu di beranda; situs yang lebih besar mendapat beranda ringkas berisi daftar OPD dan kategori. 0 berarti 300.", examples: []any{300}, def: standard.DefaultFullListLimit, min: atLeast(0)},
	},
	typ[standard.Compliance](): {
		{key: "aturan", title: "Tingkat aturan", desc: "Tingkat setiap aturan papan check menurut nomornya, misalnya SP016 = \"mati\".", choices: []Choice{{rules.SettingError, "papan check gagal"}, {rules.SettingWarning, "dilaporkan, tidak menggagalkan papan check"}, {rules.SettingOff, "tidak diperiksa"}}, keys: tunableRules()},
		{key: "batas_evaluasi_bulan", title: "Batas umur evaluasi (bulan)", desc: "Berapa bulan evaluasi terakhir sebuah standar boleh berlalu sebelum dilaporkan.", examples: []any{12}, def: 12, min: atLeast(1)},
		{key: "dasbor", title: "Terbitkan dasbor", desc: "true: situs menerbitkan dasbor swa-penilaian kepatuhan di /kepatuhan/.", def: true},
		{key: "hari_ini", title: "Tanggal pemeriksaan", desc: "Tanggal yang dipakai aturan sebagai hari ini, agar hasil dapat diulang; bila kosong, tanggal saat papan dijalankan." + dateNote, examples: []any{"2025-01-31"}},
	},
	typ[standard.Contact](): {
		{key: "alamat", title: "Alamat", desc: "Alamat pos.", examples: []any{"Jl. Merdeka No. 1, Kota Contoh 12345"}},
		{key: "telepon", title: "Telepon", desc: "Nomor telepon.", examples: []any{"(021) 555-0100"}},
		{key: "whatsapp", title: "WhatsApp", desc: "Nomor WhatsApp.", examples: []any{"0812-0000-0110"}},
		{key: "email", title: "Surel", desc: "Alamat surel (email).", examples: []any{"organisasi@kotacontoh.go.id"}},
		{key: "situs", title: "Situs web", desc: "Alamat situs web, lengkap dengan https://.", examples: []any{"https://kotacontoh.go.id"}},
	},
	typ[standard.OPD](): {
		{key: "nama", title: "Nama OPD", desc: "Nama lengkap perangkat daerah atau unit.", examples: []any{"Dinas Kependudukan dan Pencatatan Sipil"}},
		{key: "singkatan", title: "Singkatan", desc: "Nama singkat OPD.", examples: []any{"Disdukcapil"}},
		{key: "urutan", title: "Urutan", desc: "Urutan di beranda, angka kecil lebih dulu; yang sama diurutkan menurut nama.", examples: []any{1}},
		{key: "alamat", title: "Alamat kantor", desc: "Alamat kantor OPD.", examples: []any{"Jl. Merdeka No. 10, Kota Contoh"}},
		{key: "kepala", title: "Kepala OPD", desc: "Nama kepala OPD.", examples: []any{"Drs. Budi Santoso, M.Si."}},
		{key: "visi", title: "Visi", desc: "Visi OPD." + markdownNote, examples: []any{"Terwujudnya pelayanan administrasi kependudukan yang cepat, tepat, dan akurat."}},
		{key: "misi", title: "Misi", desc: "Setiap misi dalam tanda kutip, dipisah koma." + markdownNote, examples: []any{[]any{"Meningkatkan kualitas pelayanan.", "Meningkatkan cakupan kepemilikan dokumen."}}},
		{key: "moto", title: "Moto", desc: "Moto pelayanan OPD.", examples: []any{"Melayani dengan hati"}},
		{key: "jam_layanan", title: "Jam layanan", desc: "Jam layanan kantor. Ulangi [[jam_layanan]] untuk setiap kelompok hari."},
		{key: "kontak", title: "Kontak OPD", desc: "Telepon, WhatsApp, surel dan situs OPD."},
		{key: "maklumat", title: "Maklumat Pelayanan", desc: "Maklumat Pelayanan: janji pimpinan OPD menyelenggarakan pelayanan sesuai standar dan kesediaan menerima sanksi. Selama belum ditandatangani, jangan diisi."},
		{key: "pengaduan", title: "Saluran pengaduan OPD", desc: "Saluran pengaduan OPD, berlaku untuk setiap layanan yang tidak menuliskan saluran sendiri. SP4N-LAPOR! wajib bagi setiap penyelenggara. Ulangi [[pengaduan]] untuk setiap saluran."},
		{key: "penanganan_pengaduan", title: "Penanganan pengaduan OPD", desc: "Cara pengaduan ditangani dan waktu tanggapannya, berlaku untuk setiap layanan yang tidak menuliskannya sendiri."},
	},
	typ[standard.OfficeHours](): {
		{key: "hari", title: "Hari", desc: "Kelompok hari.", examples: []any{"Senin–Kamis"}},
		{key: "jam", title: "Jam", desc: "Jam buka pada hari-hari itu.", examples: []any{"08.00–15.00 WIB"}},
	},
	typ[standard.Maklumat](): {
		{key: "teks", title: "Teks maklumat", desc: "Teks maklumat seperti yang ditandatangani." + markdownNote, examples: []any{"Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku."}},
		{key: "penanda_tangan", title: "Penanda tangan", desc: "Nama pimpinan yang menandatangani.", examples: []any{"Drs. Budi Santoso, M.Si."}},
		{key: "jabatan", title: "Jabatan", desc: "Jabatan penanda tangan.", examples: []any{"Kepala Dinas Kependudukan dan Pencatatan Sipil"}},
		{key: "tanggal", title: "Tanggal maklumat", desc: "Tanggal maklumat ditandatangani." + dateNote, examples: []any{"2024-01-15"}},
	},
	typ[standard.Service](): {
		{key: "draf", title: "Draf", desc: "Selama draf = true, layanan ini tidak diterbitkan oleh papan build (papan serve menampilkannya dengan tanda \"Draf — belum diterbitkan\") dan komponen yang belum diisi dilaporkan sebagai peringatan. Hapus baris ini bila standar sudah lengkap.", def: false},
		{key: "nama", title: "Nama layanan", desc: "Nama layanan.", examples: []any{"Penerbitan KTP-el"}},
		{key: "kategori", title: "Kategori", desc: "Kategori untuk pengelompokan di beranda dan halaman kategori. Tulis satu kategori dengan cara yang sama di setiap berkas.", examples: []any{"Administrasi Kependudukan"}},
		{key: "ringkasan", title: "Ringkasan", desc: "Satu kalimat: untuk apa layanan ini. Tampil di daftar dan pratinjau tautan.", examples: []any{"Penerbitan kartu tanda penduduk elektronik bagi warga yang berusia 17 tahun atau sudah menikah."}},
		{key: "kata_kunci", title: "Kata kunci", desc: "Nama lain yang dipakai warga, dalam tanda kutip dipisah koma; dipakai pencarian.", examples: []any{[]any{"KTP", "e-KTP"}}},
		{key: "tautan_daring", title: "Tautan layanan daring", desc: "Alamat layanan daring, jika layanan dapat diajukan secara daring.", examples: []any{"https://simbg.pu.go.id"}},
		{key: "lokasi", title: "Lokasi layanan", desc: "Tempat layanan, jika berbeda dari alamat OPD.", examples: []any{"Mal Pelayanan Publik, Jl. Merdeka No. 5"}},
		{key: "diperbarui", title: "Tanggal diperbarui", desc: "Tanggal standar terakhir diubah, bila bukan tanggal SK atau evaluasi terakhirnya; dipakai umpan perubahan." + dateNote, examples: []any{"2025-03-01"}},
		{key: "sarana_prasarana", title: "Sarana, prasarana, dan/atau fasilitas", desc: "Komponen 8: sarana, prasarana, dan/atau fasilitas." + markdownNote, examples: []any{"Ruang tunggu ber-AC, loket prioritas, komputer dan printer."}},
		{key: "kompetensi_pelaksana", title: "Kompetensi pelaksana", desc: "Komponen 9: kompetensi pelaksana." + markdownNote, examples: []any{"Memahami peraturan administrasi kependudukan; mampu mengoperasikan SIAK."}},
		{key: "pengawasan_internal", title: "Pengawasan internal", desc: "Komponen 10: pengawasan internal." + markdownNote, examples: []any{"Dilakukan oleh atasan langsung dan Inspektorat."}},
		{key: "jumlah_pelaksana", title: "Jumlah pelaksana", desc: "Komponen 11: jumlah pelaksana." + markdownNote, examples: []any{"2 orang petugas loket, 1 operator"}},
		{key: "jaminan_pelayanan", title: "Jaminan pelayanan", desc: "Komponen 12: jaminan pelayanan." + markdownNote, examples: []any{"Pelayanan diberikan sesuai standar pelayanan ini."}},
		{key: "jaminan_keamanan_keselamatan", title: "Jaminan keamanan dan keselamatan", desc: "Komponen 13: jaminan keamanan dan keselamatan pelayanan." + markdownNote, examples: []any{"Data pemohon dijaga kerahasiaannya."}},
		{key: "evaluasi_kinerja", title: "Evaluasi kinerja pelaksana", desc: "Komponen 14: evaluasi kinerja pelaksana." + markdownNote, examples: []any{"Survei kepuasan masyarakat setiap semester."}},
		{key: "sk", title: "Surat Keputusan", desc: "Surat Keputusan yang menetapkan standar ini; yang kosong tidak diterbitkan."},
		{key: "persyaratan", title: "Persyaratan", desc: "Komponen 1: persyaratan. Ulangi [[persyaratan]] untuk setiap dokumen atau syarat. Sebut setiap dokumen; \"dan lain-lain\" atau \"dokumen pendukung lainnya\" mendapat peringatan."},
		{key: "prosedur", title: "Prosedur", desc: "Komponen 2: sistem, mekanisme dan prosedur. Ulangi [[prosedur]] untuk setiap langkah, berurutan."},
		{key: "jangka_waktu", title: "Jangka waktu pelayanan", desc: "Komponen 3: jangka waktu penyelesaian, dihitung sejak berkas lengkap. Bila SK tidak menyebut jangka waktu, jangan diisi. Bila SK menyebut beberapa jangka waktu (per tahap atau per jalur), tulis [[jangka_waktu]] untuk setiap jangka waktu, masing-masing dengan label."},
		{key: "biaya", title: "Biaya/tarif", desc: "Komponen 4: biaya/tarif, satu cara per [[biaya]]: gratis = true (hanya bila standar menyatakan tidak dipungut biaya), tarif (rupiah tanpa titik), tarif_min dan tarif_maks (rentang), atau ketentuan (rumus atau peraturan). Jangan menulis tarif = 0. Selain gratis, sebut dasar_hukum."},
		{key: "produk", title: "Produk pelayanan", desc: "Komponen 5: produk pelayanan, apa yang diterima warga."},
		{key: "pengaduan", title: "Saluran pengaduan", desc: "Komponen 6: penanganan pengaduan, saran dan masukan. Jika tidak diisi, saluran pengaduan OPD yang berlaku."},
		{key: "penanganan_pengaduan", title: "Penanganan pengaduan", desc: "Komponen 6: cara pengaduan ditangani dan waktu tanggapannya. Jika tidak diisi, yang ditulis di _opd.toml berlaku."},
		{key: "dasar_hukum", title: "Dasar hukum", desc: "Komponen 7: dasar hukum; hanya jenis yang wajib. Beri id jika dirujuk oleh biaya; peraturan perubahan menulis id yang diubahnya di mengubah."},
		{key: "pelayanan_khusus", title: "Pelayanan khusus", desc: "Pelayanan khusus bagi penyandang disabilitas, lansia, ibu hamil, anak (UU 25/2009 Pasal 29)."},
	},
	typ[standard.Decree](): {
		{key: "nomor", title: "Nomor SK", desc: "Nomor Surat Keputusan.", examples: []any{"050/14/2024"}},
		{key: "tanggal", title: "Tanggal SK", desc: "Tanggal SK ditetapkan." + dateNote, examples: []any{"2024-01-15"}},
		{key: "konsultasi_publik", title: "Tanggal konsultasi publik", desc: "Tanggal konsultasi publik standar ini." + dateNote, examples: []any{"2023-12-01"}},
		{key: "evaluasi_terakhir", title: "Tanggal evaluasi terakhir", desc: "Tanggal evaluasi terakhir standar ini." + dateNote, examples: []any{"2024-06-30"}},
	},
	typ[standard.Requirement](): {
		{key: "nama", title: "Nama dokumen atau syarat", desc: "Dokumen atau syarat yang diminta.", examples: []any{"Fotokopi Kartu Keluarga"}},
		{key: "bentuk", title: "Bentuk", desc: "Bentuk dokumen yang diserahkan.", choices: choices(standard.RequirementForms, map[string]string{
			"asli": "dokumen asli", "fotokopi": "fotokopi", "asli dan fotokopi": "dokumen asli dan fotokopinya", "elektronik": "berkas elektronik (unggahan)"})},
		{key: "jenis", title: "Jenis persyaratan", desc: "Jenis persyaratan.", choices: choices(standard.RequirementKinds, map[string]string{
			"administratif": "persyaratan administratif", "teknis": "persyaratan teknis"})},
		{key: "jumlah", title: "Jumlah rangkap", desc: "Jumlah lembar atau rangkap, angka tanpa tanda kutip.", examples: []any{2}, min: atLeast(0)},
		{key: "kasus", title: "Kasus", desc: "Kelompokkan persyaratan per kasus; persyaratan dengan kasus yang sama tampil bersama di bawah judul kasus itu. Boleh dikosongkan.", examples: []any{"Hilang atau rusak"}},
		{key: "jika", title: "Berlaku jika", desc: "Syarat yang hanya berlaku pada keadaan tertentu; sebut keadaannya, bukan \"bila diperlukan\".", examples: []any{"jika pemohon belum berusia 17 tahun"}},
		{key: "atau", title: "Kelompok pilihan", desc: "Persyaratan yang cukup dipenuhi salah satunya diberi atau = nama kelompok yang sama, pada kasus yang sama. Nama kelompok tidak ditampilkan; satu kelompok paling sedikit dua persyaratan.", examples: []any{"bukti kehilangan"}},
		{key: "keterangan", title: "Keterangan", desc: "Keterangan tambahan." + markdownNote, examples: []any{"rangkap dua"}},
	},
	typ[standard.Step](): {
		{key: "uraian", title: "Uraian langkah", desc: "Apa yang terjadi pada langkah ini.", examples: []any{"Pemohon menyerahkan berkas persyaratan di loket"}},
		{key: "pelaksana", title: "Pelaksana", desc: "Siapa yang melakukan langkah ini. Beberapa pelaksana: pelaksana = [\"Operator\", \"Pengawas\"]. Bila standar tidak menyebutnya, jangan diisi.", examples: []any{"Petugas loket", []any{"Operator", "Pengawas"}}},
		{key: "waktu", title: "Waktu langkah", desc: "Lama langkah ini: angka (atau rentang) dan satuan: \"menit\", \"jam\", \"hari kerja\", \"hari kalender\" atau \"bulan\".", examples: []any{"15 menit", "1 hari kerja", "1-3 hari kerja"}},
		{key: "keputusan", title: "Keputusan", desc: "Menjadikan langkah ini keputusan: pertanyaan yang dijawab.", examples: []any{"Berkas lengkap?"}},
		{key: "jika_tidak", title: "Jika tidak", desc: "Bersama keputusan: apa yang terjadi bila jawabannya tidak.", examples: []any{"Berkas dikembalikan kepada pemohon untuk dilengkapi"}},
		{key: "kembali_ke", title: "Kembali ke langkah", desc: "Bersama keputusan: nomor langkah (pada kanal yang sama) yang diulang bila jawabannya tidak; angka tanpa tanda kutip.", examples: []any{1}},
		{key: "kanal", title: "Kanal", desc: "Jalur pilihan tempat langkah ini berada, bila layanan dapat diajukan dengan beberapa cara; langkah dengan kanal yang sama membentuk satu prosedur, bernomor dari 1.", examples: []any{"Tatap muka", "Daring"}},
		{key: "tahap", title: "Tahap", desc: "Tahap berurutan tempat langkah ini berada; nomor langkah berlanjut dari tahap sebelumnya.", examples: []any{"Penerbitan PBG"}},
		{key: "jika", title: "Dilakukan jika", desc: "Syarat langkah ini dilakukan.", examples: []any{"jika permohonan perubahan elemen data"}},
		{key: "hasil", title: "Hasil keputusan", desc: "Bersama keputusan: hasil-hasilnya satu per satu, sebagai ganti jika_tidak dan kembali_ke. Ulangi [[prosedur.hasil]] untuk setiap hasil, dengan jika, maka, dan kembali_ke atau selesai = true."},
	},
	typ[standard.Outcome](): {
		{key: "jika", title: "Jika", desc: "Kapan hasil ini terjadi.", examples: []any{"Tidak lengkap"}},
		{key: "maka", title: "Maka", desc: "Apa yang terjadi kemudian.", examples: []any{"Berkas dikembalikan kepada pemohon"}},
		{key: "kembali_ke", title: "Kembali ke langkah", desc: "Nomor langkah yang diulang; angka tanpa tanda kutip. Tanpa kembali_ke dan selesai, prosedur berlanjut ke langkah berikutnya.", examples: []any{1}},
		{key: "selesai", title: "Selesai", desc: "true: prosedur berhenti di sini (permohonan dibatalkan, ditolak, atau layanan selesai)."},
	},
	typ[standard.Duration](): {
		{key: "label", title: "Label", desc: "Untuk apa jangka waktu ini, wajib bila ada beberapa: tahap atau jalurnya. Label yang sama dengan kanal prosedur mengikatnya pada kanal itu.", examples: []any{"Penerbitan PBG"}},
		{key: "nilai", title: "Lama penyelesaian", desc: "Lama penyelesaian, atau yang tersingkat bila paling_lama diisi; angka tanpa tanda kutip, lebih dari 0.", examples: []any{3}, min: atLeast(1)},
		{key: "satuan", title: "Satuan", desc: "Satuan waktu. Jam buka kantor bukan jangka waktu. Bila SK hanya menulis \"hari\", tulis satuan = \"hari\" seperti dalam SK.", choices: choices(standard.DurationUnits, unitsOf(standard.DurationUnits))},
		{key: "dihitung_sejak", title: "Dihitung sejak", desc: "Kapan jangka waktu mulai dihitung.", examples: []any{"berkas dinyatakan lengkap"}},
		{key: "paling_lama", title: "Paling lama", desc: "Untuk rentang (\"1 hari, paling lama 14 hari kerja\"): lama penyelesaian terpanjang; angka tanpa tanda kutip.", examples: []any{14}},
		{key: "keterangan", title: "Keterangan", desc: "Pengecualian atau syarat yang disebut SK; tampil di halaman dan poster." + markdownNote, examples: []any{"Dikecualikan apabila terjadi gangguan jaringan"}},
	},
	typ[standard.Fee](): {
		{key: "uraian", title: "Uraian biaya", desc: "Untuk apa biaya ini.", examples: []any{"Retribusi pelayanan"}},
		{key: "gratis", title: "Gratis", desc: "true hanya bila standar menyatakan layanan ini tidak dipungut biaya."},
		{key: "tarif", title: "Tarif", desc: "Jumlah rupiah tanpa titik dan tanpa tanda kutip, lebih dari 0.", examples: []any{150000}, min: atLeast(1)},
		{key: "tarif_min", title: "Tarif terendah", desc: "Rentang tarif: jumlah terendah dalam rupiah, bersama tarif_maks.", examples: []any{10000}, min: atLeast(1)},
		{key: "tarif_maks", title: "Tarif tertinggi", desc: "Rentang tarif: jumlah tertinggi dalam rupiah, bersama tarif_min.", examples: []any{50000}},
		{key: "ketentuan", title: "Ketentuan", desc: "Bila biaya ditetapkan dengan rumus atau peraturan: bagaimana besarnya ditetapkan.", examples: []any{"Retribusi dipungut berdasarkan Peraturan Daerah"}},
		{key: "dasar_hukum", title: "Dasar hukum biaya", desc: "id dasar hukum ([[dasar_hukum]]) yang menetapkan biaya ini; wajib selain untuk gratis.", examples: []any{"perda-retribusi"}},
		{key: "keterangan", title: "Keterangan", desc: "Keterangan tambahan." + markdownNote},
	},
	typ[standard.Product](): {
		{key: "nama", title: "Nama produk", desc: "Apa yang diterima warga.", examples: []any{"KTP-el", "Surat Keterangan"}},
		{key: "bentuk", title: "Bentuk", desc: "Bentuk produk.", choices: choices(standard.ProductForms, map[string]string{
			"fisik": "dokumen fisik (cetak)", "elektronik": "dokumen elektronik", "fisik dan elektronik": "keduanya"})},
		{key: "keterangan", title: "Keterangan", desc: "Keterangan tambahan." + markdownNote},
	},
	typ[standard.Channel](): {
		{key: "jenis", title: "Jenis saluran", desc: "Jenis saluran pengaduan.", choices: channelKinds},
		{key: "nilai", title: "Nilai", desc: "Nomor, alamat atau tempat saluran ini. Dua nomor pada satu saluran: nilai = [\"(0725) 49638\", \"(0725) 49313\"]. Alamat lapor dan situs ditulis lengkap dengan https://. Hanya kotak-saran yang boleh tanpa nilai.", examples: []any{"https://www.lapor.go.id", "0812-0000-0110", []any{"(0725) 49638", "(0725) 49313"}}},
		{key: "jam", title: "Jam layanan", desc: "Kapan saluran ini dilayani.", examples: []any{"24 jam", "Senin–Jumat 08.00–16.00 WIB"}},
		{key: "waktu_respons", title: "Waktu tanggapan", desc: "Berapa lama pengaduan ditanggapi.", examples: []any{"paling lama 5 hari kerja"}},
		{key: "keterangan", title: "Keterangan", desc: "Keterangan tambahan." + markdownNote},
	},
	typ[standard.ComplaintHandling](): {
		{key: "uraian", title: "Cara penanganan", desc: "Langkah penanganan pengaduan." + markdownNote, examples: []any{"Pengaduan dicatat, diteruskan kepada Kepala Dinas, lalu dijawab"}},
		{key: "waktu_respons", title: "Waktu tanggapan", desc: "Berapa lama pengadu menunggu jawaban.", examples: []any{"paling lama 5 hari kerja"}},
	},
	typ[standard.Law](): {
		{key: "id", title: "Pengenal (id)", desc: "Nama pendek dasar hukum ini, huruf kecil dan tanda hubung; wajib bila dirujuk biaya atau peraturan perubahan.", examples: []any{"uu-25-2009"}},
		{key: "jenis", title: "Jenis peraturan", desc: "Jenis peraturan.", examples: []any{"Undang-Undang", "Peraturan Pemerintah", "Peraturan Daerah"}},
		{key: "nomor", title: "Nomor", desc: "Nomor peraturan, dalam tanda kutip.", examples: []any{"25"}},
		{key: "tahun", title: "Tahun", desc: "Tahun peraturan, angka tanpa tanda kutip.", examples: []any{2009}},
		{key: "judul", title: "Judul", desc: "Judul (tentang) peraturan.", examples: []any{"Pelayanan Publik"}},
		{key: "mengubah", title: "Mengubah", desc: "Pada peraturan perubahan: id peraturan layanan ini yang diubahnya, satu atau beberapa.", examples: []any{"uu-23-2006", []any{"pp-37-2007", "pp-102-2012"}}},
		{key: "tautan", title: "Tautan", desc: "Alamat teks peraturan.", examples: []any{"https://peraturan.bpk.go.id/Details/38748"}},
	},
	typ[standard.SpecialCare](): {
		{key: "kelompok", title: "Kelompok", desc: "Kelompok rentan yang dilayani secara khusus.", examples: []any{"Penyandang disabilitas dan lansia"}},
		{key: "uraian", title: "Perlakuan", desc: "Perlakuan khusus yang diberikan." + markdownNote, examples: []any{"Didahulukan di loket prioritas."}},
	},
	typ[standard.Search](): {
		{key: "sinonim", title: "Sinonim", desc: "Kelompok kata yang bermakna sama bagi pencarian, menambah daftar bawaan. Ulangi [[pencarian.sinonim]] untuk setiap kelompok."},
	},
	typ[standard.Synonym](): {
		{key: "kata", title: "Kata", desc: "Kata atau frasa.", examples: []any{"akta lahir"}},
		{key: "sama_dengan", title: "Sama dengan", desc: "Kata atau frasa yang bermakna sama.", examples: []any{[]any{"akta kelahiran"}}},
	},
	typ[standard.Page](): {
		{key: "judul", title: "Judul halaman", desc: "Judul halaman.", examples: []any{"Cara Mengadu"}},
		{key: "deskripsi", title: "Deskripsi", desc: "Satu kalimat tentang halaman, untuk pratinjau tautan.", examples: []any{"Saluran pengaduan pelayanan publik di Kota Contoh."}},
		{key: "urutan", title: "Urutan", desc: "Urutan di menu kaki dan navigasi atas, angka kecil lebih dulu.", examples: []any{2}},
		{key: "menu", title: "Nama di menu", desc: "Menaruh halaman di navigasi atas setiap halaman dengan nama pendek ini.", examples: []any{"Tentang"}},
	},
}
