// Command papan builds, checks and previews a site of public service standards
// (Standar Pelayanan). See README.md.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"syscall"

	"github.com/papan-id/papan/internal/cli"
	"github.com/papan-id/papan/internal/oserr"
)

func main() {
	// PAPAN_CPUPROFILE=file writes a CPU profile of the run, for docs/performance.md.
	if file := os.Getenv("PAPAN_CPUPROFILE"); file != "" {
		f, err := os.Create(file)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "papan: profil CPU (PAPAN_CPUPROFILE) tidak dapat ditulis: %s\n", oserr.Text(err))
			os.Exit(2)
		}
		defer pprof.StopCPUProfile()
	}
	// PAPAN_MEMPROFILE=file writes a heap profile taken at the run's peak of live heap.
	stopHeap := func() error { return nil }
	if file := os.Getenv("PAPAN_MEMPROFILE"); file != "" {
		runtime.MemProfileRate = 16 << 10 // finer than the default, for small records
		stopHeap = peakHeapProfile(file)
	}
	// A build streams its services, but Go's collector lets the heap grow to twice what
	// is live. A soft limit sized by the site (memlimit.go) makes it collect harder
	// instead, near the end of the run only, and is raised whenever the live heap comes
	// near it; GOMEMLIMIT overrides it (GOMEMLIMIT=off for none). Not for serve, which
	// holds the whole site and would spend its time collecting on a big one.
	if len(os.Args) > 1 && (os.Args[1] == "build" || os.Args[1] == "check") && os.Getenv("GOMEMLIMIT") == "" {
		guardLimit(memoryLimit(os.Args[1], serviceFiles(os.Args[2:])))
	}
	// An interrupt cancels the context; a build then removes its temporary folder and
	// leaves the previous output as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err := stopHeap(); err != nil {
		fmt.Fprintf(os.Stderr, "papan: profil memori (PAPAN_MEMPROFILE) tidak dapat ditulis: %s\n", oserr.Text(err))
	}
	if code != 0 {
		pprof.StopCPUProfile()
		os.Exit(code)
	}
}
