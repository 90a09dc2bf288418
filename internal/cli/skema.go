package cli

import (
	"fmt"
	"path/filepath"

	"github.com/papan-id/papan/internal/skema"
)

// runSkema writes the JSON Schemas of the content files, and a .taplo.toml when the site
// has none, so that a Taplo-based editor (VS Code with Even Better TOML) completes keys,
// explains them and flags mistakes as the editor types.
func runSkema(e *env, args []string) int {
	fs := e.flags("skema")
	src := srcFlag(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return ExitUsage
	}
	site, err := siteFS(*src)
	if err != nil {
		return reportError(e, err)
	}
	dir := skema.SchemaDir
	if fs.NArg() == 1 {
		if dir, err = filepath.Abs(fs.Arg(0)); err != nil {
			return reportError(e, err)
		}
	}
	written, err := skema.Install(site, dir)
	for _, f := range written {
		fmt.Fprintf(e.stdout, "ditulis: %s\n", f)
	}
	if err != nil {
		return reportError(e, err)
	}
	if len(written) == 0 {
		fmt.Fprintln(e.stdout, "skema sudah sesuai; tidak ada berkas yang diubah")
	}
	return ExitOK
}

// installSkema gives a site the schemas and .taplo.toml when papan new writes a file in
// it, and says which files it wrote. A failure is told but does not fail papan new: the
// new file is written, and the schemas only help the editor.
func installSkema(e *env, site string) {
	written, err := skema.Install(site, skema.SchemaDir)
	for _, f := range written {
		fmt.Fprintf(e.stdout, "dibuat: %s\n", f)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "papan: skema untuk penyunting tidak dapat ditulis: %v\n", err)
	}
}
