#!/usr/bin/env bash
# server_api.sh — `factline serve` over HTTP: status codes and JSON shapes of
# every endpoint, pagination, and hostile requests (path traversal, long
# targets and headers, bad methods, bodies, malformed percent-encoding,
# invalid UTF-8, huge page sizes, slow and many clients, garbage). The
# server must answer each with the right 4xx or close the connection, keep
# serving, and exit 0 (no sanitizer report) on SIGTERM. The database is
# tests/web/fixture.jsonl (hand-written facts with hostile text) plus the
# real articles of samples/. Not for: the page in a browser (tests/web).
set -euo pipefail
bin="${FACTLINE_BIN:-build/factline}"
dir=$(mktemp -d /tmp/factline-server-api-XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT

"$bin" ingest -q --facts --db "$dir/t.db" tests/web/fixture.jsonl
"$bin" ingest -q --db "$dir/t.db" samples/seed.txt samples/reuters-sample.txt

# Usage errors.
if "$bin" serve --port 70000 2>/dev/null; then echo "FAIL: --port 70000 accepted"; exit 1; fi
if "$bin" serve --db "$dir/missing.db" --port 0 2>/dev/null; then echo "FAIL: a missing database served"; exit 1; fi
if "$bin" serve --db "$dir/t.db" --bind 'not-an-address' --port 0 2>/dev/null; then echo "FAIL: bad --bind"; exit 1; fi

"$bin" serve --db "$dir/t.db" --port 0 --threads 2 --max-connections 40 --timeout 2 2>"$dir/log" &
pid=$!
for _ in $(seq 50); do grep -q 'listening on' "$dir/log" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$dir/log")
[ -n "$port" ] || { echo "FAIL: server did not start"; cat "$dir/log"; exit 1; }

python3 - "$port" "$bin" "$dir/t.db" <<'PYEOF'
import json, socket, subprocess, sys, time

port = int(sys.argv[1])
failed = 0
passed = 0


def check(cond, what):
    global failed, passed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def raw(data, timeout=5.0):
    """Sends raw bytes, returns (status, headers dict, body bytes); status 0 if closed without answer."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        chunks = []
        while True:
            try:
                c = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not c:
                break
            chunks.append(c)
    finally:
        s.close()
    resp = b"".join(chunks)
    if not resp.startswith(b"HTTP/"):
        return 0, {}, resp
    head, _, body = resp.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for l in lines[1:]:
        k, _, v = l.partition(b":")
        headers[k.strip().lower().decode()] = v.strip().decode("latin-1")
    return status, headers, body


def get(target, method="GET", extra=b""):
    return raw(method.encode() + b" " + (target.encode() if isinstance(target, str) else target) +
               b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + extra + b"\r\n")


def api(target):
    st, h, body = get(target)
    try:
        return st, h, json.loads(body)
    except ValueError:
        return st, h, None


def sqlite(db, sql, args=()):
    """Rows of a read-only query on the test database, to compare answers with."""
    import sqlite3
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def is_error(st, doc, code):
    return st == code and isinstance(doc, dict) and doc.get("error", {}).get("status") == code


# /healthz and the common headers
st, h, doc = api("/healthz")
check(st == 200 and doc["status"] == "ok" and doc["articles"] == 46 and doc["schema"] >= 2, "healthz %s %s" % (st, doc))
check(h.get("content-type") == "application/json; charset=utf-8", "healthz content type")
csp = h.get("content-security-policy", "")
check("script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp, "CSP: " + csp)
check(h.get("x-content-type-options") == "nosniff" and h.get("cache-control") == "no-store", "healthz headers")

# the page
st, h, body = get("/")
check(st == 200 and h.get("content-type", "").startswith("text/html") and b"<script src=" in body, "index %s" % st)
check(b"<script>" not in body and b" on" + b"click=" not in body, "index has no inline script")
etag = h.get("etag")
check(etag and h.get("cache-control") == "no-cache", "index ETag")
st, h, body = get("/", extra=b"If-None-Match: " + etag.encode() + b"\r\n")
check(st == 304 and body == b"", "If-None-Match gives 304, got %s" % st)
st, h, body = get("/app.js")
check(st == 200 and h.get("content-type", "").startswith("text/javascript") and len(body) > 1000, "app.js %s" % st)
st, h, body = get("/style.css")
check(st == 200 and h.get("content-type", "").startswith("text/css"), "style.css %s" % st)
st, h, body = get("/", method="HEAD")
check(st == 200 and body == b"" and int(h.get("content-length", "0")) > 0, "HEAD / %s %r" % (st, body[:20]))
st, h, doc = api("/nothing-here.html")
check(is_error(st, doc, 404), "missing file %s" % st)
st, h, doc = api("/api/nothing")
check(is_error(st, doc, 404), "missing endpoint %s" % st)

# search: shape and pagination
st, h, doc = api("/api/search?q=toll")
check(st == 200, "search %s" % st)
arts = doc["results"]["articles"]
check(len(arts) == 4, "search toll: %d articles" % len(arts))
check(set(arts[0]) == {"article", "date", "headline", "source", "snippet", "score"}, "search row keys %s" % list(arts[0]))
check(isinstance(arts[0]["article"], int) and isinstance(arts[0]["score"], float), "search types")
check(doc["query"] == {"question": "search", "q": "toll", "from": None, "to": None, "source": None, "entity": None},
      "search query echo %s" % doc["query"])
check(doc["page"] == {"limit": 20, "offset": 0, "more": {"articles": False, "quotes": False}, "next_offset": None,
                      "total": {"articles": {"count": 4, "capped": False}, "quotes": {"count": 0, "capped": False}}},
      "search page %s" % doc["page"])
st, h, doc = api("/api/search?q=toll&limit=2")
check(doc["page"]["more"]["articles"] is True and doc["page"]["next_offset"] == 2 and len(doc["results"]["articles"]) == 2,
      "search page 1 %s" % doc["page"])
st, h, doc2 = api("/api/search?q=toll&limit=2&offset=2")
check(len(doc2["results"]["articles"]) == 2 and doc2["page"]["next_offset"] is None, "search page 2 %s" % doc2["page"])
check(doc2["results"]["articles"][0]["article"] not in [a["article"] for a in doc["results"]["articles"]], "pages differ")
st, h, doc = api("/api/search?q=cocoa&from=1987-01-01&to=1987-12-31")
check(st == 200 and len(doc["results"]["articles"]) >= 1, "search cocoa in real articles")
st, h, doc = api("/api/search?q=everything")
check(st == 200 and len(doc["results"]["quotes"]) == 1, "quote search")
check(set(doc["results"]["quotes"][0]) == {"article", "date", "speaker", "kind", "quote", "start", "end"}, "quote row keys")

# totals: every page of a search says how many rows the search pages through, and the
# pages add up to it (the filters count too)
for q in ["said", "the", "cocoa", "toll&from=2023-11-05", "Blinken", "said&entity=Antony+Blinken"]:
    st, h, first = api("/api/search?q=%s&limit=7" % q)
    check(st == 200 and set(first["page"]["total"]) == {"articles", "quotes"}, "search %s total %s" % (q, first["page"]))
    for section in ("articles", "quotes"):
        total = first["page"]["total"][section]
        check(total["capped"] is False and isinstance(total["count"], int), "total %s %s" % (q, total))
        seen, offset = [], 0
        while offset is not None and offset < 500:
            st, h, d = api("/api/search?q=%s&limit=7&offset=%d" % (q, offset))
            seen += [(r["article"], r.get("start")) for r in d["results"][section]]
            check(d["page"]["total"] == first["page"]["total"], "total stays on page %d of %s" % (offset, q))
            offset = d["page"]["next_offset"] if d["page"]["more"][section] else None
        check(len(seen) == total["count"] and len(set(seen)) == len(seen),
              "search %s %s: %d rows paged, total %d" % (q, section, len(seen), total["count"]))
st, h, doc = api("/api/search?q=said&limit=1")
check(doc["page"]["total"]["articles"]["count"] > 20, "said is in many articles %s" % doc["page"]["total"])
st, h, doc = api("/api/search?q=said&limit=5&offset=1000")
check(st == 200 and doc["results"]["articles"] == [] and doc["page"]["next_offset"] is None, "past the last page")

# categories: the figure categories with their counts, most first, as the store has them
st, h, doc = api("/api/categories")
cats = doc["results"]["categories"]
check(st == 200 and doc["query"] == {"question": "categories", "from": None, "to": None}, "categories %s %s" % (st, doc.get("query")))
check(cats and set(cats[0]) == {"category", "figures", "cumulative", "first", "last"}, "category keys %s" % cats[:1])
check([c["figures"] for c in cats] == sorted([c["figures"] for c in cats], reverse=True), "categories by count")
want = dict(sqlite(sys.argv[3], "SELECT category, count(*) FROM figures WHERE category IS NOT NULL GROUP BY category"))
check({c["category"]: c["figures"] for c in cats} == want, "category counts %s vs %s" % (cats, want))
check({c["category"]: c["cumulative"] for c in cats}.get("killed") == 1 and
      {c["category"]: c["cumulative"] for c in cats}.get("hostages") == 0, "cumulative flags")
st, h, doc = api("/api/categories?from=2023-11-05&to=2023-11-05")
check(st == 200 and all(c["first"] == "2023-11-05" == c["last"] for c in doc["results"]["categories"]) and
      sum(c["figures"] for c in doc["results"]["categories"]) < sum(want.values()), "categories in a period")
st, h, doc = api("/api/categories?limit=1")
check(len(doc["results"]["categories"]) == 1 and doc["page"]["more"]["categories"] is True, "categories paged")

# names: completion over canonical entities, by alias or name, case-insensitive, most mentioned first
st, h, doc = api("/api/names?prefix=blin")
names = doc["results"]["names"]
check(st == 200 and names and names[0] == {"name": "Antony Blinken", "type": "PER", "mentions": names[0]["mentions"]},
      "names blin %s" % names)
check(names[0]["mentions"] == sqlite(sys.argv[3], "SELECT sum(m.count) FROM mentions m JOIN entities e ON e.id = m.entity_id"
                                                  " WHERE e.name = 'Antony Blinken'")[0][0], "mention count")
st, h, doc = api("/api/names?prefix=GA&limit=50")
ns = doc["results"]["names"]
for n in ns:
    aliases = [a for (a,) in sqlite(sys.argv[3], "SELECT x.alias FROM entity_aliases x JOIN entities e ON e.id = x.entity_id"
                                                 " WHERE e.name = ? AND e.type = ?", (n["name"], n["type"]))]
    check(any(a.lower().startswith("ga") for a in aliases), "%s has an alias starting with ga: %s" % (n, aliases))
check([n["mentions"] for n in ns] == sorted([n["mentions"] for n in ns], reverse=True), "names by mentions")
check(any(n["name"] == "Gaza" for n in ns), "Gaza offered %s" % ns)
for bad in ["/api/names", "/api/names?prefix=", "/api/names?prefix=a", "/api/names?prefix=%20b", "/api/names?q=ab",
            "/api/categories?category=killed", "/api/categories?limit=0"]:
    st, h, doc = api(bad)
    check(is_error(st, doc, 400), "%s -> %s" % (bad, st))
for wild in ["%25%25", "__", "a%25", "%5C%5C", "\u0027%20OR%201=1"]:
    st, h, doc = api("/api/names?prefix=" + wild)
    check(st == 200 and doc["results"]["names"] == [], "wildcards are literal: %s %s" % (wild, doc))
st, h, body = get("/api/names?prefix=%3Cs")
check(st == 200 and b"<" not in body, "names escape <")

# hostile text comes back escaped: no raw < > in any JSON body
st, h, body = get("/api/article?id=fx-1")
check(st == 200 and b"<" not in body and b">" not in body and b"\\u003cscript\\u003e" in body, "article escapes <script>")
doc = json.loads(body)
check(doc["results"]["article"][0]["headline"] == 'Health ministry says <script>alert("x")</script> toll passes 9,200',
      "headline round trip")
check(len(doc["results"]["figures"]) == 1 and len(doc["results"]["quotes"]) == 2 and len(doc["results"]["times"]) == 2,
      "article facts")
f = doc["results"]["figures"][0]
text = doc["results"]["article"][0]["text"].encode()
check(text[f["start"]:f["end"]] == b"more than 9,200 Palestinians", "figure span into text")
for q in ['"<script>', '"><img src=x onerror=alert(1)>', "javascript:alert(1)", 'NEAR(a b', '*', '"', "a" * 1000,
          "\u00e9t\u00e9 \u2028 \U0001F600"]:
    from urllib.parse import quote as pct
    st, h, body = get("/api/search?q=" + pct(q))
    check(st in (200, 400) and b"<" not in body, "hostile search %r: %s" % (q[:20], st))

# entity, quotes, timeline, disagree, article
st, h, doc = api("/api/entity?name=Blinken")
check(st == 200 and doc["results"]["entity"][0]["name"] == "Antony Blinken", "entity %s" % st)
check([a["alias"] for a in doc["results"]["aliases"]] == ["Antony Blinken", "Blinken"], "aliases")
# the fixture's two quotes, and the seed article's (real extraction) too
check(len(doc["results"]["quotes"]) >= 2 and list(doc["results"]) ==
      ["entity", "aliases", "mentions_per_day", "co_occurring", "quotes", "attributions"], "entity sections")
st, h, doc = api("/api/entity?name=%3Csvg%20onload%3Dalert(3)%3E")
check(st == 200 and doc["results"]["entity"][0]["name"] == "<svg onload=alert(3)>", "hostile entity name")
st, h, doc = api("/api/entity?name=Nobody%20Atall")
check(is_error(st, doc, 404), "unknown entity %s" % st)
st, h, doc = api("/api/quotes?speaker=Antony%20Blinken")
texts = [q["text"] for q in doc["results"]["quotes"]] if st == 200 else []
check({"humanitarian pauses", "We are ready to work on pauses"} <= set(texts) and
      all(q["speaker"] == "Antony Blinken" for q in doc["results"]["quotes"]), "quotes by speaker")
st, h, doc = api("/api/quotes")
check(st == 200 and len(doc["results"]["quotes"]) >= 4, "all quotes: %d" % len(doc["results"]["quotes"]))
st, h, doc = api("/api/timeline?category=killed&subject=Palestinians&place=Gaza")
rows = doc["results"]["timeline"]
check(st == 200 and [r["value"] for r in rows] == [9200, 5000, 9000, 10022, 10000, 10328], "timeline values")
check({"as_of", "source", "value", "low", "high", "qualifier", "running_max", "article", "sentence", "start", "end"}
      <= set(rows[0]), "timeline keys %s" % list(rows[0]))
st, h, doc = api("/api/timeline?category=killed&source=Gaza%20Ministry%20of%20Health")
# the fixture's four, and the seed's own (real extraction) "more than 9,200"
check(st == 200 and len(doc["results"]["timeline"]) >= 4, "timeline by source")
st, h, doc = api("/api/disagree?category=killed")
check(st == 200 and len(doc["results"]["conflicting_figures"]) >= 1 and len(doc["results"]["decreasing_cumulative"]) == 1,
      "disagree %s" % st)
check(doc["results"]["decreasing_cumulative"][0]["later_value"] == 9000, "decreasing value")
st, h, doc = api("/api/article?id=3")
check(st == 200 and doc["results"]["article"][0]["id"] == 3 and doc["page"]["more"]["figures"] is False, "article by number")
st, h, doc = api("/api/article?id=999999")
check(is_error(st, doc, 404), "missing article %s" % st)

# bad parameters
for target, code in [("/api/article", 400), ("/api/search", 400), ("/api/search?q=", 400), ("/api/search?q=%21%21", 400),
                     ("/api/entity", 400), ("/api/search?q=a&lmit=3", 400), ("/api/search?q=a&q=b", 400),
                     ("/api/search?q=a&limit=0", 400), ("/api/search?q=a&limit=1001", 400),
                     ("/api/search?q=a&limit=99999999999999999999", 400), ("/api/search?q=a&limit=abc", 400),
                     ("/api/search?q=a&limit=-1", 400), ("/api/search?q=a&offset=-1", 400),
                     ("/api/search?q=a&offset=1000001", 400), ("/api/search?q=a&from=2023-13-01", 400),
                     ("/api/search?q=a&to=yesterday", 400), ("/api/article?id=1&limit=5", 400),
                     ("/api/search?q=" + "a" * 1025, 400), ("/api/search?q=%zz", 400), ("/api/search?q=%4", 400),
                     ("/api/search?q=a%00b", 400), ("/api/search?q=%e2%82", 400), ("/api/search?q=%ff", 400),
                     ("/api/search?q=a%0ab", 400), ("/api/search?q=a&%ff=1", 400)]:
    st, h, doc = api(target)
    check(is_error(st, doc, code), "%s -> %s, want %s" % (target[:60], st, code))
st, h, doc = api("/api/search?q=a&limit=1000")
check(st == 200, "limit=1000 is allowed")

# paths
for target in ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/web/../CMakeLists.txt", "/./index.html",
               "/index.html%00", "//etc/passwd", "/..%5c..%5cetc/passwd", "/api/../healthz", "/%c0%ae%c0%ae/etc/passwd"]:
    st, h, body = get(target)
    check(st in (400, 404) and b"root:" not in body, "path %s -> %s" % (target, st))
st, h, body = get("/" + "a" * 5000)
check(st == 414, "5000-byte target -> %s" % st)
st, h, body = get("/api/search?q=" + "a" * 100000)
check(st == 414, "100 kB target -> %s" % st)
st, h, body = get("/healthz", extra=b"X-Big: " + b"b" * 100000 + b"\r\n")
check(st == 431, "100 kB header -> %s" % st)

# methods and bodies
for m in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "FOO"]:
    st, h, doc = api_m = (lambda r: (r[0], r[1], json.loads(r[2]) if r[2] else None))(get("/api/search?q=a", method=m))
    check(is_error(st, doc, 405) and h.get("allow") == "GET, HEAD", "%s -> %s" % (m, st))
st, h, body = get("/api/search?q=a", extra=b"Content-Length: 11\r\n\r\nhello world")
check(st == 413, "GET with a body -> %s" % st)
st, h, body = get("/healthz", method="POST", extra=b"Content-Length: 1000000000000\r\n")
check(st in (405, 413), "POST with a huge body -> %s" % st)
st, h, body = get("/healthz", extra=b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n")
check(st in (413, 400), "chunked GET -> %s" % st)

# garbage
for junk in [b"\x00\xff\xfe garbage\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\r\n\r\n\r\n",
             b"GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n", b"G" * 70000]:
    st, h, body = raw(junk)
    check(st == 0 or 400 <= st < 600 and st != 500, "garbage %r -> %s" % (junk[:16], st))
st, h, body = raw(b"GET /healthz HTTP/1.0\r\n\r\n")
check(st == 200, "HTTP/1.0 without Host -> %s" % st)

# keep-alive: two requests on one connection
s = socket.create_connection(("127.0.0.1", port), timeout=5)
s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
data = b""
while True:
    c = s.recv(65536)
    if not c:
        break
    data += c
s.close()
check(data.count(b"HTTP/1.1 200") == 2, "pipelined keep-alive requests")

# a slow client is cut off after the idle timeout (2 s here); others are served meanwhile
slow = socket.create_connection(("127.0.0.1", port), timeout=10)
slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
t0 = time.time()
st, h, doc = api("/healthz")
check(st == 200, "served while a slow client waits")
try:
    got = slow.recv(100)
except (ConnectionResetError, socket.timeout):
    got = b""
elapsed = time.time() - t0
slow.close()
check(not got.startswith(b"HTTP/1.1 200") and elapsed < 6, "slow client closed after %.1f s (%r)" % (elapsed, got[:12]))

# more clients than the connection limit (40 here): the extra ones are refused, the server lives on
conns = []
for _ in range(60):
    try:
        conns.append(socket.create_connection(("127.0.0.1", port), timeout=2))
    except OSError:
        break
for c in conns:
    c.close()
time.sleep(0.2)
st, h, doc = api("/healthz")
check(st == 200, "healthy after too many connections")

# The answer cache: a repeated question is answered from it (same body, a hit counted),
# and an article stored meanwhile empties it, so the next answer includes the article.
st1, h1, b1 = get("/api/search?q=zebracrossing")
st2, h2, b2 = get("/api/search?q=zebracrossing")
st, h, doc = api("/healthz")
check(st1 == st2 == 200 and b1 == b2 and doc["cache"]["hits"] >= 1, "cached answer: %s" % doc.get("cache"))
check(json.loads(b1)["results"]["articles"] == [], "nothing about zebras yet")
art = b"date 2023-11-09 Zebra crossing\nA new zebracrossing opened in Gaza City.\n"
subprocess.run([sys.argv[2], "ingest", "-q", "--db", sys.argv[3], "-"], input=art, check=True)
st, h, b3 = get("/api/search?q=zebracrossing")
check(st == 200 and len(json.loads(b3)["results"]["articles"]) == 1, "the cache follows the database: %s" % b3[:200])
print("server_api: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PYEOF

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
if [ "$status" != 0 ]; then echo "FAIL: server exited with $status"; cat "$dir/log"; exit 1; fi
if grep -q 'ERROR: \(Address\|Leak\)Sanitizer\|runtime error' "$dir/log"; then cat "$dir/log"; exit 1; fi
echo "server_api: server stopped cleanly"
