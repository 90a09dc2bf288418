package sunting

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/gendemo"
)

// BenchmarkCheckUnsaved10k is what the form does on "Periksa", on each live check while
// the editor types, before each "Simpan" and when it opens: check one service file's
// unsaved bytes on a site of 10,000 generated services (papan gen-demo --services 10000
// --seed 1). "alone" is the form in papan serve --sunting, the service through the
// engine's step against the preview's session; "whole-site" is papan check on the whole
// site with the bytes in place, what the form did before and still does for site.toml,
// an _opd.toml and a page.
func BenchmarkCheckUnsaved10k(b *testing.B) {
	dir := b.TempDir()
	if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 10000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	files, err := fs.Glob(os.DirFS(dir), "content/*/*.toml")
	if err != nil || len(files) < 2 {
		b.Fatal(err)
	}
	file := files[1] // files[0] is the first OPD's _opd.toml
	src, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		b.Fatal(err)
	}
	sess := engine.NewSession(os.DirFS(dir), "/")
	if _, _, err := sess.Update(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		sess *engine.Session
	}{{"alone", sess}, {"whole-site", nil}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				data := bytes.Replace(src, []byte(`nama = "`), []byte(fmt.Sprintf(`nama = "%d `, i)), 1)
				ps, refused, err := findings(context.Background(), c.sess, dir, file, data)
				if err != nil || refused {
					b.Fatalf("%v refused=%v %v", err, refused, ps)
				}
			}
		})
	}
}
