// Package corpus holds real, published Standar Pelayanan, transcribed by hand into
// Papan's format, as a test corpus: each one must load, every fact its source states must
// appear on its built page, and the rulebook must find in it exactly what a human
// assessor would. The package has no code; its test reads testdata/.
//
// testdata/site is one site with an OPD folder per source (named for the OPD and its
// region). Each service file begins with comments naming the source's address and what
// the transcription could not place. Beside each service file, testdata/expect holds
// <opd>/<service>.txt:
//
//	# comments
//	fakta: a phrase of the source, as it must appear on the page
//	temuan: [SP021] galat: komponen pelayanan belum dicantumkan: produk ([[produk]])
//
// Each OPD folder's _opd.toml has its own <opd>/_opd.txt, whose fakta are looked for on
// the OPD's page, and site.toml may have site.txt (temuan only): a finding on a file
// without an expectation fails the test, so none goes unjudged. A service lists at least
// 8 fakta.
//
// The fakta lines are checked against the page's visible text (tags removed, spaces
// collapsed); the temuan lines must equal the findings of papan check on that file,
// without positions. Comment lines stay where they are written, so a "# why" above the
// temuan lines survives -update. `go test ./internal/corpus -update` rewrites the temuan lines from
// what check finds, for a reviewer to read as a diff: each is a judgement, and a finding
// an assessor would disagree with is a bug in the rulebook, not in the list.
package corpus
