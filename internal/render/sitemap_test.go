package render

import (
	"bytes"
	"regexp"
	"slices"
	"testing"
)

// TestSitemapSplitsPastTheLimit checks that a site with more addresses than one sitemap
// may list gets a sitemap index and parts that list, together and in order, exactly the
// addresses of the single sitemap, at most limit each.
func TestSitemapSplitsPastTheLimit(t *testing.T) {
	r, err := New(searchSite(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var single bytes.Buffer
	if err := r.sitemap(&single); err != nil {
		t.Fatal(err)
	}
	loc := regexp.MustCompile(`<loc>([^<]*)</loc>`)
	locs := func(b []byte) []string {
		var out []string
		for _, m := range loc.FindAllSubmatch(b, -1) {
			out = append(out, string(m[1]))
		}
		return out
	}
	want := locs(single.Bytes())
	if got := r.sitemapCount(); got != len(want) {
		t.Fatalf("sitemapCount = %d, the sitemap lists %d", got, len(want))
	}

	for _, tt := range []struct {
		name  string
		limit int
		parts []string // the files after sitemap.xml
	}{
		{"as many addresses as the limit: one sitemap", len(want), nil},
		{"one over the limit: an index and two parts", len(want) - 1, []string{"sitemap-1.xml", "sitemap-2.xml"}},
		{"two a part", 2, []string{"sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap-4.xml"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			outs := r.sitemapOutputs(tt.limit)
			var paths []string
			files := map[string][]byte{}
			for _, o := range outs {
				var b bytes.Buffer
				if err := o.Write(&b); err != nil {
					t.Fatal(err)
				}
				paths = append(paths, o.Path)
				files[o.Path] = b.Bytes()
			}
			if wantPaths := append([]string{"sitemap.xml"}, tt.parts...); !slices.Equal(paths, wantPaths) {
				t.Fatalf("outputs %q, want %q", paths, wantPaths)
			}
			if tt.parts == nil {
				if !bytes.Equal(files["sitemap.xml"], single.Bytes()) {
					t.Error("sitemap.xml differs from the single sitemap")
				}
				return
			}
			index := files["sitemap.xml"]
			if !bytes.Contains(index, []byte(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)) {
				t.Errorf("sitemap.xml is not a sitemap index:\n%s", index)
			}
			var partURLs, got []string
			for _, p := range tt.parts {
				partURLs = append(partURLs, "https://uji.example/kota/"+p)
				l := locs(files[p])
				if len(l) > tt.limit {
					t.Errorf("%s lists %d addresses, over %d", p, len(l), tt.limit)
				}
				if !bytes.Contains(files[p], []byte(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)) {
					t.Errorf("%s is not a sitemap", p)
				}
				got = append(got, l...)
			}
			if l := locs(index); !slices.Equal(l, partURLs) {
				t.Errorf("the index lists %q, want %q", l, partURLs)
			}
			if !slices.Equal(got, want) {
				t.Errorf("the parts list %q, want %q", got, want)
			}
		})
	}
}
