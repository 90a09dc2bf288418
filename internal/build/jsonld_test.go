package build

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// vocabulary reads testdata/schemaorg.txt: type → allowed properties.
func vocabulary(t *testing.T) map[string]map[string]bool {
	t.Helper()
	f, err := os.Open("testdata/schemaorg.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v := map[string]map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		props := map[string]bool{}
		for _, p := range fields[1:] {
			props[p] = true
		}
		v[fields[0]] = props
	}
	return v
}

// phoneRE is a telephone in international form, as a tel: link dials it.
var phoneRE = regexp.MustCompile(`^\+62\d{8,12}$`)

var ldRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// TestJSONLD parses the JSON-LD of every page and checks each type and property against
// the schema.org vocabulary list, an @id on every node, the service page's facts, the OPD
// page's GovernmentOrganization, and a BreadcrumbList on every page that shows
// breadcrumbs, with the same number of crumbs.
func TestJSONLD(t *testing.T) {
	vocab := vocabulary(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build(t, "testdata/site", out, ""); err != nil {
		t.Fatal(err)
	}
	crumbsRE := regexp.MustCompile(`(?s)<nav class="crumbs[^"]*"[^>]*><ol>(.*?)</ol></nav>`)
	types := map[string][]string{} // page → its nodes' types
	for name, page := range readTree(t, out) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		m := ldRE.FindSubmatch(page)
		crumbs := crumbsRE.FindSubmatch(page)
		if m == nil {
			if crumbs != nil {
				t.Errorf("%s shows breadcrumbs but has no JSON-LD", name)
			}
			continue
		}
		var doc struct {
			Context string           `json:"@context"`
			Graph   []map[string]any `json:"@graph"`
		}
		if err := json.Unmarshal(m[1], &doc); err != nil {
			t.Fatalf("%s: JSON-LD does not parse: %v\n%s", name, err, m[1])
		}
		if doc.Context != "https://schema.org" {
			t.Errorf("%s: @context = %q", name, doc.Context)
		}
		for _, node := range doc.Graph {
			checkNode(t, name, node, vocab)
			typ, _ := node["@type"].(string)
			types[name] = append(types[name], typ)
			if typ == "BreadcrumbList" {
				items := node["itemListElement"].([]any)
				if crumbs == nil || strings.Count(string(crumbs[1]), "<li") != len(items) {
					t.Errorf("%s: BreadcrumbList of %d items for crumbs %q", name, len(items), crumbs)
				}
			}
		}
	}
	for page, want := range map[string]string{
		"dinas/layanan-uji/index.html":       "GovernmentService BreadcrumbList",
		"dinas/index.html":                   "GovernmentOrganization BreadcrumbList",
		"kategori/uji/index.html":            "BreadcrumbList",
		"tentang/index.html":                 "BreadcrumbList",
		"kepatuhan/index.html":               "BreadcrumbList",
		"index.html":                         "",
		"dinas/layanan-uji/cetak/index.html": "",
	} {
		if got := strings.Join(types[page], " "); got != want {
			t.Errorf("%s: JSON-LD nodes %q, want %q", page, got, want)
		}
	}

	page := readTree(t, out)["dinas/layanan-uji/index.html"]
	var doc struct {
		Graph []struct {
			AvailableChannel []map[string]any
			Offers           []map[string]any
			ServiceOutput    []map[string]any
			Produces         any
			Provider         struct {
				ID      string `json:"@id"`
				Address map[string]any
			}
			ServiceOperator map[string]any
		} `json:"@graph"`
	}
	if err := json.Unmarshal(ldRE.FindSubmatch(page)[1], &doc); err != nil {
		t.Fatal(err)
	}
	svc := doc.Graph[0]
	// 1–3 hari kerja: ISO 8601 has no working day, and P3D would promise less time
	// than the standard allows, so the fact is left out.
	if got, ok := svc.AvailableChannel[0]["processingTime"]; ok {
		t.Errorf("processingTime = %v for a duration in hari kerja, want none", got)
	}
	if offer := svc.Offers[0]; offer["price"] != 15000.0 || offer["priceCurrency"] != "IDR" {
		t.Errorf("offer = %v", offer)
	}
	if len(svc.ServiceOutput) == 0 || svc.Produces != nil {
		t.Errorf("serviceOutput = %v, produces = %v; want serviceOutput only", svc.ServiceOutput, svc.Produces)
	}
	if p := svc.Provider; p.ID != "https://uji.example/standar/dinas/#opd" || svc.ServiceOperator["@id"] != p.ID ||
		p.Address["@type"] != "PostalAddress" {
		t.Errorf("provider %+v, operator %v: want the OPD page's node with a PostalAddress", p, svc.ServiceOperator)
	}
}

func checkNode(t *testing.T, page string, node map[string]any, vocab map[string]map[string]bool) {
	id, _ := node["@id"].(string)
	if !strings.HasPrefix(id, "https://") {
		t.Errorf("%s: node %v has no @id", page, node)
	}
	if len(node) == 1 {
		return // a reference to a node described elsewhere
	}
	typ, _ := node["@type"].(string)
	props, ok := vocab[typ]
	if !ok {
		t.Errorf("%s: type %q is not in the vocabulary list", page, typ)
		return
	}
	for k, v := range node {
		if strings.HasPrefix(k, "@") {
			continue
		}
		if !props[k] {
			t.Errorf("%s: %s has no property %q", page, typ, k)
		}
		if k == "telephone" && !phoneRE.MatchString(fmt.Sprint(v)) {
			t.Errorf("%s: %s telephone %v, want the +62 form", page, typ, v)
		}
		var children []any
		switch v := v.(type) {
		case map[string]any:
			children = []any{v}
		case []any:
			children = v
		}
		for _, c := range children {
			if cm, ok := c.(map[string]any); ok {
				checkNode(t, page, cm, vocab)
			}
		}
	}
}
