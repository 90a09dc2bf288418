package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
)

// The home page's search box (docs/search.md): the build writes a compact index of every
// service as assets/cari.<hash>.json and publishes the theme's static/cari.js as
// assets/cari.<hash>.js. Without JavaScript the box never shows and the home page's
// lists remain the way to every service.

// searchIndexVersion is the "v" field of the index; cari.js refuses any other.
const searchIndexVersion = 1

// builtinSynonyms are groups of words and phrases that mean the same to a citizen. A
// query containing one member also searches for every other member. Sites add their own
// with [[pencarian.sinonim]] in site.toml.
var builtinSynonyms = [][]string{
	{"ktp", "ktp el", "ktpel", "e ktp", "ektp", "kartu tanda penduduk"},
	{"kk", "kartu keluarga"},
	{"kia", "kartu identitas anak"},
	{"pbg", "persetujuan bangunan gedung", "imb", "izin mendirikan bangunan", "izin bangunan"},
	{"slf", "sertifikat laik fungsi"},
	{"sktm", "surat keterangan tidak mampu"},
	{"akta lahir", "akta kelahiran", "akte lahir", "akte kelahiran"},
	{"akta mati", "akta kematian", "akte kematian"},
	{"akte", "akta"},
	{"nib", "nomor induk berusaha"},
	{"skck", "surat keterangan catatan kepolisian"},
	{"dtks", "data terpadu kesejahteraan sosial"},
	{"pbi", "penerima bantuan iuran"},
	{"bpjs", "jaminan kesehatan"},
	{"rt rw", "rukun tetangga"},
	{"nikah", "kawin", "perkawinan", "pernikahan"},
	{"domisili", "tempat tinggal"},
	{"ijazah", "ijasah"},
	{"imunisasi", "vaksin", "vaksinasi"},
	{"hamil", "kehamilan", "bumil"},
}

// searchIndex is the JSON the script loads. Repeated strings are stored once: OPDs,
// categories and requirement names are tables, and a service refers to them by position.
type searchIndex struct {
	V            int         `json:"v"`
	OPDs         [][2]string `json:"o"`   // [short name, name]
	Categories   []string    `json:"c"`   // "" for no category
	Requirements []string    `json:"r"`   // requirement names, once each
	Synonyms     [][]string  `json:"syn"` // built-in groups, then the site's
	// Services: [name, opd, category, url, keywords, requirements], where opd and
	// category index O and C, keywords is a list of strings and requirements a list of
	// indexes into R.
	Services [][6]any `json:"s"`
}

// buildSearchIndex returns the index of site, byte for byte the same for the same site.
func (r *Renderer) buildSearchIndex() ([]byte, error) {
	idx := searchIndex{V: searchIndexVersion, Categories: []string{}, Requirements: []string{}, Services: [][6]any{}}
	cats := map[string]int{}
	reqs := map[string]int{}
	intern := func(m map[string]int, list *[]string, s string) int {
		if i, ok := m[s]; ok {
			return i
		}
		m[s] = len(*list)
		*list = append(*list, s)
		return m[s]
	}
	idx.OPDs = make([][2]string, 0, len(r.site.OPDs))
	for oi, o := range r.site.OPDs {
		idx.OPDs = append(idx.OPDs, [2]string{o.ShortName, o.Name})
		for _, s := range o.Services {
			ci := intern(cats, &idx.Categories, s.Category)
			rs := []int{}
			for _, q := range s.Requirements {
				i := intern(reqs, &idx.Requirements, q.Name)
				if !slices.Contains(rs, i) {
					rs = append(rs, i)
				}
			}
			kw := s.Keywords
			if kw == nil {
				kw = []string{}
			}
			idx.Services = append(idx.Services, [6]any{s.Name, oi, ci, r.URL("/" + o.Slug + "/" + s.Slug + "/"), kw, rs})
		}
	}
	idx.Synonyms = append(idx.Synonyms, builtinSynonyms...)
	for _, syn := range r.site.Config.Search.Synonyms {
		idx.Synonyms = append(idx.Synonyms, append([]string{syn.Word}, syn.Same...))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(idx); err != nil {
		return nil, fmt.Errorf("render: search index: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// hashedAsset names an asset after its content: "assets/<name>.<hash>.<ext>".
func hashedAsset(name, ext string, data []byte) string {
	sum := sha256.Sum256(data)
	return "assets/" + name + "." + hex.EncodeToString(sum[:4]) + "." + ext
}

// prepareSearch builds the index and reads the script from the overlaid static folder.
func (r *Renderer) prepareSearch() error {
	var err error
	if r.searchJS, err = fs.ReadFile(r.static, "cari.js"); err != nil {
		return fmt.Errorf("render: theme search script: %w", err)
	}
	if r.searchIndex, err = r.buildSearchIndex(); err != nil {
		return err
	}
	r.searchJSPath = hashedAsset("cari", "js", r.searchJS)
	r.searchIndexPath = hashedAsset("cari", "json", r.searchIndex)
	return nil
}

// SiteChanged makes the renderer follow a change to its site's services (one edited,
// added or removed): the search index is made again. Pages read the site as they are
// written, so they need nothing.
func (r *Renderer) SiteChanged() error {
	return r.prepareSearch()
}

// SearchIndexPath returns the output path of the search index.
func (r *Renderer) SearchIndexPath() string { return r.searchIndexPath }

// SearchScriptPath returns the output path of the search script.
func (r *Renderer) SearchScriptPath() string { return r.searchJSPath }
