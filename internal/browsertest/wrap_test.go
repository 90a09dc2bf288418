package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// brokenWords is a script that returns each place where a line of the page breaks
// between two letters or digits, as the text before and after the break ("…kotacon|toh…"):
// a word cut in two, which a citizen reads as two words or cannot copy. A line may break
// at a space, after punctuation (an address after its dots and slashes, <wbr>) or before
// an "@". It reads the position of every character of the page's visible text.
const brokenWords = `(() => {
	const word = /[\p{L}\p{N}]/u, bad = [], r = document.createRange();
	const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n; (n = w.nextNode());) {
		let prev = "", prevTop = null;
		for (let i = 0; i < n.data.length; i++) {
			r.setStart(n, i); r.setEnd(n, i + 1);
			const rect = r.getClientRects()[0], c = n.data[i];
			if (!rect || rect.width === 0) { // white space at a line's end, hidden text
				prev = c;
				continue;
			}
			if (prevTop !== null && rect.top > prevTop + 2 && word.test(prev) && word.test(c)) {
				bad.push(n.data.slice(Math.max(0, i - 20), i) + "|" + n.data.slice(i, i + 20));
			}
			prev = c; prevTop = rect.top;
		}
	}
	// A break at a <wbr> falls between two text nodes, never inside one; a break
	// between text nodes is always at an element's edge, so is not looked at.
	return bad;
})()`

// TestNoWordBrokenAcrossLines opens every page of the example site, built with its own
// base URL so that posters show the address a citizen scans, on a 360 px phone, and
// every poster also at A4's width, and fails on each line that breaks inside a word:
// long addresses (the poster's address under its QR code, the online service's link in
// a service's summary box) wrap after their dots and slashes, never "kotacon|toh".
func TestNoWordBrokenAcrossLines(t *testing.T) {
	tab := browser(t)
	s := serveAsPublished(t, exampleSite(t))
	for _, p := range pages(t, s.Dir) {
		widths := []int64{360}
		if strings.HasSuffix(p, "/cetak/") {
			widths = append(widths, 794) // A4 at 96 dpi: the poster's two columns
		}
		for _, w := range widths {
			ctx := timeout(t, tab)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 800), chromedp.Navigate(s.URL+strings.TrimPrefix(p, "/"))); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](brokenWords))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			for _, b := range bad {
				t.Errorf("%s at %d px: a line breaks inside a word: %q", p, w, b)
			}
		}
	}
}
