package workbook

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/papan-id/papan/internal/opendata"
	"github.com/papan-id/papan/internal/standard"
	"github.com/xuri/excelize/v2"
)

// maxRows is how far down the drop-downs and formats of a sheet reach.
const maxRows = 100000

// row is the cells of one row by column key.
type row map[string]any

// Export writes site as a workbook to w; a nil site writes the empty template. Drafts
// are included, marked in the Draf column.
func Export(w io.Writer, site *standard.Site) error {
	f := excelize.NewFile()
	defer f.Close()
	rows := map[string][]row{}
	if site != nil {
		rows = siteRows(site)
	}
	if err := f.SetSheetName("Sheet1", sheetGuide); err != nil {
		return err
	}
	if err := guide(f); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for _, sh := range sheets() {
		if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
		if err := writeSheet(f, st, sh, rows[sh.name]); err != nil {
			return fmt.Errorf("workbook: %s: %w", sh.name, err)
		}
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

type styles struct{ head, text, long, number, date int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	textFmt := "@" // text: "0812…" keeps its zero, "7" stays "7"
	dateFmt := "yyyy-mm-dd"
	for _, x := range []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.head, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, CustomNumFmt: &textFmt}},
		{&s.text, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &textFmt}},
		{&s.long, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, CustomNumFmt: &textFmt}},
		{&s.number, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, NumFmt: 1}},
		{&s.date, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &dateFmt}},
	} {
		if *x.dst, err = f.NewStyle(&x.style); err != nil {
			return s, err
		}
	}
	return s, nil
}

func (s styles) of(k kind) int {
	switch k {
	case long, lines, texts:
		return s.long
	case number:
		return s.number
	case day:
		return s.date
	}
	return s.text
}

func writeSheet(f *excelize.File, st styles, sh sheet, rows []row) error {
	cols := append(append([]column{}, sh.keys...), sh.cols...)
	name := sh.name
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = c.header()
		letter, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(name, letter, letter, c.width); err != nil {
			return err
		}
		if err := f.SetColStyle(name, letter, st.of(c.kind)); err != nil {
			return err
		}
		if err := validation(f, sh, c, letter); err != nil {
			return err
		}
	}
	if err := f.SetSheetRow(name, "A1", &head); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	if err := f.SetCellStyle(name, "A1", last+"1", st.head); err != nil {
		return err
	}
	for r, rw := range rows {
		cells := make([]any, len(cols))
		for i, c := range cols {
			cells[i] = cell(c, rw[c.key])
		}
		if err := f.SetSheetRow(name, fmt.Sprintf("A%d", r+2), &cells); err != nil {
			return err
		}
	}
	return f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// cell returns what a cell of column c holds for the value v.
func cell(c column, v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		if x == "" {
			return nil
		}
		return x
	case int:
		if x == 0 {
			return nil
		}
		return x
	case int64:
		if x == 0 {
			return nil
		}
		return x
	case bool:
		if !x {
			return nil
		}
		return "ya"
	case standard.Date:
		if x.IsZero() {
			return nil
		}
		return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)
	case []string:
		if len(x) == 0 {
			return nil
		}
		return strings.Join(x, "\n")
	}
	panic(fmt.Sprintf("workbook: column %s: value of type %T", c.key, v))
}

// validation gives column c of sheet sh its drop-down: the fixed list, or for the OPD
// and service columns the slugs in the OPD and Layanan sheets.
func validation(f *excelize.File, sh sheet, c column, letter string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", letter, letter, maxRows)
	switch {
	case len(c.list) > 0:
		if err := dv.SetDropList(c.list); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Nilai tidak dikenal", "Pilih salah satu nilai dari daftar.")
	case c.key == keyOPD.key && sh.name != sheetOPD:
		dv.SetSqrefDropList(fmt.Sprintf("'%s'!$A$2:$A$%d", sheetOPD, maxRows))
		// A warning, not a stop: an OPD may already be on the site without a row here.
		dv.SetError(excelize.DataValidationErrorStyleWarning, "OPD tidak ada di lembar OPD", "Pastikan OPD ini sudah ada di situs.")
	case c.key == keyService.key && sh.name != sheetServices:
		dv.SetSqrefDropList(fmt.Sprintf("'%s'!$B$2:$B$%d", sheetServices, maxRows))
		dv.SetError(excelize.DataValidationErrorStyleWarning, "Layanan tidak ada di lembar Layanan", "Tulis layanan ini di lembar Layanan.")
	default:
		return nil
	}
	return f.AddDataValidation(sh.name, dv)
}

// siteRows lays the site out as the rows of each sheet.
func siteRows(site *standard.Site) map[string][]row {
	out := map[string][]row{}
	add := func(sheet string, r row) { out[sheet] = append(out[sheet], r) }
	cfg := site.Config
	add(sheetSite, withContact(row{"judul": cfg.Title, "wilayah": cfg.Region, "kode_wilayah": cfg.RegionCode,
		"base_url": cfg.BaseURL, "deskripsi": cfg.Description}, "kontak", cfg.Contact))
	for _, ch := range cfg.Complaints {
		add(sheetChannels, channelRow("", "", ch))
	}
	for _, o := range site.OPDs {
		r := withContact(row{"opd": o.Slug, "nama": o.Name, "singkatan": o.ShortName, "urutan": o.Order,
			"alamat": o.Address, "kepala": o.Head, "visi": string(o.Vision), "misi": markdowns(o.Mission), "moto": o.Motto}, "kontak", o.Contact)
		if m := o.Maklumat; m != nil {
			r["maklumat.teks"], r["maklumat.penanda_tangan"], r["maklumat.jabatan"], r["maklumat.tanggal"] = string(m.Text), m.Signer, m.Position, m.Date
		}
		handling(r, o.Handling)
		add(sheetOPD, r)
		for _, h := range o.Hours {
			add(sheetHours, row{"opd": o.Slug, "hari": h.Days, "jam": h.Time})
		}
		for _, ch := range o.Complaints {
			add(sheetChannels, channelRow(o.Slug, "", ch))
		}
		for _, s := range o.Services {
			serviceRows(s, add)
		}
	}
	return out
}

func withContact(r row, prefix string, k standard.Contact) row {
	r[prefix+".alamat"], r[prefix+".telepon"], r[prefix+".faks"], r[prefix+".whatsapp"], r[prefix+".email"], r[prefix+".situs"] =
		k.Address, k.Phone, k.Fax, k.WhatsApp, k.Email, k.Website
	return r
}

func handling(r row, h *standard.ComplaintHandling) {
	if h != nil {
		r["penanganan_pengaduan.uraian"], r["penanganan_pengaduan.waktu_respons"] = string(h.Text), h.ResponseTime
	}
}

func markdowns(ms []standard.Markdown) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = string(m)
	}
	return out
}

func channelRow(opd, svc string, ch standard.Channel) row {
	return row{"opd": opd, "layanan": svc, "jenis": string(ch.Kind), "nilai": []string(ch.Values), "jam": ch.Hours,
		"waktu_respons": ch.Response, "keterangan": string(ch.Note)}
}

func serviceRows(s *standard.Service, add func(string, row)) {
	o, k := s.OPD.Slug, s.Slug
	r := row{"opd": o, "layanan": k, "nama": s.Name, "kategori": s.Category, "ringkasan": s.Summary,
		"kata_kunci": s.Keywords, "tautan_daring": s.OnlineURL, "lokasi": s.Location, "draf": s.Draft, "diperbarui": s.Updated}
	if d := s.Decree; d != nil {
		r["sk.nomor"], r["sk.tanggal"], r["sk.konsultasi_publik"], r["sk.evaluasi_terakhir"] = d.Number, d.Date, d.Consultation, d.LastEvaluation
	}
	handling(r, s.Handling)
	for _, t := range s.ManagementTexts() {
		r[t.Key] = string(t.Text)
	}
	add(sheetServices, r)
	for _, q := range s.Requirements {
		add("Persyaratan", row{"opd": o, "layanan": k, "kasus": q.Case, "nama": q.Name, "bentuk": q.Form, "jenis": q.Kind,
			"jumlah": q.Copies, "jika": q.Condition, "atau": q.OneOf, "keterangan": string(q.Note)})
	}
	for i, st := range s.Procedure {
		add(sheetSteps, row{"opd": o, "layanan": k, "no": i + 1, "kanal": st.Channel, "tahap": st.Stage, "jika": st.Condition,
			"uraian": st.Text, "pelaksana": []string(st.Actors), "waktu": opendata.StepTime(st.Time), "keputusan": st.Decision,
			"jika_tidak": st.IfNot, "kembali_ke": st.BackTo})
		for _, h := range st.Outcomes {
			add(sheetOutcomes, row{"opd": o, "layanan": k, "langkah": i + 1, "jika": h.If, "maka": h.Then, "kembali_ke": h.BackTo, "selesai": h.End})
		}
	}
	for _, d := range s.Durations {
		add("Jangka Waktu", row{"opd": o, "layanan": k, "label": d.Label, "nilai": d.Value, "paling_lama": d.Max,
			"satuan": string(d.Unit), "dihitung_sejak": d.CountFrom, "keterangan": string(d.Note)})
	}
	for _, fe := range s.Fees {
		add("Biaya", row{"opd": o, "layanan": k, "uraian": fe.Text, "gratis": fe.Free, "tarif": fe.Amount, "tarif_min": fe.Min,
			"tarif_maks": fe.Max, "ketentuan": fe.Rule, "dasar_hukum": fe.LegalBasis, "keterangan": string(fe.Note)})
	}
	for _, p := range s.Products {
		add("Produk", row{"opd": o, "layanan": k, "nama": p.Name, "bentuk": p.Form, "keterangan": string(p.Note)})
	}
	for _, ch := range s.Complaints {
		add(sheetChannels, channelRow(o, k, ch))
	}
	for _, l := range s.LegalBasis {
		add("Dasar Hukum", row{"opd": o, "layanan": k, "id": l.ID, "jenis": l.Kind, "nomor": l.Number, "tahun": l.Year,
			"judul": l.Title, "tautan": l.Link, "mengubah": []string(l.Amends)})
	}
	for _, c := range s.SpecialCare {
		add("Pelayanan Khusus", row{"opd": o, "layanan": k, "kelompok": c.Group, "uraian": string(c.Text)})
	}
}

// guide writes the instructions sheet.
func guide(f *excelize.File) error {
	lines := []string{
		"Petunjuk pengisian standar pelayanan (Papan)",
		"",
		"Buku kerja ini memuat standar pelayanan seluruh OPD, satu lembar per bagian. Isi setiap lembar mulai baris 2; jangan mengubah baris judul kolom.",
		"Setiap baris lembar Persyaratan, Prosedur, Biaya, dst. memuat kolom OPD dan Layanan: slug OPD (nama folder, misalnya dukcapil) dan slug layanan (nama berkas, misalnya ktp-el) yang juga tertulis di lembar Layanan.",
		"Slug hanya memakai huruf kecil, angka, dan tanda hubung. Urutan baris menjadi urutan butir pada halaman.",
		"Kolom dengan daftar pilihan (Bentuk, Jenis, Satuan, Jenis saluran, Gratis, Draf, Selesai) hanya menerima nilai dari daftarnya.",
		"Tanggal ditulis TTTT-BB-HH, misalnya 2025-05-19. Biaya ditulis dalam rupiah tanpa titik, misalnya 50000.",
		"Kolom bertanda (satu per baris) memuat beberapa butir, satu butir per baris dalam sel (Alt+Enter di Excel).",
		"Kolom Keterangan, Uraian, Visi, Maklumat dan komponen pengelolaan boleh memakai Markdown: **tebal**, daftar dengan tanda -.",
		"",
		"Setelah diisi, jalankan: papan impor xlsx NAMA-BERKAS.xlsx --src FOLDER-SITUS",
		"Semua kesalahan dilaporkan sekaligus sebagai Lembar!Sel: pesan; tidak ada berkas yang ditulis selama masih ada galat.",
		"Berkas yang sudah ada tidak ditimpa kecuali dengan --timpa; berkas lama disimpan di folder .papan-cadangan.",
		"",
		"Lembar-lembar:",
	}
	for _, sh := range sheets() {
		lines = append(lines, "• "+sh.name+": "+sh.note)
	}
	lines = append(lines, "",
		"Padanan SIPPN (KemenPAN-RB): Deskripsi layanan = lembar Layanan; Persyaratan = lembar Persyaratan;",
		"Prosedur = lembar Prosedur, Hasil Keputusan, Jangka Waktu dan Biaya; Penyelenggara dan lokasi = lembar OPD, Jam Layanan, Pengaduan dan kolom Lokasi.")
	for i, l := range lines {
		if err := f.SetCellStr(sheetGuide, fmt.Sprintf("A%d", i+1), l); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sheetGuide, "A", "A", 140); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheetGuide, "A1", "A1", bold)
}
