#!/usr/bin/env bash
# pagefind.sh [WORK]: measures Pagefind on the 10,000-service gen-demo site (seed 1), the
# site docs/search.md measures Papan's own search on (issue 6): index build time and peak
# memory, index size, the bytes a browser fetches for one query, and query time in
# headless Chromium. Pagefind is installed from npm into a temporary folder for the run;
# nothing is added to the repository. Needs go, node/npm, python3, chromium, /usr/bin/time.
#
# WORK (default: a new temporary folder) receives the generated site (WORK/src), its
# build (WORK/out, into which Pagefind writes out/pagefind/ and this script
# out/pf-bench.html) and the results (WORK/result.json, WORK/result.json.log).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d /tmp/pagefind-bench.XXXXXX)}
mkdir -p "$work"
chromium=${CHROMIUM:-chromium}

# 1. The site, as in docs/search.md.
go build -o "$work/papan" ./cmd/papan
if [ ! -e "$work/src" ]; then
	"$work/papan" gen-demo --services 10000 --seed 1 "$work/src"
fi
rm -rf "$work/out"
"$work/papan" build --src "$work/src" --out "$work/out"
echo "our index: $(stat -c %s "$work"/out/assets/cari.*.json) bytes, gzipped $(gzip -c "$work"/out/assets/cari.*.json | wc -c) bytes"

# 2. Pagefind, latest release, in a temporary npm project.
npmdir=$(mktemp -d /tmp/pagefind-npm.XXXXXX)
version=${PAGEFIND_VERSION:-$(npm view pagefind version)}
(cd "$npmdir" && npm init -y >/dev/null && npm install --no-audit --no-fund "pagefind@$version" >/dev/null)
# The home page, the OPD and "tentang"/"kepatuhan" pages and the service pages; not the
# posters (*/*/cetak/index.html), which repeat each service page's text. Pagefind finds
# no data-pagefind-body, so it indexes each page's whole <body>.
(cd "$npmdir" && /usr/bin/time -v -o "$work/pagefind.time" \
	npx pagefind --site "$work/out" --glob "{index.html,*/index.html,*/*/index.html}") | tee "$work/pagefind.log"
grep -E 'Elapsed|Maximum resident' "$work/pagefind.time"
pf="$work/out/pagefind"
echo "pagefind/: $(du -sb "$pf" | cut -f1) bytes in $(find "$pf" -type f | wc -l) files;" \
	"fragment/ $(du -sb "$pf/fragment" | cut -f1) bytes in $(find "$pf/fragment" -type f | wc -l) files;" \
	"index/ $(du -sb "$pf/index" | cut -f1) bytes in $(find "$pf/index" -type f | wc -l) files"

# 3. Query time in Chromium: a page that times the same 20 queries as
# BenchmarkSearchQuery10k, twice, each query being pf.search(q) and the data of its first
# 5 results (what a result list shows). Pagefind 1.6 searches in a Web Worker, whose
# fetches are not in the page's resource timing, so the server logs every request and
# the page marks the phases with requests to /__mark/….
cat >"$work/out/pf-bench.html" <<'HTML'
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pagefind bench</title></head>
<body><pre id="out">running</pre>
<script type="module">
const qs = ["ktp", "k", "ka", "kartu keluarga", "akta lahir", "izin", "surat keterangan", "pbg", "sktm",
  "kia", "pendaftaran", "rekomendasi", "surat pengantar rt", "dinas", "puskesmas", "legalisasi", "usaha", "izin bangunan", "kesehatan", "zzqx"];
const res = () => performance.getEntriesByType("resource").filter(e => e.name.includes("/pagefind/"))
  .map(e => ({name: new URL(e.name).pathname, bytes: e.encodedBodySize, decoded: e.decodedBodySize}));
const out = {};
try {
  let t0 = performance.now();
  const pf = await import("/pagefind/pagefind.js");
  await pf.init();
  out.init = performance.now() - t0;
  out.afterInit = res(); await fetch("/__mark/afterInit");
  // one query, as our timing does: search, then the data of the first 5 results
  const one = async q => {
    const s = await pf.search(q);
    const data = await Promise.all(s.results.slice(0, 5).map(r => r.data()));
    return [s.results.length, data.length];
  };
  const round = async (name) => {
    const ms = [], counts = [];
    for (const q of qs) {
      t0 = performance.now();
      const [n] = await one(q);
      ms.push(performance.now() - t0);
      counts.push(n);
      if (name === "cold" && q === qs[0]) { out.afterFirstQuery = res(); await fetch("/__mark/afterFirstQuery"); }
      if (name === "cold" && q === qs[qs.length-1]) await fetch("/__mark/afterColdRound");
    }
    out[name] = ms; out.counts = counts;
  };
  await round("cold");
  await round("warm");
  out.afterAll = res(); await fetch("/__mark/afterAll");
} catch (e) { out.error = String(e && e.stack || e); }
document.getElementById("out").textContent = JSON.stringify(out);
await fetch("/__result", {method: "POST", body: JSON.stringify(out)});
</script></body></html>
HTML
cat >"$work/serve.py" <<'PY'
# serve.py DIR PORT RESULT: serves DIR on 127.0.0.1:PORT, logging every GET path to
# RESULT.log; the body of a POST to /__result is written to RESULT.
import functools, http.server, sys
d, port, result = sys.argv[1], int(sys.argv[2]), sys.argv[3]
log = open(result + ".log", "w", buffering=1)
class H(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        log.write(self.path + "\n")
        if self.path.startswith("/__mark/"):
            self.send_response(204); self.end_headers(); return
        super().do_GET()
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        with open(result, "wb") as f: f.write(body)
        self.send_response(204); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(H, directory=d)).serve_forever()
PY
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
rm -f "$work/result.json"
python3 "$work/serve.py" "$work/out" "$port" "$work/result.json" &
srv=$!
profile=$(mktemp -d /tmp/pagefind-chromium.XXXXXX)
sleep 1
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
	--no-first-run --disable-extensions --user-data-dir="$profile" --remote-debugging-port=0 \
	"http://127.0.0.1:$port/pf-bench.html" >"$work/chromium.log" 2>&1 &
chr=$!
for _ in $(seq 120); do [ -s "$work/result.json" ] && break; sleep 1; done
kill "$chr" "$srv" 2>/dev/null || true
wait "$chr" "$srv" 2>/dev/null || true
rm -rf "$profile" "$npmdir"
[ -s "$work/result.json" ] || { echo "pagefind.sh: no result from Chromium (see $work/chromium.log)" >&2; exit 1; }

python3 - "$work" "$version" <<'PY'
import json, os, sys
work, version = sys.argv[1], sys.argv[2]
r = json.load(open(os.path.join(work, "result.json")))
if "error" in r:
    sys.exit("page error: " + r["error"])
qs = ["ktp", "k", "ka", "kartu keluarga", "akta lahir", "izin", "surat keterangan", "pbg", "sktm",
      "kia", "pendaftaran", "rekomendasi", "surat pengantar rt", "dinas", "puskesmas", "legalisasi", "usaha",
      "izin bangunan", "kesehatan", "zzqx"]
print(f"Pagefind {version}: import + init {r['init']:.1f} ms")
for k, name in (("cold", "first round"), ("warm", "second round")):
    v = r[k]; s = sorted(v)
    print(f"{len(v)} queries, {name}: mean {sum(v)/len(v):.2f} ms, median {s[len(v)//2]:.2f} ms, max {s[-1]:.2f} ms")
for i, q in enumerate(qs):
    print(f"  {q!r:22} {r['cold'][i]:7.1f} ms, then {r['warm'][i]:7.1f} ms  {r['counts'][i]:6d} results")
# Bytes fetched, from the server's log, per phase.
phase, fetched, seen = "init", {}, set()
for line in open(os.path.join(work, "result.json.log")):
    p = line.strip().split("?")[0]
    if p.startswith("/__mark/"):
        phase = p[len("/__mark/"):]; continue
    if not p.startswith("/pagefind/") or p in seen:
        continue
    seen.add(p)
    fetched.setdefault(phase, []).append((p, os.path.getsize(os.path.join(work, "out", p.lstrip("/")))))
total = 0
for ph, label in (("init", "import + init"), ("afterInit", 'first query ("ktp", 5 results\' data)'),
                  ("afterFirstQuery", "rest of the first round"), ("afterColdRound", "second round")):
    files = fetched.get(ph, [])
    b = sum(n for _, n in files); total += b
    kinds = {}
    for p, n in files:
        k = p.split("/")[2] if p.count("/") > 2 else p.split("/")[-1]
        kinds[k] = kinds.get(k, 0) + n
    print(f"fetched during {label}: {len(files)} files, {b} bytes  {kinds}")
    if ph == "afterInit":
        print(f"  => one query, from a cold cache: {total} bytes")
print(f"fetched in all: {len(seen)} files, {total} bytes")
PY
