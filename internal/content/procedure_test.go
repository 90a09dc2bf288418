package content

import (
	"reflect"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

// procedureService is a service whose procedure the tests below replace.
func procedureService(procedure string) string {
	return strings.Replace(serviceTOML, `[[prosedur]]
uraian = "Pemohon menyerahkan berkas"
pelaksana = "Pemohon"
`, procedure, 1)
}

// The procedure of Kota Metro's PBG (corpus 01), shortened: two stages, a condition,
// two actors on a step, and a decision with three outcomes in the second stage whose
// kembali_ke counts on from the first.
const stagedProcedure = `[[prosedur]]
tahap = "Penerbitan PBG"
uraian = "Operator melakukan pengecekan kembali nilai retribusi PBG"
pelaksana = "Operator"

[[prosedur]]
tahap = "Penerbitan PBG"
jika = "Jika nilai retribusi sesuai"
uraian = "Operator mencetak Surat Ketetapan Retribusi Daerah"
pelaksana = ["Operator", "Pengawas"]

[[prosedur]]
tahap = "Penerbitan SLF dan SBKBG"
uraian = "Pemohon mengunggah as built drawing"
pelaksana = "Pemohon"

[[prosedur]]
tahap = "Penerbitan SLF dan SBKBG"
uraian = "Pemeriksaan dokumen"
pelaksana = "Pengawas"
keputusan = "Dokumen lengkap dan benar?"

[[prosedur.hasil]]
jika = "Tidak lengkap"
maka = "Dokumen dikembalikan kepada pemohon"
kembali_ke = 3

[[prosedur.hasil]]
jika = "Tidak memenuhi syarat"
maka = "Permohonan dibatalkan"
selesai = true

[[prosedur.hasil]]
jika = "Lengkap dan benar"
`

func TestLoadProcedure(t *testing.T) {
	site, ps := load(t, siteWith(map[string]string{"content/dinas/layanan.toml": procedureService(stagedProcedure)}))
	if len(ps) > 0 || site == nil {
		t.Fatalf("problems: %v", ps)
	}
	steps := site.OPDs[0].Services[0].Procedure
	if got, want := len(steps), 4; got != want {
		t.Fatalf("%d steps, want %d", got, want)
	}
	if got, want := steps[1].Actors, (standard.Actors{"Operator", "Pengawas"}); !reflect.DeepEqual(got, want) {
		t.Errorf("actors of a list = %q, want %q", got, want)
	}
	if got, want := steps[0].Actors, (standard.Actors{"Operator"}); !reflect.DeepEqual(got, want) {
		t.Errorf("actors of a text = %q, want %q", got, want)
	}
	if got, want := steps[1].Condition, "Jika nilai retribusi sesuai"; got != want {
		t.Errorf("condition = %q, want %q", got, want)
	}
	want := []standard.Outcome{
		{If: "Tidak lengkap", Then: "Dokumen dikembalikan kepada pemohon", BackTo: 3},
		{If: "Tidak memenuhi syarat", Then: "Permohonan dibatalkan", End: true},
		{If: "Lengkap dan benar"},
	}
	if got := steps[3].Outcomes; !reflect.DeepEqual(got, want) {
		t.Errorf("outcomes = %+v, want %+v", got, want)
	}
	lanes := standard.Lanes(steps)
	if len(lanes) != 1 || len(lanes[0].Stages) != 2 || lanes[0].Stages[1].Name != "Penerbitan SLF dan SBKBG" || lanes[0].Stages[1].First != 3 {
		t.Errorf("lanes = %+v, want one lane of two stages, the second from step 3", lanes)
	}
}

// TestLoadProcedureRepeatsStep loads a decision that returns to its own step, both ways
// of writing it: Garut's (corpus 13) "jika persyaratan tidak lengkap … diminta untuk
// melengkapi", after which the same check is done again.
func TestLoadProcedureRepeatsStep(t *testing.T) {
	for _, tt := range []struct{ name, step string }{
		{"an outcome", "\n[[prosedur.hasil]]\njika = \"Persyaratan tidak lengkap\"\nmaka = \"Pemohon melengkapi persyaratan\"\nkembali_ke = 2\n"},
		{"the short way", "jika_tidak = \"Pemohon melengkapi persyaratan\"\nkembali_ke = 2\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			procedure := "[[prosedur]]\nuraian = \"Pemohon datang membawa persyaratan\"\npelaksana = \"Pemohon\"\n\n" +
				"[[prosedur]]\nuraian = \"Pemeriksaan persyaratan\"\npelaksana = \"Petugas\"\nkeputusan = \"Persyaratan lengkap?\"\n" + tt.step
			site, ps := load(t, siteWith(map[string]string{"content/dinas/layanan.toml": procedureService(procedure)}))
			if len(ps) > 0 || site == nil {
				t.Fatalf("problems: %v", ps)
			}
			st := site.OPDs[0].Services[0].Procedure[1]
			got := st.BackTo
			if len(st.Outcomes) > 0 {
				got = st.Outcomes[0].BackTo
			}
			if got != 2 {
				t.Errorf("kembali_ke = %d, want 2, the step itself", got)
			}
		})
	}
}

// TestLoadProcedureProblems checks the loader's messages about the procedure's new keys,
// each with its exact position.
func TestLoadProcedureProblems(t *testing.T) {
	svc := "content/dinas/layanan.toml"
	decision := `[[prosedur]]
uraian = "Pemohon menyerahkan berkas"
pelaksana = "Pemohon"

[[prosedur]]
uraian = "Verifikasi berkas"
pelaksana = "Petugas"
keputusan = "Berkas lengkap?"
`
	tests := []struct {
		name      string
		procedure string
		want      []string
		hint      string
	}{
		{
			name:      "an empty actor in a list",
			procedure: "[[prosedur]]\nuraian = \"Pemohon menyerahkan berkas\"\npelaksana = [\"Operator\", \" \"]\n",
			want:      []string{svc + ":9:26: galat: `pelaksana` butir ke-2 pada [[prosedur]] ke-1 kosong"},
		},
		{
			name:      "actors as a number",
			procedure: "[[prosedur]]\nuraian = \"Pemohon menyerahkan berkas\"\npelaksana = 2\n",
			want:      []string{svc + ":9:1: galat: `pelaksana` pada [[prosedur]] ke-1 harus berupa teks atau daftar teks, bukan angka bulat"},
			hint:      `Tulis satu pelaksana sebagai teks, pelaksana = "Petugas loket", atau beberapa sebagai daftar, pelaksana = ["Operator", "Pengawas"].`,
		},
		{
			name:      "an outcome without jika",
			procedure: decision + "\n[[prosedur.hasil]]\nmaka = \"Berkas dikembalikan\"\nkembali_ke = 1\n",
			want:      []string{svc + ":16:3: galat: `jika` pada [[prosedur]] ke-2 › [[hasil]] ke-1 wajib diisi"},
		},
		{
			name:      "an outcome back to a step that does not exist",
			procedure: decision + "\n[[prosedur.hasil]]\njika = \"Tidak lengkap\"\nkembali_ke = 7\n",
			want:      []string{svc + ":18:1: galat: `kembali_ke` pada [[prosedur]] ke-2 › [[hasil]] ke-1 = 7 tidak menunjuk langkah yang ada"},
			hint:      "Tulis nomor langkah antara 1 dan 2 pada prosedur yang sama. Bila langkah ini sendiri diulang (misalnya berkas dilengkapi lalu diperiksa lagi), tulis nomornya, 2.",
		},

		{
			name:      "an outcome that goes back and ends",
			procedure: decision + "\n[[prosedur.hasil]]\njika = \"Tidak lengkap\"\nkembali_ke = 1\nselesai = true\n",
			want:      []string{svc + ":19:1: galat: `hasil` butir ke-1 pada [[prosedur]] ke-2 memakai kembali_ke dan selesai sekaligus"},
		},
		{
			name:      "outcomes on a step without a decision",
			procedure: strings.Replace(decision, "keputusan = \"Berkas lengkap?\"\n", "", 1) + "\n[[prosedur.hasil]]\njika = \"Tidak lengkap\"\nkembali_ke = 1\n",
			want:      []string{svc + ":15:3: galat: `hasil` pada [[prosedur]] ke-2 hanya berlaku untuk langkah dengan keputusan"},
		},
		{
			name:      "outcomes beside jika_tidak",
			procedure: decision + "jika_tidak = \"Berkas dikembalikan\"\n\n[[prosedur.hasil]]\njika = \"Tidak memenuhi syarat\"\nselesai = true\n",
			want:      []string{svc + ":15:1: galat: langkah dengan [[prosedur.hasil]] tidak memakai jika_tidak"},
			hint:      `Tulis cabang "tidak" sebagai [[prosedur.hasil]] juga, dengan jika, maka dan kembali_ke, lalu hapus jika_tidak dan kembali_ke dari langkah ini.`,
		},
		{
			name:      "a misspelt key in an outcome",
			procedure: decision + "\n[[prosedur.hasil]]\njika = \"Tidak lengkap\"\nkembali = 1\n",
			want:      []string{svc + ":18:1: galat: kunci `kembali` pada [[prosedur]] ke-2 › [[hasil]] ke-1 tidak dikenal"},
			hint:      "Kunci yang dikenal di sini: jika, maka, kembali_ke, selesai.",
		},
		{
			name: "kembali_ke counts on across stages",
			procedure: `[[prosedur]]
tahap = "Penerbitan PBG"
uraian = "Penerbitan PBG"
pelaksana = "Kepala Dinas"

[[prosedur]]
tahap = "Penerbitan SLF"
uraian = "Pemeriksaan"
pelaksana = "Pengawas"
keputusan = "Laik fungsi?"
kembali_ke = 3
`,
			want: []string{svc + ":17:1: galat: `kembali_ke` pada [[prosedur]] ke-2 = 3 tidak menunjuk langkah yang ada"},
			hint: "Tulis nomor langkah antara 1 dan 2 pada prosedur yang sama; nomor langkah berlanjut dari tahap ke tahap. Bila langkah ini sendiri diulang (misalnya berkas dilengkapi lalu diperiksa lagi), tulis nomornya, 2.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := siteWith(map[string]string{svc: procedureService(tt.procedure)})
			site, ps := load(t, fsys)
			if site != nil {
				t.Error("a site with errors was returned")
			}
			checkPositions(t, fsys, ps)
			if tt.hint != "" && (len(ps) == 0 || ps[0].Hint != tt.hint) {
				t.Errorf("hint of the first problem: %v\nwant %s", ps, tt.hint)
			}
			var got []string
			for _, p := range ps {
				p.Hint = ""
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
