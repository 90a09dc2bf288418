#!/usr/bin/env bash
# Runs all of Papan's tests. On a fresh Debian machine it first installs what the
# browser tests need (Debian's chromium); as root it uses apt-get, otherwise sudo.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ((${#need[@]})); then
	echo "test.sh: installing ${need[*]}" >&2
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

go vet ./...
test -z "$(gofmt -l cmd internal)" || { echo "gofmt needed:"; gofmt -l cmd internal; exit 1; }
# -race once over the whole suite: serve and build are concurrent.
go test -race -count=1 ./...
