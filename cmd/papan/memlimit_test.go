package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMemoryLimit(t *testing.T) {
	for _, tt := range []struct {
		services int
		want     int64
	}{
		{0, 32 << 20},
		{10_000, 32<<20 + 10_000*6<<10},
		{50_000, 32<<20 + 50_000*6<<10},
		{130_000, 768 << 20},
		{200_000, 768 << 20},
	} {
		if got := memoryLimit(tt.services); got != tt.want {
			t.Errorf("memoryLimit(%d) = %d, want %d", tt.services, got, tt.want)
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
