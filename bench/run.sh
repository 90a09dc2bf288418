#!/usr/bin/env bash
# run.sh: the performance table of docs/performance.md, from scratch.
#
# Builds papan, generates synthetic sites of 1,000 and 10,000 services (and 200,000 with
# BENCH_200K=1), and times, each RUNS times (default 3) with /usr/bin/time -v, reporting the
# median wall time and the median peak RSS:
#   papan build            cold (--tanpa-cache), on all CPUs, and with GOMAXPROCS=1 and 2
#   papan check            cold (--tanpa-cache)
#   papan build / check    with the build cache (issue 18): nothing changed, and (build)
#                          one service's summary changed
#   cp -r of papan's output tree, the floor of pure I/O
#   hugo                   on an equivalent Markdown site (bench/hugo-site.sh), 1,000 and
#                          10,000 pages (and 200,000 with BENCH_HUGO_200K=1)
# Then the rebuild benchmarks (go test: BenchmarkRebuild10k, and BenchmarkEditToReload in
# Chromium when chromium is installed). It prints a Markdown table on stdout; progress goes
# to stderr.
#
# Environment: RUNS (3), RUNS_LARGE (runs above 10,000 services; RUNS), BENCH_DIR (a new temporary folder; kept, so the sites can be
# inspected), BENCH_SIZES ("1000 10000"), BENCH_200K=1, BENCH_HUGO_200K=1, SEED (1).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
seed=${SEED:-1}
work=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/papan-bench.XXXXXX")}
sizes=${BENCH_SIZES:-"1000 10000"}
if [ "${BENCH_200K:-}" = 1 ]; then sizes="$sizes 200000"; fi
mkdir -p "$work"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "run.sh: $TIME not found (Debian: apt-get install time)" >&2; exit 2; }
HUGO=$(command -v hugo || true)

log() { echo "run.sh: $*" >&2; }

log "building papan into $work"
(cd "$root" && go build -o "$work/papan" ./cmd/papan)
papan=$work/papan

# measure LABEL N PREP -- CMD...: runs PREP (to reset state, untimed) then CMD, $runs
# times; appends "LABEL|N|median wall s|median peak RSS KB|all walls" to $work/results.
measure() {
	local label=$1 n=$2 prep=$3
	shift 4
	local walls=() rsss=() cpus=() i count=$runs
	if [ "$n" -gt 10000 ]; then count=${RUNS_LARGE:-$runs}; fi
	for ((i = 1; i <= count; i++)); do
		eval "$prep"
		sync # the previous run's writes are not this run's to pay for
		"$TIME" -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
			log "$label ($n) failed:"; cat "$work/stderr.txt" >&2; return 1; }
		walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time.txt")")
		rsss+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")")
		cpus+=("$(awk -F': ' '/(User|System) time/ { s += $2 } END { print s }' "$work/time.txt")")
	done
	local wall rss cpu
	wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	rss=$(printf '%s\n' "${rsss[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	echo "$label|$n|$wall|$rss|$cpu|${walls[*]}" >>"$work/results"
	log "$label ($n): median ${wall} s, ${rss} KB, ${cpu} s CPU (runs: ${walls[*]})"
}

: >"$work/results"
for n in $sizes; do
	site=$work/site-$n
	if [ ! -d "$site" ]; then
		log "generating $n services"
		measure "papan gen-demo" "$n" "rm -rf '$site'" -- "$papan" gen-demo --services "$n" --seed "$seed" "$site"
	fi
	out=$work/out-$n
	measure "papan build (cold, --tanpa-cache)" "$n" ":" -- "$papan" build --tanpa-cache --src "$site" --out "$out"
	if [ "$n" -le 10000 ]; then # the speedup from 1 to 2 workers; too slow to repeat at 200,000
		measure "papan build, GOMAXPROCS=1" "$n" ":" -- env GOMAXPROCS=1 "$papan" build --tanpa-cache --src "$site" --out "$out"
		measure "papan build, GOMAXPROCS=2" "$n" ":" -- env GOMAXPROCS=2 "$papan" build --tanpa-cache --src "$site" --out "$out"
	fi
	measure "papan check (cold, --tanpa-cache)" "$n" ":" -- "$papan" check --tanpa-cache --src "$site"
	# The build cache (issue 18): a first build with it fills it, untimed.
	"$papan" build --src "$site" --out "$out" 2>/dev/null
	"$papan" check --src "$site" >/dev/null || true
	measure "papan build, nothing changed" "$n" ":" -- "$papan" build --src "$site" --out "$out"
	svc=$(ls "$site"/content/*/*.toml | grep -v /_opd.toml | head -1)
	measure "papan build, one service changed" "$n" "sed -i 's/^ringkasan = \"/ringkasan = \"Diubah. /' '$svc'" -- "$papan" build --src "$site" --out "$out"
	measure "papan check, nothing changed" "$n" ":" -- "$papan" check --src "$site"
	measure "cp -r of the output (floor)" "$n" "rm -rf '$work/copy-$n'" -- cp -r "$out" "$work/copy-$n"
	rm -rf "$work/copy-$n"
	if [ -n "$HUGO" ] && { [ "$n" -le 10000 ] || [ "${BENCH_HUGO_200K:-}" = 1 ]; }; then
		hsite=$work/hugo-$n
		[ -d "$hsite" ] || "$root/bench/hugo-site.sh" "$site" "$hsite"
		measure "hugo" "$n" "rm -rf '$work/hugo-out-$n'" -- "$HUGO" --quiet -s "$hsite" -d "$work/hugo-out-$n"
		rm -rf "$work/hugo-out-$n"
	fi
done

{
	echo "Machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); $(go version | cut -d' ' -f3); ${HUGO:+$("$HUGO" version | cut -d' ' -f1-2)}"
	echo "Medians of $runs runs (${RUNS_LARGE:-$runs} above 10,000 services); wall time from /usr/bin/time -v, peak RSS its \"Maximum resident set size\", CPU its user + system time."
	echo "Load average when done: $(cut -d' ' -f1-3 /proc/loadavg) (anything above ~0 means other work shared the CPUs)."
	echo
	echo "| what | services | wall (s) | peak RSS (MB) | CPU user+sys (s) | all runs, wall (s) |"
	echo "|---|---:|---:|---:|---:|---|"
	awk -F'|' '{ printf "| %s | %d | %.2f | %.0f | %.2f | %s |\n", $1, $2, $3, $4 / 1024, $5, $6 }' "$work/results"
}
# The rebuild after one saved service file (issue 7's 50 ms target, papan serve's 300 ms
# with a browser): go test benchmarks, as they measure inside one process.
log "rebuild benchmarks"
{
	echo
	echo "Rebuild after one service file changes (go test benchmarks, ns/op = one rebuild):"
	echo
	echo '```'
	(cd "$root" && go test -run '^$' -bench 'Rebuild10k$' -benchtime 20x ./internal/engine/ 2>&1 | grep -E '^Benchmark')
	if command -v chromium >/dev/null; then
		(cd "$root" && go test -run '^$' -bench 'EditToReload' -benchtime 10x ./internal/serve/ 2>&1 | grep -E '^Benchmark')
	fi
	echo '```'
}
log "sites and outputs kept in $work"
