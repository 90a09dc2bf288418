package cli

import (
	"fmt"
	"strings"

	"github.com/papan-id/papan/internal/scaffold"
)

func runNew(e *env, args []string) int {
	fs := e.flags("new")
	src := srcFlag(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return ExitUsage
	}
	dir, err := siteFS(*src)
	if err != nil {
		return reportError(e, err)
	}
	var file string
	switch kind, name := fs.Arg(0), fs.Arg(1); kind {
	case "layanan":
		opd, slug, ok := strings.Cut(name, "/")
		if !ok {
			fmt.Fprintln(e.stderr, "papan new layanan: tulis <opd>/<slug>, misalnya dukcapil/akta-kelahiran")
			return ExitUsage
		}
		file, err = scaffold.Service(dir, opd, slug)
	case "opd":
		file, err = scaffold.OPD(dir, name)
	default:
		fmt.Fprintf(e.stderr, "papan new: jenis %q tidak dikenal; pilih layanan atau opd\n", kind)
		return ExitUsage
	}
	if err != nil {
		return reportError(e, err)
	}
	fmt.Fprintf(e.stdout, "dibuat: %s\n", file)
	installSkema(e, dir)
	return ExitOK
}
