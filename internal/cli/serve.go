package cli

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"strconv"
	"syscall"

	"github.com/papan-id/papan/internal/oserr"
	"github.com/papan-id/papan/internal/serve"
)

// defaultPort is where papan serve listens unless told otherwise.
const defaultPort = 8080

func runServe(e *env, args []string) int {
	fs := e.flags("serve")
	src := srcFlag(fs)
	port := fs.Int("port", defaultPort, "port HTTP; bila port bawaan terpakai, port kosong berikutnya dipilih")
	bind := fs.String("bind", "127.0.0.1", "alamat yang didengarkan; 0.0.0.0 agar dapat dibuka dari ponsel di jaringan yang sama")
	edit := fs.Bool("sunting", false, "menyediakan formulir sunting di /_sunting/ dan tautan \"Sunting\" di setiap halaman; hanya di 127.0.0.1")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "papan serve: argumen tidak dikenal: %s\n", fs.Arg(0))
		return ExitUsage
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(e.stderr, "papan serve: port %d tidak valid; pilih angka 1–65535\n", *port)
		return ExitUsage
	}
	if *edit && !loopback(*bind) {
		fmt.Fprintf(e.stderr, "papan serve: --sunting hanya dapat dipakai di komputer ini sendiri (127.0.0.1, ::1 atau localhost), bukan di %s:\n"+
			"\tformulir sunting dapat mengubah berkas situs, jadi tidak dibuka untuk perangkat lain di jaringan.\n"+
			"\tsaran: hapus --bind %s, atau jalankan tanpa --sunting\n", *bind, *bind)
		return ExitUsage
	}
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "port" })
	dir, err := siteFS(*src)
	if err != nil {
		return reportError(e, err)
	}

	ln, err := listen(*bind, *port)
	if errors.Is(err, syscall.EADDRINUSE) && !explicit {
		// The default port is a convenience, not a promise: take the next free one.
		for p := *port + 1; p < *port+20 && errors.Is(err, syscall.EADDRINUSE); p++ {
			ln, err = listen(*bind, p)
		}
		if err == nil {
			fmt.Fprintf(e.stderr, "papan serve: port %d sudah dipakai program lain; memakai port %d\n",
				*port, ln.Addr().(*net.TCPAddr).Port)
		}
	}
	if errors.Is(err, syscall.EADDRINUSE) {
		fmt.Fprintf(e.stderr, "papan serve: port %d di %s sudah dipakai program lain (mungkin papan serve yang lain).\n"+
			"\tsaran: hentikan program itu, atau pilih port lain, misalnya: papan serve --port %d\n", *port, *bind, *port+1)
		return ExitProblem
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "papan serve: tidak dapat mendengarkan di %s: %s\n", net.JoinHostPort(*bind, strconv.Itoa(*port)), oserr.Describe(err))
		return ExitProblem
	}

	addr := ln.Addr().(*net.TCPAddr)
	host := *bind
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	fmt.Fprintf(e.stdout, "http://%s/\n", net.JoinHostPort(host, strconv.Itoa(addr.Port)))
	if addr.IP.IsUnspecified() {
		fmt.Fprintf(e.stderr, "papan serve: dapat dibuka dari perangkat lain di jaringan yang sama lewat alamat IP komputer ini, port %d\n", addr.Port)
	}
	fmt.Fprintln(e.stderr, "papan serve: memantau perubahan berkas; tekan Ctrl-C untuk berhenti")

	if *edit {
		fmt.Fprintf(e.stderr, "papan serve: formulir sunting di http://%s/_sunting/\n", net.JoinHostPort(host, strconv.Itoa(addr.Port)))
	}
	if err := serve.Run(e.ctx, serve.Options{Dir: dir, Listener: ln, Log: e.stderr, Sunting: *edit}); err != nil {
		fmt.Fprintf(e.stderr, "papan serve: %s\n", oserr.Text(err))
		return ExitProblem
	}
	fmt.Fprintln(e.stderr, "papan serve: berhenti")
	return ExitOK
}

func listen(bind string, port int) (net.Listener, error) {
	return net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
}

// loopback reports whether bind is an address of this computer only.
func loopback(bind string) bool {
	if bind == "localhost" {
		return true
	}
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsLoopback()
}
