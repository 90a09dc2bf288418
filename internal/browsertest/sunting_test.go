package browsertest

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/serve"
)

// runSunting runs papan serve --sunting on a copy of the example site.
func runSunting(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{"site.toml", "content"} {
		if err := os.CopyFS(filepath.Join(dir, p), os.DirFS(filepath.Join(repoRoot, p))); err != nil {
			// site.toml is a file: copy it as one.
			b, rerr := os.ReadFile(filepath.Join(repoRoot, p))
			if rerr != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, p), b, 0o644)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- serve.Run(ctx, serve.Options{Dir: dir, Listener: ln, Sunting: true}) }()
	t.Cleanup(func() { cancel(); <-ran })
	return dir, "http://" + ln.Addr().String()
}

// TestSuntingEditsAService: open a service from its page's Sunting button, change a
// requirement, add a step, save: the file on disk has both, papan check finds no galat,
// and the preview shows the change. The form passes axe.
func TestSuntingEditsAService(t *testing.T) {
	if testing.Short() {
		t.Skip("drives Chromium")
	}
	dir, base := runSunting(t)
	tab := bounded(t, browser(t))
	const file = "content/dukcapil/ktp-el.toml"
	do := func(what, script string) {
		t.Helper()
		if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](script+"; true")); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	if err := chromedp.Do(tab, chromedp.Navigate(base+"/dukcapil/ktp-el/")); err != nil {
		t.Fatal(err)
	}
	do("press Sunting", `document.getElementById("papan-sunting").click()`)
	waitFor(t, tab, "the form", `document.readyState === "complete" && document.getElementById("f-persyaratan-0-nama") !== null`)
	checkAxe(t, tab, axeSource(t), "the form of a service")
	steps, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll('fieldset.butir[id^="f-prosedur-"]:not([id*="-hasil-"])').length`))
	if err != nil {
		t.Fatal(err)
	}
	n := strconv.Itoa(steps)
	do("change a requirement and add a step", `document.getElementById("f-persyaratan-0-nama").value = "KTP-el lama yang rusak atau hilang";
		document.querySelector('button[value="tambah:prosedur"]').click()`)
	waitFor(t, tab, "the new step", `document.readyState === "complete" && document.getElementById("f-prosedur-`+n+`-uraian") !== null`)
	if focused, _ := chromedp.Run(tab, chromedp.Evaluate[string](`document.activeElement.id`)); focused != "f-prosedur-"+n+"-uraian" {
		t.Errorf("focus after adding a step is on %q", focused)
	}
	do("fill the step and save", `document.getElementById("f-prosedur-`+n+`-uraian").value = "Petugas menyerahkan KTP-el kepada pemohon";
		document.getElementById("f-prosedur-`+n+`-pelaksana").value = "Petugas loket";
		document.querySelector('button[value="simpan"]').click()`)
	waitFor(t, tab, "the saved message", `document.readyState === "complete" && document.querySelector(".berhasil") !== null`)
	b, _ := os.ReadFile(filepath.Join(dir, file))
	for _, want := range []string{`nama = "KTP-el lama yang rusak atau hilang"`, `uraian = "Petugas menyerahkan KTP-el kepada pemohon"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the file lacks %s", want)
		}
	}
	ps, _, err := engine.Check(context.Background(), os.DirFS(dir), noDate)
	if err != nil || ps.Errors() > 0 {
		t.Errorf("papan check after the save: %v %v", err, ps)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(base+"/dukcapil/ktp-el/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, "the preview with the change", `document.body.textContent.includes("KTP-el lama yang rusak atau hilang") && document.body.textContent.includes("Petugas menyerahkan KTP-el kepada pemohon")`)
}

var noDate time.Time

// evalTo runs script in tab and fails the test when it throws.
func evalTo[T any](t *testing.T, tab context.Context, what, script string) T {
	t.Helper()
	v, err := chromedp.Run(tab, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// keys types text into the focused control, a key at a time, as a keyboard does.
func keys(t *testing.T, tab context.Context, text string) {
	t.Helper()
	if err := chromedp.Do(tab, chromedp.KeyEvent(text)); err != nil {
		t.Fatal(err)
	}
}

// TestSuntingRefusesAWrongValue, by keyboard only: a word typed where a number belongs
// and Enter (the form's first button, Simpan) write nothing; the error summary at the
// top takes the focus, its message stands next to the field too, and each link of the
// summary moves the focus to its field.
func TestSuntingRefusesAWrongValue(t *testing.T) {
	if testing.Short() {
		t.Skip("drives Chromium")
	}
	dir, base := runSunting(t)
	tab := bounded(t, browser(t))
	const file = "content/dukcapil/ktp-el.toml"
	before, _ := os.ReadFile(filepath.Join(dir, file))
	if err := chromedp.Do(tab, chromedp.Navigate(base+"/_sunting/"+file)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, "the form", `document.readyState === "complete" && document.getElementById("f-persyaratan-0-jumlah") !== null`)
	evalTo[bool](t, tab, "focus the field", `const f = document.getElementById("f-persyaratan-0-jumlah"); f.focus(); f.select(); true`)
	keys(t, tab, "dua")
	keys(t, tab, kb.Enter)
	waitFor(t, tab, "the refused save", `document.readyState === "complete" && document.getElementById("ringkasan-galat") !== null`)
	if after, _ := os.ReadFile(filepath.Join(dir, file)); string(after) != string(before) {
		t.Error("a refused save wrote the file")
	}
	if got := evalTo[string](t, tab, "focus", `document.activeElement.id`); got != "ringkasan-galat" {
		t.Errorf("after the refused save the focus is on %q, want the error summary", got)
	}
	if got := evalTo[string](t, tab, "the field", `document.getElementById("f-persyaratan-0-jumlah").value`); got != "dua" {
		t.Errorf("the form lost the input: %q", got)
	}
	next := evalTo[string](t, tab, "the message next to the field", `(document.getElementById("f-persyaratan-0-jumlah-pesan") || {textContent: ""}).textContent`)
	if !strings.Contains(next, "Galat:") {
		t.Errorf("no galat next to the field: %q", next)
	}
	type link struct{ Href, Text string }
	links := evalTo[[]link](t, tab, "the summary's links", `[...document.querySelectorAll("#ringkasan-galat a")].map(a => ({href: a.getAttribute("href"), text: a.textContent}))`)
	if !slices.ContainsFunc(links, func(l link) bool { return l.Href == "#f-persyaratan-0-jumlah" && strings.Contains(next, l.Text) }) {
		t.Errorf("the summary does not link the field's message: %v", links)
	}
	for i, l := range links {
		evalTo[bool](t, tab, "back to the summary", `document.getElementById("ringkasan-galat").focus(); true`)
		for range i + 1 {
			keys(t, tab, kb.Tab)
		}
		if got := evalTo[string](t, tab, "focus", `document.activeElement.getAttribute("href") || ""`); got != l.Href {
			t.Fatalf("Tab %d from the summary focuses %q, want its link %q", i+1, got, l.Href)
		}
		// Activate the focused link as Enter does (a click event on it). A real Enter
		// key, sent by chromedp, left the focus on the summary in some checkouts of
		// the same commit and not in others; the cause was not found (see the issue).
		evalTo[bool](t, tab, "activate the link", `document.activeElement.click(); true`)
		// The field itself, or the first control of the fieldset the link names: wait.
		ok := false
		for deadline := time.Now().Add(3 * time.Second); !ok && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			ok = evalTo[bool](t, tab, "focus", `(() => { const t = document.getElementById(`+strconv.Quote(strings.TrimPrefix(l.Href, "#"))+`);
				return document.activeElement === t || t.contains(document.activeElement) })()`)
		}
		if !ok {
			id := evalTo[string](t, tab, "focus", `document.activeElement.id`)
			t.Errorf("Enter on the summary's link %q leaves the focus on %q", l.Href, id)
		}
	}
}

// TestSuntingConflictLosesNothing: the file is changed on disk while its form is open;
// Simpan is refused with the conflict message, the file keeps the disk's version, the
// page shows both versions and the form keeps the editor's input. Simpan again replaces
// the file knowingly, and the disk's version is in the backup.
func TestSuntingConflictLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("drives Chromium")
	}
	dir, base := runSunting(t)
	tab := bounded(t, browser(t))
	const file = "content/dukcapil/ktp-el.toml"
	if err := chromedp.Do(tab, chromedp.Navigate(base+"/_sunting/"+file)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, "the form", `document.readyState === "complete" && document.getElementById("f-nama") !== null`)
	orig, _ := os.ReadFile(filepath.Join(dir, file))
	disk := strings.Replace(string(orig), "kategori = ", "# disunting di penyunting teks\nkategori = ", 1)
	if err := os.WriteFile(filepath.Join(dir, file), []byte(disk), 0o644); err != nil {
		t.Fatal(err)
	}
	evalTo[bool](t, tab, "edit and save", `document.getElementById("f-nama").value = "Nama dari formulir";
		document.querySelector('button[value="simpan"]').click(); true`)
	waitFor(t, tab, "the conflict", `document.readyState === "complete" && document.getElementById("bentrok") !== null`)
	if got, _ := os.ReadFile(filepath.Join(dir, file)); string(got) != disk {
		t.Error("the conflicting save replaced the disk's version")
	}
	type page struct {
		Heading, Disk, Mine, Field string
	}
	p := evalTo[page](t, tab, "the conflict page", `(() => { const b = document.getElementById("bentrok"), pre = b.querySelectorAll("pre");
		return {heading: b.querySelector("h2").textContent, disk: pre[0].textContent, mine: pre[1].textContent,
			field: document.getElementById("f-nama").value} })()`)
	if p.Heading != "Berkas diubah di tempat lain" || !strings.Contains(p.Disk, "# disunting di penyunting teks") ||
		!strings.Contains(p.Mine, `nama = "Nama dari formulir"`) || p.Field != "Nama dari formulir" {
		t.Errorf("the conflict page does not show both versions and the input: %+v", p)
	}
	evalTo[bool](t, tab, "save again", `document.querySelector('button[value="simpan"]').click(); true`)
	waitFor(t, tab, "the saved message", `document.readyState === "complete" && document.querySelector(".berhasil") !== null`)
	if got, _ := os.ReadFile(filepath.Join(dir, file)); !strings.Contains(string(got), `nama = "Nama dari formulir"`) {
		t.Errorf("the second save did not write the editor's version:\n%s", got)
	}
	backups, _ := filepath.Glob(filepath.Join(dir, ".papan-cadangan", "sunting-*", filepath.FromSlash(file)))
	if len(backups) != 1 {
		t.Fatalf("backups %v, want one", backups)
	}
	if b, _ := os.ReadFile(backups[0]); string(b) != disk {
		t.Error("the backup is not the disk's version")
	}
}

// TestSuntingNewServiceOnHome: a new service made in /_sunting/ opens in its form; once
// named and saved it is on the preview's home page.
func TestSuntingNewServiceOnHome(t *testing.T) {
	if testing.Short() {
		t.Skip("drives Chromium")
	}
	dir, base := runSunting(t)
	tab := bounded(t, browser(t))
	if err := chromedp.Do(tab, chromedp.Navigate(base+"/_sunting/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, "the list of files", `document.readyState === "complete" && document.getElementById("baru-slug") !== null`)
	evalTo[bool](t, tab, "make a service", `document.getElementById("baru-opd").value = "dukcapil";
		document.getElementById("baru-slug").value = "uji-formulir";
		document.getElementById("baru-slug").form.requestSubmit(); true`)
	waitFor(t, tab, "the new service's form", `document.readyState === "complete" && location.pathname === "/_sunting/content/dukcapil/uji-formulir.toml" && document.getElementById("f-nama") !== null`)
	if _, err := os.Stat(filepath.Join(dir, "content/dukcapil/uji-formulir.toml")); err != nil {
		t.Fatal(err)
	}
	evalTo[bool](t, tab, "name it and save", `document.getElementById("f-nama").value = "Layanan Uji Coba Formulir";
		document.querySelector('button[value="simpan"]').click(); true`)
	waitFor(t, tab, "the saved message", `document.readyState === "complete" && document.querySelector(".berhasil") !== null`)
	deadline := time.Now().Add(20 * time.Second)
	for {
		if err := chromedp.Do(tab, chromedp.Navigate(base+"/")); err != nil {
			t.Fatal(err)
		}
		if evalTo[bool](t, tab, "the home page", `document.body.textContent.includes("Layanan Uji Coba Formulir")`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the new service is not on the home page")
		}
		time.Sleep(200 * time.Millisecond)
	}
	href := evalTo[string](t, tab, "the link", `[...document.querySelectorAll("a")].find(a => a.textContent.includes("Layanan Uji Coba Formulir")).getAttribute("href")`)
	if href != "/dukcapil/uji-formulir/" {
		t.Errorf("the home page links the new service at %q", href)
	}
}

// TestSuntingPagesAreValid runs html-validate (recommended and document presets, as
// TestHTMLValidate for built pages) and axe-core (WCAG 2.2 AA) on every kind of page of
// the form editor, as the server sends them: the list of files (also with an error),
// the forms of a service, an OPD, site.toml (with rule levels) and a page, a form
// refused for a wrong value, the conflict page, and the pages of a file that is not
// TOML and of one that is not there. Both want nothing found.
func TestSuntingPagesAreValid(t *testing.T) {
	if testing.Short() {
		t.Skip("drives Chromium and node")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		skipOrFail(t, "node not found: install nodejs (test.sh does)")
	}
	cli := filepath.Join(repoRoot, "node_modules/html-validate/bin/html-validate.mjs")
	if _, err := os.Stat(cli); err != nil {
		skipOrFail(t, "html-validate is not installed (run `npm ci` at the repository root; test.sh does): %v", err)
	}
	axe := axeSource(t)
	dir, base := runSunting(t)
	site, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	site = append(site, "\n[kepatuhan.aturan]\nSP016 = \"mati\"\nSP018 = \"galat\"\n"...)
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), site, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/dukcapil/rusak.toml"), []byte("nama = \"Tanpa tutup\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Ten pages, each through axe: more than bounded's 20 s allows a busy machine.
	tab, cancel := context.WithTimeout(browser(t), 3*time.Minute)
	t.Cleanup(cancel)
	const ktp = "content/dukcapil/ktp-el.toml"
	// fetch answers what the server sends for a GET, or for a POST of the form of the
	// page open in the tab with the button aksi (and the Origin a browser sends).
	fetch := func(what, script string, status int) string {
		t.Helper()
		type answer struct {
			Status int
			Text   string
		}
		a, err := chromedp.Run(tab, chromedp.Evaluate[answer](script+`.then(r => r.text().then(text => ({status: r.status, text})))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if a.Status != status {
			t.Fatalf("%s: status %d, want %d", what, a.Status, status)
		}
		return a.Text
	}
	open := func(file, ready string) {
		t.Helper()
		if err := chromedp.Do(tab, chromedp.Navigate(base+"/_sunting/"+file)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, tab, file, `document.readyState === "complete" && document.getElementById(`+strconv.Quote(ready)+`) !== null`)
	}
	const post = `fetch(document.getElementById("formulir").action, {method: "POST", body: (() => {
		const b = new URLSearchParams(new FormData(document.getElementById("formulir"))); b.set("aksi", "simpan"); return b })()})`
	get := func(file string) string { return `fetch("/_sunting/` + file + `")` }

	pages := map[string]string{}
	open("", "baru-slug")
	pages["index"] = fetch("the list", get(""), 200)
	pages["broken"] = fetch("a file that is not TOML", get("content/dukcapil/rusak.toml"), 200)
	pages["not-found"] = fetch("a file that is not there", get("content/dukcapil/tidak-ada.toml"), 404)
	pages["service"] = fetch("a service", get(ktp), 200)
	pages["opd"] = fetch("an OPD", get("content/dukcapil/_opd.toml"), 200)
	pages["site"] = fetch("site.toml", get("site.toml"), 200)
	pages["page"] = fetch("a page", get("content/halaman/tentang.md"), 200)
	pages["index-with-error"] = fetch("a new service without a name", `fetch("/_sunting/baru", {method: "POST", body: new URLSearchParams({
		token: document.querySelector('input[name="token"]').value, jenis: "layanan", opd: "dukcapil", slug: "Bukan Slug"})})`, 422)
	open(ktp, "f-persyaratan-0-jumlah")
	evalTo[bool](t, tab, "a wrong value", `document.getElementById("f-persyaratan-0-jumlah").value = "dua"; true`)
	pages["refused"] = fetch("a refused save", post, 422)
	open(ktp, "f-nama")
	orig, _ := os.ReadFile(filepath.Join(dir, ktp))
	if err := os.WriteFile(filepath.Join(dir, ktp), append([]byte("# diubah di penyunting teks\n"), orig...), 0o644); err != nil {
		t.Fatal(err)
	}
	pages["conflict"] = fetch("a conflict", post, 409)
	for name, want := range map[string]string{
		"refused": `id="ringkasan-galat"`, "conflict": `id="bentrok"`, "index-with-error": `class="kotak galat-ringkas"`,
		"site": `name="kb.kepatuhan.aturan"`, "page": `id="f-isi"`, "broken": "Berkas belum dapat dibaca",
	} {
		if !strings.Contains(pages[name], want) {
			t.Errorf("the %s page lacks %s", name, want)
		}
	}

	out := t.TempDir()
	for name, html := range pages {
		if err := os.WriteFile(filepath.Join(out, name+".html"), []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		// axe on the page as sent, written into a page of the same server.
		open("", "baru-slug")
		if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.open(); document.write(`+strconv.Quote(html)+`); document.close(); true`)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		waitFor(t, tab, name, `document.readyState === "complete" && document.querySelector("main") !== null`)
		checkAxe(t, tab, axe, "sunting "+name+" page")
	}
	config, _ := filepath.Abs(filepath.Join(repoRoot, ".htmlvalidate.json"))
	cmd := exec.Command(node, cli, "--config", config, "--formatter", "text", filepath.ToSlash(out)+"/*.html")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("html-validate found errors in the form editor's pages (%v):\n%s", err, strings.ReplaceAll(string(b), out, ""))
	}
}

// TestSuntingScreenshots takes the pictures docs/sunting.md shows (written there with
// -screenshots): a service's form and a refused save on a phone, the list of files and
// site.toml's rule levels on a wide screen.
func TestSuntingScreenshots(t *testing.T) {
	if testing.Short() {
		t.Skip("drives Chromium")
	}
	dir, base := runSunting(t)
	site, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	site = append(site, "\n[kepatuhan.aturan]\nSP016 = \"mati\"\n"...)
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), site, 0o644); err != nil {
		t.Fatal(err)
	}
	tab := bounded(t, browser(t))
	out := t.TempDir()
	if *screenshots {
		out = filepath.Join(repoRoot, "docs", "img")
	}
	shots := []struct {
		name, path, ready, script string
		width, height             int64
	}{
		{"sunting-360.png", "content/dukcapil/ktp-el.toml", "f-nama", "", 360, 1400},
		{"sunting-galat-360.png", "content/dukcapil/ktp-el.toml", "f-persyaratan-0-jumlah",
			`document.getElementById("f-persyaratan-0-jumlah").value = "dua"; document.querySelector('button[value="simpan"]').click()`, 360, 900},
		{"sunting-1280.png", "", "baru-slug", "", 1280, 900},
		{"sunting-aturan-1280.png", "site.toml", "f-kepatuhan-aturan", `document.getElementById("f-kepatuhan-aturan").scrollIntoView()`, 1280, 900},
	}
	for _, sh := range shots {
		if err := chromedp.Do(tab, chromedp.EmulateViewport(sh.width, sh.height), chromedp.Navigate(base+"/_sunting/"+sh.path)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, tab, sh.name, `document.readyState === "complete" && document.getElementById(`+strconv.Quote(sh.ready)+`) !== null`)
		if sh.script != "" {
			evalTo[bool](t, tab, sh.name, sh.script+"; true")
			time.Sleep(300 * time.Millisecond)
			waitFor(t, tab, sh.name, `document.readyState === "complete"`)
		}
		png, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
		if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
			t.Fatalf("%s: not a PNG (%v)", sh.name, err)
		}
		if err := os.WriteFile(filepath.Join(out, sh.name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
