package standard

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"
)

// Contact values are written for people: "(021) 555-0110 / 0812 3456 7890",
// "pengaduan@kotacontoh.go.id". The functions here find in them what a link can open —
// a number to call, an address to mail — and check the fields that must be web
// addresses. Package render builds its tel:, sms:, wa.me and mailto: links only from
// what they return, never from the text itself.

// ContactPart is a piece of a contact value: a number or address Papan can link, or
// text that is not one (a separator such as " / ", words, a number that cannot be
// dialled). The Text of the parts of a value, joined, is the value exactly.
type ContactPart struct {
	Text string
	// Target is what a link opens, or "" for text: a phone number in international
	// form ("+62215550110"), a short service number ("112", "1500567"), or an e-mail
	// address.
	Target string
}

// splitContact is where a value holding several numbers or addresses is cut: a slash,
// a comma, a semicolon or a vertical bar, or the words "atau", "dan" and "or" between
// spaces. The separator stays in the text between the two parts.
var splitContact = regexp.MustCompile(`\s*[/,;|]\s*|\s+(?:atau|dan|or)\s+`)

// SplitContact cuts v into its parts (see splitContact) and gives each part the target
// that parse finds in it ("" for none).
func SplitContact(v string, parse func(string) string) []ContactPart {
	var parts []ContactPart
	add := func(text string) {
		if text == "" {
			return
		}
		// Spaces around a part belong to the text, not to the link.
		trimmed := strings.TrimSpace(text)
		i := strings.Index(text, trimmed)
		if i > 0 {
			parts = append(parts, ContactPart{Text: text[:i]})
		}
		if trimmed != "" {
			parts = append(parts, ContactPart{Text: trimmed, Target: parse(trimmed)})
		}
		if rest := text[i+len(trimmed):]; rest != "" && trimmed != "" {
			parts = append(parts, ContactPart{Text: rest})
		}
	}
	last := 0
	for _, m := range splitContact.FindAllStringIndex(v, -1) {
		add(v[last:m[0]])
		parts = append(parts, ContactPart{Text: v[m[0]:m[1]]})
		last = m[1]
	}
	add(v[last:])
	return parts
}

// Phones splits a phone value into its numbers (ParsePhone).
func Phones(v string) []ContactPart { return SplitContact(v, ParsePhone) }

// Emails splits an e-mail value into its addresses (ParseEmail).
func Emails(v string) []ContactPart { return SplitContact(v, ParseEmail) }

// ParsePhone returns the number in s in the form a tel: link dials, or "" when s is not
// a number Papan understands. s is one number as an editor writes it: digits with
// spaces, hyphens, dots or brackets, perhaps a leading "+".
//
//   - A national number, beginning with 0 and an area or mobile code, becomes
//     international: "(021) 555-0110" is "+62215550110", "0812-3456-7890" is
//     "+6281234567890". So does "62812…" written without the plus, and "+62 (0)21…".
//   - An international number stays as it is: "+62 812 3456 7890" is "+6281234567890";
//     another country's "+65 6123 4567" is "+6561234567".
//   - Short service numbers are dialled as they are, as no country code reaches them:
//     emergency numbers of three digits beginning with 1 ("112", "110"), call centres of
//     five digits beginning with 14 ("14017") and of seven or eight beginning with 1500
//     ("1500-567", "1-500-808"). Toll-free 0800 and 0804 numbers stay national too
//     ("0800-1-234567" is "08001234567"): they cannot be dialled from abroad.
//   - Anything else gives "": a local number without its area code ("555-0110"), too few
//     or too many digits, or letters ("0812 3456 7890 ext. 2" is not guessed at).
//
// Indonesian numbers without the leading 0 have 8 to 12 digits (landlines such as
// 751 12345 have 8, mobile numbers up to 12).
func ParsePhone(s string) string {
	s = strings.TrimSpace(s)
	var d strings.Builder
	plus := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			d.WriteRune(r)
		case r == '+' && i == 0:
			plus = true
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')' || r == '\u00a0':
		default:
			return ""
		}
	}
	n := d.String()
	national := func(nsn string) string {
		if len(nsn) < 8 || len(nsn) > 12 || nsn[0] == '0' {
			return ""
		}
		return "+62" + nsn
	}
	switch {
	case plus && strings.HasPrefix(n, "62"):
		return national(strings.TrimPrefix(n[2:], "0")) // "+62 (0)21 …"
	case plus:
		if len(n) < 8 || len(n) > 15 || n[0] == '0' {
			return ""
		}
		return "+" + n
	case strings.HasPrefix(n, "0800") || strings.HasPrefix(n, "0804"):
		if len(n) < 10 || len(n) > 12 {
			return ""
		}
		return n
	case strings.HasPrefix(n, "0"):
		return national(n[1:])
	case strings.HasPrefix(n, "62") && len(n) >= 10:
		return national(n[2:])
	case len(n) == 3 && n[0] == '1',
		len(n) == 5 && strings.HasPrefix(n, "14"),
		(len(n) == 7 || len(n) == 8) && strings.HasPrefix(n, "1500"):
		return n
	}
	return ""
}

// emailRE is an e-mail address a mailto: link can carry as it is: no spaces, quotes,
// angle brackets or the characters that mean something in a URL ("?", "#", "%", "&").
var emailRE = regexp.MustCompile(`^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$`)

// ParseEmail returns s when it is a plain e-mail address ("pengaduan@kotacontoh.go.id"),
// or "".
func ParseEmail(s string) string {
	if !emailRE.MatchString(s) {
		return ""
	}
	return s
}

// WebURL returns s when it is a web address a page may link to: an absolute http or
// https URL with a host. Otherwise it returns "" and, for a message, what is wrong and
// what to write instead.
func WebURL(s string) (u, problem, hint string) {
	const example = `misalnya "https://layanan.kotacontoh.go.id"`
	if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		if t := strings.TrimSpace(s); t != s {
			if _, p, _ := WebURL(t); p == "" {
				return "", "diawali atau diakhiri spasi", fmt.Sprintf("Tulis %q.", t)
			}
		}
		return "", "mengandung spasi", "Alamat web tidak boleh mengandung spasi; tulis %20 untuk spasi di dalam alamat."
	}
	scheme, rest, hasScheme := strings.Cut(s, ":")
	if hasScheme && !schemeRE.MatchString(scheme) {
		hasScheme = false // "simbg.pu.go.id:8080" is a host and port, not a scheme
	}
	if !hasScheme {
		fixed := "https://" + strings.TrimPrefix(s, "//")
		if _, p, _ := WebURL(fixed); p == "" && strings.Contains(fixed[len("https://"):], ".") {
			return "", "tidak diawali https:// atau http://", fmt.Sprintf("Alamat web memerlukan awalannya; tulis %q.", fixed)
		}
		return "", "bukan alamat web", "Tulis alamat web lengkap yang diawali https://, " + example + "."
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
	default:
		return "", fmt.Sprintf("memakai skema %q", strings.ToLower(scheme)+":"),
			"Hanya alamat web http:// dan https:// yang dapat dijadikan tautan; tulis alamat yang diawali https://, " + example + "."
	}
	p, err := url.Parse(s)
	if err != nil || p.Host == "" || p.Opaque != "" || !strings.HasPrefix(rest, "//") {
		return "", "bukan alamat web yang valid", "Tulis alamat web lengkap, " + example + "."
	}
	return s, "", ""
}

// schemeRE is a URL scheme as RFC 3986 defines it, without dots: a word before a colon
// with a dot in it is a host ("simbg.pu.go.id:8080").
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+-]*$`)

// URLChannelKinds are the kinds of complaint channel whose value is a web address.
var URLChannelKinds = []ChannelKind{"lapor", "situs"}
