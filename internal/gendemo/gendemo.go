// Package gendemo writes realistic synthetic Papan sites, for benchmarks and demos.
//
// A generated site has site.toml, one content/<opd>/_opd.toml per OPD, one
// content/<opd>/<layanan>.toml per service and a standalone page. Services vary in length
// (5–15 requirements, some grouped by kasus and some with a jika condition; 4–12
// procedure steps, some with waktu, most with a decision step, some over two kanal; fees
// mostly free, some fixed, a few ranges and amounts set by a Perda's formula, every fee
// collected referring to a [[dasar_hukum]] of the same file; Markdown
// in notes and management components) and are spread over OPDs and about 20 categories.
//
// The output depends only on Options: every service draws from its own PCG stream seeded
// from the seed and the service's index, so files can be written in parallel and still be
// identical from run to run. Every generated site passes `papan check` without errors.
package gendemo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/papan-id/papan/internal/parallel"
	"github.com/papan-id/papan/internal/standard"
)

// Options says what to generate.
type Options struct {
	Services int    // number of services, at least 1
	OPDs     int    // number of OPDs; 0 means Services/50 clamped to [1, 600]
	Seed     uint64 // the same seed gives the same site
}

// DefaultOPDs returns the number of OPDs used for n services when none is given.
func DefaultOPDs(n int) int { return min(max(n/50, 1), 600) }

// Result describes a generated site.
type Result struct {
	Services, OPDs, Files int
	Bytes                 int64
}

// ErrNotEmpty is returned when the target folder already has files in it.
var ErrNotEmpty = errors.New("folder tujuan tidak kosong")

// Generate writes a site into dir, which must not exist or be empty.
func Generate(ctx context.Context, dir string, opts Options) (Result, error) {
	if opts.Services < 1 {
		return Result{}, fmt.Errorf("jumlah layanan harus sedikitnya 1, bukan %d", opts.Services)
	}
	if opts.OPDs == 0 {
		opts.OPDs = DefaultOPDs(opts.Services)
	}
	if opts.OPDs < 1 {
		return Result{}, fmt.Errorf("jumlah OPD harus sedikitnya 1, bukan %d", opts.OPDs)
	}
	opts.OPDs = min(opts.OPDs, opts.Services) // an OPD without services is not a realistic site
	if err := emptyDir(dir); err != nil {
		return Result{}, err
	}
	p := plan(opts)

	// Folders first, sequentially; then files on many goroutines. Creating files is
	// mostly waiting for the kernel, so more workers than CPUs pays off.
	for _, o := range p.opds {
		if err := os.MkdirAll(filepath.Join(dir, "content", o.slug), 0o755); err != nil {
			return Result{}, err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "content", "halaman"), 0o755); err != nil {
		return Result{}, err
	}

	type file struct {
		name  string
		write func(b *bytes.Buffer)
	}
	files := []file{
		{"site.toml", func(b *bytes.Buffer) { p.writeSite(b) }},
		{"content/halaman/tentang.md", func(b *bytes.Buffer) { p.writeAbout(b) }},
	}
	for i := range p.opds {
		files = append(files, file{"content/" + p.opds[i].slug + "/_opd.toml", func(b *bytes.Buffer) { p.writeOPD(b, i) }})
	}
	for i := range p.services {
		s := &p.services[i]
		files = append(files, file{"content/" + p.opds[s.opd].slug + "/" + s.slug + ".toml", func(b *bytes.Buffer) { p.writeService(b, i) }})
	}

	// Writing small files mostly waits for the kernel: several goroutines per CPU.
	var files64, bytes64 atomic.Int64
	var bufs sync.Pool
	err := parallel.ForWorkers(ctx, 4*runtime.GOMAXPROCS(0), len(files), func(_ context.Context, i int) error {
		b, _ := bufs.Get().(*bytes.Buffer)
		if b == nil {
			b = new(bytes.Buffer)
		}
		defer bufs.Put(b)
		b.Reset()
		files[i].write(b)
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(files[i].name)), b.Bytes(), 0o644); err != nil {
			return err
		}
		files64.Add(1)
		bytes64.Add(int64(b.Len()))
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	res := Result{Services: len(p.services), OPDs: len(p.opds), Files: int(files64.Load()), Bytes: bytes64.Load()}
	return res, nil
}

// emptyDir makes dir if it does not exist and refuses it if it has anything in it.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%w: %s", ErrNotEmpty, dir)
	}
	return nil
}

// site is the plan of a site: everything that must be decided sequentially (names and
// addresses, which must be unique). The bodies of files are drawn later, per file.
type site struct {
	seed     uint64
	region   string
	opds     []opd
	services []service
}

type opd struct {
	name, short, slug, topic string
}

type service struct {
	opd      int
	name     string
	slug     string
	category string
}

// rng returns the random stream of one file. stream 0 is the plan, 1 the site files,
// 2+i OPD i and 1<<32+i service i.
func (p *site) rng(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(p.seed, stream^0x9e3779b97f4a7c15))
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// between returns a number in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

func plan(opts Options) *site {
	p := &site{seed: opts.Seed}
	r := p.rng(0)
	p.region = pick(r, regionKinds) + " " + pick(r, placeNames)

	used := map[string]bool{}
	// Reserved top-level addresses; OPD slugs are built from words that never make these,
	// but keep the check so a change of word lists cannot break a site.
	for _, s := range standard.ReservedNames() {
		used[s] = true
	}
	unique := func(base string, used map[string]bool) string {
		s := base
		for n := 2; used[s]; n++ {
			s = base + "-" + strconv.Itoa(n)
		}
		used[s] = true
		return s
	}
	for i := range opts.OPDs {
		var o opd
		if i < len(agencies) {
			a := agencies[i]
			o = opd{name: a.name, short: a.short, topic: a.topic}
		} else {
			// Beyond the named agencies: sub-district offices and health centres, as a
			// province or national portal has hundreds of them.
			place := pick(r, placeNames)
			switch r.IntN(3) {
			case 0:
				o = opd{name: "Kecamatan " + place, short: "Kec. " + place, topic: "umum"}
			case 1:
				o = opd{name: "Puskesmas " + place, short: "PKM " + place, topic: "kesehatan"}
			default:
				o = opd{name: "Kelurahan " + place, short: "Kel. " + place, topic: "umum"}
			}
		}
		o.slug = unique(standard.Slugify(o.short), used)
		p.opds = append(p.opds, o)
	}

	svcSlugs := make([]map[string]bool, len(p.opds))
	for i := range svcSlugs {
		svcSlugs[i] = map[string]bool{}
	}
	for i := range opts.Services {
		// Every OPD gets at least one service; the rest are spread unevenly, as in real
		// regions where the civil registry has many services and a kelurahan a few.
		oi := i
		if i >= len(p.opds) {
			oi = int(float64(len(p.opds)) * r.Float64() * r.Float64())
		}
		o := p.opds[oi]
		cat := pick(r, categoriesFor(o.topic))
		name := pick(r, actions) + " " + pick(r, cat.objects)
		if r.IntN(3) == 0 {
			name += " " + pick(r, qualifiers)
		}
		p.services = append(p.services, service{
			opd: oi, name: name, category: cat.name,
			slug: unique(standard.Slugify(name), svcSlugs[oi]),
		})
	}
	return p
}

// quote writes s as a TOML basic string. The word lists hold no control characters.
func quote(s string) string {
	if !strings.ContainsAny(s, `"\`) {
		return `"` + s + `"`
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// kv writes key = "value".
func kv(b *bytes.Buffer, key, value string) {
	b.WriteString(key)
	b.WriteString(" = ")
	b.WriteString(quote(value))
	b.WriteByte('\n')
}

// kvInt writes key = n.
func kvInt(b *bytes.Buffer, key string, n int64) {
	b.WriteString(key)
	b.WriteString(" = ")
	b.WriteString(strconv.FormatInt(n, 10))
	b.WriteByte('\n')
}

// kvMD writes key = """Markdown""" on several lines.
func kvMD(b *bytes.Buffer, key, md string) {
	if !strings.Contains(md, "\n") {
		kv(b, key, md)
		return
	}
	b.WriteString(key)
	b.WriteString(" = \"\"\"\n")
	b.WriteString(strings.ReplaceAll(md, `\`, `\\`))
	b.WriteString("\"\"\"\n")
}

func date(r *rand.Rand, fromYear, toYear int) string {
	return fmt.Sprintf("%04d-%02d-%02d", between(r, fromYear, toYear), between(r, 1, 12), between(r, 1, 28))
}

// sentence makes an Indonesian-looking sentence of n to m words.
func sentence(r *rand.Rand, n, m int) string {
	k := between(r, n, m)
	var b strings.Builder
	for i := range k {
		w := pick(r, words)
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
	return b.String()
}

// markdown makes a Markdown note: a paragraph, sometimes with bold, a link or a list.
func markdown(r *rand.Rand, short bool) string {
	if short {
		switch r.IntN(4) {
		case 0:
			return "**Catatan:** " + sentence(r, 5, 12)
		case 1:
			return sentence(r, 4, 10) + " Lihat [" + pick(r, words) + "](https://jdih.example.go.id/" + pick(r, words) + ")."
		default:
			return sentence(r, 4, 14)
		}
	}
	var parts []string
	for range between(r, 1, 3) {
		var p strings.Builder
		for range between(r, 1, 4) {
			if p.Len() > 0 {
				p.WriteByte(' ')
			}
			p.WriteString(sentence(r, 6, 16))
		}
		parts = append(parts, p.String())
	}
	if r.IntN(2) == 0 {
		var l strings.Builder
		for i := range between(r, 2, 5) {
			if i > 0 {
				l.WriteByte('\n')
			}
			l.WriteString("- ")
			if r.IntN(3) == 0 {
				l.WriteString("**" + pick(r, words) + "** ")
			}
			l.WriteString(sentence(r, 3, 9))
		}
		parts = append(parts, l.String())
	}
	return strings.Join(parts, "\n\n") + "\n"
}

func channel(b *bytes.Buffer, r *rand.Rand, kind string) {
	b.WriteString("\n[[pengaduan]]\n")
	kv(b, "jenis", kind)
	switch kind {
	case "lapor":
		kv(b, "nilai", "https://www.lapor.go.id")
		kv(b, "jam", "24 jam")
	case "whatsapp", "sms":
		kv(b, "nilai", fmt.Sprintf("0812-%04d-%04d", r.IntN(10000), r.IntN(10000)))
		kv(b, "jam", "Senin–Jumat 08.00–16.00 WIB")
	case "telepon":
		// Real standards often give two numbers on one line ("(0725) 49638, 49313").
		if r.IntN(3) == 0 {
			n := r.IntN(9999)
			fmt.Fprintf(b, "nilai = [\"(021) 555-%04d\", \"(021) 555-%04d\"]\n", n, n+1)
		} else {
			kv(b, "nilai", fmt.Sprintf("(021) 555-%04d", r.IntN(10000)))
		}
		kv(b, "jam", "Senin–Jumat 08.00–16.00 WIB")
	case "faks":
		kv(b, "nilai", fmt.Sprintf("(021) 555-%04d", r.IntN(10000)))
		return
	case "surat":
		kv(b, "nilai", "Kepala Dinas, Jl. "+pick(r, placeNames)+" No. "+strconv.Itoa(between(r, 1, 200)))
		return
	case "kotak-saran":
		return // at the office; standards say no more
	case "email":
		kv(b, "nilai", "pengaduan@"+pick(r, words)+".example.go.id")
	default:
		kv(b, "nilai", "Loket pengaduan lantai "+strconv.Itoa(between(r, 1, 3)))
	}
	kv(b, "waktu_respons", fmt.Sprintf("paling lama %d hari kerja", between(r, 1, 5)))
}

func (p *site) writeSite(b *bytes.Buffer) {
	r := p.rng(1)
	kv(b, "judul", "Standar Pelayanan Publik "+p.region)
	kv(b, "wilayah", p.region)
	kv(b, "base_url", "https://standar.example.go.id/")
	kv(b, "deskripsi", "Persyaratan, prosedur, waktu, dan biaya layanan publik di "+p.region+".")
	b.WriteString("terbitkan_pengelolaan = true\n\n[kontak]\n")
	kv(b, "alamat", "Jl. "+pick(r, placeNames)+" No. "+strconv.Itoa(between(r, 1, 200))+", "+p.region)
	kv(b, "telepon", fmt.Sprintf("(021) 555-%04d", r.IntN(10000)))
	kv(b, "email", "organisasi@example.go.id")
	channel(b, r, "lapor")
}

func (p *site) writeAbout(b *bytes.Buffer) {
	r := p.rng(1)
	b.WriteString("+++\n")
	kv(b, "judul", "Tentang Situs Ini")
	kv(b, "deskripsi", "Tentang standar pelayanan publik di "+p.region+".")
	b.WriteString("urutan = 1\n+++\n\n")
	b.WriteString(markdown(r, false))
}

func (p *site) writeOPD(b *bytes.Buffer, i int) {
	o := p.opds[i]
	r := p.rng(2 + uint64(i))
	kv(b, "nama", o.name)
	kv(b, "singkatan", o.short)
	kvInt(b, "urutan", int64(i+1))
	kv(b, "alamat", "Jl. "+pick(r, placeNames)+" No. "+strconv.Itoa(between(r, 1, 200))+", "+p.region)
	head := pick(r, givenNames) + " " + pick(r, familyNames) + pick(r, titles)
	kv(b, "kepala", head)
	kvMD(b, "visi", sentence(r, 8, 16))
	b.WriteString("misi = [")
	for j := range between(r, 2, 5) {
		if j > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quote(sentence(r, 5, 12)))
	}
	b.WriteString("]\n")
	kv(b, "moto", strings.TrimSuffix(sentence(r, 2, 4), "."))
	b.WriteString("\n[[jam_layanan]]\n")
	kv(b, "hari", "Senin–Kamis")
	kv(b, "jam", "08.00–15.00 WIB")
	b.WriteString("\n[[jam_layanan]]\n")
	kv(b, "hari", "Jumat")
	kv(b, "jam", "08.00–11.30 WIB")
	b.WriteString("\n[kontak]\n")
	kv(b, "telepon", fmt.Sprintf("(021) 555-%04d", r.IntN(10000)))
	if r.IntN(3) == 0 { // a third of offices still list a fax (Sleman, corpus 12)
		kv(b, "faks", fmt.Sprintf("(021) 555-%04d", r.IntN(10000)))
	}
	kv(b, "whatsapp", fmt.Sprintf("0812-%04d-%04d", r.IntN(10000), r.IntN(10000)))
	kv(b, "email", o.slug+"@example.go.id")
	b.WriteString("\n[maklumat]\n")
	kv(b, "teks", "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.")
	kv(b, "penanda_tangan", head)
	kv(b, "jabatan", "Kepala "+o.name)
	b.WriteString("tanggal = " + date(r, 2021, 2025) + "\n")
	channel(b, r, "whatsapp")
	if r.IntN(2) == 0 {
		channel(b, r, "email")
	}
	if r.IntN(2) == 0 {
		channel(b, r, "telepon")
	}
	if r.IntN(4) == 0 {
		channel(b, r, "faks")
	}
	if r.IntN(6) == 0 {
		channel(b, r, "surat")
	}
	if r.IntN(4) == 0 {
		channel(b, r, "kotak-saran")
	}
	// Two OPDs in three state how complaints are handled; the others list channels only,
	// as many real standards do (SP031).
	if r.IntN(3) != 0 {
		handling(b, r)
	}
}

// handling writes a [penanganan_pengaduan] table.
func handling(b *bytes.Buffer, r *rand.Rand) {
	b.WriteString("\n[penanganan_pengaduan]\n")
	kvMD(b, "uraian", "Pengaduan dicatat dalam register, diteruskan kepada "+strings.ToLower(pick(r, actors))+" untuk ditindaklanjuti, lalu hasilnya disampaikan kepada pengadu.")
	kv(b, "waktu_respons", fmt.Sprintf("paling lama %d hari kerja sejak pengaduan diterima", between(r, 3, 14)))
}

// law is one [[dasar_hukum]] entry.
type law struct {
	id, kind, number, title string
	year                    int
}

func (p *site) writeService(b *bytes.Buffer, i int) {
	s := p.services[i]
	r := p.rng(1<<32 + uint64(i))
	long := r.IntN(4) == 0 // a quarter of the services are written at length

	kv(b, "nama", s.name)
	kv(b, "kategori", s.category)
	kv(b, "ringkasan", "Layanan "+strings.ToLower(s.name)+" bagi "+pick(r, audiences)+".")
	b.WriteString("kata_kunci = [")
	for j := range between(r, 1, 4) {
		if j > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quote(pick(r, words)))
	}
	b.WriteString("]\n")
	online := r.IntN(3) == 0
	if online {
		kv(b, "tautan_daring", "https://layanan.example.go.id/"+s.slug)
	}
	kvMD(b, "sarana_prasarana", markdown(r, !long))
	kvMD(b, "kompetensi_pelaksana", markdown(r, !long))
	kvMD(b, "pengawasan_internal", markdown(r, true))
	kv(b, "jumlah_pelaksana", fmt.Sprintf("%d orang petugas loket, %d operator", between(r, 1, 4), between(r, 1, 3)))
	kvMD(b, "jaminan_pelayanan", markdown(r, true))
	kvMD(b, "jaminan_keamanan_keselamatan", markdown(r, true))
	kvMD(b, "evaluasi_kinerja", markdown(r, !long))

	b.WriteString("\n[sk]\n")
	kv(b, "nomor", fmt.Sprintf("%d/%s/%d", between(r, 1, 999), strings.ToUpper(p.opds[s.opd].slug), between(r, 2020, 2025)))
	b.WriteString("tanggal = " + date(r, 2024, 2025) + "\n")
	b.WriteString("konsultasi_publik = " + date(r, 2023, 2023) + "\n")
	b.WriteString("evaluasi_terakhir = " + date(r, 2025, 2025) + "\n")

	// 1. Requirements, grouped by case in some services.
	var cases []string
	if r.IntN(4) == 0 {
		cases = []string{"Penerbitan baru", pick(r, []string{"Penggantian karena hilang", "Penggantian karena rusak", "Perubahan data"})}
		if r.IntN(2) == 0 {
			cases = append(cases, "Perpanjangan")
		}
	}
	nreq := between(r, 5, 15)
	// A "one of" group in one service in five: two or three documents, any one enough,
	// among the service's requirements.
	group := 0
	if nreq >= 7 && r.IntN(5) == 0 {
		group = between(r, 2, 3)
		nreq -= group
	}
	for j := range nreq {
		b.WriteString("\n[[persyaratan]]\n")
		if cases != nil {
			kv(b, "kasus", cases[min(j*len(cases)/nreq, len(cases)-1)])
		}
		kv(b, "nama", pick(r, documents))
		kv(b, "bentuk", pick(r, []string{"asli", "fotokopi", "asli dan fotokopi", "elektronik"}))
		kv(b, "jenis", pick(r, []string{"administratif", "administratif", "teknis"}))
		if r.IntN(3) == 0 {
			kvInt(b, "jumlah", int64(between(r, 1, 3)))
		}
		if r.IntN(6) == 0 {
			kv(b, "jika", pick(r, conditions))
		}
		if r.IntN(5) == 0 {
			kvMD(b, "keterangan", markdown(r, true))
		}
	}
	if group > 0 {
		kasus := ""
		if cases != nil {
			kasus = cases[len(cases)-1]
		}
		first := r.IntN(len(documents))
		for k := range group {
			b.WriteString("\n[[persyaratan]]\n")
			if kasus != "" {
				kv(b, "kasus", kasus)
			}
			kv(b, "nama", documents[(first+k)%len(documents)]) // different documents
			kv(b, "bentuk", pick(r, []string{"asli", "fotokopi"}))
			kv(b, "atau", "bukti")
		}
	}

	// 2. Procedure: one channel, or two (tatap muka and daring); a decision step in most.
	// About one service in ten has two stages one after the other (a permit issued
	// after a consultation); about one step in ten is done only on a condition, one in
	// ten has two actors, and one decision in four has several outcomes.
	total := between(r, 4, 12)
	channels := []struct {
		name  string
		steps int
	}{{"", total}}
	if online && total >= 6 && r.IntN(2) == 0 {
		first := between(r, 3, total-3)
		channels = []struct {
			name  string
			steps int
		}{{"Tatap muka", first}, {"Daring", total - first}}
	}
	var stages [2]string
	stageFrom := 0 // the first step of the second stage, or 0
	if len(channels) == 1 && total >= 6 && r.IntN(10) == 0 {
		stages = pick(r, stagePairs)
		stageFrom = between(r, 3, total-2)
	}
	minutes := 0
	perChannel := make([]int, len(channels)) // the minutes of each channel's steps
	for c, ch := range channels {
		decision := -1
		if r.IntN(4) != 0 {
			decision = between(r, 2, ch.steps-1) // a step number, never the first or last
		}
		chMinutes := 0
		for n := 1; n <= ch.steps; n++ {
			b.WriteString("\n[[prosedur]]\n")
			if stageFrom > 0 {
				kv(b, "tahap", stages[min(n/stageFrom, 1)])
			}
			middle := n != 1 && n != ch.steps
			if middle && n != decision && r.IntN(10) == 0 {
				kv(b, "jika", pick(r, stepConditions))
			}
			switch {
			case n == 1:
				kv(b, "uraian", "Pemohon "+pick(r, []string{"menyerahkan berkas persyaratan di loket", "mengisi formulir permohonan", "mengunggah berkas persyaratan"}))
				kv(b, "pelaksana", "Pemohon")
			case n == ch.steps:
				kv(b, "uraian", "Petugas menyerahkan "+strings.ToLower(pick(r, products))+" kepada pemohon")
				kv(b, "pelaksana", "Petugas loket")
			default:
				kv(b, "uraian", pick(r, stepTexts)+" "+strings.TrimSuffix(strings.ToLower(sentence(r, 2, 6)), "."))
				if a1, a2 := pick(r, actors), pick(r, actors); a1 != a2 && r.IntN(10) == 0 {
					b.WriteString("pelaksana = [" + quote(a1) + ", " + quote(a2) + "]\n")
				} else {
					kv(b, "pelaksana", a1)
				}
			}
			if ch.name != "" {
				kv(b, "kanal", ch.name)
			}
			if r.IntN(3) != 0 {
				w := pick(r, stepTimes)
				kv(b, "waktu", w.text)
				chMinutes += w.minutes
			}
			if n != decision {
				continue
			}
			kv(b, "keputusan", pick(r, []string{"Berkas lengkap?", "Data sesuai?", "Permohonan disetujui?", "Hasil verifikasi sesuai?"}))
			if r.IntN(4) != 0 {
				kv(b, "jika_tidak", pick(r, []string{"Berkas dikembalikan kepada pemohon untuk dilengkapi", "Pemohon diminta memperbaiki data", "Permohonan ditolak dengan alasan tertulis"}))
				kvInt(b, "kembali_ke", int64(between(r, 1, n-1)))
				continue
			}
			b.WriteString("\n[[prosedur.hasil]]\n")
			kv(b, "jika", pick(r, []string{"Tidak lengkap", "Data tidak sesuai", "Perlu perbaikan"}))
			kv(b, "maka", pick(r, []string{"Berkas dikembalikan kepada pemohon untuk dilengkapi", "Pemohon diminta memperbaiki data"}))
			kvInt(b, "kembali_ke", int64(between(r, 1, n))) // n: the check is done again (Garut, corpus 13)
			b.WriteString("\n[[prosedur.hasil]]\n")
			kv(b, "jika", pick(r, []string{"Tidak memenuhi syarat", "Permohonan ditolak", "Pemohon tidak melengkapi dalam 14 hari kerja"}))
			kv(b, "maka", pick(r, []string{"Permohonan dibatalkan dan pemohon menerima surat penjelasan", "Permohonan ditolak dengan alasan tertulis"}))
			b.WriteString("selesai = true\n")
			if r.IntN(2) == 0 {
				b.WriteString("\n[[prosedur.hasil]]\n")
				kv(b, "jika", pick(r, []string{"Lengkap dan benar", "Memenuhi syarat", "Sesuai"}))
			}
		}
		minutes = max(minutes, chMinutes)
		perChannel[c] = chMinutes
	}

	// 3. Duration, never shorter than the steps' own times. A service with two channels
	// states a duration for each in one case in three; one in seven durations in days
	// says "hari" without kerja or kalender, as many real standards do (SP029).
	if len(channels) > 1 && r.IntN(3) == 0 {
		for c, ch := range channels {
			b.WriteString("\n[[jangka_waktu]]\n")
			kv(b, "label", ch.name)
			kvInt(b, "nilai", int64(max(1, (perChannel[c]+8*60-1)/(8*60))+between(r, 0, 3)))
			kv(b, "satuan", "hari kerja")
			kv(b, "dihitung_sejak", "berkas dinyatakan lengkap")
			if r.IntN(4) == 0 {
				kvMD(b, "keterangan", "Dikecualikan apabila terjadi gangguan jaringan.")
			}
		}
	} else {
		duration(b, r, minutes)
	}

	// 7 first, in memory: fees refer to legal bases by id.
	var laws []law
	nlaw := between(r, 1, 5)
	for j := range nlaw {
		l := pick(r, lawTemplates)
		l.year = between(r, 2000, 2024)
		l.number = strconv.Itoa(between(r, 1, 60))
		if j == 0 || r.IntN(2) == 0 {
			l.id = standard.Slugify(l.kind) + "-" + l.number + "-" + strconv.Itoa(l.year)
			for _, other := range laws {
				if other.id == l.id {
					l.id += "-" + strconv.Itoa(j)
				}
			}
		}
		laws = append(laws, l)
	}
	// A fee set by a formula refers to a Perda on retribusi, which every service lists.
	const perdaID = "perda-retribusi"
	laws = append(laws, law{id: perdaID, kind: "Peraturan Daerah", number: strconv.Itoa(between(r, 1, 20)),
		year: between(r, 2011, 2024), title: "Retribusi Daerah"})
	var ids []string
	for _, l := range laws {
		if l.id != "" {
			ids = append(ids, l.id)
		}
	}

	// 4. Fees, in about the proportions of real standards: most services free (said
	// explicitly, in one [[biaya]]); the others list one to three fees, most a fixed
	// amount, a few a range or an amount set by a formula in a Perda (PBG, retribusi).
	// Every fee that is collected refers to a legal basis.
	if r.IntN(20) < 13 { // two services in three are free
		b.WriteString("\n[[biaya]]\n")
		kv(b, "uraian", pick(r, []string{"Biaya layanan", "Biaya penerbitan", "Biaya pelayanan"})+" "+strings.ToLower(s.name))
		b.WriteString("gratis = true\n")
		if r.IntN(2) == 0 {
			kv(b, "dasar_hukum", pick(r, ids))
		}
		if r.IntN(4) == 0 {
			kv(b, "keterangan", "Tidak dipungut biaya.")
		}
	} else {
		for range between(r, 1, 3) {
			b.WriteString("\n[[biaya]]\n")
			switch x := r.IntN(10); {
			case x < 7:
				kv(b, "uraian", pick(r, []string{"Biaya layanan", "Retribusi", "Biaya penerbitan", "Biaya cetak ulang"})+" "+strings.ToLower(s.name))
				kvInt(b, "tarif", int64(between(r, 1, 100)*5000))
				kv(b, "dasar_hukum", pick(r, ids))
				if r.IntN(3) == 0 {
					kvMD(b, "keterangan", "Dibayar melalui **bank daerah** atau kanal pembayaran *nontunai*.")
				}
			case x < 9:
				kv(b, "uraian", "Retribusi "+strings.ToLower(s.name)+" menurut golongan")
				lo := int64(between(r, 1, 20) * 5000)
				kvInt(b, "tarif_min", lo)
				kvInt(b, "tarif_maks", lo*int64(between(r, 2, 10)))
				kv(b, "dasar_hukum", pick(r, ids))
			default:
				kv(b, "uraian", "Retribusi "+strings.ToLower(s.name))
				kv(b, "ketentuan", "Dihitung dengan rumus luas × indeks × harga satuan sesuai Peraturan Daerah tentang Retribusi; besarnya tercantum dalam SKRD.")
				kv(b, "dasar_hukum", perdaID)
			}
		}
	}

	// 5. Products.
	for range between(r, 1, 2) {
		b.WriteString("\n[[produk]]\n")
		kv(b, "nama", pick(r, products))
		kv(b, "bentuk", pick(r, []string{"fisik", "elektronik", "fisik dan elektronik"}))
		if r.IntN(4) == 0 {
			kvMD(b, "keterangan", markdown(r, true))
		}
	}

	// 6. Complaints: most services use their OPD's channels, and its handling.
	if r.IntN(4) == 0 {
		channel(b, r, "lapor")
		channel(b, r, pick(r, []string{"telepon", "email", "loket", "kotak-saran"}))
		if r.IntN(3) == 0 {
			handling(b, r)
		}
	}

	for _, l := range laws {
		b.WriteString("\n[[dasar_hukum]]\n")
		if l.id != "" {
			kv(b, "id", l.id)
		}
		kv(b, "jenis", l.kind)
		kv(b, "nomor", l.number)
		kvInt(b, "tahun", int64(l.year))
		kv(b, "judul", l.title)
		if r.IntN(2) == 0 {
			kv(b, "tautan", "https://peraturan.example.go.id/"+standard.Slugify(l.kind)+"/"+l.number+"-"+strconv.Itoa(l.year))
		}
	}

	if r.IntN(2) == 0 {
		b.WriteString("\n[[pelayanan_khusus]]\n")
		kv(b, "kelompok", pick(r, []string{"Penyandang disabilitas", "Lansia", "Ibu hamil dan menyusui", "Penyandang disabilitas dan lansia"}))
		kvMD(b, "uraian", markdown(r, true))
	}
}

// duration writes the table [jangka_waktu] of a service whose steps take minutes.
func duration(b *bytes.Buffer, r *rand.Rand, minutes int) {
	b.WriteString("\n[jangka_waktu]\n")
	days := max(1, (minutes+8*60-1)/(8*60))
	switch {
	case minutes <= 60 && r.IntN(3) == 0:
		kvInt(b, "nilai", int64(max(60, (minutes+14)/15*15)))
		kv(b, "satuan", "menit")
	case r.IntN(3) == 0:
		kvInt(b, "nilai", int64(days))
		kvInt(b, "paling_lama", int64(days+between(r, 2, 14)))
		kv(b, "satuan", "hari kerja")
	default:
		kvInt(b, "nilai", int64(days+between(r, 0, 10)))
		kv(b, "satuan", pick(r, []string{"hari kerja", "hari kerja", "hari kerja", "hari kerja", "hari kalender", "hari kalender", "hari"}))
	}
	kv(b, "dihitung_sejak", "berkas dinyatakan lengkap")
	if r.IntN(4) == 0 {
		kvMD(b, "keterangan", markdown(r, true))
	}
}
