package render

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// TestSeparateBraces: nested objects' closing braces are split by a line break, strings
// are left exactly as they are, and the JSON means the same.
func TestSeparateBraces(t *testing.T) {
	for _, in := range []string{
		`{"a":{"b":{"c":1}}}`,
		`{"s":"}}","t":"\"}}\\","u":{"v":"{{x}}"}}`,
		`[{"a":{}},{"b":[{"c":{}}]}]`,
		`{}`,
	} {
		out := []byte(separateBraces([]byte(in)))
		var want, got any
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%s -> %s: %v", in, out, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s -> %s: the data changed", in, out)
		}
		// Outside strings no "}}" is left; the ones inside strings stay.
		if n, m := bytes.Count(out, []byte("}}")), bytes.Count([]byte(in), []byte(`}}"`))+bytes.Count([]byte(in), []byte(`}}\`)); n != m {
			t.Errorf("%s -> %s: %d \"}}\" left, want only the %d inside strings", in, out, n, m)
		}
	}
}
