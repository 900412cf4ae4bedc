#!/usr/bin/env python3
"""search_overlap.py — how alike the two store backends rank a search: for
each query, the share of the first K articles (default 10) that SQLite and
PostgreSQL have in common, and how often the first article is the same.
Their matches and fragments are identical (tests/unit/test_store_parity.c);
only the rank differs (bm25 against ts_rank, docs/store.md).

usage: python3 bench/search_overlap.py SQLITE_DB POSTGRES_URL 'query|query|...' [K]
(run from the repository root, with build/factline built, both databases
holding the same articles)."""
import json
import subprocess
import sys


def top(db, q, k):
    out = subprocess.run(["./build/factline", "search", "--db", db, "--format", "json", "--limit", str(k), q],
                         capture_output=True, text=True).stdout
    try:
        return [r["article"] for r in json.loads(out)["articles"]]
    except (ValueError, KeyError):
        return []


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    lite, pg, queries = sys.argv[1], sys.argv[2], sys.argv[3].split("|")
    k = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    share = first = asked = 0
    for q in queries:
        a, b = top(lite, q, k), top(pg, q, k)
        if not a:
            continue
        asked += 1
        share += len(set(a) & set(b)) / len(a)
        first += a[0] == (b[0] if b else None)
    print(f"top-{k} overlap {share / max(asked, 1):.3f} over {asked} queries; same first article {first}/{asked}")


main()
