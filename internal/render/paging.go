package render

import "github.com/papan-id/papan/internal/standard"

// ListPageSize is the most entries one page of a list holds: services on a category or
// OPD page, OPDs on a split dashboard, services on an OPD's dashboard page. A longer list
// continues on numbered pages (/kategori/kesehatan/2/, …; standard.CategoryPageAddress
// and the rest), each linked to the next and the previous with rel=next and rel=prev, so
// no page of a 200,000-service site grows past about 100 KB (docs/performance.md). A
// category page of 100 services is about 40 KB.
const ListPageSize = 100

// pager is where a page stands in its list, for partials/pager.html and the rel=prev
// and rel=next links of base.html. A list of one page has none (view.Pager is nil).
type pager struct {
	Page, Pages int
	First, Last int // the entries on this page, 1-based, of Total
	Total       int
	Prev, Next  string // site paths, "" at either end
	Links       []pageLink
}

// pageLink is one entry of the page numbers: a page, or a gap ("…") between two.
type pageLink struct {
	N       int
	Path    string
	Current bool
	Gap     bool
}

// pageCount returns the number of pages a list of total entries takes: at least one,
// so an empty list still has its page.
func pageCount(total int) int {
	return max(1, (total+ListPageSize-1)/ListPageSize)
}

// pageBounds returns the entries of page n (1-based) of a list of total: [lo, hi).
func pageBounds(total, n int) (lo, hi int) {
	lo = min((n-1)*ListPageSize, total)
	return lo, min(lo+ListPageSize, total)
}

// newPager returns the pager of page n of a list of total entries whose page k is at
// addr(k), or nil when the list fits one page. The page numbers show the first and last
// pages and two either side of n, so a list of 100 pages links to a handful, not to
// every page.
func newPager(total, n int, addr func(k int) standard.Address) *pager {
	pages := pageCount(total)
	if pages <= 1 {
		return nil
	}
	lo, hi := pageBounds(total, n)
	p := &pager{Page: n, Pages: pages, First: lo + 1, Last: hi, Total: total}
	if n > 1 {
		p.Prev = addr(n - 1).Path
	}
	if n < pages {
		p.Next = addr(n + 1).Path
	}
	for k := 1; k <= pages; k++ {
		switch {
		case k == 1 || k == pages || (k >= n-2 && k <= n+2):
			p.Links = append(p.Links, pageLink{N: k, Path: addr(k).Path, Current: k == n})
		case len(p.Links) > 0 && !p.Links[len(p.Links)-1].Gap:
			p.Links = append(p.Links, pageLink{Gap: true})
		}
	}
	return p
}
