package skema

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/papan-id/papan/internal/atomicfile"
)

// Install gives the site in folder site what a Taplo-based editor needs: the schema of
// every kind of file in schemaDir (relative to site, or absolute), written when missing
// or out of date, and a .taplo.toml mapping the site's files to them, written when the
// site has none (one the editors keep is left as it is). It returns the files it wrote.
func Install(site, schemaDir string) ([]string, error) {
	dir := schemaDir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(site, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var written []string
	for _, k := range Kinds {
		name := filepath.Join(dir, SchemaFile(k))
		ok, err := writeIfChanged(name, Schema(k), true)
		if err != nil {
			return written, err
		}
		if ok {
			written = append(written, name)
		}
	}
	rel, err := filepath.Rel(site, dir)
	if err != nil {
		rel = dir
	}
	name := filepath.Join(site, TaploConfigFile)
	ok, err := writeIfChanged(name, TaploConfig(filepath.ToSlash(rel)), false)
	if ok {
		written = append(written, name)
	}
	return written, err
}

// writeIfChanged writes b to name when name is missing or, with replace, holds other
// bytes; it reports whether it wrote. A file is replaced by renaming a complete temporary
// file over it, so an editor reading it never sees half a schema.
func writeIfChanged(name string, b []byte, replace bool) (bool, error) {
	old, err := os.ReadFile(name)
	switch {
	case err == nil && (!replace || bytes.Equal(old, b)):
		return false, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return false, err
	}
	return true, atomicfile.Write(name, b)
}
