package standard

import (
	"strings"
	"testing"
)

func TestParsePhone(t *testing.T) {
	tests := []struct{ in, want string }{
		// Landlines with their area code: national form becomes +62.
		{"(021) 555-0110", "+62215550110"},
		{"021-5550110", "+62215550110"},
		{"021 555 0110", "+62215550110"},
		{"(0361) 234567", "+62361234567"},
		{"0751 12345", "+6275112345"},
		{"(022) 8888.1234", "+622288881234"},
		// Mobile numbers.
		{"0812-3456-7890", "+6281234567890"},
		{"0812 3456 7890", "+6281234567890"},
		{"081234567890", "+6281234567890"},
		{"0812-0000-0110", "+6281200000110"},
		{"0858 1234 5678 9", "+62858123456789"},
		// Already international, with or without the plus.
		{"+62 812 3456 7890", "+6281234567890"},
		{"+62-21-555-0110", "+62215550110"},
		{"+62 (0)21 555 0110", "+62215550110"},
		{"62812 3456 7890", "+6281234567890"},
		{"6221 5550110", "+62215550110"},
		// Another country's number stays as it is.
		{"+65 6123 4567", "+6561234567"},
		// Short service numbers are dialled as they are: no country code reaches them.
		{"112", "112"},
		{"110", "110"},
		{"14017", "14017"},
		{"1500-567", "1500567"},
		{"1500 808", "1500808"},
		{"1-500-808", "1500808"},
		{"1500 4567", "15004567"},
		// Toll-free numbers cannot be dialled from abroad: national form.
		{"0800-1-234567", "08001234567"},
		{"0804 1 500 500", "08041500500"},
		// Not understood: no link.
		{"555-0110", ""},          // a local number without its area code
		{"5550110", ""},           // the same
		{"0812", ""},              // too short
		{"0812 3456 7890 12", ""}, // too long
		{"0812 3456 7890 ext. 2", ""},
		{"0812-3456-7890 (WA)", ""},
		{"Senin–Jumat", ""},
		{"", ""},
		{"+", ""},
		{"+0 812", ""},
		{"1234", ""},
		{"911", ""}, // not an Indonesian short number
		{"08.00-16.00", ""},
	}
	for _, tt := range tests {
		if got := ParsePhone(tt.in); got != tt.want {
			t.Errorf("ParsePhone(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// parts writes parts as "text" for text and "[text|target]" for a link.
func parts(ps []ContactPart) string {
	var b strings.Builder
	for _, p := range ps {
		if p.Target == "" {
			b.WriteString(p.Text)
		} else {
			b.WriteString("[" + p.Text + "|" + p.Target + "]")
		}
	}
	return b.String()
}

func TestSplitContact(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"(021) 555-0110", "[(021) 555-0110|+62215550110]"},
		{"(021) 555-0110 / 0812 3456 7890", "[(021) 555-0110|+62215550110] / [0812 3456 7890|+6281234567890]"},
		{"0812 3456 7890 / (021) 555 0110", "[0812 3456 7890|+6281234567890] / [(021) 555 0110|+62215550110]"},
		{"0812-3456-7890 atau 0813-1111-2222", "[0812-3456-7890|+6281234567890] atau [0813-1111-2222|+6281311112222]"},
		{"(021) 555-0110, 555-0111", "[(021) 555-0110|+62215550110], 555-0111"},
		{"021-5550110; 112", "[021-5550110|+62215550110]; [112|112]"},
		{"0812 3456 7890 dan 0812 3456 7891", "[0812 3456 7890|+6281234567890] dan [0812 3456 7891|+6281234567891]"},
		{" 0812 3456 7890 ", " [0812 3456 7890|+6281234567890] "},
		{"Hubungi 0812 3456 7890", "Hubungi 0812 3456 7890"},
		{"", ""},
	}
	for _, tt := range tests {
		ps := Phones(tt.in)
		if got := parts(ps); got != tt.want {
			t.Errorf("Phones(%q) = %s, want %s", tt.in, got, tt.want)
		}
		var joined strings.Builder
		for _, p := range ps {
			joined.WriteString(p.Text)
		}
		if joined.String() != tt.in {
			t.Errorf("Phones(%q): the parts' text is %q, not the value", tt.in, joined.String())
		}
	}
	if got, want := parts(Emails("a@kota.go.id / b.c@kota.go.id, bukan surel")), "[a@kota.go.id|a@kota.go.id] / [b.c@kota.go.id|b.c@kota.go.id], bukan surel"; got != want {
		t.Errorf("Emails = %s, want %s", got, want)
	}
}

func TestParseEmail(t *testing.T) {
	for in, ok := range map[string]bool{
		"pengaduan@kotacontoh.go.id": true, "a.b+c@x-y.id": true,
		"pengaduan@localhost": false, "a b@x.id": false, "<a@x.id>": false, "a@x.id?subject=x": false,
		"a@x.id#x": false, `"a"@x.id`: false, "a%40@x.id": false, "@x.id": false, "a@": false,
	} {
		if got := ParseEmail(in) != ""; got != ok {
			t.Errorf("ParseEmail(%q) accepted = %v, want %v", in, got, ok)
		}
	}
}

func TestWebURL(t *testing.T) {
	tests := []struct{ in, problem, hint string }{
		{"https://simbg.pu.go.id", "", ""},
		{"http://contoh.go.id/layanan?x=1#a", "", ""},
		{"HTTPS://CONTOH.GO.ID", "", ""},
		{"simbg.pu.go.id", "tidak diawali https:// atau http://", `Alamat web memerlukan awalannya; tulis "https://simbg.pu.go.id".`},
		{"www.lapor.go.id/pengaduan", "tidak diawali https:// atau http://", `Alamat web memerlukan awalannya; tulis "https://www.lapor.go.id/pengaduan".`},
		{"simbg.pu.go.id:8080/x", "tidak diawali https:// atau http://", `Alamat web memerlukan awalannya; tulis "https://simbg.pu.go.id:8080/x".`},
		{"//simbg.pu.go.id", "tidak diawali https:// atau http://", `Alamat web memerlukan awalannya; tulis "https://simbg.pu.go.id".`},
		{"layanan", "bukan alamat web", `Tulis alamat web lengkap yang diawali https://, misalnya "https://layanan.kotacontoh.go.id".`},
		{"javascript:alert(1)", `memakai skema "javascript:"`, `Hanya alamat web http:// dan https:// yang dapat dijadikan tautan; tulis alamat yang diawali https://, misalnya "https://layanan.kotacontoh.go.id".`},
		{"JaVaScRiPt:alert(1)", `memakai skema "javascript:"`, `Hanya alamat web http:// dan https:// yang dapat dijadikan tautan; tulis alamat yang diawali https://, misalnya "https://layanan.kotacontoh.go.id".`},
		{"data:text/html;base64,PHNjcmlwdD4=", `memakai skema "data:"`, `Hanya alamat web http:// dan https:// yang dapat dijadikan tautan; tulis alamat yang diawali https://, misalnya "https://layanan.kotacontoh.go.id".`},
		{"mailto:a@b.id", `memakai skema "mailto:"`, `Hanya alamat web http:// dan https:// yang dapat dijadikan tautan; tulis alamat yang diawali https://, misalnya "https://layanan.kotacontoh.go.id".`},
		{"https://", "bukan alamat web yang valid", `Tulis alamat web lengkap, misalnya "https://layanan.kotacontoh.go.id".`},
		{"https:simbg.pu.go.id", "bukan alamat web yang valid", `Tulis alamat web lengkap, misalnya "https://layanan.kotacontoh.go.id".`},
		{"https://a.id/x y", "mengandung spasi", "Alamat web tidak boleh mengandung spasi; tulis %20 untuk spasi di dalam alamat."},
		{"https://a.id\n", "diawali atau diakhiri spasi", `Tulis "https://a.id".`},
		{"java\tscript:alert(1)", "mengandung spasi", "Alamat web tidak boleh mengandung spasi; tulis %20 untuk spasi di dalam alamat."},
	}
	for _, tt := range tests {
		u, problem, hint := WebURL(tt.in)
		if problem != tt.problem || hint != tt.hint {
			t.Errorf("WebURL(%q) = %q, %q; want %q, %q", tt.in, problem, hint, tt.problem, tt.hint)
		}
		if (u == "") != (tt.problem != "") || u != "" && u != tt.in {
			t.Errorf("WebURL(%q) = %q", tt.in, u)
		}
	}
}
