// Package opendata writes a site's services as open data, in every build and byte for byte
// the same from the same sources:
//
//   - each service's record as JSON next to its page (/<opd>/<layanan>/layanan.json);
//   - every record in one file, /data/layanan.json, valid against the JSON Schema
//     published beside it (/data/layanan.schema.json, Schema);
//   - one row per service in /data/layanan.csv, UTF-8 with a byte-order mark so that
//     Excel opens it as UTF-8;
//   - a DCAT-AP catalogue of those files, /data/katalog.jsonld, which an open-data
//     portal's harvester (CKAN's ckanext-dcat) reads;
//   - an Atom feed of the standards by the dates they state, /perubahan.xml.
//
// Nothing here reads the clock: a standard is dated by its SK, its last evaluation or
// its diperbarui key, so two builds of the same sources write the same bytes.
//
// # Memory
//
// The site-wide files are written from records one at a time: the caller passes a
// function that returns the record of a service (a build reads back the layanan.json it
// wrote while the service streamed past), so they hold one record at a time, never the
// site. The feed and the catalogue read only what a list entry keeps
// (standard.Service.ListEntry: names, the decree and its dates).
//
// Field names are the TOML keys of the content files; docs/data.md maps them to CPSV-AP.
package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/papan-id/papan/internal/standard"
)

// Record is one service in the open data: the service's own layanan.json, and one
// element of layanan.json's "layanan".
type Record struct {
	ID          string   `json:"id"`
	URL         string   `json:"url"`
	Wilayah     string   `json:"wilayah"`
	KodeWilayah string   `json:"kode_wilayah,omitempty"`
	OPD         OPD      `json:"opd"`
	Nama        string   `json:"nama"`
	Kategori    string   `json:"kategori,omitempty"`
	Ringkasan   string   `json:"ringkasan,omitempty"`
	KataKunci   []string `json:"kata_kunci,omitempty"`
	Tautan      string   `json:"tautan_daring,omitempty"`
	Lokasi      string   `json:"lokasi,omitempty"`
	SK          *SK      `json:"sk,omitempty"`
	Diperbarui  string   `json:"diperbarui,omitempty"`

	Persyaratan []Persyaratan `json:"persyaratan"`
	Prosedur    []Langkah     `json:"prosedur"`
	JangkaWaktu []JangkaWaktu `json:"jangka_waktu"`
	Biaya       []Biaya       `json:"biaya"`
	Produk      []Produk      `json:"produk"`
	Pengaduan   []Saluran     `json:"pengaduan"`
	Penanganan  *Penanganan   `json:"penanganan_pengaduan,omitempty"`
	DasarHukum  []DasarHukum  `json:"dasar_hukum"`
	Khusus      []Khusus      `json:"pelayanan_khusus"`
	// Pengelolaan holds the management components 8–14, by key, when site.toml
	// publishes them (terbitkan_pengelolaan = true).
	Pengelolaan map[string]string `json:"pengelolaan,omitempty"`
}

// OPD is the competent authority of a service.
type OPD struct {
	Slug      string  `json:"slug"`
	Nama      string  `json:"nama"`
	Singkatan string  `json:"singkatan,omitempty"`
	URL       string  `json:"url"`
	Kontak    *Kontak `json:"kontak,omitempty"`
}

// Kontak is an OPD's [kontak], each value as written ("(0725) 49313"): the fax beside
// the phone.
type Kontak struct {
	Alamat   string `json:"alamat,omitempty"`
	Telepon  string `json:"telepon,omitempty"`
	Faks     string `json:"faks,omitempty"`
	WhatsApp string `json:"whatsapp,omitempty"`
	Email    string `json:"email,omitempty"`
	Situs    string `json:"situs,omitempty"`
}

// kontak is the record of c, or nil when c is empty.
func kontak(c standard.Contact) *Kontak {
	if c == (standard.Contact{}) {
		return nil
	}
	return &Kontak{Alamat: c.Address, Telepon: c.Phone, Faks: c.Fax, WhatsApp: c.WhatsApp, Email: c.Email, Situs: c.Website}
}

// SK is the decree that set the standard, dates as YYYY-MM-DD.
type SK struct {
	Nomor            string `json:"nomor,omitempty"`
	Tanggal          string `json:"tanggal,omitempty"`
	KonsultasiPublik string `json:"konsultasi_publik,omitempty"`
	EvaluasiTerakhir string `json:"evaluasi_terakhir,omitempty"`
}

// Persyaratan is one requirement.
type Persyaratan struct {
	Nama       string `json:"nama"`
	Bentuk     string `json:"bentuk,omitempty"`
	Jenis      string `json:"jenis,omitempty"`
	Jumlah     int    `json:"jumlah,omitempty"`
	Kasus      string `json:"kasus,omitempty"`
	Jika       string `json:"jika,omitempty"`
	Atau       string `json:"atau,omitempty"`
	Keterangan string `json:"keterangan,omitempty"`
}

// Langkah is one step of the procedure, numbered within its channel as pages number it.
type Langkah struct {
	Nomor     int      `json:"nomor"`
	Kanal     string   `json:"kanal,omitempty"`
	Tahap     string   `json:"tahap,omitempty"`
	Uraian    string   `json:"uraian"`
	Pelaksana []string `json:"pelaksana"`
	Waktu     string   `json:"waktu,omitempty"`
	Jika      string   `json:"jika,omitempty"`
	Keputusan string   `json:"keputusan,omitempty"`
	JikaTidak string   `json:"jika_tidak,omitempty"`
	KembaliKe int      `json:"kembali_ke,omitempty"`
	Hasil     []Hasil  `json:"hasil,omitempty"`
}

// Hasil is one outcome of a decision.
type Hasil struct {
	Jika      string `json:"jika"`
	Maka      string `json:"maka,omitempty"`
	KembaliKe int    `json:"kembali_ke,omitempty"`
	Selesai   bool   `json:"selesai,omitempty"`
}

// JangkaWaktu is one duration; ISO8601 is its longest time when ISO 8601 can say it
// exactly (not for working days).
type JangkaWaktu struct {
	Label      string `json:"label,omitempty"`
	Nilai      int    `json:"nilai"`
	PalingLama int    `json:"paling_lama,omitempty"`
	Satuan     string `json:"satuan"`
	Sejak      string `json:"dihitung_sejak,omitempty"`
	Keterangan string `json:"keterangan,omitempty"`
	ISO8601    string `json:"iso8601,omitempty"`
}

// Biaya is one fee, in whole Rupiah. Jenis says how it is stated: "gratis", "tetap",
// "rentang" or "ketentuan".
type Biaya struct {
	Uraian     string `json:"uraian"`
	Jenis      string `json:"jenis"`
	Tarif      int64  `json:"tarif,omitempty"`
	TarifMin   int64  `json:"tarif_min,omitempty"`
	TarifMaks  int64  `json:"tarif_maks,omitempty"`
	Ketentuan  string `json:"ketentuan,omitempty"`
	MataUang   string `json:"mata_uang"`
	DasarHukum string `json:"dasar_hukum,omitempty"`
	Keterangan string `json:"keterangan,omitempty"`
}

// Produk is one product of the service.
type Produk struct {
	Nama       string `json:"nama"`
	Bentuk     string `json:"bentuk,omitempty"`
	Keterangan string `json:"keterangan,omitempty"`
}

// Saluran is one complaint channel: the service's own, or else its OPD's.
type Saluran struct {
	Jenis        string   `json:"jenis"`
	Nilai        []string `json:"nilai,omitempty"`
	Jam          string   `json:"jam,omitempty"`
	WaktuRespons string   `json:"waktu_respons,omitempty"`
	Keterangan   string   `json:"keterangan,omitempty"`
}

// Penanganan is how complaints are handled.
type Penanganan struct {
	Uraian       string `json:"uraian,omitempty"`
	WaktuRespons string `json:"waktu_respons,omitempty"`
}

// DasarHukum is one legal basis.
type DasarHukum struct {
	ID       string   `json:"id,omitempty"`
	Jenis    string   `json:"jenis"`
	Nomor    string   `json:"nomor,omitempty"`
	Tahun    int      `json:"tahun,omitempty"`
	Judul    string   `json:"judul,omitempty"`
	Tautan   string   `json:"tautan,omitempty"`
	Mengubah []string `json:"mengubah,omitempty"`
}

// Khusus is one line of pelayanan khusus for vulnerable groups.
type Khusus struct {
	Kelompok string `json:"kelompok"`
	Uraian   string `json:"uraian"`
}

// Publisher is what the open data needs of the site beyond its services: site.toml and
// the absolute address of a site path.
type Publisher struct {
	Config *standard.Config
	AbsURL func(path string) string
}

// ID returns the stable id of a service in the open data: "<opd>/<layanan>", its page's
// path without slashes around it. It changes only when the file is moved or renamed.
func ID(s *standard.Service) string { return s.OPD.Slug + "/" + s.Slug }

func date(d standard.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// NewRecord returns the record of s, which must be whole (not a list entry).
func (p Publisher) NewRecord(s *standard.Service) Record {
	cfg := p.Config
	o := s.OPD
	rec := Record{
		ID: ID(s), URL: p.AbsURL(s.Addr().Path), Wilayah: cfg.Region, KodeWilayah: cfg.RegionCode,
		OPD:  OPD{Slug: o.Slug, Nama: o.Name, Singkatan: o.ShortName, URL: p.AbsURL(o.Addr().Path), Kontak: kontak(o.Contact)},
		Nama: s.Name, Kategori: s.Category, Ringkasan: s.Summary, KataKunci: s.Keywords,
		Tautan: s.OnlineURL, Lokasi: s.Location, Diperbarui: date(s.Updated),
		// Each list has its final length as capacity: not nil, so an empty one is
		// written [], and filled without growing.
		Persyaratan: make([]Persyaratan, 0, len(s.Requirements)), Prosedur: make([]Langkah, 0, len(s.Procedure)),
		JangkaWaktu: make([]JangkaWaktu, 0, len(s.Durations)), Biaya: make([]Biaya, 0, len(s.Fees)),
		Produk: make([]Produk, 0, len(s.Products)), DasarHukum: make([]DasarHukum, 0, len(s.LegalBasis)),
		Khusus: make([]Khusus, 0, len(s.SpecialCare)), Pengaduan: []Saluran{},
	}
	if d := s.Decree; d != nil {
		rec.SK = &SK{Nomor: d.Number, Tanggal: date(d.Date), KonsultasiPublik: date(d.Consultation), EvaluasiTerakhir: date(d.LastEvaluation)}
	}
	for _, r := range s.Requirements {
		rec.Persyaratan = append(rec.Persyaratan, Persyaratan{Nama: r.Name, Bentuk: r.Form, Jenis: r.Kind, Jumlah: r.Copies,
			Kasus: r.Case, Jika: r.Condition, Atau: r.OneOf, Keterangan: string(r.Note)})
	}
	for _, ln := range s.Lanes() {
		for _, sg := range ln.Stages {
			for i, st := range sg.Steps {
				l := Langkah{Nomor: sg.First + i, Kanal: st.Channel, Tahap: st.Stage, Uraian: st.Text,
					Pelaksana: nonNil([]string(st.Actors)), Waktu: StepTime(st.Time), Jika: st.Condition,
					Keputusan: st.Decision, JikaTidak: st.IfNot, KembaliKe: st.BackTo}
				for _, h := range st.Outcomes {
					l.Hasil = append(l.Hasil, Hasil{Jika: h.If, Maka: h.Then, KembaliKe: h.BackTo, Selesai: h.End})
				}
				rec.Prosedur = append(rec.Prosedur, l)
			}
		}
	}
	for _, d := range s.Durations {
		rec.JangkaWaktu = append(rec.JangkaWaktu, JangkaWaktu{Label: d.Label, Nilai: d.Value, PalingLama: d.Max,
			Satuan: string(d.Unit), Sejak: d.CountFrom, Keterangan: string(d.Note), ISO8601: d.ISO8601()})
	}
	for _, f := range s.Fees {
		rec.Biaya = append(rec.Biaya, Biaya{Uraian: f.Text, Jenis: FeeKind(f), Tarif: f.Amount, TarifMin: f.Min,
			TarifMaks: f.Max, Ketentuan: f.Rule, MataUang: "IDR", DasarHukum: f.LegalBasis, Keterangan: string(f.Note)})
	}
	for _, pr := range s.Products {
		rec.Produk = append(rec.Produk, Produk{Nama: pr.Name, Bentuk: pr.Form, Keterangan: string(pr.Note)})
	}
	for _, ch := range s.EffectiveComplaints() {
		rec.Pengaduan = append(rec.Pengaduan, Saluran{Jenis: string(ch.Kind), Nilai: ch.Values, Jam: ch.Hours,
			WaktuRespons: ch.Response, Keterangan: string(ch.Note)})
	}
	if h := s.EffectiveHandling(); h.Text != "" || h.ResponseTime != "" {
		rec.Penanganan = &Penanganan{Uraian: string(h.Text), WaktuRespons: h.ResponseTime}
	}
	for _, l := range s.LegalBasis {
		rec.DasarHukum = append(rec.DasarHukum, DasarHukum{ID: l.ID, Jenis: l.Kind, Nomor: l.Number, Tahun: l.Year,
			Judul: l.Title, Tautan: l.Link, Mengubah: l.Amends})
	}
	for _, k := range s.SpecialCare {
		rec.Khusus = append(rec.Khusus, Khusus{Kelompok: k.Group, Uraian: string(k.Text)})
	}
	if cfg.PublishManagement {
		for _, t := range s.ManagementTexts() {
			if t.Text != "" {
				if rec.Pengelolaan == nil {
					rec.Pengelolaan = map[string]string{}
				}
				rec.Pengelolaan[t.Key] = string(t.Text)
			}
		}
	}
	return rec
}

// WriteService writes the layanan.json of s: its record on one line. (Indented, the
// files of 10,000 services took 88 MB instead of 57.)
func (p Publisher) WriteService(w io.Writer, s *standard.Service) error {
	enc := json.NewEncoder(w) // straight into the writer: no copy of the record in memory
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p.NewRecord(s)); err != nil {
		return fmt.Errorf("opendata: %s: %w", ID(s), err)
	}
	return nil
}

// ServiceJSON returns the layanan.json of s.
func (p Publisher) ServiceJSON(s *standard.Service) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p.NewRecord(s)); err != nil {
		return nil, fmt.Errorf("opendata: %s: %w", ID(s), err)
	}
	return b.Bytes(), nil
}

// FeeKind names the way f states its fee, as Biaya.Jenis does.
func FeeKind(f standard.Fee) string {
	switch f.Kind() {
	case standard.FeeFree:
		return "gratis"
	case standard.FeeFixed:
		return "tetap"
	case standard.FeeRange:
		return "rentang"
	case standard.FeeByRule:
		return "ketentuan"
	}
	return ""
}

// StepTime writes a step's time as the content file does: "15 menit", "1-3 hari kerja".
func StepTime(t *standard.StepTime) string {
	if t == nil {
		return ""
	}
	if t.Max > t.Min {
		return fmt.Sprintf("%d-%d %s", t.Min, t.Max, t.Unit)
	}
	return fmt.Sprintf("%d %s", t.Min, t.Unit)
}
