package engine

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/render"
	"github.com/papan-id/papan/internal/standard"
)

// draftSite is the build's test site with a draft beside its service (a standard still
// being written, with no delivery component yet) and files written over it.
func draftSite(t *testing.T, files map[string]string) fs.FS {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../build/testdata/site")); err != nil {
		t.Fatal(err)
	}
	all := map[string]string{"content/dinas/konsep-baru.toml": "draf = true\nnama = \"Konsep Baru\"\n"}
	maps.Copy(all, files)
	for name, text := range all {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return os.DirFS(dir)
}

// written runs the site with a Write that renders every page into memory, the way a
// build does, and returns the pages by path, the service pages and the lists alike.
func written(t *testing.T, fsys fs.FS, opts Options) (map[string]string, *Result, error) {
	t.Helper()
	var mu sync.Mutex
	pages := map[string]string{}
	opts.Write = func(o render.Output) error {
		var b bytes.Buffer
		if err := o.Write(&b); err != nil {
			return err
		}
		mu.Lock()
		pages[o.Path] = b.String()
		mu.Unlock()
		return nil
	}
	opts.Today = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	res, err := Run(context.Background(), fsys, opts)
	if err != nil {
		return pages, nil, err
	}
	for _, o := range res.Renderer.SiteOutputs() {
		if err := opts.Write(o); err != nil {
			t.Fatal(err)
		}
	}
	return pages, res, nil
}

// TestBuildLeavesDraftsOut: a run that publishes (no Options.Drafts) reads a draft, counts
// it and leaves out everything of it: its pages, its place in the lists, the search
// index and the dashboard, and its findings.
func TestBuildLeavesDraftsOut(t *testing.T) {
	pages, res, err := written(t, draftSite(t, nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Drafts, 1; got != want {
		t.Errorf("Drafts = %d, want %d", got, want)
	}
	for path, text := range pages {
		if strings.HasPrefix(path, "dinas/konsep-baru/") || strings.Contains(text, "Konsep Baru") || strings.Contains(text, "konsep-baru") {
			t.Errorf("%s publishes the draft", path)
		}
	}
	if _, ok := pages["dinas/layanan-uji/index.html"]; !ok {
		t.Error("the published service was not written")
	}
	for _, p := range res.Findings {
		if strings.Contains(p.File, "konsep-baru") {
			t.Errorf("a finding on the left-out draft: %s", p)
		}
	}
	for _, o := range res.Site.OPDs {
		if slices.ContainsFunc(o.Services, func(s *standard.Service) bool { return s.Draft }) {
			t.Errorf("the draft is in %s's services", o.Slug)
		}
	}
}

// TestCheckAndPreviewKeepDrafts: papan check checks a draft (its missing components as
// peringatan) and the preview shows it under the banner.
func TestCheckAndPreviewKeepDrafts(t *testing.T) {
	fsys := draftSite(t, nil)
	ps, dash, err := Check(context.Background(), fsys, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || dash == nil {
		t.Fatal(err, ps)
	}
	var sp021 []string
	for _, p := range ps {
		if p.File == "content/dinas/konsep-baru.toml" && p.Rule == "SP021" {
			sp021 = append(sp021, p.Severity.String())
		}
	}
	if want := []string{"peringatan", "peringatan", "peringatan", "peringatan", "peringatan"}; !slices.Equal(sp021, want) {
		t.Errorf("SP021 on the draft: %v, want %v", sp021, want)
	}
	if ps.Errors() != 0 {
		t.Errorf("check of a site with a draft: %d galat", ps.Errors())
	}

	pages, res, err := written(t, fsys, Options{Drafts: true, Keep: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Drafts != 0 {
		t.Errorf("Drafts = %d with Options.Drafts, want 0", res.Drafts)
	}
	page := pages["dinas/konsep-baru/index.html"]
	if want := `<p class="draft" role="note"><strong>Draf — belum diterbitkan</strong>`; !strings.Contains(page, want) {
		t.Errorf("the preview of the draft lacks %q:\n%s", want, page)
	}
	if want := `<p class="draft" role="note"><strong>Draf — belum diterbitkan</strong></p>`; !strings.Contains(pages["dinas/konsep-baru/cetak/index.html"], want) {
		t.Errorf("the poster of the draft lacks %q", want)
	}
	if strings.Contains(pages["dinas/layanan-uji/index.html"], `class="draft"`) {
		t.Error("a published service shows the draft banner")
	}

	// papan serve's session is such a run.
	sess := NewSession(fsys, "/")
	if _, _, err := sess.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if page := renderSession(t, sess)["dinas/konsep-baru/index.html"]; !strings.Contains(page, "<strong>Draf — belum diterbitkan</strong>") {
		t.Errorf("the preview server does not show the draft under its banner:\n%s", page)
	}
}

// TestStrictRefusesOnGalat: with Options.Strict a galat of the rulebook stops the run,
// and the error holds the finding, located; a draft's missing components do not.
func TestStrictRefusesOnGalat(t *testing.T) {
	if _, _, err := written(t, draftSite(t, nil), Options{Strict: true, Locate: true}); err != nil {
		t.Errorf("strict run of a site whose only gaps are in a draft: %v", err)
	}
	fsys := draftSite(t, map[string]string{"content/dinas/konsep-baru.toml": "nama = \"Konsep Baru\"\n"})
	_, _, err := written(t, fsys, Options{Strict: true, Locate: true})
	var ps standard.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("strict run with a galat: err = %v, want standard.Problems", err)
	}
	var got []string
	for _, p := range ps {
		if p.Severity == standard.Error {
			p.Hint = ""
			got = append(got, p.String())
		}
	}
	want := []string{
		"content/dinas/konsep-baru.toml:1:1: galat: komponen pelayanan belum dicantumkan: biaya/tarif ([[biaya]]) [SP021]",
		"content/dinas/konsep-baru.toml:1:1: galat: komponen pelayanan belum dicantumkan: jangka waktu ([jangka_waktu]) [SP021]",
		"content/dinas/konsep-baru.toml:1:1: galat: komponen pelayanan belum dicantumkan: persyaratan ([[persyaratan]]) [SP021]",
		"content/dinas/konsep-baru.toml:1:1: galat: komponen pelayanan belum dicantumkan: produk ([[produk]]) [SP021]",
		"content/dinas/konsep-baru.toml:1:1: galat: komponen pelayanan belum dicantumkan: prosedur ([[prosedur]]) [SP021]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("galat:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Without Strict the same site runs: the page says what is not stated.
	if _, _, err := written(t, fsys, Options{}); err != nil {
		t.Errorf("plain run: %v", err)
	}
}
