package serve

import (
	"net/http"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/sunting"
)

// TestSuntingLinkOnlyWithTheFlag: with --sunting every page with a file of its own
// links to its form; without it no page does, and no file of the site ever does.
func TestSuntingLinkOnlyWithTheFlag(t *testing.T) {
	s, hs := newTestServer(t, testSite(t))
	if _, _, body := get(t, hs, "/"); strings.Contains(body, `id="papan-sunting"`) {
		t.Error("a page links to the form without --sunting")
	}
	if code, _, _ := get(t, hs, sunting.Prefix); code != http.StatusNotFound {
		t.Errorf("%s without --sunting: %d, want 404", sunting.Prefix, code)
	}
	s.edit = sunting.New(t.TempDir(), nil)
	_, _, body := get(t, hs, "/")
	if want := `<a id="papan-sunting" href="/_sunting/site.toml">Sunting</a>`; !strings.Contains(body, want) {
		t.Errorf("the home page lacks %s", want)
	}
	for p := range s.good.outs {
		b, err := s.good.file(p)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), `id="papan-sunting"`) || strings.Contains(string(b), sunting.Prefix) {
			t.Errorf("built file %s links to the form", p)
		}
	}
}
