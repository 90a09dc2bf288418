package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/papan-id/papan/internal/standard"
	"github.com/papan-id/papan/internal/sunting"
)

// EventsPath is the address of the Server-Sent Events stream of build states. The
// /__papan/ prefix cannot clash with a page: slugs do not start with "_".
const EventsPath = "/__papan/events"

//go:embed live.js
var liveJS string

// The overlay's words, for an OPD editor.
const (
	overlayTitle = "Perubahan terakhir belum dapat ditampilkan"
	overlayIntro = "Papan menemukan masalah pada berkas di bawah ini, jadi halaman ini masih " +
		"menampilkan versi terakhir yang benar. Perbaiki berkasnya lalu simpan; pesan ini hilang sendiri."
)

// overlayCSS styles the overlay apart from the site's own stylesheet: a fixed box, dark
// text on white with a red border (contrast above 7:1), readable at phone width.
const overlayCSS = `#papan-overlay{position:fixed;z-index:2147483647;top:1rem;left:1rem;right:1rem;` +
	`max-height:70vh;overflow:auto;margin:0 auto;max-width:60rem;padding:1rem 1.25rem;box-sizing:border-box;` +
	`background:#fff;color:#111;border:4px solid #a8001c;border-radius:6px;box-shadow:0 4px 24px rgba(0,0,0,.4);` +
	`font:16px/1.5 system-ui,sans-serif;text-align:left}` +
	`#papan-overlay p{margin:0 0 .5rem}` +
	`#papan-overlay .papan-title{font-size:1.2rem;font-weight:700;color:#a8001c}` +
	`#papan-overlay pre{margin:0;padding:.75rem;white-space:pre-wrap;overflow-wrap:anywhere;` +
	`background:#f3f3f3;color:#111;border-radius:4px;font:15px/1.5 ui-monospace,monospace}` +
	`#papan-sunting{position:fixed;z-index:2147483646;right:.75rem;bottom:.75rem;padding:.6rem 1rem;` +
	`background:#00703c;color:#fff;border:2px solid #fff;border-radius:4px;font:700 16px/1.2 system-ui,sans-serif;` +
	`box-shadow:0 2px 8px rgba(0,0,0,.4)}#papan-sunting:focus{outline:3px solid #fd0;outline-offset:2px}`

// snippet is added before </body> of every served HTML page. The overlay markup matches
// what live.js builds, so a page loaded while the site is broken looks the same as one
// told about it afterwards.
var snippet = template.Must(template.New("snippet").Parse(
	`<style id="papan-live-style">{{.CSS}}</style>
{{- if .Edit}}
<a id="papan-sunting" href="{{.Edit}}">Sunting</a>
{{- end}}
{{- if .Errors}}
<div id="papan-overlay" role="alert"><p class="papan-title">{{.Title}}</p><p>{{.Intro}}</p><pre>
{{- range $i, $e := .Errors}}{{if $i}}
{{end}}{{$e}}{{end}}</pre></div>
{{- end}}
<script id="papan-live" data-version="{{.Version}}" data-title="{{.Title}}" data-intro="{{.Intro}}">{{.JS}}</script>
`))

type snippetData struct {
	CSS                   template.CSS
	JS                    template.JS
	Version, Title, Intro string
	Errors                []string
	Edit                  string // the address of the page's form, with papan serve --sunting
}

// brokenPage is served for every page before the site has ever built.
const brokenPage = `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Situs belum dapat dibangun · Papan</title></head>
<body><main><h1>Situs belum dapat dibangun</h1></main></body>
</html>
`

// ServeHTTP serves the last good build, with the live-reload snippet in HTML pages, and
// the event stream at EventsPath.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == EventsPath {
		s.events(w, r)
		return
	}
	if s.edit != nil && strings.HasPrefix(r.URL.Path+"/", sunting.Prefix) {
		if r.URL.Path+"/" == sunting.Prefix {
			http.Redirect(w, r, sunting.Prefix, http.StatusFound)
			return
		}
		s.edit.ServeHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "metode tidak didukung", http.StatusMethodNotAllowed)
		return
	}
	s.mu.Lock()
	good, errs := s.good, s.errs
	s.mu.Unlock()

	h := w.Header()
	h.Set("Cache-Control", "no-store") // a preview is always the latest build
	h.Set("X-Content-Type-Options", "nosniff")

	var (
		name    string
		body    []byte
		status  = http.StatusOK
		version string
		edit    string
	)
	if good == nil {
		name, body, status = "index.html", []byte(brokenPage), http.StatusInternalServerError
	} else {
		var redirect string
		var ok bool
		name, redirect, ok = resolve(good.has, r.URL.Path)
		if redirect != "" {
			http.Redirect(w, r, redirect, http.StatusFound)
			return
		}
		if !ok {
			name, status = standard.NotFoundAddress().File, http.StatusNotFound
		}
		version = good.version
		if s.edit != nil && status == http.StatusOK {
			edit = sunting.EditLink(name, good.outs[name].Kind)
		}
		var err error
		if body, err = good.file(name); err != nil {
			// A page that fails to render shows why, over a blank page, like a failed save.
			name, body, status = "index.html", []byte(brokenPage), http.StatusInternalServerError
			errs = append(slices.Clone(errs), problemLines(err)...)
		}
	}
	if good != nil && name == good.css {
		// The stylesheet's name changes with its content: a reload need not fetch it again.
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	if strings.HasSuffix(name, ".html") {
		body = inject(body, version, errs, edit)
	}
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// resolve finds the output file for a request path. The path is cleaned as an absolute
// path first, so ".." can never climb above the root, and then only looked up in files.
// A folder without its trailing slash is redirected to it, so relative links work.
func resolve(has func(name string) bool, urlPath string) (name, redirect string, ok bool) {
	clean := path.Clean("/" + urlPath)
	p := strings.TrimPrefix(clean, "/")
	if p == "" {
		return standard.IndexFile, "", has(standard.IndexFile)
	}
	if strings.HasSuffix(urlPath, "/") {
		name = p + "/" + standard.IndexFile
		return name, "", has(name)
	}
	if has(p) {
		return p, "", true
	}
	if has(p + "/" + standard.IndexFile) {
		return "", clean + "/", false
	}
	return "", "", false
}

// inject returns page with the live-reload snippet, and the overlay when errs is not
// empty, before its closing body tag.
func inject(page []byte, version string, errs []string, edit string) []byte {
	var snip bytes.Buffer
	err := snippet.Execute(&snip, snippetData{
		CSS: template.CSS(overlayCSS), JS: template.JS(liveJS),
		Version: version, Title: overlayTitle, Intro: overlayIntro, Errors: errs, Edit: edit,
	})
	if err != nil {
		panic(fmt.Sprintf("serve: live-reload snippet: %v", err)) // fixed template and data
	}
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+snip.Len())
	out = append(out, page[:i]...)
	out = append(out, snip.Bytes()...)
	return append(out, page[i:]...)
}

// events streams build states to one page until the page goes away or the server stops.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan []byte, 1)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "server berhenti", http.StatusServiceUnavailable)
		return
	}
	s.subs[ch] = struct{}{}
	current := s.state
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	// A page reconnects half a second after the server restarts; the first state it then
	// receives carries a new version and reloads it.
	send := func(msg []byte) error {
		_, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", msg)
		flusher.Flush()
		return err
	}
	fmt.Fprint(w, "retry: 500\n\n")
	if send(current) != nil {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case msg := <-ch:
			if send(msg) != nil {
				return
			}
		}
	}
}
