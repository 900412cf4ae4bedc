#!/usr/bin/env bash
# pg_kill.sh — a PostgreSQL writer killed with SIGKILL mid-batch loses nothing
# committed and leaves nothing half-written: after each of several kills at
# random moments, every stored article has exactly the facts a clean
# single-writer load gives it (per-article counts of mentions, quotes,
# attributions, figures, times), the count never goes down, and a final
# re-run completes the set, each article exactly once.
# Needs FACTLINE_TEST_PG (scripts/test.sh sets it); skipped without it unless
# FACTLINE_REQUIRE_PG=1, when it fails instead.
set -u
bin=${FACTLINE_BIN:-build/factline}
db=$(bash scripts/pg-cluster.sh testdb) || exit $?
ref=$(bash scripts/pg-cluster.sh testdb) || exit $?
tmp=$(mktemp -d)
trap 'bash scripts/pg-cluster.sh dropdb "$db"; bash scripts/pg-cluster.sh dropdb "$ref"; rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $1: $3"; fi; }
psql_q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

# Real extracted articles from the samples, copied with dates moved by whole
# years to 4,000 distinct articles, so there are 100 batches of 40 to kill in.
"$bin" extract -q --text samples/seed.txt samples/reuters-sample.txt >"$tmp/base.jsonl" || { echo "FAIL: extract"; exit 1; }
python3 - "$tmp" 4000 <<'PY'
import json, sys
tmp, want = sys.argv[1], int(sys.argv[2])
base = [json.loads(l) for l in open(tmp + "/base.jsonl", encoding="utf-8")]
seen, out, k = set(), open(tmp + "/all.jsonl", "w", encoding="utf-8"), 0
while len(seen) < want:
    for o in base:
        o = dict(o, date="%04d%s" % (int(o["date"][:4]) + k, o["date"][4:].replace("-02-29", "-02-28")))
        if (o["date"], o["text"]) not in seen and len(seen) < want:
            seen.add((o["date"], o["text"]))
            out.write(json.dumps(o, ensure_ascii=False) + "\n")
    k += 1
out.close()
PY
n=4000
facts="SELECT a.hash, (SELECT count(*) FROM mentions x WHERE x.article_id = a.id),
  (SELECT count(*) FROM quotes x WHERE x.article_id = a.id),
  (SELECT count(*) FROM attributions x WHERE x.article_id = a.id),
  (SELECT count(*) FROM figures x WHERE x.article_id = a.id),
  (SELECT count(*) FROM times x WHERE x.article_id = a.id) FROM articles a ORDER BY a.hash"

timeout 600 "$bin" ingest -q --facts --db "$ref" "$tmp/all.jsonl"
check reference-load $? "single-writer load failed"
psql_q "$ref" -c "$facts" >"$tmp/ref.facts"
check reference-count $([ "$(wc -l <"$tmp/ref.facts")" = $n ] && echo 0 || echo 1) "reference holds $(wc -l <"$tmp/ref.facts") articles, want $n"

# Every stored article of the killed database has its reference facts.
complete() {
    psql_q "$db" -c "$facts" >"$tmp/db.facts" || return 2
    python3 - "$tmp/ref.facts" "$tmp/db.facts" <<'PY'
import sys
ref = dict(l.split("|", 1) for l in open(sys.argv[1]) if l.strip())
bad = [l for l in open(sys.argv[2]) if l.strip() and ref.get(l.split("|", 1)[0]) != l.split("|", 1)[1]]
for l in bad[:3]:
    print("half-written or unknown:", l.strip(), "want", ref.get(l.split("|", 1)[0], "absent").strip())
sys.exit(1 if bad else 0)
PY
}

counts="" prev=0 mid=0
for round in 1 2 3 4 5; do
    "$bin" ingest -q --facts --batch 40 --db "$db" "$tmp/all.jsonl" 2>"$tmp/kill.log" &
    pid=$!
    # Kill moments follow the progress, not the clock (sanitizers and a busy
    # machine change the speed): once a random number of further articles
    # is committed, at most half of what is missing, wait a random 0-0.3 s
    # more, so the kill lands anywhere in a later batch, then SIGKILL.
    read -r target pause < <(python3 -c "import random; random.seed(11 + $round); \
        print($prev + random.randint(1, max(1, ($n - $prev) // 2)), '%.3f' % random.uniform(0, 0.3))")
    while kill -0 "$pid" 2>/dev/null; do
        [ "$(psql_q "$db" -c "SELECT count(*) FROM articles" 2>/dev/null || echo 0)" -ge "$target" ] && break
        sleep 0.02
    done
    sleep "$pause"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    c=$(psql_q "$db" -c "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
    counts="$counts $c"
    [ "$c" -gt 0 ] && [ "$c" -lt $n ] && mid=1
    check "round-$round-monotonic" $([ "$c" -ge "$prev" ] && echo 0 || echo 1) "articles went from $prev to $c"
    prev=$c
    [ "$c" -gt 0 ] || continue
    out=$(complete)
    check "round-$round-no-half-articles" $? "$out"
done
check killed-mid-run $([ $mid = 1 ] && echo 0 || echo 1) "no kill landed mid-run (articles after each kill:$counts)"

out=$("$bin" ingest --facts --db "$db" "$tmp/all.jsonl" 2>&1)
check final-run $? "$out"
out=$("$bin" ingest --facts --db "$db" "$tmp/all.jsonl" 2>&1)
check rerun-adds-nothing $(grep -q "$n articles read, 0 added, $n already stored" <<<"$out"; echo $?) "$out"
got=$(psql_q "$db" -c "SELECT count(*) || ' ' || count(DISTINCT hash) FROM articles")
check exactly-once $([ "$got" = "$n $n" ] && echo 0 || echo 1) "articles, distinct hashes: $got; want $n $n"
complete >/dev/null && cmp -s "$tmp/ref.facts" "$tmp/db.facts"
check same-facts $? "after the final run the facts differ from a clean load: $(diff "$tmp/ref.facts" "$tmp/db.facts" | head -4)"
echo "pg_kill: articles after each kill:$counts of $n"
echo "pg_kill: $pass passed, $fail failed"
[ "$fail" = 0 ]
