#!/usr/bin/env bash
# store_kill.sh — ingest is idempotent and crash-safe: kill it with SIGKILL at
# random moments several times, then finish; every article must be stored
# exactly once and the database (and its full-text index) must be consistent.
set -u
bin=${FACTLINE_BIN:-build/factline}
pass=0 fail=0
check() { if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $1: $3"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 20,000 distinct extracted articles (the `factline extract --text` format,
# with entities and figures), built from the bundled Reuters sample; stored
# with `ingest --facts` so the test measures the store, not extraction.
python3 - "$tmp/in.jsonl" <<'PY'
import json, re, sys
src = open("samples/reuters-sample.txt", encoding="utf-8").read()
arts = [a for a in re.split(r"(?m)^(?=date \d{4}-\d{2}-\d{2} )", src) if a.strip()]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(20000):
        head, _, body = arts[i % len(arts)].partition("\n")
        headline = "%s (copy %d)" % (head[16:].strip(), i)
        text = headline + "\n\n" + body.strip()
        o = {"id": "c%d" % i, "date": "1987-%02d-%02d" % (i % 12 + 1, i % 28 + 1), "headline": headline, "text": text,
             "entities": [{"name": "Person %d" % (i % 50), "type": "PER", "aliases": [], "mentions": [[0, 6]]}],
             "quotes": [{"start": 0, "end": 6, "kind": "scare"}] if i % 4 == 0 else [], "attributions": [],
             "figures": [{"text": "%d" % i, "start": 0, "end": 3, "value": i, "low": i, "high": i,
                          "qualifier": "exact", "category": "other", "subject": "bags", "source": None,
                          "date": None, "place": None}],
             "times": []}
        out.write(json.dumps(o) + "\n")
PY
db="$tmp/kill.db"
seed=7
counts=""
for round in 1 2 3 4 5 6; do
    "$bin" ingest -q --facts --batch 40 --db "$db" "$tmp/in.jsonl" 2>/dev/null &
    pid=$!
    delay=$(python3 -c "import random; random.seed($seed + $round); print('%.3f' % random.uniform(0.05, 1.0))")
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    [ -f "$db" ] && counts="$counts $(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$db")"
done
# The kills must have hit mid-run: some round left a partial database.
check killed-mid-run $(python3 -c "import sys; c=[int(x) for x in sys.argv[1:]]; sys.exit(0 if any(0 < x < 20000 for x in c) else 1)" $counts; echo $?) "counts after kills:$counts"

"$bin" ingest -q --facts --db "$db" "$tmp/in.jsonl"
check final-run $? "the final ingest failed"
out=$("$bin" ingest --facts --db "$db" "$tmp/in.jsonl" 2>&1)
check rerun-adds-nothing $(grep -q "20000 articles read, 0 added, 20000 already stored" <<<"$out"; echo $?) "$out"

python3 - "$db" <<'PY'
import sqlite3, sys, zlib
c = sqlite3.connect(sys.argv[1])
# Schema 4 stores article text as a zlib stream (BLOB) or as itself (TEXT);
# another program reads it with its own fl_text (docs/store.md).
c.create_function("fl_text", 1, lambda b: zlib.decompress(b).decode() if isinstance(b, bytes) else b, deterministic=True)
# Schema 5 keeps a headline only when it is not the text's first line.
c.create_function("fl_headline", 2, lambda h, b: h if h is not None else
                  (zlib.decompress(b).decode() if isinstance(b, bytes) else b).split("\n\n", 1)[0], deterministic=True)
# ... and a quote's text only when it is not its span's bytes (read here
# through a second connection, as the store reads it with its own statement).
c2 = sqlite3.connect(sys.argv[1])
def quote_text(q, aid, s, e):
    if q is not None or s is None or e is None: return q
    b = c2.execute("select body from articles where id = ?", (aid,)).fetchone()[0]
    return (zlib.decompress(b) if isinstance(b, bytes) else b.encode())[s:e].decode()
c.create_function("fl_quote_text", 4, quote_text, deterministic=True)
n = c.execute("select count(*) from articles").fetchone()[0]
d = c.execute("select count(distinct hash) from articles").fetchone()[0]
ok = c.execute("pragma integrity_check").fetchone()[0]
fts = c.execute("select count(*) from articles_fts").fetchone()[0]
c.execute("insert into articles_fts(articles_fts) values('integrity-check')")
c.execute("insert into quotes_fts(quotes_fts) values('integrity-check')")
quotes = c.execute("select count(*) from quotes where text is not null").fetchone()[0]
figs = c.execute("select count(*) from figures").fetchone()[0]
texts = c.execute("select count(*) from articles where text like '%(copy %'").fetchone()[0]
ments = c.execute("select count(*) from mentions").fetchone()[0]
problems = []
if n != 20000: problems.append("articles %d, want 20000" % n)
if d != n: problems.append("duplicate hashes")
if ok != "ok": problems.append("integrity_check: " + ok)
if fts != n: problems.append("fts rows %d != articles %d" % (fts, n))
if quotes != 5000: problems.append("quote texts read for %d of 5000 quotes" % quotes)
if texts != n: problems.append("texts readable for %d of %d articles" % (texts, n))
if figs != n or ments != n: problems.append("facts not stored exactly once: %d figures, %d mentions" % (figs, ments))
print("; ".join(problems))
sys.exit(1 if problems else 0)
PY
check consistent $? "database after kills"

# End to end from raw articles: a second run adds nothing.
"$bin" ingest -q --db "$tmp/raw.db" samples/seed.txt samples/reuters-sample.txt
check raw-ingest $? "ingest of the samples"
out=$("$bin" ingest --db "$tmp/raw.db" samples/seed.txt samples/reuters-sample.txt 2>&1)
check raw-rerun $(grep -q "41 articles read, 0 added, 41 already stored" <<<"$out"; echo $?) "$out"

# Read-only questions on the result; a missing database is a clear error.
"$bin" search --db "$db" --format json "COCOA" >"$tmp/s.json"
check search $? "search failed"
python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert len(o["articles"]) == 20' "$tmp/s.json"
check search-json $? "search JSON shape"
"$bin" search --db "$tmp/none.db" x 2>"$tmp/err"
check missing-db $([ $? = 2 ] && grep -q "none.db" "$tmp/err" && echo 0 || echo 1) "$(cat "$tmp/err")"
"$bin" search --db "$db" --format csv --limit 2 'NEAR( "cocoa *' >"$tmp/s.csv"
check hostile-csv $? "hostile search"
echo "store_kill: $pass passed, $fail failed"
[ "$fail" = 0 ]
