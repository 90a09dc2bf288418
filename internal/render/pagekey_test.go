package render

import (
	"reflect"
	"testing"

	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// TestPageKeyFields: the dashboard's pages are keyed by every field of the assessment
// (keyWriter.opdScore, problems). A field added to these types must be written in the
// key too, or a build with the cache could keep a dashboard page that shows it stale:
// this test names the count each was written for.
func TestPageKeyFields(t *testing.T) {
	for _, c := range []struct {
		typ  reflect.Type
		want int
	}{
		{reflect.TypeFor[rules.OPDScore](), 15},
		{reflect.TypeFor[rules.ServiceScore](), 15},
		{reflect.TypeFor[standard.Problem](), 8},
		{reflect.TypeFor[rules.Dashboard](), 5},
	} {
		if got := c.typ.NumField(); got != c.want {
			t.Errorf("%s has %d fields, pagekey.go writes %d: write the new ones in the dashboard's keys and change this count", c.typ, got, c.want)
		}
	}
}
