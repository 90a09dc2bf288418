package gendemo

import "slices"

// The word lists. They are plain ASCII apart from the en dash, hold no quotes or
// backslashes, and none makes a reserved address when slugified.

var regionKinds = []string{"Kota", "Kabupaten"}

var placeNames = []string{
	"Sukamaju", "Mekarsari", "Sukajadi", "Cibening", "Karanganyar", "Tanjungsari", "Sumberejo",
	"Margahayu", "Sidomulyo", "Bojongsari", "Pasirjaya", "Kedungwaru", "Telukjambe", "Wonosari",
	"Sukaraja", "Mulyorejo", "Cikarang", "Banjarsari", "Tegalrejo", "Rawamangun", "Jatimulya",
	"Purwodadi", "Sindangsari", "Kalisari", "Ngadirejo", "Padasuka", "Cempaka", "Lebaksari",
	"Giriwangi", "Suryamukti", "Talang Kelapa", "Batu Ampar", "Air Hitam", "Sungai Raya",
	"Tanah Merah", "Bukit Tinggi", "Lubuk Baru", "Kampung Baru", "Pematang Sari", "Ujung Pandan",
}

var givenNames = []string{"Budi", "Siti", "Agus", "Dewi", "Rahmat", "Sri", "Hendra", "Yuliani", "Bambang", "Ratna", "Andi", "Nurhayati", "Joko", "Wahyuni", "Fajar", "Lestari"}

var familyNames = []string{"Santoso", "Rahayu", "Wibowo", "Hidayat", "Kusuma", "Saputra", "Lubis", "Siregar", "Nugroho", "Pratama", "Setiawan", "Harahap", "Wijaya", "Syahputra"}

var titles = []string{", S.Sos.", ", S.H., M.H.", ", S.E., M.M.", ", M.Si.", ", S.T.", ", S.Kep.", ", S.Pd.", ""}

// agency is a named OPD with the topic its services come from.
type agency struct{ name, short, topic string }

var agencies = []agency{
	{"Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "kependudukan"},
	{"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "perizinan"},
	{"Dinas Kesehatan", "Dinkes", "kesehatan"},
	{"Dinas Sosial", "Dinsos", "sosial"},
	{"Dinas Pendidikan dan Kebudayaan", "Disdikbud", "pendidikan"},
	{"Dinas Perhubungan", "Dishub", "perhubungan"},
	{"Dinas Tenaga Kerja", "Disnaker", "ketenagakerjaan"},
	{"Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "perizinan"},
	{"Dinas Lingkungan Hidup", "DLH", "lingkungan"},
	{"Dinas Perdagangan dan Perindustrian", "Disperindag", "usaha"},
	{"Dinas Koperasi dan Usaha Mikro", "Dinkop UM", "usaha"},
	{"Badan Pendapatan Daerah", "Bapenda", "pajak"},
	{"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "kepegawaian"},
	{"Dinas Pertanian dan Ketahanan Pangan", "Distan", "pertanian"},
	{"Dinas Perumahan dan Kawasan Permukiman", "Disperkim", "perizinan"},
	{"Rumah Sakit Umum Daerah", "RSUD", "kesehatan"},
	{"Dinas Pemuda dan Olahraga", "Dispora", "pendidikan"},
	{"Dinas Perpustakaan dan Kearsipan", "Dispusip", "umum"},
	{"Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "umum"},
	{"Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", "sosial"},
	{"Satuan Polisi Pamong Praja", "Satpol PP", "umum"},
	{"Badan Penanggulangan Bencana Daerah", "BPBD", "lingkungan"},
	{"Dinas Komunikasi dan Informatika", "Diskominfo", "umum"},
	{"Dinas Pariwisata", "Dispar", "usaha"},
	{"Dinas Perikanan", "Diskan", "pertanian"},
}

// category is a home-page category with the objects its services are about.
type category struct {
	name    string
	objects []string
}

var categories = map[string][]category{
	"kependudukan": {
		{"Administrasi Kependudukan", []string{"KTP-el", "Kartu Keluarga", "Kartu Identitas Anak", "Surat Keterangan Pindah", "Biodata Penduduk"}},
		{"Pencatatan Sipil", []string{"Akta Kelahiran", "Akta Kematian", "Akta Perkawinan", "Akta Perceraian", "Pengakuan Anak"}},
	},
	"perizinan": {
		{"Perizinan Usaha", []string{"Nomor Induk Berusaha", "Izin Usaha Mikro", "Izin Reklame", "Izin Usaha Toko Modern"}},
		{"Perizinan Bangunan", []string{"Persetujuan Bangunan Gedung", "Sertifikat Laik Fungsi", "Keterangan Rencana Kota", "Izin Pemanfaatan Ruang"}},
	},
	"kesehatan": {
		{"Kesehatan", []string{"Surat Keterangan Sehat", "Imunisasi Dasar", "Pemeriksaan Ibu Hamil", "Rujukan Pasien", "Surat Izin Praktik Dokter"}},
		{"Perizinan Kesehatan", []string{"Izin Apotek", "Izin Klinik Pratama", "Sertifikat Laik Higiene Sanitasi", "Izin Toko Obat"}},
	},
	"sosial": {
		{"Bantuan Sosial", []string{"Data Terpadu Kesejahteraan Sosial", "Surat Keterangan Tidak Mampu", "Rekomendasi PBI-JK", "Bantuan Korban Bencana"}},
		{"Perlindungan Anak dan Perempuan", []string{"Pendampingan Korban Kekerasan", "Konseling Keluarga", "Rumah Aman"}},
	},
	"pendidikan": {
		{"Pendidikan", []string{"Legalisasi Ijazah", "Surat Keterangan Pengganti Ijazah", "Mutasi Siswa", "Izin Pendirian Satuan Pendidikan"}},
		{"Kepemudaan dan Olahraga", []string{"Rekomendasi Kegiatan Olahraga", "Pinjam Pakai Gedung Olahraga", "Pendaftaran Organisasi Kepemudaan"}},
	},
	"perhubungan": {
		{"Perhubungan", []string{"Uji Berkala Kendaraan Bermotor", "Izin Trayek", "Analisis Dampak Lalu Lintas", "Izin Parkir"}},
	},
	"ketenagakerjaan": {
		{"Ketenagakerjaan", []string{"Kartu Pencari Kerja", "Pelatihan Kerja", "Pencatatan Perjanjian Kerja Bersama", "Wajib Lapor Ketenagakerjaan"}},
	},
	"lingkungan": {
		{"Lingkungan Hidup", []string{"Persetujuan Lingkungan", "Pengangkutan Sampah", "Izin Pembuangan Air Limbah", "Pengaduan Pencemaran"}},
		{"Kebencanaan", []string{"Kaji Cepat Bencana", "Bantuan Logistik Bencana"}},
	},
	"usaha": {
		{"Perdagangan", []string{"Tanda Daftar Gudang", "Tera Ulang Alat Ukur", "Surat Keterangan Asal"}},
		{"Koperasi dan UMKM", []string{"Pengesahan Koperasi", "Pendampingan UMKM", "Sertifikasi Halal UMKM"}},
		{"Pariwisata", []string{"Tanda Daftar Usaha Pariwisata", "Izin Penyelenggaraan Acara"}},
	},
	"pajak": {
		{"Pajak Daerah", []string{"Pajak Bumi dan Bangunan", "Bea Perolehan Hak atas Tanah dan Bangunan", "Pajak Restoran", "Pajak Hotel"}},
	},
	"kepegawaian": {
		{"Kepegawaian", []string{"Kenaikan Pangkat", "Izin Belajar", "Cuti Pegawai", "Pensiun Pegawai"}},
	},
	"pertanian": {
		{"Pertanian dan Perikanan", []string{"Rekomendasi Pupuk Bersubsidi", "Kartu Pelaku Usaha Perikanan", "Sertifikat Benih", "Izin Usaha Perikanan"}},
	},
	"umum": {
		{"Pelayanan Umum", []string{"Surat Keterangan Domisili", "Surat Pengantar Nikah", "Surat Keterangan Usaha", "Surat Keterangan Ahli Waris"}},
		{"Informasi Publik", []string{"Permohonan Informasi Publik", "Peminjaman Arsip", "Keanggotaan Perpustakaan"}},
		{"Ketertiban Umum", []string{"Izin Keramaian", "Rekomendasi Organisasi Kemasyarakatan", "Penelitian dan Survei"}},
	},
}

// categoriesFor returns the categories of an OPD's topic; a kecamatan or kelurahan also
// serves the civil registry's simpler services.
func categoriesFor(topic string) []category {
	cs := categories[topic]
	if topic == "umum" {
		cs = slices.Concat(cs, categories["kependudukan"][:1])
	}
	return cs
}

var actions = []string{"Penerbitan", "Pendaftaran", "Permohonan", "Perpanjangan", "Pelayanan", "Pengurusan", "Penggantian", "Verifikasi", "Rekomendasi", "Pencatatan"}

var qualifiers = []string{"Baru", "Daring", "Keliling", "untuk Warga Luar Daerah", "Kolektif", "Jemput Bola", "Prioritas"}

var audiences = []string{"warga", "pelaku usaha", "penduduk yang sudah berusia 17 tahun", "keluarga kurang mampu", "aparatur sipil negara", "sekolah dan lembaga pendidikan"}

var documents = []string{
	"Fotokopi Kartu Keluarga", "KTP-el pemohon", "Surat pengantar RT/RW", "Pas foto berwarna 3x4",
	"Formulir permohonan yang telah diisi", "Surat keterangan dari kelurahan", "Akta kelahiran",
	"Surat kuasa bermeterai", "Nomor Pokok Wajib Pajak", "Surat keterangan kehilangan dari Kepolisian",
	"Bukti kepemilikan tanah", "Gambar denah lokasi", "Surat pernyataan tanggung jawab mutlak",
	"Dokumen lingkungan", "Ijazah terakhir", "Surat keterangan sehat dari dokter",
	"Rekening listrik bulan terakhir", "Surat keterangan domisili usaha", "Akta pendirian badan usaha",
	"Buku nikah atau akta perkawinan", "Surat keputusan pengangkatan", "Bukti pembayaran retribusi",
}

var conditions = []string{
	"jika pemohon belum berusia 17 tahun dan sudah menikah", "jika diwakilkan kepada orang lain",
	"jika pemohon adalah badan usaha", "jika dokumen asli hilang", "jika pemohon berdomisili di luar daerah",
	"jika bangunan lebih dari dua lantai", "jika pemohon penyandang disabilitas",
}

var stepTexts = []string{
	"Petugas memeriksa kelengkapan berkas", "Operator memasukkan data ke sistem", "Verifikator memverifikasi",
	"Tim teknis melakukan peninjauan lapangan", "Kepala bidang memeriksa dan memaraf", "Kepala dinas menandatangani",
	"Petugas mencetak dokumen", "Petugas menjadwalkan", "Bendahara menerima pembayaran",
}

// stagePairs are the two stages one after the other of a procedure that has them.
var stagePairs = [][2]string{
	{"Pendaftaran dan verifikasi", "Penerbitan"},
	{"Konsultasi perencanaan", "Penerbitan izin"},
	{"Pemeriksaan berkas", "Penerbitan dokumen"},
}

// stepConditions are the conditions of steps done only in some cases.
var stepConditions = []string{
	"jika permohonan perubahan elemen data",
	"jika diperlukan peninjauan lapangan",
	"jika retribusi tidak dibebaskan",
	"jika pemohon berhalangan hadir dan diwakili kuasanya",
}

var actors = []string{"Petugas loket", "Operator", "Verifikator", "Tim teknis", "Kepala bidang", "Kepala dinas", "Bendahara penerimaan", "Petugas arsip"}

var products = []string{"Surat Keterangan", "Sertifikat", "Kartu", "Surat Izin", "Surat Rekomendasi", "Dokumen Elektronik", "Akta", "Tanda Terima"}

// stepTime is a waktu value with its length in working minutes.
type stepTime struct {
	text    string
	minutes int
}

var stepTimes = []stepTime{
	{"5 menit", 5}, {"10 menit", 10}, {"15 menit", 15}, {"30 menit", 30}, {"1 jam", 60},
	{"2 jam", 120}, {"1 hari kerja", 480}, {"1-2 hari kerja", 960}, {"3 hari kerja", 1440},
}

var lawTemplates = []law{
	{kind: "Undang-Undang", title: "Pelayanan Publik"},
	{kind: "Undang-Undang", title: "Administrasi Kependudukan"},
	{kind: "Undang-Undang", title: "Pajak Daerah dan Retribusi Daerah"},
	{kind: "Peraturan Pemerintah", title: "Penyelenggaraan Perizinan Berusaha Berbasis Risiko"},
	{kind: "Peraturan Pemerintah", title: "Pelaksanaan Undang-Undang tentang Pelayanan Publik"},
	{kind: "Peraturan Presiden", title: "Persyaratan dan Tata Cara Pendaftaran Penduduk"},
	{kind: "Peraturan Menteri", title: "Pedoman Standar Pelayanan"},
	{kind: "Peraturan Daerah", title: "Retribusi Jasa Umum"},
	{kind: "Peraturan Daerah", title: "Retribusi Perizinan Tertentu"},
	{kind: "Peraturan Daerah", title: "Pajak Daerah"},
	{kind: "Peraturan Bupati", title: "Standar Pelayanan pada Perangkat Daerah"},
	{kind: "Peraturan Wali Kota", title: "Tata Cara Pemungutan Retribusi"},
}

var words = []string{
	"pelayanan", "masyarakat", "petugas", "berkas", "permohonan", "dokumen", "persyaratan", "pemohon",
	"dilaksanakan", "sesuai", "ketentuan", "peraturan", "perundang-undangan", "daerah", "kantor", "loket",
	"antrean", "daring", "sistem", "informasi", "data", "kependudukan", "verifikasi", "validasi",
	"ruang", "tunggu", "nyaman", "tersedia", "kursi", "roda", "toilet", "disabilitas", "komputer",
	"jaringan", "internet", "pencetak", "formulir", "papan", "pengumuman", "pegawai", "terlatih",
	"memahami", "prosedur", "dan", "yang", "untuk", "dengan", "secara", "berkala", "setiap", "bulan",
	"tahun", "survei", "kepuasan", "indeks", "hasil", "evaluasi", "kinerja", "diumumkan", "melalui",
	"situs", "resmi", "atasan", "langsung", "mengawasi", "pelaksanaan", "tugas", "pengaduan",
	"ditindaklanjuti", "paling", "lama", "hari", "kerja", "jaminan", "kepastian", "waktu", "biaya",
	"gratis", "tanpa", "pungutan", "keamanan", "kerahasiaan", "dijaga", "arsip", "tersimpan", "aman",
	"kamera", "pengawas", "alat", "pemadam", "kebakaran", "jalur", "evakuasi", "kompetensi", "pendidikan",
	"minimal", "sarjana", "pelatihan", "teknis", "bimbingan", "standar", "maklumat", "komitmen",
}
