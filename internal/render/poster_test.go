package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCut(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short text stays whole", "Kartu Keluarga", 20, "Kartu Keluarga"},
		{"long text is cut at a word", "Fotokopi akta kelahiran yang dilegalisasi", 20, "Fotokopi akta…"},
		{"punctuation before the cut goes", "Surat pengantar RT, RW, dan kelurahan", 21, "Surat pengantar RT…"},
		{"one long word is cut inside", strings.Repeat("a", 30), 10, strings.Repeat("a", 9) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cut(tt.in, tt.n)
			if got != tt.want {
				t.Errorf("cut(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
			if utf8.RuneCountInString(got) > tt.n {
				t.Errorf("cut(%q, %d) is %d runes long", tt.in, tt.n, utf8.RuneCountInString(got))
			}
		})
	}
}

func TestPlainTextOfMaklumat(t *testing.T) {
	m := newMarkdown()
	got := plainText(m.Field("Kami sanggup melayani **tanpa biaya**, serta\n\nsiap menerima *sanksi* &amp; teguran."))
	if want := "Kami sanggup melayani tanpa biaya, serta siap menerima sanksi & teguran."; got != want {
		t.Errorf("plainText = %q, want %q", got, want)
	}
}
