package scaffold

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/content"
)

// TestScaffoldsPassCheck creates an OPD and a service the way an editor would and loads
// the site: the new files must be valid as written.
func TestScaffoldsPassCheck(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "site.toml"), []byte("judul = \"Uji\"\nwilayah = \"Kota Uji\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OPD(root, "dinas-uji"); err != nil {
		t.Fatal(err)
	}
	file, err := Service(root, "dinas-uji", "akta-kelahiran")
	if err != nil {
		t.Fatal(err)
	}
	site, ps, err := content.Load(context.Background(), os.DirFS(root))
	if err != nil || len(ps) > 0 {
		t.Fatalf("scaffolded site has problems: %v %v", err, ps)
	}
	s := site.OPDs[0].Services[0]
	if got, want := s.Name, "Akta Kelahiran"; got != want {
		t.Errorf("name = %q, want %q", got, want)
	}
	text, _ := os.ReadFile(file)
	for _, key := range []string{"[[persyaratan]]", "[[prosedur]]", "[jangka_waktu]", "[[biaya]]", "[[produk]]", "[[pengaduan]]", "[[dasar_hukum]]", "[[pelayanan_khusus]]", "sarana_prasarana", "evaluasi_kinerja", "[sk]"} {
		if !strings.Contains(string(text), key) {
			t.Errorf("scaffold lacks %s", key)
		}
	}
}

func TestRefusesToOverwrite(t *testing.T) {
	root := t.TempDir()
	file, err := OPD(root, "dinas")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(file, []byte("nama = \"Dinas milik editor\"\n"), 0o644)
	if _, err := OPD(root, "dinas"); !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(file); string(b) != "nama = \"Dinas milik editor\"\n" {
		t.Error("the editor's file was overwritten")
	}
}

func TestRefusesBadNames(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"Dinas Uji", "../luar", "assets", ""} {
		if _, err := OPD(root, name); err == nil {
			t.Errorf("OPD(%q) was accepted", name)
		}
	}
	if _, err := Service(root, "tidak-ada", "layanan"); err == nil || !strings.Contains(err.Error(), "papan new opd tidak-ada") {
		t.Errorf("service in a missing OPD: err = %v", err)
	}
}
