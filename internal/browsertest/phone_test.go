package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPhoneFirstScreen opens every page of the example site on a 360×640 phone screen.
// On every service page the summary box's fee line (the fact citizens look for against
// pungli) is inside the first screen, without scrolling; and no page is wider than the
// screen, so nothing pans sideways.
func TestPhoneFirstScreen(t *testing.T) {
	tab := browser(t)
	src := exampleSite(t)
	kindOf := pageKinds(t, src)
	s := buildAndServe(t, src)
	type layout struct {
		Width, ScrollWidth int
		FeeBottom          float64 // -1 when the page has no fee line
		Height             int
		Wide               string // the first element wider than the screen, for the message
	}
	services := 0
	for _, p := range pages(t, s.Dir) {
		ctx := timeout(t, tab)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 640), chromedp.Navigate(s.URL+strings.TrimPrefix(p, "/"))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		l, err := chromedp.Run(ctx, chromedp.Evaluate[layout](`(() => {
			const fee = document.querySelector(".summary .fee");
			const w = document.documentElement.clientWidth;
			const wide = [...document.querySelectorAll("body *")].find(e => e.getBoundingClientRect().right > w + 0.5);
			return {width: w, scrollWidth: document.documentElement.scrollWidth, height: innerHeight,
				feeBottom: fee ? fee.getBoundingClientRect().bottom : -1,
				wide: wide ? wide.tagName.toLowerCase() + (wide.className ? "." + wide.className : "") : ""};
		})()`))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if l.ScrollWidth > l.Width {
			t.Errorf("%s (%s page) is %d px wide on a %d px screen (%s sticks out)", p, kindOf(p), l.ScrollWidth, l.Width, l.Wide)
		}
		if kindOf(p) != "service" {
			continue
		}
		services++
		switch {
		case l.FeeBottom < 0:
			t.Errorf("%s: no fee line (.summary .fee) in the summary box", p)
		case l.FeeBottom > float64(l.Height):
			t.Errorf("%s: the fee line ends at %.0f px, below the first screen of %d px", p, l.FeeBottom, l.Height)
		}
	}
	if services == 0 {
		t.Error("the example site has no service page")
	}
}
