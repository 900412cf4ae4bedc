#!/usr/bin/env bash
# pg.sh — PostgreSQL beside SQLite on the same data (not run by CI):
#   1. ingest rate, store only (`ingest --facts` of `extract --text` output)
#      and with extraction (`ingest -j 1` of the raw articles): PostgreSQL with
#      1, 2 and 4 writer processes, each loading its own share, beside SQLite's
#      one writer (with extraction also SQLite -j 2: one writer, two threads);
#   2. p50/p95 latency of every question (bench/bench_store.c, the same
#      arguments on both) on the two databases of the same data.
#   3. with --million (off by default: about 30 minutes and 10 GB), the same
#      questions on a PostgreSQL database of at least 1 million articles: the
#      extracted news replicated with every date shifted by whole years (as
#      bench/store.sh does for SQLite), loaded by 2 writers, beside SQLite's
#      on FACTLINE_SQLITE_MILLION (default bench/tmp/million.db, which
#      bench/store.sh builds) when that exists.
# Data: all of ../shared/data/news, or that many times replicated with dates
# shifted by whole years: `bench/pg.sh COPIES` (default 1).
# PostgreSQL is a throwaway cluster (scripts/pg-cluster.sh) with fsync on,
# as durable as SQLite's WAL; it is deleted on exit. Every run is printed;
# each figure in the table is the best of FACTLINE_BENCH_REPEAT runs (default
# 2): the machine is shared, and the best run is the least disturbed one. The
# runs with 1, 2 and 4 writers alternate (1, 2, 4, 1, 2, 4, ...), so load from
# other work falls on all of them alike. FACTLINE_BENCH_KINDS="store" skips
# the runs with extraction.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${FACTLINE_DATA:-../shared/data}
[ -d "$data/news" ] || { echo "pg.sh: SKIPPED: $data/news not found"; exit 0; }
million=0
if [ "${1:-}" = --million ]; then million=1; shift; fi
copies=${1:-1}
repeat=${FACTLINE_BENCH_REPEAT:-2}
kinds=${FACTLINE_BENCH_KINDS:-store extract}
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build-bench factline_cli bench_store >/dev/null
bin=./build-bench/factline
tmp=bench/tmp/pg
rm -rf "$tmp" && mkdir -p "$tmp"
export FACTLINE_PG_STATE=$PWD/$tmp/cluster.state FACTLINE_PG_FSYNC=on
trap 'bash scripts/pg-cluster.sh stop' EXIT
FACTLINE_TEST_PG=$(bash scripts/pg-cluster.sh start)
export FACTLINE_TEST_PG
psql -X -q "$FACTLINE_TEST_PG" -c "SHOW fsync" -At | grep -qx on || { echo "pg.sh: fsync is not on"; exit 1; }
news=("$data"/news/*.txt)

# The raw articles (replicated), and their extracted facts, each cut into
# 1, 2 and 4 shares of whole articles (round robin).
python3 - "$tmp" "$copies" "${news[@]}" <<'PY'
import re, sys
tmp, copies, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
arts = []
for f in files:
    src = open(f, encoding="utf-8", errors="surrogateescape").read()
    arts += [a.strip("\n") + "\n" for a in re.split(r"(?m)^(?=\s*date \d{4}-\d\d-\d\d )", src) if a.strip()]
out = []
for k in range(copies):
    for a in arts:
        m = re.match(r"(\s*date )(\d{4})(-\d\d-\d\d)(.*)", a, re.S)
        if m and k:
            y, d = int(m.group(2)) + 40 * k, m.group(3)
            if d == "-02-29" and not (y % 4 == 0 and (y % 100 or y % 400 == 0)):
                d = "-02-28"
            a = "%s%04d%s%s" % (m.group(1), y, d, m.group(4))
        out.append(a)
for n in (1, 2, 4):
    for i in range(n):
        with open("%s/raw-%d-%d.txt" % (tmp, n, i), "w", encoding="utf-8", errors="surrogateescape") as f:
            f.writelines(out[i::n])
PY
"$bin" extract -q --text "$tmp/raw-1-0.txt" >"$tmp/facts-1-0.jsonl" || true
python3 - "$tmp" <<'PY'
import sys
tmp = sys.argv[1]
lines = open(tmp + "/facts-1-0.jsonl", encoding="utf-8").readlines()
for n in (2, 4):
    for i in range(n):
        open("%s/facts-%d-%d.jsonl" % (tmp, n, i), "w", encoding="utf-8").writelines(lines[i::n])
PY
total=$(wc -l <"$tmp/facts-1-0.jsonl")
secs() { python3 -c "import time; print(time.time())"; }
# A rate, or "FAILED" for a run where a writer failed (rate -1).
fmt() { python3 -c "import sys; r = float(sys.argv[1]); print('FAILED' if r < 0 else '%.0f' % r)" "$1"; }

# Each run loads into a fresh database; rate[KIND-BACKEND-N] keeps the best
# articles per second. KIND: store (--facts) or extract (raw articles).
declare -A rate
run_pg() { # KIND N: one run of N concurrent PostgreSQL writers, each on its share
    local kind=$1 n=$2 best=${rate[$1-pg-$2]:-0} t0 t1 url i r
    [ "$best" = -1 ] && return 0
    for r in 1; do
        url=$(bash scripts/pg-cluster.sh testdb)
        "$bin" ingest -q --facts --db "$url" /dev/null   # the schema, outside the timing
        local pids=() failed=0
        t0=$(secs)
        for i in $(seq 0 $((n - 1))); do
            if [ "$kind" = store ]; then
                "$bin" ingest -q --facts --db "$url" "$tmp/facts-$n-$i.jsonl" &
            else
                "$bin" ingest -q -j 1 --db "$url" "$tmp/raw-$n-$i.txt" &
            fi
            pids+=($!)
        done
        # Exit 1 is "some article rejected" (the input's fault, same for every
        # backend); 2 is a database error, which invalidates the figure.
        for i in "${pids[@]}"; do wait "$i" || [ $? = 1 ] || failed=$((failed + 1)); done
        t1=$(secs)
        stored=$(psql -X -At "$url" -c "SELECT count(*) FROM articles")
        bash scripts/pg-cluster.sh dropdb "$url"
        if [ "$failed" != 0 ]; then
            echo "pg.sh: $failed of $n PostgreSQL writers failed ($stored articles stored; messages above)" >&2
            best=-1
            break
        fi
        local this
        this=$(python3 -c "print($total / ($t1 - $t0))")
        best=$(python3 -c "print(max($best, $this))")
        echo "  $kind, PostgreSQL, $n writer(s): $(fmt "$this") articles/s ($stored stored; load average $(cut -d' ' -f1 /proc/loadavg))" >&2
    done
    rate[$kind-pg-$n]=$best
}
run_sqlite() { # KIND J
    local kind=$1 j=$2 best=0 r t0 t1
    for r in $(seq "$repeat"); do
        rm -f "$tmp/sq.db"*
        t0=$(secs)
        if [ "$kind" = store ]; then
            "$bin" ingest -q --facts --db "$tmp/sq.db" "$tmp/facts-1-0.jsonl"
        else
            "$bin" ingest -q -j "$j" --db "$tmp/sq.db" "$tmp/raw-1-0.txt"
        fi
        t1=$(secs)
        best=$(python3 -c "print(max($best, $total / ($t1 - $t0)))")
    done
    rate[$kind-sqlite-$j]=$best
    echo "  $kind, SQLite, 1 writer, -j $j: $(printf %.0f "$best") articles/s" >&2
}

echo "ingest: $total articles ($copies x ../shared/data/news), best of $repeat runs, $(nproc) cores" >&2
for kind in $kinds; do
    run_sqlite $kind 1
    [ $kind = extract ] && run_sqlite $kind 2
    for r in $(seq "$repeat"); do
        for n in 1 2 4; do run_pg $kind $n; done
    done
done

# The two databases the questions run on: the same articles, one writer each.
rm -f "$tmp/q.db"*
"$bin" ingest -q --facts --db "$tmp/q.db" "$tmp/facts-1-0.jsonl"
qurl=$(bash scripts/pg-cluster.sh testdb)
"$bin" ingest -q --facts --db "$qurl" "$tmp/facts-1-0.jsonl"
./build-bench/bench/bench_store "$tmp/q.db" 50 >"$tmp/q-sqlite.txt"
./build-bench/bench/bench_store "$qurl" 50 "$tmp/q.db" >"$tmp/q-pg.txt" || true

echo
printf '%-34s %14s %14s\n' "ingest (articles/s)" "SQLite" "PostgreSQL"
for kind in $kinds; do
    label=$([ $kind = store ] && echo "store only (--facts)" || echo "with extraction")
    printf '%-34s %14s %14s\n' "$label, 1 writer" "$(fmt "${rate[$kind-sqlite-1]}")" "$(fmt "${rate[$kind-pg-1]}")"
    [ $kind = extract ] && printf '%-34s %14s %14s\n' "$label, 1 writer -j 2" "$(fmt "${rate[$kind-sqlite-2]}")" "-"
    for n in 2 4; do
        printf '%-34s %14s %14s  %s\n' "$label, $n writers" "-" "$(fmt "${rate[$kind-pg-$n]}")" \
            "$(python3 -c "a, b = ${rate[$kind-pg-$n]}, ${rate[$kind-pg-1]}; print('(%.2fx 1 writer)' % (a / b) if a > 0 and b > 0 else '')")"
    done
done
# Two bench_store outputs side by side: SQLite's (or "-") and PostgreSQL's.
questions_table() {
echo
printf '%-12s %22s %22s\n' "question" "SQLite p50/p95 ms" "PostgreSQL p50/p95 ms"
python3 - "$1" "$2" <<'PY'
import re, sys
def load(p):
    out = {}
    for line in open(p):
        kv = dict(x.split("=", 1) for x in line.split())
        if "question" in kv:
            out[kv["question"]] = kv
    return out
a, b = load(sys.argv[1]) if sys.argv[1] != "-" else {}, load(sys.argv[2])
for q in b:
    fa = ("%s / %s" % (a[q]["p50_ms"], a[q]["p95_ms"]) + (" (%s errors)" % a[q]["errors"] if a[q]["errors"] != "0" else "")) if q in a else "n/a"
    y = b.get(q)
    fb = ("%s / %s" % (y["p50_ms"], y["p95_ms"]) + (" (%s errors)" % y["errors"] if y["errors"] != "0" else "")) if y else "n/a"
    print("%-12s %22s %22s" % (q, fa, fb))
PY
}
questions_table "$tmp/q-sqlite.txt" "$tmp/q-pg.txt"
echo "target: PostgreSQL 2 writers >= 1.6x 1 writer; every question p95 <= 100 ms on 1M articles (bench/store.sh builds those for SQLite)"

[ "$million" = 1 ] || exit 0
# 3. A million articles: the news's extracted facts (facts-1-0.jsonl, one copy)
# replicated K times, copy k with every date and time value shifted by 40*k
# years (Feb 29 of a year that is no leap year becomes Feb 28) and without
# the input's "id" (the content hash, which the new date changes): so every
# copy is new articles with the same names, as bench/store.sh's are for SQLite.
distinct=$(python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$tmp/q.db")
target=${FACTLINE_PG_MILLION_TARGET:-1000000} # smaller only to try the script out
k=$(( (target + distinct - 1) / distinct ))
murl=$(bash scripts/pg-cluster.sh testdb)
"$bin" ingest -q --facts --db "$murl" /dev/null
echo >&2
echo "building a PostgreSQL database of $k x $distinct articles (2 writers) ..." >&2
t0=$(secs)
mpids=()
for w in 0 1; do
    python3 - "$tmp/facts-1-0.jsonl" "$w" 2 "$k" <<'PY' | "$bin" ingest -q --facts --db "$murl" - &
import re, sys
src, first, step, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
lines = open(src, encoding="utf-8").readlines()
dated = re.compile(r'"(date|value)":"(\d{4})(-\d\d-\d\d)?')
ident = re.compile(r'^\{"id":"[0-9a-f]*",')
for k in range(first, last, step):
    def shift(m):
        y, d = int(m.group(2)) + 40 * k, m.group(3) or ""
        if d == "-02-29" and not (y % 4 == 0 and (y % 100 or y % 400 == 0)):
            d = "-02-28"
        return '"%s":"%04d%s' % (m.group(1), y, d)
    for line in lines:
        sys.stdout.write(ident.sub("{", dated.sub(shift, line) if k else line))
PY
    mpids+=($!)
done
for i in "${mpids[@]}"; do wait "$i" || [ $? = 1 ]; done
t1=$(secs)
psql -X -q "$murl" -c "VACUUM ANALYZE"
mcount=$(psql -X -At "$murl" -c "SELECT count(*) FROM articles")
echo "  $mcount articles stored in $(python3 -c "print('%.0f' % ($t1 - $t0))") s" >&2
./build-bench/bench/bench_store "$murl" 50 "$tmp/q.db" >"$tmp/q-pg-million.txt" || true
sqlite_million=${FACTLINE_SQLITE_MILLION:-bench/tmp/million.db}
if [ -f "$sqlite_million" ]; then
    ./build-bench/bench/bench_store "$sqlite_million" 50 >"$tmp/q-sqlite-million.txt"
    echo "questions on a million articles: PostgreSQL $mcount articles; SQLite $(sed -n 's/^articles=//p' "$tmp/q-sqlite-million.txt") ($sqlite_million)"
    questions_table "$tmp/q-sqlite-million.txt" "$tmp/q-pg-million.txt"
else
    echo "questions on a million articles: PostgreSQL $mcount articles; no SQLite one ($sqlite_million: bench/store.sh builds it)"
    questions_table - "$tmp/q-pg-million.txt"
fi
echo "target: every question p95 <= 100 ms"
