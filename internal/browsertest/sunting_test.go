package browsertest

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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
