#!/usr/bin/env bash
# parallel.sh — `extract -j N` writes exactly what `-j 1` writes, in input
# order, for several N; `ingest -j 2` stores the same articles as `-j 1`.
set -u
bin=${FACTLINE_BIN:-build/factline}
pass=0 fail=0
check() { if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $1: $3"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=(samples/seed.txt samples/reuters-sample.txt tests/badinput/invalid-utf8.txt)
data=${FACTLINE_DATA:-../shared/data}
[ -f "$data/news/bbc_israel_gaza_2023-10-07_2023-10-29.txt" ] && inputs+=("$data/news/bbc_israel_gaza_2023-10-07_2023-10-29.txt")
"$bin" extract -q -j 1 --tokens "${inputs[@]}" >"$tmp/one.jsonl"
check j1 $? "extract -j 1"
for j in 2 3 8; do
    "$bin" extract -q -j $j --tokens "${inputs[@]}" >"$tmp/many.jsonl"
    cmp -s "$tmp/one.jsonl" "$tmp/many.jsonl"
    check "j$j" $? "extract -j $j differs from -j 1"
done
"$bin" ingest -q -j 1 --db "$tmp/a.db" "${inputs[@]}"
"$bin" ingest -q -j 2 --db "$tmp/b.db" "${inputs[@]}"
for db in a b; do "$bin" search --db "$tmp/$db.db" --format csv --limit 50 "said" >"$tmp/$db.csv"; done
cmp -s "$tmp/a.csv" "$tmp/b.csv"
check ingest-j2 $? "ingest -j 2 answers differently from -j 1"
echo "parallel: $pass passed, $fail failed"
[ "$fail" = 0 ]
