package render

import (
	"fmt"

	"github.com/papan-id/papan/internal/standard"
)

// serviceJSONLD describes a service as schema.org GovernmentService, so search engines and
// other portals can read the standard's key facts. html/template encodes the map as JSON
// inside the script element and escapes "<", so no content can end the element early.
func (r *Renderer) serviceJSONLD(v view) map[string]any {
	s := v.Service
	o := s.OPD
	provider := map[string]any{"@type": "GovernmentOrganization", "name": o.Name, "url": r.AbsURL("/" + o.Slug + "/")}
	if o.Address != "" {
		provider["address"] = o.Address
	}
	if o.Contact.Phone != "" {
		provider["telephone"] = o.Contact.Phone
	}
	if o.Contact.Email != "" {
		provider["email"] = o.Contact.Email
	}
	place := s.Location
	if place == "" {
		place = o.Address
	}
	var channels []any
	for _, p := range procedures(s) {
		ch := map[string]any{"@type": "ServiceChannel"}
		if p.Channel != "" {
			ch["name"] = p.Channel
		}
		if place != "" {
			ch["serviceLocation"] = map[string]any{"@type": "Place", "name": o.Name, "address": place}
		}
		if s.OnlineURL != "" {
			ch["serviceUrl"] = s.OnlineURL
		}
		if o.Contact.Phone != "" {
			ch["servicePhone"] = map[string]any{"@type": "ContactPoint", "telephone": o.Contact.Phone}
		}
		if d := isoDuration(s.Duration); d != "" {
			ch["processingTime"] = d
		}
		channels = append(channels, ch)
	}
	var offers []any
	for _, f := range s.Fees {
		offers = append(offers, map[string]any{"@type": "Offer", "name": f.Text, "price": f.Amount, "priceCurrency": "IDR"})
	}
	var products []any
	for _, p := range s.Products {
		products = append(products, map[string]any{"@type": "Thing", "name": p.Name})
	}
	ld := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "GovernmentService",
		"name":             s.Name,
		"description":      v.Description,
		"url":              r.AbsURL(v.Path),
		"provider":         provider,
		"serviceOperator":  provider,
		"areaServed":       map[string]any{"@type": "AdministrativeArea", "name": r.site.Config.Region},
		"availableChannel": channels,
		"offers":           offers,
		"produces":         products,
	}
	if s.Category != "" {
		ld["serviceType"] = s.Category
	}
	return ld
}

// isoDuration writes the longest duration of a standard as ISO 8601, which schema.org's
// processingTime expects. Working days become days: ISO 8601 has no working day.
func isoDuration(d *standard.Duration) string {
	if d == nil {
		return ""
	}
	n := max(d.Value, d.Max)
	switch d.Unit {
	case standard.UnitMinute:
		return fmt.Sprintf("PT%dM", n)
	case standard.UnitHour:
		return fmt.Sprintf("PT%dH", n)
	case standard.UnitWorkDay, standard.UnitCalendarDay:
		return fmt.Sprintf("P%dD", n)
	}
	return ""
}
