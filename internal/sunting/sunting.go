// Package sunting is the form editor of papan serve --sunting: a form per content file,
// generated from the content model (package skema), that an OPD editor fills in
// instead of writing TOML.
//
// # What a form edits
//
// site.toml, an OPD's _opd.toml, a service file and a page's front matter and text. The
// form shows every field of the file's kind in the scaffold's order, with the schema's
// Indonesian label, guidance and choices, whether the file has the key or not, then the
// keys the schema does not know. Each field carries its kind ("t.<path>" beside
// "v.<path>"), so a value reads back as the type it was: file -> form -> file keeps the
// same data (TestRoundTrip, over every example and corpus file). Lists of tables
// (requirements, steps, fees, products, channels, legal bases) have buttons to add,
// remove and move items; they submit the form with an action, so no JavaScript is
// needed. Comments in the file are not kept: the form lists them before saving, and the
// previous version of the file, with its comments, is kept in .papan-cadangan/.
//
// # Saving
//
// "Simpan" writes the form as TOML and runs papan check on the site with those bytes in
// place of the file (nothing on disk yet). A galat of the loader (a text where a number
// belongs, a date that is not one) refuses the save: nothing is written, the form keeps
// the input and each message stands next to its field, with a GOV.UK-style summary at
// the top linking to them. Otherwise the previous version is copied into
// .papan-cadangan/sunting-<time>/, and the new bytes go to a temporary file in the same
// folder, are synced and renamed over the file; papan serve's watcher then rebuilds the
// preview. The form carries the hash of the file as it was opened: when the file changed
// on disk since, the save is refused, the form keeps the input and shows both versions,
// and a second "Simpan" replaces the file knowingly (the other version is then in the
// backup). A backup can be restored from the form, through the same save.
//
// # Safety
//
// Only loopback: papan serve refuses --sunting with any other address. Every POST must
// carry the server's random token and an Origin (or Referer) of the server itself, and
// the Host must be a loopback name, so another site or a rebinding DNS name cannot post.
// Paths are matched against the shapes of content files (every segment a slug), and no
// folder on the way may be a symbolic link: nothing outside content/ and site.toml can
// be read or written.
package sunting

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/oserr"
	"github.com/papan-id/papan/internal/scaffold"
	"github.com/papan-id/papan/internal/standard"
)

// Prefix is where the editor is served. Slugs do not start with "_", so it cannot
// clash with a page of the site.
const Prefix = "/_sunting/"

// Handler serves the form editor of the site in one folder.
type Handler struct {
	store store
	token string
	sess  *engine.Session // the preview's, for checking one service alone; may be nil
}

// New returns the editor of the site in root. sess, when not nil, is the session of the
// preview of the same folder: the form then checks an unsaved service file against the
// site the session holds, one service's work, instead of running papan check on the
// whole site (seconds on a site of 10,000 services).
func New(root string, sess *engine.Session) *Handler {
	b := make([]byte, 32)
	rand.Read(b)
	return &Handler{store: store{root: root, now: time.Now}, token: hex.EncodeToString(b), sess: sess}
}

// EditLink returns the address of the form for the source of a served page, given the
// page's output file and template kind, or "" when the page has no file of its own.
func EditLink(output, kind string) string {
	dir := strings.TrimSuffix(output, "/"+standard.IndexFile)
	var file string
	switch {
	case kind == "home" && output == standard.IndexFile:
		file = "site.toml"
	case kind == "opd" && !strings.Contains(dir, "/"):
		file = path.Join(content.ContentDir, dir, content.OPDFile)
	case kind == "service" && strings.Count(dir, "/") == 1:
		file = path.Join(content.ContentDir, dir+".toml")
	case kind == "page" && !strings.Contains(dir, "/"):
		file = path.Join(content.ContentDir, content.PagesDir, dir+".md")
	default:
		return ""
	}
	if fileKind(file) == "" {
		return ""
	}
	return Prefix + file
}

// previewOf is the address of the preview page of file.
func previewOf(file string) string {
	switch fileKind(file) {
	case kindSite:
		return "/"
	case kindOPD:
		return standard.OPDAddress(path.Base(path.Dir(file))).Path
	case kindService:
		return standard.ServiceAddress(path.Base(path.Dir(file)), strings.TrimSuffix(path.Base(file), ".toml")).Path
	case kindPage:
		return standard.PageAddress(strings.TrimSuffix(path.Base(file), ".md")).Path
	}
	return "/"
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "same-origin")
	if !loopbackHost(r.Host) {
		http.Error(w, "formulir sunting hanya dapat dibuka lewat 127.0.0.1 atau localhost", http.StatusForbidden)
		return
	}
	rest := strings.TrimPrefix(r.URL.Path, Prefix)
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		if rest == "" {
			h.index(w, r, nil)
			return
		}
		h.open(w, r, rest)
	case http.MethodPost:
		if err := h.checkPost(r); err != nil {
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		}
		switch {
		case rest == "baru":
			h.create(w, r)
		case strings.HasPrefix(rest, "periksa/"):
			h.live(w, r, strings.TrimPrefix(rest, "periksa/"))
		default:
			h.post(w, r, rest)
		}
	default:
		hd.Set("Allow", "GET, HEAD, POST")
		http.Error(w, "metode tidak didukung", http.StatusMethodNotAllowed)
	}
}

// loopbackHost reports whether the Host of a request names this computer: a page of
// another site that a rebinding DNS name points here has another Host.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// checkPost refuses a POST without the server's token or from another origin.
func (h *Handler) checkPost(r *http.Request) error {
	r.Body = http.MaxBytesReader(nil, r.Body, 8<<20)
	if err := r.ParseForm(); err != nil {
		return errors.New("formulir tidak dapat dibaca")
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		origin = r.Header.Get("Referer")
	}
	u, err := url.Parse(origin)
	if origin == "" || err != nil || u.Host != r.Host || u.Scheme != "http" && u.Scheme != "https" {
		return errors.New("permintaan ditolak: tidak berasal dari formulir sunting di server ini")
	}
	if subtle.ConstantTimeCompare([]byte(r.PostForm.Get("token")), []byte(h.token)) != 1 {
		return errors.New("permintaan ditolak: token formulir tidak cocok; buka ulang formulirnya dari papan serve yang sedang berjalan")
	}
	return nil
}

// formPage is what the form template shows.
type formPage struct {
	Token, File, Kind, Hash string
	Title                   string
	Preview                 string
	Fields                  []*node
	HasBody                 bool
	Body                    string
	BodyNotes               []standard.Problem
	Errors, Warnings        []summaryItem
	Refused                 bool
	Saved                   string // the backup folder of the save just made
	Restored                bool
	Conflict                *conflict
	Comments                []string
	Backups                 []backupItem
	Broken                  []string // the file cannot be read as TOML: why
	Checked                 bool
}

type summaryItem struct {
	ID   string
	Text string
}

type conflict struct{ Disk, Mine string }

type backupItem struct{ Name, Time string }

// open shows the form of a file as it is on disk.
func (h *Handler) open(w http.ResponseWriter, r *http.Request, file string) {
	src, sum, err := h.store.read(file)
	if err != nil {
		h.fail(w, file, err)
		return
	}
	p := h.page(file, sum, src)
	if b := r.URL.Query().Get("disimpan"); backupRE.MatchString(b) {
		p.Saved = b
	}
	p.Restored = r.URL.Query().Has("dipulihkan")
	ps, _, _ := findings(r.Context(), h.sess, h.store.root, file, src)
	d, err := decodeDoc(file, src)
	if err != nil {
		// The form cannot show a file that is not TOML: say where it is broken.
		for _, pr := range ps {
			if pr.Severity == standard.Error {
				p.Broken = append(p.Broken, pr.String())
			}
		}
		if len(p.Broken) == 0 {
			p.Broken = []string{err.Error()}
		}
		h.render(w, http.StatusOK, "broken", p)
		return
	}
	h.fill(p, d, ps, nil, "")
	h.render(w, http.StatusOK, "form", p)
}

func (h *Handler) page(file, sum string, src []byte) *formPage {
	p := &formPage{Token: h.token, File: file, Kind: fileKind(file), Hash: sum, Preview: previewOf(file),
		Comments: comments(src)}
	if p.Kind == kindPage {
		if front, _, ok := content.SplitFrontMatter(src); ok {
			p.Comments = comments(front)
		} else {
			p.Comments = nil
		}
	}
	for _, b := range h.store.backups(file) {
		p.Backups = append(p.Backups, backupItem{Name: b, Time: backupTime(b)})
		if len(p.Backups) == 10 {
			break
		}
	}
	return p
}

// fill builds the fields of d into p, with the problems ps next to their fields.
func (h *Handler) fill(p *formPage, d *doc, ps standard.Problems, bad map[string]string, focus string) {
	root := schemaOf(d.kind)
	p.Fields = buildNodes("", d.tree, root, nil, d.orderFunc(root), "")
	p.HasBody, p.Body = d.hasBody, d.body
	if name, ok := d.tree["nama"].(string); ok {
		p.Title = name
	} else if t, ok := d.tree["judul"].(string); ok {
		p.Title = t
	}
	for path, msg := range bad {
		ps = append(ps, standard.Problem{File: d.file, Path: path, Severity: standard.Error, Message: msg})
	}
	ps.Sort()
	index := map[string]*node{}
	var walk func([]*node)
	walk = func(ns []*node) {
		for _, n := range ns {
			index[n.Path] = n
			walk(n.Fields)
			walk(n.Items)
		}
	}
	walk(p.Fields)
	for path, kv := range d.pending {
		if n := index[path]; n != nil {
			n.NewKey, n.NewValue = kv[0], kv[1]
		}
	}
	for _, pr := range ps {
		pr.Message = inFormWords(index, pr)
		id := "formulir"
		if n := nearest(index, pr.Path); n != nil {
			n.Notes = append(n.Notes, pr)
			id = n.ID()
		} else if d.hasBody && pr.Path == "" && pr.Line > 0 {
			p.BodyNotes = append(p.BodyNotes, pr)
			id = "f-isi"
		}
		item := summaryItem{ID: id, Text: pr.Message}
		if pr.Severity == standard.Error {
			p.Errors = append(p.Errors, item)
			p.Refused = p.Refused || pr.Rule == ""
		} else {
			p.Warnings = append(p.Warnings, item)
		}
	}
	if focus != "" {
		setFocus(index, focus)
	}
}

// inFormWords is a problem's message as the form names its field: the loader writes
// "`jumlah` pada [[persyaratan]] ke-1" for an editor of the file, the form's reader
// sees "«Jumlah» pada Persyaratan ke-1", the labels of the form's own controls.
func inFormWords(index map[string]*node, pr standard.Problem) string {
	if pr.Path == "" {
		return pr.Message
	}
	fileLabel := standard.FieldLabel(pr.Path)
	if !strings.Contains(pr.Message, fileLabel) {
		return pr.Message
	}
	segs := strings.Split(pr.Path, ".")
	var where []string
	var last string
	prefix := ""
	for i, seg := range segs {
		name, oneBased, item := standard.SplitIndex(seg)
		list := prefix + name
		prefix += seg
		n := index[list]
		if n == nil {
			return pr.Message // a key the form does not show: keep the file's words
		}
		label := n.Label()
		if item {
			if i == len(segs)-1 {
				label += " butir ke-" + oneBased
			} else {
				label += " ke-" + oneBased
			}
		}
		if i == len(segs)-1 {
			last = "«" + label + "»"
		} else {
			where = append(where, label)
		}
		prefix += "."
	}
	formLabel := last
	if len(where) > 0 {
		formLabel += " pada " + strings.Join(where, " › ")
	}
	return strings.Replace(pr.Message, fileLabel, formLabel, 1)
}

// nearest returns the node of a problem's key path, or of the closest table or list
// that holds it.
func nearest(index map[string]*node, p string) *node {
	for p != "" {
		if n := index[p]; n != nil {
			return n
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return nil
		}
		p = p[:i]
	}
	return nil
}

// setFocus marks the control an action leaves the editor at: "tambah:<list>" the first
// field of its new last item, "naik:" and "turun:" the same button of the moved item,
// "hapus:" the list's add button.
func setFocus(index map[string]*node, focus string) {
	act, p, _ := strings.Cut(focus, ":")
	n := index[p]
	if n == nil {
		return
	}
	switch act {
	case "tambah":
		if len(n.Items) > 0 {
			first := firstLeaf(n.Items[len(n.Items)-1])
			if first != nil {
				first.Focus = act
			}
		}
	default:
		n.Focus = act
	}
}

func firstLeaf(n *node) *node {
	for _, f := range n.Fields {
		if f.Kind != kTable && f.Kind != kTables {
			return f
		}
		if l := firstLeaf(f); l != nil {
			return l
		}
	}
	return nil
}

// readForm turns a posted form into the document it describes. added is the path of
// an entry the form added to a table whose keys the editor chooses, or "".
func readForm(file string, form url.Values, old *doc) (d *doc, bad map[string]string, added string) {
	tree, bad := parseForm(form)
	pending := map[string][2]string{}
	added = newEntries(form, tree, schemaOf(fileKind(file)), bad, pending)
	d = &doc{file: file, kind: fileKind(file), tree: tree, order: map[string][]string{}, pending: pending}
	if old != nil {
		d.order = old.order
	}
	if d.kind == kindPage {
		d.hasBody = true
		d.body = strings.ReplaceAll(form.Get("isi"), "\r\n", "\n")
	}
	return d, bad, added
}

var indexRE = regexp.MustCompile(`\[[0-9]+\]`)

// newEntries adds to tree the entries that the form's "kb.<path>" (a new key) and
// "vb.<path>" (its value) give for tables whose keys the editor chooses
// ([kepatuhan.aturan]). A key that is not one the table may have, or without a value,
// is refused next to the table and kept in pending, for the form to show it again.
func newEntries(form url.Values, tree map[string]any, root *spec, bad map[string]string, pending map[string][2]string) string {
	added := ""
	for k := range form {
		p, ok := strings.CutPrefix(k, "kb.")
		if !ok {
			continue
		}
		key := strings.TrimSpace(form.Get(k))
		s := lookupSpec(root, indexRE.ReplaceAllString(p, ""))
		segs, ok := parsePath(p)
		if key == "" || s == nil || !s.Map || !ok {
			continue
		}
		val := strings.TrimSpace(form.Get("vb." + p))
		switch {
		case !bareKey.MatchString(key) || s.KeyPattern != "" && !regexp.MustCompile(s.KeyPattern).MatchString(key):
			bad[p] = fmt.Sprintf("%q tidak dapat ditambahkan di sini", key)
		case len(s.KeyChoices) > 0 && !slices.ContainsFunc(s.KeyChoices, func(c choice) bool { return c.Value == key }):
			bad[p] = fmt.Sprintf("%s tidak dikenal Papan", key)
		case val == "":
			bad[p] = fmt.Sprintf("Pilih nilai untuk %s sebelum menambahkannya", key)
		default:
			setPath(tree, append(segs, seg{key: key, index: -1}), val)
			added = p + "." + key
		}
		if bad[p] != "" {
			pending[p] = [2]string{key, val}
		}
	}
	return added
}

// post handles the form's buttons: save, check, restore, and the list actions.
func (h *Handler) post(w http.ResponseWriter, r *http.Request, file string) {
	src, sum, err := h.store.read(file)
	if err != nil {
		h.fail(w, file, err)
		return
	}
	old, _ := decodeDoc(file, src)
	d, bad, added := readForm(file, r.PostForm, old)
	root := schemaOf(d.kind)
	act := r.PostForm.Get("aksi")
	p := h.page(file, r.PostForm.Get("hash"), src)
	verb, target, _ := strings.Cut(act, ":")
	switch verb {
	case "tambah", "hapus", "naik", "turun":
		focus, ok := "", false
		if s := lookupSpec(root, indexRE.ReplaceAllString(target, "")); verb == "tambah" && s != nil && s.Map {
			// The new entry came with the form (newEntries): show it, the focus on it.
			focus, ok = "isi:"+added, true
			if added == "" {
				focus = "baru:" + target
				if bad[target] == "" {
					bad[target] = "Pilih " + strings.ToLower(s.KeyLabel) + " yang akan ditambahkan"
				}
			}
		} else {
			focus, ok = listAction(d.tree, verb, target)
		}
		if !ok {
			http.Error(w, "aksi tidak dikenal", http.StatusBadRequest)
			return
		}
		h.fill(p, d, nil, bad, focus)
		h.render(w, http.StatusOK, "form", p)
		return
	case "pulihkan":
		old, err := h.store.backup(file, target)
		if err != nil {
			h.fail(w, file, err)
			return
		}
		if _, err := h.store.write(file, old, p.Hash); errors.Is(err, errConflict) {
			p.Conflict = &conflict{Disk: string(src), Mine: string(old)}
			p.Hash = sum
			h.fill(p, d, nil, bad, "")
			h.render(w, http.StatusConflict, "form", p)
			return
		} else if err != nil {
			h.fail(w, file, err)
			return
		}
		http.Redirect(w, r, Prefix+file+"?dipulihkan=1", http.StatusSeeOther)
		return
	case "simpan", "periksa":
	default:
		http.Error(w, "aksi tidak dikenal", http.StatusBadRequest)
		return
	}
	data := d.encode(root)
	ps, refused, err := findings(r.Context(), h.sess, h.store.root, file, data)
	if err != nil {
		h.fail(w, file, err)
		return
	}
	p.Checked = true
	if verb == "periksa" || refused || len(bad) > 0 {
		h.fill(p, d, ps, bad, "")
		status := http.StatusOK
		if verb == "simpan" {
			status = http.StatusUnprocessableEntity
		}
		h.render(w, status, "form", p)
		return
	}
	backup, err := h.store.write(file, data, p.Hash)
	if errors.Is(err, errConflict) {
		// Neither version is lost: the disk's stays on disk and is shown, the editor's
		// stays in the form. The hash is now the disk's: saving again replaces it, and
		// the disk's version goes to the backup.
		p.Conflict = &conflict{Disk: string(src), Mine: string(data)}
		p.Hash = sum
		h.fill(p, d, ps, nil, "")
		h.render(w, http.StatusConflict, "form", p)
		return
	}
	if err != nil {
		h.fail(w, file, err)
		return
	}
	http.Redirect(w, r, Prefix+file+"?disimpan="+url.QueryEscape(path.Base(backup)), http.StatusSeeOther)
}

// listAction adds, removes or moves an item of a list of tables in tree, and returns
// where the focus goes.
func listAction(tree map[string]any, verb, target string) (string, bool) {
	segs, ok := parsePath(target)
	if !ok {
		return "", false
	}
	if verb == "tambah" {
		parent, ok := walkTo(tree, segs[:len(segs)-1])
		last := segs[len(segs)-1]
		if !ok || last.index >= 0 {
			return "", false
		}
		list, _ := tableList(parent[last.key])
		if _, isTable := parent[last.key].(map[string]any); isTable {
			// A table that may be a list (jangka_waktu): the second makes it one.
			list = []map[string]any{parent[last.key].(map[string]any)}
		}
		parent[last.key] = append(list, map[string]any{})
		return "tambah:" + target, true
	}
	last := segs[len(segs)-1]
	if last.index < 0 || len(segs) < 2 {
		return "", false
	}
	parent, ok := walkTo(tree, segs[:len(segs)-2])
	key := segs[len(segs)-2].key
	if !ok || segs[len(segs)-2].index >= 0 {
		return "", false
	}
	list, ok := tableList(parent[key])
	i := last.index
	if !ok || i >= len(list) {
		return "", false
	}
	listPath := target[:strings.LastIndex(target, "[")]
	switch verb {
	case "hapus":
		list = slices.Delete(list, i, i+1)
		if len(list) == 0 {
			delete(parent, key)
		} else {
			parent[key] = list
		}
		return "hapus:" + listPath, true
	case "naik":
		if i == 0 {
			return "", false
		}
		list[i-1], list[i] = list[i], list[i-1]
		parent[key] = list
		return fmt.Sprintf("naik:%s[%d]", listPath, i-1), true
	case "turun":
		if i+1 >= len(list) {
			return "", false
		}
		list[i+1], list[i] = list[i], list[i+1]
		parent[key] = list
		return fmt.Sprintf("turun:%s[%d]", listPath, i+1), true
	}
	return "", false
}

// walkTo returns the table at segs under tree.
func walkTo(tree map[string]any, segs []seg) (map[string]any, bool) {
	var cur any = tree
	for _, s := range segs {
		if s.index < 0 {
			m, ok := cur.(map[string]any)
			if !ok {
				return nil, false
			}
			cur = m[s.key]
			continue
		}
		list, ok := tableList(cur)
		if !ok || s.index >= len(list) {
			return nil, false
		}
		cur = list[s.index]
	}
	m, ok := cur.(map[string]any)
	return m, ok
}

// live answers the form's script: the findings for the form as it now is.
func (h *Handler) live(w http.ResponseWriter, r *http.Request, file string) {
	if fileKind(file) == "" {
		http.NotFound(w, r)
		return
	}
	src, _, err := h.store.read(file)
	if err != nil {
		http.Error(w, oserr.Text(err), http.StatusNotFound)
		return
	}
	old, _ := decodeDoc(file, src)
	d, bad, _ := readForm(file, r.PostForm, old)
	p := &formPage{File: file}
	data := d.encode(schemaOf(d.kind))
	ps, _, err := findings(r.Context(), h.sess, h.store.root, file, data)
	if err != nil {
		http.Error(w, oserr.Text(err), http.StatusInternalServerError)
		return
	}
	h.fill(p, d, ps, bad, "")
	type note struct {
		ID, Severity, Text string
	}
	out := struct {
		Notes   []note `json:"notes"`
		Errors  int    `json:"errors"`
		Refused bool   `json:"refused"`
	}{Notes: []note{}, Refused: p.Refused, Errors: len(p.Errors)}
	var walk func([]*node)
	walk = func(ns []*node) {
		for _, n := range ns {
			for _, pr := range n.Notes {
				out.Notes = append(out.Notes, note{ID: n.ID(), Severity: pr.Severity.String(), Text: noteText(pr)})
			}
			walk(n.Fields)
			walk(n.Items)
		}
	}
	walk(p.Fields)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

// noteText is a problem as it stands next to its field.
func noteText(p standard.Problem) string {
	s := p.Message
	if p.Rule != "" {
		s += " [" + p.Rule + "]"
	}
	if p.Hint != "" {
		s += " Saran: " + p.Hint
	}
	return s
}

// index lists the editable files and offers a new OPD and a new service.
func (h *Handler) index(w http.ResponseWriter, r *http.Request, errs map[string]string) {
	type entry struct{ File, Name string }
	type group struct {
		Slug, Name string
		Files      []entry
	}
	var groups []group
	var pages []entry
	dir := filepath.Join(h.store.root, content.ContentDir)
	top, _ := os.ReadDir(dir)
	for _, e := range top {
		if !e.IsDir() || !standard.ValidSlug(e.Name()) {
			continue
		}
		files, _ := os.ReadDir(filepath.Join(dir, e.Name()))
		if e.Name() == content.PagesDir {
			for _, f := range files {
				file := content.ContentDir + "/" + content.PagesDir + "/" + f.Name()
				if f.Type().IsRegular() && fileKind(file) == kindPage {
					pages = append(pages, entry{File: file, Name: nameIn(h.store.root, file, "judul")})
				}
			}
			continue
		}
		g := group{Slug: e.Name()}
		for _, f := range files {
			file := content.ContentDir + "/" + e.Name() + "/" + f.Name()
			if !f.Type().IsRegular() || fileKind(file) == "" {
				continue
			}
			if f.Name() == content.OPDFile {
				g.Name = nameIn(h.store.root, file, "nama")
				g.Files = append([]entry{{File: file, Name: "Profil OPD"}}, g.Files...)
				continue
			}
			g.Files = append(g.Files, entry{File: file, Name: nameIn(h.store.root, file, "nama")})
		}
		if g.Name != "" {
			groups = append(groups, g)
		}
	}
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	h.render(w, status, "index", map[string]any{
		"Token": h.token, "Groups": groups, "Pages": pages, "Errors": errs,
		"Opd": r.PostForm.Get("opd"), "Slug": r.PostForm.Get("slug"), "Jenis": r.PostForm.Get("jenis"),
	})
}

var nameLine = regexp.MustCompile(`^(nama|judul)\s*=\s*"((?:[^"\\]|\\.)*)"`)

// nameIn reads the name of a file for the list: its top-level nama = "..." (or judul)
// line. It stops at the first table header, behind which only the tables' own names
// stand ("nama" of a [[persyaratan]]), so a list of 10,000 services reads the head of
// each file rather than all of it through a regular expression.
func nameIn(root, file, key string) string {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
	if err != nil {
		return path.Base(file)
	}
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] == '[' {
			break
		}
		if !bytes.HasPrefix(line, []byte(key)) {
			continue
		}
		if m := nameLine.FindSubmatch(line); m != nil && string(m[1]) == key {
			if v, err := parseValue(`"` + string(m[2]) + `"`); err == nil {
				return v.(string)
			}
		}
	}
	return path.Base(file)
}

// create makes a new OPD or service from its scaffold, as papan new does, and opens it.
func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	f := r.PostForm
	slug := strings.TrimSpace(f.Get("slug"))
	var (
		file string
		err  error
	)
	switch f.Get("jenis") {
	case "opd":
		file, err = scaffold.OPD(h.store.root, slug)
	case "layanan":
		opd := f.Get("opd")
		if !standard.ValidSlug(opd) {
			h.index(w, r, map[string]string{"opd": "Pilih OPD pemilik layanan"})
			return
		}
		if _, cerr := h.store.confined(path.Join(content.ContentDir, opd, content.OPDFile)); cerr != nil {
			h.index(w, r, map[string]string{"opd": "OPD ini tidak dapat dipakai"})
			return
		}
		file, err = scaffold.Service(h.store.root, opd, slug)
	default:
		http.Error(w, "jenis tidak dikenal", http.StatusBadRequest)
		return
	}
	if err != nil {
		h.index(w, r, map[string]string{"slug": oserr.Text(err)})
		return
	}
	rel, _ := filepath.Rel(h.store.root, file)
	http.Redirect(w, r, Prefix+filepath.ToSlash(rel), http.StatusSeeOther)
}

// fail answers a request for a file that cannot be opened.
func (h *Handler) fail(w http.ResponseWriter, file string, err error) {
	status := http.StatusInternalServerError
	msg := oserr.Text(err)
	switch {
	case errors.Is(err, errPath):
		status, msg = http.StatusNotFound, "Berkas "+file+" tidak dapat disunting lewat formulir: hanya site.toml dan berkas di content/."
	case errors.Is(err, fs.ErrNotExist):
		status, msg = http.StatusNotFound, "Berkas "+file+" tidak ada."
	case errors.Is(err, context.Canceled):
		return
	}
	h.render(w, status, "error", map[string]any{"Message": msg})
}
