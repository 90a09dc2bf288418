package render

import (
	"errors"
	"io/fs"
	"slices"
)

// overlayFS serves a file from top when top has it, else from bottom. Directory listings
// merge both. It is how a site's layouts/ and static/ replace the embedded theme's files
// of the same name.
type overlayFS struct{ top, bottom fs.FS }

func overlay(top, bottom fs.FS) fs.FS {
	if top == nil {
		return bottom
	}
	return overlayFS{top, bottom}
}

func (o overlayFS) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err != nil {
		return o.bottom.Open(name)
	}
	if st, serr := f.Stat(); serr == nil && !st.IsDir() {
		return f, nil
	}
	// A directory: prefer the theme's, which always exists; ReadDir merges the listings.
	if bf, berr := o.bottom.Open(name); berr == nil {
		f.Close()
		return bf, nil
	}
	return f, nil
}

func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	top, terr := fs.ReadDir(o.top, name)
	bottom, berr := fs.ReadDir(o.bottom, name)
	if terr != nil && berr != nil {
		return nil, errors.Join(terr, berr)
	}
	seen := map[string]bool{}
	var all []fs.DirEntry
	for _, e := range append(top, bottom...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			all = append(all, e)
		}
	}
	slices.SortFunc(all, func(a, b fs.DirEntry) int {
		switch {
		case a.Name() < b.Name():
			return -1
		case a.Name() > b.Name():
			return 1
		}
		return 0
	})
	return all, nil
}
