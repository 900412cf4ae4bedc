#!/usr/bin/env bash
# pg_concurrent.sh — four `factline ingest --db postgresql://...` processes
# writing overlapping inputs into one PostgreSQL database at the same time
# store every article exactly once (counted by content hash), with all its
# facts (per-article fact counts equal a single writer's load), give the same
# search hits, end without a deadlock or any error, and between them report
# every article as added.
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

# Real extracted articles (the samples; two BBC files and the start of
# Reuters when ../shared/data is there: many shared people, places and
# organisations, so writers race on the same entity and organisation rows),
# copied with their dates moved by whole years until there are at least
# 2,000. FACTLINE_PG_STRESS=1 takes all of ../shared/data/news (about 21,000
# articles, minutes) with ingest's default batch instead.
data=${FACTLINE_DATA:-../shared/data}
inputs=(samples/seed.txt samples/reuters-sample.txt)
batch=100
if [ "${FACTLINE_PG_STRESS:-0}" = 1 ] && [ -d "$data/news" ]; then
    inputs=("$data"/news/*.txt)
    batch=500
else
    for f in bbc_israel_gaza_2023-10-07_2023-10-29.txt bbc_israel_gaza_livefeed_2023-12.txt; do
        [ -f "$data/news/$f" ] && inputs+=("$data/news/$f")
    done
    if [ -f "$data/news/reuters21578.txt" ]; then
        head -c 1500000 "$data/news/reuters21578.txt" >"$tmp/reuters-start.txt"
        inputs+=("$tmp/reuters-start.txt")
    fi
fi
"$bin" extract -q --text "${inputs[@]}" >"$tmp/base.jsonl"
[ -s "$tmp/base.jsonl" ] || { echo "FAIL: extract wrote nothing"; exit 1; }
python3 - "$tmp" 2000 <<'PY'
import json, sys
tmp, want = sys.argv[1], int(sys.argv[2])
base = [json.loads(l) for l in open(tmp + "/base.jsonl", encoding="utf-8")]
arts, seen, k = [], set(), 0
while len(arts) < want:
    for o in base:
        o = dict(o)
        y = int(o["date"][:4]) + 100 * k
        o["date"] = "%04d%s" % (y, o["date"][4:] if o["date"][4:] != "-02-29" else "-02-28")
        if (o["date"], o["text"]) not in seen:
            seen.add((o["date"], o["text"]))
            arts.append(o)
    k += 1
with open(tmp + "/all.jsonl", "w", encoding="utf-8") as f:
    for o in arts:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
# Writer w gets quarters w and w+1: every article goes to exactly two writers;
# odd writers read backwards, so two writers meet the same rows in opposite orders.
q = [arts[i * len(arts) // 4:(i + 1) * len(arts) // 4] for i in range(4)]
for w in range(4):
    mine = q[w] + q[(w + 1) % 4]
    if w % 2:
        mine.reverse()
    with open("%s/w%d.jsonl" % (tmp, w), "w", encoding="utf-8") as f:
        for o in mine:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(arts), file=open(tmp + "/n", "w"))
PY
n=$(cat "$tmp/n")

# The reference: one writer, the whole set.
timeout 1200 "$bin" ingest --facts --db "$ref" "$tmp/all.jsonl" 2>"$tmp/ref.log"
check reference-load $? "single-writer load failed: $(cat "$tmp/ref.log")"

pids=()
for w in 0 1 2 3; do
    timeout 1200 "$bin" ingest --facts --batch $batch --db "$db" "$tmp/w$w.jsonl" 2>"$tmp/w$w.log" &
    pids+=($!)
done
for w in 0 1 2 3; do
    wait "${pids[$w]}"
    rc=$?
    check "writer-$w" $rc "exit $rc$([ $rc = 124 ] && echo ' (timed out: deadlock?)'): $(cat "$tmp/w$w.log")"
done
grep -il "deadlock\|error\|could not\|failed" "$tmp"/w?.log >/dev/null
check no-errors $([ $? = 1 ] && echo 0 || echo 1) "$(cat "$tmp"/w?.log)"

# Exactly once: n rows, n distinct hashes.
got=$(psql_q "$db" -c "SELECT count(*) || ' ' || count(DISTINCT hash) FROM articles")
check exactly-once $([ "$got" = "$n $n" ] && echo 0 || echo 1) "articles, distinct hashes: $got; want $n $n"
added=$(sed -n 's/^ingest: [0-9]* articles read, \([0-9]*\) added.*/\1/p' "$tmp"/w?.log | awk '{s += $1} END {print s + 0}')
# The writers' own reports must account for every article; more than n means
# some writer reported as added an article another writer stored first.
check added-reported $([ "${added:-0}" -ge "$n" ] && echo 0 || echo 1) "writers report ${added:-no} articles added in total; want $n"
[ "${added:-0}" -gt "$n" ] && echo "pg_concurrent: NOTE: writers report $added added for $n stored (ingest's 'added' counts an article when queued, before a concurrent writer can store it first)"

# Every article has all its facts: per-article counts equal the reference.
facts="SELECT a.hash, (SELECT count(*) FROM mentions x WHERE x.article_id = a.id),
  (SELECT count(*) FROM quotes x WHERE x.article_id = a.id),
  (SELECT count(*) FROM attributions x WHERE x.article_id = a.id),
  (SELECT count(*) FROM figures x WHERE x.article_id = a.id),
  (SELECT count(*) FROM times x WHERE x.article_id = a.id) FROM articles a ORDER BY a.hash"
psql_q "$ref" -c "$facts" >"$tmp/ref.facts"
psql_q "$db" -c "$facts" >"$tmp/db.facts"
cmp -s "$tmp/ref.facts" "$tmp/db.facts"
check same-facts $? "per-article fact counts differ from a single writer's: $(diff "$tmp/ref.facts" "$tmp/db.facts" | head -5)"
nfacts=$(awk -F'|' '{s += $2 + $3 + $4 + $5 + $6} END {print s + 0}' "$tmp/ref.facts")
check facts-nonempty $([ "$nfacts" -gt "$n" ] && echo 0 || echo 1) "only $nfacts facts for $n articles"

# The same search hits as the single writer's database (article numbers
# aside: they depend on which writer came first). Only the articles section:
# which full name a bare surname joins depends on the order articles arrive
# in (docs/store.md), for one writer as for four, so quotes' speakers may
# legitimately differ. Words with fewer hits than PostgreSQL ranks (the
# newest 1,000 matches, docs/store.md) even in all the news, so ties in date
# cannot change which articles make the cut.
for d in ref db; do
    url=$([ $d = ref ] && echo "$ref" || echo "$db")
    for q in police ceasefire Rafah wheat coffee cocoa; do
        "$bin" search --db "$url" --format json --limit 100000 "$q"
        echo
    done >"$tmp/$d.answers"
done
python3 - "$tmp/ref.answers" "$tmp/db.answers" <<'PY'
import json, sys
def norm(v):
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items() if k != "article"}
    if isinstance(v, list):
        return sorted((norm(x) for x in v), key=lambda x: json.dumps(x, sort_keys=True))
    return v
a, b = ([norm(json.loads(l)["articles"]) for l in open(p) if l.strip()] for p in sys.argv[1:])
sys.exit(0 if a == b and any(a) else 1)
PY
check same-answers $? "search answers differ from the single writer's database"
echo "pg_concurrent: $n articles, $nfacts facts, 4 writers, batches of $batch"
echo "pg_concurrent: $pass passed, $fail failed"
[ "$fail" = 0 ]
