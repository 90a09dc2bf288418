package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/report"
	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// runCheck is `papan check`: the loader's problems and the rulebook's findings, for an
// editor (text), a script (json) or a code-scanning view (sarif). Exit 1 on any galat,
// or on any finding at all with --strict.
func runCheck(e *env, args []string) int {
	fs := e.flags("check")
	src := srcFlag(fs)
	list := fs.Bool("rules", false, "menampilkan daftar aturan lalu berhenti")
	format := fs.String("format", "text", "bentuk keluaran: text, json atau sarif")
	strict := fs.Bool("strict", false, "peringatan juga membuat papan check gagal (untuk CI)")
	summary := fs.Bool("summary", false, "menampilkan tabel skor per OPD")
	noCache := fs.Bool("tanpa-cache", false, "tidak membaca atau menulis cache build ("+engine.CacheDir+"/ di folder situs)")
	todayFlag := fs.String("today", "", "tanggal acuan aturan, YYYY-MM-DD (bawaan: kepatuhan.hari_ini di site.toml, atau hari ini)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "papan check: argumen tidak dikenal: %s\n", fs.Arg(0))
		return ExitUsage
	}
	if *format != "text" && *format != "json" && *format != "sarif" {
		fmt.Fprintf(e.stderr, "papan check: --format %q tidak dikenal; pilih text, json atau sarif\n", *format)
		return ExitUsage
	}
	var override time.Time
	if *todayFlag != "" {
		t, err := time.Parse(time.DateOnly, *todayFlag)
		if err != nil {
			fmt.Fprintf(e.stderr, "papan check: --today %q bukan tanggal YYYY-MM-DD\n", *todayFlag)
			return ExitUsage
		}
		override = t
	}
	if *list {
		fmt.Fprint(e.stdout, rules.List())
		return ExitOK
	}
	dir, err := siteFS(*src)
	if err != nil {
		return reportError(e, err)
	}
	var cache *engine.Cache
	if !*noCache {
		cache = engine.OpenCache(dir, "check")
	}
	problems, dash, err := engine.CheckCached(e.ctx, os.DirFS(dir), override, cache)
	if err != nil {
		return reportError(e, err)
	}
	if cache != nil {
		// Written while the report is printed; a site folder that cannot be written is
		// checked all the same.
		saving := cache.StartSave()
		defer saving.Finish()
	}
	today := engine.Today(standard.Config{}, override)
	if dash != nil {
		today = dash.Today
	}

	// The report in one buffer rather than a write per line: at 10,000 services it is
	// some 40,000 lines, each a system call when written straight to stdout.
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	switch *format {
	case "json":
		err = report.JSON(out, problems, dash, today)
	case "sarif":
		err = report.SARIF(out, problems, Version())
	default:
		report.Text(out, problems, dash, isTerminal(e.stdout))
		if *summary && dash != nil {
			if len(problems) > 0 || len(dash.OPDs) > 0 {
				fmt.Fprintln(out)
			}
			report.Summary(out, *dash)
		}
		if len(problems) == 0 {
			fmt.Fprintln(out, "Tidak ada masalah.")
		}
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return reportError(e, err)
	}
	if problems.Errors() > 0 || *strict && len(problems) > 0 {
		return ExitProblem
	}
	return ExitOK
}

// isTerminal reports whether w is a terminal that should get colours: a character device,
// and NO_COLOR (https://no-color.org) not set.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
