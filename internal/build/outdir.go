package build

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/parallel"
	"github.com/papan-id/papan/internal/standard"
)

// ManifestName is the name of the manifest at the root of every output: see "The output
// folder" in the package documentation.
const ManifestName = engine.ManifestFile

// manifestHeader is the manifest's first line; manifestHeader1 the one of the first
// format, which listed paths alone and is still read, for the output of an older Papan
// to be replaced.
const (
	manifestHeader  = "papan-keluaran 2"
	manifestHeader1 = "papan-keluaran 1"
)

// maxNamed is how many foreign files a refusal names; the rest are counted.
const maxNamed = 3

// writeManifest writes the manifest of files (sorted by path) into dir.
func writeManifest(dir string, files []*engine.OutFile) error {
	return writeBuffered(filepath.Join(dir, ManifestName), func(w *bufio.Writer) {
		w.WriteString(manifestHeader + "\n")
		var hexSum [2 * sha256.Size]byte
		for _, f := range files {
			hex.Encode(hexSum[:], f.Sum[:])
			w.WriteString(f.Path)
			w.WriteByte('\t')
			w.Write(hexSum[:])
			w.WriteByte('\n')
		}
	})
}

// writeBuffered writes the file name with write, through a buffer.
func writeBuffered(name string, write func(*bufio.Writer)) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	write(w)
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// readManifest returns the sorted paths the manifest in dir lists; ok is false when dir
// has no manifest this version of Papan can read.
func readManifest(dir string) (paths []string, ok bool) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, false
	}
	header, rest, _ := strings.Cut(string(b), "\n")
	if h := strings.TrimSuffix(header, "\r"); h != manifestHeader && h != manifestHeader1 {
		return nil, false
	}
	if rest == "" {
		return nil, true
	}
	paths = strings.Split(strings.TrimSuffix(rest, "\n"), "\n")
	for i, p := range paths {
		p, _, _ = strings.Cut(p, "\t")
		paths[i] = strings.Clone(p) // not the whole file, hashes and all (4.6 MB at 10,000 services)
	}
	slices.Sort(paths) // sorted when written; a hand-edited one may not be
	return paths, true
}

// isManifest reports whether dir holds a manifest, by its first line (readManifest).
func isManifest(dir string) bool {
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if err != nil {
		return false
	}
	defer f.Close()
	header, err := bufio.NewReaderSize(f, 64).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return false
	}
	h := strings.TrimSuffix(strings.TrimSuffix(header, "\n"), "\r")
	return h == manifestHeader || h == manifestHeader1
}

// outProblem is a refusal of the output folder out, as the user named it.
func outProblem(out, msg, hint string) error {
	return standard.Problems{{File: out, Severity: standard.Error, Message: msg, Hint: hint}}
}

// checkOut refuses, before anything is written, an output folder that a build must not
// replace: see "The output folder" in the package documentation.
func checkOut(opts Options) error { return checkOutWalk(opts, true) }

// checkOutWalk is checkOut, leaving out the look at every folder of a previous output
// for files it does not list (checkForeign) unless walk is set: an incremental build
// makes it only when it has something to write.
func checkOutWalk(opts Options, walk bool) error {
	if opts.Out == "" {
		return errors.New("build: no output folder")
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return err
	}
	if opts.SrcDir != "" {
		if err := checkNotSite(opts.Out, out, opts.SrcDir); err != nil {
			return err
		}
	}
	fi, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // made by the build
	}
	if err != nil {
		return outProblem(opts.Out, "folder keluaran tidak dapat dibaca: "+pathErrText(err),
			"Periksa nama folder dan izinnya, atau pilih folder lain dengan --out.")
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		// The link's own target, read against the --out as given, so the advice is in
		// the user's terms: --out public, a link to www, suggests --out www.
		target, _ := os.Readlink(out)
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(opts.Out), target)
		}
		return outProblem(opts.Out, "folder keluaran ini adalah tautan simbolik (symlink)",
			fmt.Sprintf("Papan mengganti folder keluaran secara utuh dan tidak mengikuti tautan. Tulis folder tujuannya langsung, misalnya --out %s.", target))
	}
	if !fi.IsDir() {
		return outProblem(opts.Out, "sudah ada berkas dengan nama ini; folder keluaran harus berupa folder",
			"Papan tidak menimpa berkas. Pilih folder lain dengan --out, misalnya --out public.")
	}
	f, err := os.Open(out)
	if err != nil {
		return outProblem(opts.Out, "folder keluaran tidak dapat dibaca: "+pathErrText(err),
			"Periksa izin folder itu, atau pilih folder lain dengan --out.")
	}
	names, err := f.Readdirnames(1)
	f.Close()
	if len(names) == 0 && errors.Is(err, io.EOF) {
		return nil // empty
	}
	var paths []string
	ok := false
	if walk {
		paths, ok = readManifest(out)
	} else {
		ok = isManifest(out)
	}
	if !ok {
		return outProblem(opts.Out, "folder keluaran tidak kosong dan bukan keluaran Papan (tidak ada berkas "+ManifestName+")",
			"Papan mengganti seluruh isi folder keluaran, jadi hanya memakai folder kosong atau hasil papan build sebelumnya. "+
				"Pilih folder baru atau kosong dengan --out; jika folder ini keluaran Papan versi lama, hapus sendiri lalu bangun lagi.")
	}
	if !walk {
		return nil
	}
	return checkForeign(opts.Out, out, paths, nil)
}

// checkForeign refuses the output out (named by the user as named) when it holds
// anything that its manifest's paths do not account for. dirs, when not nil, are its
// folders as the build cache recorded them (foreignSince).
func checkForeign(named, out string, paths []string, dirs []engine.OutFile) error {
	opts := Options{Out: named}
	var foreign []string
	var err error
	if dirs != nil {
		foreign, err = foreignSince(out, paths, dirs)
	} else {
		foreign, err = foreignFiles(out, paths)
	}
	if err != nil {
		return outProblem(opts.Out, "folder keluaran tidak dapat dibaca: "+pathErrText(err),
			"Periksa izin folder itu, atau pilih folder lain dengan --out.")
	}
	if len(foreign) > 0 {
		named := strings.Join(foreign[:min(len(foreign), maxNamed)], ", ")
		if len(foreign) > maxNamed {
			named += fmt.Sprintf(" dan %d lainnya", len(foreign)-maxNamed)
		}
		return outProblem(opts.Out, "folder keluaran berisi berkas yang tidak ditulis Papan: "+named,
			"Papan mengganti seluruh folder keluaran pada setiap build. Pindahkan berkas itu ke luar folder ini, "+
				"atau taruh di static/ agar ikut diterbitkan.")
	}
	return nil
}

// checkNotSite refuses an output (named as the user named it, and absolute) that is,
// holds or lies inside the site's own files: the site folder, site.toml, content/,
// layouts/, static/. Symbolic links are resolved first, so a link cannot hide them.
func checkNotSite(named, out, srcDir string) error {
	src, err := filepath.Abs(srcDir)
	if err != nil {
		return err
	}
	out, src = realPath(out), realPath(src)
	const hint = "Pilih folder di luar site.toml, content/, layouts/ dan static/ dengan --out, misalnya --out public."
	switch {
	case out == src:
		return outProblem(named, "folder keluaran ini adalah folder situs itu sendiri",
			"Papan mengganti seluruh folder keluaran. "+hint)
	case within(src, out):
		return outProblem(named, "folder keluaran ini berisi folder situs",
			"Papan mengganti seluruh folder keluaran. "+hint)
	}
	for _, d := range []string{"site.toml", content.ContentDir, "layouts", "static"} {
		shown := d
		if d != "site.toml" {
			shown += "/"
		}
		switch p := filepath.Join(src, d); {
		case out == p:
			return outProblem(named, "folder keluaran ini adalah "+shown+" situs", hint)
		case within(out, p):
			return outProblem(named, "folder keluaran ini berada di dalam "+shown+" situs", hint)
		}
	}
	return nil
}

// within reports whether p lies strictly inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// realPath returns the absolute path p with the symbolic links of its longest existing
// part resolved.
func realPath(p string) string {
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// foreignFiles returns, sorted, what dir holds that the manifest paths do not account
// for: files it does not list, anything not a plain file or folder, and empty folders
// that hold no file it lists. Folders are shown with a trailing slash.
//
// It reads every folder of the output once, with no stat of each file (the folder
// listing says what each entry is): on a site of 10,000 services, about 20,000 folders
// and 20,000 files. Opening the folders is nearly all the cost, so, as in removeTree,
// several goroutines read them at once, the folders inside each top-level folder (a
// service's, in an OPD's) shared among them.
func foreignFiles(dir string, paths []string) ([]string, error) {
	read, walk := foreignScan(dir, paths)
	var foreign []string
	top, err := read(".", &foreign)
	if err != nil {
		return nil, err
	}
	var jobs []string
	for _, d := range top {
		sub, err := read(d, &foreign)
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, sub...)
	}
	found := make([][]string, len(jobs))
	if err := parallel.ForWorkers(context.Background(), 2*runtime.GOMAXPROCS(0), len(jobs), func(_ context.Context, i int) error {
		_, err := walk(jobs[i], &found[i])
		return err
	}); err != nil {
		return nil, err
	}
	foreign = slices.Concat(append(found, foreign)...)
	slices.Sort(foreign)
	return foreign, nil
}

// foreignSince is foreignFiles for an output whose folders the build cache recorded
// (dirs: path, modification time and inode) when the build left it holding nothing
// foreign: a folder whose stat is as recorded has had no entry added or removed, so
// only the others are read, and the folders new in them walked whole. On a site of
// 10,000 services that is 20,000 stats instead of 20,000 folder reads.
func foreignSince(dir string, paths []string, dirs []engine.OutFile) ([]string, error) {
	read, walk := foreignScan(dir, paths)
	known := make(map[string]bool, len(dirs))
	for _, d := range dirs {
		known[d.Path] = true
	}
	changed := make([]bool, len(dirs))
	parallel.For(context.Background(), len(dirs), func(_ context.Context, i int) error {
		fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(dirs[i].Path)))
		changed[i] = err == nil && (fi.ModTime().UnixNano() != dirs[i].Mtime || inode(fi) != dirs[i].Ino)
		return nil // a folder gone changed its parent
	})
	var foreign []string
	for i, d := range dirs {
		if !changed[i] {
			continue
		}
		sub, err := read(d.Path, &foreign)
		if err != nil {
			return nil, err
		}
		for _, s := range sub {
			if !known[s] {
				if _, err := walk(s, &foreign); err != nil {
					return nil, err
				}
			}
		}
	}
	slices.Sort(foreign)
	return foreign, nil
}

// outDirs returns the folders that hold the files at paths, "." first, with their stat
// under dir now.
func outDirs(dir string, files []*engine.OutFile) []engine.OutFile {
	seen := map[string]bool{".": true}
	list := []string{"."}
	for _, f := range files {
		for d := path.Dir(f.Path); !seen[d]; d = path.Dir(d) {
			seen[d] = true
			list = append(list, d)
		}
	}
	dirs := make([]engine.OutFile, len(list))
	parallel.For(context.Background(), len(list), func(_ context.Context, i int) error {
		dirs[i].Path = list[i]
		if fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(list[i]))); err == nil {
			dirs[i].Mtime, dirs[i].Ino = fi.ModTime().UnixNano(), inode(fi)
		}
		return nil
	})
	return dirs
}

// foreignScan returns the two halves of a look for foreign files under dir: read lists
// the folder rel, adds what is foreign in it to *foreign and returns its subfolders;
// walk does so for rel and everything under it.
func foreignScan(dir string, paths []string) (read, walk func(rel string, foreign *[]string) ([]string, error)) {
	listed := func(p string) bool {
		_, found := slices.BinarySearch(paths, p)
		return found
	}
	holdsListed := func(d string) bool { // some listed path lies under d
		i, _ := slices.BinarySearch(paths, d+"/")
		return i < len(paths) && strings.HasPrefix(paths[i], d+"/")
	}
	read = func(rel string, foreign *[]string) ([]string, error) {
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		entries, err := f.ReadDir(-1)
		f.Close()
		if err != nil {
			return nil, err
		}
		if len(entries) == 0 && rel != "." && !holdsListed(rel) {
			*foreign = append(*foreign, rel+"/")
		}
		var sub []string
		for _, e := range entries {
			p := e.Name()
			if rel != "." {
				p = rel + "/" + p
			}
			switch {
			case e.IsDir():
				sub = append(sub, p)
			case !e.Type().IsRegular():
				*foreign = append(*foreign, p)
			case p == ManifestName || p == manifestTemp || listed(p):
			default:
				*foreign = append(*foreign, p)
			}
		}
		return sub, nil
	}
	walk = func(rel string, foreign *[]string) ([]string, error) {
		sub, err := read(rel, foreign)
		for _, d := range sub {
			if err != nil {
				break
			}
			_, err = walk(d, foreign)
		}
		return nil, err
	}
	return read, walk
}

// pathErrText says in Indonesian what err means for a path, or gives the system's own
// words for a rare error.
func pathErrText(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "izin ditolak"
	case errors.Is(err, syscall.ENOTDIR):
		return "sebagian jalurnya adalah berkas, bukan folder"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
