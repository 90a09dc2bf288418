package report_test

import "fmt"

// validateSARIF checks doc against the parts of the SARIF 2.1.0 JSON schema
// (https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json,
// OASIS Standard, errata 01) that a code-scanning host relies on. No SARIF schema or JSON
// Schema validator is vendored, so the required properties and enumerations are written
// out here, each with the schema definition it comes from:
//
//   - sarifLog: required "version" (const "2.1.0") and "runs"; "$schema" a URI string.
//   - run: required "tool"; "results" an array of result.
//   - tool: required "driver"; toolComponent: required "name"; "rules" array of
//     reportingDescriptor, each with required "id" (string), unique within the driver.
//   - result: required "message"; message: "text" string (one of text/id required);
//     "level" enum none|note|warning|error; "ruleId" string; "ruleIndex" integer ≥ -1
//     pointing into driver.rules when given; "locations" array of location.
//   - location.physicalLocation: artifactLocation.uri a string;
//     region.startLine integer ≥ 1, region.startColumn integer ≥ 1 when present.
func validateSARIF(doc any) []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	log, ok := doc.(map[string]any)
	if !ok {
		return []error{fmt.Errorf("sarifLog is not an object")}
	}
	if log["version"] != "2.1.0" {
		bad("version = %v, want \"2.1.0\"", log["version"])
	}
	if s, ok := log["$schema"].(string); !ok || s == "" {
		bad("$schema missing")
	}
	runs, ok := log["runs"].([]any)
	if !ok {
		return append(errs, fmt.Errorf("runs missing or not an array"))
	}
	for i, r := range runs {
		run, ok := r.(map[string]any)
		if !ok {
			bad("runs[%d] not an object", i)
			continue
		}
		driver, _ := obj(run, "tool")["driver"].(map[string]any)
		if driver == nil {
			bad("runs[%d].tool.driver missing", i)
			driver = map[string]any{}
		}
		if s, ok := driver["name"].(string); !ok || s == "" {
			bad("runs[%d].tool.driver.name missing", i)
		}
		var ruleIDs []string
		seen := map[string]bool{}
		if rs, ok := driver["rules"]; ok {
			list, ok := rs.([]any)
			if !ok {
				bad("runs[%d].tool.driver.rules not an array", i)
			}
			for j, x := range list {
				id, ok := asObj(x)["id"].(string)
				if !ok || id == "" {
					bad("runs[%d].tool.driver.rules[%d].id missing", i, j)
				}
				if seen[id] {
					bad("runs[%d].tool.driver.rules[%d].id %q repeated", i, j, id)
				}
				seen[id] = true
				ruleIDs = append(ruleIDs, id)
			}
		}
		results, ok := run["results"].([]any)
		if run["results"] != nil && !ok {
			bad("runs[%d].results not an array", i)
		}
		for j, x := range results {
			res := asObj(x)
			at := fmt.Sprintf("runs[%d].results[%d]", i, j)
			msg, ok := res["message"].(map[string]any)
			if !ok {
				bad("%s.message missing", at)
			} else if s, ok := msg["text"].(string); !ok || s == "" {
				bad("%s.message.text missing", at)
			}
			switch res["level"] {
			case nil, "none", "note", "warning", "error":
			default:
				bad("%s.level %v not in none|note|warning|error", at, res["level"])
			}
			id, hasID := res["ruleId"].(string)
			if res["ruleId"] != nil && !hasID {
				bad("%s.ruleId not a string", at)
			}
			if ix, ok := res["ruleIndex"].(float64); ok {
				if ix < -1 || ix != float64(int(ix)) || int(ix) >= len(ruleIDs) {
					bad("%s.ruleIndex %v out of range", at, ix)
				} else if ix >= 0 && hasID && ruleIDs[int(ix)] != id {
					bad("%s.ruleIndex %v names %q, not ruleId %q", at, ix, ruleIDs[int(ix)], id)
				}
			}
			locs, _ := res["locations"].([]any)
			for k, l := range locs {
				pl := obj(asObj(l), "physicalLocation")
				if _, ok := obj(pl, "artifactLocation")["uri"].(string); !ok {
					bad("%s.locations[%d].physicalLocation.artifactLocation.uri missing", at, k)
				}
				if reg, ok := pl["region"].(map[string]any); ok {
					if n, ok := reg["startLine"].(float64); !ok || n < 1 {
						bad("%s.locations[%d] region.startLine %v, want ≥ 1", at, k, reg["startLine"])
					}
					if c, ok := reg["startColumn"]; ok {
						if n, ok := c.(float64); !ok || n < 1 {
							bad("%s.locations[%d] region.startColumn %v, want ≥ 1", at, k, c)
						}
					}
				}
			}
		}
	}
	return errs
}

func asObj(v any) map[string]any {
	m, _ := v.(map[string]any)
	if m == nil {
		return map[string]any{}
	}
	return m
}

func obj(m map[string]any, key string) map[string]any { return asObj(m[key]) }
