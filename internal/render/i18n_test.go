package render

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/papan-id/papan"
)

func themeStrings(t *testing.T, lang string) map[string]string {
	t.Helper()
	src, err := fs.ReadFile(papan.Theme(), "layouts/i18n/"+lang+".toml")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := toml.Unmarshal(src, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestLanguagesHaveTheSameStrings fails when a string exists in one language only.
func TestLanguagesHaveTheSameStrings(t *testing.T) {
	id, en := themeStrings(t, "id"), themeStrings(t, "en")
	for k := range id {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in id.toml but not in en.toml", k)
		}
	}
	for k := range en {
		if _, ok := id[k]; !ok {
			t.Errorf("%q is in en.toml but not in id.toml", k)
		}
	}
}

// TestTemplatesUseKnownStrings finds every {{t "key"}} and {{tf "key"}} in the theme.
func TestTemplatesUseKnownStrings(t *testing.T) {
	id := themeStrings(t, "id")
	use := regexp.MustCompile(`\b(?:t|tf) "([a-z0-9_-]+)"`)
	err := fs.WalkDir(papan.Theme(), "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		src, err := fs.ReadFile(papan.Theme(), p)
		for _, m := range use.FindAllStringSubmatch(string(src), -1) {
			if _, ok := id[m[1]]; !ok {
				t.Errorf("%s uses string %q, which id.toml lacks", p, m[1])
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
