package render

import (
	"io/fs"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/papan-id/papan"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// TestPageKeyFields: the dashboard's pages are keyed by every field of the assessment
// (keyWriter.opdScore, problems). A field added to these types must be written in the
// key too, or a build with the cache could keep a dashboard page that shows it stale:
// this test names the count each was written for.
func TestPageKeyFields(t *testing.T) {
	for _, c := range []struct {
		typ  reflect.Type
		want int
	}{
		{reflect.TypeFor[rules.OPDScore](), 15},
		{reflect.TypeFor[rules.ServiceScore](), 15},
		{reflect.TypeFor[standard.Problem](), 8},
		{reflect.TypeFor[rules.Dashboard](), 5},
	} {
		if got := c.typ.NumField(); got != c.want {
			t.Errorf("%s has %d fields, pagekey.go writes %d: write the new ones in the dashboard's keys and change this count", c.typ, got, c.want)
		}
	}
}

// TestHasOwnTemplates: a site's layouts/ makes the list pages unkeyed only when it holds
// a template of its own; a byte-for-byte copy of the theme's, as the example site at the
// repository's root holds, keeps the keys.
func TestHasOwnTemplates(t *testing.T) {
	theme := mustSub(papan.Theme(), "layouts")
	home, err := fs.ReadFile(theme, "home.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		layouts fs.FS
		want    bool
	}{
		{"no layouts/", nil, false},
		{"only translations", fstest.MapFS{"i18n/id.toml": {Data: []byte("x = \"y\"\n")}}, false},
		{"a copy of the theme's template", fstest.MapFS{"home.html": {Data: home}}, false},
		{"the theme's own folder", theme, false},
		{"a changed template", fstest.MapFS{"home.html": {Data: append(slices.Clone(home), "<p>lain</p>"...)}}, true},
		{"a partial of its own", fstest.MapFS{"partials/x.html": {Data: []byte(`{{define "x"}}{{end}}`)}}, true},
	} {
		if got := hasOwnTemplates(c.layouts, theme); got != c.want {
			t.Errorf("%s: hasOwnTemplates = %v, want %v", c.name, got, c.want)
		}
	}
}
