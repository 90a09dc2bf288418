package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/papan-id/papan/internal/skema"
)

// skemaPromises are the promises about papan skema and the editor support papan new
// writes: see TestPromises.
var skemaPromises = []promise{
	{
		name: "skema writes the schemas and a .taplo.toml into the site",
		args: []string{"skema", "--src", "{dir}"},
		code: ExitOK,
		stdout: []string{
			"ditulis: {dir}/.papan-skema/situs.schema.json",
			"ditulis: {dir}/.papan-skema/opd.schema.json",
			"ditulis: {dir}/.papan-skema/layanan.schema.json",
			"ditulis: {dir}/.papan-skema/halaman.schema.json",
			"ditulis: {dir}/.taplo.toml",
		},
		after: func(t *testing.T, dir string) {
			sameFile(t, filepath.Join(dir, ".papan-skema/layanan.schema.json"), skema.Schema(skema.Layanan))
			sameFile(t, filepath.Join(dir, ".taplo.toml"), skema.TaploConfig(".papan-skema"))
		},
	},
	{
		name:   "skema run again changes nothing",
		setup:  installed,
		args:   []string{"skema", "--src", "{dir}"},
		code:   ExitOK,
		stdout: []string{"skema sudah sesuai; tidak ada berkas yang diubah"},
	},
	{
		name: "skema rewrites an out-of-date schema and keeps the editor's .taplo.toml",
		setup: func(t *testing.T, dir string) {
			installed(t, dir)
			for name, text := range map[string]string{".papan-skema/layanan.schema.json": "{}\n", ".taplo.toml": "# milik penyunting\n"} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		},
		args:   []string{"skema", "--src", "{dir}"},
		code:   ExitOK,
		stdout: []string{"ditulis: {dir}/.papan-skema/layanan.schema.json"},
		after: func(t *testing.T, dir string) {
			sameFile(t, filepath.Join(dir, ".papan-skema/layanan.schema.json"), skema.Schema(skema.Layanan))
			sameFile(t, filepath.Join(dir, ".taplo.toml"), []byte("# milik penyunting\n"))
		},
	},
	{
		name: "skema writes into the folder it is given",
		args: []string{"skema", "--src", "{dir}", "{dir}/editor/skema"},
		code: ExitOK,
		stdout: []string{
			"ditulis: {dir}/editor/skema/situs.schema.json",
			"ditulis: {dir}/.taplo.toml",
		},
		after: func(t *testing.T, dir string) {
			sameFile(t, filepath.Join(dir, ".taplo.toml"), skema.TaploConfig("editor/skema"))
		},
	},
	{
		name:   "skema with two folders is a usage error",
		args:   []string{"skema", "--src", "{dir}", "satu", "dua"},
		code:   ExitUsage,
		stderr: []string{"Penggunaan: papan skema [--src FOLDER] [FOLDER-SKEMA]"},
	},
	{
		name: "new gives a site the schemas and .taplo.toml",
		setup: func(t *testing.T, dir string) {
			if code, out, errs := run("new", "--src", dir, "opd", "dinas-lama"); code != ExitOK {
				t.Fatalf("papan new: %d\n%s%s", code, out, errs)
			}
		},
		args: []string{"new", "--src", "{dir}", "layanan", "dinas-lama/izin-baru"},
		code: ExitOK,
		after: func(t *testing.T, dir string) {
			sameFile(t, filepath.Join(dir, ".taplo.toml"), skema.TaploConfig(".papan-skema"))
			sameFile(t, filepath.Join(dir, ".papan-skema/opd.schema.json"), skema.Schema(skema.OPD))
		},
	},
	{
		name: "the first new in a site says which editor files it wrote",
		args: []string{"new", "--src", "{dir}", "opd", "dinas-baru"},
		code: ExitOK,
		stdout: []string{
			"dibuat: {dir}/content/dinas-baru/_opd.toml",
			"dibuat: {dir}/.papan-skema/layanan.schema.json",
			"dibuat: {dir}/.taplo.toml",
		},
	},
}

// installed gives the site folder the schemas and .taplo.toml, as papan skema does.
func installed(t *testing.T, dir string) {
	if _, err := skema.Install(dir, skema.SchemaDir); err != nil {
		t.Fatal(err)
	}
}

func sameFile(t *testing.T, name string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s holds:\n%.300s\nwant:\n%.300s", name, got, want)
	}
}
