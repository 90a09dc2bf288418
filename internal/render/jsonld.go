package render

import (
	"encoding/json"
	"fmt"
	"html/template"

	"github.com/papan-id/papan/internal/standard"
)

// The ld* types are the schema.org vocabulary Papan writes. Their fields are in the
// byte order of their JSON names, the order encoding/json gives map keys, so the output
// is the same as it was when it was built from maps; structs encode without a map's
// allocations and sorting. A property left out is omitempty.
type (
	ldService struct {
		Context          string      `json:"@context"`
		Type             string      `json:"@type"`
		AreaServed       ldNamed     `json:"areaServed"`
		AvailableChannel []ldChannel `json:"availableChannel,omitempty"`
		Description      string      `json:"description"`
		Name             string      `json:"name"`
		Offers           []ldOffer   `json:"offers,omitempty"`
		Produces         []ldNamed   `json:"produces,omitempty"`
		Provider         *ldOrg      `json:"provider"`
		ServiceOperator  *ldOrg      `json:"serviceOperator"`
		ServiceType      string      `json:"serviceType,omitempty"`
		URL              string      `json:"url"`
	}
	ldNamed struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	ldOrg struct {
		Type      string `json:"@type"`
		Address   string `json:"address,omitempty"`
		Email     string `json:"email,omitempty"`
		Name      string `json:"name"`
		Telephone string `json:"telephone,omitempty"`
		URL       string `json:"url"`
	}
	ldChannel struct {
		Type            string          `json:"@type"`
		Name            string          `json:"name,omitempty"`
		ProcessingTime  string          `json:"processingTime,omitempty"`
		ServiceLocation *ldPlace        `json:"serviceLocation,omitempty"`
		ServicePhone    *ldContactPoint `json:"servicePhone,omitempty"`
		ServiceURL      string          `json:"serviceUrl,omitempty"`
	}
	ldPlace struct {
		Type    string `json:"@type"`
		Address string `json:"address"`
		Name    string `json:"name"`
	}
	ldContactPoint struct {
		Type      string `json:"@type"`
		Telephone string `json:"telephone"`
	}
	// ldOffer is one fee. Only a fixed or a free fee has a price (0 for free); a range
	// is a priceSpecification with minPrice and maxPrice; a fee set by a regulation has
	// its text as description and no price, which it does not state.
	ldOffer struct {
		Type               string       `json:"@type"`
		Description        string       `json:"description,omitempty"`
		Name               string       `json:"name"`
		Price              *int64       `json:"price,omitempty"`
		PriceCurrency      string       `json:"priceCurrency,omitempty"`
		PriceSpecification *ldPriceSpec `json:"priceSpecification,omitempty"`
	}
	ldPriceSpec struct {
		Type          string `json:"@type"`
		MaxPrice      int64  `json:"maxPrice"`
		MinPrice      int64  `json:"minPrice"`
		PriceCurrency string `json:"priceCurrency"`
	}
)

// serviceJSONLD describes a service as schema.org GovernmentService, so search engines and
// other portals can read the standard's key facts.
//
// It returns the JSON as template.JS, encoded the way html/template encodes a value in a
// script element (encoding/json, which escapes "<", ">", "&", U+2028 and U+2029), so no
// content can end the element early; html/template then writes it as it is instead of
// encoding it again through reflection.
func (r *Renderer) serviceJSONLD(v view) (template.JS, error) {
	s := v.Service
	o := s.OPD
	phone := ldPhone(o.Contact.Phone)
	provider := &ldOrg{Type: "GovernmentOrganization", Name: o.Name, URL: r.AbsURL(o.Addr().Path),
		Address: o.Address, Telephone: phone, Email: o.Contact.Email}
	place := s.Location
	if place == "" {
		place = o.Address
	}
	// A fact the standard does not state is left out (omitempty), never written as zero:
	// no offers without [[biaya]], no processingTime without [jangka_waktu] (nor one that
	// would understate it, isoDuration). A service
	// without a procedure still has its one channel: the place, the phone, the link.
	ps := procedures(s)
	if len(ps) == 0 {
		ps = []procedure{{}}
	}
	var channels []ldChannel
	for _, p := range ps {
		ch := ldChannel{Type: "ServiceChannel", Name: p.Channel, ServiceURL: s.OnlineURL,
			ProcessingTime: processingTime(s.Durations, p.Channel)}
		if place != "" {
			ch.ServiceLocation = &ldPlace{Type: "Place", Name: o.Name, Address: place}
		}
		if phone != "" {
			ch.ServicePhone = &ldContactPoint{Type: "ContactPoint", Telephone: phone}
		}
		if ch == (ldChannel{Type: "ServiceChannel"}) {
			continue // nothing known of it
		}
		channels = append(channels, ch)
	}
	var offers []ldOffer
	for _, f := range s.Fees {
		o := ldOffer{Type: "Offer", Name: f.Text}
		switch f.Kind() {
		case standard.FeeFree:
			o.Price, o.PriceCurrency = new(int64), "IDR"
		case standard.FeeFixed:
			o.Price, o.PriceCurrency = &f.Amount, "IDR"
		case standard.FeeRange:
			o.PriceSpecification = &ldPriceSpec{Type: "PriceSpecification", MinPrice: f.Min, MaxPrice: f.Max, PriceCurrency: "IDR"}
		case standard.FeeByRule:
			o.Description = f.Rule
		default:
			continue
		}
		offers = append(offers, o)
	}
	var products []ldNamed
	for _, p := range s.Products {
		products = append(products, ldNamed{Type: "Thing", Name: p.Name})
	}
	b, err := json.Marshal(ldService{
		Context:          "https://schema.org",
		Type:             "GovernmentService",
		Name:             s.Name,
		Description:      v.Description,
		URL:              r.AbsURL(v.Path),
		Provider:         provider,
		ServiceOperator:  provider,
		AreaServed:       ldNamed{Type: "AdministrativeArea", Name: r.site.Config.Region},
		AvailableChannel: channels,
		Offers:           offers,
		Produces:         products,
		ServiceType:      s.Category,
	})
	return template.JS(b), err
}

// ldPhone returns the telephone schema.org is given for a contact value: its first
// number in the form the page's tel: link dials ("+62215550110"), or the value as
// written when Papan finds no number in it.
func ldPhone(v string) string {
	for _, p := range standard.Phones(v) {
		if p.Target != "" {
			return p.Target
		}
	}
	return v
}

// processingTime is the processingTime of the service channel named channel ("" for a
// procedure without channels): the duration of a standard with one, or of several the
// one labelled as the channel is. Of several without such a label it is "": stages one
// after another and alternatives read alike, and no one duration is the channel's.
func processingTime(ds []standard.Duration, channel string) string {
	if len(ds) == 1 {
		return isoDuration(ds[0])
	}
	for _, d := range ds {
		if channel != "" && d.Label == channel {
			return isoDuration(d)
		}
	}
	return ""
}

// isoDuration writes the longest time of a duration as ISO 8601, which schema.org's
// processingTime expects, when ISO 8601 can say it exactly: minutes, hours, calendar
// days, months. It never understates: ISO 8601 has no working day, and "14 hari kerja"
// written P14D would promise two weeks for what takes nearly three; a duration in
// working days, or in "hari" without saying which (SP029), gives "".
func isoDuration(d standard.Duration) string {
	n := max(d.Value, d.Max)
	switch d.Unit {
	case standard.UnitMinute:
		return fmt.Sprintf("PT%dM", n)
	case standard.UnitHour:
		return fmt.Sprintf("PT%dH", n)
	case standard.UnitCalendarDay:
		return fmt.Sprintf("P%dD", n)
	case standard.UnitMonth:
		return fmt.Sprintf("P%dM", n)
	}
	return ""
}
