package render

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

func renderPage(t *testing.T, r *Renderer, path string) (string, error) {
	t.Helper()
	for _, o := range r.Outputs() {
		if o.Path == path {
			var b bytes.Buffer
			err := o.Write(&b)
			return b.String(), err
		}
	}
	t.Fatalf("no output %s", path)
	return "", nil
}

func TestSitewidePart(t *testing.T) {
	t.Run("a site's own part shows on every page", func(t *testing.T) {
		r, err := New(searchSite(), fstest.MapFS{
			"partials/sitefooter.html": {Data: []byte("<footer>{{.Site.Config.Region}} kaki</footer>\n")}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"index.html", "dukcapil/index.html", "dukcapil/ktp-el/index.html", "404.html"} {
			page, err := renderPage(t, r, p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(page, "<footer>Uji kaki</footer>") {
				t.Errorf("%s lacks the site's footer part:\n%s", p, page)
			}
		}
	})
	t.Run("a part that asks for the page fails, naming its file", func(t *testing.T) {
		r, err := New(searchSite(), fstest.MapFS{
			"partials/sitefooter.html": {Data: []byte("<footer>{{.Kind}}</footer>\n")}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = renderPage(t, r, "index.html")
		if err == nil || !strings.Contains(err.Error(), "partials/sitefooter.html:1") || !strings.Contains(err.Error(), "Kind") {
			t.Errorf("error = %v, want one naming partials/sitefooter.html:1 and the field Kind", err)
		}
	})
}
