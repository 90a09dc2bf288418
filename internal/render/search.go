package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/papan-id/papan/internal/standard"
)

// The home page's search box (docs/search.md): the build writes a compact index of every
// service as assets/cari.<hash>.json and publishes the theme's static/cari.js as
// assets/cari.<hash>.js. Without JavaScript the box never shows and the home page's
// lists remain the way to every service.

// searchIndexVersion is the "v" field of the index; cari.js refuses any other.
const searchIndexVersion = 1

// builtinSynonyms are groups of words and phrases that mean the same to a citizen. A
// query containing one member also searches for every other member. Sites add their own
// with [[pencarian.sinonim]] in site.toml. docs/search.md gives the reason for each group:
// an abbreviation, a document's old name, or the everyday or colloquial word for it.
var builtinSynonyms = [][]string{
	{"ktp", "ktp el", "ktpel", "e ktp", "ektp", "kartu tanda penduduk"},
	{"kk", "kartu keluarga"},
	{"kia", "kartu identitas anak"},
	{"pbg", "persetujuan bangunan gedung", "imb", "izin mendirikan bangunan", "izin bangunan"},
	{"slf", "sertifikat laik fungsi"},
	{"laik", "layak"},
	{"sktm", "surat keterangan tidak mampu", "surat miskin"},
	{"akta lahir", "akta kelahiran", "akte lahir", "akte kelahiran"},
	{"akta mati", "akta kematian", "akte kematian"},
	{"akte", "akta"},
	{"meninggal", "kematian", "wafat"},
	{"nib", "nomor induk berusaha", "siup", "tdp"},
	{"skck", "surat keterangan catatan kepolisian"},
	{"dtks", "dtsen", "data terpadu kesejahteraan sosial"},
	{"bansos", "bantuan sosial"},
	{"pbi", "penerima bantuan iuran"},
	{"bpjs", "jaminan kesehatan", "jkn", "kis", "kartu indonesia sehat"},
	{"rt rw", "rukun tetangga"},
	{"nikah", "kawin", "perkawinan", "pernikahan"},
	{"domisili", "tempat tinggal"},
	{"surat pindah", "surat keterangan pindah", "skpwni"},
	{"ijazah", "ijasah"},
	{"legalisir", "legalisasi"},
	{"izin", "ijin"},
	{"imunisasi", "vaksin", "vaksinasi"},
	{"hamil", "kehamilan", "bumil", "ibu hamil", "kandungan"},
	{"hilang", "ilang"},
	{"tidak", "tdk", "gak", "nggak", "enggak"},
	{"dukcapil", "disdukcapil", "capil"},
	{"kartu kuning", "ak1", "kartu pencari kerja"},
}

// builtinStopWords are words that carry no meaning in a query: "bikin ktp", "syarat kk
// baru", "ktp hilang gimana". They never keep a service out of the results; a service
// that has them too ranks a little higher. A query made only of them is searched as
// typed.
var builtinStopWords = []string{
	"ada", "aja", "apa", "apakah", "atau", "bagaimana", "berapa", "bikin", "bisa", "buat",
	"butuh", "cara", "caranya", "dan", "dari", "dengan", "dgn", "di", "dimana", "dong",
	"gimana", "gmn", "harus", "info", "informasi", "ingin", "ini", "itu", "kak", "kapan",
	"ke", "kok", "lagi", "mau", "membuat", "mengurus", "minta", "mo", "ngurus", "nih", "pak",
	"pengen", "perlu", "persyaratan", "pingin", "prosedur", "proses", "saja", "saya", "sih",
	"syarat", "syaratnya", "tentang", "tolong", "untuk", "urus", "utk", "ya", "yang", "yg",
}

// The index is the JSON the script loads. Repeated strings are stored once: OPDs,
// categories and requirement names are tables, and a service refers to them by position:
//
//	{"v": 1,                   searchIndexVersion
//	 "o": [[short name, name]], the OPDs
//	 "c": [category],           "" for no category
//	 "r": [requirement name],   once each
//	 "syn": [[word, …]],        built-in groups, then the site's
//	 "stop": [word],            builtinStopWords
//	 "s": [[name, opd, category, url, [keyword], [requirement]]]}
//
// where opd and category index "o" and "c", and requirement indexes "r". The encoder is
// written by hand because the dev server makes the index again on every save: for
// 10,000 services encoding/json took 16 ms of it. A test compares the two encodings.

// indexedService is one service of the index, its tables resolved: its requirements
// are reqs[from:to] of the index being made.
type indexedService struct {
	s        *standard.Service
	opd, cat int
	from, to int
}

// slugPlaceholder stands for a service's slug in its address; no slug holds it.
const slugPlaceholder = "\x00"

// buildSearchIndex returns the index of site, byte for byte the same for the same site.
func (r *Renderer) buildSearchIndex() []byte {
	var cats, reqs []string
	catIndex, reqIndex := map[string]int{}, map[string]int{}
	intern := func(m map[string]int, list *[]string, s string) int {
		if i, ok := m[s]; ok {
			return i
		}
		m[s] = len(*list)
		*list = append(*list, s)
		return m[s]
	}
	// The tables come first in the index, so every service is resolved before any is
	// written; the positions go into one slice rather than one per service.
	var services []indexedService
	var serviceReqs []int
	for oi, o := range r.site.OPDs {
		for _, s := range o.Services {
			is := indexedService{s: s, opd: oi, cat: intern(catIndex, &cats, s.Category), from: len(serviceReqs)}
			for name := range s.RequirementNames() {
				if i := intern(reqIndex, &reqs, name); !slices.Contains(serviceReqs[is.from:], i) {
					serviceReqs = append(serviceReqs, i)
				}
			}
			is.to = len(serviceReqs)
			services = append(services, is)
		}
	}
	// A service's address is the same for every service of an OPD but for the slug,
	// which needs no escaping (a valid slug is a-z, 0-9 and "-"): what is around the slug
	// is escaped once per OPD, from the address of a service with a placeholder slug.
	type around struct{ before, after []byte }
	serviceURLs := make([]around, len(r.site.OPDs))
	for i, o := range r.site.OPDs {
		before, after, _ := strings.Cut(r.URL(standard.ServiceAddress(o.Slug, slugPlaceholder).Path), slugPlaceholder)
		u := appendJSONString(nil, before)
		serviceURLs[i] = around{u[:len(u)-1], appendJSONString(nil, after)[1:]} // one opening and one closing quote
	}

	b := make([]byte, 0, 64+160*len(services))
	b = append(b, `{"v":`...)
	b = strconv.AppendInt(b, searchIndexVersion, 10)
	b = append(b, `,"o":[`...)
	for i, o := range r.site.OPDs {
		b = appendComma(b, i)
		b = appendJSONStrings(b, []string{o.ShortName, o.Name})
	}
	b = append(b, `],"c":`...)
	b = appendJSONStrings(b, cats)
	b = append(b, `,"r":`...)
	b = appendJSONStrings(b, reqs)
	b = append(b, `,"syn":[`...)
	for i, syn := range builtinSynonyms {
		b = appendComma(b, i)
		b = appendJSONStrings(b, syn)
	}
	for i, syn := range r.site.Config.Search.Synonyms {
		b = appendComma(b, len(builtinSynonyms)+i)
		b = appendJSONStrings(b, append([]string{syn.Word}, syn.Same...))
	}
	b = append(b, `],"stop":`...)
	b = appendJSONStrings(b, builtinStopWords)
	b = append(b, `,"s":[`...)
	// The rows are most of the work: on a big site, two halves are written at once.
	encode := func(b []byte, list []indexedService, first bool) []byte {
		for i, is := range list {
			if i > 0 || !first {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = appendJSONString(b, is.s.Name)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(is.opd), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(is.cat), 10)
			b = append(b, ',')
			b = append(b, serviceURLs[is.opd].before...)
			b = append(b, is.s.Slug...)
			b = append(b, serviceURLs[is.opd].after...)
			b = append(b, ',')
			b = appendJSONStrings(b, is.s.Keywords)
			b = append(b, ",["...)
			for j, q := range serviceReqs[is.from:is.to] {
				b = appendComma(b, j)
				b = strconv.AppendInt(b, int64(q), 10)
			}
			b = append(b, "]]"...)
		}
		return b
	}
	if half := len(services) / 2; half >= 1000 {
		var second []byte
		done := make(chan struct{})
		go func() {
			second = encode(make([]byte, 0, 160*(len(services)-half)), services[half:], false)
			close(done)
		}()
		b = encode(b, services[:half], true)
		<-done
		b = append(b, second...)
	} else {
		b = encode(b, services, true)
	}
	return append(b, "]}"...)
}

func appendComma(b []byte, i int) []byte {
	if i > 0 {
		return append(b, ',')
	}
	return b
}

func appendJSONStrings(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		b = appendComma(b, i)
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONString appends s as a JSON string exactly as encoding/json does with
// SetEscapeHTML(false): short escapes where JSON has them, \u00XX for other control
// characters, \u2028 and \u2029 escaped for JavaScript, invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// hashedAsset names an asset after its content: "assets/<name>.<hash>.<ext>".
func hashedAsset(name, ext string, data []byte) string {
	sum := sha256.Sum256(data)
	return standard.AssetAddress(name + "." + hex.EncodeToString(sum[:4]) + "." + ext).File
}

// prepareSearch builds the index and reads the script from the overlaid static folder.
func (r *Renderer) prepareSearch() error {
	var err error
	if r.searchJS, err = fs.ReadFile(r.static, "cari.js"); err != nil {
		return fmt.Errorf("render: theme search script: %w", err)
	}
	r.searchIndex = r.buildSearchIndex()
	r.searchJSPath = hashedAsset("cari", "js", r.searchJS)
	r.searchJSSRI = integrity(r.searchJS)
	r.searchIndexPath = hashedAsset("cari", "json", r.searchIndex)
	return nil
}

// SameSearchEntry reports whether services a and b, of the same OPD, give the same row of
// the search index: a save that changes only what the index does not hold (a procedure,
// a fee) need not make the index again.
func SameSearchEntry(a, b *standard.Service) bool {
	return a.Name == b.Name && a.Slug == b.Slug && a.Category == b.Category &&
		slices.Equal(a.Keywords, b.Keywords) &&
		slices.Equal(slices.Collect(a.RequirementNames()), slices.Collect(b.RequirementNames()))
}

// SiteChanged makes the renderer follow a change to its site's services (one edited,
// added or removed): the search index is made again. Pages read the site as they are
// written, so they need nothing.
func (r *Renderer) SiteChanged() error {
	r.searchStale = false
	return r.prepareSearch()
}

// SiteChangedUnwritten is SiteChanged for a run that writes no page (papan check): the
// search index, which only names and fills a written file, is made again only when
// StaticConflicts needs its name.
func (r *Renderer) SiteChangedUnwritten() { r.searchStale = true }

// SearchIndexPath returns the output path of the search index.
func (r *Renderer) SearchIndexPath() string { return r.searchIndexPath }

// SearchScriptPath returns the output path of the search script.
func (r *Renderer) SearchScriptPath() string { return r.searchJSPath }
