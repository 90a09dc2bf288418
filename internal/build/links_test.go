package build

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// scan feeds page to a scanner in pieces of size n (all at once when n is 0) and
// returns the links it found and whether it saw "ZgotmplZ".
func scan(page string, n int) ([]string, bool) {
	var s scanner
	s.reset(true)
	if n == 0 {
		n = len(page)
	}
	for i := 0; i < len(page); i += n {
		s.Write([]byte(page[i:min(i+n, len(page))]))
	}
	var links []string
	for _, l := range s.found {
		links = append(links, string(l))
	}
	return links, s.zgotmpl
}

func TestScanner(t *testing.T) {
	tests := []struct {
		name    string
		page    string
		links   []string
		zgotmpl bool
	}{
		{
			name:  "href and src, quoted either way",
			page:  `<a href="/a/">a</a><img src='/b.png' alt="x"><link rel="stylesheet" href="/c.css">`,
			links: []string{"/a/", "/b.png", "/c.css"},
		},
		{
			name:  "other attributes ending in href or src are not links",
			page:  `<a data-href="/x/" xsrc="/y" href="/z/">`,
			links: []string{"/z/"},
		},
		{
			name:  "fragments and empty values are left out, attribute case is ignored",
			page:  "<a href=\"#isi\">x</a><a href=\"\">y</a><A\nHREF=\"/k/\">",
			links: []string{"/k/"},
		},
		{
			name: "escaped text is not an attribute",
			page: `<p>href=&#34;/tidak/&#34;</p><pre>src=&#39;/x&#39;</pre>`,
		},
		{
			name:    "ZgotmplZ",
			page:    `<a href="#ZgotmplZ">x</a>`,
			zgotmpl: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Every size of piece, so names, values and the mark are cut everywhere
			// a buffer boundary could cut them.
			for n := range len(tt.page) + 1 {
				links, z := scan(tt.page, n)
				if !slices.Equal(links, tt.links) || z != tt.zgotmpl {
					t.Fatalf("in pieces of %d: links %q, ZgotmplZ %v; want %q, %v", n, links, z, tt.links, tt.zgotmpl)
				}
			}
		})
	}
}

func TestTarget(t *testing.T) {
	c := newLinkCheck()
	c.setBase("/standar/", "https://uji.example/standar/")
	tests := []struct {
		dir, link, want string // want "" for a link outside the site
	}{
		{"dinas", "/standar/", "index.html"},
		{"dinas", "/standar", "index.html"},
		{"dinas", "/standar/dinas/", "dinas/index.html"},
		{"dinas", "/standar/dinas", "dinas"},
		{"dinas", "/standar/assets/papan.1234abcd.css", "assets/papan.1234abcd.css"},
		{"dinas", "/standar/dinas/?x=1#a", "dinas/index.html"},
		{"dinas", "/standar/dokumen/a%20b.pdf", "dokumen/a b.pdf"},
		{"dinas", "/standar/x.html?a=1&amp;b=2", "x.html"},
		{"dinas", "/standar/a/../tentang/", "tentang/index.html"},
		{"dinas", "https://uji.example/standar/tentang/", "tentang/index.html"},
		{"dinas", "//uji.example/standar/tentang/", "tentang/index.html"},
		{"dinas", "layanan-uji/", "dinas/layanan-uji/index.html"},
		{"dinas/layanan-uji", "../", "dinas/index.html"},
		{"dinas/layanan-uji", "cetak/?x=1#a", "dinas/layanan-uji/cetak/index.html"},
		{"dinas", "../assets/papan.css", "assets/papan.css"},
		{".", "tentang/", "tentang/index.html"},
		{".", "./", "index.html"},
		{"dinas", "..", "index.html"},
		{"dinas", "../../luar/", ""},
		{"dinas", "?q=1", ""},
		{"dinas", "/lain/", ""},
		{"dinas", "/standarx/", ""},
		{"dinas", "//other.example/standar/", ""},
		{"dinas", "https://other.example/standar/", ""},
		{"dinas", "http://uji.example/standar/", ""},
		{"dinas", "tel:+62215550110", ""},
		{"dinas", "mailto:a@b.id", ""},
	}
	for _, tt := range tests {
		got, ok := c.target(nil, tt.dir, []byte(tt.link))
		if string(got) != tt.want || ok != (tt.want != "") {
			t.Errorf("target(%q, %q) = %q, %v; want %q", tt.dir, tt.link, got, ok, tt.want)
		}
	}
}

// TestLinkCheck builds the fixture site (base URL https://uji.example/standar/) with
// theme overrides in layouts/ that link into the site: links to pages that exist pass,
// links to pages that do not fail the build, naming the page and the link, and the
// previous output stays.
func TestLinkCheck(t *testing.T) {
	const good = `<a href="{{url "/dinas/"}}">a</a> <a href="/standar/dinas/layanan-uji">b</a>` +
		` <a href="https://uji.example/standar/tentang/#x">c</a> <a href="//uji.example/standar/">d</a>` +
		` <a href="dinas/layanan-uji/cetak/">e</a> <a href="{{css}}">f</a> <a href="/lain/">outside the base path</a>` +
		` <a href="https://other.example/standar/x/">another site</a> <a href="tel:112">g</a>`
	tests := []struct {
		name string
		body string
		want []string // the lines of the error; none when the build succeeds
	}{
		{name: "links to pages that exist", body: good},
		{
			name: "links to pages that do not",
			body: good + ` <a href="{{url "/dinas/tidak-ada/"}}">x</a> <img src="{{url "/gambar/logo.png"}}" alt="">` +
				` <a href="https://uji.example/standar/tentang">ok</a> <a href="https://uji.example/standar/hilang/">y</a> <a href="hilang.html">z</a>`,
			want: []string{
				`404.html: galat: tautan "/standar/dinas/tidak-ada/" menuju alamat di dalam situs yang tidak ada`,
				`404.html: galat: tautan "/standar/gambar/logo.png" menuju alamat di dalam situs yang tidak ada`,
				`404.html: galat: tautan "hilang.html" menuju alamat di dalam situs yang tidak ada`,
				`404.html: galat: tautan "https://uji.example/standar/hilang/" menuju alamat di dalam situs yang tidak ada`,
			},
		},
		{
			name: "a link to the home page",
			body: `<a href="{{url "/"}}">home</a>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := copySite(t)
			out := filepath.Join(t.TempDir(), "public")
			if _, err := build(t, src, out, ""); err != nil { // the previous output
				t.Fatal(err)
			}
			before := readString(t, filepath.Join(out, "404.html"))
			writeFile(t, filepath.Join(src, "layouts", "404.html"), "{{define \"main\"}}<p>"+tt.body+"</p>{{end}}\n")
			_, err := build(t, src, out, "")
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var lp *LinkProblems
			if !errors.As(err, &lp) {
				t.Fatalf("build: %v, want dead links", err)
			}
			var got []string
			for _, line := range strings.Split(lp.Error(), "\n") {
				if !strings.HasPrefix(line, "\tsaran: ") {
					got = append(got, line)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if readString(t, filepath.Join(out, "404.html")) != before {
				t.Error("the previous output was replaced")
			}
		})
	}
}

// TestLinkCheckCountsPages reports a dead link in the footer of every page once, with
// the number of other pages that have it.
func TestLinkCheckCountsPages(t *testing.T) {
	src := copySite(t)
	writeFile(t, filepath.Join(src, "layouts", "partials", "footer.html"), `<p><a href="{{url "/hilang/"}}">hilang</a></p>`)
	_, err := build(t, src, filepath.Join(t.TempDir(), "public"), "")
	var lp *LinkProblems
	if !errors.As(err, &lp) || len(lp.Dead) != 1 {
		t.Fatalf("build: %v, want one dead link", err)
	}
	if d := lp.Dead[0]; d.Link != "/standar/hilang/" || d.Pages < 5 {
		t.Errorf("dead link %+v, want /standar/hilang/ on every page", d)
	}
	if first, _, _ := strings.Cut(lp.Error(), "\n"); !strings.HasSuffix(first, " halaman lain)") {
		t.Errorf("first line %q does not count the other pages", first)
	}
}

func readString(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
