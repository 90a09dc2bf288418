package oserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"missing file", &fs.PathError{Op: "open", Path: "content/a.toml", Err: syscall.ENOENT},
			"content/a.toml: tidak ditemukan"},
		{"permission, wrapped with Papan's words",
			fmt.Errorf("folder tidak dapat dibaca: %w", &fs.PathError{Op: "open", Path: "content", Err: syscall.EACCES}),
			"folder tidak dapat dibaca: content: akses ditolak; periksa izin berkas atau folder ini"},
		{"rename across disks",
			fmt.Errorf("tidak dapat mengganti public: %w", &os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EXDEV}),
			"tidak dapat mengganti public: a → b: berada di disk yang berbeda"},
		{"disk full", &os.SyscallError{Syscall: "write", Err: syscall.ENOSPC}, "disk penuh"},
		{"bare errno", fmt.Errorf("menulis: %w", syscall.EROFS), "menulis: disk hanya dapat dibaca"},
		{"unknown errno", &fs.PathError{Op: "open", Path: "x", Err: syscall.Errno(0x7fff)},
			"x: galat sistem (jalankan dengan PAPAN_DEBUG=1 untuk rinciannya)"},
		{"not an OS error", errors.New("berkas sudah ada"), "berkas sudah ada"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.err); got != tt.want {
				t.Errorf("Text = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDebugKeepsTheSystemText(t *testing.T) {
	t.Setenv(DebugEnv, "1")
	err := &fs.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}
	if got, want := Text(err), "x: tidak ditemukan (no such file or directory)"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}
