package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"testing"
)

// envTestMain makes the test binary act as the papan command: a test re-executes
// os.Args[0] with this set to 1 and the command's arguments, so it can signal a real
// process exactly as cmd/papan/main.go would receive the signal.
const envTestMain = "PAPAN_TEST_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(envTestMain) == "1" {
		// The same wiring as cmd/papan/main.go.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}
