package workbook_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/standard"
	"github.com/papan-id/papan/internal/workbook"
	"github.com/xuri/excelize/v2"
)

func load(t *testing.T, dir string) *standard.Site {
	t.Helper()
	site, ps, err := content.Load(context.Background(), os.DirFS(dir))
	if err != nil || site == nil {
		t.Fatalf("%s does not load: %v %v", dir, err, ps)
	}
	return site
}

// comparable strips what a site's loading adds beyond the data: file names, the
// service's OPD pointer and where each duration was written.
func comparable(site *standard.Site) (opds []standard.OPD, services []standard.Service) {
	for _, o := range site.OPDs {
		oc := *o
		oc.File, oc.Services = "", nil
		opds = append(opds, oc)
		for _, s := range o.Services {
			sc := *s
			sc.File, sc.OPD = "", nil
			sc.Durations = append([]standard.Duration(nil), s.Durations...)
			for i := range sc.Durations {
				sc.Durations[i].Key = ""
			}
			services = append(services, sc)
		}
	}
	return opds, services
}

// roundTrip exports the site in src, imports the workbook into a new folder holding
// only src's site.toml, and checks that the new folder loads to the same OPDs and
// services.
func roundTrip(t *testing.T, src string) {
	site := load(t, src)
	var xlsx bytes.Buffer
	if err := workbook.Export(&xlsx, site); err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	cfg, err := os.ReadFile(filepath.Join(src, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dst, "site.toml"), cfg, 0o644)
	res, err := workbook.Import(context.Background(), bytes.NewReader(xlsx.Bytes()), workbook.Options{Dir: dst})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) == 0 {
		t.Fatal("nothing written")
	}
	wantOPDs, wantServices := comparable(site)
	gotOPDs, gotServices := comparable(load(t, dst))
	if len(gotOPDs) != len(wantOPDs) || len(gotServices) != len(wantServices) {
		t.Fatalf("%d OPDs and %d services, want %d and %d", len(gotOPDs), len(gotServices), len(wantOPDs), len(wantServices))
	}
	for i := range wantOPDs {
		if !reflect.DeepEqual(gotOPDs[i], wantOPDs[i]) {
			t.Errorf("OPD %s:\n got %+v\nwant %+v", wantOPDs[i].Slug, gotOPDs[i], wantOPDs[i])
		}
	}
	for i := range wantServices {
		if !reflect.DeepEqual(gotServices[i], wantServices[i]) {
			t.Errorf("service %s:\n got %+v\nwant %+v", wantServices[i].Slug, gotServices[i], wantServices[i])
		}
	}
	// papan check says the same of the imported files as of the typed ones, line
	// numbers aside.
	checked := func(dir string) []string {
		ps, _, err := engine.Check(context.Background(), os.DirFS(dir), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range ps {
			if !strings.HasPrefix(p.File, "content/halaman/") && p.Path != "" || p.Rule != "" {
				out = append(out, fmt.Sprintf("%s %s %s %s [%s]", p.File, p.Path, p.Severity, p.Message, p.Rule))
			}
		}
		// Sorted without positions: a finding's line differs between the typed file and
		// the written one, and findings are ordered by line.
		slices.Sort(out)
		return out
	}
	if got, want := checked(dst), checked(src); len(want) == 0 {
		t.Error("papan check found nothing to compare")
	} else if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("papan check of the imported site:\n%s\nof the typed one:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Importing the same workbook again finds every file unchanged.
	again, err := workbook.Import(context.Background(), bytes.NewReader(xlsx.Bytes()), workbook.Options{Dir: dst})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Written) != 0 || len(again.Unchanged) != len(res.Written) {
		t.Errorf("second import wrote %d files, found %d unchanged of %d", len(again.Written), len(again.Unchanged), len(res.Written))
	}
}

// TestRoundTripExampleSite: site -> workbook -> site on the repository's example site.
func TestRoundTripExampleSite(t *testing.T) { roundTrip(t, "../..") }

// TestRoundTripCorpus: the same on the corpus of real standards (internal/corpus).
func TestRoundTripCorpus(t *testing.T) { roundTrip(t, "../corpus/testdata/site") }

// fill opens the empty template and writes rows into it, as an editor would.
func fill(t *testing.T, rows map[string][][]any) []byte {
	t.Helper()
	var tmpl bytes.Buffer
	if err := workbook.Export(&tmpl, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&tmpl)
	if err != nil {
		t.Fatal(err)
	}
	for sheet, rs := range rows {
		for i, r := range rs {
			if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+2), &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// newRegion is a template filled for a region starting out: its site, one OPD and one
// service with every delivery component.
func newRegion() map[string][][]any {
	return map[string][][]any{
		"Situs": {{"Standar Pelayanan Kabupaten Uji", "Kabupaten Uji", "32.04", "https://standar.ujikab.go.id/"}},
		"OPD":   {{"dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", 1}},
		"Layanan": {{"dukcapil", "kartu-keluarga", "Penerbitan Kartu Keluarga", "Administrasi Kependudukan", "KK baru atau perubahan.",
			"KK\nkartu keluarga", nil, nil, "tidak", nil, "470/12/2025", "2025-03-10"}},
		"Persyaratan": {
			{"dukcapil", "kartu-keluarga", nil, "Formulir F-1.01", "asli", "administratif"},
			{"dukcapil", "kartu-keluarga", nil, "Buku nikah", "fotokopi", "administratif", 1},
		},
		"Prosedur": {
			{"dukcapil", "kartu-keluarga", 1, nil, nil, nil, "Pemohon menyerahkan berkas", "Pemohon", "10 menit"},
			{"dukcapil", "kartu-keluarga", 2, nil, nil, nil, "Petugas memeriksa berkas", "Petugas loket\nOperator", "15 menit", "Lengkap?"},
			{"dukcapil", "kartu-keluarga", 3, nil, nil, nil, "KK dicetak dan diserahkan", "Petugas loket", "1 jam"},
		},
		"Hasil Keputusan": {
			{"dukcapil", "kartu-keluarga", 2, "Tidak lengkap", "Berkas dikembalikan", 1},
			{"dukcapil", "kartu-keluarga", 2, "Lengkap"},
		},
		"Jangka Waktu": {{"dukcapil", "kartu-keluarga", nil, 1, nil, "hari kerja", "berkas dinyatakan lengkap"}},
		"Biaya":        {{"dukcapil", "kartu-keluarga", "Penerbitan KK", "ya", nil, nil, nil, nil, "uu-24-2013"}},
		"Produk":       {{"dukcapil", "kartu-keluarga", "Kartu Keluarga", "fisik dan elektronik"}},
		"Pengaduan": {
			{nil, nil, "lapor", "https://www.lapor.go.id"},
			{"dukcapil", nil, "whatsapp", "0812-0000-0001"},
		},
		"Dasar Hukum": {{"dukcapil", "kartu-keluarga", "uu-24-2013", "Undang-Undang", "24", 2013, "Perubahan atas UU 23/2006 tentang Administrasi Kependudukan"}},
	}
}

// TestTemplateFilledToSite: the empty template, filled by the test, becomes a site
// that loads without a problem, site.toml included.
func TestTemplateFilledToSite(t *testing.T) {
	dst := t.TempDir()
	res, err := workbook.Import(context.Background(), bytes.NewReader(fill(t, newRegion())), workbook.Options{Dir: dst})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(res.Written, " "), "content/dukcapil/_opd.toml content/dukcapil/kartu-keluarga.toml site.toml"; got != want {
		t.Errorf("written %s, want %s", got, want)
	}
	site := load(t, dst)
	if got, want := site.Config.RegionCode, "32.04"; got != want {
		t.Errorf("kode_wilayah = %q, want %q", got, want)
	}
	o := site.OPDs[0]
	s := o.Services[0]
	for _, tt := range []struct {
		name      string
		got, want any
	}{
		{"site channel", site.Config.Complaints[0].Kind, standard.ChannelKind("lapor")},
		{"OPD channel", o.Complaints[0].Values.String(), "0812-0000-0001"},
		{"keywords", strings.Join(s.Keywords, "|"), "KK|kartu keluarga"},
		{"SK date", s.Decree.Date.Format("2006-01-02"), "2025-03-10"},
		{"requirements", len(s.Requirements), 2},
		{"copies", s.Requirements[1].Copies, 1},
		{"two actors", s.Procedure[1].Actors.String(), "Petugas loket, Operator"},
		{"outcomes", len(s.Procedure[1].Outcomes), 2},
		{"outcome back to", s.Procedure[1].Outcomes[0].BackTo, 1},
		{"one duration as a table", s.Durations[0].Key, "jangka_waktu"},
		{"free", s.Free(), true},
		{"fee's legal basis", s.Fees[0].LegalBasis, "uu-24-2013"},
		{"law year", s.LegalBasis[0].Year, 2013},
	} {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dst, "content/dukcapil/kartu-keluarga.toml"))
	if !strings.Contains(string(b), "[[prosedur]]\nuraian = \"Petugas memeriksa berkas\"\npelaksana = [\"Petugas loket\", \"Operator\"]\nwaktu = \"15 menit\"\nkeputusan = \"Lengkap?\"\n\n[[prosedur.hasil]]\njika = \"Tidak lengkap\"") {
		t.Errorf("the file does not read as typed:\n%s", b)
	}
}

// TestImportErrors: every kind of problem is reported at its cell, all at once, and
// nothing is written.
func TestImportErrors(t *testing.T) {
	rows := newRegion()
	rows["OPD"] = append(rows["OPD"], []any{"Dinas Sosial", "Dinas Sosial"}, []any{"dukcapil", "Lagi"})
	rows["Layanan"] = append(rows["Layanan"],
		[]any{"dukcapil", "ktp-el", "KTP-el", nil, nil, nil, nil, nil, "mungkin", "2025-13-45"},
		[]any{"dinkes", "imunisasi", "Imunisasi"},
		[]any{"dukcapil", "kartu-keluarga", "Dua kali"},
	)
	rows["Persyaratan"] = append(rows["Persyaratan"],
		[]any{"dukcapil", "akta", nil, "Surat"},
		[]any{"dukcapil", "ktp-el", nil, "KK", "asli", "administratif", "dua"},
		[]any{"dukcapil", "ktp-el", nil, "KTP lama", "salinan"},
		[]any{"dukcapil", "ktp-el", nil, nil, "asli"},
	)
	rows["Hasil Keputusan"] = append(rows["Hasil Keputusan"], []any{"dukcapil", "kartu-keluarga", 9, "Batal"})
	rows["Prosedur"] = append(rows["Prosedur"], []any{"dukcapil", "ktp-el", 1, nil, nil, nil, "Rekam", "Petugas", "sebentar"})
	rows["Biaya"] = append(rows["Biaya"], []any{"dukcapil", "ktp-el", "Cetak", nil, 5000})
	rows["Pengaduan"] = append(rows["Pengaduan"], []any{"dinkes", nil, "telepon", "123"})
	xlsx := fill(t, rows)
	f, _ := excelize.OpenReader(bytes.NewReader(xlsx))
	f.NewSheet("Catatan")
	f.SetCellValue("Produk", "F1", "Warna")
	var buf bytes.Buffer
	f.WriteTo(&buf)

	dst := t.TempDir()
	_, err := workbook.Import(context.Background(), bytes.NewReader(buf.Bytes()), workbook.Options{Dir: dst})
	var ps standard.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v, want problems", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.File+": "+p.Message)
	}
	want := []string{
		`OPD!A3: slug OPD "Dinas Sosial" tidak valid`,
		`OPD!A4: OPD "dukcapil" sudah ada di baris sebelumnya`,
		`Layanan!I3: "mungkin" bukan ya atau tidak`,
		`Layanan!J3: "2025-13-45" bukan tanggal`,
		`Layanan!A4: OPD "dinkes" tidak ada di lembar OPD maupun di situs`,
		`Layanan!B5: layanan dukcapil/kartu-keluarga sudah ada di baris sebelumnya`,
		`Persyaratan!B4: layanan dukcapil/akta tidak ada di lembar Layanan`,
		`Persyaratan!G5: "dua" bukan bilangan bulat`,
		`Persyaratan!E6: "salinan" tidak ada dalam daftar Bentuk`,
		"Persyaratan!D7: `nama` pada [[persyaratan]] ke-3 wajib diisi",
		"Prosedur!I5: `waktu` pada [[prosedur]] ke-1 \"sebentar\" tidak dapat dibaca: satuan tidak ada",
		`Hasil Keputusan!C4: layanan dukcapil/kartu-keluarga tidak punya langkah nomor "9"`,
		`Biaya!I3: tarif Rp5000 pada [[biaya]] ke-1 tidak menyebut dasar hukum`,
		`Produk!F1: kolom "Warna" tidak dikenal`,
		`Pengaduan!A4: OPD "dinkes" tidak ada di lembar OPD`,
		`Catatan!A1: lembar "Catatan" tidak dikenal`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if entries, _ := os.ReadDir(dst); len(entries) != 0 {
		t.Errorf("an import with galat wrote %d files", len(entries))
	}
}

// TestImportNeverOverwritesUnasked: a file that exists and differs is a galat at its
// row; with Overwrite it is replaced and the old one kept in the backup folder.
func TestImportNeverOverwritesUnasked(t *testing.T) {
	dst := t.TempDir()
	xlsx := fill(t, newRegion())
	if _, err := workbook.Import(context.Background(), bytes.NewReader(xlsx), workbook.Options{Dir: dst}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dst, "content/dukcapil/kartu-keluarga.toml")
	edited := []byte("nama = \"Diubah tangan\"\n")
	os.WriteFile(file, edited, 0o644)

	_, err := workbook.Import(context.Background(), bytes.NewReader(xlsx), workbook.Options{Dir: dst})
	var ps standard.Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].File+": "+ps[0].Message != "Layanan!A2: content/dukcapil/kartu-keluarga.toml sudah ada dan isinya berbeda" {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(file); !bytes.Equal(b, edited) {
		t.Fatal("the file was changed without --timpa")
	}

	now := time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)
	res, err := workbook.Import(context.Background(), bytes.NewReader(xlsx), workbook.Options{Dir: dst, Overwrite: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Backup, ".papan-cadangan/impor-20260102-150405"; got != want {
		t.Errorf("backup = %q, want %q", got, want)
	}
	if got, want := strings.Join(res.Written, " "), "content/dukcapil/kartu-keluarga.toml"; got != want {
		t.Errorf("written %s, want %s", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dst, res.Backup, "content/dukcapil/kartu-keluarga.toml")); !bytes.Equal(b, edited) {
		t.Errorf("backup holds %q, want the old file", b)
	}
	load(t, dst) // the backup folder is not read as content
}
