package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// flowchartView is how a service page shows its flowchart on a phone.
type flowchartView struct {
	Texts     int     // text elements in the flowchart, 0 when the page has none
	MinPx     float64 // the smallest text as drawn, in CSS pixels
	PageWidth float64 // how wide the page is, with anything that sticks out
	Visible   float64 // how much of the flowchart its box shows, in CSS pixels
	Actor     float64 // where the first actor's column ends, in CSS pixels from the box's left
}

// measureFlowchart opens the page's flowchart (a picture in a <details>, loaded when
// opened) and measures it: the picture is read back from its file, its text sizes scaled
// by how large the picture is drawn.
const measureFlowchart = `(async () => {
	const img = document.querySelector("img.flowchart");
	if (!img) return {Texts: 0};
	img.closest("details").open = true;
	img.scrollIntoView();
	await img.decode();
	const doc = new DOMParser().parseFromString(await (await fetch(img.src)).text(), "image/svg+xml");
	const scale = img.getBoundingClientRect().width / img.naturalWidth;
	let min = Infinity, n = 0;
	for (const t of doc.querySelectorAll("text")) {
		let e = t, size = null;
		while (e && e.getAttribute && !(size = e.getAttribute("font-size"))) e = e.parentNode;
		min = Math.min(min, parseFloat(size) * scale);
		n++;
	}
	const col = doc.querySelector("rect[fill='#f2f2f2']"); // the first actor's column
	const box = img.parentElement.getBoundingClientRect();
	window.scrollTo(0, 0);
	return {Texts: n, MinPx: min, PageWidth: document.documentElement.scrollWidth, Visible: box.width,
		Actor: col ? (parseFloat(col.getAttribute("x")) + parseFloat(col.getAttribute("width"))) * scale : 0};
})()`

// TestFlowchartReadableOnAPhone opens every service page of the example site on a
// 360 px screen and opens its flowchart: each flowchart's text is drawn at 14 px or more,
// the page does not scroll sideways (the flowchart scrolls in its own box), and the box
// shows the step numbers, the texts and the first actor's column whole.
func TestFlowchartReadableOnAPhone(t *testing.T) {
	tab := browser(t)
	s := buildAndServe(t, exampleSite(t))
	n := 0
	for _, p := range pages(t, s.Dir) {
		if strings.Count(p, "/") != 3 || strings.HasPrefix(p, "/kategori/") { // /<opd>/<layanan>/
			continue
		}
		ctx := timeout(t, tab)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 640), chromedp.Navigate(s.URL+strings.TrimPrefix(p, "/"))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		v, err := chromedp.Run(ctx, chromedp.Evaluate[flowchartView](measureFlowchart, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if v.Texts == 0 {
			continue
		}
		n++
		if v.MinPx < 14 {
			t.Errorf("%s: flowchart text drawn at %.1f px, want at least 14", p, v.MinPx)
		}
		if v.PageWidth > 360 {
			t.Errorf("%s: the page is %.0f px wide on a 360 px screen", p, v.PageWidth)
		}
		if v.Actor > v.Visible {
			t.Errorf("%s: the first actor's column ends at %.0f px, the flowchart's box shows %.0f", p, v.Actor, v.Visible)
		}
	}
	if n == 0 {
		t.Fatal("no service page of the example site has a flowchart")
	}
	t.Logf("%d flowcharts", n)
}
