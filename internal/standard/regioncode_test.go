package standard

import "testing"

// TestRegionCode: kode_wilayah takes Kemendagri's dotted codes at any level, and
// nothing else.
func TestRegionCode(t *testing.T) {
	for _, tt := range []struct {
		code string
		ok   bool
	}{
		{"", true}, {"32", true}, {"32.73", true}, {"32.73.01", true}, {"32.73.01.1001", true},
		{"3273", false}, {"32.7", false}, {"32.73.01.101", false}, {"Kota Bandung", false}, {"32.73.", false},
	} {
		t.Run(tt.code, func(t *testing.T) {
			ps := (&Config{File: "site.toml", RegionCode: tt.code}).Validate()
			if got := len(ps) == 0; got != tt.ok {
				t.Errorf("Validate() = %v, want ok %v", ps, tt.ok)
			}
			if !tt.ok && (ps[0].Path != "kode_wilayah" || ps[0].Message != `kode_wilayah "`+tt.code+`" bukan kode wilayah Kemendagri`) {
				t.Errorf("problem = %+v", ps[0])
			}
		})
	}
}
