package rules

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/papan-id/papan/internal/parallel"
	"github.com/papan-id/papan/internal/standard"
)

// Check runs every rule that is not switched off over site and returns the findings with
// Rule, Path, Severity (after cfg's overrides) and Message set, unlocated and unsorted.
// today is the date the age of evaluations is measured from; pass a fixed date in tests.
//
// Check is CheckSite plus CheckService for every service, the services spread over the
// CPUs: the rules of one service read only that service, its OPD and site.toml.
func Check(site *standard.Site, cfg Config, today time.Time) standard.Problems {
	ps := CheckSite(site, cfg, today)
	var services []*standard.Service
	for _, o := range site.OPDs {
		services = append(services, o.Services...)
	}
	for _, p := range CheckServices(site, cfg, today, services) {
		ps = append(ps, p...)
	}
	return ps
}

// CheckServices runs CheckService over list on every CPU and returns the findings of
// each service, in the order of list.
func CheckServices(site *standard.Site, cfg Config, today time.Time, list []*standard.Service) []standard.Problems {
	per := make([]standard.Problems, len(list))
	parallel.For(context.Background(), len(list), func(_ context.Context, i int) error {
		per[i] = CheckService(site, cfg, today, list[i])
		return nil
	})
	return per
}

// CheckSite runs the rules about site.toml, the OPDs and the standalone pages: every
// rule except those of one service. Some of them look at all services of an OPD (is any
// without a complaint channel?), so run it again when any service changes; it is cheap.
func CheckSite(site *standard.Site, cfg Config, today time.Time) standard.Problems {
	c := &checker{cfg: cfg, today: today, site: site}
	c.siteChannels()
	c.contactAddresses(site.Config.File, site.Config.Contact)
	c.channelAddresses(site.Config.File, site.Config.Complaints)
	for _, o := range site.OPDs {
		c.opd(o)
	}
	for _, p := range site.Pages {
		c.images(p.File, "", p.Body)
	}
	return c.ps
}

// CheckService runs the rules of one service of site. Its findings are all on the
// service's own file.
func CheckService(site *standard.Site, cfg Config, today time.Time, s *standard.Service) standard.Problems {
	c := &checker{cfg: cfg, today: today, site: site}
	c.service(s)
	return c.ps
}

type checker struct {
	cfg   Config
	today time.Time
	site  *standard.Site
	ps    standard.Problems
}

// add records a finding of rule id unless the rule is off.
func (c *checker) add(id, file, path, hint, format string, args ...any) {
	if c.cfg.Off[id] {
		return
	}
	r, ok := ByID(id)
	if !ok {
		panic("rules: unknown rule " + id)
	}
	sev := r.Severity
	if s, ok := c.cfg.Severity[id]; ok {
		sev = s
	}
	c.ps = append(c.ps, standard.Problem{File: file, Path: path, Severity: sev, Rule: id,
		Message: fmt.Sprintf(format, args...), Hint: hint})
}

func hasLapor(chs []standard.Channel) bool {
	return slices.ContainsFunc(chs, func(ch standard.Channel) bool { return ch.Kind == "lapor" })
}

const laporHint = `Tambahkan [[pengaduan]] dengan jenis = "lapor" dan nilai = "https://www.lapor.go.id", di sini atau sekali untuk seluruh daerah di site.toml.`

// siteChannels reports a missing SP4N-LAPOR! channel once where it can be fixed for
// everyone: site.toml, when an OPD relies on the site's channels alone.
func (c *checker) siteChannels() {
	if hasLapor(c.site.Config.Complaints) {
		return
	}
	for _, o := range c.site.OPDs {
		for _, s := range o.Services {
			if len(s.EffectiveComplaints()) == 0 && len(c.site.Config.Complaints) > 0 {
				c.add("SP011", c.site.Config.File, "pengaduan", laporHint, "tidak ada saluran SP4N-LAPOR! (jenis = \"lapor\")")
				return
			}
		}
	}
}

var (
	promiseRE  = regexp.MustCompile(`(?i)\b(sanggup|berjanji|menyatakan|bersedia melayani)\b`)
	sanctionRE = regexp.MustCompile(`(?i)\bsanksi\b`)
)

func (c *checker) opd(o *standard.OPD) {
	c.samples(o.File, reflect.ValueOf(o).Elem(), make([]keySeg, 0, 8))
	c.images(o.File, "visi", o.Vision)
	for i, m := range o.Mission {
		c.images(o.File, fmt.Sprintf("misi[%d]", i), m)
	}
	if o.Vision == "" {
		c.add("SP020", o.File, "", "Tambahkan visi = \"…\" di bagian atas _opd.toml.", "OPD belum mencantumkan visi")
	}
	if len(o.Mission) == 0 {
		c.add("SP020", o.File, "", "Tambahkan misi = [\"…\", \"…\"] di bagian atas _opd.toml.", "OPD belum mencantumkan misi")
	}
	if o.Motto == "" {
		c.add("SP020", o.File, "", "Tambahkan moto = \"…\" di bagian atas _opd.toml.", "OPD belum mencantumkan moto")
	}
	c.maklumat(o)
	c.opdHandling(o)
	c.contactAddresses(o.File, o.Contact)
	c.channelAddresses(o.File, o.Complaints)
	if len(o.Services) > 0 && len(o.Complaints) > 0 && !hasLapor(o.Complaints) && !hasLapor(c.site.Config.Complaints) {
		for _, s := range o.Services {
			if len(s.Complaints) == 0 {
				c.add("SP011", o.File, "pengaduan", laporHint, "tidak ada saluran SP4N-LAPOR! (jenis = \"lapor\")")
				break
			}
		}
	}
}

// maklumat checks the OPD's Maklumat Pelayanan (SP012–SP015). It is a function of its
// own so that an OPD without one is still checked for everything else: the OPD of a
// real standard that publishes channels but no Maklumat (corpus 01, Kota Metro) must
// still hear that its complaint handling is not stated (SP031).
func (c *checker) maklumat(o *standard.OPD) {
	m := o.Maklumat
	if m == nil {
		from := len(c.ps)
		c.add("SP012", o.File, "", "Tambahkan tabel [maklumat] dengan teks, penanda_tangan, jabatan dan tanggal setelah maklumat ditandatangani. Lihat docs/content-model.md.",
			"OPD belum punya Maklumat Pelayanan")
		if !slices.ContainsFunc(o.Services, func(s *standard.Service) bool { return !s.Draft }) {
			// The Maklumat pledges to serve to the OPD's standards; until one is
			// published (a new OPD, or one whose standards are all drafts) it is not
			// yet due.
			c.soften(from)
		}
		return
	}
	c.images(o.File, "maklumat.teks", m.Text)
	if m.Signer == "" {
		c.add("SP013", o.File, "maklumat", "Tambahkan penanda_tangan = \"nama pimpinan\" dan jabatan pada [maklumat].",
			"Maklumat Pelayanan tidak menyebut penanda tangan")
	}
	if !promiseRE.MatchString(string(m.Text)) {
		c.add("SP014", o.File, "maklumat.teks", "Contoh: \"Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan …\"",
			"Maklumat Pelayanan tidak memuat janji melayani sesuai standar")
	}
	if !sanctionRE.MatchString(string(m.Text)) {
		c.add("SP015", o.File, "maklumat.teks", "Contoh: \"… dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.\"",
			"Maklumat Pelayanan tidak memuat kesediaan menerima sanksi")
	}
}

// vagueFee lists wording that stands in for an amount. Compared in lower case.
var vagueFee = []string{"seikhlasnya", "sukarela", "sesuai ketentuan", "bervariasi", "menyesuaikan"}

var (
	// officeHoursRE finds office hours such as "08.00–15.00" or "WIB" in a duration.
	officeHoursRE = regexp.MustCompile(`(?i)\b\d{1,2}[.:]\d{2}\s*(-|–|s\.?\s?d\.?|sampai)\s*\d{1,2}[.:]\d{2}|\b(wib|wita|wit)\b`)
	// imageRE finds Markdown images with empty alt text: ![](x) or ![ ](x).
	imageRE = regexp.MustCompile(`!\[\s*\]\(\s*<?([^)\s>]*)`)
)

func (c *checker) service(s *standard.Service) {
	f := s.File
	c.serviceImages(s)
	c.samples(f, reflect.ValueOf(s).Elem(), make([]keySeg, 0, 8))
	c.missingComponents(s)
	for i, st := range s.Procedure {
		if len(st.Actors) == 0 {
			c.add("SP005", f, fmt.Sprintf("prosedur[%d]", i), "Tulis pelaksana = \"…\" bila standar menyebutnya. Bila standar memang tidak menyebutnya, biarkan: halaman menulis bahwa pelaksananya tidak disebut.",
				"[[prosedur]] ke-%d tidak menyebut pelaksana", i+1)
		}
	}

	var missing []string
	if len(s.LegalBasis) == 0 {
		missing = append(missing, "dasar_hukum")
	}
	for _, m := range s.ManagementTexts() {
		if strings.TrimSpace(string(m.Text)) == "" {
			missing = append(missing, m.Key)
		}
	}
	if len(missing) > 0 {
		c.add("SP002", f, "", "Isi komponen ini dari SK standar pelayanan; semuanya teks Markdown di bagian atas berkas, dasar_hukum sebagai [[dasar_hukum]].",
			"komponen pengelolaan belum diisi: %s", strings.Join(missing, ", "))
	}

	if n := utf8.RuneCountInString(s.Name); n > PosterNameRunes {
		c.add("SP024", f, "nama", fmt.Sprintf("Singkat nama layanan menjadi paling banyak %d karakter; keterangan tambahan ditulis di ringkasan.", PosterNameRunes),
			"nama layanan %d karakter; poster hanya memuat %d karakter pertama", n, PosterNameRunes)
	}

	for i, fee := range s.Fees {
		p := fmt.Sprintf("biaya[%d]", i)
		if fee.Amount > FeeLimit {
			c.add("SP023", f, p+".tarif", "Periksa jumlah nol pada tarif (ditulis tanpa titik: 150000 untuk Rp150.000). Bila tarif memang sebesar ini, pastikan dasar hukumnya menyebut jumlah yang sama.",
				"tarif %s pada [[biaya]] ke-%d melebihi %s", Rupiah(fee.Amount), i+1, Rupiah(FeeLimit))
		}
		sp025 := c.freeFee(s, i, fee)
		for _, fld := range []struct{ key, text string }{{"uraian", fee.Text}, {"keterangan", string(fee.Note)}} {
			if sp025[fld.key] {
				continue // SP025 said it of this text
			}
			low := strings.ToLower(fld.text)
			for _, w := range vagueFee {
				if strings.Contains(low, w) {
					c.add("SP004", f, p+"."+fld.key, "Tulis jumlah rupiah di tarif, rentang di tarif_min dan tarif_maks, atau rumus dan peraturannya di ketentuan, dengan dasar hukumnya; atau tulis gratis = true bila standar menyatakan gratis.",
						"%s memakai kata samar %q", standard.FieldLabel(p+"."+fld.key), w)
					break
				}
			}
		}
	}

	for i, d := range s.Durations {
		key := s.DurationKey(i)
		if d.CountFrom == "" {
			c.add("SP007", f, key, `Tambahkan dihitung_sejak = "berkas dinyatakan lengkap".`,
				"jangka waktu tidak menyebut sejak kapan dihitung")
		}
		for _, fld := range []struct{ key, text string }{{"dihitung_sejak", d.CountFrom}, {"keterangan", string(d.Note)}} {
			if m := officeHoursRE.FindString(fld.text); m != "" {
				c.add("SP008", f, key+"."+fld.key, "Jam buka ditulis di jam_layanan pada _opd.toml; jangka_waktu menyebut lama penyelesaian, misalnya nilai = 3 dan satuan = \"hari kerja\".",
					"jangka waktu berisi jam buka kantor (%q)", m)
			}
		}
		if d.Unit == standard.UnitDay {
			c.add("SP029", f, key+".satuan", `Tulis satuan = "hari kerja" atau satuan = "hari kalender" sesuai maksud SK. Bila SK hanya menulis "hari", tanyakan kepada unit yang menetapkannya; sampai itu halaman menulis "hari" seperti dalam SK.`,
				"jangka waktu ditulis dalam \"hari\" tanpa menyebut hari kerja atau hari kalender")
		}
	}
	c.stepTimes(s)
	c.openEnded(s)
	c.handling(s)
	c.products(s)
	c.channelAddresses(f, s.Complaints)

	own := s.EffectiveComplaints()
	if len(own) == 0 && len(c.site.Config.Complaints) == 0 {
		c.add("SP010", f, "", "Tambahkan [[pengaduan]] di layanan ini, di _opd.toml untuk semua layanan OPD, atau di site.toml untuk seluruh daerah.",
			"layanan tidak punya saluran pengaduan")
	} else if len(s.Complaints) > 0 && !hasLapor(s.Complaints) && !hasLapor(c.site.Config.Complaints) {
		c.add("SP011", f, "pengaduan", laporHint, "tidak ada saluran SP4N-LAPOR! (jenis = \"lapor\")")
	}

	if len(s.SpecialCare) == 0 {
		c.add("SP016", f, "", "Tambahkan [[pelayanan_khusus]] dengan kelompok (misalnya \"Penyandang disabilitas\") dan uraian perlakuannya.",
			"layanan tidak menyebut pelayanan khusus bagi kelompok rentan")
	}

	sk, skPath := s.Decree, "sk"
	if sk == nil {
		sk, skPath = &standard.Decree{}, ""
	}
	c.legalBasis(s)
	c.decree(s)
	if sk.Number == "" && sk.Date.IsZero() {
		c.add("SP017", f, skPath, "Tambahkan tabel [sk] dengan nomor dan tanggal keputusan yang menetapkan standar ini.",
			"standar belum menyebut nomor dan tanggal SK penetapannya")
	}
	if sk.Consultation.IsZero() {
		c.add("SP018", f, skPath, "Tulis tanggal konsultasi publik pada [sk]: konsultasi_publik = 2024-01-10.",
			"standar belum mencatat tanggal konsultasi publik")
	}
	months := c.cfg.EvaluationAge()
	switch {
	case sk.LastEvaluation.IsZero():
		c.add("SP019", f, skPath, "Tulis tanggal evaluasi terakhir pada [sk]: evaluasi_terakhir = 2024-06-30.",
			"standar belum mencatat tanggal evaluasi terakhir")
	case !c.cfg.Evaluated(s, c.today): // what the build cache keys a service by
		c.add("SP019", f, "sk.evaluasi_terakhir", "Evaluasi ulang standar ini bersama masyarakat, lalu perbarui evaluasi_terakhir.",
			"evaluasi terakhir standar (%s) sudah lebih dari %d bulan", sk.LastEvaluation.Format("2006-01-02"), months)
	}
}

// soften lowers the galat among the findings from index from on to peringatan: what is
// missing from a standard not yet published is work to do, not a fault of the site.
func (c *checker) soften(from int) {
	for i := from; i < len(c.ps); i++ {
		if c.ps[i].Severity == standard.Error {
			c.ps[i].Severity = standard.Warning
		}
	}
}

// missingComponents reports each delivery component the service does not write at all
// (SP021); the complaint channel, which may come from the OPD or the site, is SP010's.
// For a draft (draf = true), which is not published, they are peringatan.
func (c *checker) missingComponents(s *standard.Service) {
	if s.Draft {
		defer c.soften(len(c.ps))
	}
	for _, m := range []struct {
		missing bool
		what    string
		hint    string
	}{
		{len(s.Requirements) == 0, "persyaratan ([[persyaratan]])",
			"Tambahkan [[persyaratan]] dengan nama untuk setiap dokumen atau syarat."},
		{len(s.Procedure) == 0, "prosedur ([[prosedur]])",
			"Tambahkan [[prosedur]] dengan uraian dan pelaksana untuk setiap langkah, berurutan."},
		{len(s.Durations) == 0, "jangka waktu ([jangka_waktu])",
			`Tambahkan tabel [jangka_waktu] dengan nilai dan satuan, misalnya nilai = 3 dan satuan = "hari kerja".`},
		{len(s.Fees) == 0, "biaya/tarif ([[biaya]])",
			"Tambahkan [[biaya]] dengan uraian dan salah satu dari gratis = true (hanya bila standar menyatakan gratis), tarif, tarif_min dan tarif_maks, atau ketentuan."},
		{len(s.Products) == 0, "produk ([[produk]])",
			"Tambahkan [[produk]] dengan nama dari apa yang diterima warga, misalnya nama = \"Kartu Keluarga\"."},
	} {
		if m.missing {
			c.add("SP021", s.File, "", m.hint+` Sampai diisi, halaman layanan menulis "Belum dicantumkan dalam standar pelayanan ini".`,
				"komponen pelayanan belum dicantumkan: %s", m.what)
		}
	}
}

// EvaluationAge is the age limit of the last evaluation in months: EvaluationMonths, or
// 12 when it is not set.
func (c Config) EvaluationAge() int {
	if c.EvaluationMonths > 0 {
		return c.EvaluationMonths
	}
	return 12
}

// Evaluated reports whether the last evaluation of s is at most EvaluationAge months old
// on today. It is the one thing of a service's own findings and score (CheckService,
// ScoreService) that depends on the date, which is why the build cache keys a service by
// it rather than by the date.
func (c Config) Evaluated(s *standard.Service, today time.Time) bool {
	return s != nil && s.Decree != nil && EvaluatedWithin(s.Decree.LastEvaluation, c.EvaluationAge(), today)
}

// EvaluatedWithin reports whether an evaluation on date d is at most months old on today.
func EvaluatedWithin(d standard.Date, months int, today time.Time) bool {
	if d.IsZero() {
		return false
	}
	limit := time.Date(today.Year(), today.Month()-time.Month(months), today.Day(), 0, 0, 0, 0, time.UTC)
	return !d.Time.Before(limit)
}

// stepTimes compares the shortest time of each procedure (per channel, over all its
// stages, without the steps done only on a condition) with the longest promised duration
// (SP009): the duration labelled as the channel is, or else, of a standard with several
// durations (stages one after another, as often as alternatives), all of them together,
// so that the rule never finds fault where the standard may be right.
func (c *checker) stepTimes(s *standard.Service) {
	if len(s.Durations) == 0 {
		return
	}
	longest := func(d standard.Duration) int { return d.Unit.Minutes(max(d.Value, d.Max)) }
	total := 0
	for _, d := range s.Durations {
		total += longest(d)
	}
	sum := map[string]int{}
	var channels []string
	for _, st := range s.Procedure {
		// A step done only on a condition (jika) may not be done at all, so it is not
		// part of the shortest way through. Stages follow one another: their steps add up.
		if st.Time == nil || st.Condition != "" {
			continue
		}
		if _, ok := sum[st.Channel]; !ok {
			channels = append(channels, st.Channel)
		}
		sum[st.Channel] += st.Time.Unit.Minutes(st.Time.Min)
	}
	for _, ch := range channels {
		limit, key := total, s.DurationKey(0)
		for i, d := range s.Durations {
			if len(s.Durations) > 1 && ch != "" && d.Label == ch {
				limit, key = longest(d), s.DurationKey(i)
			}
		}
		if limit <= 0 || sum[ch] <= limit {
			continue
		}
		where := ""
		if ch != "" {
			where = fmt.Sprintf(" pada kanal %q", ch)
		}
		c.add("SP009", s.File, key+".nilai", "Periksa waktu setiap langkah dan jangka waktu. Satu hari kerja dihitung 8 jam.",
			"jumlah waktu langkah prosedur%s (%s) melebihi jangka waktu layanan (%s)", where, workTime(sum[ch]), workTime(limit))
	}
}

// Rupiah writes an amount the way an editor reads it: Rp1.500.000.
func Rupiah(n int64) string {
	digits := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	return sign + "Rp" + b.String()
}

// workTime writes minutes of working time for a message: "90 menit" → "1 jam 30 menit".
func workTime(m int) string {
	switch {
	case m < 60:
		return fmt.Sprintf("%d menit", m)
	case m%60 == 0:
		return fmt.Sprintf("%d jam", m/60)
	}
	return fmt.Sprintf("%d jam %d menit", m/60, m%60)
}

func (c *checker) serviceImages(s *standard.Service) {
	f := s.File
	for i, r := range s.Requirements {
		c.images(f, fmt.Sprintf("persyaratan[%d].keterangan", i), r.Note)
	}
	for i, d := range s.Durations {
		c.images(f, s.DurationKey(i)+".keterangan", d.Note)
	}
	for i, fee := range s.Fees {
		c.images(f, fmt.Sprintf("biaya[%d].keterangan", i), fee.Note)
	}
	for i, p := range s.Products {
		c.images(f, fmt.Sprintf("produk[%d].keterangan", i), p.Note)
	}
	for i, ch := range s.Complaints {
		c.images(f, fmt.Sprintf("pengaduan[%d].keterangan", i), ch.Note)
	}
	if s.Handling != nil {
		c.images(f, "penanganan_pengaduan.uraian", s.Handling.Text)
	}
	for _, m := range s.ManagementTexts() {
		c.images(f, m.Key, m.Text)
	}
	for i, sc := range s.SpecialCare {
		c.images(f, fmt.Sprintf("pelayanan_khusus[%d].uraian", i), sc.Text)
	}
}

// images reports each Markdown image in text without alt text (SP006).
func (c *checker) images(file, path string, text standard.Markdown) {
	for _, m := range imageRE.FindAllStringSubmatch(string(text), -1) {
		c.add("SP006", file, path, "Tulis apa isi gambar di antara kurung siku: ![Alur layanan KTP-el](alur.png).",
			"gambar %q tidak punya teks alternatif", m[1])
	}
}

// openEndedRE finds the wording of a requirement that leaves the list open or the
// condition unsaid (SP030). The phrases come from real standards: "Dokumen Kependudukan
// yang dimiliki, antara lain: …" (Kab. Sintang, Kartu Keluarga), "Rekomendasi dari
// Instansi terkait, bila diperlukan" (Kab. Kotawaringin Timur, Izin Reklame), and the
// "dan dokumen pendukung lainnya" assessors flag. A condition that says when ("bagi yang
// sudah menikah", "Untuk orang asing") is not open-ended, nor is "dan keperluan
// lainnya" (Kota Baubau), which says what a product is for, not what to bring, nor "dokumen
// lain yang memuat nomor ijazah", which names the document by what it must show.
var openEndedRE = regexp.MustCompile(`(?i)\b(dan\s+lain[\s-]+lain|dan\s+lain\s+sebagainya|dan\s+sebagainya|dan\s+seterusnya|dll|dsb|dst|antara\s+lain|(?:dokumen|berkas|surat|syarat|persyaratan)(?:\s+pendukung)?\s+lain(?:nya)?|(?:bila|jika|apabila|kalau)\s+(?:di)?perlu(?:kan)?|yang\s+dianggap\s+perlu)\b`)

// definedRE is what makes "dokumen lain" closed: a property the document must show.
var definedRE = regexp.MustCompile(`(?i)^\s+yang\s+(memuat|berisi|mencantumkan|menunjukkan|menyebut)`)

// openEndedIn returns the first open-ended wording of text, or "".
func openEndedIn(text string) string {
	// Every phrase of openEndedRE holds one of these; most requirements hold none, and
	// the regular expression costs far more than these look-ups.
	lower := strings.ToLower(text)
	if !strings.Contains(lower, "lain") && !strings.Contains(lower, "perlu") && !strings.Contains(lower, "dll") &&
		!strings.Contains(lower, "dsb") && !strings.Contains(lower, "dst") && !strings.Contains(lower, "sebagai") && !strings.Contains(lower, "seterus") {
		return ""
	}
	for _, m := range openEndedRE.FindAllStringIndex(text, -1) {
		w := text[m[0]:m[1]]
		if strings.HasSuffix(strings.ToLower(w), "lain") || strings.HasSuffix(strings.ToLower(w), "lainnya") {
			if !strings.HasPrefix(strings.ToLower(w), "antara") && definedRE.MatchString(text[m[1]:]) {
				continue
			}
		}
		return w
	}
	return ""
}

// openEnded reports requirements worded open-endedly (SP030), once per field.
func (c *checker) openEnded(s *standard.Service) {
	for i, r := range s.Requirements {
		for _, fld := range []struct{ key, text string }{{"nama", r.Name}, {"keterangan", string(r.Note)}, {"jika", r.Condition}} {
			m := openEndedIn(fld.text)
			if m == "" {
				continue
			}
			hint := "Sebut setiap dokumen yang diminta sebagai [[persyaratan]] sendiri. Bila warga cukup membawa salah satunya, beri persyaratan-persyaratan itu atau = \"…\" yang sama; warga tidak boleh dimintai dokumen yang tidak tercantum."
			if strings.Contains(strings.ToLower(m), "perlu") {
				hint = "Tulis kapan tepatnya syarat ini diminta di jika = \"…\", misalnya jika = \"bila reklame dipasang di tanah milik pihak lain\"; \"bila diperlukan\" tidak memberi tahu warga apakah ia harus membawanya."
			}
			p := fmt.Sprintf("persyaratan[%d].%s", i, fld.key)
			c.add("SP030", s.File, p, hint, "%s memakai rumusan terbuka %q", standard.FieldLabel(p), m)
		}
	}
}

// handlingGap names what of the complaint handling is not stated: how complaints are
// handled (uraian) and how soon they are answered (waktu_respons, or the response time
// of a channel). "" when both are stated.
func handlingGap(h standard.ComplaintHandling, channels []standard.Channel) string {
	text := strings.TrimSpace(string(h.Text)) != ""
	response := strings.TrimSpace(h.ResponseTime) != "" ||
		slices.ContainsFunc(channels, func(ch standard.Channel) bool { return ch.Response != "" })
	switch {
	case !text && !response:
		return "cara pengaduan ditangani dan waktu tanggapannya"
	case !text:
		return "cara pengaduan ditangani"
	case !response:
		return "waktu tanggapan pengaduan"
	}
	return ""
}

const handlingHint = `Tulis tabel [penanganan_pengaduan] dengan uraian = "…" (langkah penanganan pengaduan) dan waktu_respons = "…" (misalnya "paling lama 5 hari kerja") seperti tertulis dalam standar.`

// handling reports a service whose own [penanganan_pengaduan] leaves out how complaints
// are handled or how soon they are answered, after the OPD's is taken into account
// (SP031). A service without its own table is reported once on its OPD (opdHandling),
// where one table fixes every service.
func (c *checker) handling(s *standard.Service) {
	if s.Handling == nil && s.OPD != nil {
		return
	}
	if gap := handlingGap(s.EffectiveHandling(), s.EffectiveComplaints()); gap != "" {
		path := "penanganan_pengaduan"
		if s.Handling == nil {
			path = ""
		}
		c.add("SP031", s.File, path, handlingHint+" Yang berlaku untuk semua layanan OPD ditulis sekali di _opd.toml.",
			"layanan tidak menyebut %s", gap)
	}
}

// opdHandling reports, once on the OPD profile, that services relying on the OPD's
// [penanganan_pengaduan] are not told how complaints are handled or how soon (SP031).
func (c *checker) opdHandling(o *standard.OPD) {
	for _, s := range o.Services {
		if s.Handling != nil {
			continue
		}
		gap := handlingGap(s.EffectiveHandling(), s.EffectiveComplaints())
		if gap == "" {
			continue
		}
		path := "penanganan_pengaduan"
		if o.Handling == nil {
			path = ""
		}
		c.add("SP031", o.File, path, handlingHint+" Tabel di _opd.toml berlaku untuk setiap layanan OPD ini yang tidak menulisnya sendiri.",
			"OPD dan layanannya tidak menyebut %s", gap)
		return
	}
}
