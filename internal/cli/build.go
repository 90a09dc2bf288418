package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/papan-id/papan/internal/build"
	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/standard"
)

func runBuild(e *env, args []string) int {
	fs := e.flags("build")
	src := srcFlag(fs)
	out := fs.String("out", "", "folder keluaran: baru, kosong, atau keluaran papan build sebelumnya (bawaan: public di dalam folder situs)")
	baseURL := fs.String("base-url", "", "alamat situs yang diterbitkan, menimpa base_url di site.toml")
	strict := fs.Bool("strict", false, "menolak membangun bila aturan kepatuhan menemukan galat (layanan draf tidak dihitung); untuk CI")
	noCache := fs.Bool("tanpa-cache", false, "membangun seluruh situs tanpa membaca atau menulis cache build ("+engine.CacheDir+"/ di folder situs)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "papan build: argumen tidak dikenal: %s\n", fs.Arg(0))
		return ExitUsage
	}
	dir, err := siteFS(*src)
	if err != nil {
		return reportError(e, err)
	}
	if *out == "" {
		*out = filepath.Join(dir, "public")
	}
	res, err := build.Build(e.ctx, build.Options{Src: os.DirFS(dir), SrcDir: dir, Out: *out, BaseURL: *baseURL, Strict: *strict,
		Cache: !*noCache})
	var links *build.LinkProblems
	if errors.As(err, &links) {
		// The pages are named by their path in the output, which the failed build left
		// as it was: they are found in the templates that made them.
		fmt.Fprintln(e.stderr, links.Error())
		fmt.Fprintf(e.stderr, "papan: %d galat pada halaman yang dibuat; keluaran sebelumnya tidak diubah\n", len(links.Dead)+len(links.Marked))
		return ExitProblem
	}
	var ps standard.Problems
	if *strict && errors.As(err, &ps) {
		printProblems(e.stderr, ps)
		fmt.Fprintln(e.stderr, "papan build --strict: situs tidak dibangun karena ada galat; keluaran sebelumnya tidak diubah")
		return ExitProblem
	}
	if err != nil {
		return reportError(e, err)
	}
	printProblems(e.stderr, res.Warnings)
	if res.Drafts > 0 {
		fmt.Fprintf(e.stderr, "papan: %d layanan draf tidak diterbitkan (draf = true)\n", res.Drafts)
	}
	shown := *out
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, *out); err == nil && !strings.HasPrefix(rel, "..") {
			shown = rel
		}
	}
	switch {
	case res.Unchanged:
		fmt.Fprintf(e.stderr, "papan: tidak ada yang berubah sejak build sebelumnya; %s tidak disentuh (%d halaman, %d berkas)\n",
			shown, res.Pages, res.Files)
	case res.InPlace:
		fmt.Fprintf(e.stderr, "papan: %d halaman (%d berkas, %d KB) di %s: %d berkas ditulis, %d dihapus, %d tidak berubah, dalam %d ms\n",
			res.Pages, res.Files, (res.Bytes+1023)/1024, shown, res.Written, res.Removed, res.Files-res.Written, res.Elapsed.Milliseconds())
	default:
		fmt.Fprintf(e.stderr, "papan: %d halaman (%d berkas, %d KB) ditulis ke %s dalam %d ms\n",
			res.Pages, res.Files, (res.Bytes+1023)/1024, shown, res.Elapsed.Milliseconds())
	}
	return ExitOK
}
