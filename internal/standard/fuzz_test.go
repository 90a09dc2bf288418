package standard

import (
	"testing"
	"unicode/utf8"
)

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"ktp-el": true, "puskesmas-1": true, "a": true,
		"": false, "KTP": false, "ktp el": false, "-ktp": false, "ktp-": false, "ktp--el": false,
		"..": false, "a/b": false, "ktp\u200bel": false, "ktp\u00adel": false, "kt\u0070": true,
	} {
		if got := ValidSlug(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzSlug checks that a suggested slug is always valid or empty, and that a valid slug
// never contains anything that could leave the output folder or differ by file system.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"KTP El", "Akta Kelahiran (baru)", "../../etc", "ktp\u200bel", "Ñandú", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sug := Slugify(s)
		if sug != "" && !ValidSlug(sug) {
			t.Errorf("Slugify(%q) = %q, which is not a valid slug", s, sug)
		}
		if ValidSlug(s) {
			if !utf8.ValidString(s) || Slugify(s) != s {
				t.Errorf("valid slug %q is not its own slug", s)
			}
			for _, r := range s {
				if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
					t.Errorf("valid slug %q contains %q", s, r)
				}
			}
		}
	})
}
