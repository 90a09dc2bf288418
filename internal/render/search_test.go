package render

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

func searchSite() *standard.Site {
	dk := &standard.OPD{Slug: "dukcapil", Name: "Dinas Kependudukan dan Pencatatan Sipil", ShortName: "Disdukcapil"}
	kel := &standard.OPD{Slug: "kelurahan", Name: "Kelurahan Sukamaju"}
	dk.Services = []*standard.Service{
		{OPD: dk, Slug: "ktp-el", Name: "Penerbitan KTP-el", Category: "Administrasi Kependudukan",
			Keywords:     []string{"KTP", "e-KTP"},
			Requirements: []standard.Requirement{{Name: "Kartu Keluarga (KK)"}, {Name: "Surat pengantar RT/RW"}}},
		{OPD: dk, Slug: "kk", Name: "Penerbitan Kartu Keluarga", Category: "Administrasi Kependudukan",
			Requirements: []standard.Requirement{{Name: "Kartu Keluarga (KK)"}, {Name: "Kartu Keluarga (KK)"}}},
	}
	kel.Services = []*standard.Service{
		{OPD: kel, Slug: "domisili", Name: "Surat Keterangan Domisili",
			Requirements: []standard.Requirement{{Name: "Surat pengantar RT/RW"}}},
	}
	return &standard.Site{
		Config: standard.Config{Title: "Uji", Region: "Uji", BaseURL: "https://uji.example/kota/", Language: "id",
			Search: standard.Search{Synonyms: []standard.Synonym{{Word: "izin bangunan", Same: []string{"pbg"}}}}},
		OPDs: []*standard.OPD{dk, kel},
	}
}

func TestSearchIndex(t *testing.T) {
	r, err := New(searchSite(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	again, err := New(searchSite(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(r.searchIndex, again.searchIndex) || r.SearchIndexPath() != again.SearchIndexPath() {
		t.Error("two renderers of the same site built different search indexes")
	}
	var idx struct {
		V   int                 `json:"v"`
		O   [][2]string         `json:"o"`
		C   []string            `json:"c"`
		R   []string            `json:"r"`
		Syn [][]string          `json:"syn"`
		S   [][]json.RawMessage `json:"s"`
	}
	if err := json.Unmarshal(r.searchIndex, &idx); err != nil {
		t.Fatalf("index is not JSON: %v\n%s", err, r.searchIndex)
	}
	if idx.V != searchIndexVersion {
		t.Errorf("v = %d", idx.V)
	}
	wantO := [][2]string{{"Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"}, {"", "Kelurahan Sukamaju"}}
	if !slices.Equal(idx.O, wantO) {
		t.Errorf("o = %q, want %q", idx.O, wantO)
	}
	if want := []string{"Administrasi Kependudukan", ""}; !slices.Equal(idx.C, want) {
		t.Errorf("c = %q, want %q", idx.C, want)
	}
	if want := []string{"Kartu Keluarga (KK)", "Surat pengantar RT/RW"}; !slices.Equal(idx.R, want) {
		t.Errorf("r = %q, want %q (each requirement name once)", idx.R, want)
	}
	want := []string{
		`["Penerbitan KTP-el",0,0,"/kota/dukcapil/ktp-el/",["KTP","e-KTP"],[0,1]]`,
		`["Penerbitan Kartu Keluarga",0,0,"/kota/dukcapil/kk/",[],[0]]`,
		`["Surat Keterangan Domisili",1,1,"/kota/kelurahan/domisili/",[],[1]]`,
	}
	if len(idx.S) != len(want) {
		t.Fatalf("%d services in the index, want %d", len(idx.S), len(want))
	}
	for i, s := range idx.S {
		got, _ := json.Marshal(s)
		if string(got) != want[i] {
			t.Errorf("service %d = %s, want %s", i, got, want[i])
		}
	}
	if len(idx.Syn) != len(builtinSynonyms)+1 || !slices.Equal(idx.Syn[len(idx.Syn)-1], []string{"izin bangunan", "pbg"}) {
		t.Errorf("synonyms: want the built-in groups then the site's, got %q", idx.Syn)
	}
	if !slices.ContainsFunc(idx.Syn, func(g []string) bool { return slices.Contains(g, "ktp") && slices.Contains(g, "kartu tanda penduduk") }) {
		t.Error("no built-in synonym group for KTP")
	}
	var paths []string
	for _, o := range r.Outputs() {
		paths = append(paths, o.Path)
	}
	for _, p := range []string{r.SearchIndexPath(), r.SearchScriptPath()} {
		if !slices.Contains(paths, p) {
			t.Errorf("%s is not among the outputs", p)
		}
	}
	if slices.Contains(paths, "cari.js") {
		t.Error("cari.js is published under its plain name too")
	}
	var home bytes.Buffer
	if err := r.execute(&home, "home", r.homeData()); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`data-index="/kota/` + r.SearchIndexPath() + `"`, `<script src="/kota/` + r.SearchScriptPath() + `" integrity="` + r.searchJSSRI + `" defer>`, `role="search" hidden`, `aria-live="polite"`} {
		if !bytes.Contains(home.Bytes(), []byte(s)) {
			t.Errorf("home page lacks %s", s)
		}
	}
}

// encodingJSON is the index as encoding/json writes it, the reference the hand-written
// encoder must match byte for byte.
func encodingJSON(t testing.TB, r *Renderer) []byte {
	t.Helper()
	type index struct {
		V            int         `json:"v"`
		OPDs         [][2]string `json:"o"`
		Categories   []string    `json:"c"`
		Requirements []string    `json:"r"`
		Synonyms     [][]string  `json:"syn"`
		StopWords    []string    `json:"stop"`
		Services     [][6]any    `json:"s"`
	}
	idx := index{V: searchIndexVersion, Categories: []string{}, Requirements: []string{}, Services: [][6]any{}}
	idx.OPDs = [][2]string{}
	cats, reqs := map[string]int{}, map[string]int{}
	intern := func(m map[string]int, list *[]string, s string) int {
		if i, ok := m[s]; ok {
			return i
		}
		m[s] = len(*list)
		*list = append(*list, s)
		return m[s]
	}
	for oi, o := range r.site.OPDs {
		idx.OPDs = append(idx.OPDs, [2]string{o.ShortName, o.Name})
		for _, s := range o.Services {
			ci := intern(cats, &idx.Categories, s.Category)
			rs := []int{}
			for _, q := range s.Requirements {
				if i := intern(reqs, &idx.Requirements, q.Name); !slices.Contains(rs, i) {
					rs = append(rs, i)
				}
			}
			kw := s.Keywords
			if kw == nil {
				kw = []string{}
			}
			idx.Services = append(idx.Services, [6]any{s.Name, oi, ci, r.URL(s.Addr().Path), kw, rs})
		}
	}
	idx.Synonyms = append(idx.Synonyms, builtinSynonyms...)
	for _, syn := range r.site.Config.Search.Synonyms {
		idx.Synonyms = append(idx.Synonyms, append([]string{syn.Word}, syn.Same...))
	}
	idx.StopWords = builtinStopWords
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(idx); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func TestSearchIndexMatchesEncodingJSON(t *testing.T) {
	site := searchSite()
	hostile := "Kutip \" garis \\ tab\t baris\nCR\r bel\a \b \f nul\x00 del\x7f <a&b> \u2028\u2029 é 🙂 bad\xff"
	s := site.OPDs[1].Services[0]
	s.Name, s.Category, s.Keywords = hostile, hostile, []string{hostile, ""}
	s.Requirements = append(s.Requirements, standard.Requirement{Name: hostile})
	site.OPDs[1].ShortName = hostile
	r, err := New(site, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := encodingJSON(t, r); !bytes.Equal(r.searchIndex, want) {
		t.Errorf("index differs from encoding/json:\n got %s\nwant %s", r.searchIndex, want)
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "a", "\"\\", "\x00\x1f\x7f", "\u2028\u2029", "\xff\xfe", "é🙂", "<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		want := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

// TestBigSearchIndexMatchesEncodingJSON covers the index of a site big enough to be
// written in two halves at once.
func TestBigSearchIndexMatchesEncodingJSON(t *testing.T) {
	site := searchSite()
	o := site.OPDs[1]
	for i := range 2500 {
		o.Services = append(o.Services, &standard.Service{OPD: o, Slug: "layanan-" + strconv.Itoa(i),
			Name: "Layanan \"" + strconv.Itoa(i) + "\"", Category: "Kategori " + strconv.Itoa(i%7),
			Keywords:     []string{"kata " + strconv.Itoa(i%3)},
			Requirements: []standard.Requirement{{Name: "Syarat " + strconv.Itoa(i%11)}, {Name: "KTP"}, {Name: "KTP"}}})
	}
	r, err := New(site, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := encodingJSON(t, r); !bytes.Equal(r.searchIndex, want) {
		t.Errorf("index of %d services differs from encoding/json", len(o.Services))
	}
}

// TestBuiltinSearchWords checks the built-in synonyms and stop words are written the way
// the script normalises text (lower case a–z, 0–9, single spaces), so each can match, and
// that no stop word is also a synonym: it would be both optional and a unit of meaning.
func TestBuiltinSearchWords(t *testing.T) {
	normal := regexp.MustCompile(`^[a-z0-9]+( [a-z0-9]+)*$`)
	members := map[string]bool{}
	for _, g := range builtinSynonyms {
		if len(g) < 2 {
			t.Errorf("synonym group %q has fewer than two members", g)
		}
		for _, m := range g {
			if !normal.MatchString(m) {
				t.Errorf("synonym %q is not normalised", m)
			}
			members[m] = true
		}
	}
	for i, w := range builtinStopWords {
		if !normal.MatchString(w) || strings.Contains(w, " ") {
			t.Errorf("stop word %q is not one normalised word", w)
		}
		if members[w] {
			t.Errorf("stop word %q is also a synonym", w)
		}
		if i > 0 && builtinStopWords[i-1] >= w {
			t.Errorf("stop words not sorted or repeated at %q", w)
		}
	}
}
