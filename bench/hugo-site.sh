#!/usr/bin/env bash
# hugo-site.sh SRC DIR: writes into DIR a Hugo site equivalent to the Papan site in SRC
# (as written by `papan gen-demo`): one Markdown page with TOML front matter per service,
# in one section per OPD, holding the same text (every value of the service file, under
# a heading per table), and a minimal theme: base layout, page, section list, home.
#
# Hugo then builds the same number of pages, from the same amount of text, with the same
# page kinds Papan has (home, one page per OPD, one per service, sitemap), which is the
# comparison issue 7 asks for.
set -euo pipefail
src=${1:?usage: hugo-site.sh SRC DIR}
dir=${2:?usage: hugo-site.sh SRC DIR}
if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
	echo "hugo-site.sh: $dir is not empty" >&2
	exit 2
fi
mkdir -p "$dir/content" "$dir/layouts/_default"

cat >"$dir/config.toml" <<'TOML'
baseURL = "https://standar.example.go.id/"
languageCode = "id"
title = "Standar Pelayanan Publik"
disableKinds = ["taxonomy", "term", "RSS"]
TOML

cat >"$dir/layouts/_default/baseof.html" <<'HTML'
<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer></body>
</html>
HTML
cat >"$dir/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Params.kategori }} · <a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></p>
{{ .Content }}</article>{{ end }}
HTML
cat >"$dir/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify | truncate 120 }}</li>{{ end }}</ul>{{ end }}
HTML
cat >"$dir/layouts/index.html" <<'HTML'
{{ define "main" }}<h1>{{ .Site.Title }}</h1>
{{ range .Sections }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}{{ end }}
HTML

# One awk process converts every file: TOML tables become headings, keys become list
# items, multi-line Markdown values are copied as they are.
find "$src/content" -mindepth 2 -maxdepth 2 -name '*.toml' -print0 | sort -z |
	xargs -0 awk -v out="$dir/content" '
function flush() { if (file != "") close(file) }
function strip(v) { sub(/^"/, "", v); sub(/"$/, "", v); return v }
FNR == 1 {
	flush()
	n = split(FILENAME, parts, "/")
	opd = parts[n-1]; name = parts[n]; sub(/\.toml$/, "", name)
	if (!(opd in made)) { system("mkdir -p \"" out "/" opd "\""); made[opd] = 1 }
	if (name == "_opd") { file = out "/" opd "/_index.md" } else { file = out "/" opd "/" name ".md" }
	front = 1; multi = 0
}
multi { if ($0 ~ /^"""/) { multi = 0; print "" > file } else print > file; next }
front && /^nama = / {
	title = strip(substr($0, 8))
	print "+++\ntitle = \"" title "\"" > file
	next
}
front && /^kategori = / { print "kategori = " substr($0, 12) > file; next }
front { print "+++\n" > file; front = 0 }
/^\[+[a-z_]+\]+$/ { h = $0; gsub(/[\[\]]/, "", h); gsub(/_/, " ", h); print "\n### " h "\n" > file; next }
/^[a-z_]+ = """$/ { k = $1; gsub(/_/, " ", k); print "**" k "**\n" > file; multi = 1; next }
/^[a-z_]+ = / { k = $1; v = substr($0, length($1) + 4); gsub(/_/, " ", k); print "- **" k "**: " strip(v) > file; next }
END { if (front) print "+++" > file; flush() }
'
