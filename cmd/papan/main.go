// Command papan builds, checks and previews a site of public service standards
// (Standar Pelayanan). See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/papan-id/papan/internal/cli"
)

func main() {
	// An interrupt cancels the context; a build then removes its temporary folder and
	// leaves the previous output as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
