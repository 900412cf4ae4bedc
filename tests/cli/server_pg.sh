#!/usr/bin/env bash
# server_pg.sh — `factline ingest` and `factline serve` on PostgreSQL
# ($FACTLINE_TEST_PG, a postgresql:// URL of a throwaway database; the test
# works in a schema of its own and drops it): the same articles ingested into
# SQLite and PostgreSQL, served by two servers, answer every endpoint with
# the same JSON (search: the same results, fragments and totals, in any
# order — the rank differs, docs/store.md; with its filters too; the page's
# categories and name completion); re-running ingest adds nothing; /healthz
# counts the same articles. Skipped without FACTLINE_TEST_PG unless
# FACTLINE_REQUIRE_PG=1.
set -euo pipefail
bin="${FACTLINE_BIN:-build/factline}"
if [ -z "${FACTLINE_TEST_PG:-}" ]; then
  if [ "${FACTLINE_REQUIRE_PG:-}" = 1 ]; then echo "FAILED (FACTLINE_REQUIRE_PG=1): FACTLINE_TEST_PG is not set"; exit 1; fi
  echo "skipped: FACTLINE_TEST_PG is not set (a postgresql:// URL of a throwaway database)"; exit 77
fi
if ! command -v psql >/dev/null; then
  if [ "${FACTLINE_REQUIRE_PG:-}" = 1 ]; then echo "FAILED: psql is missing"; exit 1; fi
  echo "skipped: psql is missing (Debian package postgresql-client)"; exit 77
fi
schema="fl_test_serve_$$_$(date +%s)"
if ! psql -q -X "$FACTLINE_TEST_PG" -c "CREATE SCHEMA $schema" 2>/dev/null; then
  if [ "${FACTLINE_REQUIRE_PG:-}" = 1 ]; then echo "FAILED: cannot reach FACTLINE_TEST_PG"; exit 1; fi
  echo "skipped: cannot reach FACTLINE_TEST_PG"; exit 77
fi
case "$FACTLINE_TEST_PG" in *\?*) sep='&' ;; *) sep='?' ;; esac
url="${FACTLINE_TEST_PG}${sep}options=-csearch_path%3D${schema}"
dir=$(mktemp -d /tmp/factline-server-pg-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  psql -q -X "$FACTLINE_TEST_PG" -c "SET client_min_messages = warning; DROP SCHEMA $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

for db in "$dir/t.db" "$url"; do
  "$bin" ingest -q --facts --db "$db" tests/web/fixture.jsonl
  "$bin" ingest -q -j 1 --db "$db" samples/seed.txt samples/reuters-sample.txt
done
again=$("$bin" ingest -j 1 --db "$url" samples/reuters-sample.txt 2>&1 | tail -n1)
case "$again" in *" 0 added,"*) ;; *) echo "FAIL: re-running ingest on PostgreSQL: $again"; exit 1 ;; esac

"$bin" serve --db "$dir/t.db" --port 0 --threads 2 >/dev/null 2>"$dir/log.lite" &
pids+=($!)
"$bin" serve --db "$url" --port 0 --threads 2 >/dev/null 2>"$dir/log.pg" &
pids+=($!)
port() {
  for _ in $(seq 50); do grep -q 'listening on' "$dir/log.$1" 2>/dev/null && break; sleep 0.1; done
  sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$dir/log.$1"
}
lite=$(port lite)
pg=$(port pg)
[ -n "$lite" ] && [ -n "$pg" ] || { echo "FAIL: a server did not start"; cat "$dir"/log.*; exit 1; }

python3 - "$lite" "$pg" <<'PYEOF'
import json, sys, urllib.parse, urllib.request

lite, pg = sys.argv[1], sys.argv[2]
passed = failed = 0


def get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=20) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def same(path, search=False):
    global passed, failed
    a, b = get(lite, path), get(pg, path)
    if search and a[0] == 200 and b[0] == 200:
        # the rank differs between backends: compare rows without score, as sets
        for r in (a[1], b[1]):
            for rows in r["results"].values():
                for row in rows:
                    row.pop("score", None)
            r["results"] = {k: sorted(json.dumps(x, sort_keys=True) for x in v) for k, v in r["results"].items()}
    if a == b:
        passed += 1
    else:
        failed += 1
        print("FAIL:", path, "\n  sqlite:  ", json.dumps(a)[:400], "\n  postgres:", json.dumps(b)[:400])


h1, h2 = get(lite, "/healthz"), get(pg, "/healthz")
# SQLite reports its schema (5), PostgreSQL its answer version (4): schema 5
# changed SQLite's storage only (docs/store.md, "Schema 5").
if h1[1]["articles"] == h2[1]["articles"] and (h1[1]["schema"], h2[1]["schema"]) == (5, 4):
    passed += 1
else:
    failed += 1
    print("FAIL: /healthz", h1, h2)
for name in ["Blinken", "Antony Blinken", "Gaza", "Hamas", "health ministry", "nobody at all"]:
    same("/api/entity?name=" + urllib.parse.quote(name))
    same("/api/quotes?speaker=" + urllib.parse.quote(name))
for q in ["said", "oil prices", "\"humanitarian pause\"", "minist*", "NEAR(", "'; DROP TABLE articles; --", "",
          "gaza", "the"]:
    same("/api/search?limit=100&q=" + urllib.parse.quote(q), search=True)
for f in ["from=2023-10-10&to=2023-10-20", "from=2023-11-01", "entity=Hamas", "entity=Antony%20Blinken",
          "source=Reuters", "entity=nobody%20at%20all"]:
    for q in ["said", "gaza", "the", "minist*"]:
        same(f"/api/search?limit=100&q={urllib.parse.quote(q)}&{f}", search=True)
same("/api/categories")
same("/api/categories?from=2023-10-10&to=2023-10-20")
same("/api/categories?limit=2&offset=1")
for prefix in ["bl", "BL", "ga", "Ham", "isr", "an", "b%", "_l", "zz", "x", "", " g"]:
    same("/api/names?prefix=" + urllib.parse.quote(prefix))
same("/api/names?limit=3&offset=2&prefix=is")
for c in ["killed", "injured", "arrested"]:
    same("/api/timeline?category=" + c)
    same("/api/timeline?limit=2&offset=1&category=" + c)
    same("/api/disagree?category=" + c)
same("/api/disagree")
same("/api/quotes?limit=5&offset=3")
for i in range(1, 50):
    same(f"/api/article?id={i}")
same("/api/article?id=999999")
print(f"server_pg: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PYEOF
