package browsertest

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

var screenshots = flag.Bool("screenshots", false, "rewrite the screenshots in docs/img from the example site")

// TestScreenshots takes the pictures the docs show: a service page on a phone-sized
// viewport, a poster and the dashboard. With -screenshots it writes them to docs/img;
// without, it still takes them and checks each is a PNG, so the tooling keeps working.
func TestScreenshots(t *testing.T) {
	tab := browser(t)
	s := serveAsPublished(t, exampleSite(t))
	// prepare, when set, is a script run on the page before the picture (awaited when
	// it returns a promise).
	shots := []struct {
		name, path    string
		width, height int64
		prepare       string
	}{
		{"layanan-ponsel.png", "dukcapil/ktp-el/", 360, 1600, ""},
		{"layanan-ponsel-layar-pertama.png", "dukcapil/ktp-el/", 360, 640, ""}, // what a phone shows first
		{"layanan-lebar.png", "dukcapil/ktp-el/", 1280, 900, ""},
		{"bagan-alur-360.png", "dukcapil/ktp-el/", 360, 760, openFlowchart},
		{"beranda-ponsel.png", "", 360, 640, ""},
		{"beranda-lebar.png", "", 1280, 900, ""},
		{"404-ponsel.png", "404.html", 360, 640, ""},
		{"poster.png", "dukcapil/ktp-el/cetak/", 794, 1123, ""}, // A4 at 96 dpi
		{"kepatuhan.png", "kepatuhan/", 800, 1200, ""},
	}
	dir := t.TempDir()
	if *screenshots {
		dir = filepath.Join(repoRoot, "docs", "img")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, sh := range shots {
		ctx := timeout(t, tab)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(sh.width, sh.height), chromedp.Navigate(s.URL+sh.path)); err != nil {
			t.Fatalf("%s: %v", sh.path, err)
		}
		if sh.prepare != "" {
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](sh.prepare, chromedp.EvalAwaitPromise)); err != nil {
				t.Fatalf("%s: %v", sh.name, err)
			}
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("%s: %v", sh.path, err)
		}
		if !bytes.HasPrefix(png, []byte("\x89PNG")) {
			t.Fatalf("%s: screenshot is not a PNG", sh.path)
		}
		if err := os.WriteFile(filepath.Join(dir, sh.name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// openFlowchart opens a service page's flowchart, waits for its picture and scrolls it
// to the top of the screen, as a citizen who tapped "Lihat bagan alur" sees it.
const openFlowchart = `(async () => {
	const d = document.querySelector("details.flow");
	d.open = true;
	const img = d.querySelector("img");
	img.loading = "eager";
	await img.decode();
	d.scrollIntoView();
})()`
