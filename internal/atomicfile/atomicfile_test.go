package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWrite: a new file and a replaced one hold the new bytes, readable by all; a write
// into a folder that does not exist fails, leaving nothing behind.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "layanan.toml")
	for _, data := range []string{"nama = \"A\"\n", "nama = \"B\"\n"} {
		if err := Write(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil || string(got) != data {
			t.Fatalf("after Write the file holds %q (%v), want %q", got, err, data)
		}
		if fi, err := os.Stat(name); err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("mode %v (%v), want 0644", fi.Mode().Perm(), err)
		}
	}
	if err := Write(filepath.Join(dir, "tidak-ada", "x.toml"), []byte("x")); err == nil {
		t.Error("a write into a missing folder succeeded")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %v, want only layanan.toml (no temporary file left)", names)
	}
}
