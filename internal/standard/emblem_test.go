package standard

import "testing"

// TestEmblemPath: lambang names a file under static/, never another site's image.
func TestEmblemPath(t *testing.T) {
	for _, tt := range []struct {
		emblem string
		ok     bool
	}{
		{"lambang.svg", true},
		{"/img/lambang.png", true},
		{"https://example.com/lambang.png", false},
		{"//example.com/lambang.png", false},
		{"../rahasia.png", false},
	} {
		ps := (&Config{File: "site.toml", Language: "id", Emblem: tt.emblem}).Validate()
		if got := len(ps) == 0; got != tt.ok {
			t.Errorf("lambang = %q: problems %v, want ok = %v", tt.emblem, ps, tt.ok)
		}
		if !tt.ok && len(ps) == 1 && ps[0].Path != "lambang" {
			t.Errorf("lambang = %q: problem at %q, want lambang", tt.emblem, ps[0].Path)
		}
	}
}
