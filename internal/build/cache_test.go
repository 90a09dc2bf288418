package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/papan-id/papan"
	"github.com/papan-id/papan/internal/engine"
	"github.com/papan-id/papan/internal/gendemo"
)

// genSite generates a small site into a new folder, with a standalone page in the menu.
func genSite(t *testing.T, services int, seed uint64) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "site")
	if _, err := gendemo.Generate(context.Background(), src, gendemo.Options{Services: services, OPDs: 3, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	writeSiteFile(t, src, "content/halaman/tentang.md", "+++\njudul = \"Tentang\"\nmenu = \"Tentang\"\n+++\n\nSitus ini.\n")
	return src
}

func writeSiteFile(t *testing.T, src, name, text string) {
	t.Helper()
	p := filepath.Join(src, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func buildCached(t *testing.T, src, out string) Result {
	t.Helper()
	res, err := Build(context.Background(), Options{Src: os.DirFS(src), SrcDir: src, Out: out, Cache: true})
	if err != nil {
		t.Fatalf("build with the cache: %v", err)
	}
	return res
}

// fileID is what tells a file left as it was from one written again.
type fileID struct {
	ino   uint64
	mtime time.Time
}

// snapshot reads every file of the output dir with its inode and modification time.
func snapshot(t *testing.T, dir string) (map[string][]byte, map[string]fileID) {
	t.Helper()
	files := readTree(t, dir)
	ids := map[string]fileID{}
	for p := range files {
		fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		ids[p] = fileID{engine.Inode(fi), fi.ModTime()}
	}
	return files, ids
}

// sameTrees reports how the trees got and want differ, or "".
func sameTrees(got, want map[string][]byte) string {
	var diffs []string
	for p, b := range want {
		if g, ok := got[p]; !ok {
			diffs = append(diffs, "missing "+p)
		} else if !bytes.Equal(g, b) {
			diffs = append(diffs, "differs "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, "extra "+p)
		}
	}
	slices.Sort(diffs)
	if len(diffs) > 10 {
		diffs = append(diffs[:10], fmt.Sprintf("and %d more", len(diffs)-10))
	}
	return strings.Join(diffs, "\n")
}

// serviceFiles lists the site's service files, slash-separated from its root.
func serviceFiles(t *testing.T, src string) []string {
	t.Helper()
	files, err := fs.Glob(os.DirFS(src), "content/*/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	return slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, "/_opd.toml") })
}

var (
	summaryLine    = regexp.MustCompile(`(?m)^ringkasan = "`)
	categoryLine   = regexp.MustCompile(`(?m)^kategori = ".*"`)
	managementLine = regexp.MustCompile(`(?m)^(sarana_prasarana|kompetensi_pelaksana|pengawasan_internal|jumlah_pelaksana) = .*\n`)
)

// TestCacheProperty: over seeded random sequences of edits, additions and deletions of
// service files, drafts (made, edited, published), moves to another category, dropped
// components (which change the dashboard's figures and ranking), edits of an OPD's file,
// of site.toml, of a page, of the theme (layouts/, static/, added and removed) and steps
// that change nothing, on a site whose home page lists every service and on one past
// its limit (a compact home page, a split dashboard), a build with the cache leaves an
// output byte for byte that of a build without it, every file whose bytes did not
// change keeps its inode and modification time, and a build after no change says so.
func TestCacheProperty(t *testing.T) {
	seeds := []uint64{1, 2, 3}
	steps := 16
	if testing.Short() {
		seeds, steps = seeds[:1], 10
	}
	footer, err := fs.ReadFile(papan.Theme(), "layouts/partials/footer.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			src := genSite(t, 30, seed)
			if seed%2 == 1 {
				// A site past the home page's limit: the home page lists categories and
				// OPDs with their counts, and the dashboard gives each OPD a page.
				b, _ := os.ReadFile(filepath.Join(src, "site.toml"))
				writeSiteFile(t, src, "site.toml", string(b)+"\n[beranda]\nbatas_daftar_lengkap = 10\n")
			}
			out := filepath.Join(t.TempDir(), "public")
			rng := rand.New(rand.NewPCG(seed, 18))
			kinds := rng.Perm(14) // every kind of step once in the first 14, in random order
			buildCached(t, src, out)
			for step := range steps {
				before, ids := snapshot(t, out)
				// File times on some file systems are coarse: a file written again must not
				// get its old modification time by chance.
				time.Sleep(10 * time.Millisecond)
				files := serviceFiles(t, src)
				pick := files[rng.IntN(len(files))]
				var what string
				switch k := kinds[step%len(kinds)]; k {
				case 0, 1: // edit a service's summary, which its pages and lists show
					b, _ := os.ReadFile(filepath.Join(src, pick))
					b = summaryLine.ReplaceAll(b, fmt.Appendf(nil, `ringkasan = "Langkah %d. `, step))
					writeSiteFile(t, src, pick, string(b))
					what = "edit " + pick
				case 2: // a new service, a copy of another under a new name
					b, _ := os.ReadFile(filepath.Join(src, pick))
					name := strings.TrimSuffix(pick, ".toml") + fmt.Sprintf("-baru-%d.toml", step)
					writeSiteFile(t, src, name, string(b))
					what = "add " + name
				case 3: // a service removed
					if err := os.Remove(filepath.Join(src, pick)); err != nil {
						t.Fatal(err)
					}
					what = "remove " + pick
				case 4: // its OPD's file
					opd := filepath.Join(src, filepath.Dir(pick), "_opd.toml")
					b, _ := os.ReadFile(opd)
					b = bytes.Replace(b, []byte(`nama = "`), fmt.Appendf(nil, `nama = "Langkah %d `, step), 1)
					writeSiteFile(t, src, filepath.ToSlash(filepath.Join(filepath.Dir(pick), "_opd.toml")), string(b))
					what = "edit the OPD of " + pick
				case 5: // site.toml
					b, _ := os.ReadFile(filepath.Join(src, "site.toml"))
					b = bytes.Replace(b, []byte(`deskripsi = "`), fmt.Appendf(nil, `deskripsi = "Langkah %d. `, step), 1)
					writeSiteFile(t, src, "site.toml", string(b))
					what = "edit site.toml"
				case 11: // its category: it moves to another category's page, and the counts
					// the home page, the 404 page and both categories show change
					// Another service's category: the categories stay the same, their
					// counts do not.
					b, _ := os.ReadFile(filepath.Join(src, pick))
					other, _ := os.ReadFile(filepath.Join(src, files[rng.IntN(len(files))]))
					moved := categoryLine.ReplaceAll(b, categoryLine.Find(other))
					writeSiteFile(t, src, pick, string(moved))
					what = unlessSame(b, moved, "move "+pick+" to another category")
				case 12: // the management components dropped: its scores, its OPD's figures
					// and the dashboard's ranking change, and nothing a list of services shows
					b, _ := os.ReadFile(filepath.Join(src, pick))
					dropped := managementLine.ReplaceAll(b, nil)
					writeSiteFile(t, src, pick, string(dropped))
					what = unlessSame(b, dropped, "drop the management components of "+pick)
				case 13: // a site's own template removed again: the pages have keys again
					what = "nothing"
					if os.Remove(filepath.Join(src, "layouts/partials/footer.html")) == nil {
						what = "back to the theme's templates"
					}
				case 6: // the theme: a template of the site's own, or its stylesheet
					if rng.IntN(2) == 0 {
						writeSiteFile(t, src, "layouts/partials/footer.html", string(footer)+fmt.Sprintf("<p>Langkah %d</p>", step))
						what = "override a template"
					} else {
						css, _ := fs.ReadFile(papan.Theme(), "static/papan.css")
						writeSiteFile(t, src, "static/papan.css", string(css)+fmt.Sprintf("\n/* %d */\n", step))
						what = "override the stylesheet"
					}
				case 8: // a service made a draft, or published again
					b, _ := os.ReadFile(filepath.Join(src, pick))
					if text, ok := strings.CutPrefix(string(b), "draf = true\n"); ok {
						writeSiteFile(t, src, pick, text)
						what = "publish " + pick
					} else {
						writeSiteFile(t, src, pick, "draf = true\n"+string(b))
						what = "make a draft of " + pick
					}
				case 9: // a draft edited: nothing published changes, yet the build is not unchanged
					b, _ := os.ReadFile(filepath.Join(src, pick))
					if !bytes.HasPrefix(b, []byte("draf = true\n")) {
						b = append([]byte("draf = true\n"), b...)
						writeSiteFile(t, src, pick, string(b))
						buildCached(t, src, out)
						before, ids = snapshot(t, out)
						time.Sleep(10 * time.Millisecond)
					}
					writeSiteFile(t, src, pick, string(summaryLine.ReplaceAll(b, fmt.Appendf(nil, `ringkasan = "Langkah %d. `, step))))
					what = "edit the draft " + pick
				case 7: // a page in the menu
					writeSiteFile(t, src, "content/halaman/tentang.md", fmt.Sprintf("+++\njudul = \"Tentang\"\nmenu = \"Tentang %d\"\n+++\n\nSitus ini.\n", step))
					what = "edit a page"
				default:
					what = "nothing"
				}
				res := buildCached(t, src, out)
				t.Logf("step %d: %s: %d written, %d removed, unchanged %t", step, what, res.Written, res.Removed, res.Unchanged)
				got, after := snapshot(t, out)
				fresh := filepath.Join(t.TempDir(), "fresh")
				if _, err := Build(context.Background(), Options{Src: os.DirFS(src), SrcDir: src, Out: fresh}); err != nil {
					t.Fatal(err)
				}
				if d := sameTrees(got, readTree(t, fresh)); d != "" {
					t.Fatalf("step %d (%s): the output differs from a build without the cache:\n%s", step, what, d)
				}
				for p, b := range got {
					if old, ok := before[p]; ok && bytes.Equal(old, b) && p != ManifestName && after[p] != ids[p] {
						t.Errorf("step %d (%s): %s did not change but was written again", step, what, p)
					}
				}
				if what == "nothing" && !res.Unchanged {
					t.Errorf("step %d: nothing changed, yet the build did not say so", step)
				}
				if what != "nothing" && res.Unchanged {
					t.Errorf("step %d (%s): the build said nothing changed", step, what)
				}
			}
		})
	}
}

// unlessSame returns what, or "nothing" when an edit left the bytes b as they were.
func unlessSame(b, edited []byte, what string) string {
	if bytes.Equal(b, edited) {
		return "nothing"
	}
	return what
}

// TestCacheOneChanged: after one service's summary changes, only its pages and the
// pages that list it get new modification times.
func TestCacheOneChanged(t *testing.T) {
	src := genSite(t, 30, 7)
	out := filepath.Join(t.TempDir(), "public")
	buildCached(t, src, out)
	_, ids := snapshot(t, out)
	time.Sleep(10 * time.Millisecond)
	file := serviceFiles(t, src)[3]
	b, _ := os.ReadFile(filepath.Join(src, file))
	writeSiteFile(t, src, file, string(summaryLine.ReplaceAll(b, []byte(`ringkasan = "Diubah. `))))
	res := buildCached(t, src, out)
	_, after := snapshot(t, out)
	var changed []string
	for p, id := range after {
		if ids[p] != id {
			changed = append(changed, p)
		}
	}
	slices.Sort(changed)
	opd, slug := filepath.Base(filepath.Dir(file)), strings.TrimSuffix(filepath.Base(file), ".toml")
	svc := opd + "/" + slug + "/"
	// The service's page, poster and open data; its OPD's page, its category's page and
	// the home page (which lists every service of a site this small), which show its
	// summary; the site's data files and its OPD's; the manifest.
	want := []string{".papan-keluaran", "data/layanan.csv", "data/layanan.json", "data/opd/" + opd + ".csv", "data/opd/" + opd + ".json", "index.html", opd + "/index.html",
		svc + "cetak/index.html", svc + "index.html", svc + "layanan.json"}
	var category string
	for _, p := range changed {
		if strings.HasPrefix(p, "kategori/") {
			category = p
		}
	}
	if category != "" {
		want = append(want, category)
		slices.Sort(want)
	}
	if !slices.Equal(changed, want) {
		t.Errorf("files written again:\n%s\nwant\n%s", strings.Join(changed, "\n"), strings.Join(want, "\n"))
	}
	if got, want := res.Written, len(want)-1; got != want { // the manifest is not counted
		t.Errorf("Result.Written = %d, want %d", got, want)
	}
}

// TestCacheOneChangedLargeSite: on a site past the home page's limit (the home page
// lists categories and OPDs with their counts, the dashboard has a page per OPD), a
// change to one service's summary renders again the pages that show it — its own, its
// OPD's and its category's — and the home and 404 pages (which name the search index,
// whose address follows its content), and leaves the dashboard and every other OPD's
// and category's pages as they were: same inode, same modification time.
func TestCacheOneChangedLargeSite(t *testing.T) {
	src := genSite(t, 30, 9)
	b, _ := os.ReadFile(filepath.Join(src, "site.toml"))
	writeSiteFile(t, src, "site.toml", string(b)+"\n[beranda]\nbatas_daftar_lengkap = 10\n")
	out := filepath.Join(t.TempDir(), "public")
	buildCached(t, src, out)
	before, ids := snapshot(t, out)
	time.Sleep(10 * time.Millisecond)
	file := serviceFiles(t, src)[4]
	b, _ = os.ReadFile(filepath.Join(src, file))
	writeSiteFile(t, src, file, string(summaryLine.ReplaceAll(b, []byte(`ringkasan = "Diubah. `))))
	var mu sync.Mutex
	var made []string
	madeHook = func(p string) { mu.Lock(); made = append(made, p); mu.Unlock() }
	defer func() { madeHook = nil }()
	buildCached(t, src, out)
	madeHook = nil
	// Made is what was rendered: a page kept unrendered is not in it, even when a
	// rendered page's bytes would have been found unchanged.
	for _, p := range made {
		if strings.HasPrefix(p, "kepatuhan/") || strings.HasPrefix(p, "tentang/") {
			t.Errorf("%s rendered again", p)
		}
	}
	_, after := snapshot(t, out)
	opd, slug := filepath.Base(filepath.Dir(file)), strings.TrimSuffix(filepath.Base(file), ".toml")
	category := ""
	if m := categoryLine.Find(b); m != nil {
		category = string(m)
	}
	var dashboards, lists int
	for p, id := range after {
		if strings.HasPrefix(p, "kepatuhan/") {
			dashboards++
		}
		changed := ids[p] != id
		_, existed := before[p]
		switch {
		case strings.HasPrefix(p, "kepatuhan/") && changed:
			t.Errorf("%s written again: the service's scores and findings did not change", p)
		case strings.HasPrefix(p, "kategori/") && slices.Contains(made, p) != changed:
			t.Errorf("%s: rendered %t, written %t", p, slices.Contains(made, p), changed)
		case strings.HasPrefix(p, "kategori/") && changed:
			// Only the service's category, whose page shows its summary.
			page, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
			if !bytes.Contains(page, []byte("Diubah. ")) {
				t.Errorf("%s written again: it does not list %s (%s)", p, file, category)
			}
			lists++
		case strings.Count(p, "/") == 1 && strings.HasSuffix(p, "/index.html") && changed:
			if p != opd+"/index.html" && existed {
				t.Errorf("%s written again: another OPD's page", p)
			}
			lists++
		case changed && strings.HasPrefix(p, opd+"/"+slug+"/"):
		case changed && existed && !slices.Contains([]string{ManifestName, "index.html", "404.html", "data/layanan.csv", "data/layanan.json",
			"data/opd/" + opd + ".csv", "data/opd/" + opd + ".json"}, p):
			t.Errorf("%s written again", p)
		}
	}
	if dashboards < 4 || lists != 2 {
		t.Errorf("%d dashboard pages (want a split dashboard), %d list pages written again (want its OPD's and its category's)", dashboards, lists)
	}
}

// TestBadCacheIgnored: a cache file that is truncated, garbage, of another format or
// damaged inside is ignored: the build is a full one, its output that of a build
// without the cache, and the cache is written anew.
func TestBadCacheIgnored(t *testing.T) {
	src := genSite(t, 5, 3)
	out := filepath.Join(t.TempDir(), "public")
	buildCached(t, src, out)
	cacheFile := filepath.Join(src, engine.CacheDir, "build")
	good, err := os.ReadFile(cacheFile)
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 0x40
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"truncated", good[:len(good)/2]},
		{"garbage", bytes.Repeat([]byte("papan "), 1000)},
		{"empty", nil},
		{"another format version", append([]byte("papan-cache 0\n"), good[len("papan-cache 2\n"):]...)},
		{"a byte changed inside", flipped},
	} {
		t.Run(c.name, func(t *testing.T) {
			// A change the stale cache would hide if it were trusted: the service's
			// pages must show it.
			file := serviceFiles(t, src)[0]
			b, _ := os.ReadFile(filepath.Join(src, file))
			mark := "Tanda " + strings.ReplaceAll(c.name, " ", "-")
			writeSiteFile(t, src, file, string(summaryLine.ReplaceAll(b, []byte(`ringkasan = "`+mark+`. `))))
			buildCached(t, src, out) // a cache for the changed site
			writeSiteFile(t, src, file, string(b))
			if err := os.WriteFile(cacheFile, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			res := buildCached(t, src, out)
			if res.InPlace || res.Unchanged {
				t.Errorf("a bad cache was used: InPlace %t, Unchanged %t", res.InPlace, res.Unchanged)
			}
			fresh := filepath.Join(t.TempDir(), "fresh")
			if _, err := Build(context.Background(), Options{Src: os.DirFS(src), SrcDir: src, Out: fresh}); err != nil {
				t.Fatal(err)
			}
			if d := sameTrees(readTree(t, out), readTree(t, fresh)); d != "" {
				t.Fatalf("the output differs from a build without the cache:\n%s", d)
			}
			if again := buildCached(t, src, out); !again.Unchanged {
				t.Error("the cache was not written anew: the next build found changes")
			}
		})
	}
}

// TestCacheOutputTouched: a file of the output changed by hand since the last build
// is written again, even when nothing else changed.
func TestCacheOutputTouched(t *testing.T) {
	src := genSite(t, 5, 5)
	out := filepath.Join(t.TempDir(), "public")
	buildCached(t, src, out)
	want := readTree(t, out)
	file := serviceFiles(t, src)[1]
	page := filepath.Join(out, filepath.Base(filepath.Dir(file)), strings.TrimSuffix(filepath.Base(file), ".toml"), "index.html")
	for _, name := range []string{page, filepath.Join(out, "index.html")} {
		if err := os.WriteFile(name, []byte("dirusak"), 0o644); err != nil {
			t.Fatal(err)
		}
		res := buildCached(t, src, out)
		if res.Unchanged || res.Written != 1 {
			t.Errorf("%s changed by hand: Unchanged %t, Written %d; want it written again alone", name, res.Unchanged, res.Written)
		}
		if d := sameTrees(readTree(t, out), want); d != "" {
			t.Errorf("the output is not the site:\n%s", d)
		}
	}
}

// TestCacheWithoutFlag: without Options.Cache nothing is read or written in the cache
// folder.
func TestCacheWithoutFlag(t *testing.T) {
	src := genSite(t, 3, 6)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Src: os.DirFS(src), SrcDir: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(src, engine.CacheDir)); !os.IsNotExist(err) {
		t.Errorf("a build without the cache made %s: %v", engine.CacheDir, err)
	}
}

// TestCacheFileBecomesFolder: an incremental build replaces a file of the previous
// output with a folder of the same name, and back.
func TestCacheFileBecomesFolder(t *testing.T) {
	src := genSite(t, 3, 8)
	out := filepath.Join(t.TempDir(), "public")
	unduh := filepath.Join(src, "static", "unduh")
	for i, step := range []func(){
		func() { writeSiteFile(t, src, "static/unduh", "berkas") },
		func() { os.Remove(unduh); writeSiteFile(t, src, "static/unduh/formulir.txt", "folder") },
		func() { os.RemoveAll(unduh); writeSiteFile(t, src, "static/unduh", "berkas lagi") },
	} {
		step()
		res := buildCached(t, src, out)
		if i > 0 && !res.InPlace {
			t.Errorf("build %d was not incremental", i)
		}
		fresh := filepath.Join(t.TempDir(), "fresh")
		if _, err := Build(context.Background(), Options{Src: os.DirFS(src), SrcDir: src, Out: fresh}); err != nil {
			t.Fatal(err)
		}
		if d := sameTrees(readTree(t, out), readTree(t, fresh)); d != "" {
			t.Fatalf("build %d: the output differs from a build without the cache:\n%s", i, d)
		}
	}
}

// TestCacheFailedBuild: a build with the cache that fails after it began writing the
// records it made (a galat in one file, another file changed) leaves the saved cache
// exactly as it was and no temporary file; once the galat is mended, the build is what
// a build without the cache makes.
func TestCacheFailedBuild(t *testing.T) {
	src := genSite(t, 6, 9)
	out := filepath.Join(t.TempDir(), "public")
	buildCached(t, src, out)
	cacheFile := filepath.Join(src, engine.CacheDir, "build")
	saved, err := os.ReadFile(cacheFile)
	if err != nil {
		t.Fatal(err)
	}
	files := serviceFiles(t, src)
	changed, _ := os.ReadFile(filepath.Join(src, files[0]))
	writeSiteFile(t, src, files[0], string(summaryLine.ReplaceAll(changed, []byte(`ringkasan = "Berubah. `))))
	broken, _ := os.ReadFile(filepath.Join(src, files[1]))
	writeSiteFile(t, src, files[1], string(broken)+"\n[[[ bukan toml\n")
	if _, err := Build(context.Background(), Options{Src: os.DirFS(src), SrcDir: src, Out: out, Cache: true}); err == nil {
		t.Fatal("a build with a galat succeeded")
	}
	if b, _ := os.ReadFile(cacheFile); !bytes.Equal(b, saved) {
		t.Error("a failed build changed the saved cache")
	}
	if entries, _ := os.ReadDir(filepath.Join(src, engine.CacheDir)); len(entries) != 1 {
		t.Errorf("the cache folder holds %d files after a failed build, want 1", len(entries))
	}
	writeSiteFile(t, src, files[1], string(broken))
	if res := buildCached(t, src, out); !res.InPlace || res.Unchanged {
		t.Errorf("the build after the failed one: InPlace %t, Unchanged %t", res.InPlace, res.Unchanged)
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	if _, err := Build(context.Background(), Options{Src: os.DirFS(src), SrcDir: src, Out: fresh}); err != nil {
		t.Fatal(err)
	}
	if d := sameTrees(readTree(t, out), readTree(t, fresh)); d != "" {
		t.Fatalf("the output differs from a build without the cache:\n%s", d)
	}
}
