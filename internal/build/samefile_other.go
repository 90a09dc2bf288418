//go:build !linux

package build

import (
	"os"
	"path/filepath"

	"github.com/papan-id/papan/internal/engine"
)

// sameFile is writer.same for the output out.
func sameFile(out string, f *engine.OutFile) bool {
	fi, err := os.Lstat(filepath.Join(out, filepath.FromSlash(f.Path)))
	return err == nil && fi.Mode().IsRegular() && fi.Size() == f.Size && fi.ModTime().UnixNano() == f.Mtime && inode(fi) == f.Ino
}
