package render

import (
	"bytes"
	"fmt"
)

// Refused is the mark html/template writes where it refused a value, such as a URL with
// a scheme it does not trust. A page holding it has a dead link, so neither the build
// nor the dev server publishes one.
const Refused = "ZgotmplZ"

// RefusedError is a rendered file that holds Refused.
type RefusedError struct {
	Path string // the output path
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("%s: galat: berkas memuat %q, tanda nilai yang ditolak html/template (tautan yang tidak aman atau tidak dikenal)", e.Path, Refused) +
		"\n\tsaran: Perbaiki templat di layouts/ yang membuat berkas ini: tautan harus alamat http/https atau alamat di dalam situs; tautan tel:, sms: dan mailto: dibuat Papan dengan {{template \"partials/links.html\" (links \"telepon\" .)}}."
}

// CheckRefused returns a RefusedError when b, the rendered file p, holds Refused. The
// build finds the mark as it writes (package build's link check); the dev server, which
// renders pages one by one when they are opened, calls this on each.
func CheckRefused(p string, b []byte) error {
	if bytes.Contains(b, []byte(Refused)) {
		return &RefusedError{Path: p}
	}
	return nil
}
