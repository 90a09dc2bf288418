package render

import "testing"

func TestBreakURL(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"an address with a scheme and a path", "https://standar.kotacontoh.go.id/dukcapil/ktp-el/",
			"https://<wbr>standar.<wbr>kotacontoh.<wbr>go.<wbr>id/<wbr>dukcapil/<wbr>ktp-el/"},
		{"a host name", "layanan.dukcapil.kotacontoh.go.id", "layanan.<wbr>dukcapil.<wbr>kotacontoh.<wbr>go.<wbr>id"},
		{"an e-mail address", "pengaduan@kotacontoh.go.id", "pengaduan<wbr>@kotacontoh.<wbr>go.<wbr>id"},
		{"a word without dots", "Gratis", "Gratis"},
		{"characters HTML escapes", "a.b/?x=1&y=<2>", "a.<wbr>b/<wbr>?x=1&amp;y=&lt;2&gt;"},
		{"a trailing dot", "kota.", "kota."},
		{"empty", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := string(breakURL(c.in)); got != c.want {
				t.Errorf("breakURL(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
