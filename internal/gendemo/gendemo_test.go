package gendemo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/papan-id/papan/internal/content"
	"github.com/papan-id/papan/internal/standard"
)

func TestGeneratedSitesPassCheck(t *testing.T) {
	for _, tc := range []struct {
		services, opds int
		seed           uint64
	}{
		{1, 0, 1},
		{200, 0, 1},
		{200, 0, 7},
		{200, 30, 42},
		{700, 0, 3},
	} {
		t.Run(fmt.Sprintf("%d services over %d OPDs with seed %d", tc.services, tc.opds, tc.seed), func(t *testing.T) {
			dir := t.TempDir()
			res, err := Generate(context.Background(), dir, Options{Services: tc.services, OPDs: tc.opds, Seed: tc.seed})
			if err != nil {
				t.Fatal(err)
			}
			site, problems, err := content.Load(context.Background(), os.DirFS(dir))
			if err != nil {
				t.Fatal(err)
			}
			content.Locate(os.DirFS(dir), problems)
			for _, p := range problems {
				t.Errorf("%s", p.String())
			}
			if site == nil {
				t.Fatal("site did not load")
			}
			n := 0
			for _, o := range site.OPDs {
				n += len(o.Services)
				if len(o.Services) == 0 {
					t.Errorf("OPD %s has no services", o.Slug)
				}
			}
			if got, want := n, tc.services; got != want {
				t.Errorf("loaded %d services, want %d", got, want)
			}
			wantOPDs := tc.opds
			if wantOPDs == 0 {
				wantOPDs = DefaultOPDs(tc.services)
			}
			wantOPDs = min(wantOPDs, tc.services)
			if got := len(site.OPDs); got != wantOPDs || res.OPDs != wantOPDs {
				t.Errorf("got %d OPDs (result says %d), want %d", got, res.OPDs, wantOPDs)
			}
		})
	}
}

func TestSameSeedSameSite(t *testing.T) {
	gen := func(seed uint64) map[string]string {
		dir := t.TempDir()
		if _, err := Generate(context.Background(), dir, Options{Services: 120, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[rel] = string(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	a, b, c := gen(5), gen(5), gen(6)
	if len(a) != len(b) {
		t.Fatalf("same seed: %d files, then %d", len(a), len(b))
	}
	for name, text := range a {
		if b[name] != text {
			t.Errorf("same seed: %s differs", name)
		}
	}
	same := 0
	for name, text := range a {
		if c[name] == text {
			same++
		}
	}
	if same == len(a) {
		t.Error("another seed gave the same site")
	}
}

func TestServicesVary(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(context.Background(), dir, Options{Services: 400, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	site, _, err := content.Load(context.Background(), os.DirFS(dir))
	if err != nil || site == nil {
		t.Fatal("site did not load", err)
	}
	var cases, conditions, decisions, twoChannels, freeWithLaw, categories = 0, 0, 0, 0, 0, map[string]bool{}
	kinds, freeServices := map[standard.FeeKind]int{}, 0
	for _, o := range site.OPDs {
		for _, s := range o.Services {
			categories[s.Category] = true
			if n := len(s.Requirements); n < 5 || n > 15 {
				t.Errorf("%s: %d requirements, want 5–15", s.File, n)
			}
			if n := len(s.Procedure); n < 4 || n > 12 {
				t.Errorf("%s: %d steps, want 4–12", s.File, n)
			}
			if s.Requirements[0].Case != "" {
				cases++
			}
			for _, r := range s.Requirements {
				if r.Condition != "" {
					conditions++
					break
				}
			}
			chans := map[string]bool{}
			for _, st := range s.Procedure {
				chans[st.Channel] = true
				if st.Decision != "" {
					decisions++
				}
			}
			if len(chans) == 2 {
				twoChannels++
			}
			if s.Free() {
				freeServices++
			}
			for _, f := range s.Fees {
				kinds[f.Kind()]++
				if f.Kind() == standard.FeeFree && f.LegalBasis != "" {
					freeWithLaw++
				}
				if f.Paid() && f.LegalBasis == "" {
					t.Errorf("%s: a fee collected without a legal basis", s.File)
				}
			}
		}
	}
	for what, n := range map[string]int{"requirements by case": cases, "conditional requirements": conditions,
		"decision steps": decisions, "services with two channels": twoChannels, "free fees with a legal basis": freeWithLaw,
		"free fees": kinds[standard.FeeFree], "fixed fees": kinds[standard.FeeFixed], "fee ranges": kinds[standard.FeeRange],
		"fees set by a regulation": kinds[standard.FeeByRule]} {
		if n == 0 {
			t.Errorf("no %s in 400 services", what)
		}
	}
	// Most services are free, as in real standards; of the fees collected, most are fixed
	// amounts and a few ranges or set by a Perda.
	if freeServices <= 400/2 ||
		kinds[standard.FeeFixed] <= kinds[standard.FeeRange] || kinds[standard.FeeRange] <= kinds[standard.FeeByRule]/2 {
		t.Errorf("fee kinds out of proportion: %d free services, fees %v", freeServices, kinds)
	}
	if kinds[standard.FeeUnstated] != 0 {
		t.Errorf("%d fees state no kind", kinds[standard.FeeUnstated])
	}
	if len(categories) < 10 {
		t.Errorf("%d categories, want about 20", len(categories))
	}
}

func TestRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "catatan.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Generate(context.Background(), dir, Options{Services: 10, Seed: 1})
	if !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("got %v, want ErrNotEmpty", err)
	}
}
