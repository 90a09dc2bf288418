package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/papan-id/papan/internal/build"
)

// fixture is the test site of package build, the one fixture the tests share.
const fixture = "../build/testdata/site"

// testSite reads the fixture into a MapFS that a test may change.
func testSite(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(fixture), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(fixture, p))
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// copySite writes the fixture into a new temporary folder.
func copySite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	return dir
}

const servicePath = "content/dinas/layanan-uji.toml"

func newTestServer(t *testing.T, site fstest.MapFS) (*Server, *httptest.Server) {
	t.Helper()
	s := NewServer(site, io.Discard)
	s.Rebuild(t.Context(), nil)
	hs := httptest.NewServer(s)
	t.Cleanup(func() { s.Close(); hs.Close() })
	return s, hs
}

// get requests the raw path p, as a browser or an attacker would send it, uncleaned.
func get(t *testing.T, hs *httptest.Server, p string) (int, http.Header, string) {
	t.Helper()
	conn, err := net.Dial("tcp", hs.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET "+p+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

func TestServePaths(t *testing.T) {
	_, hs := newTestServer(t, testSite(t))
	tests := []struct {
		name, path string
		status     int
		contains   string
	}{
		{"the home page", "/", 200, `<a class="brand" href="/">Standar Pelayanan Kota Uji</a>`},
		{"a service by its clean URL", "/dinas/layanan-uji/", 200, "<h1>Layanan Uji</h1>"},
		{"links are rooted at / whatever base_url says", "/dinas/layanan-uji/", 200, `href="/dinas/"`},
		{"an index file by name", "/dinas/index.html", 200, "<h1>Dinas Uji"},
		{"an unknown page", "/tidak-ada/", 404, "Halaman tidak ditemukan"},
		{"a folder has no listing", "/dinas/layanan-uji/../", 200, "<h1>Dinas Uji"},
		{"a dot-dot path stays in the site", "/../../../../etc/passwd", 404, "Halaman tidak ditemukan"},
		{"an encoded dot-dot path stays in the site", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 404, "Halaman tidak ditemukan"},
		{"an encoded slash and dot-dot stay in the site", "/..%2f..%2f..%2fetc%2fpasswd", 404, "Halaman tidak ditemukan"},
		{"an absolute file path is only a page name", "//etc/passwd", 404, "Halaman tidak ditemukan"},
		{"a Windows path is only a page name", `/C:\Windows\win.ini`, 404, "Halaman tidak ditemukan"},
		{"the source files are not served", "/content/dinas/layanan-uji.toml", 404, "Halaman tidak ditemukan"},
		{"site.toml is not served", "/site.toml", 404, "Halaman tidak ditemukan"},
		{"the sitemap", "/sitemap.xml", 200, "<loc>/dinas/</loc>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, body := get(t, hs, tt.path)
			if status != tt.status {
				t.Errorf("GET %s: status %d, want %d", tt.path, status, tt.status)
			}
			if !strings.Contains(body, tt.contains) {
				t.Errorf("GET %s: body does not contain %q", tt.path, tt.contains)
			}
			if strings.Contains(body, "root:") {
				t.Errorf("GET %s: served a system file", tt.path)
			}
		})
	}

	t.Run("a folder without its slash is redirected", func(t *testing.T) {
		status, h, _ := get(t, hs, "/dinas/layanan-uji")
		if got, want := status, http.StatusFound; got != want {
			t.Errorf("status %d, want %d", got, want)
		}
		if got, want := h.Get("Location"), "/dinas/layanan-uji/"; got != want {
			t.Errorf("Location %q, want %q", got, want)
		}
	})

	t.Run("only GET and HEAD", func(t *testing.T) {
		resp, err := http.Post(hs.URL+"/", "text/plain", strings.NewReader("x"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got, want := resp.StatusCode, http.StatusMethodNotAllowed; got != want {
			t.Errorf("status %d, want %d", got, want)
		}
	})
}

func TestLiveSnippetOnlyInServedHTML(t *testing.T) {
	s, hs := newTestServer(t, testSite(t))
	_, h, body := get(t, hs, "/")
	if !strings.Contains(body, `<script id="papan-live"`) {
		t.Error("served home page has no live-reload script")
	}
	if got, want := h.Get("Content-Type"), "text/html; charset=utf-8"; got != want {
		t.Errorf("Content-Type %q, want %q", got, want)
	}
	if i, j := strings.Index(body, `id="papan-live"`), strings.LastIndex(body, "</body>"); i > j {
		t.Error("script is not inside the body")
	}
	if strings.Contains(body, `id="papan-overlay"`) {
		t.Error("overlay on a good build")
	}
	for p := range s.good.outs {
		b, err := s.good.file(p)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "papan-live") {
			t.Errorf("built file %s carries the live-reload script", p)
		}
	}
	_, h, css := get(t, hs, "/"+s.good.css)
	if strings.Contains(css, "papan-live") || !strings.HasPrefix(h.Get("Content-Type"), "text/css") {
		t.Errorf("stylesheet served as %q with the script", h.Get("Content-Type"))
	}
}

// events opens the event stream and returns the states it receives.
func events(t *testing.T, hs *httptest.Server) <-chan state {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	req, _ := http.NewRequestWithContext(ctx, "GET", hs.URL+EventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := resp.Header.Get("Content-Type"), "text/event-stream"; got != want {
		t.Fatalf("Content-Type %q, want %q", got, want)
	}
	ch := make(chan state, 16)
	done := make(chan struct{})
	t.Cleanup(func() { cancel(); resp.Body.Close(); <-done })
	go func() {
		defer close(done)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var st state
				if err := json.Unmarshal([]byte(data), &st); err != nil {
					t.Errorf("bad state %q: %v", data, err)
				}
				ch <- st
			}
		}
	}()
	return ch
}

func nextState(t *testing.T, ch <-chan state) state {
	t.Helper()
	select {
	case st := <-ch:
		return st
	case <-time.After(5 * time.Second):
		t.Fatal("no state within 5 s")
		return state{}
	}
}

func TestBrokenSaveKeepsLastGoodSite(t *testing.T) {
	site := testSite(t)
	good := string(site[servicePath].Data)
	s, hs := newTestServer(t, site)
	states := events(t, hs)
	first := nextState(t, states)
	if first.Version == "" || len(first.Errors) > 0 {
		t.Fatalf("first state %+v, want a version and no errors", first)
	}

	// A typo in a key and a broken string: both must be reported, by line.
	site[servicePath] = &fstest.MapFile{Data: []byte(strings.Replace(good, `ringkasan = "Layanan untuk menguji Papan."`, `ringkasn = "Layanan untuk menguji Papan baru."`, 1))}
	s.Rebuild(t.Context(), []string{servicePath})
	broken := nextState(t, states)
	if got, want := broken.Version, first.Version; got != want {
		t.Errorf("version after a broken save %q, want the last good %q", got, want)
	}
	want := servicePath + ":3:1: galat: "
	if len(broken.Errors) == 0 || !strings.HasPrefix(broken.Errors[0], want) {
		t.Fatalf("errors %q, want one starting %q", broken.Errors, want)
	}
	status, _, body := get(t, hs, "/dinas/layanan-uji/")
	if status != 200 || !strings.Contains(body, "Layanan untuk menguji Papan.") {
		t.Errorf("status %d; the last good page is not served", status)
	}
	if !strings.Contains(body, `<div id="papan-overlay" role="alert">`) || !strings.Contains(body, want) {
		t.Errorf("a page loaded while broken has no overlay naming %q", want)
	}

	site[servicePath] = &fstest.MapFile{Data: []byte(strings.Replace(good, "menguji Papan.", "menguji Papan lagi.", 1))}
	s.Rebuild(t.Context(), []string{servicePath})
	fixed := nextState(t, states)
	if fixed.Version == first.Version || len(fixed.Errors) > 0 || fixed.CSS != "" {
		t.Errorf("state after the fix %+v, want a new version, no errors, a reload", fixed)
	}
	_, _, body = get(t, hs, "/dinas/layanan-uji/")
	if strings.Contains(body, `<div id="papan-overlay"`) || !strings.Contains(body, "menguji Papan lagi.") {
		t.Error("after the fix: overlay still shown or new text missing")
	}
}

// TestBigSiteRendersOnRequest serves a site as if it were too big to render whole after
// every save: pages render when requested, and a save renders only what it changed.
func TestBigSiteRendersOnRequest(t *testing.T) {
	site := testSite(t)
	s := NewServer(site, io.Discard)
	s.eagerLimit = 0
	s.Rebuild(t.Context(), nil)
	hs := httptest.NewServer(s)
	t.Cleanup(func() { s.Close(); hs.Close() })

	rendered := func() []string {
		s.good.mu.Lock()
		defer s.good.mu.Unlock()
		var ps []string
		for p := range s.good.files {
			ps = append(ps, p)
		}
		slices.Sort(ps)
		return ps
	}
	if got := rendered(); len(got) >= len(s.good.outs) || !slices.Contains(got, "dinas/layanan-uji/index.html") {
		t.Errorf("after the first build rendered %q of %d files, want one page of each kind", got, len(s.good.outs))
	}
	if status, _, body := get(t, hs, "/tentang/"); status != 200 || !strings.Contains(body, "papan-live") {
		t.Errorf("page not rendered on request: status %d", status)
	}

	good := string(site[servicePath].Data)
	site[servicePath] = &fstest.MapFile{Data: []byte(strings.Replace(good, "menguji Papan.", "menguji Papan lagi.", 1))}
	s.Rebuild(t.Context(), []string{servicePath})
	want := []string{"dinas/index.html", "dinas/layanan-uji/cetak/index.html", "dinas/layanan-uji/index.html"}
	if got := rendered(); !slices.Equal(got, want) {
		t.Errorf("a save rendered %q, want %q", got, want)
	}
	if _, _, body := get(t, hs, "/dinas/layanan-uji/"); !strings.Contains(body, "menguji Papan lagi.") {
		t.Error("the saved text is not served")
	}
	if _, _, body := get(t, hs, "/"); !strings.Contains(body, "menguji Papan lagi.") {
		t.Error("the home page, rendered on request, does not show the saved summary")
	}
}

func TestTerminalShowsProblemsOncePerBuild(t *testing.T) {
	site := testSite(t)
	var log strings.Builder
	s := NewServer(site, &log)
	s.Rebuild(t.Context(), nil)
	site["site.toml"] = &fstest.MapFile{Data: append([]byte("judl = \"x\"\n"), site["site.toml"].Data...)}
	s.Rebuild(t.Context(), []string{"site.toml"})
	s.Rebuild(t.Context(), []string{"site.toml"})
	const want = "site.toml:1:1: galat: "
	if got := strings.Count(log.String(), want); got != 2 {
		t.Errorf("%q printed %d times in two builds, want 2:\n%s", want, got, log.String())
	}
	if !strings.Contains(log.String(), "versi terakhir yang benar tetap ditayangkan") {
		t.Errorf("log does not say the last good site is still served:\n%s", log.String())
	}
}

func TestTemplateErrorIsShown(t *testing.T) {
	site := testSite(t)
	s, hs := newTestServer(t, site)
	site["layouts/partials/footer.html"] = &fstest.MapFile{Data: []byte("<footer>\n{{.Nope</footer>\n")}
	s.Rebuild(t.Context(), []string{"layouts/partials/footer.html"})
	_, _, body := get(t, hs, "/")
	if !strings.Contains(body, "layouts/partials/footer.html:2:1: galat: templat tidak valid") {
		t.Errorf("overlay does not name the template and line:\n%s", body[strings.Index(body, "<style id=\"papan-live-style\""):])
	}
}

// TestRefusedURLIsShown: a template that writes a URL html/template refuses (its
// "#ZgotmplZ" mark, a dead link) fails the preview as it fails the build.
func TestRefusedURLIsShown(t *testing.T) {
	site := testSite(t)
	s, hs := newTestServer(t, site)
	site["layouts/partials/footer.html"] = &fstest.MapFile{Data: []byte(`<footer><a href="{{"javascript:alert(1)"}}">x</a></footer>` + "\n")}
	s.Rebuild(t.Context(), []string{"layouts/partials/footer.html"})
	_, _, body := get(t, hs, "/")
	if !strings.Contains(body, `berkas memuat \"ZgotmplZ\"`) && !strings.Contains(body, `berkas memuat &#34;ZgotmplZ&#34;`) {
		t.Errorf("overlay does not say the page holds a refused URL:\n%s", body[strings.Index(body, "<style id=\"papan-live-style\""):])
	}
}

func TestStylesheetOnlyChange(t *testing.T) {
	site := testSite(t)
	s, hs := newTestServer(t, site)
	states := events(t, hs)
	first := nextState(t, states)
	site["static/papan.css"] = &fstest.MapFile{Data: []byte("body{color:#222}\n")}
	s.Rebuild(t.Context(), []string{"static/papan.css"})
	st := nextState(t, states)
	if st.Prev != first.Version || st.CSS != "/"+s.good.css || st.Version == first.Version {
		t.Errorf("state %+v, want a stylesheet swap from %s to /%s", st, first.Version, s.good.css)
	}
	if _, _, css := get(t, hs, st.CSS); css != "body{color:#222}\n" {
		t.Errorf("new stylesheet %q", css)
	}
}

func TestNeverBuiltSiteShowsProblems(t *testing.T) {
	site := testSite(t)
	site["site.toml"] = &fstest.MapFile{Data: []byte("judul = \"x\n")}
	_, hs := newTestServer(t, site)
	status, _, body := get(t, hs, "/dinas/")
	if status != http.StatusInternalServerError || !strings.Contains(body, "site.toml:1:") || !strings.Contains(body, `role="alert"`) {
		t.Errorf("status %d, body %s", status, body)
	}
}

// TestRunStopsCleanly runs the whole server on a folder and cancels it: Run must return,
// close the event streams and leave no goroutine behind.
func TestRunStopsCleanly(t *testing.T) {
	dir := copySite(t)
	before := runtime.NumGoroutine()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	ran := make(chan error, 1)
	go func() { ran <- Run(ctx, Options{Dir: dir, Listener: ln, Delay: testDelay}) }()

	base := "http://" + ln.Addr().String()
	var resp *http.Response
	for range 100 {
		if resp, err = http.Get(base + EventsPath); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(resp.Body)
	var versions []string
	readState := func() state {
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var st state
				json.Unmarshal([]byte(data), &st)
				return st
			}
		}
		t.Fatal("event stream ended")
		return state{}
	}
	versions = append(versions, readState().Version)
	mustWrite(t, filepath.Join(dir, servicePath), strings.Replace(readFile(t, filepath.Join(dir, servicePath)), "Layanan Uji", "Layanan Uji Baru", 1))
	versions = append(versions, readState().Version)
	if versions[0] == "" || versions[0] == versions[1] {
		t.Errorf("versions %q: a save did not rebuild", versions)
	}

	cancel()
	select {
	case err := <-ran:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return within 10 s of cancel")
	}
	// The stream was ended by the server.
	for sc.Scan() {
	}
	resp.Body.Close()
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before Run, %d after:\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPosterShowsPublishedQRCode checks that the poster of the preview carries the QR
// code and address of the published service page, exactly as the built poster does,
// although the preview's links are rooted at "/"; and that with no absolute base_url
// neither has a code.
func TestPosterShowsPublishedQRCode(t *testing.T) {
	for _, tt := range []struct {
		name    string
		baseURL string // the site.toml line; "" removes base_url
		want    string // in the poster's QR section
	}{
		{"absolute base_url", `base_url = "https://uji.example/standar/"`, `role="img" aria-label="Kode QR menuju https://uji.example/standar/dinas/layanan-uji/"`},
		{"no base_url", "", `<p class="p-url">/<wbr>dinas/<wbr>layanan-uji/</p>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site := testSite(t)
			cfg := string(site["site.toml"].Data)
			site["site.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(cfg, `base_url = "https://uji.example/standar/"`, tt.baseURL, 1))}
			_, hs := newTestServer(t, site)
			code, _, served := get(t, hs, "/dinas/layanan-uji/cetak/")
			if code != http.StatusOK {
				t.Fatalf("poster: status %d", code)
			}
			out := filepath.Join(t.TempDir(), "public")
			if _, err := build.Build(t.Context(), build.Options{Src: site, Out: out}); err != nil {
				t.Fatal(err)
			}
			built, err := os.ReadFile(filepath.Join(out, "dinas/layanan-uji/cetak/index.html"))
			if err != nil {
				t.Fatal(err)
			}
			got, wantSection := qrSection(t, served), qrSection(t, string(built))
			if got != wantSection {
				t.Errorf("the preview's poster differs from the built one in its QR section:\n%s\nbuilt:\n%s", got, wantSection)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("the poster's QR section lacks %s:\n%s", tt.want, got)
			}
			if hasQR := strings.Contains(got, "<svg"); hasQR != (tt.baseURL != "") {
				t.Errorf("QR code shown: %v, want %v", hasQR, tt.baseURL != "")
			}
		})
	}
}

// qrSection returns the poster's section that holds its QR code and address.
func qrSection(t *testing.T, page string) string {
	t.Helper()
	start := strings.Index(page, `<section aria-labelledby="p-qr"`)
	if start < 0 {
		t.Fatalf("no QR section in the poster:\n%s", page)
	}
	end := strings.Index(page[start:], "</section>")
	return page[start : start+end]
}
