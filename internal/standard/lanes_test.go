package standard

import (
	"reflect"
	"testing"
)

// TestLanes splits procedures by channel and stage, and checks that a stage written in
// one run holds the steps themselves while an interleaved one holds a copy.
func TestLanes(t *testing.T) {
	step := func(text, channel, stage string) Step { return Step{Text: text, Channel: channel, Stage: stage} }
	type stage struct {
		name   string
		first  int
		texts  []string
		index  []int
		shared bool // Steps is a part of the procedure, not a copy
	}
	for _, tt := range []struct {
		name  string
		steps []Step
		want  map[string][]stage // by channel, in order
		order []string
	}{
		{"no steps", nil, nil, nil},
		{"one channel of one stage", []Step{step("a", "", ""), step("b", "", ""), step("c", "", "")},
			map[string][]stage{"": {{"", 1, []string{"a", "b", "c"}, []int{0, 1, 2}, true}}}, []string{""}},
		{"two stages one after the other", []Step{step("a", "", "PBG"), step("b", "", "PBG"), step("c", "", "SLF")},
			map[string][]stage{"": {{"PBG", 1, []string{"a", "b"}, []int{0, 1}, true}, {"SLF", 3, []string{"c"}, []int{2}, true}}}, []string{""}},
		{"two channels interleaved", []Step{step("a", "Luring", ""), step("b", "Daring", ""), step("c", "Luring", ""), step("d", "Daring", "")},
			map[string][]stage{
				"Luring": {{"", 1, []string{"a", "c"}, []int{0, 2}, false}},
				"Daring": {{"", 1, []string{"b", "d"}, []int{1, 3}, false}},
			}, []string{"Luring", "Daring"}},
		{"two channels one after the other", []Step{step("a", "Luring", ""), step("b", "Luring", ""), step("c", "Daring", "")},
			map[string][]stage{
				"Luring": {{"", 1, []string{"a", "b"}, []int{0, 1}, true}},
				"Daring": {{"", 1, []string{"c"}, []int{2}, true}},
			}, []string{"Luring", "Daring"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lanes := Lanes(tt.steps)
			if got, want := len(lanes), len(tt.order); got != want {
				t.Fatalf("%d lanes, want %d", got, want)
			}
			for l, ln := range lanes {
				if got, want := ln.Channel, tt.order[l]; got != want {
					t.Errorf("lane %d is %q, want %q", l, got, want)
				}
				want := tt.want[ln.Channel]
				if got := len(ln.Stages); got != len(want) {
					t.Fatalf("lane %q: %d stages, want %d", ln.Channel, got, len(want))
				}
				for g, sg := range ln.Stages {
					w := want[g]
					var texts []string
					for _, st := range sg.Steps {
						texts = append(texts, st.Text)
					}
					if sg.Name != w.name || sg.First != w.first || !reflect.DeepEqual(texts, w.texts) || !reflect.DeepEqual(sg.Index, w.index) {
						t.Errorf("lane %q stage %d = %q from %d %v at %v, want %q from %d %v at %v",
							ln.Channel, g, sg.Name, sg.First, texts, sg.Index, w.name, w.first, w.texts, w.index)
					}
					if got := &sg.Steps[0] == &tt.steps[sg.Index[0]]; got != w.shared {
						t.Errorf("lane %q stage %d shares the procedure's steps: %v, want %v", ln.Channel, g, got, w.shared)
					}
					if cap(sg.Steps) != len(sg.Steps) {
						t.Errorf("lane %q stage %d: cap %d > len %d, so an append would write into the procedure", ln.Channel, g, cap(sg.Steps), len(sg.Steps))
					}
				}
			}
		})
	}
}

// TestServiceLanes checks that Service.Lanes answers with the lanes Validate made, and
// makes them again for a procedure set afterwards.
func TestServiceLanes(t *testing.T) {
	s := &Service{File: "content/dinas/a.toml", Procedure: []Step{{Text: "a"}, {Text: "b"}}}
	s.Validate()
	if got, want := &s.Lanes()[0], &s.lanes[0]; got != want {
		t.Errorf("Lanes made the lanes again after Validate")
	}
	s.Procedure = []Step{{Text: "c", Channel: "Daring"}}
	if got := s.Lanes(); len(got) != 1 || got[0].Channel != "Daring" || got[0].Stages[0].Steps[0].Text != "c" {
		t.Errorf("Lanes after the procedure was set again = %+v, want the new procedure's", got)
	}
}
