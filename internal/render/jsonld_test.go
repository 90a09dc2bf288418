package render

import (
	"testing"

	"github.com/papan-id/papan/internal/standard"
)

// TestProcessingTimeNeverUnderstates: schema.org's processingTime is ISO 8601, which has
// no working day; a duration it cannot state exactly is left out, never written shorter.
func TestProcessingTimeNeverUnderstates(t *testing.T) {
	d := func(label string, n, most int, u standard.Unit) standard.Duration {
		return standard.Duration{Label: label, Value: n, Max: most, Unit: u}
	}
	for _, tt := range []struct {
		name      string
		durations []standard.Duration
		channel   string
		want      string
	}{
		{"minutes", []standard.Duration{d("", 15, 0, standard.UnitMinute)}, "", "PT15M"},
		{"hours", []standard.Duration{d("", 2, 0, standard.UnitHour)}, "", "PT2H"},
		{"calendar days", []standard.Duration{d("", 14, 0, standard.UnitCalendarDay)}, "", "P14D"},
		{"months", []standard.Duration{d("", 3, 0, standard.UnitMonth)}, "", "P3M"},
		{"a range gives its longest", []standard.Duration{d("", 3, 5, standard.UnitMinute)}, "", "PT5M"},
		{"working days are left out", []standard.Duration{d("", 14, 0, standard.UnitWorkDay)}, "", ""},
		{"hari without kerja or kalender is left out", []standard.Duration{d("", 3, 0, standard.UnitDay)}, "", ""},
		{"one duration is every channel's", []standard.Duration{d("", 10, 0, standard.UnitMinute)}, "Daring", "PT10M"},
		{"several: the one labelled as the channel",
			[]standard.Duration{d("Luring", 1, 0, standard.UnitHour), d("Daring", 30, 0, standard.UnitMinute)}, "Daring", "PT30M"},
		{"several, none labelled as the channel: left out",
			[]standard.Duration{d("Penerbitan PBG", 1, 0, standard.UnitHour), d("Penerbitan SLF", 3, 0, standard.UnitHour)}, "", ""},
		{"no duration", nil, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := processingTime(tt.durations, tt.channel); got != tt.want {
				t.Errorf("processingTime = %q, want %q", got, tt.want)
			}
		})
	}
}
