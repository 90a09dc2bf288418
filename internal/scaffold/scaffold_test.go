package scaffold_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/scaffold"
	"github.com/papan-id/papan/internal/standard"
)

// TestScaffoldsPassCheck creates an OPD and a service the way an editor would, loads
// the site and runs the whole rulebook as shipped: the new files must load, the new
// service is a draft, and what they leave out must be reported as peringatan, with no
// galat. Without draf = true the same service's missing components are galat.
func TestScaffoldsPassCheck(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "site.toml"), []byte("judul = \"Uji\"\nwilayah = \"Kota Uji\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold.OPD(root, "dinas-uji"); err != nil {
		t.Fatal(err)
	}
	file, err := scaffold.Service(root, "dinas-uji", "akta-kelahiran")
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(root)
	site, ps, err := content.Load(context.Background(), fsys)
	if err != nil || len(ps) > 0 {
		t.Fatalf("scaffolded site has problems: %v %v", err, ps)
	}
	s := site.OPDs[0].Services[0]
	if got, want := s.Name, "Akta Kelahiran"; got != want {
		t.Errorf("name = %q, want %q", got, want)
	}
	if !s.Draft {
		t.Error("a new service is not a draft")
	}
	// No fact is made up: every delivery component is left out.
	if s.Requirements != nil || s.Procedure != nil || s.Durations != nil || s.Fees != nil || s.Products != nil || site.OPDs[0].Hours != nil || site.OPDs[0].Maklumat != nil {
		t.Errorf("the scaffolds wrote facts: %+v %+v", s, site.OPDs[0])
	}
	today := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	ps = rules.Check(site, rules.ConfigFrom(site.Config.Compliance), today)
	content.Locate(fsys, ps)
	ps.Sort()
	var got []string
	for _, p := range ps {
		p.Hint = ""
		got = append(got, p.String())
	}
	want := []string{
		"content/dinas-uji/_opd.toml:1:1: peringatan: OPD belum mencantumkan misi [SP020]",
		"content/dinas-uji/_opd.toml:1:1: peringatan: OPD belum mencantumkan moto [SP020]",
		"content/dinas-uji/_opd.toml:1:1: peringatan: OPD belum mencantumkan visi [SP020]",
		"content/dinas-uji/_opd.toml:1:1: peringatan: OPD belum punya Maklumat Pelayanan [SP012]",
		"content/dinas-uji/_opd.toml:1:1: peringatan: OPD dan layanannya tidak menyebut cara pengaduan ditangani dan waktu tanggapannya [SP031]",
		"content/dinas-uji/akta-kelahiran.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: biaya/tarif ([[biaya]]) [SP021]",
		"content/dinas-uji/akta-kelahiran.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: jangka waktu ([jangka_waktu]) [SP021]",
		"content/dinas-uji/akta-kelahiran.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: persyaratan ([[persyaratan]]) [SP021]",
		"content/dinas-uji/akta-kelahiran.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]",
		"content/dinas-uji/akta-kelahiran.toml:1:1: peringatan: komponen pelayanan belum dicantumkan: prosedur ([[prosedur]]) [SP021]",
		"content/dinas-uji/akta-kelahiran.toml:1:1: peringatan: komponen pengelolaan belum diisi: dasar_hukum, sarana_prasarana, kompetensi_pelaksana, pengawasan_internal, jumlah_pelaksana, jaminan_pelayanan, jaminan_keamanan_keselamatan, evaluasi_kinerja [SP002]",
		"content/dinas-uji/akta-kelahiran.toml:1:1: peringatan: layanan tidak menyebut pelayanan khusus bagi kelompok rentan [SP016]",
		"content/dinas-uji/akta-kelahiran.toml:37:2: peringatan: standar belum mencatat tanggal evaluasi terakhir [SP019]",
		"content/dinas-uji/akta-kelahiran.toml:37:2: peringatan: standar belum mencatat tanggal konsultasi publik [SP018]",
		"content/dinas-uji/akta-kelahiran.toml:37:2: peringatan: standar belum menyebut nomor dan tanggal SK penetapannya [SP017]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The editor removes draf = true before the components are written: each missing one
	// is a galat, and so is the Maklumat, now that the OPD publishes a standard.
	s.Draft = false
	var galat []string
	for _, p := range rules.Check(site, rules.ConfigFrom(site.Config.Compliance), today) {
		if p.Severity == standard.Error {
			galat = append(galat, p.Rule)
		}
	}
	slices.Sort(galat)
	if got, want := strings.Join(galat, " "), "SP012 SP021 SP021 SP021 SP021 SP021"; got != want {
		t.Errorf("galat without draf = true: %s, want %s", got, want)
	}
	text, _ := os.ReadFile(file)
	if want := "# belum diisi dilaporkan sebagai peringatan. Hapus baris ini bila standar sudah lengkap:\n# setelah itu komponen yang belum diisi adalah galat.\ndraf = true\n"; !strings.Contains(string(text), want) {
		t.Errorf("the scaffold does not write draf = true with its comment %q", want)
	}
	for _, key := range []string{"[[persyaratan]]", "[[prosedur]]", "[jangka_waktu]", "[[biaya]]", "[[produk]]", "[[pengaduan]]", "[[dasar_hukum]]", "[[pelayanan_khusus]]", "sarana_prasarana", "evaluasi_kinerja", "[sk]"} {
		if !strings.Contains(string(text), key) {
			t.Errorf("scaffold lacks %s", key)
		}
	}
	for _, key := range []string{"tarif", "nilai", "satuan", "uraian", "jam", "hari"} {
		if regexp.MustCompile(`(?m)^` + key + ` *=`).Match(text) {
			t.Errorf("scaffold writes a value of %s", key)
		}
	}
}

// TestEverySampleIsCaught opens every example of the scaffolds, as an editor who
// removes each # before a key would, and keeps their text. Each sample value must then
// be a galat on its own line: refused by the loader (a sample where a number or a date
// belongs) or reported by SP022.
func TestEverySampleIsCaught(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "site.toml"), []byte("judul = \"Uji\"\nwilayah = \"Kota Uji\"\n"), 0o644)
	opdFile, err := scaffold.OPD(root, "dinas-uji")
	if err != nil {
		t.Fatal(err)
	}
	svcFile, err := scaffold.Service(root, "dinas-uji", "akta")
	if err != nil {
		t.Fatal(err)
	}
	// sampleLines maps each file (as the site names it) to the lines holding a sample.
	sampleLines := map[string]map[int]bool{}
	for _, f := range []string{opdFile, svcFile} {
		b, _ := os.ReadFile(f)
		lines := strings.Split(string(b), "\n")
		name, _ := filepath.Rel(root, f)
		name = filepath.ToSlash(name)
		sampleLines[name] = map[int]bool{}
		for i, l := range lines {
			// Open every example key and table; leave prose comments alone.
			if opened, ok := strings.CutPrefix(l, "# "); ok && exampleLine.MatchString(opened) {
				lines[i] = opened
				// An example text that is no sample must be true of every service.
				if _, v, ok := strings.Cut(opened, ` = "`); ok && !strings.HasPrefix(v, scaffold.SampleMarker) {
					if v, _, _ = strings.Cut(v, `"`); !slices.Contains(trueExamples, v) {
						t.Errorf("%s:%d: example %q is neither a sample nor true of every service", f, i+1, v)
					}
				}
			}
			if strings.Contains(lines[i], `= "`+scaffold.SampleMarker) {
				sampleLines[name][i+1] = true
			}
		}
		os.WriteFile(f, []byte(strings.Join(lines, "\n")), 0o644)
	}
	if len(sampleLines["content/dinas-uji/akta.toml"]) < 15 || len(sampleLines["content/dinas-uji/_opd.toml"]) < 4 {
		t.Fatalf("too few samples found: %v", sampleLines)
	}
	fsys := os.DirFS(root)
	caught := func(ps []standard.Problem) {
		for _, p := range ps {
			if p.Severity == standard.Error && sampleLines[p.File][p.Line] {
				delete(sampleLines[p.File], p.Line)
			}
		}
	}
	// First the loader: it refuses the samples of numbers and dates.
	_, ps, err := content.Load(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	content.Locate(fsys, ps)
	caught(ps)
	// Then, with those lines given real values, the rulebook.
	for name, lines := range sampleLines {
		b, _ := os.ReadFile(filepath.Join(root, name))
		text := strings.Split(string(b), "\n")
		for _, p := range ps {
			if p.File == name && p.Line > 0 && !lines[p.Line] {
				text[p.Line-1] = realValue(text[p.Line-1])
			}
		}
		os.WriteFile(filepath.Join(root, name), []byte(strings.Join(text, "\n")), 0o644)
	}
	site, ps2, err := content.Load(context.Background(), fsys)
	if err != nil || site == nil {
		content.Locate(fsys, ps2)
		t.Fatalf("the opened scaffolds do not load once numbers and dates are real: %v %v", err, ps2)
	}
	ps2 = rules.Check(site, rules.ConfigFrom(site.Config.Compliance), time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	content.Locate(fsys, ps2)
	caught(ps2)
	for name, lines := range sampleLines {
		for line := range lines {
			t.Errorf("%s:%d: a sample left unchanged is not a galat", name, line)
		}
	}
}

// trueExamples are the example texts of the scaffolds that are no samples: a choice from
// a fixed list, or a fact true of every public service in Indonesia.
var trueExamples = []string{
	"", "https://", // empty: published as nothing
	"fotokopi", "hari kerja", "fisik", "lapor", // a choice the editor checks
	"berkas dinyatakan lengkap",                             // PermenPAN-RB 15/2014 counts from a complete file
	"https://www.lapor.go.id",                               // SP4N-LAPOR!, the national complaint system
	"uu-25-2009", "Undang-Undang", "25", "Pelayanan Publik", // UU 25/2009, which every service rests on
	"Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.",
}

// exampleLine matches a commented-out key or table header of a scaffold.
var exampleLine = regexp.MustCompile(`^(\[|[a-z_]+ = )`)

// realValue replaces the sample on a line the loader refused with a value of the kind
// the key wants.
func realValue(line string) string {
	key, _, _ := strings.Cut(line, " = ")
	switch key {
	case "tanggal", "konsultasi_publik", "evaluasi_terakhir":
		return key + " = 2024-01-15"
	case "dasar_hukum":
		return `dasar_hukum = "uu-25-2009"` // the id of the example [[dasar_hukum]]
	case "atau":
		return "" // a one-of group needs a second requirement the example does not give
	case "waktu":
		return `waktu = "10 menit"`
	case "tarif":
		return "tarif = 150000"
	case "tautan_daring", "situs", "tautan":
		return key + ` = "https://layanan.example.go.id/"` // the sample "https://" has no host
	}
	return key + " = 1"
}

func TestRefusesToOverwrite(t *testing.T) {
	root := t.TempDir()
	file, err := scaffold.OPD(root, "dinas")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(file, []byte("nama = \"Dinas milik editor\"\n"), 0o644)
	if _, err := scaffold.OPD(root, "dinas"); !errors.Is(err, scaffold.ErrExists) {
		t.Fatalf("err = %v, want scaffold.ErrExists", err)
	}
	if b, _ := os.ReadFile(file); string(b) != "nama = \"Dinas milik editor\"\n" {
		t.Error("the editor's file was overwritten")
	}
}

func TestRefusesBadNames(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"Dinas Uji", "../luar", "assets", ""} {
		if _, err := scaffold.OPD(root, name); err == nil {
			t.Errorf("OPD(%q) was accepted", name)
		}
	}
	if _, err := scaffold.Service(root, "tidak-ada", "layanan"); err == nil || !strings.Contains(err.Error(), "papan new opd tidak-ada") {
		t.Errorf("service in a missing OPD: err = %v", err)
	}
}
