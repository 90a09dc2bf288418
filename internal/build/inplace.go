package build

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/parallel"
)

// Incremental builds
//
// With the build cache (Options.Cache) a build that finds its previous output as the
// cache recorded it updates that output in place instead of replacing it whole, so a
// file whose bytes did not change keeps its inode and modification time (rsync -a and
// sync tools then send only what changed), and a build of a large site with one change
// costs the files that changed, not a copy of the whole site:
//
//   - A service file whose record is current is not read, checked or rendered; its
//     pages, found in the previous output with the size, modification time and inode
//     the cache recorded (else the service is rendered again), stay as they are, and
//     their recorded links go to the link check.
//   - Every other file is rendered into the temporary folder beside the output as in a
//     full build; when its bytes are those of the previous output's file, the new copy
//     is dropped and the old file stays.
//   - When every record is current and nothing else changed (the frame, the OPDs, the
//     list of files, every file of the output and its manifest as recorded), nothing is
//     rendered or written at all.
//
// The previous output is left exactly as it was until the new site is complete in the
// temporary folder and has passed the link check: a build that fails changes nothing.
// Only then is the output updated (applyInPlace): the manifest first lists the old
// files and the new ones, then the changed files are renamed into place (each rename
// atomic: a reader sees the old file or the new, never a part), the files no longer
// built are removed, and the new manifest is renamed over the first. A host serving
// the folder during those few milliseconds may serve a mix of old and new pages; a build
// killed in between leaves an output its manifest still accounts for, which the next
// build (its records no longer matching the disk) brings up to date. A full build (no
// cache, --tanpa-cache, another output folder) replaces the folder whole as before.

// applyInPlace updates out to the site in tmp: staged are the files written into tmp
// (slash paths), files every file of the new site (sorted), old the files the previous
// manifest lists (sorted). It returns how many files it wrote and removed.
func applyInPlace(tmp, out string, staged []string, files []*engine.OutFile, old []string) (written, removed int, err error) {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	var gone []string
	for _, p := range old {
		if _, found := slices.BinarySearch(paths, p); !found {
			gone = append(gone, p)
		}
	}
	// 1. The manifest accounts for every file out may hold until the update is done.
	if added := len(paths) + len(gone) - len(old); added > 0 {
		union := slices.Concat(old, paths)
		slices.Sort(union)
		union = slices.Compact(union)
		if err := replaceFile(filepath.Join(out, ManifestName), func(w *bufio.Writer) {
			w.WriteString(manifestHeader1 + "\n")
			for _, p := range union {
				w.WriteString(p + "\n")
			}
		}); err != nil {
			return 0, 0, err
		}
	}
	// 2. The files no longer built, and the folders they leave empty: first, so that a
	// file may take the place of a folder that was, or the other way round.
	var emptied sync.Map
	var n atomic.Int64
	parallel.ForWorkers(context.Background(), 2, len(gone), func(_ context.Context, i int) error {
		if err := os.Remove(filepath.Join(out, filepath.FromSlash(gone[i]))); err == nil || errors.Is(err, fs.ErrNotExist) {
			n.Add(1)
			emptied.Store(path.Dir(gone[i]), true)
		}
		return nil
	})
	var ds []string
	emptied.Range(func(k, _ any) bool { ds = append(ds, k.(string)); return true })
	// Deepest first, each folder then its parents while they are empty.
	slices.SortFunc(ds, func(a, b string) int { return len(b) - len(a) })
	for _, d := range ds {
		for ; d != "."; d = path.Dir(d) {
			if os.Remove(filepath.Join(out, filepath.FromSlash(d))) != nil {
				break
			}
		}
	}
	// 3. The changed files, renamed into place.
	slices.Sort(staged)
	var dirs sync.Map
	mkdir := func(d string) error {
		if _, ok := dirs.Load(d); ok || d == "." {
			return nil
		}
		err := os.MkdirAll(filepath.Join(out, filepath.FromSlash(d)), 0o755)
		dirs.Store(d, true)
		return err
	}
	err = parallel.ForWorkers(context.Background(), 2, len(staged), func(_ context.Context, i int) error {
		p := staged[i]
		if err := mkdir(path.Dir(p)); err != nil {
			return err
		}
		return os.Rename(filepath.Join(tmp, filepath.FromSlash(p)), filepath.Join(out, filepath.FromSlash(p)))
	})
	if err != nil {
		return 0, 0, fmt.Errorf("keluaran baru ditulis sebagian (build berikutnya melengkapinya): %w", err)
	}
	// 4. The new manifest.
	if err := os.Rename(filepath.Join(tmp, ManifestName), filepath.Join(out, ManifestName)); err != nil {
		return 0, 0, err
	}
	removeTree(tmp) // only folders are left in it
	return len(staged), int(n.Load()), nil
}

// manifestTemp is the manifest being replaced, at the output's root: a build killed
// while writing it leaves it, and the next build writes over it, so it is not foreign.
const manifestTemp = ManifestName + ".papan-tmp"

// replaceFile writes the file name with write into a temporary file beside it
// (manifestTemp for the manifest) and renames it over name.
func replaceFile(name string, write func(*bufio.Writer)) error {
	tmp := name + ".papan-tmp"
	if err := writeBuffered(tmp, write); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, name)
}
