package cli

import (
	"regexp"
	"strings"
	"testing"
)

// TestFlagErrors checks that every error of the flag package reaches the user in
// Indonesian, with exit status 2 and the command's help after it.
func TestFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // the first line of stderr
	}{
		{"unknown flag", []string{"check", "-x"}, "papan check: pilihan -x tidak dikenal"},
		{"unknown flag near a known one", []string{"check", "--stric"}, "papan check: pilihan --stric tidak dikenal; mungkin maksudnya --strict?"},
		{"unknown flag with a value", []string{"build", "--keluaran=situs"}, "papan build: pilihan --keluaran tidak dikenal"},
		{"missing value", []string{"build", "--out"}, "papan build: pilihan --out memerlukan nilai, misalnya --out FOLDER"},
		{"not a number", []string{"serve", "--port", "abc"}, `papan serve: nilai "abc" untuk --port bukan angka bulat`},
		{"number too large", []string{"serve", "--port", "99999999999999999999"}, `papan serve: nilai "99999999999999999999" untuk --port di luar batas angka yang dapat dibaca`},
		{"negative where none is allowed", []string{"gen-demo", "--seed", "-1", "x"}, `papan gen-demo: nilai "-1" untuk --seed bukan angka bulat 0 atau lebih`},
		{"not true or false", []string{"check", "--strict=mungkin"}, `papan check: nilai "mungkin" untuk --strict harus true atau false`},
		{"three dashes", []string{"check", "---strict"}, "papan check: pilihan ---strict tidak dapat dibaca; tulis --nama atau --nama=nilai"},
	}
	english := regexp.MustCompile(`\b(flag|provided|defined|invalid|value|needs|argument|parse|error|default|range|syntax)\b`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(tt.args...)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d", code, ExitUsage)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if first, _, _ := strings.Cut(stderr, "\n"); first != tt.want {
				t.Errorf("stderr begins\n\t%s\nwant\n\t%s", first, tt.want)
			}
			if !strings.Contains(stderr, "\nPenggunaan: papan "+tt.args[0]) {
				t.Errorf("no help after the error:\n%s", stderr)
			}
			if w := english.FindString(stderr); w != "" {
				t.Errorf("English %q in\n%s", w, stderr)
			}
		})
	}
}

// TestHelpInIndonesian checks the help of every command for the flag package's English.
func TestHelpInIndonesian(t *testing.T) {
	for _, c := range commands() {
		if c.run == nil {
			continue
		}
		_, _, stderr := run(c.name, "--help")
		if strings.Contains(stderr, "(default") || regexp.MustCompile(`(?m)^  -\w`).MatchString(stderr) ||
			regexp.MustCompile(`(?m)^  --\S+ (string|int|uint|value)$`).MatchString(stderr) {
			t.Errorf("%s --help is not in Indonesian:\n%s", c.name, stderr)
		}
	}
	_, _, stderr := run("serve", "--help")
	for _, want := range []string{"  --port N", "  --src FOLDER", `    	folder situs (berisi site.toml dan content/) (bawaan: ".")`} {
		if !hasLine(stderr, want) {
			t.Errorf("serve --help lacks the line %q:\n%s", want, stderr)
		}
	}
}
