package cli

import (
	"fmt"
	"os"

	"github.com/papan-id/papan/internal/build"
	"github.com/papan-id/papan/internal/standard"
)

func runCheck(e *env, args []string) int {
	fs := e.flags("check")
	src := srcFlag(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "papan check: argumen tidak dikenal: %s\n", fs.Arg(0))
		return ExitUsage
	}
	dir, err := siteFS(*src)
	if err != nil {
		return reportError(e, err)
	}
	fsys := os.DirFS(dir)
	site, problems, err := build.Load(e.ctx, fsys, "")
	if err != nil && problems == nil {
		return reportError(e, err)
	}
	if site != nil {
		// Templates are part of the site too: a broken layouts/ file would fail the build.
		if _, rerr := build.Renderer(site, fsys); rerr != nil {
			if ps, ok := rerr.(standard.Problems); ok {
				problems = append(problems, ps...)
			} else {
				return reportError(e, rerr)
			}
		}
	}
	printProblems(e.stdout, problems)
	if problems.Errors() > 0 {
		return ExitProblem
	}
	if len(problems) == 0 {
		fmt.Fprintln(e.stdout, "Tidak ada masalah.")
	}
	return ExitOK
}
