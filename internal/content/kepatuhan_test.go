package content

import (
	"testing"
	"testing/fstest"
)

func TestKepatuhanConfig(t *testing.T) {
	t.Run("defaults when the table is absent", func(t *testing.T) {
		cfg, ps := LoadConfig(fstest.MapFS{"site.toml": {Data: []byte(siteTOML)}})
		if len(ps) > 0 {
			t.Fatal(ps)
		}
		if c := cfg.Compliance; !c.Dashboard || c.EvaluationMonths != 12 || c.Rules != nil || !c.Today.IsZero() {
			t.Errorf("defaults = %+v", c)
		}
	})
	t.Run("every key", func(t *testing.T) {
		src := siteTOML + "\n[kepatuhan]\nbatas_evaluasi_bulan = 6\ndasbor = false\nhari_ini = 2025-06-01\n\n[kepatuhan.aturan]\nSP016 = \"galat\"\nSP020 = \" mati \"\n"
		cfg, ps := LoadConfig(fstest.MapFS{"site.toml": {Data: []byte(src)}})
		if len(ps) > 0 {
			t.Fatal(ps)
		}
		c := cfg.Compliance
		if c.Dashboard || c.EvaluationMonths != 6 || c.Today.Format("2006-01-02") != "2025-06-01" ||
			len(c.Rules) != 2 || c.Rules["SP016"] != "galat" || c.Rules["SP020"] != "mati" {
			t.Errorf("kepatuhan = %+v", c)
		}
	})
	for _, tt := range []struct{ name, src, want string }{
		{"a rule setting that is not text", "[kepatuhan.aturan]\nSP016 = 1\n",
			"site.toml:5:1: galat: `SP016` pada [kepatuhan] › [aturan] harus berupa teks, bukan angka bulat"},
		{"aturan that is not a table", "[kepatuhan]\naturan = \"mati\"\n",
			"site.toml:5:1: galat: `aturan` pada [kepatuhan] harus berupa tabel, bukan teks"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, got := configWith(tt.src); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
