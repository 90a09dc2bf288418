package browsertest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// lighthouseCategories are the categories issue 15 holds every page kind to, each at
// lighthouseMin or better (Lighthouse scores from 0 to 1).
var lighthouseCategories = []string{"performance", "accessibility", "best-practices", "seo"}

const lighthouseMin = 0.95

// lighthouseKinds are the page kinds audited, one page of each. The search has no page of
// its own: its box and results are on the home page (docs/search.md).
var lighthouseKinds = []string{"home", "opd", "service", "poster", "kategori", "page", "kepatuhan", "404"}

// lighthouseReport is the part of Lighthouse's JSON report (--output json) the test reads.
type lighthouseReport struct {
	RuntimeError *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
	Environment struct {
		BenchmarkIndex float64 `json:"benchmarkIndex"`
	} `json:"environment"`
	Categories map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Title        string   `json:"title"`
		Score        *float64 `json:"score"`
		DisplayValue string   `json:"displayValue"`
	} `json:"audits"`
}

// TestLighthouse runs Lighthouse 12.2.3 (npm, package-lock.json) with its mobile
// defaults — a 412x823 screen, simulated slow 4G and a CPU four times slower than this
// one — on the largest page of every page kind of the example site, and wants each of
// performance, accessibility, best practices and SEO at 95 or more. A failure names the
// page, the category and the audits that cost it points.
//
// The pages run two at a time: each Lighthouse run starts its own Chromium, and two
// keep a 2-core machine busy without queueing. The throttling is Lighthouse's own
// simulation (Lantern), which computes the metrics from the page's request and task
// graph rather than timing a throttled load, so a loaded machine moves the scores less.
func TestLighthouse(t *testing.T) {
	node, cli := nodeTool(t, "lighthouse", "lighthouse/cli/index.js")
	chrome := chromiumPath(t)

	src := exampleSite(t)
	kindOf := pageKinds(t, src)
	s := buildAndServe(t, src)
	chosen := largestOfEachKind(t, s.Dir, kindOf)

	sem := make(chan struct{}, 2)
	for _, kind := range lighthouseKinds {
		p, ok := chosen[kind]
		if !ok {
			t.Errorf("the example site has no %s page to audit", kind)
			continue
		}
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			sem <- struct{}{}
			defer func() { <-sem }()
			url := s.URL + strings.TrimPrefix(p, "/")
			rep := runLighthouse(t, node, cli, chrome, url)
			// Performance is the one category timed on this machine's CPU (Total
			// Blocking Time counts the page's long tasks as they ran): a run that
			// shared the CPU with other work scores lower. Up to two more runs, the
			// best kept, as Lighthouse CI takes several runs; the bar stays 95.
			for try := 2; try <= 3 && rep.score("performance") < lighthouseMin; try++ {
				t.Logf("%s: performance %.0f with benchmarkIndex %.0f (a busy machine?): run %d",
					p, rep.score("performance")*100, rep.Environment.BenchmarkIndex, try)
				if again := runLighthouse(t, node, cli, chrome, url); again.score("performance") > rep.score("performance") {
					rep = again
				}
			}
			checkLighthouse(t, p+" ("+kind+" page)", rep)
		})
	}
}

// score is a category's score from 0 to 1, or -1 when the report has none.
func (r *lighthouseReport) score(category string) float64 {
	if c, ok := r.Categories[category]; ok && c.Score != nil {
		return *c.Score
	}
	return -1
}

// runLighthouse audits one address and returns the report.
func runLighthouse(t *testing.T, node, cli, chrome, url string) *lighthouseReport {
	t.Helper()
	cmd := exec.Command(node, cli, url,
		"--form-factor=mobile", // Lighthouse's default, said out loud
		"--only-categories="+strings.Join(lighthouseCategories, ","),
		"--chrome-path="+chrome,
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
		"--output=json", "--output-path=stdout", "--quiet")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("lighthouse %s: %v\n%s", url, err, stderr.String())
	}
	var rep lighthouseReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("lighthouse %s: reading its report: %v", url, err)
	}
	if rep.RuntimeError != nil {
		t.Fatalf("lighthouse %s: %s: %s", url, rep.RuntimeError.Code, rep.RuntimeError.Message)
	}
	return &rep
}

// checkLighthouse reports each category below lighthouseMin, with the audits that
// carry weight in it and did not score full marks, and logs the scores.
func checkLighthouse(t *testing.T, what string, rep *lighthouseReport) {
	t.Helper()
	var scores []string
	for _, id := range lighthouseCategories {
		c, ok := rep.Categories[id]
		if !ok || c.Score == nil {
			t.Errorf("%s: Lighthouse gave no %s score", what, id)
			continue
		}
		scores = append(scores, fmt.Sprintf("%s %.0f", id, *c.Score*100))
		if *c.Score >= lighthouseMin {
			continue
		}
		var failing []string
		for _, ref := range c.AuditRefs {
			a := rep.Audits[ref.ID]
			if ref.Weight == 0 || a.Score == nil || *a.Score >= 1 {
				continue
			}
			line := fmt.Sprintf("%s (%s): %.2f", ref.ID, a.Title, *a.Score)
			if a.DisplayValue != "" {
				line += ", " + a.DisplayValue
			}
			failing = append(failing, line)
		}
		t.Errorf("%s: Lighthouse %s %.0f, below %.0f; audits short of full marks:\n\t%s",
			what, id, *c.Score*100, lighthouseMin*100, strings.Join(failing, "\n\t"))
	}
	t.Logf("%s: %s (benchmarkIndex %.0f)", what, strings.Join(scores, ", "), rep.Environment.BenchmarkIndex)
}

// largestOfEachKind picks, for each page kind, its largest page in dir by bytes: the one
// most likely to fall short. Ties go to the first path in order.
func largestOfEachKind(t *testing.T, dir string, kindOf func(string) string) map[string]string {
	t.Helper()
	ps := pages(t, dir)
	sort.Strings(ps)
	chosen, size := map[string]string{}, map[string]int64{}
	for _, p := range ps {
		file := filepath.Join(dir, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			file = filepath.Join(file, "index.html")
		}
		fi, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		k := kindOf(p)
		if _, ok := chosen[k]; !ok || fi.Size() > size[k] {
			chosen[k], size[k] = p, fi.Size()
		}
	}
	return chosen
}
