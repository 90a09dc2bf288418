package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestKeyboardSkipLinkAndFocus checks what axe-core cannot: the first Tab on a page
// reaches the skip link, which then shows on screen, and a focused link looks different
// from an unfocused one (WCAG 2.4.1, 2.4.7).
func TestKeyboardSkipLinkAndFocus(t *testing.T) {
	tab := browser(t)
	s := buildAndServe(t, exampleSite(t))
	ctx := timeout(t, tab)
	type focus struct {
		Class, Href, Background string
		Left                    float64
	}
	const active = `(() => { const e = document.activeElement, r = e.getBoundingClientRect();
		return {class: e.className, href: e.getAttribute("href") || "", background: getComputedStyle(e).backgroundColor, left: r.left} })()`
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL), chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	f, err := chromedp.Run(ctx, chromedp.Evaluate[focus](active))
	if err != nil {
		t.Fatal(err)
	}
	if f.Class != "skip" || f.Href != "#isi" {
		t.Fatalf("first Tab focuses %+v, want the skip link to #isi", f)
	}
	if f.Left < 0 {
		t.Errorf("the focused skip link is off screen (left %v)", f.Left)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	f, err = chromedp.Run(ctx, chromedp.Evaluate[focus](active))
	if err != nil {
		t.Fatal(err)
	}
	if f.Href == "" || f.Background == "rgba(0, 0, 0, 0)" {
		t.Errorf("second Tab focuses %+v, want a link drawn with the focus background", f)
	}
}
