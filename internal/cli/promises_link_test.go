package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// linkPromises are the promises about link: see TestPromises.
var linkPromises = []promise{
	{
		name:  "phone and SMS channels link to their numbers in +62 form",
		setup: addToFile("content/dinas/_opd.toml", "", "\n[[pengaduan]]\njenis = \"telepon\"\nnilai = \"0812-3456-7890 atau (0361) 234567\"\n\n[[pengaduan]]\njenis = \"sms\"\nnilai = \"+62 812 3456 7891\"\n"),
		args:  []string{"build", "--src", "{dir}"},
		code:  0,
		after: outputHas("public/dinas/index.html",
			`<li><strong>Telepon</strong>: <a href="tel:+6281234567890">0812-3456-7890</a> atau <a href="tel:+62361234567">(0361) 234567</a></li>`,
			`<li><strong>SMS</strong>: <a href="sms:+6281234567891">+62 812 3456 7891</a></li>`,
			`<li><strong>WhatsApp</strong>: <a href="https://wa.me/6281200000001">0812-0000-0001</a><br><span class="muted">Waktu tanggapan: 1 hari kerja</span></li>`),
	},
	{
		name:  "tautan_daring without a scheme is a galat of check",
		setup: addToFile("content/dinas/layanan-uji.toml", "tautan_daring = \"simbg.pu.go.id\"\n", ""),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			"content/dinas/layanan-uji.toml:1:1: galat: `tautan_daring` bernilai \"simbg.pu.go.id\", yang tidak diawali https:// atau http://",
			"\tsaran: Alamat web memerlukan awalannya; tulis \"https://simbg.pu.go.id\".",
		},
	},
	{
		name:  "a javascript: address is a galat of build too",
		setup: addToFile("content/dinas/layanan-uji.toml", "tautan_daring = \"javascript:alert(1)\"\n", ""),
		args:  []string{"build", "--src", "{dir}"},
		code:  1,
		stderr: []string{
			"content/dinas/layanan-uji.toml:1:1: galat: `tautan_daring` bernilai \"javascript:alert(1)\", yang memakai skema \"javascript:\"",
			"\tsaran: Hanya alamat web http:// dan https:// yang dapat dijadikan tautan; tulis alamat yang diawali https://, misalnya \"https://layanan.kotacontoh.go.id\".",
		},
		after: noOutput,
	},
	{
		name:  "a site address without a scheme is a galat",
		setup: addToFile("content/dinas/_opd.toml", "", "\n[kontak]\nsitus = \"www.dinas-uji.example.go.id\"\n"),
		args:  []string{"check", "--src", "{dir}"},
		code:  1,
		stdout: []string{
			"content/dinas/_opd.toml:39:1: galat: `situs` pada [kontak] bernilai \"www.dinas-uji.example.go.id\", yang tidak diawali https:// atau http://",
			"\tsaran: Alamat web memerlukan awalannya; tulis \"https://www.dinas-uji.example.go.id\".",
		},
	},
	{
		name: "a layouts/ override with a dead internal link fails the build",
		files: map[string]string{
			"layouts/404.html": "{{define \"main\"}}\n<h1>{{t \"not_found_title\"}}</h1>\n<p><a href=\"{{url \"/layanan/\"}}\">Semua layanan</a></p>\n{{end}}\n",
		},
		args: []string{"build", "--src", "{dir}"},
		code: 1,
		stderr: []string{
			`404.html: galat: tautan "/standar/layanan/" menuju alamat di dalam situs yang tidak ada`,
			"\tsaran: Perbaiki templat di layouts/ yang membuat tautan ini: tulis alamat halaman yang ada, dengan {{url \"/alamat/\"}} agar base_url diikuti.",
			"papan: 1 galat pada halaman yang dibuat; keluaran sebelumnya tidak diubah",
		},
		after: noOutput,
	},
	{
		name: "a layouts/ override that writes ZgotmplZ fails the build",
		files: map[string]string{
			"layouts/404.html": "{{define \"main\"}}\n<h1>{{t \"not_found_title\"}}</h1>\n<p><a href=\"{{print \"tel:\" \"112\"}}\">112</a></p>\n{{end}}\n",
		},
		args: []string{"build", "--src", "{dir}"},
		code: 1,
		stderr: []string{
			`404.html: galat: berkas memuat "ZgotmplZ", tanda nilai yang ditolak html/template (tautan yang tidak aman atau tidak dikenal)`,
			"\tsaran: Perbaiki templat di layouts/ yang membuat berkas ini: tautan harus alamat http/https atau alamat di dalam situs; tautan tel:, sms: dan mailto: dibuat Papan dengan {{template \"partials/links.html\" (links \"telepon\" .)}}.",
			"papan: 1 galat pada halaman yang dibuat; keluaran sebelumnya tidak diubah",
		},
		after: noOutput,
	},
}

// addToFile returns a setup that writes before at the top of the site's file name and
// after at its end.
func addToFile(name, before, after string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(before+string(text)+after), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// outputHas returns a check that the built file name (under the site folder) holds
// each of lines as a whole line, and nowhere "ZgotmplZ".
func outputHas(name string, lines ...string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		text, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		// Phone numbers are written with no-break spaces and hyphens (render.link);
		// the lines below are written with plain ones, to be read.
		plain := strings.NewReplacer("\u00a0", " ", "\u2011", "-").Replace(string(text))
		for _, l := range lines {
			if !hasLine(plain, l) {
				t.Errorf("%s lacks the line\n\t%s", name, l)
			}
		}
		if strings.Contains(string(text), "ZgotmplZ") {
			t.Errorf("%s holds ZgotmplZ", name)
		}
	}
}

// noOutput checks that a failed build left no output folder behind.
func noOutput(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("public/ exists after a failed build (%v)", err)
	}
}
