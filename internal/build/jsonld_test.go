package build

import (
	"bufio"
	"encoding/json"
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

var ldRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// TestJSONLD parses the JSON-LD of every service page and checks each type and property
// against the schema.org vocabulary list.
func TestJSONLD(t *testing.T) {
	vocab := vocabulary(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build(t, "testdata/site", out, ""); err != nil {
		t.Fatal(err)
	}
	found := 0
	for name, page := range readTree(t, out) {
		m := ldRE.FindSubmatch(page)
		if m == nil {
			continue
		}
		found++
		var doc map[string]any
		if err := json.Unmarshal(m[1], &doc); err != nil {
			t.Fatalf("%s: JSON-LD does not parse: %v\n%s", name, err, m[1])
		}
		if doc["@context"] != "https://schema.org" || doc["@type"] != "GovernmentService" {
			t.Errorf("%s: @context/@type = %v/%v", name, doc["@context"], doc["@type"])
		}
		checkNode(t, name, doc, vocab)
		ch := doc["availableChannel"].([]any)[0].(map[string]any)
		// 1–3 hari kerja: ISO 8601 has no working day, and P3D would promise less time
		// than the standard allows, so the fact is left out.
		if got, ok := ch["processingTime"]; ok {
			t.Errorf("%s: processingTime = %v for a duration in hari kerja, want none", name, got)
		}
		offer := doc["offers"].([]any)[0].(map[string]any)
		if offer["price"] != 15000.0 || offer["priceCurrency"] != "IDR" {
			t.Errorf("%s: offer = %v", name, offer)
		}
	}
	if found != 1 {
		t.Errorf("JSON-LD found on %d pages, want 1 (the one service page)", found)
	}
}

func checkNode(t *testing.T, page string, node map[string]any, vocab map[string]map[string]bool) {
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
