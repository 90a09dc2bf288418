package render

import (
	"encoding/json"
	"strings"
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

// TestEachChannelHasItsOwnFacts: a channel in person has the place and phone, an online
// one the address, each its own processing time; a channel whose name says neither has
// its name and time only; the only channel of a service has every fact.
func TestEachChannelHasItsOwnFacts(t *testing.T) {
	site := searchSite()
	s := site.OPDs[0].Services[0]
	s.OPD.Address, s.OPD.Contact.Phone = "Jl. Merdeka No. 10, Kota Uji", "(021) 555-0110"
	s.OnlineURL = "https://layanan.uji.example/"
	step := func(channel string) standard.Step {
		return standard.Step{Channel: channel, Text: "Ajukan", Actors: standard.Actors{"Pemohon"}}
	}
	dur := func(label string, n int, u standard.Unit) standard.Duration {
		return standard.Duration{Label: label, Value: n, Unit: u}
	}
	type channel struct {
		ID                               string `json:"@id"`
		Name, ProcessingTime, ServiceURL string
		ServiceLocation                  *struct{ Name string }
		ServicePhone                     *struct{ Telephone string }
	}
	const page = "https://uji.example/kota/dukcapil/ktp-el/"
	for _, tt := range []struct {
		name      string
		steps     []standard.Step
		durations []standard.Duration
		want      string
	}{
		{"in person and online",
			[]standard.Step{step("Tatap muka"), step("Daring")},
			[]standard.Duration{dur("Tatap muka", 2, standard.UnitHour), dur("Daring", 30, standard.UnitMinute)},
			"#kanal-1 Tatap muka PT2H place=Dinas Kependudukan dan Pencatatan Sipil phone=+62215550110 | " +
				"#kanal-2 Daring PT30M url=https://layanan.uji.example/"},
		{"a channel whose name says neither",
			[]standard.Step{step("Mandiri melalui OSS"), step("Melalui kelurahan (Puskesos)")}, nil,
			"#kanal-1 Mandiri melalui OSS  url=https://layanan.uji.example/ | #kanal-2 Melalui kelurahan (Puskesos) "},
		{"the only channel",
			[]standard.Step{step("")}, []standard.Duration{dur("", 15, standard.UnitMinute)},
			"#kanal-1  PT15M url=https://layanan.uji.example/ place=Dinas Kependudukan dan Pencatatan Sipil phone=+62215550110"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s.Procedure, s.Durations = tt.steps, tt.durations
			r, err := New(site, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			js, err := r.pageJSONLD(r.serviceData(s))
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Graph []struct{ AvailableChannel []channel } `json:"@graph"`
			}
			if err := json.Unmarshal([]byte(js), &doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range doc.Graph[0].AvailableChannel {
				line := strings.TrimPrefix(c.ID, page) + " " + c.Name + " " + c.ProcessingTime
				if c.ServiceURL != "" {
					line += " url=" + c.ServiceURL
				}
				if c.ServiceLocation != nil {
					line += " place=" + c.ServiceLocation.Name
				}
				if c.ServicePhone != nil {
					line += " phone=" + c.ServicePhone.Telephone
				}
				got = append(got, line)
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("channels\n%s\nwant\n%s", g, tt.want)
			}
		})
	}
}

// TestOPDPageJSONLD: an OPD page describes the OPD as GovernmentOrganization, with the
// same @id its services name as provider, its address as PostalAddress, its phone and
// fax in +62 form, and the page's breadcrumbs.
func TestOPDPageJSONLD(t *testing.T) {
	site := searchSite()
	o := site.OPDs[0]
	o.Address, o.Contact.Phone, o.Contact.Email = "Jl. Merdeka No. 10, Kota Uji", "(021) 555-0110 / 0812 3456 7890", "dukcapil@uji.example"
	o.Contact.Fax = "(021) 555-0119"
	r, err := New(site, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	js, err := r.pageJSONLD(r.opdData(o, 1))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"@context":"https://schema.org","@graph":[` +
		`{"@id":"https://uji.example/kota/dukcapil/#opd","@type":"GovernmentOrganization",` +
		`"address":{"@id":"https://uji.example/kota/dukcapil/#alamat","@type":"PostalAddress","addressCountry":"ID","streetAddress":"Jl. Merdeka No. 10, Kota Uji"},` +
		`"alternateName":"Disdukcapil","areaServed":{"@id":"https://uji.example/kota/#wilayah","@type":"AdministrativeArea","name":"Uji"},` +
		`"email":"dukcapil@uji.example","faxNumber":"+62215550119","name":"Dinas Kependudukan dan Pencatatan Sipil","telephone":"+62215550110","url":"https://uji.example/kota/dukcapil/"},` +
		`{"@id":"https://uji.example/kota/dukcapil/#remah","@type":"BreadcrumbList","itemListElement":[` +
		`{"@id":"https://uji.example/kota/dukcapil/#remah-1","@type":"ListItem","item":"https://uji.example/kota/","name":"Beranda","position":1},` +
		`{"@id":"https://uji.example/kota/dukcapil/#remah-2","@type":"ListItem","item":"https://uji.example/kota/dukcapil/","name":"Dinas Kependudukan dan Pencatatan Sipil","position":2}]}]}`
	if string(js) != want {
		t.Errorf("JSON-LD\n%s\nwant\n%s", js, want)
	}
}

// TestFaxShownNotLinked: an OPD's fax and the site's stand beside their phones as text;
// a tel: link to a fax would ring a machine.
func TestFaxShownNotLinked(t *testing.T) {
	site := searchSite()
	o := site.OPDs[0]
	o.Contact.Phone, o.Contact.Fax = "(021) 555-0110", "(021) 555-0119"
	site.Config.Contact.Phone, site.Config.Contact.Fax = "(021) 555-0100", "(021) 555-0109"
	r, err := New(site, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.execute(&b, "opd", r.opdData(o, 1)); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		`<dt>Faksimile</dt><dd>(021) 555-0119</dd>`,
		`<p>Faksimile: (021) 555-0109</p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, fax := range []string{"tel:+62215550119", "tel:+62215550109"} {
		if strings.Contains(page, fax) {
			t.Errorf("page links the fax %s", fax)
		}
	}
}
