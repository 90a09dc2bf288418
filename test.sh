#!/usr/bin/env bash
# Runs all of Papan's tests. On a fresh Debian machine it first installs what the
# browser tests need (Debian's chromium, and npm for axe-core); as root it uses apt-get,
# otherwise sudo.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# npm installs axe-core, html-validate and Lighthouse (package-lock.json) for the
# accessibility, markup and Lighthouse tests in internal/browsertest, and the Taplo CLI
# for internal/skema's test of the content files' JSON Schemas.
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if ((${#need[@]})); then
	echo "test.sh: installing ${need[*]}" >&2
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/html-validate/bin/html-validate.mjs ] ||
	[ ! -f node_modules/lighthouse/cli/index.js ] || [ ! -x node_modules/.bin/taplo ]; then
	echo "test.sh: installing axe-core, html-validate, lighthouse and @taplo/cli from package-lock.json" >&2
	npm ci --no-audit --no-fund >&2
fi

go vet ./...
test -z "$(gofmt -l cmd internal *.go)" || { echo "gofmt needed:"; gofmt -l cmd internal *.go; exit 1; }
# -race once over the whole suite: serve and build are concurrent. The browser tests
# run after the others, on their own: Lighthouse times the page's work on this CPU and
# Chromium's timeouts are real time, so they are not made to share two cores with the
# race-detected build tests.
go test -race -count=1 $(go list ./... | grep -v /internal/browsertest)
go test -race -count=1 ./internal/browsertest

# Each fuzz target for a fixed number of runs (about 8 s each here): a new crash fails the
# run and its input is saved under the package's testdata/fuzz to become a regression
# test. A count, not a time: with -fuzztime as a duration, Go 1.26's fuzzing coordinator
# may fail a target with a bare "context deadline exceeded" and no crasher when the time
# runs out (go.dev/issue/75804, fixed in Go 1.27). Minimizing a new input is bounded too,
# since no deadline cuts it short any more.
for target in content:FuzzLoadService:20000 render:FuzzMarkdown:20000 render:FuzzJSONString:100000 \
	standard:FuzzSlug:200000 tomlpos:FuzzScan:80000 flowchart:FuzzSVG:5000; do
	IFS=: read -r pkg fn runs <<<"$target"
	go test "./internal/$pkg" -run '^$' -fuzz "^$fn\$" -fuzztime "${runs}x" -fuzzminimizetime 5s
done
