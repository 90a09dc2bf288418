package report_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// schemaValidate validates doc (decoded with encoding/json) against schema, a JSON
// Schema draft-04 document, supporting the keywords the SARIF schema excerpt in testdata
// uses: type, enum, required, properties, additionalProperties (boolean), items, minimum,
// anyOf and $ref to "#/definitions/…". An unsupported keyword makes the test fail rather
// than pass silently.
func schemaValidate(schema map[string]any, doc any) []error {
	v := &validator{root: schema}
	v.check("$", schema, doc)
	return v.errs
}

type validator struct {
	root map[string]any
	errs []error
}

var knownKeywords = []string{"$comment", "$schema", "type", "enum", "required", "properties",
	"additionalProperties", "items", "minimum", "anyOf", "$ref", "definitions"}

func (v *validator) errorf(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

func (v *validator) check(at string, s map[string]any, x any) {
	for k := range s {
		if !slices.Contains(knownKeywords, k) {
			v.errorf("%s: schema keyword %q not supported by this validator", at, k)
		}
	}
	if ref, ok := s["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/definitions/")
		def, _ := v.root["definitions"].(map[string]any)[name].(map[string]any)
		if !ok || def == nil {
			v.errorf("%s: unresolvable $ref %q", at, ref)
			return
		}
		v.check(at, def, x)
		return
	}
	if t, ok := s["type"]; ok && !typeMatches(t, x) {
		v.errorf("%s: %v is not of type %v", at, x, t)
		return
	}
	if e, ok := s["enum"].([]any); ok && !slices.Contains(e, x) {
		v.errorf("%s: %v not in enum %v", at, x, e)
	}
	if m, ok := s["minimum"].(float64); ok {
		if n, ok := x.(float64); ok && n < m {
			v.errorf("%s: %v below minimum %v", at, n, m)
		}
	}
	if alts, ok := s["anyOf"].([]any); ok {
		matched := false
		for _, sub := range alts {
			sv := &validator{root: v.root}
			sv.check(at, sub.(map[string]any), x)
			if len(sv.errs) == 0 {
				matched = true
				break
			}
		}
		if !matched {
			v.errorf("%s: matches none of anyOf %v", at, alts)
		}
	}
	if obj, ok := x.(map[string]any); ok {
		for _, r := range asSlice(s["required"]) {
			if _, ok := obj[r.(string)]; !ok {
				v.errorf("%s: required property %q missing", at, r)
			}
		}
		props, _ := s["properties"].(map[string]any)
		for k, val := range obj {
			if ps, ok := props[k].(map[string]any); ok {
				v.check(at+"."+k, ps, val)
			} else if s["additionalProperties"] == false {
				v.errorf("%s: property %q not allowed", at, k)
			}
		}
	}
	if arr, ok := x.([]any); ok {
		if items, ok := s["items"].(map[string]any); ok {
			for i, el := range arr {
				v.check(fmt.Sprintf("%s[%d]", at, i), items, el)
			}
		}
	}
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func typeMatches(t any, x any) bool {
	if ts, ok := t.([]any); ok {
		return slices.ContainsFunc(ts, func(t any) bool { return typeMatches(t, x) })
	}
	switch t {
	case "object":
		_, ok := x.(map[string]any)
		return ok
	case "array":
		_, ok := x.([]any)
		return ok
	case "string":
		_, ok := x.(string)
		return ok
	case "boolean":
		_, ok := x.(bool)
		return ok
	case "null":
		return x == nil
	case "number":
		_, ok := x.(float64)
		return ok
	case "integer":
		n, ok := x.(float64)
		return ok && n == math.Trunc(n)
	}
	return false
}
