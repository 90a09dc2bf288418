package build

import (
	"io"

	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/standard"
)

// ContentSecurityPolicy is the policy the built pages satisfy: scripts only as files from
// the site itself (the home page's search, assets/cari.<hash>.js; no inline script, and
// JSON-LD is data, which CSP does not govern), fetches only from the site (the search
// index), styles and images only from the site itself, and nothing else. A test loads the pages under it in Chromium and asserts no violation.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// headersFile is `_headers`, read by static hosts such as Netlify and Cloudflare Pages.
// docs/promises.md gives the same headers for nginx and Apache.
const headersFile = `/*
  Content-Security-Policy: ` + ContentSecurityPolicy + `
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
/` + standard.AssetsFolder + `/*
  Cache-Control: public, max-age=31536000, immutable
`

const headersPath = engine.HeadersFile

func headersOutput() render.Output {
	return render.Output{Path: headersPath, Write: func(w io.Writer) error {
		_, err := io.WriteString(w, headersFile)
		return err
	}}
}
