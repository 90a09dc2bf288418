// Package papan holds Papan's default theme, embedded into the binary.
//
// The theme lives at the root of the repository, in layouts/ and static/, because
// that is where a site keeps the files that override it: the repository is itself a
// site (site.toml, content/), so a theme author finds the default files where they will
// put their own, and `papan serve` in the repository reloads the page when one of them is
// saved. A Go embed pattern cannot reach above its package's folder, so the package that
// embeds the theme must be this one, at the root. It imports nothing from internal/:
// internal/render imports it, never the other way.
package papan

import (
	"embed"
	"io/fs"
)

//go:embed layouts static
var theme embed.FS

// Theme returns the default theme: its layouts/ (templates, partials/, i18n/) and static/
// (papan.css, cari.js) folders, as a site would have them.
func Theme() fs.FS { return theme }
