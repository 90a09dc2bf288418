// Package scaffold writes new content files: a service or an OPD profile with every key
// and short guidance in Indonesian, in the manner of Hugo's archetypes. The files pass
// `papan check` with no galat as written, so an editor starts from a valid file and
// fills it in. A new service is a draft (draf = true, with a comment saying to delete
// the line once the standard is complete): no build publishes it, and the components it
// does not state yet are peringatan; without the line they are galat (SP021).
//
// # Placeholders are not facts
//
// A scaffold never writes a value that could be published as a fact nobody stated: no
// fee, no duration, no procedure steps, no product, no office hours, no Maklumat. Those
// are left out, and their examples are written as comments. Pages say plainly that a
// component left out is not stated, and the rulebook reports it (SP021, SP012).
//
// Every example text an editor might uncomment is a sample: a quoted value that begins
// with SampleMarker ("Tulis nama dokumen, misalnya Fotokopi Kartu Keluarga"). Numbers and
// dates are written as samples too, so an example uncommented unchanged is refused by the
// loader (a text where a number belongs) instead of publishing "0" or a date. IsSample
// recognises the samples, read from the scaffold files themselves, for rule SP022.
package scaffold

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/standard"
)

//go:embed layanan.toml
var serviceTemplate string

//go:embed opd.toml
var opdTemplate string

// SampleMarker begins every sample value of the scaffolds: an instruction to the editor,
// which no real value of a standard begins with.
const SampleMarker = "Tulis "

// sampleInstructions are the instructions of the samples in the scaffold files: each
// sample up to ", misalnya", or whole when it gives no example. Read once, from the
// embedded files, and only read after that.
var sampleInstructions = instructions(serviceTemplate, opdTemplate)

// sampleRE finds a sample: the value of a key, a TOML basic string that begins with
// SampleMarker, on a line of its own, commented out or not.
var sampleRE = regexp.MustCompile(`(?m)^[#\s]*[a-z_]+\s*=\s*"(` + SampleMarker + `[^"\\]*)"`)

func instructions(templates ...string) []string {
	var out []string
	for _, t := range templates {
		for _, m := range sampleRE.FindAllStringSubmatch(t, -1) {
			ins, _, _ := strings.Cut(m[1], ", misalnya")
			if !slices.Contains(out, ins) {
				out = append(out, ins)
			}
		}
	}
	return out
}

// Samples returns the instructions IsSample looks for, in the order the scaffold files
// give them.
func Samples() []string { return slices.Clone(sampleInstructions) }

// IsSample reports whether text is a sample value of a scaffold left in place: it begins
// with the instruction of one ("Tulis nama dokumen"), whatever example follows.
func IsSample(text string) bool {
	if !strings.HasPrefix(text, SampleMarker) {
		return false
	}
	for _, ins := range sampleInstructions {
		if strings.HasPrefix(text, ins) {
			return true
		}
	}
	return false
}

// ErrExists is returned when the file to create is already there: scaffolding never
// overwrites an editor's work.
var ErrExists = errors.New("berkas sudah ada")

// Service creates content/<opd>/<slug>.toml under root and returns its path. The OPD
// folder must exist.
func Service(root, opd, slug string) (string, error) {
	if err := checkSlug(opd, "OPD"); err != nil {
		return "", err
	}
	if err := checkSlug(slug, "layanan"); err != nil {
		return "", err
	}
	dir := filepath.Join(root, content.ContentDir, opd)
	if _, err := os.Stat(filepath.Join(dir, content.OPDFile)); err != nil {
		return "", fmt.Errorf("OPD %q belum ada (tidak ada %s); buat dulu dengan `papan new opd %s`", opd, filepath.Join(dir, content.OPDFile), opd)
	}
	text := fill(serviceTemplate, map[string]string{"__NAMA__": title(slug), "__OPD__": opd, "__SLUG__": slug})
	return create(filepath.Join(dir, slug+".toml"), text)
}

// OPD creates content/<slug>/_opd.toml under root and returns its path.
func OPD(root, slug string) (string, error) {
	if err := checkSlug(slug, "OPD"); err != nil {
		return "", err
	}
	text := fill(opdTemplate, map[string]string{"__NAMA__": title(slug), "__SLUG__": slug})
	return create(filepath.Join(root, content.ContentDir, slug, content.OPDFile), text)
}

func checkSlug(s, what string) error {
	if !standard.ValidSlug(s) {
		hint := ""
		if sug := standard.Slugify(s); sug != "" {
			hint = fmt.Sprintf(", misalnya %q", sug)
		}
		return fmt.Errorf("nama %s %q tidak dapat dipakai sebagai alamat: gunakan huruf kecil a-z, angka dan tanda hubung%s", what, s, hint)
	}
	if slices.Contains(standard.ReservedNames(), s) && what == "OPD" {
		return fmt.Errorf("nama %q dipakai oleh Papan sendiri; pilih nama lain", s)
	}
	return nil
}

func fill(text string, vars map[string]string) string {
	for k, v := range vars {
		text = strings.ReplaceAll(text, k, v)
	}
	return text
}

// title turns a slug into a starting name: "akta-kelahiran" → "Akta Kelahiran".
func title(slug string) string {
	words := strings.Split(slug, "-")
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// create writes text to a new file; it fails with ErrExists rather than overwrite.
func create(file, text string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s: %w; Papan tidak menimpa berkas", file, ErrExists)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return "", err
	}
	return file, f.Close()
}
