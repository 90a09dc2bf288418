package standard

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The checks here are the content model's own: values from a fixed list, references that
// must resolve, numbers that must be in range. Types, unknown keys and missing required
// keys are found earlier, while decoding. The compliance rulebook (what a complete and
// sound standard needs) builds on top of these.

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// regionCodeRE matches a code of Kemendagri's list of regions (Kepmendagri
// 100.1.1-6117/2022): province, regency or city, district, village, dot-separated.
var regionCodeRE = regexp.MustCompile(`^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$`)

// ValidSlug reports whether s can be part of a page address: lower-case ASCII letters,
// digits and single hyphens. Anything else (spaces, capitals, dots, zero-width characters)
// would make addresses that differ by host or file system.
func ValidSlug(s string) bool { return slugRE.MatchString(s) }

// Slugify suggests a valid slug for s, for messages that refuse an invalid one.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// The fixed lists of values. Messages quote them in this order.
var (
	RequirementForms = []string{"asli", "fotokopi", "asli dan fotokopi", "elektronik"}
	RequirementKinds = []string{"administratif", "teknis"}
	ProductForms     = []string{"fisik", "elektronik", "fisik dan elektronik"}
)

// RuleFeeLegalBasis is the rulebook ID (package rules) of the fee checks below: they are
// compliance rules and structural ones at once, found while loading, so the site is not
// published with a paid fee nobody can look up.
const RuleFeeLegalBasis = "SP003"

type checker struct {
	file     string
	problems []Problem
}

func (c *checker) errorf(path, hint, format string, args ...any) {
	c.problems = append(c.problems, Problem{
		File: c.file, Path: path, Severity: Error,
		Message: fmt.Sprintf(format, args...), Hint: hint,
	})
}

func (c *checker) oneOf(path, value string, allowed []string) {
	if value == "" || slices.Contains(allowed, value) {
		return
	}
	c.errorf(path, "Pilih salah satu: "+quoteList(allowed)+".",
		"%s bernilai %q, yang tidak dikenal", FieldLabel(path), value)
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func (c *checker) channels(prefix string, chs []Channel) {
	kinds := make([]string, len(ChannelKinds))
	for i, k := range ChannelKinds {
		kinds[i] = string(k)
	}
	for i, ch := range chs {
		p := fmt.Sprintf("%s[%d]", prefix, i)
		c.oneOf(p+".jenis", string(ch.Kind), kinds)
		for j, v := range ch.Values {
			vp := p + ".nilai"
			if len(ch.Values) > 1 {
				vp = fmt.Sprintf("%s[%d]", vp, j)
			}
			if strings.TrimSpace(v) == "" {
				c.errorf(vp, "Hapus butir kosong dari daftar, atau tulis nilainya.", "%s kosong", FieldLabel(vp))
				continue
			}
			if slices.Contains(URLChannelKinds, ch.Kind) {
				c.url(vp, v)
			}
		}
	}
}

// handling checks a [penanganan_pengaduan] table: a table written says something.
func (c *checker) handling(h *ComplaintHandling) {
	if h != nil && strings.TrimSpace(string(h.Text)) == "" && strings.TrimSpace(h.ResponseTime) == "" {
		c.errorf("penanganan_pengaduan", `Tulis uraian = "…" (cara pengaduan ditangani) dan waktu_respons = "…" (misalnya "paling lama 5 hari kerja") seperti tertulis dalam standar, atau hapus tabel ini.`,
			"[penanganan_pengaduan] tidak berisi uraian maupun waktu_respons")
	}
}

// url checks a field that pages publish as a link: an absolute http or https address
// (WebURL). Without the check "simbg.pu.go.id" would be a link to a page of the site
// that does not exist, and "javascript:…" a link html/template disarms to "#ZgotmplZ".
func (c *checker) url(path, value string) {
	if value == "" {
		return
	}
	if _, problem, hint := WebURL(value); problem != "" {
		c.errorf(path, hint, "%s bernilai %q, yang %s", FieldLabel(path), value, problem)
	}
}

func (c *checker) contact(prefix string, k Contact) {
	c.url(prefix+".situs", k.Website)
}

// Validate returns the problems in site.toml's values.
func (cfg *Config) Validate() []Problem {
	c := checker{file: cfg.File}
	c.oneOf("bahasa", cfg.Language, []string{"id", "en"})
	if cfg.RegionCode != "" && !regionCodeRE.MatchString(cfg.RegionCode) {
		c.errorf("kode_wilayah", `Tulis kode wilayah Kemendagri dengan titik: "32" (provinsi), "32.73" (kabupaten/kota), "32.73.01" (kecamatan) atau "32.73.01.1001" (desa/kelurahan).`,
			"kode_wilayah %q bukan kode wilayah Kemendagri", cfg.RegionCode)
	}
	c.channels("pengaduan", cfg.Complaints)
	c.contact("kontak", cfg.Contact)
	if cfg.Home.FullListLimit < 0 {
		c.errorf("beranda.batas_daftar_lengkap", "Tulis jumlah layanan, misalnya 300; beranda mendaftar setiap layanan selama situs tidak memiliki lebih banyak layanan daripada itu.",
			"%s tidak boleh negatif", FieldLabel("beranda.batas_daftar_lengkap"))
	}
	// The emblem is a file the site publishes from static/, linked on every page: an
	// address elsewhere would put another site's image beside "Situs resmi".
	if e := cfg.Emblem; e != "" && (strings.Contains(e, ":") || strings.HasPrefix(e, "//") || strings.Contains(e, "..")) {
		c.errorf("lambang", "Simpan gambar lambang di folder static/ situs, lalu tulis jalurnya, misalnya lambang = \"lambang.svg\" untuk static/lambang.svg.",
			"lambang %q harus berupa jalur berkas di folder static/, bukan alamat situs lain", e)
	}
	return c.problems
}

// Validate returns the problems in the OPD profile's values.
func (o *OPD) Validate() []Problem {
	c := checker{file: o.File}
	c.contact("kontak", o.Contact)
	c.channels("pengaduan", o.Complaints)
	c.handling(o.Handling)
	return c.problems
}

// Validate returns the problems in the service's values and references.
func (s *Service) Validate() []Problem {
	c := checker{file: s.File}
	c.url("tautan_daring", s.OnlineURL)
	for i, r := range s.Requirements {
		p := fmt.Sprintf("persyaratan[%d]", i)
		c.oneOf(p+".bentuk", r.Form, RequirementForms)
		c.oneOf(p+".jenis", r.Kind, RequirementKinds)
		if r.Copies < 0 {
			c.errorf(p+".jumlah", "", "jumlah tidak boleh negatif")
		}
	}
	s.validateOneOf(&c)
	s.validateProcedure(&c)
	s.validateDurations(&c)
	ids := map[string]int{}
	for i, l := range s.LegalBasis {
		c.url(fmt.Sprintf("dasar_hukum[%d].tautan", i), l.Link)
		if l.ID == "" {
			continue
		}
		p := fmt.Sprintf("dasar_hukum[%d].id", i)
		if !ValidSlug(l.ID) {
			c.errorf(p, fmt.Sprintf("Gunakan huruf kecil, angka dan tanda hubung, misalnya %q.", Slugify(l.ID)),
				"id dasar hukum %q tidak valid", l.ID)
		}
		if j, dup := ids[l.ID]; dup {
			c.errorf(p, "Setiap dasar hukum memerlukan id yang berbeda.",
				"id %q sudah dipakai oleh [[dasar_hukum]] ke-%d", l.ID, j+1)
			continue
		}
		ids[l.ID] = i
	}
	s.validateAmendments(&c, ids)
	for i, f := range s.Fees {
		p := fmt.Sprintf("biaya[%d]", i)
		if f.LegalBasis != "" {
			if _, ok := ids[f.LegalBasis]; !ok {
				c.errorf(p+".dasar_hukum", legalBasisHint(s.LegalBasis),
					"%s merujuk %q, yang tidak ada di [[dasar_hukum]] layanan ini", FieldLabel(p+".dasar_hukum"), f.LegalBasis)
				c.problems[len(c.problems)-1].Rule = RuleFeeLegalBasis
			}
		} else if f.Paid() {
			what := fmt.Sprintf("tarif Rp%d", f.Amount)
			switch f.Kind() {
			case FeeRange:
				what = fmt.Sprintf("rentang tarif Rp%d–Rp%d", f.Min, f.Max)
			case FeeByRule:
				what = "ketentuan biaya"
			}
			c.errorf(p+".dasar_hukum", "Biaya yang dipungut wajib menyebut dasar hukumnya (misalnya Perda retribusi): tambahkan [[dasar_hukum]] dengan id, lalu tulis dasar_hukum = \"id-itu\" pada biaya ini.",
				"%s pada [[biaya]] ke-%d tidak menyebut dasar hukum", what, i+1)
			c.problems[len(c.problems)-1].Rule = RuleFeeLegalBasis
		}
	}
	for i, p := range s.Products {
		c.oneOf(fmt.Sprintf("produk[%d].bentuk", i), p.Form, ProductForms)
	}
	c.channels("pengaduan", s.Complaints)
	c.handling(s.Handling)
	return c.problems
}

// validateAmendments checks each law's mengubah: ids of other laws of the service, and
// no law amending itself, directly or round a circle, which would hide it from the page.
func (s *Service) validateAmendments(c *checker, ids map[string]int) {
	for i, l := range s.LegalBasis {
		for j, id := range l.Amends {
			p := fmt.Sprintf("dasar_hukum[%d].mengubah", i)
			if len(l.Amends) > 1 {
				p = fmt.Sprintf("%s[%d]", p, j)
			}
			switch _, ok := ids[id]; {
			case !ok:
				c.errorf(p, amendsHint(s.LegalBasis, l.ID),
					"%s merujuk %q, yang tidak ada di [[dasar_hukum]] layanan ini", FieldLabel(p), id)
			case id == l.ID:
				c.errorf(p, "mengubah menyebut id peraturan yang diubah oleh peraturan ini, bukan id-nya sendiri.",
					"[[dasar_hukum]] ke-%d mengubah dirinya sendiri", i+1)
			case l.ID != "" && slices.ContainsFunc(s.AmendedBy(l.ID), func(a *Law) bool { return a.ID == id }):
				c.errorf(p, "Peraturan yang mengubah ditulis dengan mengubah = \"id peraturan yang diubah\"; peraturan yang diubah tidak memakai mengubah untuk peraturan pengubahnya.",
					"%s dan [[dasar_hukum]] %q saling mengubah", FieldLabel(p), id)
			}
		}
	}
}

func amendsHint(laws []Law, self string) string {
	var ids []string
	for _, l := range laws {
		if l.ID != "" && l.ID != self {
			ids = append(ids, l.ID)
		}
	}
	if len(ids) == 0 {
		return "Tambahkan peraturan yang diubah sebagai [[dasar_hukum]] dengan id, lalu tulis id itu di mengubah."
	}
	return "mengubah berisi id [[dasar_hukum]] yang diubah; id yang ada: " + quoteList(ids) + "."
}

// validateDurations checks each [jangka_waktu] or [[jangka_waktu]]. A zero or negative
// nilai is the decoder's to refuse (it knows a nilai not written from one written 0).
func (s *Service) validateDurations(c *checker) {
	units := make([]string, len(Units))
	for i, u := range Units {
		units[i] = string(u)
	}
	labels := map[string]int{}
	for i, d := range s.Durations {
		key := s.DurationKey(i)
		if d.Unit != "" && !slices.Contains(DurationUnits, d.Unit) {
			c.errorf(key+".satuan", "Pilih salah satu: "+quoteList(units)+". Jam buka kantor bukan jangka waktu.",
				"%s bernilai %q, yang tidak dikenal", FieldLabel(key+".satuan"), d.Unit)
		}
		if d.Max != 0 && d.Max < d.Value {
			c.errorf(key+".paling_lama", "paling_lama adalah batas atas rentang, misalnya nilai = 1 dan paling_lama = 14.",
				"paling_lama (%d) lebih kecil daripada nilai (%d)", d.Max, d.Value)
		}
		if len(s.Durations) < 2 {
			continue
		}
		if d.Label == "" {
			c.errorf(key, `Tulis label = "…" pada setiap [[jangka_waktu]]: untuk apa jangka waktu ini, misalnya label = "Penerbitan PBG" atau label = "Pelayanan luring".`,
				"%s wajib diisi bila jangka waktu lebih dari satu", FieldLabel(key+".label"))
			continue
		}
		if j, dup := labels[d.Label]; dup {
			c.errorf(key+".label", "Setiap jangka waktu memerlukan label yang berbeda.",
				"label %q sudah dipakai oleh [[jangka_waktu]] ke-%d", d.Label, j+1)
			continue
		}
		labels[d.Label] = i
	}
}

// validateOneOf checks the "one of" groups of the requirements: a group has at least
// two requirements of the same case, or it offers no choice.
func (s *Service) validateOneOf(c *checker) {
	type group struct{ kasus, atau string }
	n := map[group]int{}
	for _, r := range s.Requirements {
		if r.OneOf != "" {
			n[group{r.Case, r.OneOf}]++
		}
	}
	for i, r := range s.Requirements {
		if r.OneOf == "" || n[group{r.Case, r.OneOf}] > 1 {
			continue
		}
		where := ""
		if r.Case != "" {
			where = fmt.Sprintf(" dengan kasus = %q", r.Case)
		}
		c.errorf(fmt.Sprintf("persyaratan[%d].atau", i), fmt.Sprintf("Tulis atau = %q juga pada persyaratan lain yang menjadi pilihannya (pada kasus yang sama), atau hapus atau dari persyaratan ini.", r.OneOf),
			"tidak ada persyaratan lain%s dengan atau = %q; satu persyaratan saja bukan pilihan", where, r.OneOf)
	}
}

func legalBasisHint(laws []Law) string {
	var ids []string
	for _, l := range laws {
		if l.ID != "" {
			ids = append(ids, l.ID)
		}
	}
	if len(ids) == 0 {
		return "Layanan ini belum punya [[dasar_hukum]] dengan id; tambahkan dasar hukum dengan id yang sama."
	}
	return "id yang ada: " + quoteList(ids) + "."
}

func (s *Service) validateProcedure(c *checker) {
	// Steps are numbered per channel, across its stages, as pages show them.
	number := make([]int, len(s.Procedure))
	count := make([]int, len(s.Procedure)) // the number of steps of the step's channel
	s.lanes, s.lanesOf = Lanes(s.Procedure), s.Procedure
	for _, ln := range s.lanes {
		n := 0
		for _, sg := range ln.Stages {
			n += len(sg.Steps)
		}
		for _, sg := range ln.Stages {
			for j, i := range sg.Index {
				number[i], count[i] = sg.First+j, n
			}
		}
	}
	const askHint = "Tulis pertanyaannya di keputusan, misalnya keputusan = \"Berkas lengkap?\"."
	backTo := func(path string, to, i int) {
		// A decision may return to its own step: "berkas belum lengkap: dilengkapi,
		// lalu diperiksa lagi" repeats the check (corpus 13, Garut).
		if to != 0 && (to < 1 || to > count[i]) {
			c.errorf(path, backToHint(count[i], number[i], s.Procedure[i]),
				"%s = %d tidak menunjuk langkah yang ada", FieldLabel(path), to)
		}
	}
	for i, st := range s.Procedure {
		p := fmt.Sprintf("prosedur[%d]", i)
		if st.Decision == "" {
			for _, k := range []struct {
				key string
				set bool
			}{{"jika_tidak", st.IfNot != ""}, {"kembali_ke", st.BackTo != 0}, {"hasil", len(st.Outcomes) > 0}} {
				if k.set {
					c.errorf(p+"."+k.key, askHint, "%s hanya berlaku untuk langkah dengan keputusan", FieldLabel(p+"."+k.key))
				}
			}
			continue
		}
		backTo(p+".kembali_ke", st.BackTo, i)
		if len(st.Outcomes) > 0 && (st.IfNot != "" || st.BackTo != 0) {
			key := "jika_tidak"
			if st.IfNot == "" {
				key = "kembali_ke"
			}
			c.errorf(p+"."+key, "Tulis cabang \"tidak\" sebagai [[prosedur.hasil]] juga, dengan jika, maka dan kembali_ke, lalu hapus jika_tidak dan kembali_ke dari langkah ini.",
				"langkah dengan [[prosedur.hasil]] tidak memakai %s", key)
		}
		for j, o := range st.Outcomes {
			q := fmt.Sprintf("%s.hasil[%d]", p, j)
			if o.BackTo != 0 && o.End {
				c.errorf(q+".selesai", "Pilih salah satu: kembali_ke bila proses kembali ke langkah itu, selesai = true bila permohonan berhenti di sini.",
					"%s memakai kembali_ke dan selesai sekaligus", FieldLabel(q))
				continue
			}
			backTo(q+".kembali_ke", o.BackTo, i)
		}
	}
}

// backToHint names the steps a kembali_ke of st may point to: any of its channel,
// itself included.
func backToHint(n, self int, st Step) string {
	where := "pada prosedur yang sama"
	if st.Channel != "" {
		where = fmt.Sprintf("pada kanal %q", st.Channel)
	}
	h := fmt.Sprintf("Tulis nomor langkah antara 1 dan %d %s", n, where)
	if st.Stage != "" {
		h += "; nomor langkah berlanjut dari tahap ke tahap"
	}
	return h + fmt.Sprintf(". Bila langkah ini sendiri diulang (misalnya berkas dilengkapi lalu diperiksa lagi), tulis nomornya, %d.", self)
}
