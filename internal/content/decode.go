package content

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/papan-id/papan/internal/spell"
	"github.com/papan-id/papan/internal/standard"
)

// Papan decodes TOML in two steps: BurntSushi/toml parses the text into maps, and this
// decoder moves the maps into the domain types. Doing the second step ourselves lets one
// pass report every unknown key, wrong type and missing field of a file, each by its key
// path and in Indonesian, where toml.Decode stops at the first mismatch and speaks English.
//
// Struct fields take part when they have a `toml:"name"` tag; ",required" after the name
// makes a missing or empty value an error.

type decoder struct {
	file     string
	top      []field // the fields of the file's top level
	problems []standard.Problem
}

// decodeTop decodes the file's top-level table m into v, a pointer to a struct.
func (d *decoder) decodeTop(m map[string]any, v any) {
	rv := reflect.ValueOf(v).Elem()
	d.top = fieldsOf(rv.Type())
	d.table("", m, rv)
}

func (d *decoder) errorf(path, hint, format string, args ...any) {
	d.problems = append(d.problems, standard.Problem{
		File: d.file, Path: path, Severity: standard.Error,
		Message: fmt.Sprintf(format, args...), Hint: hint,
	})
}

var (
	dateType      = reflect.TypeFor[standard.Date]()
	stepTimeType  = reflect.TypeFor[standard.StepTime]()
	durationsType = reflect.TypeFor[[]standard.Duration]()
	textsType     = reflect.TypeFor[standard.Texts]()
	channelType   = reflect.TypeFor[standard.Channel]()
)

// field is one decodable struct field.
type field struct {
	name     string
	index    int
	required bool
}

// schema holds the fields of every struct type a content file can decode into. It is
// built once, when the package is initialised, and only read after that: walking struct
// tags again for every table of every file was a measurable share of loading.
var schema = buildSchema(
	reflect.TypeFor[standard.Config](), reflect.TypeFor[standard.OPD](),
	reflect.TypeFor[standard.Service](), reflect.TypeFor[standard.Page]())

func buildSchema(roots ...reflect.Type) map[reflect.Type][]field {
	m := map[reflect.Type][]field{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == dateType || m[t] != nil {
			return
		}
		m[t] = structFields(t)
		for _, f := range m[t] {
			walk(t.Field(f.index).Type)
		}
	}
	for _, t := range roots {
		walk(t)
	}
	return m
}

func fieldsOf(t reflect.Type) []field {
	if fs, ok := schema[t]; ok {
		return fs
	}
	return structFields(t)
}

func structFields(t reflect.Type) []field {
	var fs []field
	for _, f := range standard.TOMLFields(t) {
		fs = append(fs, field{name: f.Name, index: f.Index, required: f.Required})
	}
	return fs
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// table decodes the TOML table m into the struct rv. It walks the struct's fields rather
// than the table's keys, so that only a table with unknown keys needs its keys sorted
// (for a stable order of problems); that is most of the decoder's time saved.
func (d *decoder) table(path string, m map[string]any, rv reflect.Value) {
	fs := fieldsOf(rv.Type())
	known := 0
	for _, f := range fs {
		v, ok := m[f.name]
		if ok {
			known++
			d.value(join(path, f.name), v, rv.Field(f.index))
		}
		if !f.required {
			continue
		}
		if !ok || empty(v) {
			d.errorf(join(path, f.name), requiredHint(f.name), "%s wajib diisi", fieldLabel(join(path, f.name)))
			d.problems[len(d.problems)-1].Rule = requiredRule(d.top, path, f.name)
		} else if r, blank := invisibleOnly(v); blank {
			d.errorf(join(path, f.name), invisibleHint, "%s hanya berisi karakter tak terlihat (%U)", fieldLabel(join(path, f.name)), r)
			d.problems[len(d.problems)-1].Rule = requiredRule(d.top, path, f.name)
		}
	}
	if rv.Type() == channelType {
		d.channelValue(path, m)
	}
	if known == len(m) {
		return
	}
	var unknown []string
	for k := range m {
		if !slices.ContainsFunc(fs, func(f field) bool { return f.name == k }) {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		d.unknownKey(path, k, fs)
	}
}

// channelValue reports a complaint channel written without its nilai: only a suggestion
// box may have none. (nilai is not ",required" for that one kind.)
func (d *decoder) channelValue(path string, m map[string]any) {
	if v, ok := m["nilai"]; ok && !empty(v) {
		return
	}
	if kind, _ := m["jenis"].(string); standard.ChannelKind(strings.TrimSpace(kind)) == standard.ChannelNoValue {
		return
	}
	d.errorf(join(path, "nilai"), `Tulis nilai = "…": nomor telepon, alamat surel, alamat web, atau alamat tujuan surat; dua nomor ditulis nilai = ["…", "…"]. Hanya jenis = "kotak-saran" yang boleh tanpa nilai.`,
		"%s wajib diisi", fieldLabel(join(path, "nilai")))
}

// empty reports whether a required value is missing: an empty list, or text of ASCII
// white space only. Text of other white space is invisibleOnly's to report.
func empty(v any) bool {
	switch v := v.(type) {
	case string:
		return strings.Trim(v, " \t\r\n") == ""
	case []any:
		return len(v) == 0
	case []map[string]any:
		return len(v) == 0
	}
	return false
}

// invisibleOnly reports whether v is text that shows nothing: white space, format
// characters such as the zero-width space (U+200B), joiners, the word joiner and the
// byte-order mark (U+FEFF), the soft hyphen (U+00AD), control characters, variation
// selectors, the other default-ignorable characters (Hangul fillers) and the Braille
// blank. r is its first such character that is not an ASCII space. A visible first
// character, as in every real name, ends the loop at once.
func invisibleOnly(v any) (r rune, blank bool) {
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	for _, c := range s {
		if !invisible(c) {
			return 0, false
		}
		if r == 0 && c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			r = c
		}
	}
	return r, true
}

func invisible(r rune) bool {
	if r < utf8.RuneSelf {
		return r <= ' ' || r == 0x7F // control characters and the space
	}
	return unicode.IsSpace(r) || r == '\u2800' ||
		unicode.In(r, unicode.Cf, unicode.Cc, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

func fieldLabel(path string) string { return standard.FieldLabel(path) }

// unknownKey reports a key the struct does not have. A top-level key that only landed in
// a table because it was written below the table's header gets advice to move it up:
// that is the commonest TOML mistake.
func (d *decoder) unknownKey(path, key string, known []field) {
	p := join(path, key)
	hint := ""
	if path != "" && slices.ContainsFunc(d.top, func(f field) bool { return f.name == key }) {
		hint = fmt.Sprintf("Kunci %q milik bagian atas berkas, tetapi ditulis di bawah tabel [%s]. Pindahkan baris ini ke atas, sebelum tabel pertama.", key, tableName(path))
	} else if s := closest(key, known); s != "" {
		hint = fmt.Sprintf("Mungkin maksudnya %q?", s)
	} else {
		names := make([]string, len(known))
		for i, f := range known {
			names[i] = f.name
		}
		hint = "Kunci yang dikenal di sini: " + strings.Join(names, ", ") + "."
	}
	d.errorf(p, hint, "kunci %s tidak dikenal", fieldLabel(p))
}

// tableName turns "persyaratan[2]" into "persyaratan", the header an editor wrote.
func tableName(path string) string {
	if i := strings.LastIndexByte(path, '['); i >= 0 && strings.HasSuffix(path, "]") {
		return "[" + path[:i] + "]"
	}
	return path
}

// closest returns the known name nearest to key when it is near enough to be a typo.
func closest(key string, known []field) string {
	best, bestDist := "", 3
	if len(key) <= 4 {
		bestDist = 2
	}
	for _, f := range known {
		if d := spell.Distance(key, f.name); d < bestDist {
			best, bestDist = f.name, d
		}
	}
	return best
}

func (d *decoder) value(path string, v any, rv reflect.Value) {
	t := rv.Type()
	switch {
	case t == dateType:
		tm, ok := v.(time.Time)
		if !ok {
			d.dateError(path, v)
			return
		}
		rv.Set(reflect.ValueOf(standard.Date{Time: time.Date(tm.Year(), tm.Month(), tm.Day(), 0, 0, 0, 0, time.UTC)}))
	case t.Kind() == reflect.Pointer && t.Elem() == stepTimeType:
		s, ok := v.(string)
		if !ok {
			d.typeError(path, v, "teks", `Tulis angka dan satuan dalam tanda kutip, misalnya "15 menit".`)
			return
		}
		st, err := parseStepTime(s)
		if err != nil {
			d.errorf(path, `Tulis angka dan satuan, misalnya "15 menit", "2 jam", "1-3 hari kerja".`, "%s %q tidak dapat dibaca: %v", fieldLabel(path), s, err)
			return
		}
		rv.Set(reflect.ValueOf(st))
	case t == durationsType:
		d.durations(path, v, rv)
	case t == textsType:
		d.texts(path, v, rv)
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			d.typeError(path, v, "tabel", fmt.Sprintf("Tulis sebagai tabel dengan baris [%s] lalu kunci-kuncinya.", path))
			return
		}
		p := reflect.New(t.Elem())
		d.table(path, m, p.Elem())
		rv.Set(p)
	case t.Kind() == reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			d.typeError(path, v, "tabel", fmt.Sprintf("Tulis sebagai tabel dengan baris [%s] lalu kunci-kuncinya.", path))
			return
		}
		d.table(path, m, rv)
		if t == feeType {
			d.fee(path, m, rv.Addr().Interface().(*standard.Fee))
		}
	case t.Kind() == reflect.String:
		s, ok := v.(string)
		if !ok {
			d.typeError(path, v, "teks", `Tulis teks dalam tanda kutip, misalnya nama = "Kartu Keluarga".`)
			return
		}
		rv.SetString(strings.TrimSpace(s))
	case t.Kind() == reflect.Int || t.Kind() == reflect.Int64:
		n, ok := v.(int64)
		if !ok {
			d.typeError(path, v, "angka bulat", intHint(path))
			return
		}
		rv.SetInt(n)
	case t.Kind() == reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			d.typeError(path, v, "true atau false", "Tulis true atau false tanpa tanda kutip.")
			return
		}
		rv.SetBool(b)
	case t.Kind() == reflect.Slice:
		d.list(path, v, rv)
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String && t.Elem().Kind() == reflect.String:
		m, ok := v.(map[string]any)
		if !ok {
			d.typeError(path, v, "tabel", fmt.Sprintf("Tulis sebagai tabel dengan baris [%s] lalu kunci = \"teks\".", path))
			return
		}
		out := reflect.MakeMapWithSize(t, len(m))
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			s, ok := m[k].(string)
			if !ok {
				d.typeError(join(path, k), m[k], "teks", `Tulis teks dalam tanda kutip, misalnya SP016 = "mati".`)
				continue
			}
			out.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), reflect.ValueOf(strings.TrimSpace(s)).Convert(t.Elem()))
		}
		rv.Set(out)
	default:
		panic(fmt.Sprintf("content: no decoder for %s at %s", t, path))
	}
}

// durations decodes jangka_waktu: the table [jangka_waktu] of a standard with one
// duration, or the array [[jangka_waktu]] of one with several. Each duration's Key is
// the path its messages use. A nilai of 0 or less is refused here, where a nilai
// written 0 is told from one not written (the required check's).
func (d *decoder) durations(path string, v any, rv reflect.Value) {
	var maps []map[string]any
	switch v := v.(type) {
	case map[string]any:
		var dur standard.Duration
		d.table(path, v, reflect.ValueOf(&dur).Elem())
		dur.Key = path
		rv.Set(reflect.ValueOf([]standard.Duration{dur}))
		maps = []map[string]any{v}
	case []map[string]any, []any:
		d.list(path, v, rv)
		list := rv.Interface().([]standard.Duration)
		if len(list) == 0 {
			rv.SetZero() // jangka_waktu = []: not stated
			return
		}
		for i := range list {
			list[i].Key = path + "[" + strconv.Itoa(i) + "]"
			m, _ := listItem(v, i).(map[string]any)
			maps = append(maps, m)
		}
	default:
		d.typeError(path, v, "tabel", fmt.Sprintf("Tulis sebagai tabel dengan baris [%s] lalu kunci-kuncinya, atau [[%s]] untuk setiap jangka waktu bila standar menyebut beberapa.", path, path))
		return
	}
	for i, m := range maps {
		n, ok := m["nilai"].(int64)
		if !ok || n > 0 {
			continue
		}
		key := rv.Index(i).Interface().(standard.Duration).Key
		hint := "Tulis lama penyelesaian yang disebut standar, misalnya nilai = 3. Bila standar tidak menyebut jangka waktu, hapus tabel ini: halaman akan menulis \"Belum dicantumkan dalam standar pelayanan ini\"."
		if n < 0 {
			d.errorf(key+".nilai", hint, "%s tidak boleh negatif", fieldLabel(key+".nilai"))
			continue
		}
		d.errorf(key+".nilai", hint, "%s bernilai 0; jangka waktu 0 tidak dapat dijanjikan kepada warga", fieldLabel(key+".nilai"))
	}
}

// listItem returns the i-th item of a decoded TOML array.
func listItem(v any, i int) any {
	switch v := v.(type) {
	case []map[string]any:
		return v[i]
	case []any:
		return v[i]
	}
	return nil
}

func (d *decoder) list(path string, v any, rv reflect.Value) {
	var items []any
	switch v := v.(type) {
	case []any:
		items = v
	case []map[string]any:
		items = make([]any, len(v))
		for i, m := range v {
			items[i] = m
		}
	default:
		hint := `Tulis sebagai daftar dalam kurung siku, misalnya ["satu", "dua"].`
		if rv.Type().Elem().Kind() == reflect.Struct {
			hint = fmt.Sprintf("Tulis setiap butir sebagai tabel dengan baris [[%s]].", path)
		}
		d.typeError(path, v, "daftar", hint)
		return
	}
	s := reflect.MakeSlice(rv.Type(), len(items), len(items))
	for i, item := range items {
		d.value(path+"["+strconv.Itoa(i)+"]", item, s.Index(i))
	}
	rv.Set(s)
}

// texts decodes a key that takes one text or several (standard.Texts): a step's
// pelaksana, a channel's nilai, a law's mengubah. A pelaksana of nothing but blanks is a
// step without actor, which the rulebook reports (SP005); one of invisible characters is
// a paste gone wrong and is refused, as is an empty item in a list of actors.
func (d *decoder) texts(path string, v any, rv reflect.Value) {
	key := path[strings.LastIndexByte(path, '.')+1:]
	hint := textsHints[key]
	if hint == "" {
		hint = fmt.Sprintf(`Tulis teks dalam tanda kutip, atau beberapa dalam kurung siku: %s = ["…", "…"].`, key)
	}
	var out standard.Texts
	switch v := v.(type) {
	case string:
		if r, blank := invisibleOnly(v); blank && key == "pelaksana" && strings.TrimSpace(v) != "" {
			d.errorf(path, invisibleHint, "%s hanya berisi karakter tak terlihat (%U)", fieldLabel(path), r)
			return
		}
		if s := strings.TrimSpace(v); s != "" || key != "pelaksana" {
			out = standard.Texts{s}
		}
	case []any:
		out = make(standard.Texts, 0, len(v))
		for i, item := range v {
			p := path + "[" + strconv.Itoa(i) + "]"
			s, ok := item.(string)
			if !ok {
				d.typeError(p, item, "teks", hint)
				continue
			}
			if _, blank := invisibleOnly(s); blank && key == "pelaksana" {
				d.errorf(p, "Hapus butir kosong ini atau tulis nama pelaksananya.", "%s kosong", fieldLabel(p))
				continue
			}
			out = append(out, strings.TrimSpace(s))
		}
	default:
		d.typeError(path, v, "teks atau daftar teks", hint)
		return
	}
	rv.Set(reflect.ValueOf(out))
}

// textsHints are the advice for a key that takes one text or several, by key.
var textsHints = map[string]string{
	"pelaksana": `Tulis satu pelaksana sebagai teks, pelaksana = "Petugas loket", atau beberapa sebagai daftar, pelaksana = ["Operator", "Pengawas"].`,
	"nilai":     `Tulis teks dalam tanda kutip, misalnya nilai = "0812-3456-7890", atau beberapa dalam kurung siku, misalnya nilai = ["(0725) 49638", "(0725) 49313"].`,
	"mengubah":  `Tulis id dalam tanda kutip, misalnya mengubah = "uu-23-2006", atau beberapa dalam kurung siku: ["pp-37-2007", "pp-102-2012"].`,
}

func (d *decoder) typeError(path string, v any, want, hint string) {
	d.errorf(path, hint, "%s harus berupa %s, bukan %s", fieldLabel(path), want, tomlKind(v))
}

// dateError reports a date field holding something else: most often a date in quotes
// or written day-month-year, which the advice shows rewritten.
func (d *decoder) dateError(path string, v any) {
	key := path[strings.LastIndexByte(path, '.')+1:]
	if s, ok := v.(string); ok {
		msg, hint := dateProblem(fmt.Sprintf("%s %q", fieldLabel(path), s), key, s)
		if validTOMLDate(strings.TrimSpace(s)) {
			hint = fmt.Sprintf("Tulis %s = %s, tanpa tanda kutip.", key, strings.TrimSpace(s))
		}
		d.errorf(path, hint, "%s", msg)
		return
	}
	d.typeError(path, v, "tanggal", fmt.Sprintf("Tulis tanggal tahun-bulan-hari tanpa tanda kutip, misalnya %s = 2025-05-19.", key))
}

func tomlKind(v any) string {
	switch v.(type) {
	case string:
		return "teks"
	case int64:
		return "angka bulat"
	case float64:
		return "angka desimal"
	case bool:
		return "true/false"
	case time.Time:
		return "tanggal/waktu"
	case map[string]any:
		return "tabel"
	case []any, []map[string]any:
		return "daftar"
	}
	return fmt.Sprintf("%T", v)
}

func intHint(path string) string {
	if strings.HasSuffix(path, ".tarif") || strings.HasSuffix(path, ".tarif_min") || strings.HasSuffix(path, ".tarif_maks") {
		return "Tulis jumlah rupiah sebagai angka tanpa titik dan tanpa tanda kutip, misalnya tarif = 150000. Untuk layanan gratis tulis gratis = true; biaya yang ditetapkan dengan rumus atau peraturan ditulis ketentuan = \"…\" dengan dasar_hukum. Kata seperti \"seikhlasnya\" bukan tarif."
	}
	return "Tulis angka tanpa tanda kutip, misalnya 14."
}

// invisibleHint is the advice for a value that shows nothing.
const invisibleHint = "Nilai ini hanya berisi karakter yang tidak tampil, seperti spasi lebar nol (U+200B) atau spasi tak terputus (U+00A0), yang biasanya ikut tertempel dari Word atau PDF. Hapus isi di antara tanda kutip, lalu ketik ulang nilainya."

// requiredRule returns the rulebook ID (package rules) of a missing required field that
// is a compliance rule as well as a structural one: a key a delivery component cannot do
// without, in a service file (SP001). A component left out altogether is not the
// loader's business, nor a step without actor: the rulebook reports those (SP021, SP005).
// The rule IDs are kept in step with rules.Rulebook.
func requiredRule(top []field, path, name string) string {
	if !slices.ContainsFunc(top, func(f field) bool { return f.name == "prosedur" }) {
		return "" // not a service file
	}
	table, _, _ := strings.Cut(path, "[")
	switch {
	case slices.Contains([]string{"persyaratan", "jangka_waktu", "biaya", "produk"}, table):
		return "SP001"
	}
	return ""
}

func requiredHint(name string) string {
	switch name {
	case "satuan":
		return `Pilih salah satu: "menit", "jam", "hari kerja", "hari kalender", "bulan".`
	}
	return ""
}

// parseStepTime reads "15 menit", "1 jam", "2 hari kerja", "1-3 hari kerja".
func parseStepTime(s string) (*standard.StepTime, error) {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	num, unit, ok := strings.Cut(s, " ")
	if !ok {
		return nil, fmt.Errorf("satuan tidak ada")
	}
	lo, hi, isRange := strings.Cut(strings.ReplaceAll(num, "–", "-"), "-")
	st := &standard.StepTime{Unit: standard.Unit(unit)}
	var err error
	if st.Min, err = atoi(lo); err != nil {
		return nil, err
	}
	st.Max = st.Min
	if isRange {
		if st.Max, err = atoi(hi); err != nil {
			return nil, err
		}
		if st.Max < st.Min {
			return nil, fmt.Errorf("rentang terbalik")
		}
	}
	if !slices.Contains(standard.Units, st.Unit) {
		return nil, fmt.Errorf("satuan %q tidak dikenal", unit)
	}
	return st, nil
}

func atoi(s string) (int, error) {
	if s == "" || len(s) > 6 {
		return 0, fmt.Errorf("angka %q tidak valid", s)
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("angka %q tidak valid", s)
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}
