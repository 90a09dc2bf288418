package content

import (
	"context"
	"io/fs"
	"strings"

	"github.com/papan-id/papan/internal/parallel"
	"github.com/papan-id/papan/internal/standard"
	"github.com/papan-id/papan/internal/tomlpos"
)

// Locate fills in Line and Col of each problem that has a key path but no position yet,
// reading each file concerned once. A problem whose field is missing points at the table
// that should hold it, or at the top of the file.
func Locate(fsys fs.FS, ps standard.Problems) {
	byFile := map[string][]int{}
	var files []string
	for i, p := range ps {
		if p.Line > 0 {
			continue
		}
		if _, seen := byFile[p.File]; !seen {
			files = append(files, p.File)
		}
		byFile[p.File] = append(byFile[p.File], i)
	}
	// Each file is read and scanned once, files in parallel: a large site can have a
	// warning in every one of its files. Workers write disjoint elements of ps.
	parallel.For(context.Background(), len(files), func(_ context.Context, i int) error {
		file := files[i]
		paths := make([]string, 0, len(byFile[file]))
		for _, j := range byFile[file] {
			if ps[j].Path != "" {
				paths = append(paths, ps[j].Path)
			}
		}
		ix, offset := index(fsys, file, paths)
		if ix == nil {
			return nil // not a readable text file: the problem is about the file itself
		}
		place(ix, offset, ps, byFile[file])
		return nil
	})
}

// LocateSource is Locate for the problems on file, a TOML file whose text src the caller
// has read already (content.LoadServiceSource): it is not read again. Problems on other
// files are left to Locate.
func LocateSource(file string, src []byte, ps standard.Problems) {
	var at []int
	var paths []string
	for i, p := range ps {
		if p.Line > 0 || p.File != file {
			continue
		}
		at = append(at, i)
		if p.Path != "" {
			paths = append(paths, p.Path)
		}
	}
	if len(at) == 0 || src == nil {
		return
	}
	place(tomlpos.ScanPaths(src, paths), 0, ps, at)
}

// place sets the position of the problems ps[j] for j in at from ix, an index of their
// file whose first line is line offset+1 of the file.
func place(ix *tomlpos.Index, offset int, ps standard.Problems, at []int) {
	for _, j := range at {
		p := &ps[j]
		p.Line, p.Col = 1, 1
		if p.Path == "" {
			continue
		}
		if pos, ok := ix.Nearest(p.Path); ok {
			p.Line, p.Col = pos.Line+offset, pos.Col
		}
	}
}

// index scans file for the positions of paths (and their ancestors, for Nearest). For a
// Markdown page it scans the front matter and returns the line offset of the front
// matter within the file.
func index(fsys fs.FS, file string, paths []string) (*tomlpos.Index, int) {
	src, p := readText(fsys, file)
	if p != nil {
		return nil, 0
	}
	if strings.HasSuffix(file, ".md") {
		front, _, ok := SplitFrontMatter(src)
		if !ok {
			return nil, 0
		}
		return tomlpos.ScanPaths(front, paths), 1
	}
	return tomlpos.ScanPaths(src, paths), 0
}
