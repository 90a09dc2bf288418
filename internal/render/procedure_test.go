package render

import (
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

// procedureSection renders the service page of a service with steps and returns its
// procedure section, from its heading to the flowchart.
func procedureSection(t *testing.T, steps []standard.Step) string {
	t.Helper()
	o := &standard.OPD{Slug: "dpmptsp", Name: "DPMPTSP"}
	o.Services = []*standard.Service{{OPD: o, Slug: "pbg", Name: "PBG", Procedure: steps}}
	r, err := New(&standard.Site{Config: standard.Config{Title: "Uji", Region: "Uji", Language: "id"},
		OPDs: []*standard.OPD{o}}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	page, err := renderPage(t, r, "dpmptsp/pbg/index.html")
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(page, `<h2 id="prosedur">`)
	end := strings.LastIndex(page[:max(strings.Index(page, ` class="flow"`), 0)], "<") // the flowchart's element
	if start < 0 || end < start {
		t.Fatalf("no procedure section in\n%s", page)
	}
	return page[start:end]
}

func TestProcedureOnThePage(t *testing.T) {
	tests := []struct {
		name  string
		steps []standard.Step
		want  string
	}{
		{
			// Kota Metro's PBG (corpus 01), shortened: two stages one after the other,
			// numbered on, a condition, two actors on one step.
			name: "stages numbered on, a condition and several actors",
			steps: []standard.Step{
				{Stage: "Penerbitan PBG", Actors: standard.Actors{"Operator"}, Text: "Pengecekan kembali nilai retribusi"},
				{Stage: "Penerbitan PBG", Actors: standard.Actors{"Operator"}, Text: "Pencetakan SKRD", Condition: "Jika nilai retribusi sesuai"},
				{Stage: "Penerbitan SLF dan SBKBG", Actors: standard.Actors{"Pemohon", "Kepala Dinas"}, Text: "Penerbitan SLF dan SBKBG"},
			},
			want: `<h2 id="prosedur">Sistem, mekanisme, dan prosedur</h2>


<h3>Penerbitan PBG</h3>
<ol class="steps">
<li><p>Pengecekan kembali nilai retribusi</p>
<p class="muted">Pelaksana: Operator</p>

</li>
<li><p class="condition">Jika nilai retribusi sesuai</p><p>Pencetakan SKRD</p>
<p class="muted">Pelaksana: Operator</p>

</li>
</ol>
<h3>Penerbitan SLF dan SBKBG</h3>
<ol class="steps" start="3">
<li><p>Penerbitan SLF dan SBKBG</p>
<p class="muted">Pelaksana: Pemohon, Kepala Dinas</p>

</li>
</ol>

`,
		},
		{
			name: "stages inside a channel are headed below it",
			steps: []standard.Step{
				{Channel: "Daring", Stage: "Pendaftaran", Actors: standard.Actors{"Pemohon"}, Text: "Mengisi formulir"},
				{Channel: "Daring", Stage: "Penerbitan", Actors: standard.Actors{"Operator"}, Text: "Mencetak"},
				{Channel: "Tatap muka", Actors: standard.Actors{"Petugas"}, Text: "Menerima berkas"},
			},
			want: `<h2 id="prosedur">Sistem, mekanisme, dan prosedur</h2>

<h3>Daring</h3>
<h4>Pendaftaran</h4>
<ol class="steps">
<li><p>Mengisi formulir</p>
<p class="muted">Pelaksana: Pemohon</p>

</li>
</ol>
<h4>Penerbitan</h4>
<ol class="steps" start="2">
<li><p>Mencetak</p>
<p class="muted">Pelaksana: Operator</p>

</li>
</ol>

<h3>Tatap muka</h3>
<ol class="steps">
<li><p>Menerima berkas</p>
<p class="muted">Pelaksana: Petugas</p>

</li>
</ol>

`,
		},
		{
			// The decision of MODEL2.md, as Kecamatan Taman (corpus 04) writes it.
			name: "a decision with three outcomes",
			steps: []standard.Step{
				{Actors: standard.Actors{"Pemohon"}, Text: "Mendaftar"},
				{Actors: standard.Actors{"Petugas"}, Text: "Verifikasi berkas", Decision: "Berkas lengkap dan benar?",
					Outcomes: []standard.Outcome{
						{If: "Tidak lengkap", Then: "Berkas dikembalikan kepada pemohon", BackTo: 1},
						{If: "Tidak memenuhi syarat", Then: "Permohonan dibatalkan", End: true},
						{If: "Lengkap dan benar"},
					}},
			},
			want: `<h2 id="prosedur">Sistem, mekanisme, dan prosedur</h2>


<ol class="steps">
<li><p>Mendaftar</p>
<p class="muted">Pelaksana: Pemohon</p>

</li>
<li><p>Verifikasi berkas</p>
<p class="muted">Pelaksana: Petugas</p>
<p class="decision"><strong>Berkas lengkap dan benar?</strong></p>
<ul class="outcomes"><li>Tidak lengkap: Berkas dikembalikan kepada pemohon (kembali ke langkah 1)</li><li>Tidak memenuhi syarat: Permohonan dibatalkan (proses berhenti di sini)</li><li>Lengkap dan benar</li></ul>
</li>
</ol>

`,
		},
		{
			// Garut (corpus 13): the citizen completes the file and the check is done
			// again, in a second stage so that the number is not the step's position.
			name: "a decision that repeats its own step",
			steps: []standard.Step{
				{Stage: "Pendaftaran", Actors: standard.Actors{"Pemohon"}, Text: "Mendaftar"},
				{Stage: "Pemeriksaan", Actors: standard.Actors{"Petugas"}, Text: "Pemeriksaan persyaratan", Decision: "Persyaratan lengkap?",
					Outcomes: []standard.Outcome{
						{If: "Tidak lengkap", Then: "Pemohon melengkapi persyaratan", BackTo: 2},
						{If: "Lengkap"},
					}},
				{Stage: "Pemeriksaan", Actors: standard.Actors{"Petugas"}, Text: "Pencocokan data", Decision: "Data sesuai?",
					IfNot: "Operator memperbaiki data", BackTo: 3},
			},
			want: `<h2 id="prosedur">Sistem, mekanisme, dan prosedur</h2>


<h3>Pendaftaran</h3>
<ol class="steps">
<li><p>Mendaftar</p>
<p class="muted">Pelaksana: Pemohon</p>

</li>
</ol>
<h3>Pemeriksaan</h3>
<ol class="steps" start="2">
<li><p>Pemeriksaan persyaratan</p>
<p class="muted">Pelaksana: Petugas</p>
<p class="decision"><strong>Persyaratan lengkap?</strong></p>
<ul class="outcomes"><li>Tidak lengkap: Pemohon melengkapi persyaratan (langkah ini diulang)</li><li>Lengkap</li></ul>
</li>
<li><p>Pencocokan data</p>
<p class="muted">Pelaksana: Petugas</p>
<p class="decision"><strong>Data sesuai?</strong> Jika tidak: Operator memperbaiki data (langkah ini diulang)</p>
</li>
</ol>

`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := procedureSection(t, tt.steps); got != tt.want {
				t.Errorf("procedure section:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
