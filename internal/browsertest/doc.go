// Package browsertest holds Papan's tests that need a real browser: the counter poster
// printed to PDF by headless Chromium and read back (A4 sheets, none blank, the name over
// each, no type under 11 pt, nothing cut; a QR code that carries the service's
// address) and axe-core's WCAG 2.0/2.1 A and AA rules run on every kind of page.
//
// The package has no code of its own; its tests build a site with package build, serve
// it with net/http/httptest and drive Debian's Chromium through chromedp. Without
// Chromium the tests skip, except when CI=true, where they fail. axe-core is read at run
// time from node_modules/axe-core at the repository root (`npm ci`, which test.sh runs).
package browsertest
