package standard

import (
	"reflect"
	"slices"
	"testing"
)

// TestListEntry checks what a list entry keeps of a service: what the lists and the
// site-wide rules read, with the strings that repeat from service to service taken from
// intern, and not the values, hours and notes of its complaint channels.
func TestListEntry(t *testing.T) {
	s := &Service{Slug: "ktp", File: "content/dukcapil/ktp.toml", Name: "KTP-el", Category: "Kependudukan",
		Summary: "Penerbitan KTP-el", Keywords: []string{"ktp"},
		Requirements: []Requirement{{Name: "Kartu Keluarga"}, {Name: "Surat pengantar"}},
		Complaints: []Channel{{Kind: "telepon", Values: Texts{"(021) 555-0110"}, Hours: "08.00-16.00",
			Response: "1 hari kerja", Note: "Hanya hari kerja"}},
		Handling: &ComplaintHandling{Text: "Pengaduan dicatat dan ditindaklanjuti.", ResponseTime: "5 hari kerja"},
		Decree:   &Decree{Number: "800/12/2024"}}
	var interned []string
	e := s.ListEntry(func(v string) string { interned = append(interned, v); return v })
	if got, want := e.Complaints, []Channel{{Kind: "telepon", Response: "1 hari kerja"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("complaints = %+v, want %+v", got, want)
	}
	if got, want := *e.Handling, *s.Handling; got != want {
		t.Errorf("handling = %+v, want %+v", got, want)
	}
	if got, want := slices.Collect(e.RequirementNames()), []string{"Kartu Keluarga", "Surat pengantar"}; !slices.Equal(got, want) {
		t.Errorf("requirement names = %q, want %q", got, want)
	}
	if e.Name != s.Name || e.Summary != s.Summary || e.File != s.File || e.Decree.Number != "800/12/2024" || len(e.Requirements) != 0 {
		t.Errorf("entry = %+v, want the service's name, summary, file and decree, and no requirements", e)
	}
	want := []string{"Kependudukan", "ktp", "telepon", "1 hari kerja", "Pengaduan dicatat dan ditindaklanjuti.", "5 hari kerja", "Kartu Keluarga", "Surat pengantar"}
	if !slices.Equal(interned, want) {
		t.Errorf("interned %q, want %q", interned, want)
	}
}
