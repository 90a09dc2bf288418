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
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/papan-id/papan/internal/oserr"
	"github.com/papan-id/papan/internal/spell"
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
		{"build", "papan build [--src FOLDER] [--out FOLDER] [--base-url URL] [--strict]", "membangun situs ke folder keluaran (bawaan: public/)", runBuild},
		{"check", "papan check [--src FOLDER] [--format BENTUK] [--strict] [--summary]", "memeriksa isi dan kepatuhan standar tanpa menulis apa pun", runCheck},
		{"serve", "papan serve [--src FOLDER] [--port N] [--bind ALAMAT]", "pratinjau langsung dengan muat ulang otomatis saat berkas disimpan", runServe},
		{"new", "papan new layanan <opd>/<slug> | papan new opd <slug>", "membuat berkas baru berisi semua kunci dan petunjuk", runNew},
		{"skema", "papan skema [--src FOLDER] [FOLDER-SKEMA]", "menulis skema JSON berkas isi dan .taplo.toml: VS Code (Even Better TOML) melengkapi dan memeriksa saat mengetik", runSkema},
		{"ekspor", "papan ekspor xlsx [--src FOLDER] [--kosong] [--timpa] BERKAS.xlsx", "menulis semua standar ke buku kerja Excel untuk diisi OPD (--kosong: templat kosong)", runExport},
		{"impor", "papan impor xlsx BERKAS.xlsx [--src FOLDER] [--timpa]", "menulis berkas standar dari buku kerja Excel; semua galat dilaporkan per sel", runImport},
		{"gen-demo", "papan gen-demo --services N [--opd M] [--seed S] FOLDER", "menulis situs sintetis untuk uji kinerja dan demo", runGenDemo},
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
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.usage))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.usage, c.summary)
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
				printDefaults(fs.Output(), fs)
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

// parse parses args; it returns the exit status to stop with, or -1 to go on. The flag
// package's own messages are English, so it is kept quiet and parse speaks instead.
func parse(fs *flag.FlagSet, args []string) int {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(out)
	fs.Usage = usage
	switch {
	case err == nil:
		return -1
	case errors.Is(err, flag.ErrHelp):
		usage()
		return ExitOK
	}
	fmt.Fprintf(out, "papan %s: %s\n\n", fs.Name(), flagError(fs, args, err))
	usage()
	return ExitUsage
}

// The errors of the flag package (go/src/flag/flag.go, failf), to be said in Indonesian.
var (
	flagUnknown  = regexp.MustCompile(`^flag provided but not defined: -(.*)$`)
	flagNoValue  = regexp.MustCompile(`^flag needs an argument: -(.*)$`)
	flagBadBool  = regexp.MustCompile(`^invalid boolean value "(.*)" for -([^:]*): `)
	flagBadValue = regexp.MustCompile(`^invalid value "(.*)" for flag -([^:]*): (.*)$`)
	flagSyntax   = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagError says in Indonesian what is wrong with args, which fs.Parse refused with err.
func flagError(fs *flag.FlagSet, args []string, err error) string {
	msg := err.Error()
	if m := flagUnknown.FindStringSubmatch(msg); m != nil {
		s := fmt.Sprintf("pilihan %s tidak dikenal", written(args, m[1]))
		if near := closestFlag(fs, m[1]); near != "" {
			s += fmt.Sprintf("; mungkin maksudnya --%s?", near)
		}
		return s
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		f := fs.Lookup(m[1])
		return fmt.Sprintf("pilihan %s memerlukan nilai, misalnya --%s %s", written(args, m[1]), m[1], valueName(f))
	}
	if m := flagBadBool.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("nilai %q untuk --%s harus true atau false", m[1], m[2])
	}
	if m := flagBadValue.FindStringSubmatch(msg); m != nil {
		value, name, cause := m[1], m[2], m[3]
		what := "tidak valid"
		if g, ok := fs.Lookup(name).Value.(flag.Getter); ok {
			switch g.Get().(type) {
			case int, int64:
				what = "bukan angka bulat"
			case uint, uint64:
				what = "bukan angka bulat 0 atau lebih"
			case float64:
				what = "bukan angka"
			}
		}
		if cause == "value out of range" {
			what = "di luar batas angka yang dapat dibaca"
		}
		return fmt.Sprintf("nilai %q untuk --%s %s", value, name, what)
	}
	if m := flagSyntax.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("pilihan %s tidak dapat dibaca; tulis --nama atau --nama=nilai", m[1])
	}
	s := "pilihan tidak dapat dibaca"
	if os.Getenv(oserr.DebugEnv) == "1" {
		s += " (" + msg + ")"
	}
	return s
}

// written returns the flag name as the user wrote it in args (-x or --x).
func written(args []string, name string) string {
	for _, a := range args {
		if a == "--" {
			break
		}
		if n, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "="); strings.HasPrefix(a, "-") && n == name {
			a, _, _ = strings.Cut(a, "=")
			return a
		}
	}
	return "--" + name
}

// closestFlag returns the flag of fs nearest to name when it is near enough to be a typo.
func closestFlag(fs *flag.FlagSet, name string) string {
	best, bestDist := "", 3
	fs.VisitAll(func(f *flag.Flag) {
		if d := spell.Distance(name, f.Name); d < bestDist {
			best, bestDist = f.Name, d
		}
	})
	return best
}

// valueNames name the value of each flag in the help, where the flag's usage does not
// name it itself with `backquotes`.
var valueNames = map[string]string{
	"src": "FOLDER", "out": "FOLDER", "base-url": "URL", "port": "N", "bind": "ALAMAT",
	"format": "BENTUK", "today": "TANGGAL", "services": "N", "opd": "M", "seed": "S",
}

// valueName is how the help names the value of f: "" for a true/false flag.
func valueName(f *flag.Flag) string {
	name, _ := flag.UnquoteUsage(f)
	if name == "" {
		return ""
	}
	if n, ok := valueNames[f.Name]; ok && !strings.Contains(f.Usage, "`") {
		return n
	}
	switch name {
	case "string":
		return "TEKS"
	case "int", "uint", "float":
		return "ANGKA"
	case "duration":
		return "LAMA"
	case "value":
		return "NILAI"
	}
	return name
}

// printDefaults is flag.PrintDefaults in Indonesian, with the two dashes the README uses.
func printDefaults(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		_, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if v := valueName(f); v != "" {
			line += " " + v
		}
		line += "\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t")
		if d := f.DefValue; d != "" && d != "0" && d != "false" {
			if _, isText := f.Value.(flag.Getter).Get().(string); isText {
				d = strconv.Quote(d)
			}
			line += " (bawaan: " + d + ")"
		}
		fmt.Fprintln(w, line)
	})
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
	fmt.Fprintf(e.stderr, "papan: %s\n", oserr.Text(err))
	return ExitProblem
}

func siteFS(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("folder situs %s tidak dapat dibaca: %w", dir, err)
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
