package rules_test

import (
	"strings"
	"testing"
)

// TestProcedureRules checks the rules that read steps against the procedure's stages,
// conditions, outcomes and several actors.
func TestProcedureRules(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"SP009 adds up the steps of stages that follow one another",
			map[string]string{svc: replace(serviceTOML, "waktu = \"2 jam\"", "waktu = \"8 jam\"\ntahap = \"Penerbitan\"")},
			[]string{svc + ":31:1: peringatan: jumlah waktu langkah prosedur (8 jam 10 menit) melebihi jangka waktu layanan (8 jam) [SP009]"}},
		{"SP009 leaves out a step done only on a condition",
			map[string]string{svc: replace(serviceTOML, "waktu = \"2 jam\"", "waktu = \"2 hari kerja\"\njika = \"jika diperlukan peninjauan lapangan\"")}, nil},
		{"SP009 passes a decision with outcomes",
			map[string]string{svc: replace(serviceTOML, "waktu = \"2 jam\"\n", "waktu = \"2 jam\"\nkeputusan = \"Berkas lengkap?\"\n\n[[prosedur.hasil]]\njika = \"Tidak lengkap\"\nkembali_ke = 1\n\n[[prosedur.hasil]]\njika = \"Tidak memenuhi syarat\"\nselesai = true\n")}, nil},
		{"SP005 passes several actors",
			map[string]string{svc: replace(serviceTOML, "pelaksana = \"Petugas\"", "pelaksana = [\"Petugas loket\", \"Kepala seksi\"]")}, nil},
		{"SP005 finds an empty actor among several",
			map[string]string{svc: replace(serviceTOML, "pelaksana = \"Petugas\"", "pelaksana = [\"Petugas loket\", \"\"]")},
			[]string{svc + ":26:31: galat: `pelaksana` butir ke-2 pada [[prosedur]] ke-2 kosong"}},
		{"SP005 finds an empty list of actors",
			map[string]string{svc: replace(serviceTOML, "pelaksana = \"Petugas\"", "pelaksana = []")},
			[]string{svc + ":24:3: peringatan: [[prosedur]] ke-2 tidak menyebut pelaksana [SP005]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, siteWith(tt.files))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
