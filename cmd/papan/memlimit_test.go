package main

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestMemoryLimit(t *testing.T) {
	for _, tt := range []struct {
		cmd      string
		services int
		want     int64
	}{
		{"build", 0, 16 << 20},
		{"build", 10_000, 16<<20 + 10_000*5632},
		{"build", 50_000, 16<<20 + 50_000*5632},
		{"build", 150_000, 16<<20 + 150_000*5632},
		{"build", 200_000, 880 << 20},
		{"check", 0, 30 << 20},
		{"check", 10_000, 30<<20 + 10_000*4096},
		{"check", 200_000, 30<<20 + 200_000*4096},
		{"check", 217_000, 30<<20 + 217_000*4096},
		{"check", 218_000, 880 << 20},
	} {
		if got := memoryLimit(tt.cmd, tt.services); got != tt.want {
			t.Errorf("memoryLimit(%q, %d) = %d, want %d", tt.cmd, tt.services, got, tt.want)
		}
	}
}

func TestRaisedLimit(t *testing.T) {
	const ample = 1 << 40 // a heap goal that leaves room
	for _, tt := range []struct {
		limit      int64
		live, goal uint64
		want       int64
	}{
		{100 << 20, 0, ample, 100 << 20},
		{100 << 20, 60 << 20, ample, 100 << 20},    // half again what is live is 90 MiB: stays
		{100 << 20, 80 << 20, ample, 120 << 20},    // raised to half again
		{100 << 20, 200 << 20, ample, 300 << 20},   // above the live heap, never below it
		{800 << 20, 560 << 20, ample, 840 << 20},   // half again, below most
		{800 << 20, 700 << 20, ample, 880 << 20},   // half again is past most: most
		{800 << 20, 800 << 20, ample, 900 << 20},   // most leaves less than an eighth: an eighth
		{1000 << 20, 500 << 20, ample, 1000 << 20}, // never lowered
		{880 << 20, 1000 << 20, ample, 1125 << 20}, // past most
		// The runtime's other memory leaves the heap a goal of 650 MiB for 640 MiB live
		// under 880 MiB: raised by what the goal lacks of an eighth above the live heap.
		{880 << 20, 640 << 20, 650 << 20, 880<<20 + 720<<20 - 650<<20},
		{70 << 20, 39 << 20, 55 << 20, 70 << 20}, // 10,000 services: room enough
	} {
		if got := raisedLimit(tt.limit, tt.live, tt.goal); got != tt.want {
			t.Errorf("raisedLimit(%d MiB, %d MiB, %d MiB) = %d MiB, want %d MiB", tt.limit>>20, tt.live>>20, tt.goal>>20, got>>20, tt.want>>20)
		}
	}
}

func TestServiceFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"site.toml", "content/tentang.md", "content/dukcapil/_opd.toml", "content/dukcapil/ktp.toml",
		"content/dukcapil/kk.toml", "content/dpmptsp/_opd.toml", "content/dpmptsp/pbg.toml", "content/dpmptsp/catatan.txt"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, tt := range []struct {
		name string
		args []string
		want int
	}{
		{"the current folder", []string{"--strict"}, 3},
		{"--src FOLDER", []string{"--src", dir, "--out", "/tmp/x"}, 3},
		{"-src=FOLDER", []string{"-src=" + dir}, 3},
		{"a folder without content", []string{"--src", filepath.Join(dir, "content")}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := serviceFiles(tt.args); got != tt.want {
				t.Errorf("serviceFiles(%q) = %d, want %d", tt.args, got, tt.want)
			}
		})
	}
}

// TestGuardLimit holds a live heap above the limit it sets and expects the limit raised
// above that heap after a few collections.
func TestGuardLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	keep := make([][]byte, 64)
	for i := range keep {
		keep[i] = make([]byte, 1<<20)
	}
	guardLimit(16 << 20)
	for range 5 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the finalizer runs on its own goroutine
	}
	if got := debug.SetMemoryLimit(-1); got < 80<<20 {
		t.Errorf("limit %d MiB after collections with 64 MiB live, want at least 80 MiB", got>>20)
	}
	runtime.KeepAlive(keep)
}
