// Package oserr says in Indonesian what an operating-system error means, for the
// messages Papan prints to a person: "akses ditolak" rather than "permission denied".
// The system's own (English) text is added only when PAPAN_DEBUG=1.
package oserr

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// DebugEnv is the environment variable that, set to 1, keeps the system's own text.
const DebugEnv = "PAPAN_DEBUG"

// causes are the errors a person can do something about, in the words for them.
var causes = []struct {
	err  error
	text string
}{
	{fs.ErrNotExist, "tidak ditemukan"},
	{fs.ErrPermission, "akses ditolak; periksa izin berkas atau folder ini"},
	{fs.ErrExist, "sudah ada"},
	{syscall.ENOSPC, "disk penuh"},
	{syscall.EROFS, "disk hanya dapat dibaca"},
	{syscall.EISDIR, "berupa folder, bukan berkas"},
	{syscall.ENOTDIR, "bukan folder"},
	{syscall.ENOTEMPTY, "folder tidak kosong"},
	{syscall.EMFILE, "terlalu banyak berkas terbuka"},
	{syscall.ENFILE, "terlalu banyak berkas terbuka"},
	{syscall.EXDEV, "berada di disk yang berbeda"},
	{syscall.EBUSY, "sedang dipakai program lain"},
	{syscall.ENAMETOOLONG, "nama terlalu panjang"},
	{syscall.EIO, "galat baca/tulis pada disk"},
	{syscall.EADDRINUSE, "alamat sudah dipakai program lain"},
	{syscall.EADDRNOTAVAIL, "alamat tidak tersedia di komputer ini"},
}

// Describe returns the Indonesian words for the cause of err, without the file name.
func Describe(err error) string {
	text := "galat sistem (jalankan dengan " + DebugEnv + "=1 untuk rinciannya)"
	for _, c := range causes {
		if errors.Is(err, c.err) {
			text = c.text
			break
		}
	}
	if os.Getenv(DebugEnv) == "1" {
		text += " (" + err.Error() + ")"
	}
	return text
}

// Text returns err's message with the operating-system error in it put into
// Indonesian: "tidak dapat mengganti public: rename a b: permission denied" becomes
// "tidak dapat mengganti public: a → b: akses ditolak; …". The rest of the message is
// Papan's own, which is Indonesian already.
func Text(err error) string {
	msg := err.Error()
	var (
		pe *fs.PathError
		le *os.LinkError
		se *os.SyscallError
		en syscall.Errno
	)
	switch {
	case errors.As(err, &le):
		return replace(msg, le.Error(), le.Old+" → "+le.New+": "+Describe(le.Err))
	case errors.As(err, &pe):
		return replace(msg, pe.Error(), pe.Path+": "+Describe(pe.Err))
	case errors.As(err, &se):
		return replace(msg, se.Error(), Describe(se.Err))
	case errors.As(err, &en):
		return replace(msg, en.Error(), Describe(en))
	}
	return msg
}

// replace puts new in place of old in msg; a message that does not hold old (an error
// that formats its cause differently) is followed by new.
func replace(msg, old, new string) string {
	if strings.Contains(msg, old) {
		return strings.Replace(msg, old, new, 1)
	}
	if msg == "" {
		return new
	}
	return msg + ": " + new
}
