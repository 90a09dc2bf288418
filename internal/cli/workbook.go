package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	iofs "io/fs"
	"os"
	"path/filepath"

	"github.com/papan-id/papan/internal/atomicfile"
	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/standard"
	"github.com/papan-id/papan/internal/workbook"
)

// parseInterleaved parses args whose flags may come after the positional arguments
// ("papan impor xlsx FILE --src DIR"), which the flag package alone stops at. It returns
// the positional arguments, and the exit status to stop with or -1.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, int) {
	var pos []string
	for {
		if code := parse(fs, args); code >= 0 {
			return nil, code
		}
		if fs.NArg() == 0 {
			return pos, -1
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// wantXLSX checks the positional arguments of ekspor and impor: "xlsx FILE".
func wantXLSX(e *env, name string, pos []string) (string, int) {
	switch {
	case len(pos) == 0 || pos[0] != "xlsx":
		fmt.Fprintf(e.stderr, "papan %s: sebutkan bentuknya: papan %s xlsx BERKAS.xlsx\n", name, name)
		return "", ExitUsage
	case len(pos) != 2:
		fmt.Fprintf(e.stderr, "papan %s xlsx: sebutkan tepat satu berkas .xlsx\n", name)
		return "", ExitUsage
	}
	return pos[1], -1
}

func runExport(e *env, args []string) int {
	fs := e.flags("ekspor")
	src := srcFlag(fs)
	empty := fs.Bool("kosong", false, "menulis templat kosong, tanpa membaca situs")
	overwrite := fs.Bool("timpa", false, "menimpa BERKAS bila sudah ada")
	pos, code := parseInterleaved(fs, args)
	if code >= 0 {
		return code
	}
	out, code := wantXLSX(e, "ekspor", pos)
	if code >= 0 {
		return code
	}
	if _, err := os.Stat(out); err == nil && !*overwrite {
		fmt.Fprintf(e.stderr, "papan ekspor: %s sudah ada; jalankan dengan --timpa untuk menimpanya\n", out)
		return ExitProblem
	}
	var site *standard.Site
	if !*empty {
		dir, err := siteFS(*src)
		if err != nil {
			return reportError(e, err)
		}
		s, ps, err := content.Load(e.ctx, os.DirFS(dir))
		if err != nil {
			return reportError(e, err)
		}
		if s == nil {
			printProblems(e.stderr, ps)
			fmt.Fprintln(e.stderr, "papan ekspor: perbaiki galat di atas dulu; buku kerja tidak ditulis")
			return ExitProblem
		}
		site = s
	}
	var b bytes.Buffer
	if err := workbook.Export(&b, site); err != nil {
		return reportError(e, err)
	}
	if err := atomicfile.Write(out, b.Bytes()); err != nil {
		return reportError(e, err)
	}
	if site == nil {
		fmt.Fprintf(e.stderr, "papan: templat kosong ditulis ke %s\n", out)
		return ExitOK
	}
	n := 0
	for _, o := range site.OPDs {
		n += len(o.Services)
	}
	fmt.Fprintf(e.stderr, "papan: %d OPD dan %d layanan ditulis ke %s\n", len(site.OPDs), n, out)
	return ExitOK
}

func runImport(e *env, args []string) int {
	fs := e.flags("impor")
	src := srcFlag(fs)
	overwrite := fs.Bool("timpa", false, "mengganti berkas yang sudah ada dan berbeda; berkas lama disimpan di "+workbook.BackupDir)
	pos, code := parseInterleaved(fs, args)
	if code >= 0 {
		return code
	}
	in, code := wantXLSX(e, "impor", pos)
	if code >= 0 {
		return code
	}
	f, err := os.Open(in)
	if errors.Is(err, iofs.ErrNotExist) {
		fmt.Fprintf(e.stderr, "papan impor: %s tidak ditemukan\n", in)
		return ExitProblem
	}
	if err != nil {
		return reportError(e, err)
	}
	defer f.Close()
	// A region starting out imports into a folder that does not exist yet.
	if err := os.MkdirAll(*src, 0o755); err != nil {
		return reportError(e, err)
	}
	dir, err := siteFS(*src)
	if err != nil {
		return reportError(e, err)
	}
	res, err := workbook.Import(e.ctx, f, workbook.Options{Dir: dir, Overwrite: *overwrite})
	var ps standard.Problems
	if errors.As(err, &ps) {
		printProblems(e.stderr, ps)
		fmt.Fprintln(e.stderr, "papan impor: tidak ada berkas yang ditulis; perbaiki sel di atas lalu jalankan lagi")
		return ExitProblem
	}
	if err != nil {
		return reportError(e, err)
	}
	printProblems(e.stderr, res.Warnings)
	for _, p := range res.Written {
		fmt.Fprintln(e.stdout, p)
	}
	fmt.Fprintf(e.stderr, "papan: %d berkas ditulis, %d tidak berubah", len(res.Written), len(res.Unchanged))
	if res.Backup != "" {
		fmt.Fprintf(e.stderr, "; berkas lama disimpan di %s", filepath.Join(*src, res.Backup))
	}
	fmt.Fprintln(e.stderr, "\nJalankan papan check untuk memeriksa kelengkapan standar.")
	return ExitOK
}
