#!/usr/bin/env bash
# store.sh — benchmark of the store (not run by CI):
#   1. ingest rate on all of ../shared/data/news into a fresh database:
#      with extraction (articles -> facts -> store) and store only
#      (`--facts`, from `factline extract --text` output), on one core;
#   2. database size per article and as a multiple of the raw text;
#   3. p50/p95 latency of every question on a database of at least 1 million
#      articles, built by replicating ../shared/data/news with dates shifted
#      by whole years (kept in bench/tmp/ for the next run; a schema 3 one
#      left there is migrated when it is opened, see docs/store.md).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${FACTLINE_DATA:-../shared/data}
[ -d "$data/news" ] || { echo "store.sh: SKIPPED: $data/news not found"; exit 0; }
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build-bench factline_cli bench_store >/dev/null
bin=./build-bench/factline
mkdir -p bench/tmp
news=("$data"/news/*.txt)
secs() { python3 -c "import time; print(time.time())"; }

rm -f bench/tmp/small.db*
t0=$(secs); taskset -c 0 $bin ingest -q --db bench/tmp/small.db "${news[@]}"; t1=$(secs)
n=$(python3 -c "import sqlite3; print(sqlite3.connect('bench/tmp/small.db').execute('select count(*) from articles').fetchone()[0])")
read_n=$(grep -c '^date ' "${news[@]}" | awk -F: '{s+=$2} END {print s}')
echo "ingest with extraction: $(python3 -c "print('%.0f' % ($read_n / ($t1 - $t0)))") articles/s ($read_n read, $n stored)"
$bin extract -q --text "${news[@]}" > bench/tmp/facts.jsonl
# Wall-clock and CPU time (user + sys, /usr/bin/time): on a shared machine
# the wall clock counts other processes' turns, CPU time much less so.
facts_n=$(wc -l < bench/tmp/facts.jsonl)
for run in 1 2 3; do
  rm -f bench/tmp/facts.db*
  t0=$(secs)
  cpu=$( { /usr/bin/time -f "%U %S" taskset -c 0 $bin ingest -q --facts --db bench/tmp/facts.db bench/tmp/facts.jsonl; } 2>&1 | tail -1)
  t1=$(secs)
  echo "ingest, store only (--facts), run $run: $(python3 -c "
u, s = map(float, '$cpu'.split())
print('%.0f articles/s wall, %.0f articles per CPU-second (%d articles, %.2f s CPU, load %s)' % ($facts_n / ($t1 - $t0), $facts_n / (u + s), $facts_n, u + s, open('/proc/loadavg').read().split()[0]))")"
done
# Wall-clock on a shared machine is noisy: the store path's instructions per
# article (callgrind, first 4,000 articles) are the figure to compare.
if command -v valgrind >/dev/null; then
  head -4000 bench/tmp/facts.jsonl > bench/tmp/facts4k.jsonl
  rm -f bench/tmp/cg.db*
  ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $bin ingest -q --facts --db bench/tmp/cg.db \
       bench/tmp/facts4k.jsonl 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
  echo "store path: $((ir / 4000)) instructions/article (callgrind, 4,000 articles)"
fi
raw=$(cat "${news[@]}" | wc -c)
size=$(stat -c %s bench/tmp/small.db)
echo "database: $size bytes for $n articles = $((size / n)) bytes/article, $(python3 -c "print('%.2f' % ($size / $raw))")x the raw text"
python3 - bench/tmp/small.db <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8").fetchall()
print("largest tables and indexes: " + ", ".join("%s %.1f MB" % (n, b / 1e6) for n, b in rows))
PY

big=bench/tmp/million.db
if [ ! -f "$big" ] || [ "$(python3 -c "import sqlite3; print(sqlite3.connect('$big').execute('select count(*) from articles').fetchone()[0])")" -lt 1000000 ]; then
  rm -f "$big"*
  copies=$(( (1000000 + n - 1) / n + 1 ))
  echo "building $big: $copies copies of the news with shifted dates ..."
  for k in $(seq 0 $((copies - 1))); do
    python3 - "$k" "${news[@]}" <<'PY'
import re, sys
k = int(sys.argv[1])
out = sys.stdout
for f in sys.argv[2:]:
    for line in open(f, encoding="utf-8", errors="replace"):
        m = re.match(r"(\s*date )(\d{4})(-\d\d-\d\d)(.*)", line, re.S)
        if m:
            y = int(m.group(2)) + 40 * k
            d = m.group(3)
            if d == "-02-29" and not (y % 4 == 0 and (y % 100 or y % 400 == 0)):
                d = "-02-28"
            line = "%s%04d%s%s" % (m.group(1), y, d, m.group(4))
        out.write(line)
PY
  done | $bin ingest -q --batch 5000 --db "$big" -
fi
# Opening for writing migrates a database of an older schema (no-op otherwise).
$bin ingest -q --facts --db "$big" /dev/null
echo "question latency on $big ($(stat -L -c %s "$big") bytes):"
taskset -c 0 ./build-bench/bench/bench_store "$big" 50
echo "targets: ingest store path >= 5,000 articles/s; every question p95 <= 100 ms on 1M articles; database <= 3x raw text"
