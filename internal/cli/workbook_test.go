package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportImport runs the three commands of a region starting out, with the
// site folder's flag after the file as the README writes it, and the usage errors.
func TestExportImport(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "standar.xlsx")
	site := filepath.Join(dir, "situs")
	for _, tt := range []struct {
		name       string
		args       []string
		code       int
		wantStderr string
	}{
		{"ekspor needs a format", []string{"ekspor", xlsx}, ExitUsage, "papan ekspor: sebutkan bentuknya: papan ekspor xlsx BERKAS.xlsx"},
		{"impor needs one file", []string{"impor", "xlsx"}, ExitUsage, "papan impor xlsx: sebutkan tepat satu berkas .xlsx"},
		{"the empty template", []string{"ekspor", "xlsx", "--kosong", xlsx}, ExitOK, "papan: templat kosong ditulis ke " + xlsx},
		{"an existing workbook is kept", []string{"ekspor", "xlsx", "--kosong", xlsx}, ExitProblem, "sudah ada; jalankan dengan --timpa"},
		{"an empty template imports nothing", []string{"impor", "xlsx", xlsx, "--src", site}, ExitProblem, "Situs!A2: galat: folder situs belum punya site.toml dan lembar Situs kosong"},
		{"the example site", []string{"ekspor", "xlsx", "--timpa", "--src", "../..", xlsx}, ExitOK, "papan: 7 OPD dan 23 layanan ditulis ke " + xlsx},
		{"imported, flags after the file", []string{"impor", "xlsx", xlsx, "--src", site}, ExitOK, "papan: 31 berkas ditulis, 0 tidak berubah"},
		{"checked", []string{"check", "--src", site}, ExitOK, ""},
		// site.toml now exists, so the Situs sheet is not read again.
		{"imported again, nothing changes", []string{"impor", "xlsx", xlsx, "--src", site}, ExitOK, "papan: 0 berkas ditulis, 30 tidak berubah"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("exit %d, want %d; stderr:\n%s\nwant it to contain %q", code, tt.code, stderr, tt.wantStderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(site, "content", "dpmptsp", "pbg.toml")); err != nil {
		t.Error(err)
	}
}
