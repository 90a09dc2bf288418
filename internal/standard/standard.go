// Package standard holds Papan's domain: a site of OPDs (agencies), each with its
// service standards (Standar Pelayanan) as PermenPAN-RB 15/2014 defines them, and the
// problems found in them.
//
// The types here know nothing about files or formats. Package content fills them from
// TOML; package render turns them into pages. Field names follow the regulation's
// components so a reader of the code can map each one to the law.
package standard

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"
)

// Site is everything one build publishes.
type Site struct {
	Config Config
	OPDs   []*OPD  // sorted by Order, then Name
	Pages  []*Page // standalone pages, sorted by Order, then Title
}

// Config is site.toml.
type Config struct {
	File              string
	Title             string     `toml:"judul,required"`
	Region            string     `toml:"wilayah,required"`
	RegionCode        string     `toml:"kode_wilayah"` // Kemendagri's code of the region ("32.73"), for the open data
	BaseURL           string     `toml:"base_url"`
	Language          string     `toml:"bahasa"`
	Description       string     `toml:"deskripsi"`
	PublishManagement bool       `toml:"terbitkan_pengelolaan"`
	Contact           Contact    `toml:"kontak"`
	Complaints        []Channel  `toml:"pengaduan"`
	Compliance        Compliance `toml:"kepatuhan"`
	Search            Search     `toml:"pencarian"`
	Home              Home       `toml:"beranda"`
	// Emblem is the path, under static/, of the region's emblem (lambang): shown in the
	// header beside the official-site line and used as the favicon. Optional.
	Emblem string `toml:"lambang"`
	// PublishedURL, when not "", is the address the site is published at while its
	// pages link under BaseURL instead (papan serve roots them at "/"). What is printed,
	// the poster's QR code and address, points there. Not read from site.toml.
	PublishedURL string
}

// DefaultFullListLimit is the number of services up to which the home page lists every
// service when site.toml does not set [beranda] batas_daftar_lengkap. Past it the list
// outgrows a cheap phone: 300 services make a home page of about 130 KB.
const DefaultFullListLimit = 300

// Home is site.toml's [beranda] table: how the home page lists the services.
type Home struct {
	// FullListLimit is the most services the home page lists one by one; a larger site
	// gets a home page that links to the OPD and category pages instead. Zero means not
	// set (DefaultFullListLimit); use FullList to read it.
	FullListLimit int `toml:"batas_daftar_lengkap"`
}

// FullList reports whether a home page of a site with n services lists every service.
func (h Home) FullList(n int) bool {
	limit := h.FullListLimit
	if limit == 0 {
		limit = DefaultFullListLimit
	}
	return n <= limit
}

// Compliance is site.toml's [kepatuhan] table: how the rulebook (package rules) is tuned
// and whether the build publishes the self-assessment dashboard.
type Compliance struct {
	// Rules maps a rule ID ("SP016") to "galat", "peringatan" or "mati" (off).
	Rules map[string]string `toml:"aturan"`
	// EvaluationMonths is how old the last evaluation of a standard may be; 12 when not set.
	EvaluationMonths int `toml:"batas_evaluasi_bulan"`
	// Dashboard publishes /kepatuhan/; true when not set.
	Dashboard bool `toml:"dasbor"`
	// Today fixes the date rules compare with, for reproducible output; zero means the
	// real date.
	Today Date `toml:"hari_ini"`
}

// Contact is a postal and electronic address block.
type Contact struct {
	Address string `toml:"alamat"`
	Phone   string `toml:"telepon"`
	// Fax is a fax number ("(0725) 49313"): shown, never linked, as a phone cannot
	// dial it.
	Fax      string `toml:"faks"`
	WhatsApp string `toml:"whatsapp"`
	Email    string `toml:"email"`
	Website  string `toml:"situs"`
}

// OPD is one agency (Organisasi Perangkat Daerah) or unit, from content/<slug>/_opd.toml.
type OPD struct {
	Slug      string
	File      string
	Name      string        `toml:"nama,required"`
	ShortName string        `toml:"singkatan"`
	Order     int           `toml:"urutan"`
	Address   string        `toml:"alamat"`
	Head      string        `toml:"kepala"`
	Vision    Markdown      `toml:"visi"`
	Mission   []Markdown    `toml:"misi"`
	Motto     string        `toml:"moto"`
	Hours     []OfficeHours `toml:"jam_layanan"`
	Contact   Contact       `toml:"kontak"`
	Maklumat  *Maklumat     `toml:"maklumat"`
	// Complaints apply to every service of the OPD that lists none of its own.
	Complaints []Channel `toml:"pengaduan"`
	// Handling is how the OPD handles complaints and how soon it answers: the default
	// of each of its services, key by key (Service.EffectiveHandling).
	Handling *ComplaintHandling `toml:"penanganan_pengaduan"`

	Services []*Service // sorted by Name
}

// OfficeHours is one line of office hours.
type OfficeHours struct {
	Days string `toml:"hari,required"`
	Time string `toml:"jam,required"`
}

// Maklumat is the Maklumat Pelayanan: the signed pledge to serve to the standard.
type Maklumat struct {
	Text     Markdown `toml:"teks,required"`
	Signer   string   `toml:"penanda_tangan"`
	Position string   `toml:"jabatan"`
	Date     Date     `toml:"tanggal"`
}

// Markdown is text written in Markdown by an editor. It is rendered, never trusted.
type Markdown string

// Date is a calendar date without time zone, as TOML's local date.
type Date struct{ time.Time }

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// Service is one service standard, from content/<opd>/<slug>.toml.
type Service struct {
	OPD  *OPD
	Slug string
	File string

	Name      string   `toml:"nama,required"`
	Category  string   `toml:"kategori"`
	Summary   string   `toml:"ringkasan"`
	Keywords  []string `toml:"kata_kunci"`
	OnlineURL string   `toml:"tautan_daring"`
	Location  string   `toml:"lokasi"`
	Decree    *Decree  `toml:"sk"`
	// Draft (draf = true) marks a standard still being written: a build does not
	// publish it, papan serve shows it under a banner, and the components it leaves out
	// are peringatan instead of galat (SP021), so a file fresh from papan new passes
	// papan check.
	Draft bool `toml:"draf"`
	// Updated is when the standard was last changed, when that is neither the SK's date
	// nor its last evaluation: the change feed (perubahan.xml) dates a standard by the
	// latest of the three, never by the build.
	Updated Date `toml:"diperbarui"`

	// The six service-delivery components, which must be published. Each may be
	// absent (nil or empty) while a standard is being written: the rulebook reports it
	// (SP021) and pages say plainly that it is not stated, so nothing is published as
	// a fact that nobody wrote.
	//
	// Durations is one table [jangka_waktu], or several [[jangka_waktu]] each with its
	// label ("Penerbitan PBG", "Penerbitan SLF dan SBKBG").
	Requirements []Requirement `toml:"persyaratan"`  // 1
	Procedure    []Step        `toml:"prosedur"`     // 2
	Durations    []Duration    `toml:"jangka_waktu"` // 3
	Fees         []Fee         `toml:"biaya"`        // 4
	Products     []Product     `toml:"produk"`       // 5
	Complaints   []Channel     `toml:"pengaduan"`    // 6
	// Handling is how complaints are handled and how soon they are answered, part of
	// component 6; keys not written here come from the OPD's.
	Handling *ComplaintHandling `toml:"penanganan_pengaduan"`

	// The eight service-management components.
	LegalBasis       []Law    `toml:"dasar_hukum"`                  // 7
	Facilities       Markdown `toml:"sarana_prasarana"`             // 8
	Competence       Markdown `toml:"kompetensi_pelaksana"`         // 9
	Supervision      Markdown `toml:"pengawasan_internal"`          // 10
	Staffing         Markdown `toml:"jumlah_pelaksana"`             // 11
	ServiceGuarantee Markdown `toml:"jaminan_pelayanan"`            // 12
	SafetyGuarantee  Markdown `toml:"jaminan_keamanan_keselamatan"` // 13
	Evaluation       Markdown `toml:"evaluasi_kinerja"`             // 14

	// SpecialCare is pelayanan khusus for vulnerable groups (UU 25/2009 Pasal 29).
	SpecialCare []SpecialCare `toml:"pelayanan_khusus"`

	// requirementNames stand in for Requirements in a ListEntry.
	requirementNames []string
	// lanes are Lanes(lanesOf), kept by Validate; lanesOf is the Procedure they were
	// made of, so that a Procedure set again afterwards is not answered with them.
	lanes   []Lane
	lanesOf []Step
}

// Decree is the SK that set the standard, and the dates the PEKPPP levels 3–5 ask for.
type Decree struct {
	Number         string `toml:"nomor"`
	Date           Date   `toml:"tanggal"`
	Consultation   Date   `toml:"konsultasi_publik"`
	LastEvaluation Date   `toml:"evaluasi_terakhir"`
}

// Requirement is one persyaratan.
type Requirement struct {
	Name      string   `toml:"nama,required"`
	Form      string   `toml:"bentuk"`
	Kind      string   `toml:"jenis"`
	Copies    int      `toml:"jumlah"`
	Case      string   `toml:"kasus"`
	Condition string   `toml:"jika"`
	Note      Markdown `toml:"keterangan"`
	// OneOf names a group of alternatives: requirements of the same case with the same
	// atau are "one of" ("Surat keterangan kehilangan dari Kepolisian atau KTP-el yang
	// rusak"). The name is a key, not shown.
	OneOf string `toml:"atau"`
}

// Step is one step of the procedure.
type Step struct {
	Text   string    `toml:"uraian,required"`
	Actors Actors    `toml:"pelaksana"`
	Time   *StepTime `toml:"waktu"`
	// Channel names the alternative way of applying the step belongs to ("Tatap muka",
	// "Daring"): each channel is a procedure of its own. Stage names the stage within
	// the channel ("Penerbitan PBG", then "Penerbitan SLF dan SBKBG"): stages follow
	// one another, and the steps are numbered on across them.
	Channel string `toml:"kanal"`
	Stage   string `toml:"tahap"`
	// Condition is when the step is done at all: "jika permohonan perubahan elemen data".
	Condition string `toml:"jika"`
	Decision  string `toml:"keputusan"`
	// IfNot and BackTo are the one "no" branch of a decision written the short way;
	// Outcomes are its branches written one by one ([[prosedur.hasil]]). A step has one
	// way or the other, never both.
	IfNot    string    `toml:"jika_tidak"`
	BackTo   int       `toml:"kembali_ke"`
	Outcomes []Outcome `toml:"hasil"`
}

// Actors is who carries out a step: one actor or several ("Pemohon", "Petugas loket").
type Actors = Texts

// Outcome is one branch of a decision ([[prosedur.hasil]]): when it is taken, what
// happens, and where the procedure goes on: back to step BackTo, nowhere (End: the
// application is cancelled or the service ends there) or, with neither, on to the
// next step.
type Outcome struct {
	If     string `toml:"jika,required"`
	Then   string `toml:"maka"`
	BackTo int    `toml:"kembali_ke"`
	End    bool   `toml:"selesai"`
}

// Onward reports whether the procedure goes on to the next step after o.
func (o Outcome) Onward() bool { return o.BackTo == 0 && !o.End }

// Lane is the procedure of one channel: its stages in order, the steps numbered from 1
// across them.
type Lane struct {
	Channel string
	Stages  []Stage
}

// Stage is a run of steps of one stage ("" when the steps name none).
type Stage struct {
	Name  string
	First int    // the number of Steps[0] in its lane
	Steps []Step // in the order written
	Index []int  // Index[i] is the position of Steps[i] in the procedure as written
}

// Lanes splits steps by channel, in the order the channels first appear, and each
// channel's steps by stage, in the order the stages first appear within it. Steps are
// numbered in this order, so kembali_ke counts the steps of a lane as its stages show
// them.
//
// A stage whose steps are written one after the other (the commonest case) holds a part
// of steps itself, not a copy: Stage.Steps must not be written to.
func Lanes(steps []Step) []Lane {
	if len(steps) == 0 {
		return nil
	}
	var lanes []Lane
	for i, st := range steps {
		l := slices.IndexFunc(lanes, func(ln Lane) bool { return ln.Channel == st.Channel })
		if l < 0 {
			lanes = append(lanes, Lane{Channel: st.Channel})
			l = len(lanes) - 1
		}
		ln := &lanes[l]
		g := slices.IndexFunc(ln.Stages, func(sg Stage) bool { return sg.Name == st.Stage })
		if g < 0 {
			ln.Stages = append(ln.Stages, Stage{Name: st.Stage})
			g = len(ln.Stages) - 1
		}
		if len(lanes) == 1 && len(ln.Stages) == 1 && ln.Stages[0].Index == nil {
			ln.Stages[0].Index = make([]int, 0, len(steps)) // one lane of one stage, most likely
		}
		ln.Stages[g].Index = append(ln.Stages[g].Index, i)
	}
	for l := range lanes {
		n := 1
		for g := range lanes[l].Stages {
			sg := &lanes[l].Stages[g]
			sg.First = n
			n += len(sg.Index)
			if first, last := sg.Index[0], sg.Index[len(sg.Index)-1]; last-first == len(sg.Index)-1 {
				sg.Steps = steps[first : last+1 : last+1] // in order, one after the other
				continue
			}
			sg.Steps = make([]Step, len(sg.Index))
			for j, i := range sg.Index {
				sg.Steps[j] = steps[i]
			}
		}
	}
	return lanes
}

// Lanes returns Lanes(s.Procedure), made once: Validate (the loader's) keeps the lanes
// it makes, and the page, the open data record and the flowchart read them again.
func (s *Service) Lanes() []Lane {
	if s.lanes != nil && len(s.lanesOf) == len(s.Procedure) && &s.lanesOf[0] == &s.Procedure[0] {
		return s.lanes
	}
	return Lanes(s.Procedure)
}

// Steps returns the steps of ln in the order they are numbered.
func (ln Lane) Steps() []Step {
	if len(ln.Stages) == 1 {
		return ln.Stages[0].Steps
	}
	var all []Step
	for _, sg := range ln.Stages {
		all = append(all, sg.Steps...)
	}
	return all
}

// StepTime is the time one step takes, parsed from text such as "15 menit" or
// "1-3 hari kerja".
type StepTime struct {
	Min, Max int
	Unit     Unit
}

// Duration is jangka waktu pelayanan, or one of several of a standard.
type Duration struct {
	// Label names what this duration is for when a standard states several: a stage
	// ("Penerbitan PBG") or a channel ("Pelayanan luring"). Required then.
	Label     string   `toml:"label"`
	Value     int      `toml:"nilai,required"`
	Max       int      `toml:"paling_lama"`
	Unit      Unit     `toml:"satuan,required"`
	CountFrom string   `toml:"dihitung_sejak"`
	Note      Markdown `toml:"keterangan"`
	// Key is where the duration is written, for messages: "jangka_waktu" for the table
	// [jangka_waktu], "jangka_waktu[1]" for the second [[jangka_waktu]]. The loader sets
	// it; Service.DurationKey reads it.
	Key string
}

// DurationKey returns the key path of the i-th duration of s, as messages name it.
func (s *Service) DurationKey(i int) string {
	if k := s.Durations[i].Key; k != "" {
		return k
	}
	if len(s.Durations) == 1 {
		return "jangka_waktu"
	}
	return fmt.Sprintf("jangka_waktu[%d]", i)
}

// ISO8601 writes the longest time of d as ISO 8601 when ISO 8601 can say it exactly:
// minutes, hours, calendar days, months; schema.org's and CPSV-AP's processingTime
// expect it. It never understates: ISO 8601 has no working day, and "14 hari kerja"
// written P14D would promise two weeks for what takes nearly three; a duration in working
// days, or in "hari" without saying which (SP029), gives "".
func (d Duration) ISO8601() string {
	n := max(d.Value, d.Max)
	switch d.Unit {
	case UnitMinute:
		return fmt.Sprintf("PT%dM", n)
	case UnitHour:
		return fmt.Sprintf("PT%dH", n)
	case UnitCalendarDay:
		return fmt.Sprintf("P%dD", n)
	case UnitMonth:
		return fmt.Sprintf("P%dM", n)
	}
	return ""
}

// Unit is a unit of time as standards state it.
type Unit string

// The units a duration may use.
const (
	UnitMinute      Unit = "menit"
	UnitHour        Unit = "jam"
	UnitWorkDay     Unit = "hari kerja"
	UnitCalendarDay Unit = "hari kalender"
	UnitMonth       Unit = "bulan" // "3 bulan setelah persyaratan lengkap" (Kab. Banyumas)
	// UnitDay is "hari" as many standards write it, without saying working or calendar
	// days. A duration may use it, as written (the rulebook asks which, SP029); a
	// step's time may not.
	UnitDay Unit = "hari"
)

// Units lists the units a step's time and a duration may use, in the order messages
// show them.
var Units = []Unit{UnitMinute, UnitHour, UnitWorkDay, UnitCalendarDay, UnitMonth}

// DurationUnits lists the units a duration may use: Units and UnitDay.
var DurationUnits = append(Units[:len(Units):len(Units)], UnitDay)

// Minutes converts n of u to minutes of working time, for comparing step times with the
// service duration. A working day counts as 8 hours; a calendar day as 24, a month as 30
// calendar days. A "hari" counts as a working day, the shorter of its two readings.
func (u Unit) Minutes(n int) int {
	switch u {
	case UnitMinute:
		return n
	case UnitHour:
		return n * 60
	case UnitWorkDay, UnitDay:
		return n * 8 * 60
	case UnitCalendarDay:
		return n * 24 * 60
	case UnitMonth:
		return n * 30 * 24 * 60
	}
	return 0
}

// Fee is one item of biaya/tarif. It states its fee in exactly one of four ways (its
// Kind): free, said explicitly (Free); a fixed amount (Amount); a range (Min to Max); or
// a text saying how a regulation sets it (Rule), as "Retribusi dipungut berdasarkan
// Peraturan Daerah" for a PBG computed by a formula. Amounts are whole Rupiah. A zero
// Amount is not free: nothing but Free says so.
type Fee struct {
	Text       string   `toml:"uraian,required"`
	Free       bool     `toml:"gratis"`
	Amount     int64    `toml:"tarif"`
	Min        int64    `toml:"tarif_min"`
	Max        int64    `toml:"tarif_maks"`
	Rule       string   `toml:"ketentuan"`
	LegalBasis string   `toml:"dasar_hukum"`
	Note       Markdown `toml:"keterangan"`
}

// FeeKind is the way a fee is stated.
type FeeKind int

// The fee kinds. FeeUnstated is a fee that states none (the loader refuses it).
const (
	FeeUnstated FeeKind = iota
	FeeFree             // gratis = true
	FeeFixed            // tarif
	FeeRange            // tarif_min and tarif_maks
	FeeByRule           // ketentuan
)

// Kind returns the way f states its fee. Of a fee the loader refused for stating two, it
// returns the first in the order above.
func (f Fee) Kind() FeeKind {
	switch {
	case f.Free:
		return FeeFree
	case f.Amount > 0:
		return FeeFixed
	case f.Min > 0 || f.Max > 0:
		return FeeRange
	case f.Rule != "":
		return FeeByRule
	}
	return FeeUnstated
}

// Paid reports whether f is a fee that is collected: a fixed amount, a range or one set
// by a regulation. A paid fee names its legal basis (rule SP003).
func (f Fee) Paid() bool {
	k := f.Kind()
	return k == FeeFixed || k == FeeRange || k == FeeByRule
}

// Product is one produk pelayanan.
type Product struct {
	Name string   `toml:"nama,required"`
	Form string   `toml:"bentuk"`
	Note Markdown `toml:"keterangan"`
}

// Channel is one complaint channel (penanganan pengaduan, saran dan masukan).
type Channel struct {
	Kind ChannelKind `toml:"jenis,required"`
	// Values is what the channel is reached at: a number, an address, a link; several
	// when the standard gives several ("(0725) 49638, 49313"), each its own link. Only a
	// suggestion box (ChannelNoValue) may have none.
	Values   Texts    `toml:"nilai"`
	Hours    string   `toml:"jam"`
	Response string   `toml:"waktu_respons"`
	Note     Markdown `toml:"keterangan"`
}

// Value returns the values of c as one line, joined by ", ".
func (c Channel) Value() string { return c.Values.String() }

// Texts is one text or several: in a file, a string ("0812…") or a list of strings
// (["(0725) 49638", "(0725) 49313"]). Channel values, a step's actors and the laws a law
// amends are written so.
type Texts []string

// String joins the texts for a line of text: "Operator, Pengawas".
func (t Texts) String() string { return strings.Join(t, ", ") }

// ChannelKind is the kind of a complaint channel.
type ChannelKind string

// ChannelKinds lists the kinds a channel may have. "lapor" is SP4N-LAPOR!, the national
// complaint system every provider must connect to. "faks" is a fax number (shown, not
// linked), "surat" a letter (its value is the address to write to).
var ChannelKinds = []ChannelKind{"lapor", "whatsapp", "telepon", "sms", "email", "situs", "media-sosial", "kotak-saran", "loket", "faks", "surat", "lainnya"}

// ChannelNoValue is the kind of channel that may be written without a value: a
// suggestion box is at the office, and standards say no more ("Kotak saran").
const ChannelNoValue ChannelKind = "kotak-saran"

// ComplaintHandling is how complaints are handled (the procedure) and how soon the
// complainant is answered: what UU 25/2009 Pasal 36–37 and PermenPAN-RB 15/2014
// (component 6) ask besides the channels.
type ComplaintHandling struct {
	Text         Markdown `toml:"uraian"`
	ResponseTime string   `toml:"waktu_respons"` // "paling lama 5 hari kerja"
}

// Law is one legal basis (dasar hukum). Only its kind is required: a source may say no
// more than "Peraturan Daerah" (rule SP026 names what is missing). Year 0 is not given.
type Law struct {
	ID     string `toml:"id"`
	Kind   string `toml:"jenis,required"`
	Number string `toml:"nomor"`
	Year   int    `toml:"tahun"`
	Title  string `toml:"judul"`
	Link   string `toml:"tautan"`
	// Amends holds the ids of the laws of the same service this one amends ("mengubah"):
	// pages show the amended law followed by "sebagaimana telah diubah dengan" this one,
	// and do not list this one on its own.
	Amends Texts `toml:"mengubah"`
}

// SpecialCare is one line of pelayanan khusus.
type SpecialCare struct {
	Group string   `toml:"kelompok,required"`
	Text  Markdown `toml:"uraian,required"`
}

// Page is a standalone Markdown page from content/halaman/.
type Page struct {
	Slug        string
	File        string
	Title       string `toml:"judul,required"`
	Description string `toml:"deskripsi"`
	Order       int    `toml:"urutan"`
	// Menu, when set, puts the page in the top navigation of every page under this
	// short name (menu = "Tentang").
	Menu string   `toml:"menu"`
	Body Markdown `toml:"-"`
}

// EffectiveComplaints returns the channels that apply to s: its own, or else its OPD's.
// The site-wide channels are shown beside them on every page.
func (s *Service) EffectiveComplaints() []Channel {
	if len(s.Complaints) > 0 || s.OPD == nil {
		return s.Complaints
	}
	return s.OPD.Complaints
}

// EffectiveHandling returns how complaints about s are handled: each key of its own
// [penanganan_pengaduan], or else its OPD's. Both empty when neither states it.
func (s *Service) EffectiveHandling() ComplaintHandling {
	var h ComplaintHandling
	if s.Handling != nil {
		h = *s.Handling
	}
	if s.OPD != nil && s.OPD.Handling != nil {
		if h.Text == "" {
			h.Text = s.OPD.Handling.Text
		}
		if h.ResponseTime == "" {
			h.ResponseTime = s.OPD.Handling.ResponseTime
		}
	}
	return h
}

// LawByID returns the legal basis with the given id, or nil. No law has the id "": a
// fee without dasar_hukum refers to none, whatever laws without an id the service lists.
func (s *Service) LawByID(id string) *Law {
	if id == "" {
		return nil
	}
	for i := range s.LegalBasis {
		if s.LegalBasis[i].ID == id {
			return &s.LegalBasis[i]
		}
	}
	return nil
}

// Free reports whether s states fees and every one of them says gratis = true. A service
// with no [[biaya]] is not free: its fee is not stated; nor is a fee of tarif = 0.
func (s *Service) Free() bool {
	for _, f := range s.Fees {
		if !f.Free {
			return false
		}
	}
	return len(s.Fees) > 0
}

// AmendedBy returns the laws of s that amend the law with the given id, directly or by
// amending an amendment, in year order (then as listed).
func (s *Service) AmendedBy(id string) []*Law {
	if id == "" {
		return nil
	}
	var out []*Law
	seen := map[string]bool{id: true}
	queue := []string{id}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for i := range s.LegalBasis {
			l := &s.LegalBasis[i]
			if slices.Contains(l.Amends, cur) && !slices.Contains(out, l) && (l.ID == "" || !seen[l.ID]) {
				out = append(out, l)
				if l.ID != "" {
					seen[l.ID] = true
					queue = append(queue, l.ID)
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *Law) int { return cmp.Compare(a.Year, b.Year) })
	return out
}

// Amends reports whether l amends a law of s: pages show it after the law it amends,
// not on its own line.
func (s *Service) Amends(l *Law) bool {
	for _, id := range l.Amends {
		if s.LawByID(id) != nil {
			return true
		}
	}
	return false
}

// Search is site.toml's [pencarian] table: settings of the home page's search box.
type Search struct {
	// Synonyms extend the built-in list of equivalent words (internal/render/search.go).
	Synonyms []Synonym `toml:"sinonim"`
}

// Synonym is one [[pencarian.sinonim]]: a word or phrase and what it means the same as.
type Synonym struct {
	Word string   `toml:"kata,required"`
	Same []string `toml:"sama_dengan,required"`
}

// NamedText is a Markdown component together with the key that holds it in the file.
type NamedText struct {
	Key  string
	Text Markdown
}

// ManagementTexts returns the management components written as text (8–14), in the
// regulation's order, each with its key. The rulebook and the score both walk them.
func (s *Service) ManagementTexts() []NamedText {
	return []NamedText{
		{"sarana_prasarana", s.Facilities}, {"kompetensi_pelaksana", s.Competence},
		{"pengawasan_internal", s.Supervision}, {"jumlah_pelaksana", s.Staffing},
		{"jaminan_pelayanan", s.ServiceGuarantee}, {"jaminan_keamanan_keselamatan", s.SafetyGuarantee},
		{"evaluasi_kinerja", s.Evaluation},
	}
}

// ListEntry returns the part of s that lists of services read — the home page, the OPD
// page, the search index, the site-wide rules and the change feed: its address, name,
// category, summary, keywords, the kinds and response times of its complaint channels
// and their handling, whether it is a
// draft, its decree and dates, and RequirementNames. A build keeps only this of each service once the service's own pages
// are written, so memory grows with the lists, not with the whole text of every standard.
//
// The strings are copied: a string decoded from TOML may share the memory of the whole
// file it came from, which keeping one name would then keep. intern, when not nil,
// returns a string equal to its argument that may be shared with other entries:
// requirement names repeat from service to service.
func (s *Service) ListEntry(intern func(string) string) *Service {
	return s.listEntry(strings.Clone, intern)
}

// SharedListEntry is ListEntry for a service whose strings stand on their own and are
// already shared, as those decoded from the build cache are (each a part of the cache's
// own table, which holds every distinct string once): it keeps them as they are
// instead of copying or interning each.
func (s *Service) SharedListEntry() *Service {
	same := func(x string) string { return x }
	return s.listEntry(same, same)
}

func (s *Service) listEntry(c, intern func(string) string) *Service {
	if intern == nil {
		intern = c
	}
	e := &Service{OPD: s.OPD, Slug: c(s.Slug), File: c(s.File), Name: c(s.Name),
		Category: intern(s.Category), Summary: c(s.Summary), Draft: s.Draft, Updated: s.Updated}
	if d := s.Decree; d != nil {
		// The change feed and the data catalogue date a standard by its decree.
		e.Decree = &Decree{Number: c(d.Number), Date: d.Date, Consultation: d.Consultation, LastEvaluation: d.LastEvaluation}
	}
	if len(s.Keywords) > 0 {
		e.Keywords = make([]string, len(s.Keywords))
		for i, k := range s.Keywords {
			e.Keywords[i] = intern(k)
		}
	}
	if len(s.Complaints) > 0 {
		// The site-wide rules (SP011, SP031) ask only of which kinds a service's own
		// channels are and whether they state a response time: that is kept, and not
		// their values, hours or notes, which only the service's own pages show.
		e.Complaints = make([]Channel, len(s.Complaints))
		for i, ch := range s.Complaints {
			e.Complaints[i] = Channel{Kind: ChannelKind(intern(string(ch.Kind))), Response: intern(ch.Response)}
		}
	}
	if h := s.Handling; h != nil {
		// The site-wide rules (SP031) ask whether a service states its own handling, and
		// what of it: most services copy their OPD's text, kept once.
		e.Handling = &ComplaintHandling{Text: Markdown(intern(string(h.Text))), ResponseTime: intern(h.ResponseTime)}
	}
	n := len(s.requirementNames) + len(s.Requirements)
	e.requirementNames = make([]string, 0, n) // not nil: an entry without requirements has none
	for n := range s.RequirementNames() {
		e.requirementNames = append(e.requirementNames, intern(n))
	}
	return e
}

// RequirementNames yields the names of the requirements of s, in order. Of a ListEntry,
// whose Requirements are gone, it yields the names it kept.
func (s *Service) RequirementNames() iter.Seq[string] {
	return func(yield func(string) bool) {
		if s.requirementNames != nil {
			for _, n := range s.requirementNames {
				if !yield(n) {
					return
				}
			}
			return
		}
		for _, r := range s.Requirements {
			if !yield(r.Name) {
				return
			}
		}
	}
}

// LastChanged returns the latest date the standard states for itself: diperbarui, the
// SK's date or its last evaluation; zero when it states none.
func (s *Service) LastChanged() Date {
	d := s.Updated
	if k := s.Decree; k != nil {
		for _, t := range []Date{k.Date, k.LastEvaluation} {
			if t.After(d.Time) {
				d = t
			}
		}
	}
	return d
}
