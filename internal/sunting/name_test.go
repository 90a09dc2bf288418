package sunting

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNameIn: the file list names a file by its own top-level name, never by the name of
// one of its tables, and by its file name when it has none.
func TestNameIn(t *testing.T) {
	for _, c := range []struct {
		name, key, text, want string
	}{
		{"a service", "nama", "# komentar\nnama = \"Penerbitan KTP-el\"\nringkasan = \"…\"\n[[persyaratan]]\nnama = \"Kartu Keluarga\"\n", "Penerbitan KTP-el"},
		{"escapes and indentation", "nama", "  nama = \"Izin \\\"Reklame\\\" \\u00e9\"\n", "Izin \"Reklame\" é"},
		{"only a table's name", "nama", "ringkasan = \"…\"\n[[persyaratan]]\nnama = \"Kartu Keluarga\"\n", "x.toml"},
		{"a key that only begins so", "nama", "nama_lain = \"Bukan\"\nnama = \"Ya\"\n", "Ya"},
		{"a page", "judul", "+++\njudul = \"Cara Mengadu\"\n+++\n[tautan](https://contoh.go.id)\n", "Cara Mengadu"},
		{"no name", "nama", "", "x.toml"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "x.toml"), []byte(c.text), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := nameIn(dir, "x.toml", c.key); got != c.want {
				t.Errorf("nameIn = %q, want %q", got, c.want)
			}
		})
	}
}
