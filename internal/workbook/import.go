package workbook

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/papan-id/papan/internal/atomicfile"
	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/standard"
	"github.com/xuri/excelize/v2"
)

// Options says where an import writes.
type Options struct {
	// Dir is the site folder: site.toml and content/ are written under it.
	Dir string
	// Overwrite replaces files that exist and differ; each old file is first copied
	// into BackupDir's folder for this import.
	Overwrite bool
	// Now names the backup folder; zero means the current time.
	Now time.Time
}

// BackupDir is the folder under the site where an import with Options.Overwrite keeps
// the files it replaced, one folder per import: .papan-cadangan/impor-20260102-150405/.
// Papan reads nothing from it.
const BackupDir = ".papan-cadangan"

// Result says what an import did.
type Result struct {
	Written   []string // slash paths under the site folder, sorted
	Unchanged []string // files that already held exactly what the workbook gives
	Backup    string   // the backup folder when files were replaced, else ""
	Warnings  standard.Problems
}

// source is where the values at a key path of a file came from: a row of a sheet.
type source struct {
	sheet string
	row   int            // 1-based, as Excel numbers rows
	cols  map[string]int // column key -> 0-based column index in the user's sheet
}

func (s source) cell(key string) string {
	if i, ok := s.cols[key]; ok {
		return cellName(i, s.row)
	}
	return cellName(0, s.row)
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col+1, row)
	return c
}

// item is one data row: its values in column order and where it is.
type item struct {
	src  source
	keys map[string]string // the key columns' values
	vals []kv
}

// file is one content file the import makes.
type file struct {
	path    string
	data    []byte
	sources map[string]source // key path prefix -> row: "" for the main row, "persyaratan[2]", …
}

// importer gathers the problems of one import.
type importer struct {
	problems standard.Problems
}

func (im *importer) errorf(sheet, cell, hint, format string, args ...any) {
	im.problems = append(im.problems, standard.Problem{File: sheet + "!" + cell, Severity: standard.Error,
		Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Import reads the workbook r and writes its OPDs and services as content files under
// opts.Dir. The error is standard.Problems, each named Sheet!Cell, when any is a galat:
// then nothing was written.
func Import(ctx context.Context, r io.Reader, opts Options) (Result, error) {
	var res Result
	wb, err := excelize.OpenReader(r)
	if err != nil {
		return res, fmt.Errorf("berkas bukan buku kerja Excel (.xlsx) yang dapat dibaca: %w", err)
	}
	defer wb.Close()
	im := &importer{}
	items := im.read(wb)
	files := im.assemble(items, opts.Dir)
	im.load(ctx, files, opts.Dir)
	changed := im.compare(files, opts, &res)
	im.sort()
	if im.problems.Errors() > 0 {
		return Result{}, im.problems
	}
	res.Warnings = im.problems
	if err := write(changed, opts, &res); err != nil {
		return res, err
	}
	return res, nil
}

var headerKey = regexp.MustCompile(`\[([a-z_.]+)\]\s*$`)

// sort puts the problems in the order of the workbook: by sheet as the template orders
// them, then row by row, cell by cell.
func (im *importer) sort() {
	order := map[string]int{}
	for i, sh := range sheets() {
		order[sh.name] = i + 1
	}
	key := func(p standard.Problem) (int, int, int) {
		sheet, cell, ok := strings.Cut(p.File, "!")
		if !ok {
			return 0, 0, 0
		}
		col, row, _ := excelize.CellNameToCoordinates(cell)
		if order[sheet] == 0 {
			return len(order) + 1, row, col // sheets Papan does not know, last
		}
		return order[sheet], row, col
	}
	slices.SortStableFunc(im.problems, func(a, b standard.Problem) int {
		as, ar, ac := key(a)
		bs, br, bc := key(b)
		return cmp.Or(cmp.Compare(as, bs), cmp.Compare(ar, br), cmp.Compare(ac, bc), strings.Compare(a.Message, b.Message))
	})
}

// read reads every data sheet into items, by sheet name, checking each cell's type.
func (im *importer) read(wb *excelize.File) map[string][]item {
	out := map[string][]item{}
	known := map[string]sheet{}
	for _, sh := range sheets() {
		known[sh.name] = sh
	}
	for _, name := range wb.GetSheetList() {
		sh, ok := known[name]
		if !ok {
			if name != sheetGuide {
				im.errorf(name, "A1", "Nama lembar yang dikenal: "+sheetNames()+". Ganti nama lembar ini atau hapus.", "lembar %q tidak dikenal", name)
			}
			continue
		}
		rows, err := wb.GetRows(name)
		if err != nil {
			im.errorf(name, "A1", "", "lembar tidak dapat dibaca: %v", err)
			continue
		}
		out[name] = im.sheet(sh, rows)
	}
	return out
}

func sheetNames() string {
	var names []string
	for _, sh := range sheets() {
		names = append(names, sh.name)
	}
	return strings.Join(names, ", ")
}

// sheet reads the rows of one sheet: the header names the columns, each later row
// that is not blank is an item.
func (im *importer) sheet(sh sheet, rows [][]string) []item {
	if len(rows) == 0 {
		return nil
	}
	all := append(append([]column{}, sh.keys...), sh.cols...)
	byKey := map[string]column{}
	for _, c := range all {
		byKey[c.key] = c
	}
	cols := map[string]int{}
	var order []string // column keys by position in the user's sheet
	for i, h := range rows[0] {
		h = strings.TrimSpace(h)
		if h == "" {
			order = append(order, "")
			continue
		}
		key := ""
		if m := headerKey.FindStringSubmatch(h); m != nil {
			key = m[1]
		} else {
			for _, c := range all {
				if strings.EqualFold(h, c.head) {
					key = c.key
				}
			}
		}
		if _, ok := byKey[key]; !ok {
			im.errorf(sh.name, cellName(i, 1), "Judul kolom menyebut kuncinya dalam kurung siku, misalnya \"Nama layanan [nama]\"; salin judul dari templat (papan ekspor xlsx --kosong).",
				"kolom %q tidak dikenal", h)
			order = append(order, "")
			continue
		}
		if j, dup := cols[key]; dup {
			im.errorf(sh.name, cellName(i, 1), "", "kolom [%s] sudah ada di %s", key, cellName(j, 1))
			order = append(order, "")
			continue
		}
		cols[key] = i
		order = append(order, key)
	}
	for _, k := range sh.keys {
		if _, ok := cols[k.key]; !ok && k.key != keyStep.key {
			im.errorf(sh.name, "A1", "Tambahkan kolom itu; salin baris judul dari templat (papan ekspor xlsx --kosong).", "kolom %s [%s] tidak ada", k.head, k.key)
			return nil
		}
	}
	var items []item
	for r, cells := range rows[1:] {
		if blank(cells) {
			continue
		}
		it := item{src: source{sheet: sh.name, row: r + 2, cols: cols}, keys: map[string]string{}}
		for _, c := range all {
			i, ok := cols[c.key]
			if !ok || i >= len(cells) {
				continue
			}
			raw := cells[i]
			if strings.TrimSpace(raw) == "" {
				continue
			}
			v, ok := im.parse(sh.name, cellName(i, r+2), c, raw)
			if !ok {
				continue
			}
			if slices.ContainsFunc(sh.keys, func(k column) bool { return k.key == c.key }) {
				it.keys[c.key] = fmt.Sprint(v)
				continue
			}
			it.vals = append(it.vals, kv{c.key, v})
		}
		items = append(items, it)
	}
	return items
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// parse reads one cell of column c.
func (im *importer) parse(sheet, cell string, c column, raw string) (any, bool) {
	switch c.kind {
	case number:
		s := strings.TrimSpace(raw)
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			// A number Excel stored as 1.5E+5 or 150000.0 is still whole.
			if f, ferr := strconv.ParseFloat(s, 64); ferr == nil && f == float64(int64(f)) {
				return int64(f), true
			}
			im.errorf(sheet, cell, "Tulis bilangan bulat tanpa titik pemisah ribuan, misalnya 50000.", "%q bukan bilangan bulat", raw)
			return nil, false
		}
		return n, true
	case day:
		d, ok := parseDate(strings.TrimSpace(raw))
		if !ok {
			im.errorf(sheet, cell, "Tulis tanggal sebagai TTTT-BB-HH, misalnya 2025-05-19.", "%q bukan tanggal", raw)
			return nil, false
		}
		return d, true
	case yesno:
		switch strings.ToLower(strings.TrimSpace(raw)) {
		case "ya":
			return true, true
		case "tidak":
			return false, true
		}
		im.errorf(sheet, cell, `Pilih "ya" atau "tidak", atau kosongkan.`, "%q bukan ya atau tidak", raw)
		return nil, false
	case lines:
		return splitLines(raw), true
	case texts:
		return textsVal(splitLines(raw)), true
	}
	if len(c.list) > 0 && !slices.Contains(c.list, raw) {
		im.errorf(sheet, cell, "Pilih salah satu: "+strings.Join(c.list, ", ")+".", "%q tidak ada dalam daftar %s", raw, c.head)
		return nil, false
	}
	if c.kind == text || c.key == keyOPD.key || c.key == keyService.key {
		raw = strings.TrimSpace(raw)
	}
	return strings.ReplaceAll(raw, "\r\n", "\n"), true
}

// parseDate reads a date as the workbook formats it (2025-05-19) or as a person types
// one in an Indonesian Excel (19/05/2025, 19-05-2025).
func parseDate(s string) (date, bool) {
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006", "02-01-2006", "2-1-2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return date(t.Format("2006-01-02")), true
		}
	}
	return "", false
}

// assemble groups the items by the file they belong to and writes each file's TOML.
func (im *importer) assemble(items map[string][]item, dir string) []file {
	var files []file
	// The site.
	if site := items[sheetSite]; len(site) > 0 {
		for _, it := range site[1:] {
			im.errorf(sheetSite, cellName(0, it.src.row), "Lembar Situs memuat satu baris saja.", "baris kedua data situs")
		}
		if _, err := os.Stat(filepath.Join(dir, content.ConfigFile)); err != nil {
			var t tomlFile
			t.keys("", site[0].vals)
			f := file{path: content.ConfigFile, sources: map[string]source{"": site[0].src}}
			channels(&t, &f, ownerItems(items[sheetChannels], "", ""))
			f.data = []byte(t.b.String())
			files = append(files, f)
		}
	}
	// The OPDs.
	opds := map[string]bool{}
	for _, it := range items[sheetOPD] {
		slug := it.keys[keyOPD.key]
		if !im.slug(it, keyOPD, "OPD") {
			continue
		}
		if opds[slug] {
			im.errorf(sheetOPD, it.src.cell(keyOPD.key), "Setiap OPD ditulis satu baris saja.", "OPD %q sudah ada di baris sebelumnya", slug)
			continue
		}
		opds[slug] = true
		var t tomlFile
		t.keys("", it.vals)
		f := file{path: path.Join(content.ContentDir, slug, content.OPDFile), sources: map[string]source{"": it.src}}
		for i, h := range ownerItems(items[sheetHours], slug, "") {
			t.header("[[jam_layanan]]", h.vals)
			f.sources[fmt.Sprintf("jam_layanan[%d]", i)] = h.src
		}
		channels(&t, &f, ownerItems(items[sheetChannels], slug, ""))
		f.data = []byte(t.b.String())
		files = append(files, f)
	}
	onDisk := func(opd string) bool {
		_, err := os.Stat(filepath.Join(dir, content.ContentDir, opd, content.OPDFile))
		return err == nil
	}
	for _, it := range items[sheetHours] {
		if o := it.keys[keyOPD.key]; !opds[o] {
			im.errorf(sheetHours, it.src.cell(keyOPD.key), "Tulis OPD ini di lembar OPD.", "OPD %q tidak ada di lembar OPD", o)
		}
	}
	// The services.
	services := map[[2]string]bool{}
	for _, it := range items[sheetServices] {
		o, s := it.keys[keyOPD.key], it.keys[keyService.key]
		if !im.slug(it, keyOPD, "OPD") || !im.slug(it, keyService, "layanan") {
			continue
		}
		if !opds[o] && !onDisk(o) {
			im.errorf(sheetServices, it.src.cell(keyOPD.key), "Tulis OPD ini di lembar OPD, atau buat dulu dengan papan new opd "+o+".", "OPD %q tidak ada di lembar OPD maupun di situs", o)
			continue
		}
		if services[[2]string{o, s}] {
			im.errorf(sheetServices, it.src.cell(keyService.key), "Setiap layanan ditulis satu baris saja.", "layanan %s/%s sudah ada di baris sebelumnya", o, s)
			continue
		}
		services[[2]string{o, s}] = true
		files = append(files, im.service(it, items))
	}
	// Rows of the long sheets for services that have no row in Layanan.
	for _, sh := range sheets() {
		if sh.array == "" || sh.name == sheetHours {
			continue
		}
		for _, it := range items[sh.name] {
			o, s := it.keys[keyOPD.key], it.keys[keyService.key]
			switch {
			case sh.name == sheetChannels && s == "" && (o == "" || opds[o]):
			case sh.name == sheetChannels && s == "":
				im.errorf(sh.name, it.src.cell(keyOPD.key), "Saluran pengaduan OPD ditulis bersama OPD-nya di lembar OPD; tulis OPD itu di lembar OPD.", "OPD %q tidak ada di lembar OPD", o)
			case o == "" || s == "":
				im.errorf(sh.name, cellName(0, it.src.row), "Setiap baris menyebut OPD dan layanannya.", "kolom OPD atau Layanan kosong")
			case !services[[2]string{o, s}]:
				im.errorf(sh.name, it.src.cell(keyService.key), "Tulis layanan ini di lembar Layanan, atau perbaiki slug OPD/layanan.", "layanan %s/%s tidak ada di lembar Layanan", o, s)
			}
		}
	}
	return files
}

func (im *importer) slug(it item, c column, what string) bool {
	v := it.keys[c.key]
	switch {
	case v == "":
		im.errorf(it.src.sheet, it.src.cell(c.key), "", "slug %s kosong", what)
	case !standard.ValidSlug(v):
		im.errorf(it.src.sheet, it.src.cell(c.key), fmt.Sprintf("Gunakan huruf kecil, angka dan tanda hubung, misalnya %q.", standard.Slugify(v)),
			"slug %s %q tidak valid", what, v)
	default:
		return true
	}
	return false
}

// ownerItems returns the items keyed by opd and service, in row order.
func ownerItems(items []item, opd, svc string) []item {
	var out []item
	for _, it := range items {
		if it.keys[keyOPD.key] == opd && it.keys[keyService.key] == svc {
			out = append(out, it)
		}
	}
	return out
}

func channels(t *tomlFile, f *file, chs []item) {
	for i, ch := range chs {
		t.header("[[pengaduan]]", ch.vals)
		f.sources[fmt.Sprintf("pengaduan[%d]", i)] = ch.src
	}
}

// service writes the file of the service in row it of Layanan.
func (im *importer) service(it item, items map[string][]item) file {
	o, s := it.keys[keyOPD.key], it.keys[keyService.key]
	f := file{path: path.Join(content.ContentDir, o, s+".toml"), sources: map[string]source{"": it.src}}
	var t tomlFile
	t.keys("", it.vals)
	mine := func(sheet string) []item { return ownerItems(items[sheet], o, s) }
	for i, q := range mine("Persyaratan") {
		t.header("[[persyaratan]]", q.vals)
		f.sources[fmt.Sprintf("persyaratan[%d]", i)] = q.src
	}
	steps := mine(sheetSteps)
	outcomes := mine(sheetOutcomes)
	nums := map[int64]int{}
	for i, st := range steps {
		n := int64(i + 1)
		if v, ok := st.keys[keyStep.key]; ok {
			n, _ = strconv.ParseInt(v, 10, 64)
		}
		if j, dup := nums[n]; dup {
			im.errorf(sheetSteps, st.src.cell(keyStep.key), "Beri setiap langkah layanan ini nomor yang berbeda.", "nomor langkah %d sudah dipakai di baris %d", n, steps[j].src.row)
		}
		nums[n] = i
		t.header("[[prosedur]]", st.vals)
		f.sources[fmt.Sprintf("prosedur[%d]", i)] = st.src
		k := 0
		for _, h := range outcomes {
			if h.keys[keyOfStep.key] == strconv.FormatInt(n, 10) {
				t.header("[[prosedur.hasil]]", h.vals)
				f.sources[fmt.Sprintf("prosedur[%d].hasil[%d]", i, k)] = h.src
				k++
			}
		}
	}
	for _, h := range outcomes {
		n, err := strconv.ParseInt(h.keys[keyOfStep.key], 10, 64)
		if _, ok := nums[n]; err != nil || !ok {
			im.errorf(sheetOutcomes, h.src.cell(keyOfStep.key), "Tulis nomor (kolom No) langkah keputusan itu di lembar Prosedur.",
				"layanan %s/%s tidak punya langkah nomor %q", o, s, h.keys[keyOfStep.key])
		}
	}
	durations := mine("Jangka Waktu")
	for i, d := range durations {
		if len(durations) == 1 && !slices.ContainsFunc(d.vals, func(x kv) bool { return x.key == "label" }) {
			t.header("[jangka_waktu]", d.vals)
			f.sources["jangka_waktu"] = d.src
		} else {
			t.header("[[jangka_waktu]]", d.vals)
		}
		f.sources[fmt.Sprintf("jangka_waktu[%d]", i)] = d.src
	}
	for _, sh := range []string{"Biaya", "Produk"} {
		array := map[string]string{"Biaya": "biaya", "Produk": "produk"}[sh]
		for i, x := range mine(sh) {
			t.header("[["+array+"]]", x.vals)
			f.sources[fmt.Sprintf("%s[%d]", array, i)] = x.src
		}
	}
	channels(&t, &f, mine(sheetChannels))
	for _, sh := range []string{"Dasar Hukum", "Pelayanan Khusus"} {
		array := map[string]string{"Dasar Hukum": "dasar_hukum", "Pelayanan Khusus": "pelayanan_khusus"}[sh]
		for i, x := range mine(sh) {
			t.header("[["+array+"]]", x.vals)
			f.sources[fmt.Sprintf("%s[%d]", array, i)] = x.src
		}
	}
	f.data = []byte(t.b.String())
	return f
}

var index = regexp.MustCompile(`\[\d+\]`)

// locate returns the cell of the value at key path p of f.
func (f file) locate(p string) (sheet, cell string) {
	parts := strings.Split(p, ".")
	for i := len(parts); i >= 0; i-- {
		src, ok := f.sources[strings.Join(parts[:i], ".")]
		if !ok {
			continue
		}
		rest := parts[i:]
		for j := len(rest); j > 0; j-- {
			if _, ok := src.cols[index.ReplaceAllString(strings.Join(rest[:j], "."), "")]; ok {
				return src.sheet, src.cell(index.ReplaceAllString(strings.Join(rest[:j], "."), ""))
			}
		}
		return src.sheet, src.cell("")
	}
	src := f.sources[""]
	return src.sheet, src.cell("")
}

// load loads the files the import makes with papan's own loader, beside the site's
// site.toml and _opd.toml files, and reports the loader's problems at their cells.
func (im *importer) load(ctx context.Context, files []file, dir string) {
	fsys := fstest.MapFS{}
	// What is already on disk that the new files need: site.toml and every OPD.
	if b, err := os.ReadFile(filepath.Join(dir, content.ConfigFile)); err == nil {
		fsys[content.ConfigFile] = &fstest.MapFile{Data: b}
	}
	if entries, err := os.ReadDir(filepath.Join(dir, content.ContentDir)); err == nil {
		for _, e := range entries {
			p := path.Join(content.ContentDir, e.Name(), content.OPDFile)
			if b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p))); err == nil {
				fsys[p] = &fstest.MapFile{Data: b}
			}
		}
	}
	byPath := map[string]file{}
	for _, f := range files {
		fsys[f.path] = &fstest.MapFile{Data: f.data}
		byPath[f.path] = f
	}
	if _, ok := fsys[content.ConfigFile]; !ok {
		im.errorf(sheetSite, "A2", "Isi lembar Situs (judul dan wilayah), atau buat site.toml di folder situs.", "folder situs belum punya site.toml dan lembar Situs kosong")
		return
	}
	_, ps, err := content.Load(ctx, fsys)
	if err != nil {
		im.errorf(sheetServices, "A1", "", "%v", err)
		return
	}
	for _, p := range ps {
		f, ok := byPath[p.File]
		if !ok {
			if p.File == content.ConfigFile || path.Base(p.File) == content.OPDFile {
				continue // the site's own files: papan check reports them
			}
			im.problems = append(im.problems, p)
			continue
		}
		sheet, cell := f.locate(p.Path)
		p.File, p.Path, p.Line, p.Col = sheet+"!"+cell, "", 0, 0
		im.problems = append(im.problems, p)
	}
}

// compare finds the files that differ from what is on disk; a file that exists and
// differs is a galat unless opts.Overwrite.
func (im *importer) compare(files []file, opts Options, res *Result) []file {
	var changed []file
	for _, f := range files {
		old, err := os.ReadFile(filepath.Join(opts.Dir, filepath.FromSlash(f.path)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			changed = append(changed, f)
		case err != nil:
			src := f.sources[""]
			im.errorf(src.sheet, src.cell(""), "", "%s tidak dapat dibaca: %v", f.path, err)
		case bytes.Equal(old, f.data):
			res.Unchanged = append(res.Unchanged, f.path)
		case !opts.Overwrite:
			src := f.sources[""]
			im.errorf(src.sheet, src.cell(""), "Jalankan lagi dengan --timpa untuk menggantinya; berkas lama disimpan di "+BackupDir+".",
				"%s sudah ada dan isinya berbeda", f.path)
		default:
			changed = append(changed, f)
		}
	}
	return changed
}

// write writes files under opts.Dir, each through a temporary file renamed into place,
// after copying any file it replaces into a new backup folder.
func write(files []file, opts Options, res *Result) error {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	backup := path.Join(BackupDir, "impor-"+now.Format("20060102-150405"))
	for _, f := range files {
		dst := filepath.Join(opts.Dir, filepath.FromSlash(f.path))
		if old, err := os.ReadFile(dst); err == nil {
			b := filepath.Join(opts.Dir, filepath.FromSlash(backup), filepath.FromSlash(f.path))
			if err := os.MkdirAll(filepath.Dir(b), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(b, old, 0o644); err != nil {
				return fmt.Errorf("tidak dapat menyimpan cadangan %s: %w", f.path, err)
			}
			res.Backup = backup
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := atomicfile.Write(dst, f.data); err != nil {
			return fmt.Errorf("tidak dapat menulis %s: %w", f.path, err)
		}
		res.Written = append(res.Written, f.path)
	}
	slices.Sort(res.Written)
	slices.Sort(res.Unchanged)
	return nil
}
