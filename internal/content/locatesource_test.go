package content

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/papan-id/papan/internal/standard"
)

// TestLocateSource locates findings in the text the loader read as Locate does by reading
// the file again, and leaves findings on other files to Locate.
func TestLocateSource(t *testing.T) {
	file, other := "content/dinas/layanan.toml", "content/dinas/_opd.toml"
	fsys := fstest.MapFS{file: {Data: []byte("\xef\xbb\xbf" + serviceTOML)}, other: {Data: []byte(opdTOML)}}
	s, ps, src := LoadServiceSource(fsys, file)
	if s == nil || len(ps) > 0 || src == nil {
		t.Fatalf("LoadServiceSource = %v, %v, %d bytes", s, ps, len(src))
	}
	findings := standard.Problems{
		{File: file, Path: "produk[0].nama", Message: "a"},
		{File: file, Path: "jangka_waktu.satuan", Message: "b"},
		{File: file, Path: "biaya[0].tarif", Message: "c"},        // missing: its table
		{File: file, Message: "d"},                                // the file as a whole
		{File: file, Path: "nama", Line: 9, Col: 9, Message: "e"}, // located already
		{File: other, Path: "nama", Message: "f"},
	}
	want := slices.Clone(findings)
	Locate(fsys, want)
	got := slices.Clone(findings)
	LocateSource(file, src, got)
	if got[5].Line != 0 {
		t.Errorf("LocateSource located a finding on another file: %+v", got[5])
	}
	Locate(fsys, got)
	if !slices.Equal(got, want) {
		t.Errorf("LocateSource then Locate:\n%v\nLocate alone:\n%v", got, want)
	}
	for _, p := range got {
		if p.Line == 0 {
			t.Errorf("not located: %+v", p)
		}
	}
}
