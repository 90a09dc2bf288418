package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPhoneFirstScreen opens every page of the example site on a 360×640 phone screen.
// On every service page the summary box's fee line (the fact citizens look for against
// pungli) is inside the first screen, without scrolling; on the home page the search box
// and the first link of the services by need (a category or a service) are; and no page
// is wider than the screen, so nothing pans sideways.
func TestPhoneFirstScreen(t *testing.T) {
	tab := browser(t)
	src := exampleSite(t)
	kindOf := pageKinds(t, src)
	s := buildAndServe(t, src)
	type layout struct {
		Width, ScrollWidth int
		FeeBottom          float64 // -1 when the page has no fee line
		SearchBottom       float64 // the search box's input, -1 when the page has none
		FirstLinkBottom    float64 // the first link to a category or service, -1 when none
		Height             int
		Wide               string // the first element wider than the screen, for the message
	}
	services, home := 0, 0
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
				searchBottom: (e => e ? e.getBoundingClientRect().bottom : -1)(document.querySelector("#cari-q")),
				firstLinkBottom: (e => e ? e.getBoundingClientRect().bottom : -1)(document.querySelector('[aria-labelledby="per-kategori"] a')),
				wide: wide ? wide.tagName.toLowerCase() + (wide.className ? "." + wide.className : "") : ""};
		})()`))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if l.ScrollWidth > l.Width {
			t.Errorf("%s (%s page) is %d px wide on a %d px screen (%s sticks out)", p, kindOf(p), l.ScrollWidth, l.Width, l.Wide)
		}
		if kindOf(p) == "home" {
			home++
			switch {
			case l.SearchBottom < 0 || l.FirstLinkBottom < 0:
				t.Errorf("%s: the home page lacks the search box (%v) or a link to a category or service (%v)", p, l.SearchBottom >= 0, l.FirstLinkBottom >= 0)
			case l.SearchBottom > float64(l.Height):
				t.Errorf("%s: the search box ends at %.0f px, below the first screen of %d px", p, l.SearchBottom, l.Height)
			case l.FirstLinkBottom > float64(l.Height):
				t.Errorf("%s: the first category or service link ends at %.0f px, below the first screen of %d px", p, l.FirstLinkBottom, l.Height)
			}
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
	if services == 0 || home != 1 {
		t.Errorf("the example site has %d service pages and %d home pages", services, home)
	}
}
