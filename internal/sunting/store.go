package sunting

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/papan-id/papan/internal/atomicfile"
	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/standard"
)

// BackupDir is where the previous version of every file saved from the form is kept,
// one folder per save: .papan-cadangan/sunting-20260102-150405.000/content/x/y.toml.
// The same folder papan impor --timpa uses; Papan reads nothing from it but this form.
const BackupDir = ".papan-cadangan"

// The files the form may read and write: site.toml, an OPD's _opd.toml, a service
// file, a page. Every segment is a slug, so "..", "%2e", absolute paths and dot-files
// cannot match.
var (
	serviceRE = regexp.MustCompile(`^content/([a-z0-9]+(?:-[a-z0-9]+)*)/([a-z0-9]+(?:-[a-z0-9]+)*|_opd)\.toml$`)
	pageRE    = regexp.MustCompile(`^content/` + content.PagesDir + `/[a-z0-9]+(?:-[a-z0-9]+)*\.md$`)
)

// Kinds of file, as package skema names them.
const (
	kindSite    = "situs"
	kindOPD     = "opd"
	kindService = "layanan"
	kindPage    = "halaman"
)

// fileKind returns the kind of an editable file, or "" when the form may not touch it.
func fileKind(file string) string {
	switch {
	case file == "site.toml":
		return kindSite
	case pageRE.MatchString(file):
		return kindPage
	case serviceRE.MatchString(file):
		m := serviceRE.FindStringSubmatch(file)
		if m[1] == content.PagesDir {
			return ""
		}
		if m[2] == "_opd" {
			return kindOPD
		}
		return kindService
	}
	return ""
}

// errPath is returned for a path the form may not read or write.
var errPath = errors.New("berkas ini tidak dapat disunting lewat formulir")

// store reads and writes the editable files of one site folder.
type store struct {
	root string
	now  func() time.Time
}

// confined checks that file is an editable file under the site whose every folder on
// the way is a real folder, not a symbolic link, and returns its path on disk. The file
// itself may not exist yet.
func (s *store) confined(file string) (string, error) {
	if fileKind(file) == "" || !fs.ValidPath(file) {
		return "", errPath
	}
	p := s.root
	parts := strings.Split(file, "/")
	for i, part := range parts {
		p = filepath.Join(p, part)
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) && i == len(parts)-1 {
			break
		}
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return "", fmt.Errorf("%s adalah tautan simbolik: %w", path.Join(parts[:i+1]...), errPath)
		}
		if last := i == len(parts)-1; last && !fi.Mode().IsRegular() || !last && !fi.IsDir() {
			return "", errPath
		}
	}
	return p, nil
}

// read returns the bytes of file and their hash.
func (s *store) read(file string) ([]byte, string, error) {
	p, err := s.confined(file)
	if err != nil {
		return nil, "", err
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, "", err
	}
	return b, hash(b), nil
}

func hash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// errConflict is returned by write when the file changed since the form read it.
var errConflict = errors.New("berkas telah diubah di luar formulir sejak formulir dibuka")

// write replaces file with data when the file still has the hash wantHash (what the
// form was opened from): first the current version is copied into a new backup folder,
// then data goes to a temporary file in the same folder, is synced, and renamed over the
// file. A reader sees the old file or the new one, never half of one. It returns the
// backup folder.
func (s *store) write(file string, data []byte, wantHash string) (string, error) {
	p, err := s.confined(file)
	if err != nil {
		return "", err
	}
	old, err := os.ReadFile(p)
	if err != nil {
		return "", err
	}
	if hash(old) != wantHash {
		return "", errConflict
	}
	backup := BackupDir + "/sunting-" + s.now().Format("20060102-150405.000000")
	b := filepath.Join(s.root, filepath.FromSlash(backup), filepath.FromSlash(file))
	if err := os.MkdirAll(filepath.Dir(b), 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(b, old, 0o644); err != nil {
		return "", fmt.Errorf("tidak dapat menyimpan cadangan %s: %w", file, err)
	}
	return backup, atomicfile.Write(p, data)
}

// backups lists the backup folders that hold a version of file, newest first.
func (s *store) backups(file string) []string {
	entries, err := os.ReadDir(filepath.Join(s.root, BackupDir))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() || !backupRE.MatchString(e.Name()) {
			continue
		}
		fi, err := os.Lstat(filepath.Join(s.root, BackupDir, e.Name(), filepath.FromSlash(file)))
		if err == nil && fi.Mode().IsRegular() {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

var backupRE = regexp.MustCompile(`^(sunting|impor)-[0-9]{8}-[0-9]{6}(\.[0-9]+)?$`)

// backup reads the version of file kept in the backup folder name.
func (s *store) backup(file, name string) ([]byte, error) {
	if !backupRE.MatchString(name) || fileKind(file) == "" {
		return nil, errPath
	}
	p := filepath.Join(s.root, BackupDir, name, filepath.FromSlash(file))
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errPath
	}
	return os.ReadFile(p)
}

// backupTime is the time of a backup folder for a person: "29-11-2026 21.30.05".
func backupTime(name string) string {
	_, stamp, _ := strings.Cut(name, "-")
	t, err := time.Parse("20060102-150405", stamp[:min(len(stamp), 15)])
	if err != nil {
		return name
	}
	return t.Format("02-01-2006 15.04.05")
}

// overlay is the site on disk with one file's bytes replaced, for checking a version
// of it that is not saved.
type overlay struct {
	fs.FS
	file string
	data []byte
}

func (o overlay) Open(name string) (fs.File, error) {
	if name == o.file {
		return fstest.MapFS{name: {Data: o.data, Mode: 0o644}}.Open(name)
	}
	return o.FS.Open(name)
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if name == o.file {
		return bytes.Clone(o.data), nil
	}
	return fs.ReadFile(o.FS, name)
}

func (o overlay) Stat(name string) (fs.FileInfo, error) {
	if name == o.file {
		return fstest.MapFS{name: {Data: o.data, Mode: 0o644}}.Stat(name)
	}
	return fs.Stat(o.FS, name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(o.FS, name) }

func (o overlay) Lstat(name string) (fs.FileInfo, error) {
	if name == o.file {
		return o.Stat(name)
	}
	return fs.Lstat(o.FS, name)
}

func (o overlay) ReadLink(name string) (string, error) { return fs.ReadLink(o.FS, name) }

// findings checks file with data in place of its bytes, as papan check does, and returns
// the problems of that file and whether the loader refused it (a galat that is not a
// rule's: the file cannot be saved). A service file goes through the engine's step alone
// against the site sess last loaded, which costs what one service costs; anything else
// (site.toml, an _opd.toml, a page, or a service before the preview has a good load) runs
// papan check on the whole site.
func findings(ctx context.Context, sess *engine.Session, root, file string, data []byte) (standard.Problems, bool, error) {
	src := overlay{FS: os.DirFS(root), file: file, data: data}
	ps, ok := standard.Problems(nil), false
	if sess != nil {
		ps, ok = sess.CheckService(src, file)
	}
	if !ok {
		var err error
		if ps, _, err = engine.Check(ctx, src, time.Time{}); err != nil {
			return nil, false, err
		}
	}
	var mine standard.Problems
	refused := false
	for _, p := range ps {
		if p.File != file {
			continue
		}
		mine = append(mine, p)
		if p.Severity == standard.Error && p.Rule == "" {
			refused = true
		}
	}
	return mine, refused, nil
}

// comments lists the comment lines of a TOML text: what saving from the form drops.
func comments(src []byte) []string {
	var out []string
	in := "" // the delimiter of the multi-line string the line is in
	for _, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		if in == "" && strings.HasPrefix(t, "#") {
			out = append(out, t)
			continue
		}
		for _, d := range []string{`"""`, "'''"} {
			if (in == "" || in == d) && strings.Count(strings.ReplaceAll(t, `\\`, ""), d)%2 == 1 {
				if in == "" {
					in = d
				} else {
					in = ""
				}
			}
		}
	}
	return out
}

// keyOrder returns, for each table of a TOML text (a path without indexes), its keys in
// the order the text gives them.
func keyOrder(md toml.MetaData) map[string][]string {
	out := map[string][]string{}
	for _, k := range md.Keys() {
		parent := strings.Join(k[:len(k)-1], ".")
		name := k[len(k)-1]
		if !slices.Contains(out[parent], name) {
			out[parent] = append(out[parent], name)
		}
	}
	return out
}
