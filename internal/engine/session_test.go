package engine

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/standard"
)

// countingFS records which files a session opens, to tell an incremental update from a
// full reload.
type countingFS struct {
	fsys fs.FS
	mu   sync.Mutex
	read map[string]bool
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.read[name] = true
	c.mu.Unlock()
	return c.fsys.Open(name)
}

func (c *countingFS) ReadLink(name string) (string, error)   { return fs.ReadLink(c.fsys, name) }
func (c *countingFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(c.fsys, name) }

// contentRead returns the files under content/ read since the last call.
func (c *countingFS) contentRead() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var files []string
	for f := range c.read {
		if strings.HasPrefix(f, "content/") && strings.Contains(f, ".") {
			files = append(files, f)
		}
	}
	slices.Sort(files)
	c.read = map[string]bool{}
	return files
}

// renderSession renders every output of sess into memory.
func renderSession(t *testing.T, sess *Session) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, o := range sess.Outputs() {
		var b bytes.Buffer
		if err := sess.Render(o, &b); err != nil {
			t.Fatalf("%s: %v", o.Path, err)
		}
		files[o.Path] = b.String()
	}
	return files
}

// TestSessionIncremental edits, adds, breaks, fixes and removes service files one save at
// a time, and after every save compares what the session renders with a fresh full load
// of the same files: an incremental update must give the very same site.
func TestSessionIncremental(t *testing.T) {
	dir := copySite(t)
	svc := filepath.Join(dir, "content", "dinas", "layanan-uji.toml")
	orig, err := os.ReadFile(svc)
	if err != nil {
		t.Fatal(err)
	}
	renamed := func(name string) string {
		return strings.Replace(string(orig), `nama = "Layanan Uji"`, `nama = "`+name+`"`, 1)
	}
	write := func(rel, text string) func() {
		return func() { writeFile(t, filepath.Join(dir, filepath.FromSlash(rel)), text) }
	}
	remove := func(rel string) func() {
		return func() {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
				t.Fatal(err)
			}
		}
	}

	steps := []struct {
		name    string
		do      func()
		changed []string
		wantErr string   // a problem the update must report, "" for success
		read    []string // the content files the update may read; nil for a full reload
		page    string   // an output that must exist afterwards (or be gone, with "-")
	}{
		{"edit a service", write("content/dinas/layanan-uji.toml", renamed("Layanan Uji Baru")),
			[]string{"content/dinas/layanan-uji.toml"}, "",
			[]string{"content/dinas/layanan-uji.toml"}, "dinas/layanan-uji/index.html"},
		{"edit what the search index does not hold", write("content/dinas/layanan-uji.toml",
			strings.Replace(renamed("Layanan Uji Baru"), `ringkasan = "`, `ringkasan = "Diubah: `, 1)),
			[]string{"content/dinas/layanan-uji.toml"}, "",
			[]string{"content/dinas/layanan-uji.toml"}, "dinas/layanan-uji/index.html"},
		{"add a service", write("content/dinas/layanan-dua.toml", renamed("Layanan Dua")),
			[]string{"content/dinas/layanan-dua.toml"}, "",
			[]string{"content/dinas/layanan-dua.toml"}, "dinas/layanan-dua/cetak/index.html"},
		{"break it", write("content/dinas/layanan-dua.toml", "nama = \"Layanan Dua\nkategori = 1\n"),
			[]string{"content/dinas/layanan-dua.toml"}, "content/dinas/layanan-dua.toml:1:",
			[]string{"content/dinas/layanan-dua.toml"}, "dinas/layanan-dua/index.html"},
		{"save another file while it is broken", write("content/dinas/layanan-uji.toml", renamed("Layanan Uji Lagi")),
			[]string{"content/dinas/layanan-uji.toml"}, "content/dinas/layanan-dua.toml:1:",
			[]string{"content/dinas/layanan-dua.toml", "content/dinas/layanan-uji.toml"}, "dinas/layanan-dua/index.html"},
		{"fix it", write("content/dinas/layanan-dua.toml", renamed("Layanan Dua Diperbaiki")),
			[]string{"content/dinas/layanan-dua.toml"}, "",
			[]string{"content/dinas/layanan-dua.toml", "content/dinas/layanan-uji.toml"}, "dinas/layanan-dua/index.html"},
		{"unknown key", write("content/dinas/layanan-uji.toml", renamed("Layanan Uji")+"\npersyaratn = 1\n"),
			[]string{"content/dinas/layanan-uji.toml"}, "persyaratn",
			[]string{"content/dinas/layanan-uji.toml"}, "dinas/layanan-uji/index.html"},
		{"fix the key", write("content/dinas/layanan-uji.toml", renamed("Layanan Uji")),
			[]string{"content/dinas/layanan-uji.toml"}, "",
			[]string{"content/dinas/layanan-uji.toml"}, "dinas/layanan-uji/index.html"},
		{"remove a service", remove("content/dinas/layanan-dua.toml"),
			[]string{"content/dinas/layanan-dua.toml"}, "", []string{}, "-dinas/layanan-dua/index.html"},
		{"save a draft", write("content/dinas/_konsep.toml", "nama = \"tidak dibaca\n"),
			[]string{"content/dinas/_konsep.toml"}, "", []string{}, "dinas/layanan-uji/index.html"},
		{"edit the OPD", write("content/dinas/_opd.toml", strings.Replace(readString(t, filepath.Join(dir, "content/dinas/_opd.toml")), `nama = "Dinas Uji"`, `nama = "Dinas Uji Ganti"`, 1)),
			[]string{"content/dinas/_opd.toml"}, "", nil, "dinas/index.html"},
		{"add an OPD folder", write("content/badan/_opd.toml", strings.Replace(readString(t, filepath.Join(dir, "content/dinas/_opd.toml")), `nama = "Dinas Uji"`, `nama = "Badan Baru"`, 1)),
			[]string{"content/badan", "content/badan/_opd.toml"}, "", nil, "badan/index.html"},
	}

	cfs := &countingFS{fsys: os.DirFS(dir), read: map[string]bool{}}
	sess := NewSession(cfs, "")
	if _, _, err := sess.Update(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	cfs.contentRead()
	last := renderSession(t, sess)
	for _, st := range steps {
		st.do()
		_, _, err := sess.Update(t.Context(), st.changed)
		read := cfs.contentRead()
		if st.read != nil && !slices.Equal(read, st.read) {
			t.Errorf("%s: read %q, want only %q", st.name, read, st.read)
		}
		if st.read == nil && len(read) < 3 {
			t.Errorf("%s: read %q, want a full reload", st.name, read)
		}
		got := renderSession(t, sess)
		if st.wantErr != "" {
			var ps standard.Problems
			if !errors.As(err, &ps) || !strings.Contains(err.Error(), st.wantErr) {
				t.Fatalf("%s: error %v, want problems with %q", st.name, err, st.wantErr)
			}
			if !mapsEqual(got, last) {
				t.Errorf("%s: a failed update changed the site", st.name)
			}
		} else {
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			fresh := NewSession(os.DirFS(dir), "")
			if _, _, err := fresh.Update(t.Context(), nil); err != nil {
				t.Fatal(err)
			}
			want := renderSession(t, fresh)
			for p := range want {
				if got[p] != want[p] {
					t.Errorf("%s: %s differs from a full build", st.name, p)
				}
			}
			for p := range got {
				if _, ok := want[p]; !ok {
					t.Errorf("%s: %s is not in a full build", st.name, p)
				}
			}
		}
		gone := strings.HasPrefix(st.page, "-")
		if _, ok := got[strings.TrimPrefix(st.page, "-")]; ok == gone {
			t.Errorf("%s: output %s present %v", st.name, st.page, ok)
		}
		last = got
	}
}

func readString(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestBuildKeepsOnlyListEntries checks that a build drops each service's full text once
// its pages are written, keeping what the lists read: memory then grows with the lists,
// not with every standard (issue: 200,000 services in bounded memory).
func TestBuildKeepsOnlyListEntries(t *testing.T) {
	written := map[string]bool{}
	var mu sync.Mutex
	res, err := Run(t.Context(), os.DirFS(fixture), Options{Write: func(o render.Output) error {
		mu.Lock()
		defer mu.Unlock()
		written[o.Path] = true
		return o.Write(io.Discard)
	}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, o := range res.Site.OPDs {
		for _, s := range o.Services {
			n++
			if s.Procedure != nil || s.Fees != nil || s.Products != nil || s.Durations != nil || s.Facilities != "" {
				t.Errorf("%s: the build kept the full service", s.File)
			}
			names := slices.Collect(s.RequirementNames())
			if s.Name == "" || s.OPD != o || s.Requirements != nil || len(names) == 0 || names[0] == "" {
				t.Errorf("%s: list entry %+v lacks what lists read, or holds more", s.File, s)
			}
		}
	}
	if n == 0 {
		t.Fatal("no services")
	}
	if !written["dinas/layanan-uji/cetak/index.html"] {
		t.Errorf("service pages not written as the services streamed: %v", written)
	}
}

// fixture is the test site of package build, the one fixture the tests share.
const fixture = "../build/testdata/site"

// copySite copies the fixture into a fresh folder so a test can change it.
func copySite(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
