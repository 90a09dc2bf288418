package gendemo_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/papan-id/papan/internal/cli"
	"github.com/papan-id/papan/internal/gendemo"
)

// TestPapanCheckPasses runs the whole `papan check` (content, rules and templates) on
// generated sites: warnings are allowed, errors are not.
func TestPapanCheckPasses(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprintf("200 services with seed %d", seed), func(t *testing.T) {
			dir := t.TempDir()
			if _, err := gendemo.Generate(context.Background(), dir, gendemo.Options{Services: 200, Seed: seed}); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			if code := cli.Run(context.Background(), []string{"check", "--src", dir}, &stdout, &stderr); code != cli.ExitOK {
				t.Errorf("papan check exited %d\n%s%s", code, stdout.String(), stderr.String())
			}
		})
	}
}

func TestGenDemoCommand(t *testing.T) {
	run := func(args ...string) (int, string) {
		var out bytes.Buffer
		code := cli.Run(context.Background(), append([]string{"gen-demo"}, args...), &out, &out)
		return code, out.String()
	}
	dir := t.TempDir()
	if code, out := run("--services", "3", "--seed", "4", dir); code != cli.ExitOK {
		t.Fatalf("gen-demo exited %d: %s", code, out)
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"a folder that is not empty", []string{"--services", "3", dir}},
		{"no --services", []string{t.TempDir()}},
		{"no folder", []string{"--services", "3"}},
		{"a negative --opd", []string{"--services", "3", "--opd", "-1", t.TempDir()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, out := run(tc.args...); code != cli.ExitUsage {
				t.Errorf("gen-demo %v exited %d, want %d: %s", tc.args, code, cli.ExitUsage, out)
			}
		})
	}
}
