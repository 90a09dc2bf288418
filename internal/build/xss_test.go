package build

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/papan-id/papan/internal/standard"
	"golang.org/x/net/html"
)

// xssPayloads are strings an attacker (or a careless paste) could put in any field.
var xssPayloads = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`'><svg onload=alert(1)>`,
	`javascript:alert(1)`,
	` JaVaScRiPt:alert(1)`,
	`data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
	`</script><script>alert(1)</script>`,
	`[klik](javascript:alert(1)) <img src=x onerror=alert(1)> ![g](javascript:alert(1))`,
	`{{.Site}} ${alert(1)} <!-- -->`,
}

// hostileSite writes a site in which every text field of every file holds payload.
// The fields that must be web addresses (tautan_daring, situs, tautan, and the value of
// a "situs" channel) hold link: the loader refuses anything but an http or https URL
// there (TestHostileLinksRefused).
func hostileSite(t *testing.T, payload, link string) string {
	t.Helper()
	q, l := strconv.Quote(payload), strconv.Quote(link)
	dir := t.TempDir()
	files := map[string]string{
		"site.toml": `judul = ` + q + `
wilayah = ` + q + `
deskripsi = ` + q + `
terbitkan_pengelolaan = true
[kontak]
alamat = ` + q + `
telepon = ` + q + `
email = ` + q + `
situs = ` + l + `
[[pengaduan]]
jenis = "situs"
nilai = ` + l + `
jam = ` + q + `
waktu_respons = ` + q + `
keterangan = ` + q + `
`,
		"content/dinas/_opd.toml": `nama = ` + q + `
singkatan = ` + q + `
alamat = ` + q + `
kepala = ` + q + `
visi = ` + q + `
misi = [` + q + `]
moto = ` + q + `
[[jam_layanan]]
hari = ` + q + `
jam = ` + q + `
[kontak]
telepon = ` + q + `
whatsapp = ` + q + `
email = ` + q + `
situs = ` + l + `
[maklumat]
teks = ` + q + `
penanda_tangan = ` + q + `
jabatan = ` + q + `
[[pengaduan]]
jenis = "email"
nilai = ` + q + `
`,
		"content/dinas/layanan.toml": `nama = ` + q + `
kategori = ` + q + `
ringkasan = ` + q + `
kata_kunci = [` + q + `]
tautan_daring = ` + l + `
lokasi = ` + q + `
sarana_prasarana = ` + q + `
kompetensi_pelaksana = ` + q + `
pengawasan_internal = ` + q + `
jumlah_pelaksana = ` + q + `
jaminan_pelayanan = ` + q + `
jaminan_keamanan_keselamatan = ` + q + `
evaluasi_kinerja = ` + q + `
[sk]
nomor = ` + q + `
[[persyaratan]]
nama = ` + q + `
kasus = ` + q + `
jika = ` + q + `
keterangan = ` + q + `
[[prosedur]]
uraian = ` + q + `
pelaksana = ` + q + `
kanal = ` + q + `
keputusan = ` + q + `
jika_tidak = ` + q + `
[jangka_waktu]
nilai = 1
satuan = "hari kerja"
dihitung_sejak = ` + q + `
keterangan = ` + q + `
[[biaya]]
uraian = ` + q + `
tarif = 1000
dasar_hukum = "perda"
keterangan = ` + q + `
[[produk]]
nama = ` + q + `
keterangan = ` + q + `
[[pengaduan]]
jenis = "telepon"
nilai = ` + q + `
[[dasar_hukum]]
id = "perda"
jenis = ` + q + `
nomor = ` + q + `
tahun = 2024
judul = ` + q + `
tautan = ` + l + `
[[pelayanan_khusus]]
kelompok = ` + q + `
uraian = ` + q + `
`,
		"content/halaman/tentang.md": "+++\njudul = " + q + "\ndeskripsi = " + q + "\n+++\n\n" + payload + "\n",
	}
	for name, text := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), text)
	}
	return dir
}

// TestNoInjectedScript builds a site with a hostile string in every field and parses
// every page: no script other than JSON-LD data, no event-handler attribute, and no
// javascript: or data: link may reach the output.
func TestNoInjectedScript(t *testing.T) {
	for _, payload := range xssPayloads {
		t.Run(payload, func(t *testing.T) {
			src := hostileSite(t, payload, "https://x.example/?q="+url.QueryEscape(payload))
			out := filepath.Join(t.TempDir(), "public")
			if _, err := build(t, src, out, ""); err != nil {
				t.Fatal(err)
			}
			pages := 0
			for name, data := range readTree(t, out) {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				pages++
				checkHTML(t, name, data)
			}
			if pages < 5 {
				t.Errorf("only %d pages built", pages)
			}
		})
	}
}

// TestHostileLinksRefused puts each hostile string in every field that must be a web
// address: each is a galat at its line, so none reaches a page.
func TestHostileLinksRefused(t *testing.T) {
	want := []string{
		"content/dinas/_opd.toml:15:1: galat: `situs` pada [kontak]",
		"content/dinas/layanan.toml:5:1: galat: `tautan_daring`",
		"content/dinas/layanan.toml:49:1: galat: `tautan` pada [[dasar_hukum]] ke-1",
		"site.toml:9:1: galat: `situs` pada [kontak]",
		"site.toml:12:1: galat: `nilai` pada [[pengaduan]] ke-1",
	}
	for _, payload := range xssPayloads {
		t.Run(payload, func(t *testing.T) {
			src := hostileSite(t, payload, payload)
			_, err := build(t, src, filepath.Join(t.TempDir(), "public"), "")
			var ps standard.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("build: %v, want problems", err)
			}
			if got := ps.Errors(); got != len(want) {
				t.Errorf("%d galat, want %d:\n%v", got, len(want), ps)
			}
			for _, w := range want {
				if !strings.Contains(ps.Error(), w+" bernilai "+strconv.Quote(strings.TrimSpace(payload))+", yang ") {
					t.Errorf("no %s …:\n%v", w, ps)
				}
			}
		})
	}
}

// ownSearchScript is the only script file a page may load: the theme's hashed cari.js.
var ownSearchScript = regexp.MustCompile(`^(/[^"]*)?/assets/cari\.[0-9a-f]{8}\.js$`)

func checkHTML(t *testing.T, name string, data []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" {
				typ := attr(n, "type")
				if src := attr(n, "src"); src != "" && typ == "" && n.FirstChild == nil && ownSearchScript.MatchString(src) {
					// the theme's own search script, from the site itself (docs/search.md)
				} else if typ != "application/ld+json" {
					t.Errorf("%s: unexpected <script type=%q>", name, typ)
				} else if n.FirstChild != nil && !json.Valid([]byte(n.FirstChild.Data)) {
					t.Errorf("%s: JSON-LD was broken out of: %q", name, n.FirstChild.Data)
				}
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") {
					t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
				}
				if key == "href" || key == "src" || key == "action" || key == "formaction" || key == "xlink:href" {
					v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
					if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:") {
						t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
