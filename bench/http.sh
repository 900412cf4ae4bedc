#!/usr/bin/env bash
# http.sh — benchmark of `factline serve` (not run by CI): wrk (Debian) on
# loopback against the JSON API, for a bounded time per endpoint, on a
# database of real articles: ../shared/data/news ingested five times with
# dates shifted by whole years (>= 100,000 articles; kept in bench/tmp/).
# Prints requests/s, latency percentiles (p50/p90/p99), errors (non-2xx and
# socket errors) and the server's resident memory (now and peak).
#   bash bench/http.sh [SECONDS] [CONNECTIONS]      (defaults: 10 s, 100)
#   HTTP_BENCH_MIX_ONLY=1 bash bench/http.sh ...    (only the realistic search mix, cache on and off)
# Targets (issue 8): search p99 <= 50 ms at 100 connections on 100k
# articles, zero errors, bounded RSS. Not for: correctness (tests/).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
conns=${2:-100}
threads=${HTTP_BENCH_THREADS:-4}
data=${FACTLINE_DATA:-../shared/data}
[ -d "$data/news" ] || { echo "http.sh: SKIPPED: $data/news not found"; exit 0; }
command -v wrk >/dev/null || { echo "http.sh: needs wrk (apt-get install wrk)"; exit 2; }
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build-bench factline_cli >/dev/null
bin=./build-bench/factline
mkdir -p bench/tmp
db=bench/tmp/http-100k.db
news=("$data"/news/*.txt)
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$1"; }
if [ ! -f "$db" ] || [ "$(count "$db")" -lt 100000 ]; then
  rm -f "$db"*
  echo "building $db: the news five times with shifted dates ..."
  for k in 0 1 2 3 4; do
    python3 - "$k" "${news[@]}" <<'PY'
import re, sys
k = int(sys.argv[1])
for f in sys.argv[2:]:
    for line in open(f, encoding="utf-8", errors="replace"):
        m = re.match(r"(\s*date )(\d{4})(-\d\d-\d\d)(.*)", line, re.S)
        if m:
            y = int(m.group(2)) + 40 * k
            d = m.group(3)
            if d == "-02-29" and not (y % 4 == 0 and (y % 100 or y % 400 == 0)):
                d = "-02-28"
            line = "%s%04d%s%s" % (m.group(1), y, d, m.group(4))
        sys.stdout.write(line)
PY
  done | $bin ingest -q --batch 5000 --db "$db" -
fi
# The server opens the database read-only: one opening for writing first
# migrates a database an older factline wrote (no-op otherwise).
$bin ingest -q --facts --db "$db" /dev/null
n=$(count "$db")
figures=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from figures').fetchone()[0])" "$db")
echo "database: $db, $n articles, $figures figures, $(stat -c %s "$db") bytes"
[ "$figures" -gt 0 ] || echo "note: no figures in $db (built before the extraction layers): timeline measures an empty series; delete $db to rebuild"

log=$(mktemp)
pid=""
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$log" "${paths:-}" "${paths:-}.out"' EXIT
start() { # cache MiB
  [ -n "$pid" ] && { kill "$pid"; wait "$pid" || true; }
  $bin serve --db "$db" --port 0 --threads "$threads" --max-connections 512 --cache-mb "$1" 2>"$log" &
  pid=$!
  for _ in $(seq 50); do grep -q 'listening on' "$log" && break; sleep 0.1; done
  port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$log")
  base="http://127.0.0.1:$port"
  echo "# server with --cache-mb $1 --threads $threads"
}
start 64
rss() { awk '/^VmRSS/ {r=$2} /^VmHWM/ {h=$2} END {printf "server RSS %d MB (peak %d MB)\n", r/1024, h/1024}' /proc/$pid/status; }
rss
paths=$(mktemp)
run() { # name, connections, then paths
  local name=$1 conns=$2; shift 2
  sleep 3 # let requests left queued by the previous run finish
  printf '%s\n' "$@" > "$paths"
  # Warm up: ask each distinct question once, so a cached server is measured in its steady state
  # (the uncached runs below show the cost of every answer computed).
  python3 -c 'import sys, urllib.request
for p in sys.argv[2:]: urllib.request.urlopen(sys.argv[1] + p).read()' "$base" "$@" || true
  echo "== $name: wrk -t2 -c$conns -d${seconds}s --latency ($# distinct requests, each asked once before)"
  PATHS="$paths" wrk -t2 -c"$conns" -d"${seconds}s" --timeout 5s --latency -s bench/http.lua "$base" |
    tee "$paths.out" | grep -E 'Requests/sec|Latency |^ +(50|90|99)%|Non-2xx|Socket errors|requests in' || true
  grep -qE 'Non-2xx|Socket errors' "$paths.out" || echo "  errors: none (no non-2xx answers, no socket errors)"
  rss
}
set -f # the request paths contain ? and are not file names
# A realistic search workload: 9,000 distinct questions (the 3,000 most mentioned entity names, the
# 3,000 most frequent headline words, stopwords left out, and 3,000 pairs of one name and one word),
# asked 600,000 times in an order drawn from a Zipf distribution (s = 1: the k-th most popular is
# asked in proportion to 1/k, as in search logs; popularity is shuffled, not the frequency in the
# database), so popular names repeat and the tail is asked rarely. wrk reads the list from the start
# (each thread from its own place), so a 10 s run does not see it repeat; the server starts with an
# empty cache and nothing is warmed: every first asking is computed. The cache's hits and misses
# are printed after the run (/healthz).
workload() { # db -> request paths on stdout
  python3 - "$1" <<'PY'
import random, re, sqlite3, sys, urllib.parse
con = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
names = [n for (n,) in con.execute(
    "SELECT e.name FROM entities e JOIN (SELECT entity_id, count(*) AS n FROM mentions GROUP BY entity_id"
    " ORDER BY n DESC LIMIT 4000) m ON m.entity_id = e.id ORDER BY m.n DESC, e.name")]
stop = set("""a an and are as at be by for from has have in is it its of on or over says say said the to
  up was were will with after new not more than into out off about us u.s. mln pct dlrs vs cts year""".split())
counts = {}
for (h,) in con.execute("SELECT headline FROM articles"):
    for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", h):
        w = w.lower()
        if w not in stop:
            counts[w] = counts.get(w, 0) + 1
words = [w for w, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]
rng = random.Random(8)
queries, seen = [], set()
def take(q, upto):
    if q.lower() not in seen and len(queries) < upto:
        seen.add(q.lower())
        queries.append(q)
for q in names:
    take(q, 3000)
for q in words:
    take(q, 6000)
while len(queries) < 9000:
    take(rng.choice(names[:3000]) + " " + rng.choice(words[:3000]), 9000)
order = list(range(len(queries)))
rng.shuffle(order)
weights = [1.0 / (r + 1) for r in range(len(queries))]
for k in rng.choices(order, weights=weights, k=600000):
    print("/api/search?q=" + urllib.parse.quote_plus(queries[k]))
PY
}
[ -s bench/tmp/search-workload-9k.txt ] || workload "$db" > bench/tmp/search-workload-9k.txt
distinct=$(sort -u bench/tmp/search-workload-9k.txt | wc -l)
echo "search workload: $(wc -l < bench/tmp/search-workload-9k.txt) requests, $distinct distinct (bench/tmp/search-workload-9k.txt)"
mix() { # name, connections: the workload, unwarmed
  local name=$1 conns=$2
  sleep 3
  cp bench/tmp/search-workload-9k.txt "$paths"
  echo "== $name: wrk -t2 -c$conns -d${seconds}s --latency ($distinct distinct of 600,000 Zipf-ordered requests, none asked before)"
  PATHS="$paths" wrk -t2 -c"$conns" -d"${seconds}s" --timeout 5s --latency -s bench/http.lua "$base" |
    tee "$paths.out" | grep -E 'Requests/sec|Latency |^ +(50|90|99)%|Non-2xx|Socket errors|requests in' || true
  grep -qE 'Non-2xx|Socket errors' "$paths.out" || echo "  errors: none (no non-2xx answers, no socket errors)"
  python3 -c 'import json, sys, urllib.request
c = json.load(urllib.request.urlopen(sys.argv[1] + "/healthz")).get("cache", {})
n = c.get("hits", 0) + c.get("misses", 0)
print("  answer cache: %d hits, %d misses (%.1f%% computed)" % (c["hits"], c["misses"], 100.0 * c["misses"] / n) if n else "  answer cache: off")' "$base"
  rss
}
mix "search, realistic mix, cache on (empty at start)" "$conns"
if [ "${HTTP_BENCH_MIX_ONLY:-0}" = 1 ]; then
  start 0
  mix "search, realistic mix, no cache" "$conns"
  exit 0
fi

# Search: rare and common words, phrases, prefixes, with and without filters.
searches=(/api/search?q={ceasefire,hostages,Gaza,Netanyahu,Blinken,wheat,cocoa,%22oil+prices%22,Rafah,UNRWA,bank,dollar,humanitarian+aid,tunnel,inflat*})
run search "$conns" "${searches[@]}"
run "search, 10 connections" 10 "${searches[@]}"
run "search, one rare word" "$conns" "/api/search?q=cocoa"
run "search, one common word" "$conns" "/api/search?q=bank"
run timeline "$conns" /api/timeline?category={killed,injured,arrested,released}
run healthz "$conns" /healthz
# The same without the answer cache: every request runs its query.
start 0
run "search, no cache" "$conns" "${searches[@]}"
mix "search, realistic mix, no cache" "$conns"
run "search, no cache, 10 connections" 10 "${searches[@]}"
run "timeline, no cache" "$conns" /api/timeline?category={killed,injured,arrested,released}
kill "$pid"
wait "$pid" || true
pid=""
echo "targets: search p99 <= 50 ms at 100 connections on 100k articles; zero errors; RSS bounded"
