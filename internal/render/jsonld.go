package render

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// The ld* types are the schema.org vocabulary Papan writes. Their fields are in the
// byte order of their JSON names, the order encoding/json gives map keys, so the output
// is the same as it was when it was built from maps; structs encode without a map's
// allocations and sorting. A property left out is omitempty.
//
// Every node has an @id: the address of the page it is described on with a fragment
// ("…/dukcapil/ktp-el/#layanan", "…/dukcapil/#opd"), so the OPD a service page names as
// its provider is the node its own page describes, and a reader can tell nodes apart.
// The fragments name nodes, not places on the page.
type (
	// ldGraph is a page's JSON-LD: its nodes in one @graph.
	ldGraph struct {
		Context string `json:"@context"`
		Graph   []any  `json:"@graph"`
	}
	ldService struct {
		ID               string      `json:"@id"`
		Type             string      `json:"@type"`
		AreaServed       *ldArea     `json:"areaServed"`
		AvailableChannel []ldChannel `json:"availableChannel,omitempty"`
		Description      string      `json:"description"`
		Name             string      `json:"name"`
		Offers           []ldOffer   `json:"offers,omitempty"`
		Provider         *ldOrg      `json:"provider"`
		ServiceOperator  ldRef       `json:"serviceOperator"`
		ServiceOutput    []ldThing   `json:"serviceOutput,omitempty"`
		ServiceType      string      `json:"serviceType,omitempty"`
		URL              string      `json:"url"`
	}
	// ldRef is a node described elsewhere in the graph, by its @id alone.
	ldRef struct {
		ID string `json:"@id"`
	}
	ldArea struct {
		ID   string `json:"@id"`
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	ldThing struct {
		ID   string `json:"@id"`
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	ldOrg struct {
		ID            string    `json:"@id"`
		Type          string    `json:"@type"`
		Address       *ldPostal `json:"address,omitempty"`
		AlternateName string    `json:"alternateName,omitempty"`
		AreaServed    *ldArea   `json:"areaServed,omitempty"`
		Email         string    `json:"email,omitempty"`
		FaxNumber     string    `json:"faxNumber,omitempty"`
		Name          string    `json:"name"`
		Telephone     string    `json:"telephone,omitempty"`
		URL           string    `json:"url"`
	}
	// ldPostal is an address as an editor writes it, one line: Papan does not split it
	// into street, locality and postal code, which it would have to guess.
	ldPostal struct {
		ID             string `json:"@id"`
		Type           string `json:"@type"`
		AddressCountry string `json:"addressCountry"`
		StreetAddress  string `json:"streetAddress"`
	}
	ldChannel struct {
		ID              string          `json:"@id"`
		Type            string          `json:"@type"`
		Name            string          `json:"name,omitempty"`
		ProcessingTime  string          `json:"processingTime,omitempty"`
		ServiceLocation *ldPlace        `json:"serviceLocation,omitempty"`
		ServicePhone    *ldContactPoint `json:"servicePhone,omitempty"`
		ServiceURL      string          `json:"serviceUrl,omitempty"`
	}
	ldPlace struct {
		ID      string    `json:"@id"`
		Type    string    `json:"@type"`
		Address *ldPostal `json:"address"`
		Name    string    `json:"name"`
	}
	ldContactPoint struct {
		ID        string `json:"@id"`
		Type      string `json:"@type"`
		Telephone string `json:"telephone"`
	}
	// ldOffer is one fee. Only a fixed or a free fee has a price (0 for free); a range
	// is a priceSpecification with minPrice and maxPrice; a fee set by a regulation has
	// its text as description and no price, which it does not state.
	ldOffer struct {
		ID                 string       `json:"@id"`
		Type               string       `json:"@type"`
		Description        string       `json:"description,omitempty"`
		Name               string       `json:"name"`
		Price              *int64       `json:"price,omitempty"`
		PriceCurrency      string       `json:"priceCurrency,omitempty"`
		PriceSpecification *ldPriceSpec `json:"priceSpecification,omitempty"`
	}
	ldPriceSpec struct {
		ID            string `json:"@id"`
		Type          string `json:"@type"`
		MaxPrice      int64  `json:"maxPrice"`
		MinPrice      int64  `json:"minPrice"`
		PriceCurrency string `json:"priceCurrency"`
	}
	ldBreadcrumbs struct {
		ID              string       `json:"@id"`
		Type            string       `json:"@type"`
		ItemListElement []ldListItem `json:"itemListElement"`
	}
	ldListItem struct {
		ID       string `json:"@id"`
		Type     string `json:"@type"`
		Item     string `json:"item"`
		Name     string `json:"name"`
		Position int    `json:"position"`
	}
)

// pageJSONLD describes a page for search engines and other portals, as schema.org: a
// service page its GovernmentService, an OPD page its GovernmentOrganization, and every
// page with breadcrumbs its BreadcrumbList, the same trail the page shows. A page with
// none of these has none ("").
//
// It returns the JSON as template.JS, encoded the way html/template encodes a value in a
// script element (encoding/json, which escapes "<", ">", "&", U+2028 and U+2029), so no
// content can end the element early; html/template then writes it as it is instead of
// encoding it again through reflection.
func (r *Renderer) pageJSONLD(v view) (template.JS, error) {
	var nodes []any
	switch {
	case v.Service != nil && v.Kind == "service":
		nodes = append(nodes, r.serviceNode(v))
	case v.OPD != nil && v.Kind == "opd":
		nodes = append(nodes, r.orgNode(v.OPD, true))
	}
	if len(v.Crumbs) > 0 {
		nodes = append(nodes, r.breadcrumbNode(v))
	}
	if len(nodes) == 0 {
		return "", nil
	}
	b, err := json.Marshal(ldGraph{Context: "https://schema.org", Graph: nodes})
	return template.JS(separateBraces(b)), err
}

// separateBraces puts a line break between two closing braces of nested objects, outside
// strings. The data is the same; a page then holds "}}" only where a template went wrong
// (a leftover of {{…}}), which is what a reviewer's or a hook's search for leftovers
// looks for, and does not flag every page for its structured data.
//
// It returns a string made in place, as the page needs one: converting a []byte result
// copied every page's structured data once more.
func separateBraces(b []byte) string {
	var out strings.Builder
	out.Grow(len(b) + 16)
	inString, escaped := false, false
	for i, c := range b {
		out.WriteByte(c)
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && c == '}' && i+1 < len(b) && b[i+1] == '}':
			out.WriteByte('\n')
		}
	}
	return out.String()
}

// orgNode describes an OPD; with area, also the region it serves.
func (r *Renderer) orgNode(o *standard.OPD, area bool) *ldOrg {
	u := r.AbsURL(o.Addr().Path)
	org := &ldOrg{ID: u + "#opd", Type: "GovernmentOrganization", Name: o.Name, AlternateName: o.ShortName, URL: u,
		Address: postal(u+"#alamat", o.Address), Telephone: ldPhone(o.Contact.Phone), Email: firstEmail(o.Contact.Email),
		FaxNumber: ldPhone(o.Contact.Fax)}
	if area {
		org.AreaServed = r.areaNode()
	}
	return org
}

// areaNode is the region the site serves.
func (r *Renderer) areaNode() *ldArea {
	return &ldArea{ID: r.AbsURL(standard.HomeAddress().Path) + "#wilayah", Type: "AdministrativeArea", Name: r.site.Config.Region}
}

// postal is an address written as one line, or nil when none is written.
func postal(id, text string) *ldPostal {
	if text == "" {
		return nil
	}
	return &ldPostal{ID: id, Type: "PostalAddress", StreetAddress: text, AddressCountry: "ID"}
}

// breadcrumbNode is the page's trail of crumbs, the page itself last.
func (r *Renderer) breadcrumbNode(v view) ldBreadcrumbs {
	u := r.AbsURL(v.Path)
	b := ldBreadcrumbs{ID: u + "#remah", Type: "BreadcrumbList"}
	add := func(name, p string) {
		n := len(b.ItemListElement) + 1
		b.ItemListElement = append(b.ItemListElement, ldListItem{ID: fmt.Sprintf("%s#remah-%d", u, n), Type: "ListItem",
			Position: n, Name: name, Item: r.AbsURL(p)})
	}
	for _, c := range v.Crumbs {
		add(c.Title, c.Path)
	}
	add(v.Title, v.Path)
	return b
}

// serviceNode describes a service as schema.org GovernmentService: the standard's key
// facts. A fact the standard does not state is left out (omitempty), never written as
// zero: no offers without [[biaya]], no processingTime without [jangka_waktu] (nor one
// that would understate it, standard.Duration.ISO8601).
func (r *Renderer) serviceNode(v view) *ldService {
	s := v.Service
	o := s.OPD
	u := r.AbsURL(v.Path)
	provider := r.orgNode(o, false)
	var offers []ldOffer
	for i, f := range s.Fees {
		id := fmt.Sprintf("%s#biaya-%d", u, i+1)
		o := ldOffer{ID: id, Type: "Offer", Name: f.Text}
		switch f.Kind() {
		case standard.FeeFree:
			o.Price, o.PriceCurrency = new(int64), "IDR"
		case standard.FeeFixed:
			o.Price, o.PriceCurrency = &f.Amount, "IDR"
		case standard.FeeRange:
			o.PriceSpecification = &ldPriceSpec{ID: id + "-rentang", Type: "PriceSpecification", MinPrice: f.Min, MaxPrice: f.Max, PriceCurrency: "IDR"}
		case standard.FeeByRule:
			o.Description = f.Rule
		default:
			continue
		}
		offers = append(offers, o)
	}
	var outputs []ldThing
	for i, p := range s.Products {
		outputs = append(outputs, ldThing{ID: fmt.Sprintf("%s#produk-%d", u, i+1), Type: "Thing", Name: p.Name})
	}
	return &ldService{
		ID:               u + "#layanan",
		Type:             "GovernmentService",
		Name:             s.Name,
		Description:      v.Description,
		URL:              u,
		Provider:         provider,
		ServiceOperator:  ldRef{ID: provider.ID},
		AreaServed:       r.areaNode(),
		AvailableChannel: r.channelNodes(s, u),
		Offers:           offers,
		ServiceOutput:    outputs,
		ServiceType:      s.Category,
	}
}

// channelMode is how a procedure's channel (kanal) is used, as its name says.
type channelMode int

const (
	modeUnknown  channelMode = iota // "Melalui kelurahan (Puskesos)": where and how is not said
	modeOnline                      // "Daring", "Mandiri melalui OSS": at the service's online address
	modeInPerson                    // "Tatap muka", "Luring", "Loket": at the service's place
)

var (
	onlineWords   = []string{"daring", "online", "aplikasi", "situs", "laman", "website", "internet", "portal", "oss", "e-mail", "surel"}
	inPersonWords = []string{"tatap muka", "luring", "offline", "loket", "langsung", "datang"}
)

// modeOf reads a channel's name. A word that names neither (a kelurahan, a mobile
// service) leaves it unknown: Papan does not guess its place.
func modeOf(name string) channelMode {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-')
	})
	text := " " + strings.Join(words, " ") + " "
	for _, w := range onlineWords {
		if strings.Contains(text, " "+w+" ") {
			return modeOnline
		}
	}
	for _, w := range inPersonWords {
		if strings.Contains(text, " "+w+" ") {
			return modeInPerson
		}
	}
	return modeUnknown
}

// channelNodes lists the ways of applying for s, each with what its name says of it: an
// online channel its address (tautan_daring), a channel in person its place (lokasi, or
// the OPD's address) and phone; each its own processing time (processingTime). A
// service with one channel, or none named, has them all on it. A channel whose name
// says neither has its name and time only. A channel nothing is known of is left out.
func (r *Renderer) channelNodes(s *standard.Service, u string) []ldChannel {
	o := s.OPD
	place := cmp.Or(s.Location, o.Address)
	phone := ldPhone(o.Contact.Phone)
	ps := procedures(s)
	if len(ps) == 0 {
		ps = []procedure{{}}
	}
	var channels []ldChannel
	for i, p := range ps {
		id := fmt.Sprintf("%s#kanal-%d", u, i+1)
		ch := ldChannel{ID: id, Type: "ServiceChannel", Name: p.Channel, ProcessingTime: processingTime(s.Durations, p.Channel)}
		mode := modeOf(p.Channel)
		if len(ps) == 1 && mode == modeUnknown {
			mode = -1 // the only channel: every fact of the service is its
		}
		if (mode == modeOnline || mode == -1) && s.OnlineURL != "" {
			ch.ServiceURL = s.OnlineURL
		}
		if mode == modeInPerson || mode == -1 {
			if place != "" {
				ch.ServiceLocation = &ldPlace{ID: id + "-tempat", Type: "Place", Name: o.Name, Address: postal(id+"-alamat", place)}
			}
			if phone != "" {
				ch.ServicePhone = &ldContactPoint{ID: id + "-telepon", Type: "ContactPoint", Telephone: phone}
			}
		}
		if ch.Name == "" && ch.ProcessingTime == "" && ch.ServiceURL == "" && ch.ServiceLocation == nil && ch.ServicePhone == nil {
			continue // nothing known of it
		}
		channels = append(channels, ch)
	}
	return channels
}

// ldPhone returns the telephone (or faxNumber) schema.org is given for a contact value:
// its first number in international form, as the page's tel: link dials it
// ("+62215550110"), or "" when it has none (a national-only number such as 1500-567 has
// no such form).
func ldPhone(v string) string {
	for _, p := range standard.Phones(v) {
		if strings.HasPrefix(p.Target, "+") {
			return p.Target
		}
	}
	return ""
}

// firstEmail returns the first e-mail address in a contact value, or "".
func firstEmail(v string) string {
	for _, p := range standard.Emails(v) {
		if p.Target != "" {
			return p.Target
		}
	}
	return ""
}

// processingTime is the processingTime of the service channel named channel ("" for a
// procedure without channels): the duration of a standard with one, or of several the
// one labelled as the channel is. Of several without such a label it is "": stages one
// after another and alternatives read alike, and no one duration is the channel's.
func processingTime(ds []standard.Duration, channel string) string {
	if len(ds) == 1 {
		return ds[0].ISO8601()
	}
	for _, d := range ds {
		if channel != "" && d.Label == channel {
			return d.ISO8601()
		}
	}
	return ""
}
