package rules

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// SP033: e-mail addresses and web addresses mixed up. A page links an e-mail value as
// mailto: and a web value as a link; "http://dpmptsp.go.id" as an e-mail makes no
// working mailto: link, and "http://dinsos@inhilkab.go.id" as a website (Kab. Indragiri
// Hilir, corpus 08) opens inhilkab.go.id, the address without its mailbox.

const emailExample = `misalnya "pengaduan@kotacontoh.go.id"`

// notEmail says what is wrong with an e-mail value, or "" when it may be one: a value
// written as a web address (with a scheme, or a part beginning "www.") or without an
// "@" cannot be mailed. A value with an address and words beside it
// ("pengaduan@kotacontoh.go.id (hari kerja)") is left alone: the page shows it as
// written.
func notEmail(v string) (problem string, web bool) {
	if strings.TrimSpace(v) == "" {
		return "", false // not given
	}
	if strings.Contains(v, "://") {
		return "ditulis sebagai alamat web", true
	}
	for _, p := range standard.Emails(v) {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(p.Text)), "www.") {
			return "ditulis sebagai alamat web", true
		}
	}
	if !strings.Contains(v, "@") {
		return "tidak memuat tanda @", false
	}
	return "", false
}

// mailboxInURL returns the e-mail address a web value holds as its user part
// ("http://dinsos@inhilkab.go.id" holds "dinsos@inhilkab.go.id"), or "".
func mailboxInURL(v string) string {
	u, err := url.Parse(strings.TrimSpace(v))
	if err != nil || u.User == nil || u.Host == "" {
		return ""
	}
	return standard.ParseEmail(u.User.Username() + "@" + u.Host)
}

// emailValue reports an e-mail value at path that is not an e-mail address (SP033);
// websiteHint says where a web address goes instead.
func (c *checker) emailValue(file, path, v, websiteHint string) {
	problem, web := notEmail(v)
	if problem == "" {
		return
	}
	hint := "Tulis alamat surel lengkap dengan tanda @, " + emailExample + "."
	if web {
		hint += " Alamat web ditulis " + websiteHint + "."
	}
	c.add("SP033", file, path, hint, "%s %q %s, bukan alamat surel", standard.FieldLabel(path), v, problem)
}

// webValue reports a web value at path that holds an e-mail address (SP033).
func (c *checker) webValue(file, path, v, emailHint string) {
	m := mailboxInURL(v)
	if m == "" {
		return
	}
	c.add("SP033", file, path, fmt.Sprintf("Tulis %q sebagai surel, %s; di sini tulis alamat web yang sebenarnya bila standar menyebutnya, atau hapus.", m, emailHint),
		"%s %q adalah alamat surel yang ditulis sebagai alamat web", standard.FieldLabel(path), v)
}

// contactAddresses runs SP033 over a [kontak] table.
func (c *checker) contactAddresses(file string, k standard.Contact) {
	c.emailValue(file, "kontak.email", k.Email, `di situs = "…"`)
	c.webValue(file, "kontak.situs", k.Website, `email = "…"`)
}

// channelAddresses runs SP033 over complaint channels: the values of e-mail channels,
// and of web channels (situs, lapor).
func (c *checker) channelAddresses(file string, chs []standard.Channel) {
	for i, ch := range chs {
		for j, v := range ch.Values {
			path := fmt.Sprintf("pengaduan[%d].nilai", i)
			if len(ch.Values) > 1 {
				path = fmt.Sprintf("%s[%d]", path, j)
			}
			switch ch.Kind {
			case "email":
				c.emailValue(file, path, v, `sebagai [[pengaduan]] dengan jenis = "situs"`)
			case "situs", "lapor":
				c.webValue(file, path, v, `sebagai [[pengaduan]] dengan jenis = "email"`)
			}
		}
	}
}
