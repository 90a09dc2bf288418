package opendata

import (
	"encoding/json"
	"testing"
)

func TestElementsCountsTopLevelValues(t *testing.T) {
	for _, tt := range []struct {
		name, json string
		want       int
	}{
		{"empty array", `{"prosedur":[]}`, 0},
		{"empty array with blanks", `{"prosedur":[ ]}`, 0},
		{"null", `{"prosedur":null}`, 0},
		{"one number", `{"prosedur":[1]}`, 1},
		{"literals", `{"prosedur":[true, false, null]}`, 3},
		{"objects holding arrays and commas", `{"prosedur":[{"a":[1,2],"b":{"c":3}},{"d":"x,y"}]}`, 2},
		{"strings with quotes, brackets and backslashes", `{"prosedur":["a\"],[", "\\", "}{"]}`, 3},
		{"nested empty arrays", `{"prosedur":[[],[[]]]}`, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var r struct {
				Prosedur elements `json:"prosedur"`
			}
			if err := json.Unmarshal([]byte(tt.json), &r); err != nil {
				t.Fatal(err)
			}
			if got := int(r.Prosedur); got != tt.want {
				t.Errorf("got %d elements, want %d", got, tt.want)
			}
		})
	}
}
