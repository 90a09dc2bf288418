package gendemo

import (
	"context"
	"os"
	"testing"

	"github.com/papan-id/papan/internal/content"
)

// TestProcedureShapes checks that a generated site has the procedure's shapes of real
// standards, in about the proportions gen-demo aims at: stages in about one service in
// ten, conditions and several actors on about one middle step in ten, outcomes in about
// one decision in four.
func TestProcedureShapes(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(context.Background(), dir, Options{Services: 400, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	site, ps, err := content.Load(context.Background(), os.DirFS(dir))
	if err != nil || site == nil {
		t.Fatal("site did not load", err, ps)
	}
	var services, staged, steps, conditional, actors, decisions, outcomes int
	for _, o := range site.OPDs {
		for _, s := range o.Services {
			services++
			stages := map[string]bool{}
			for _, st := range s.Procedure {
				steps++
				stages[st.Stage] = true
				if st.Condition != "" {
					conditional++
				}
				if len(st.Actors) > 1 {
					actors++
				}
				if st.Decision != "" {
					decisions++
				}
				if len(st.Outcomes) > 0 {
					outcomes++
				}
			}
			if len(stages) > 1 {
				staged++
			}
		}
	}
	for _, c := range []struct {
		what     string
		n, of    int
		min, max float64
	}{
		{"services with stages", staged, services, 0.02, 0.15},
		{"steps with a condition", conditional, steps, 0.03, 0.15},
		{"steps with several actors", actors, steps, 0.03, 0.15},
		{"decisions with outcomes", outcomes, decisions, 0.1, 0.4},
	} {
		if f := float64(c.n) / float64(c.of); f < c.min || f > c.max {
			t.Errorf("%s: %d of %d (%.2f), want %.2f–%.2f", c.what, c.n, c.of, f, c.min, c.max)
		}
	}
}
