// Package atomicfile writes a file so that it is, at every moment, either its old bytes or
// its new ones: the form editor's saves, papan impor's content files, the workbook papan
// ekspor writes and the JSON Schemas of papan skema.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write writes data to name through a temporary file in the same folder, synced to disk,
// made readable by all (0644) and renamed over name; the folder is then synced, where the
// system allows it, so that the rename itself survives a power cut. The temporary
// file's name starts with a dot and ends in .tmp, so that neither the loader nor
// papan serve's watcher takes it for content. When Write fails, name is as it was and
// no temporary file is left.
func Write(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".papan-*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if d, err := os.Open(filepath.Dir(name)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
