// Package content reads a Papan site — site.toml, content/<opd>/_opd.toml,
// content/<opd>/<service>.toml and content/halaman/*.md — from an fs.FS into the domain
// types of package standard.
//
// Loading never stops at the first problem: every file is read, in parallel, and every
// problem of every file is returned, each addressed by file and key path. Locate turns
// key paths into line and column only when problems are reported, so the common case
// of a clean site never scans for positions.
//
// # Layout
//
// Folder names under content/ are OPD slugs and file names are service slugs; both become
// page addresses and must be valid slugs (standard.ValidSlug). content/halaman holds
// standalone pages. Names beginning with "_" or "." are skipped (drafts, editor files),
// except _opd.toml. A .toml file anywhere else is an error rather than skipped, so that
// no editor's work silently disappears from the site.
package content

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/papan-id/papan/internal/oserr"
	"github.com/papan-id/papan/internal/parallel"
	"github.com/papan-id/papan/internal/standard"
)

// Names of the files and folders with a fixed meaning.
const (
	ConfigFile = "site.toml"
	ContentDir = "content"
	PagesDir   = "halaman" // under ContentDir
	OPDFile    = "_opd.toml"
)

// MaxFileSize is the largest content file Papan reads. A service standard is a few
// kilobytes; a file this big is a mistake (a pasted PDF, a log), and refusing it keeps
// memory bounded for sites of any size.
const MaxFileSize = 4 << 20

// Load reads the whole site in fsys. It returns the site and all problems found; the
// site is nil when any problem is an error. The error result is only for ctx.
//
// Load holds every service in memory. A build streams instead: LoadFrame, then each
// service with LoadService, dropping what its pages no longer need.
func Load(ctx context.Context, fsys fs.FS) (*standard.Site, standard.Problems, error) {
	site, files, problems, err := LoadFrame(ctx, fsys)
	if err != nil {
		return nil, nil, err
	}
	services := make([]*standard.Service, len(files))
	perFile := make([][]standard.Problem, len(files))
	if err := parallel.For(ctx, len(files), func(_ context.Context, i int) error {
		services[i], perFile[i] = LoadService(fsys, files[i])
		return nil
	}); err != nil {
		return nil, nil, err
	}
	opds := make(map[string]*standard.OPD, len(site.OPDs))
	for _, o := range site.OPDs {
		opds[o.Slug] = o
	}
	for i, s := range services {
		problems = append(problems, perFile[i]...)
		// No OPD: its missing or broken _opd.toml is already a problem.
		if o := opds[path.Base(path.Dir(files[i]))]; s != nil && o != nil {
			s.OPD = o
			o.Services = append(o.Services, s)
		}
	}
	for _, o := range site.OPDs {
		SortServices(o)
	}
	if problems.Errors() > 0 {
		return nil, problems, nil
	}
	return site, problems, nil
}

// LoadFrame reads everything of the site but its services: site.toml, every _opd.toml
// and the pages, sorted, with their addresses checked. It returns the service files to
// read, and a site even when there are problems, so that a caller can go on to find the
// problems of the services too. The error result is only for ctx.
func LoadFrame(ctx context.Context, fsys fs.FS) (site *standard.Site, services []string, problems standard.Problems, err error) {
	site = &standard.Site{}
	cfg, ps := LoadConfig(fsys)
	problems = append(problems, ps...)
	if cfg != nil {
		site.Config = *cfg
	}

	jobs, ps := listContent(fsys)
	problems = append(problems, ps...)
	var frame []job
	for _, j := range jobs {
		if j.kind == kindService {
			services = append(services, j.file)
		} else {
			frame = append(frame, j)
		}
	}
	results := make([]loaded, len(frame))
	if err := parallel.For(ctx, len(frame), func(_ context.Context, i int) error {
		results[i] = frame[i].load(fsys)
		return nil
	}); err != nil {
		return nil, nil, nil, err
	}
	for _, r := range results {
		problems = append(problems, r.problems...)
		switch {
		case r.opd != nil:
			site.OPDs = append(site.OPDs, r.opd)
		case r.page != nil:
			site.Pages = append(site.Pages, r.page)
		}
	}
	problems = append(problems, checkAddresses(site)...)
	for _, f := range services {
		if _, slug, _, ok := ServiceFile(f); ok && standard.PageNumberName(slug) {
			problems = append(problems, numberedName(slug, f))
		}
	}
	sortSite(site)
	return site, services, problems, nil
}

func byName(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) }

func sortSite(site *standard.Site) {
	slices.SortFunc(site.OPDs, func(a, b *standard.OPD) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), byName(a.Name, b.Name), cmp.Compare(a.Slug, b.Slug))
	})
	for _, o := range site.OPDs {
		SortServices(o)
	}
	slices.SortFunc(site.Pages, func(a, b *standard.Page) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), byName(a.Title, b.Title), cmp.Compare(a.Slug, b.Slug))
	})
}

// SortServices puts the services of o in the order pages list them: by name, then slug.
func SortServices(o *standard.OPD) {
	slices.SortFunc(o.Services, func(a, b *standard.Service) int {
		return cmp.Or(byName(a.Name, b.Name), cmp.Compare(a.Slug, b.Slug))
	})
}

// ServiceFile reports whether file, a slash path from the site root, is where Load reads
// a service: content/<opd>/<slug>.toml with valid slugs. skip is true for a file Load
// passes over (a draft "_…" or an editor's ".…" file), which no change can affect.
func ServiceFile(file string) (opd, slug string, skip, ok bool) {
	dir, name := path.Split(file)
	parts := strings.Split(strings.TrimSuffix(dir, "/"), "/")
	if len(parts) != 2 || parts[0] != ContentDir || parts[1] == PagesDir || !standard.ValidSlug(parts[1]) {
		return "", "", false, false
	}
	if name == OPDFile {
		return "", "", false, false
	}
	if skipped(name) {
		return parts[1], "", true, false
	}
	slug, isTOML := strings.CutSuffix(name, ".toml")
	if !isTOML || !standard.ValidSlug(slug) {
		return "", "", false, false
	}
	return parts[1], slug, false, true
}

// Owner returns the OPD slug and service slug a content file belongs to:
// "content/dukcapil/ktp-el.toml" gives "dukcapil", "ktp-el"; "content/dukcapil/_opd.toml"
// gives "dukcapil" and no service. Other files give "", "". The path grammar is
// ServiceFile's, so the report groups findings by the same rule the loader reads by.
func Owner(file string) (opd, service string) {
	if dir, name := path.Split(file); name == OPDFile {
		parts := strings.Split(strings.TrimSuffix(dir, "/"), "/")
		if len(parts) == 2 && parts[0] == ContentDir && parts[1] != PagesDir && standard.ValidSlug(parts[1]) {
			return parts[1], ""
		}
		return "", ""
	}
	opd, service, _, ok := ServiceFile(file)
	if !ok {
		return "", ""
	}
	return opd, service
}

// checkAddresses finds pages and OPDs that would be written to the same address.
func checkAddresses(site *standard.Site) standard.Problems {
	var ps standard.Problems
	owner := map[string]string{}
	reserved := standard.ReservedNames()
	claim := func(slug, file string) {
		if slices.Contains(reserved, slug) {
			ps = append(ps, standard.Problem{File: file, Severity: standard.Error,
				Message: fmt.Sprintf("alamat /%s/ dipakai oleh Papan sendiri", slug),
				Hint:    "Ganti nama folder atau berkas. Nama yang dicadangkan: " + strings.Join(reserved, ", ") + "."})
			return
		}
		if other, dup := owner[slug]; dup {
			ps = append(ps, standard.Problem{File: file, Severity: standard.Error,
				Message: fmt.Sprintf("alamat /%s/ juga dipakai oleh %s", slug, other),
				Hint:    "Setiap OPD dan halaman memerlukan nama folder atau berkas yang berbeda."})
			return
		}
		owner[slug] = file
	}
	for _, o := range site.OPDs {
		if standard.PageNumberName(o.Slug) {
			ps = append(ps, numberedName(o.Slug, o.File))
			continue
		}
		claim(o.Slug, o.File)
	}
	for _, p := range site.Pages {
		claim(p.Slug, p.File)
	}
	return ps
}

// numberedName refuses an OPD or service named with a number alone: its address would be
// that of a numbered page of a list (standard.PageNumberName).
func numberedName(slug, file string) standard.Problem {
	return standard.Problem{File: file, Severity: standard.Error,
		Message: fmt.Sprintf("nama %q hanya angka; alamat seperti itu dipakai Papan untuk halaman daftar bernomor", slug),
		Hint:    "Beri nama dengan huruf, misalnya \"layanan-" + slug + "\"."}
}

type kind int

const (
	kindOPD kind = iota
	kindService
	kindPage
)

// job is one content file to load.
type job struct {
	kind kind
	file string // slash path relative to the site root
}

type loaded struct {
	opd      *standard.OPD
	service  *standard.Service
	page     *standard.Page
	problems []standard.Problem
}

func problemAt(file, format string, args ...any) standard.Problem {
	return standard.Problem{File: file, Severity: standard.Error, Message: fmt.Sprintf(format, args...)}
}

func skipped(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") && name != OPDFile
}

// listContent walks content/ and returns the files to load, with problems in the layout.
func listContent(fsys fs.FS) ([]job, standard.Problems) {
	var jobs []job
	var ps standard.Problems
	top, err := fs.ReadDir(fsys, ContentDir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			ps = append(ps, standard.Problem{File: ContentDir, Severity: standard.Error,
				Message: "folder content/ tidak ditemukan",
				Hint:    "Buat folder content/ berisi satu folder per OPD, atau jalankan `papan new opd <nama>`."})
		} else {
			ps = append(ps, problemAt(ContentDir, "folder tidak dapat dibaca: %s", oserr.Describe(err)))
		}
		return nil, ps
	}
	for _, e := range top {
		name := e.Name()
		file := ContentDir + "/" + name
		switch {
		case skipped(name):
		case isSymlink(e):
			ps = append(ps, symlinkProblem(file))
		case !e.IsDir() && strings.HasSuffix(name, ".toml"):
			p := problemAt(file, "berkas layanan harus berada di dalam folder OPD")
			p.Hint = "Pindahkan ke content/<opd>/" + name + ", di samping _opd.toml OPD tersebut."
			ps = append(ps, p)
		case !e.IsDir():
			ps = append(ps, ignored(file))
		case name == PagesDir:
			j, p := listPages(fsys, file)
			jobs, ps = append(jobs, j...), append(ps, p...)
		default:
			j, p := listOPD(fsys, file, name)
			jobs, ps = append(jobs, j...), append(ps, p...)
		}
	}
	return jobs, ps
}

func isSymlink(e fs.DirEntry) bool { return e.Type()&fs.ModeSymlink != 0 }

// symlinkProblem refuses a symbolic link: following it could publish a file from
// outside the site folder, and a site's content should live in the site.
func symlinkProblem(file string) standard.Problem {
	p := problemAt(file, "tautan simbolik (symlink) tidak dibaca")
	p.Hint = "Salin berkas atau folder aslinya ke dalam content/; Papan tidak mengikuti tautan ke luar situs."
	return p
}

func ignored(file string) standard.Problem {
	return standard.Problem{File: file, Severity: standard.Warning,
		Message: "berkas diabaikan: bukan bagian dari susunan content/",
		Hint:    "Layanan ditulis sebagai content/<opd>/<layanan>.toml dan halaman sebagai content/halaman/<halaman>.md. Awali nama dengan _ untuk sengaja menyimpan draf."}
}

func slugProblem(file, name, what string) standard.Problem {
	p := problemAt(file, "nama %s %q tidak dapat dipakai sebagai alamat halaman", what, name)
	p.Hint = "Gunakan huruf kecil a-z, angka dan tanda hubung saja"
	if s := standard.Slugify(name); s != "" {
		p.Hint += fmt.Sprintf(", misalnya %q", s)
	}
	p.Hint += "."
	return p
}

func listOPD(fsys fs.FS, dir, slug string) ([]job, standard.Problems) {
	var ps standard.Problems
	if !standard.ValidSlug(slug) {
		return nil, append(ps, slugProblem(dir, slug, "folder"))
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, append(ps, problemAt(dir, "folder tidak dapat dibaca: %s", oserr.Describe(err)))
	}
	jobs := []job{}
	hasOPD := false
	for _, e := range entries {
		name := e.Name()
		file := dir + "/" + name
		switch {
		case isSymlink(e):
			ps = append(ps, symlinkProblem(file))
		case name == OPDFile:
			hasOPD = true
			jobs = append(jobs, job{kindOPD, file})
		case skipped(name):
		case e.IsDir():
			p := problemAt(file, "folder di dalam folder OPD tidak dibaca")
			p.Hint = "Setiap layanan ditulis langsung di content/<opd>/<layanan>.toml; pindahkan berkasnya satu tingkat ke atas."
			p.Severity = standard.Warning
			if containsTOML(fsys, file) {
				p.Severity = standard.Error
			}
			ps = append(ps, p)
		case strings.HasSuffix(name, ".toml"):
			slug := strings.TrimSuffix(name, ".toml")
			if !standard.ValidSlug(slug) {
				ps = append(ps, slugProblem(file, slug, "berkas"))
				continue
			}
			jobs = append(jobs, job{kindService, file})
		default:
			ps = append(ps, ignored(file))
		}
	}
	if !hasOPD {
		p := problemAt(dir+"/"+OPDFile, "folder OPD %q tidak memiliki %s", slug, OPDFile)
		p.Hint = "Setiap folder OPD memerlukan profil OPD. Buat dengan `papan new opd " + slug + "`."
		ps = append(ps, p)
	}
	return jobs, ps
}

func containsTOML(fsys fs.FS, dir string) bool {
	found := false
	fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".toml") {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

func listPages(fsys fs.FS, dir string) ([]job, standard.Problems) {
	var ps standard.Problems
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, append(ps, problemAt(dir, "folder tidak dapat dibaca: %s", oserr.Describe(err)))
	}
	var jobs []job
	for _, e := range entries {
		name := e.Name()
		file := dir + "/" + name
		switch {
		case skipped(name):
		case isSymlink(e):
			ps = append(ps, symlinkProblem(file))
		case !e.IsDir() && strings.HasSuffix(name, ".md"):
			slug := strings.TrimSuffix(name, ".md")
			if !standard.ValidSlug(slug) {
				ps = append(ps, slugProblem(file, slug, "berkas"))
				continue
			}
			jobs = append(jobs, job{kindPage, file})
		default:
			ps = append(ps, ignored(file))
		}
	}
	return jobs, ps
}

func (j job) load(fsys fs.FS) loaded {
	switch j.kind {
	case kindOPD:
		o, ps := LoadOPD(fsys, j.file)
		return loaded{opd: o, problems: ps}
	case kindService:
		s, ps := LoadService(fsys, j.file)
		return loaded{service: s, problems: ps}
	default:
		p, ps := LoadPage(fsys, j.file)
		return loaded{page: p, problems: ps}
	}
}

// readText reads a content file and checks what TOML and Markdown both need: a sane size
// and UTF-8. A byte-order mark, which Windows Notepad writes, is dropped.
func readText(fsys fs.FS, file string) ([]byte, *standard.Problem) {
	if fi, err := fs.Stat(fsys, file); err == nil && fi.Size() > MaxFileSize {
		p := problemAt(file, "berkas terlalu besar (%d KB; batas %d KB)", fi.Size()>>10, MaxFileSize>>10)
		p.Hint = "Satu standar pelayanan hanya beberapa KB. Periksa apakah ada teks atau gambar yang tertempel tanpa sengaja."
		return nil, &p
	}
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		p := problemAt(file, "berkas tidak dapat dibaca: %s", oserr.Describe(err))
		return nil, &p
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:firstInvalid(src)], []byte("\n"))
		p := standard.Problem{File: file, Line: line, Col: 1, Severity: standard.Error,
			Message: "berkas bukan teks UTF-8",
			Hint:    "Simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)."}
		return nil, &p
	}
	if b := findBidi(src); b.n > 0 {
		line := 1 + bytes.Count(src[:b.at], []byte("\n"))
		// Columns count characters, as an editor shows them (and every other position).
		col := utf8.RuneCount(src[bytes.LastIndexByte(src[:b.at], '\n')+1:b.at]) + 1
		p := standard.Problem{File: file, Line: line, Col: col, Severity: standard.Error,
			Message: fmt.Sprintf("karakter pengatur arah teks %U (%s) tidak diizinkan", b.r, bidiNames[b.r]),
			Hint:    "Hapus karakter tak terlihat ini (dengan tombol Delete atau Backspace di posisi ini). Ia dapat membuat teks tampil berbeda dari isinya yang sebenarnya (cara serangan \"Trojan Source\"); tanda arah biasa U+200E dan U+200F tetap boleh."}
		if b.written != "" {
			p.Message = fmt.Sprintf("karakter pengatur arah teks %U (%s), ditulis sebagai %s, tidak diizinkan", b.r, bidiNames[b.r], b.written)
			p.Hint = fmt.Sprintf("Hapus %s. Karakter ini dapat membuat teks tampil berbeda dari isinya yang sebenarnya (cara serangan \"Trojan Source\").", b.written)
		}
		if b.n > 1 {
			p.Hint += fmt.Sprintf(" Berkas ini memuat %d karakter seperti ini; semuanya perlu dihapus.", b.n)
		}
		return nil, &p
	}
	return src, nil
}

// bidiNames names the bidirectional embedding, override and isolate controls. They can
// make text display in an order other than the one it is stored in, so that what an
// editor reviews is not what a citizen reads. The marks U+200E and U+200F, which only
// set the direction of neutral characters, are not among them.
var bidiNames = map[rune]string{
	'\u202A': "LEFT-TO-RIGHT EMBEDDING", '\u202B': "RIGHT-TO-LEFT EMBEDDING", '\u202C': "POP DIRECTIONAL FORMATTING",
	'\u202D': "LEFT-TO-RIGHT OVERRIDE", '\u202E': "RIGHT-TO-LEFT OVERRIDE",
	'\u2066': "LEFT-TO-RIGHT ISOLATE", '\u2067': "RIGHT-TO-LEFT ISOLATE", '\u2068': "FIRST STRONG ISOLATE",
	'\u2069': "POP DIRECTIONAL ISOLATE",
}

func isBidi(r rune) bool { return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 }

// bidiFound is what findBidi found: the first control at byte offset at, the rune, how
// it was written when not as itself ("\u202E", "&#x202E;"), and how many there are.
type bidiFound struct {
	at      int
	r       rune
	written string
	n       int
}

// findBidi finds the bidirectional controls in src, valid UTF-8, written as themselves,
// as a TOML escape (\u202E, \U0000202E) or as a character reference (&#x202E;,
// &#8238;), which Markdown turns into the character; every text field and Markdown body
// of a file is covered, and its comments too. Each form is found with bytes.IndexByte or
// bytes.Index, which run at memory speed on bytes that are rare in content (E2, which
// also starts typographic quotes and dashes; the backslash; "&#"), so a file pays almost
// nothing for the check.
func findBidi(src []byte) bidiFound {
	var f bidiFound
	add := func(at int, r rune, written string) {
		if f.n == 0 || at < f.at {
			f.at, f.r, f.written = at, r, written
		}
		f.n++
	}
	// As themselves: E2 80 AA–AE (U+202A–202E) or E2 81 A6–A9 (U+2066–2069).
	for i := 0; ; i += 3 {
		j := bytes.IndexByte(src[i:], 0xE2)
		if j < 0 || i+j+2 >= len(src) {
			break
		}
		i += j
		if b1, b2 := src[i+1], src[i+2]; b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE || b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9 {
			add(i, rune(0x2000|int(b1&0x3F)<<6|int(b2&0x3F)), "")
		}
	}
	// As TOML escapes.
	for i := 0; ; i++ {
		j := bytes.IndexByte(src[i:], '\\')
		if j < 0 {
			break
		}
		i += j
		digits := 0
		switch {
		case i+1 < len(src) && src[i+1] == 'u':
			digits = 4
		case i+1 < len(src) && src[i+1] == 'U':
			digits = 8
		default:
			continue
		}
		if i+2+digits > len(src) {
			continue
		}
		if v, ok := parseNumber(src[i+2:i+2+digits], 16); ok && isBidi(v) {
			add(i, v, string(src[i:i+2+digits]))
		}
	}
	// As character references: "&#" then up to 7 decimal or "x" and up to 6 hex digits, then ";".
	for i := 0; ; i += 2 {
		j := bytes.Index(src[i:], []byte("&#"))
		if j < 0 {
			break
		}
		i += j
		k, base := i+2, 10
		if k < len(src) && (src[k] == 'x' || src[k] == 'X') {
			k, base = k+1, 16
		}
		end := bytes.IndexByte(src[k:min(len(src), k+8)], ';')
		if end <= 0 {
			continue
		}
		if v, ok := parseNumber(src[k:k+end], base); ok && isBidi(v) {
			add(i, v, string(src[i:k+end+1]))
		}
	}
	return f
}

// parseNumber reads digits in base 10 or 16; ok is false for anything else.
func parseNumber(digits []byte, base int) (rune, bool) {
	var v rune
	for _, c := range digits {
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = rune(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		v = v*rune(base) + d
	}
	return v, len(digits) > 0
}

func firstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(src)
}

// parseTOML parses src into maps, turning a syntax error into a located problem.
func parseTOML(file string, src []byte, lineOffset int) (map[string]any, *standard.Problem) {
	m := map[string]any{}
	err := toml.Unmarshal(src, &m)
	if err == nil {
		return m, nil
	}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		p := syntaxProblem(file, src, pe, lineOffset)
		return nil, &p
	}
	// Not expected from Unmarshal into a map; said plainly all the same.
	p := problemAt(file, "TOML tidak dapat dibaca")
	p.Hint = hintSyntax
	if debugging() {
		p.Message += " (toml: " + err.Error() + ")"
	}
	return nil, &p
}

// decodeFile reads file as TOML into v, a pointer to a struct. ok is false when the file
// could not be read or parsed at all; otherwise v holds what could be decoded.
func decodeFile(fsys fs.FS, file string, v any) (ps []standard.Problem, ok bool) {
	ps, _, ok = decodeSource(fsys, file, v)
	return ps, ok
}

// decodeSource is decodeFile that also returns the text it read, nil when it could not
// read it.
func decodeSource(fsys fs.FS, file string, v any) (ps []standard.Problem, src []byte, ok bool) {
	src, p := readText(fsys, file)
	if p != nil {
		return []standard.Problem{*p}, nil, false
	}
	if len(bytes.TrimSpace(src)) == 0 {
		p := problemAt(file, "berkas kosong")
		p.Hint = "Isi berkas ini (`papan new` membuat berkas berisi semua kunci), atau hapus; awali namanya dengan _ untuk menyimpannya sebagai draf."
		return []standard.Problem{p}, src, false
	}
	m, p := parseTOML(file, src, 0)
	if p != nil {
		return []standard.Problem{*p}, src, false
	}
	d := decoder{file: file}
	d.decodeTop(m, v)
	return d.problems, src, true
}

// LoadConfig reads site.toml and fills in defaults.
func LoadConfig(fsys fs.FS) (*standard.Config, standard.Problems) {
	cfg := &standard.Config{File: ConfigFile}
	cfg.Compliance.Dashboard = true // defaults, kept when site.toml does not set them
	cfg.Compliance.EvaluationMonths = 12
	if _, err := fs.Stat(fsys, ConfigFile); errors.Is(err, fs.ErrNotExist) {
		p := problemAt(ConfigFile, "site.toml tidak ditemukan")
		p.Hint = "Jalankan papan di folder situs (yang berisi site.toml dan content/), atau pakai --src FOLDER."
		return nil, standard.Problems{p}
	}
	decoded, _ := decodeFile(fsys, ConfigFile, cfg)
	ps := standard.Problems(decoded)
	if cfg.BaseURL == "" {
		cfg.BaseURL = "/"
	}
	if cfg.Language == "" {
		cfg.Language = "id"
	}
	ps = append(ps, cfg.Validate()...)
	return cfg, ps
}

// LoadOPD reads one content/<slug>/_opd.toml.
func LoadOPD(fsys fs.FS, file string) (*standard.OPD, []standard.Problem) {
	o := &standard.OPD{File: file, Slug: path.Base(path.Dir(file))}
	ps, ok := decodeFile(fsys, file, o)
	if !ok {
		return nil, ps
	}
	// Validate even a file with decoding problems, so one run shows all of its problems.
	ps = append(ps, o.Validate()...)
	if len(ps) > 0 {
		return nil, ps
	}
	return o, nil
}

// LoadService reads one content/<opd>/<slug>.toml. The service's OPD is not set.
func LoadService(fsys fs.FS, file string) (*standard.Service, []standard.Problem) {
	s, ps, _ := LoadServiceSource(fsys, file)
	return s, ps
}

// LoadServiceSource is LoadService that also returns the file's text as it was read
// (nil when it could not be read), for LocateSource: papan check locates the findings
// of every file without reading it again.
func LoadServiceSource(fsys fs.FS, file string) (*standard.Service, []standard.Problem, []byte) {
	s := &standard.Service{File: file, Slug: strings.TrimSuffix(path.Base(file), ".toml")}
	ps, src, ok := decodeSource(fsys, file, s)
	if !ok {
		return nil, ps, src
	}
	ps = append(ps, s.Validate()...)
	if len(ps) > 0 {
		return nil, ps, src
	}
	return s, nil, src
}

// LoadPage reads one content/halaman/<slug>.md: TOML front matter between "+++" lines,
// then Markdown.
func LoadPage(fsys fs.FS, file string) (*standard.Page, []standard.Problem) {
	pg := &standard.Page{File: file, Slug: strings.TrimSuffix(path.Base(file), ".md")}
	src, p := readText(fsys, file)
	if p != nil {
		return nil, []standard.Problem{*p}
	}
	front, body, ok := SplitFrontMatter(src)
	if !ok {
		p := problemAt(file, "halaman tidak diawali front matter")
		p.Line, p.Col = 1, 1
		p.Hint = "Awali berkas dengan baris +++, lalu judul = \"…\", lalu baris +++ lagi, lalu isi halaman."
		return nil, []standard.Problem{p}
	}
	m, p := parseTOML(file, front, 1)
	if p != nil {
		return nil, []standard.Problem{*p}
	}
	d := decoder{file: file}
	d.decodeTop(m, pg)
	if len(d.problems) > 0 {
		return nil, d.problems
	}
	pg.Body = standard.Markdown(body)
	return pg, nil
}

// SplitFrontMatter splits a page, "+++\n<toml>\n+++\n<body>", into its front matter and
// its body; ok is false when it has none. CRLF line ends are accepted. The form editor
// (package sunting) splits pages with it too, so both read a page alike.
func SplitFrontMatter(src []byte) (front, body []byte, ok bool) {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(src, []byte("+++\n"))
	if !ok {
		return nil, nil, false
	}
	if bytes.HasPrefix(rest, []byte("+++\n")) || bytes.Equal(rest, []byte("+++")) {
		return nil, bytes.TrimPrefix(rest[3:], []byte("\n")), true
	}
	i := bytes.Index(rest, []byte("\n+++\n"))
	if i < 0 {
		if bytes.HasSuffix(rest, []byte("\n+++")) {
			return rest[:len(rest)-4], nil, true
		}
		return nil, nil, false
	}
	return rest[:i+1], rest[i+5:], true
}
