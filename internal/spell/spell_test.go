package spell

import "testing"

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"persyaratn", "persyaratan", 1},
		{"tarf", "tarif", 1},
		{"src", "sumber", 5},
		{"kanal", "kanal", 0},
		{"nilai", "nila", 1},
		{"abc", "", 3},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
