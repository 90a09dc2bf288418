package report

import (
	"encoding/json"
	"io"

	"github.com/papan-id/papan/internal/rules"
	"github.com/papan-id/papan/internal/standard"
)

// SARIFSchema is the schema SARIF output declares, the OASIS SARIF 2.1.0 schema.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// StructuralRule is the SARIF rule ID of loader problems that have no rulebook ID.
const StructuralRule = "struktur"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	Name                 string      `json:"name"`
	ShortDescription     sarifText   `json:"shortDescription"`
	FullDescription      sarifText   `json:"fullDescription"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

func sarifLevel(s standard.Severity) string {
	if s == standard.Warning {
		return "warning"
	}
	return "error"
}

// SARIF writes ps as a SARIF 2.1.0 log. version is the tool's version, or "".
func SARIF(w io.Writer, ps standard.Problems, version string) error {
	driver := sarifDriver{Name: "papan", InformationURI: "https://github.com/papan-id/papan", Version: version}
	index := map[string]int{}
	for _, r := range rules.Rulebook {
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{ID: r.ID, Name: r.Title,
			ShortDescription:     sarifText{r.Title},
			FullDescription:      sarifText{r.Explain + " Sumber: " + r.Source + "."},
			DefaultConfiguration: sarifConfig{sarifLevel(r.Severity)}})
	}
	index[StructuralRule] = len(driver.Rules)
	driver.Rules = append(driver.Rules, sarifRule{ID: StructuralRule, Name: "isi tidak dapat dimuat",
		ShortDescription:     sarifText{"isi tidak dapat dimuat"},
		FullDescription:      sarifText{"Kunci tidak dikenal, jenis nilai salah, atau rujukan yang tidak ada: lihat docs/content-model.md."},
		DefaultConfiguration: sarifConfig{"error"}})

	results := []sarifResult{}
	for _, p := range ps {
		id := p.Rule
		if id == "" {
			id = StructuralRule
		}
		msg := p.Message
		if p.Hint != "" {
			msg += "\nSaran: " + p.Hint
		}
		loc := sarifPhysical{ArtifactLocation: sarifArtifact{URI: p.File, URIBaseID: "%SRCROOT%"}}
		if p.Line > 0 {
			loc.Region = &sarifRegion{StartLine: p.Line, StartColumn: p.Col}
		}
		results = append(results, sarifResult{RuleID: id, RuleIndex: index[id], Level: sarifLevel(p.Severity),
			Message: sarifText{msg}, Locations: []sarifLocation{{loc}}})
	}
	log := sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{{Tool: sarifTool{driver}, Results: results}}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
