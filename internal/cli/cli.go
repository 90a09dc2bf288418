// Package cli is the papan command line. Run takes the arguments and the output streams
// and returns the exit status, so every command can be tested in-process:
// 0 success, 1 content problems (or a failed build), 2 wrong usage.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// Exit statuses.
const (
	ExitOK      = 0
	ExitProblem = 1
	ExitUsage   = 2
)

// env is what a command runs with.
type env struct {
	ctx            context.Context
	stdout, stderr io.Writer
}

type command struct {
	name, usage, summary string
	run                  func(e *env, args []string) int
}

func commands() []command {
	return []command{
		{"build", "papan build [--src DIR] [--out DIR] [--base-url URL]", "membangun situs ke folder keluaran (bawaan: public/)", runBuild},
		{"check", "papan check [--src DIR] [--format F] [--strict] [--summary]", "memeriksa isi dan kepatuhan standar tanpa menulis apa pun", runCheck},
		{"serve", "papan serve [--src DIR] [--port N] [--bind ADDR]", "pratinjau langsung dengan muat ulang otomatis saat berkas disimpan", runServe},
		{"new", "papan new layanan <opd>/<slug> | papan new opd <slug>", "membuat berkas baru berisi semua kunci dan petunjuk", runNew},
		{"gen-demo", "papan gen-demo --services N [--opd M] [--seed S] DIR", "menulis situs sintetis untuk uji kinerja dan demo", runGenDemo},
		{"version", "papan version", "menampilkan versi", runVersion},
		{"help", "papan help [perintah]", "menampilkan bantuan", nil},
	}
}

// Run runs the papan command line with args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] && c.run != nil {
					return c.run(e, []string{"--help"})
				}
			}
		}
		usage(stdout)
		return ExitOK
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "papan: perintah %q tidak dikenal\n\n", name)
	usage(stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Papan membangun situs Standar Pelayanan dari berkas TOML.")
	fmt.Fprintln(w, "\nPenggunaan:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-58s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nJalankan `papan <perintah> --help` untuk pilihan setiap perintah.")
}

// flags makes the flag set of a command. Parse errors and --help are handled by parse.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	for _, c := range commands() {
		if c.name == name {
			fs.Usage = func() {
				fmt.Fprintf(fs.Output(), "Penggunaan: %s\n\n%s.\n\n", c.usage, capitalize(c.summary))
				fs.PrintDefaults()
			}
		}
	}
	return fs
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// parse parses args; it returns the exit status to stop with, or -1 to go on.
func parse(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	return -1
}

// srcFlag registers --src, the site folder.
func srcFlag(fs *flag.FlagSet) *string {
	return fs.String("src", ".", "folder situs (berisi site.toml dan content/)")
}

// printProblems prints problems once, errors and warnings alike, with a count at the end.
func printProblems(w io.Writer, ps standard.Problems) {
	for _, p := range ps {
		fmt.Fprintln(w, p.String())
	}
	if len(ps) > 0 {
		fmt.Fprintf(w, "%d galat, %d peringatan\n", ps.Errors(), len(ps)-ps.Errors())
	}
}

// reportError prints err for a person and returns the exit status it deserves.
func reportError(e *env, err error) int {
	var ps standard.Problems
	if errors.As(err, &ps) {
		printProblems(e.stderr, ps)
		return ExitProblem
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(e.stderr, "papan: dihentikan; keluaran sebelumnya tidak diubah")
		return ExitProblem
	}
	fmt.Fprintf(e.stderr, "papan: %v\n", err)
	return ExitProblem
}

func siteFS(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return "", fmt.Errorf("folder situs %s tidak ditemukan", dir)
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("%s bukan folder", dir)
	}
	return abs, nil
}

func runVersion(e *env, args []string) int {
	fs := e.flags("version")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	fmt.Fprintf(e.stdout, "papan %s\n", Version())
	return ExitOK
}

// Version is the module version when installed with go install, else the VCS revision.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "(devel)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return "(devel) " + rev
}
