package sunting

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestHelpFitsTheForm: the schema's descriptions teach TOML (quotes, arrays, [[tables]],
// key = value, true); the form shows guidance that fits its fields instead, and examples
// as an editor types them, a list one item a line.
func TestHelpFitsTheForm(t *testing.T) {
	var walk func(string, []*spec)
	walk = func(p string, ss []*spec) {
		for _, s := range ss {
			for _, bad := range []string{"tanda kutip", "dipisah koma", "[[", " = ", "true", "false", "Hapus baris"} {
				if strings.Contains(s.Help, bad) {
					t.Errorf("%s.%s: the form's help says %q: %s", p, s.Key, bad, s.Help)
				}
			}
			walk(p+"."+s.Key, s.Fields)
		}
	}
	for _, k := range []string{kindSite, kindOPD, kindService, kindPage} {
		walk(k, schemaOf(k).Fields)
	}
	for _, c := range []struct{ kind, path, help string }{
		{kindService, "kata_kunci", "Nama lain yang dipakai warga, satu per baris; dipakai pencarian."},
		{kindOPD, "misi", "Satu misi per baris. Boleh memakai Markdown (tautan, daftar, huruf tebal)."},
		{kindService, "prosedur.pelaksana", "Siapa yang melakukan langkah ini. Beberapa pelaksana: satu per baris. Bila standar tidak menyebutnya, jangan diisi."},
		{kindService, "persyaratan.jumlah", "Jumlah lembar atau rangkap, angka."},
		{kindService, "persyaratan", "Komponen 1: persyaratan. Tambahkan satu untuk setiap dokumen atau syarat. Sebut setiap dokumen; \"dan lain-lain\" atau \"dokumen pendukung lainnya\" mendapat peringatan."},
		{kindService, "sk.tanggal", "Tanggal SK ditetapkan. Tulis tanggal tahun-bulan-hari, misalnya 2024-01-15."},
		{kindSite, "kepatuhan.dasbor", "Ya: situs menerbitkan dasbor swa-penilaian kepatuhan di /kepatuhan/."},
	} {
		if got := lookupSpec(schemaOf(c.kind), c.path).Help; got != c.help {
			t.Errorf("%s %s:\n got %s\nwant %s", c.kind, c.path, got, c.help)
		}
	}

	e := newEditor(t, "../..")
	_, page := e.get(ktp)
	for _, want := range []string{
		`Contoh: <span class="contoh">KTP<br>e-KTP</span></p>`,
		`Contoh: <span class="contoh">Petugas loket</span>; <span class="contoh">Operator<br>Pengawas</span></p>`,
		`Contoh: <span class="contoh">2</span></p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
	if strings.Contains(page, "Contoh: [") {
		t.Error("the form prints an example as Go does")
	}
}

// TestRuleLevels: site.toml's [kepatuhan.aturan] (rule ID -> level) shows each rule by
// its ID and title with its level to choose, and takes a new rule and level; a rule
// Papan does not know, or one without a level, is refused next to the table.
func TestRuleLevels(t *testing.T) {
	e := newEditor(t, "../..")
	site := e.read("site.toml") + "\n[kepatuhan.aturan]\nSP016 = \"mati\"\n"
	if err := os.WriteFile(filepath.Join(e.dir, "site.toml"), []byte(site), 0o644); err != nil {
		t.Fatal(err)
	}
	_, page := e.get("site.toml")
	for _, want := range []string{
		`<label for="f-kepatuhan-aturan-SP016">SP016: `,
		`<option value="mati" selected>mati: tidak diperiksa</option>`,
		`<select id="f-kepatuhan-aturan-kunci-baru" name="kb.kepatuhan.aturan">`,
		`<option value="SP020">SP020: `,
		`<option value="peringatan">peringatan: dilaporkan, tidak menggagalkan papan check</option>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
	if strings.Contains(page, `<option value="SP016">`) {
		t.Error("SP016, which the table has, is offered as a new key")
	}
	if strings.Contains(page, "tidak dikenal Papan") {
		t.Error("a rule ID is shown as a key Papan does not know")
	}

	// Tambah shows the new entry, the focus on it; nothing is written yet.
	v := formValues(t, page, "simpan")
	v.Set("kb.kepatuhan.aturan", "SP020")
	v.Set("vb.kepatuhan.aturan", "peringatan")
	v.Set("aksi", "tambah:kepatuhan.aturan")
	code, page, _ := e.post("site.toml", v, e.srv.URL)
	if code != http.StatusOK || !strings.Contains(page, `<select id="f-kepatuhan-aturan-SP020" name="v.kepatuhan.aturan.SP020" autofocus>`) {
		t.Fatalf("after Tambah (%d) the new entry is not there with the focus on it:\n%s", code, page)
	}
	if e.read("site.toml") != site {
		t.Error("Tambah wrote the file")
	}
	code, _, _ = e.post("site.toml", formValues(t, page, "simpan"), e.srv.URL)
	if code != http.StatusSeeOther {
		t.Fatalf("save: %d", code)
	}
	if got := e.read("site.toml"); !strings.Contains(got, "[kepatuhan.aturan]\nSP016 = \"mati\"\nSP020 = \"peringatan\"\n") {
		t.Errorf("the file lacks the levels:\n%s", got)
	}

	// A refused entry stays chosen in the form (what can be chosen: a key the table
	// may have, a value of its list), so the editor corrects it rather than starting again.
	for _, c := range []struct {
		key, value, message string
		kept                []string
	}{
		{"SP999", "mati", "SP999 tidak dikenal Papan", []string{`<option value="mati" selected>`}},
		{"../x", "mati", "&#34;../x&#34; tidak dapat ditambahkan di sini", []string{`<option value="mati" selected>`}},
		{"SP021", "", "Pilih nilai untuk SP021 sebelum menambahkannya", []string{`<option value="SP021" selected>`}},
	} {
		_, page := e.get("site.toml")
		before := e.read("site.toml")
		v := formValues(t, page, "simpan")
		v.Set("kb.kepatuhan.aturan", c.key)
		v.Set("vb.kepatuhan.aturan", c.value)
		code, body, _ := e.post("site.toml", v, e.srv.URL)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, c.message) || !strings.Contains(body, `href="#f-kepatuhan-aturan"`) {
			t.Errorf("%s = %q: %d, want 422 with %q linked to the table", c.key, c.value, code, c.message)
		}
		add := body[strings.Index(body, `id="f-kepatuhan-aturan-kunci-baru"`):]
		add = add[:strings.Index(add, "</fieldset>")]
		for _, k := range c.kept {
			if !strings.Contains(add, k) {
				t.Errorf("%s = %q: the refused form does not keep %s", c.key, c.value, k)
			}
		}
		if n := strings.Count(add, " selected>"); n != len(c.kept) {
			t.Errorf("%s = %q: %d options chosen in the refused form's new entry, want %d", c.key, c.value, n, len(c.kept))
		}
		if e.read("site.toml") != before {
			t.Errorf("%s = %q was written", c.key, c.value)
		}
	}
}

// TestEmptyTextIsKept: a key the file has as "" stays through the form unless the
// editor changes it; a field the editor clears loses its key.
func TestEmptyTextIsKept(t *testing.T) {
	e := newEditor(t, "../..")
	src := regexp.MustCompile(`(?m)^lokasi = .*$`).ReplaceAllString(e.read(ktp), `lokasi = ""`)
	if err := os.WriteFile(filepath.Join(e.dir, ktp), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, page := e.get(ktp)
	v := formValues(t, page, "simpan")
	if v.Get("e.lokasi") != "1" {
		t.Fatalf("the form does not mark lokasi as an empty text of the file")
	}
	v.Set("v.ringkasan", "") // cleared by the editor
	if code, body, _ := e.post(ktp, v, e.srv.URL); code != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", code, body)
	}
	got := e.read(ktp)
	if !strings.Contains(got, "lokasi = \"\"\n") {
		t.Errorf("lokasi = \"\" was dropped:\n%s", got)
	}
	if strings.Contains(got, "ringkasan =") {
		t.Errorf("the cleared ringkasan is still in the file:\n%s", got)
	}
}
