#!/usr/bin/env python3
"""search_overlap.py — how alike the two store backends rank a search: for
each query, the share of the first K articles (default 10) that SQLite and
PostgreSQL have in common, and how often the first article is the same.
Their matches and fragments are identical (tests/unit/test_store_parity.c);
only the rank differs (bm25 against ts_rank, docs/store.md).

usage: python3 bench/search_overlap.py SQLITE_DB POSTGRES_URL QUERIES [K]
QUERIES: 'query|query|...' or the name of a set below (the figures in
docs/store.md: "news" on samples/ and the two BBC 2023 files, "archive" on
reuters21578.txt and the BBC 2023-24 file). Run from the repository root,
with build/factline built and both databases holding the same articles."""
import json
import subprocess
import sys

QUERY_SETS = {
    "news": "Israel|Gaza|Hamas|Israeli|Palestinian|hostages|ceasefire|humanitarian pause|oil prices|said|hospital|"
            "minist*|Gaza Strip|talks|rocket|Khan Younis|United Nations|Netanyahu|Biden|Egypt|Rafah|aid trucks|"
            "West Bank|killed|children|Lebanon|Hezbollah|Iran|strike|BBC",
    "archive": "oil prices|said|shares|dividend|Reagan|OPEC|tonnes|wheat|bank|yen|profit|loss|acquisition|merger|"
               "crude|Gaza|hostages|ceasefire|Netanyahu|aid|Rafah|Hamas|interest rates|Japan|coffee",
}


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
    lite, pg = sys.argv[1], sys.argv[2]
    queries = QUERY_SETS.get(sys.argv[3], sys.argv[3]).split("|")
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
