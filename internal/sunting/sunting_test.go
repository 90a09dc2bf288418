package sunting

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/standard"
	"golang.org/x/net/html"
)

// formValues submits a rendered form as a browser would, pressing the button value
// (name "aksi"): every named input, selected option and textarea, in document order.
func formValues(t *testing.T, page, button string) url.Values {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var form *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "form" && attr(n, "id") == "formulir" {
			form = n
		}
		for c := n.FirstChild; c != nil && form == nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if form == nil {
		t.Fatalf("no form in page:\n%s", page)
	}
	v := url.Values{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			name := attr(n, "name")
			switch n.Data {
			case "input":
				if name != "" {
					v.Add(name, attr(n, "value"))
				}
			case "textarea":
				var b strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					b.WriteString(c.Data)
				}
				// A browser submits a textarea's line breaks as CRLF.
				v.Add(name, strings.ReplaceAll(b.String(), "\n", "\r\n"))
				return
			case "select":
				chosen := ""
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "option" && hasAttr(c, "selected") {
						chosen = attr(c, "value")
					}
				}
				v.Add(name, chosen)
				return
			case "button":
				if name == "aksi" && attr(n, "value") == button && !v.Has("aksi") {
					v.Add(name, button)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(form)
	if !v.Has("aksi") {
		t.Fatalf("no button %q in the form", button)
	}
	return v
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// editor serves the editor of a copy of the site in src.
type editor struct {
	t    *testing.T
	dir  string
	h    *Handler
	srv  *httptest.Server
	host string
}

func newEditor(t *testing.T, src string) *editor {
	t.Helper()
	dir := t.TempDir()
	// The site's own files only: the repository root also holds .git and node_modules,
	// whose copy took seconds a test.
	for _, p := range []string{"site.toml", "content", "layouts", "static"} {
		from := filepath.Join(src, p)
		info, err := os.Stat(from)
		switch {
		case os.IsNotExist(err):
			continue
		case err != nil:
			t.Fatal(err)
		case info.IsDir():
			err = os.CopyFS(filepath.Join(dir, p), os.DirFS(from))
		default:
			var b []byte
			if b, err = os.ReadFile(from); err == nil {
				err = os.WriteFile(filepath.Join(dir, p), b, 0o644)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	// As papan serve does: the preview's session, so a service is checked alone.
	sess := engine.NewSession(os.DirFS(dir), "/")
	if _, _, err := sess.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	h := New(dir, sess)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &editor{t: t, dir: dir, h: h, srv: srv, host: strings.TrimPrefix(srv.URL, "http://")}
}

func (e *editor) get(file string) (int, string) {
	e.t.Helper()
	res, err := http.Get(e.srv.URL + Prefix + file)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b := new(strings.Builder)
	if _, err := bytesCopy(b, res); err != nil {
		e.t.Fatal(err)
	}
	return res.StatusCode, b.String()
}

func bytesCopy(b *strings.Builder, res *http.Response) (int64, error) {
	buf := make([]byte, 32<<10)
	var n int64
	for {
		k, err := res.Body.Read(buf)
		b.Write(buf[:k])
		n += int64(k)
		if err != nil {
			if err.Error() == "EOF" {
				return n, nil
			}
			return n, err
		}
	}
}

// post posts v to file's form with a browser's Origin; it does not follow redirects.
func (e *editor) post(file string, v url.Values, origin string) (int, string, string) {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+Prefix+file, strings.NewReader(v.Encode()))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b := new(strings.Builder)
	bytesCopy(b, res)
	return res.StatusCode, b.String(), res.Header.Get("Location")
}

func (e *editor) read(file string) string {
	e.t.Helper()
	b, err := os.ReadFile(filepath.Join(e.dir, filepath.FromSlash(file)))
	if err != nil {
		e.t.Fatal(err)
	}
	return string(b)
}

// normalize makes decoded TOML comparable: lists of tables and arrays of inline
// tables alike.
func normalize(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range v {
			out[k] = normalize(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = normalize(e)
		}
		return out
	}
	return v
}

func decodeData(t *testing.T, file, text string) (map[string]any, string) {
	t.Helper()
	d, err := decodeDoc(file, []byte(text))
	if err != nil {
		t.Fatalf("%s: %v\n%s", file, err, text)
	}
	return normalize(d.tree).(map[string]any), strings.TrimSpace(d.body)
}

// contentFiles lists the editable files of the site in dir.
func contentFiles(t *testing.T, dir string) []string {
	var files []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && fileKind(p) != "" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestRoundTrip opens every file of the example site and of the corpus in the form,
// presses "Simpan" without changing anything, and wants the same data back (every
// construct of the model and the keys the schema does not know) and the same findings
// from papan check.
func TestRoundTrip(t *testing.T) {
	for _, src := range []string{"../..", "../corpus/testdata/site"} {
		e := newEditor(t, src)
		before, _, err := engine.Check(context.Background(), os.DirFS(e.dir), time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		files := contentFiles(t, e.dir)
		if len(files) < 10 {
			t.Fatalf("%s: only %d files", src, len(files))
		}
		for _, file := range files {
			orig := e.read(file)
			code, page := e.get(file)
			if code != http.StatusOK {
				t.Fatalf("%s: GET %d\n%s", file, code, page)
			}
			v := formValues(t, page, "simpan")
			code, page, _ = e.post(file, v, e.srv.URL)
			if code != http.StatusSeeOther {
				t.Errorf("%s: save answered %d, want 303:\n%s", file, code, page)
				continue
			}
			got := e.read(file)
			wantData, wantBody := decodeData(t, file, orig)
			gotData, gotBody := decodeData(t, file, got)
			if !reflect.DeepEqual(gotData, wantData) {
				t.Errorf("%s: data changed through the form\nwas:\n%s\nnow:\n%s", file, orig, got)
			}
			if gotBody != wantBody {
				t.Errorf("%s: body changed through the form:\n%q\n%q", file, wantBody, gotBody)
			}
			// Saving what the form wrote changes nothing more.
			_, page = e.get(file)
			e.post(file, formValues(t, page, "simpan"), e.srv.URL)
			if again := e.read(file); again != got {
				t.Errorf("%s: a second save changed the file again:\n%s\n---\n%s", file, got, again)
			}
		}
		after, _, err := engine.Check(context.Background(), os.DirFS(e.dir), time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if a, b := messages(after), messages(before); a != b {
			t.Errorf("%s: papan check findings changed through the form:\nbefore:\n%s\nafter:\n%s", src, b, a)
		}
	}
}

// TestOneServiceFindingsAreCheck's: what the form says of a service file, checked alone
// against the preview's session, is what papan check on the whole site says of it, for
// every service of the example site and the corpus as they are and with a mistake of
// the loader's and one of the rulebook's.
func TestOneServiceFindingsAreCheck(t *testing.T) {
	edits := []struct{ name, old, new string }{
		{"as it is", "", ""},
		{"a word for a number", "jumlah = 1", `jumlah = "dua"`},
		{"no name", "\nnama = ", "\nnama_ = "},
	}
	for _, src := range []string{"../..", "../corpus/testdata/site"} {
		e := newEditor(t, src)
		n := 0
		for _, file := range contentFiles(t, e.dir) {
			if fileKind(file) != kindService {
				continue
			}
			if _, ok := e.h.sess.CheckService(os.DirFS(e.dir), file); !ok {
				t.Fatalf("%s: the session does not check it alone", file)
			}
			orig := e.read(file)
			for _, ed := range edits {
				data := orig
				if ed.old != "" {
					if !strings.Contains(data, ed.old) {
						continue
					}
					data = strings.Replace(data, ed.old, ed.new, 1)
				}
				alone, refusedAlone, err := findings(context.Background(), e.h.sess, e.dir, file, []byte(data))
				if err != nil {
					t.Fatal(err)
				}
				whole, refusedWhole, err := findings(context.Background(), nil, e.dir, file, []byte(data))
				if err != nil {
					t.Fatal(err)
				}
				if a, w := located(alone), located(whole); a != w || refusedAlone != refusedWhole {
					t.Errorf("%s, %s: alone (refused %v):\n%s\nwhole site (refused %v):\n%s", file, ed.name, refusedAlone, a, refusedWhole, w)
				}
				n++
			}
		}
		if n < 20 {
			t.Errorf("%s: only %d cases", src, n)
		}
	}
}

// located is every field of the findings, lines included, in their order.
func located(ps standard.Problems) string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s:%d:%d %s | %s | %s | %s | %s", p.File, p.Line, p.Col, p.Path, p.Severity, p.Rule, p.Message, p.Hint))
	}
	return strings.Join(out, "\n")
}

// messages are the findings without their lines, which a rewritten file moves, sorted.
func messages(ps standard.Problems) string {
	var out []string
	for _, p := range ps {
		out = append(out, strings.Join([]string{p.File, p.Path, p.Severity.String(), p.Rule, p.Message, p.Hint}, " | "))
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

const ktp = "content/dukcapil/ktp-el.toml"

func TestSaveChangesAndBacksUp(t *testing.T) {
	e := newEditor(t, "../..")
	orig := e.read(ktp)
	_, page := e.get(ktp)
	v := formValues(t, page, "simpan")
	v.Set("v.persyaratan[0].nama", "KTP-el asli yang rusak")
	code, body, loc := e.post(ktp, v, e.srv.URL)
	if code != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", code, body)
	}
	if got := e.read(ktp); !strings.Contains(got, `nama = "KTP-el asli yang rusak"`) {
		t.Errorf("the file does not have the change:\n%s", got)
	}
	backups := e.h.store.backups(ktp)
	if len(backups) != 1 || !strings.Contains(loc, backups[0]) {
		t.Fatalf("backups %v, redirect %q", backups, loc)
	}
	if b, _ := e.h.store.backup(ktp, backups[0]); string(b) != orig {
		t.Errorf("the backup is not the previous version")
	}
	leftovers, _ := filepath.Glob(filepath.Join(e.dir, "content/dukcapil/.papan-*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	// Restore puts the previous version back, keeping the current one in turn.
	_, page = e.get(ktp)
	_, sum, _ := e.h.store.read(ktp)
	r := url.Values{"token": {e.h.token}, "hash": {sum}, "aksi": {"pulihkan:" + backups[0]}}
	if code, body, _ := e.post(ktp, r, e.srv.URL); code != http.StatusSeeOther {
		t.Fatalf("restore: %d\n%s", code, body)
	}
	if e.read(ktp) != orig {
		t.Errorf("restore did not bring back the previous version")
	}
	if n := len(e.h.store.backups(ktp)); n != 2 {
		t.Errorf("%d backups after a restore, want 2", n)
	}
}

func TestWrongValueIsNotWritten(t *testing.T) {
	e := newEditor(t, "../..")
	orig := e.read(ktp)
	_, page := e.get(ktp)
	v := formValues(t, page, "simpan")
	v.Set("v.persyaratan[0].jumlah", "dua")
	code, body, _ := e.post(ktp, v, e.srv.URL)
	if code != http.StatusUnprocessableEntity {
		t.Fatalf("save of a wrong value: %d, want 422", code)
	}
	if e.read(ktp) != orig {
		t.Error("a refused save wrote the file")
	}
	for _, want := range []string{
		`Belum disimpan: ada masalah`,
		`href="#f-persyaratan-0-jumlah"`,
		`id="f-persyaratan-0-jumlah-pesan"`,
		`value="dua"`, // the input is kept
		// The message names the field as the form does, not as the file does.
		`«Jumlah rangkap» pada Persyaratan ke-1 harus berupa angka bulat, bukan teks`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the answer lacks %s", want)
		}
	}
	if strings.Contains(body, "[[persyaratan]]") {
		t.Error("the answer speaks of [[persyaratan]], the file's words, not the form's")
	}
}

func TestConflictKeepsBoth(t *testing.T) {
	e := newEditor(t, "../..")
	_, page := e.get(ktp)
	v := formValues(t, page, "simpan")
	v.Set("v.nama", "Nama dari formulir")
	disk := strings.Replace(e.read(ktp), "nama = ", "# diubah di penyunting teks\nnama = ", 1)
	if err := os.WriteFile(filepath.Join(e.dir, ktp), []byte(disk), 0o644); err != nil {
		t.Fatal(err)
	}
	code, body, _ := e.post(ktp, v, e.srv.URL)
	if code != http.StatusConflict {
		t.Fatalf("save after a change on disk: %d, want 409", code)
	}
	if e.read(ktp) != disk {
		t.Error("the conflicting save replaced the file")
	}
	for _, want := range []string{"Berkas diubah di tempat lain", "# diubah di penyunting teks", `nama = &#34;Nama dari formulir&#34;`, `value="Nama dari formulir"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the conflict page lacks %s", want)
		}
	}
	// Saving again, knowingly, replaces the disk's version and keeps it as a backup.
	v = formValues(t, body, "simpan")
	if code, _, _ := e.post(ktp, v, e.srv.URL); code != http.StatusSeeOther {
		t.Fatalf("second save: %d", code)
	}
	b := e.h.store.backups(ktp)
	if kept, _ := e.h.store.backup(ktp, b[0]); string(kept) != disk {
		t.Error("the disk's version is not in the backup")
	}
}

func TestListActions(t *testing.T) {
	e := newEditor(t, "../..")
	_, page := e.get(ktp)
	before, _ := decodeData(t, ktp, e.read(ktp))
	steps := len(before["prosedur"].([]any))
	// Add a step, fill it, move it up, save.
	code, page, _ := e.post(ktp, formValues(t, page, "tambah:prosedur"), e.srv.URL)
	if code != http.StatusOK {
		t.Fatal(code)
	}
	last := steps
	if !strings.Contains(page, `name="v.prosedur[`+itoa(last)+`].uraian" value="" aria-describedby="f-prosedur-`+itoa(last)+`-uraian-bantuan" autofocus>`) {
		t.Errorf("the new step's first field is not focused")
	}
	v := formValues(t, page, "naik:prosedur["+itoa(last)+"]")
	v.Set("v.prosedur["+itoa(last)+"].uraian", "Langkah baru")
	v.Set("v.prosedur["+itoa(last)+"].pelaksana", "Petugas")
	_, page, _ = e.post(ktp, v, e.srv.URL)
	v = formValues(t, page, "simpan")
	if code, body, _ := e.post(ktp, v, e.srv.URL); code != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", code, body)
	}
	after, _ := decodeData(t, ktp, e.read(ktp))
	list := after["prosedur"].([]any)
	if len(list) != steps+1 || list[last-1].(map[string]any)["uraian"] != "Langkah baru" {
		t.Errorf("steps after add and move: %v", list)
	}
	// Remove it again.
	_, page = e.get(ktp)
	_, page, _ = e.post(ktp, formValues(t, page, "hapus:prosedur["+itoa(last-1)+"]"), e.srv.URL)
	e.post(ktp, formValues(t, page, "simpan"), e.srv.URL)
	after, _ = decodeData(t, ktp, e.read(ktp))
	if !reflect.DeepEqual(after["prosedur"], before["prosedur"]) {
		t.Errorf("removing the added step did not give the steps back")
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestRequestsFromElsewhereAreRefused(t *testing.T) {
	e := newEditor(t, "../..")
	orig := e.read(ktp)
	_, page := e.get(ktp)
	good := formValues(t, page, "simpan")
	good.Set("v.nama", "Diubah")
	noToken := url.Values{}
	for k, vs := range good {
		noToken[k] = vs
	}
	noToken.Set("token", "x")
	for _, tc := range []struct {
		name   string
		v      url.Values
		origin string
	}{
		{"another site's origin", good, "http://evil.example"},
		{"no origin or referer", good, ""},
		{"a wrong token", noToken, e.srv.URL},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, _ := e.post(ktp, tc.v, tc.origin)
			if code != http.StatusForbidden {
				t.Errorf("got %d, want 403", code)
			}
			if e.read(ktp) != orig {
				t.Error("the file was written")
			}
		})
	}
	t.Run("a host name that is not loopback", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, e.srv.URL+Prefix+ktp, nil)
		req.Host = "rebind.example:80"
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("got %d, want 403", res.StatusCode)
		}
	})
}

func TestPathsAreConfined(t *testing.T) {
	e := newEditor(t, "../..")
	os.WriteFile(filepath.Join(e.dir, "rahasia.toml"), []byte("a = 1\n"), 0o644)
	os.Symlink(filepath.Join(e.dir, "content/dukcapil"), filepath.Join(e.dir, "content/tautan"))
	os.Symlink(filepath.Join(e.dir, "rahasia.toml"), filepath.Join(e.dir, "content/dukcapil/tautan.toml"))
	for _, p := range []string{
		"../rahasia.toml",
		"content/../rahasia.toml",
		"content/dukcapil/../../rahasia.toml",
		"%2e%2e/rahasia.toml",
		"content/%2e%2e/rahasia.toml",
		"content%2f..%2frahasia.toml",
		"/etc/passwd",
		"rahasia.toml",
		"layouts/base.html",
		"content/dukcapil/.hidden.toml",
		"content/tautan/ktp-el.toml",
		"content/dukcapil/tautan.toml",
		"content/halaman/tentang.toml",
		".papan-cadangan/x/site.toml",
	} {
		t.Run(p, func(t *testing.T) {
			res, err := http.Get(e.srv.URL + Prefix + p)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				t.Errorf("GET %s: 200", p)
			}
			if _, err := e.h.store.confined(strings.ReplaceAll(p, "%2e", ".")); err == nil {
				t.Errorf("confined(%s) accepted it", p)
			}
		})
	}
}

func TestNewServiceAndOPD(t *testing.T) {
	e := newEditor(t, "../..")
	code, _, loc := e.post("baru", url.Values{"token": {e.h.token}, "jenis": {"opd"}, "slug": {"dinas-baru"}}, e.srv.URL)
	if code != http.StatusSeeOther || loc != Prefix+"content/dinas-baru/_opd.toml" {
		t.Fatalf("new OPD: %d %s", code, loc)
	}
	code, _, loc = e.post("baru", url.Values{"token": {e.h.token}, "jenis": {"layanan"}, "opd": {"dinas-baru"}, "slug": {"izin-baru"}}, e.srv.URL)
	if code != http.StatusSeeOther || loc != Prefix+"content/dinas-baru/izin-baru.toml" {
		t.Fatalf("new service: %d %s", code, loc)
	}
	code, body, _ := e.post("baru", url.Values{"token": {e.h.token}, "jenis": {"layanan"}, "opd": {"dinas-baru"}, "slug": {"Izin Baru"}}, e.srv.URL)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "izin-baru") {
		t.Errorf("a bad slug: %d", code)
	}
	if code, page := e.get("content/dinas-baru/izin-baru.toml"); code != http.StatusOK || !strings.Contains(page, "baris komentar") {
		t.Errorf("the new service's form: %d", code)
	}
}

func TestEditLink(t *testing.T) {
	for _, tc := range []struct{ out, kind, want string }{
		{"index.html", "home", "/_sunting/site.toml"},
		{"dukcapil/index.html", "opd", "/_sunting/content/dukcapil/_opd.toml"},
		{"dukcapil/ktp-el/index.html", "service", "/_sunting/content/dukcapil/ktp-el.toml"},
		{"tentang/index.html", "page", "/_sunting/content/halaman/tentang.md"},
		{"kategori/x/index.html", "kategori", ""},
		{"dukcapil/ktp-el/cetak/index.html", "poster", ""},
	} {
		if got := EditLink(tc.out, tc.kind); got != tc.want {
			t.Errorf("EditLink(%q, %q) = %q, want %q", tc.out, tc.kind, got, tc.want)
		}
	}
}

func TestWriterOutput(t *testing.T) {
	tree := map[string]any{}
	src := "nama = \"A \\\"B\\\"\"\nvisi = \"\"\"\nbaris \"satu\"\nbaris\\\\dua\"\"\"\n[sk]\nnomor = \"1\"\n[[biaya]]\nuraian = \"x\"\ntarif = 5\n"
	if _, err := toml.Decode(src, &tree); err != nil {
		t.Fatal(err)
	}
	d := &doc{file: ktp, kind: kindService, tree: tree}
	got := string(d.encode(schemaOf(kindService)))
	want := "nama = \"A \\\"B\\\"\"\n\nvisi = \"\"\"\nbaris \"satu\"\nbaris\\\\dua\"\"\"\n\n\n[sk]\nnomor = \"1\"\n\n[[biaya]]\nuraian = \"x\"\ntarif = 5\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
