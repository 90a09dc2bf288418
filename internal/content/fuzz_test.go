package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/papan-id/papan/internal/standard"
)

// FuzzLoadService feeds arbitrary bytes to the service loader. It must never panic, and
// whatever it reports must be locatable in the file.
func FuzzLoadService(f *testing.F) {
	f.Add([]byte(serviceTOML))
	f.Add([]byte("\xef\xbb\xbf" + strings.ReplaceAll(serviceTOML, "\n", "\r\n")))
	f.Add([]byte("nama = 5\n[[persyaratan]]\nnama = []\n[jangka_waktu]\nsatuan = { a = 1 }\n"))
	f.Add([]byte("[[prosedur]]\nwaktu = \"99999999 menit\"\nkembali_ke = -1\nkeputusan = \"?\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file := "content/dinas/layanan.toml"
		fsys := fstest.MapFS{file: {Data: src}}
		s, ps := LoadService(fsys, file)
		if s == nil && len(ps) == 0 {
			t.Fatal("no service and no problem")
		}
		all := standard.Problems(ps)
		_, _, text := LoadServiceSource(fsys, file)
		fromSource := slices.Clone(all)
		LocateSource(file, text, fromSource)
		Locate(fsys, fromSource)
		Locate(fsys, all)
		if !slices.Equal(fromSource, all) {
			t.Errorf("LocateSource then Locate:\n%v\nLocate alone:\n%v", fromSource, all)
		}
		for _, p := range all {
			if e := positionError(fsys, p); e != "" {
				t.Errorf("%s: %v", e, p)
			}
			if p.Message == "" {
				t.Errorf("problem without message: %+v", p)
			}
		}
	})
}
