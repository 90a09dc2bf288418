package render_test

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/render"
)

// The services below are parts of real published standards (the corpus notes of issue
// 12), transcribed as an OPD would: each fact the source states, where the model puts it.
// The tests check that each fact reaches the page and the poster as the source says it.

// kotaMetro is Kota Metro's PBG (https://sippn.menpan.go.id/pelayanan-publik/8134167/…):
// "Paling lambat 1 (satu) hari Penerbitan PBG, Paling Lambat 3 (Tiga) hari Penerbitan
// SLF dan SBKBG"; "Telepon : (0725) 49638,49313", "Fax: (0725)49313", a kotak saran.
const kotaMetro = `nama = "Penyelenggaraan Bangunan Gedung Kepentingan Umum dengan Pertelaan"

[[jangka_waktu]]
label = "Penerbitan PBG"
nilai = 1
satuan = "hari"

[[jangka_waktu]]
label = "Penerbitan SLF dan SBKBG"
nilai = 3
satuan = "hari"

[[pengaduan]]
jenis = "loket"
nilai = "Ruang Pengaduan"

[[pengaduan]]
jenis = "email"
nilai = ["pmptspkotametro@gmail.com", "pengaduan.dpmptspmetro@gmail.com"]

[[pengaduan]]
jenis = "telepon"
nilai = "0813-6619-8998"
keterangan = "HP Pengaduan"

[[pengaduan]]
jenis = "telepon"
nilai = ["(0725) 49638", "(0725) 49313"]

[[pengaduan]]
jenis = "faks"
nilai = "(0725)49313"

[[pengaduan]]
jenis = "kotak-saran"
`

// banyumas is Kab. Banyumas's DTKS registration
// (http://dinsospermasdes.banyumaskab.go.id/page/38780/…): "3 bulan setelah persyaratan
// lengkap dan benar, jika : 1. Pejabat penandatanganan ijin tidak dinas luar daerah
// 2. Komputer tidak mengalami kerusakan"; a letter, a fax.
const banyumas = `nama = "Pendaftaran dan Perbaikan Data Terpadu Kesejahteraan Sosial (DTKS)"

[jangka_waktu]
nilai = 3
satuan = "bulan"
dihitung_sejak = "persyaratan lengkap dan benar"
keterangan = "Jika: 1. Pejabat penandatanganan ijin tidak dinas luar daerah; 2. Komputer tidak mengalami kerusakan."

[[pengaduan]]
jenis = "surat"
nilai = "Dinsospermasdes, Jl. Pemuda 24 Purwokerto"

[[pengaduan]]
jenis = "telepon"
nilai = "(0281) 631198"

[[pengaduan]]
jenis = "kotak-saran"

[[pengaduan]]
jenis = "faks"
nilai = "(0281) 633047"
`

// jembrana is Kab. Jembrana's AK1 card (https://mpp.jembranakab.go.id/gerai/44/…):
// "± 15 Menit (Jaringan Internet Stabil)".
const jembrana = `nama = "Penerbitan Kartu Tanda Bukti Pencari Kerja (AK1)"

[jangka_waktu]
nilai = 15
satuan = "menit"
keterangan = "± 15 Menit (Jaringan Internet Stabil)"
`

// inhil is Kab. Indragiri Hilir's PMKS registration (http://dinsos.inhilkab.go.id/…):
// "3 (tiga) hari"; "Telepon/Fax : (0768) 24795/23626", two numbers on one line shared by
// phone and fax, the second without its area code, which is the first's.
const inhil = `nama = "Pelayanan Gelandangan, Pengemis, Orang dengan HIV/AIDS (ODHA)"

[jangka_waktu]
nilai = 3
satuan = "hari"

[[pengaduan]]
jenis = "telepon"
nilai = ["(0768) 24795", "(0768) 23626"]

[[pengaduan]]
jenis = "faks"
nilai = ["(0768) 24795", "(0768) 23626"]
`

// sintang is a case of Kab. Sintang's Kartu Keluarga (https://sippn.menpan.go.id/
// pelayanan-publik/8018000/…): "a. KK lama; b. Surat keterangan kematian; atau c. Surat
// Keterangan Pindah/Surat Keterangan Pindah Datang bagi penduduk yang pindah dalam
// wilayah NKRI".
const sintang = `nama = "Penerbitan Kartu Keluarga (KK)"

[[persyaratan]]
kasus = "Pengurangan anggota keluarga"
nama = "KK lama"

[[persyaratan]]
kasus = "Pengurangan anggota keluarga"
nama = "Surat keterangan kematian"
atau = "sebab pengurangan"

[[persyaratan]]
kasus = "Pengurangan anggota keluarga"
nama = "Surat Keterangan Pindah/Surat Keterangan Pindah Datang"
jika = "bagi penduduk yang pindah dalam wilayah NKRI"
atau = "sebab pengurangan"
`

// corpusPages builds a site of one service and returns its page and its poster.
func corpusPages(t *testing.T, service string) (page, poster string) {
	t.Helper()
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte("judul = \"Uji\"\nwilayah = \"Kota Uji\"\nbase_url = \"https://uji.example/\"\n")},
		"content/dinas/_opd.toml":    {Data: []byte("nama = \"Dinas Uji\"\n")},
		"content/dinas/layanan.toml": {Data: []byte(service)},
	}
	site, ps, err := content.Load(context.Background(), fsys)
	if err != nil || site == nil {
		t.Fatal(err, ps)
	}
	r, err := render.New(site, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Outputs() {
		var b bytes.Buffer
		switch o.Path {
		case "dinas/layanan/index.html":
			if err := o.Write(&b); err != nil {
				t.Fatal(err)
			}
			page = b.String()
		case "dinas/layanan/cetak/index.html":
			if err := o.Write(&b); err != nil {
				t.Fatal(err)
			}
			poster = b.String()
		}
	}
	return page, poster
}

var ldRE = regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)

// processingTimes returns the processingTime of each channel of a page's JSON-LD.
func processingTimes(t *testing.T, page string) []string {
	t.Helper()
	m := ldRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	var doc struct {
		Graph []struct { // the GovernmentService first
			AvailableChannel []struct{ ProcessingTime string }
		} `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(m[1]), &doc); err != nil || len(doc.Graph) == 0 {
		t.Fatalf("JSON-LD %s: %v", m[1], err)
	}
	var out []string
	for _, ch := range doc.Graph[0].AvailableChannel {
		out = append(out, ch.ProcessingTime)
	}
	return out
}

func TestCorpusFactsOnPageAndPoster(t *testing.T) {
	for _, tt := range []struct {
		name, service  string
		page, poster   []string // HTML each must contain
		processingTime []string // of each JSON-LD channel
	}{
		{"Kota Metro: two labelled durations in hari, two numbers, fax, kotak saran", kotaMetro,
			[]string{
				`<dt>Jangka waktu</dt>
<dd><ul class="plain"><li>Penerbitan PBG: <strong>1 hari</strong></li><li>Penerbitan SLF dan SBKBG: <strong>3 hari</strong></li></ul></dd>`,
				"<h3>Penerbitan PBG</h3>\n<p>1 hari</p>",
				"<h3>Penerbitan SLF dan SBKBG</h3>\n<p>3 hari</p>",
				`<li><strong>Telepon</strong>: <a href="tel:+6272549638">(0725) 49638</a>, <a href="tel:+6272549313">(0725) 49313</a></li>`,
				`<li><strong>Faksimile</strong>: (0725)49313</li>`,
				`<li><strong>Surel</strong>: <a href="mailto:pmptspkotametro@gmail.com">pmptspkotametro<wbr>@gmail.<wbr>com</a>, <a href="mailto:pengaduan.dpmptspmetro@gmail.com">pengaduan.<wbr>dpmptspmetro<wbr>@gmail.<wbr>com</a></li>`,
				`<li><strong>Kotak saran</strong></li>`,
			},
			[]string{
				"<dd>Penerbitan PBG: 1 hari</dd><dd>Penerbitan SLF dan SBKBG: 3 hari</dd>",
				"<li><strong>Telepon</strong>: (0725) 49638, (0725) 49313</li>",
				"<li><strong>Kotak saran</strong></li>",
			},
			[]string{""}},
		{"Banyumas: months, start point and conditions; a letter and a fax", banyumas,
			[]string{
				"<dd>3 bulan, sejak persyaratan lengkap dan benar</dd>",
				"<p>3 bulan, sejak persyaratan lengkap dan benar</p><p>Jika: 1. Pejabat penandatanganan ijin tidak dinas luar daerah; 2. Komputer tidak mengalami kerusakan.</p>",
				`<li><strong>Surat</strong>: Dinsospermasdes, Jl. Pemuda 24 Purwokerto</li>`,
				`<li><strong>Faksimile</strong>: (0281) 633047</li>`,
				`<li><strong>Telepon</strong>: <a href="tel:+62281631198">(0281) 631198</a></li>`,
			},
			[]string{`<dd>3 bulan, sejak persyaratan lengkap dan benar<span class="p-note">Jika: 1. Pejabat penandatanganan ijin tidak dinas luar daerah; 2. Komputer tidak mengalami kerusakan.</span></dd>`},
			[]string{"P3M"}},
		{"Jembrana: minutes with a condition", jembrana,
			[]string{"<dd>15 menit</dd>", "<p>15 menit</p><p>± 15 Menit (Jaringan Internet Stabil)</p>"},
			[]string{`<dd>15 menit<span class="p-note">± 15 Menit (Jaringan Internet Stabil)</span></dd>`},
			[]string{"PT15M"}},
		{"Indragiri Hilir: hari as written; two numbers for phone and fax", inhil,
			[]string{
				"<dd>3 hari</dd>",
				`<li><strong>Telepon</strong>: <a href="tel:+6276824795">(0768) 24795</a>, <a href="tel:+6276823626">(0768) 23626</a></li>`,
				`<li><strong>Faksimile</strong>: (0768) 24795, (0768) 23626</li>`,
			},
			[]string{"<dd>3 hari</dd>"},
			[]string{""}},
		{"Sintang: one of two documents", sintang,
			[]string{`<li>KK lama</li>
<li>Salah satu dari:<ul class="choices"><li>Surat keterangan kematian</li><li>Surat Keterangan Pindah/Surat Keterangan Pindah Datang<br><em>bagi penduduk yang pindah dalam wilayah NKRI</em></li></ul></li>`},
			[]string{"<li>Salah satu dari:<ul><li>Surat keterangan kematian</li><li>Surat Keterangan Pindah/Surat Keterangan Pindah Datang (bagi penduduk yang pindah dalam wilayah NKRI)</li></ul></li>"},
			nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page, poster := corpusPages(t, tt.service)
			// Phone numbers have no-break spaces and hyphens; the lines above write them plain.
			page = strings.NewReplacer("\u00a0", " ", "\u2011", "-").Replace(page)
			for _, w := range tt.page {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks\n%s\npage:\n%s", w, page)
				}
			}
			for _, w := range tt.poster {
				if !strings.Contains(poster, w) {
					t.Errorf("poster lacks\n%s\nposter:\n%s", w, poster)
				}
			}
			if tt.processingTime != nil {
				if got := processingTimes(t, page); strings.Join(got, ",") != strings.Join(tt.processingTime, ",") {
					t.Errorf("processingTime = %q, want %q", got, tt.processingTime)
				}
			}
		})
	}
}

// TestNoChannelAnywhere: Kab. Kotawaringin Timur's Izin Reklame
// (https://dpmptsp.kotimkab.go.id/standar-pelayanan-izin-reklame) states no complaint
// channel, and in a site whose site.toml lists none either the page must say so, not
// point to "region-wide channels at the bottom of every page" that do not exist; the
// poster likewise, instead of an empty list.
func TestNoChannelAnywhere(t *testing.T) {
	page, poster := corpusPages(t, "nama = \"Izin Reklame\"\n")
	i := strings.Index(page, `<h2 id="pengaduan">`)
	if i < 0 {
		t.Fatal("no complaints section")
	}
	section := page[i:]
	section = section[:strings.Index(section, "</section>")]
	if !strings.Contains(section, "Belum dicantumkan dalam standar pelayanan ini") || strings.Contains(page, "seluruh daerah") {
		t.Errorf("complaints section:\n%s", section)
	}
	i = strings.Index(poster, `<h2 id="p-aduan">`)
	section = poster[i:]
	section = section[:strings.Index(section, "</section>")]
	if !strings.Contains(section, "Belum dicantumkan dalam standar pelayanan ini") || strings.Contains(section, "<ul>") {
		t.Errorf("poster complaints:\n%s", section)
	}
}
