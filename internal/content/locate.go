package content

import (
	"bytes"
	"io/fs"
	"strings"

	"github.com/papan-id/papan/internal/standard"
	"github.com/papan-id/papan/internal/tomlpos"
)

// Locate fills in Line and Col of each problem that has a key path but no position yet,
// reading each file concerned once. A problem whose field is missing points at the table
// that should hold it, or at the top of the file.
func Locate(fsys fs.FS, ps standard.Problems) {
	indexes := map[string]*tomlpos.Index{}
	offsets := map[string]int{}
	for i := range ps {
		p := &ps[i]
		if p.Line > 0 {
			continue
		}
		ix, seen := indexes[p.File]
		if !seen {
			ix, offsets[p.File] = index(fsys, p.File)
			indexes[p.File] = ix
		}
		if ix == nil {
			continue // not a readable text file: the problem is about the file itself
		}
		p.Line, p.Col = 1, 1
		if p.Path == "" {
			continue
		}
		if pos, ok := ix.Nearest(p.Path); ok {
			p.Line, p.Col = pos.Line+offsets[p.File], pos.Col
		}
	}
}

// index scans file for key positions. For a Markdown page it scans the front matter and
// returns the line offset of the front matter within the file.
func index(fsys fs.FS, file string) (*tomlpos.Index, int) {
	src, p := readText(fsys, file)
	if p != nil {
		return nil, 0
	}
	if strings.HasSuffix(file, ".md") {
		front, _, ok := splitFrontMatter(src)
		if !ok {
			return nil, 0
		}
		return tomlpos.Scan(front), 1
	}
	return tomlpos.Scan(bytes.Clone(src)), 0
}
