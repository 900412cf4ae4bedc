#!/usr/bin/env python3
"""search_queries.py DB > QUERIES — the searches bench/search_answers.c asks
to compare two builds: every search class of bench_store.c (common and rare
words, names, several words, phrases, prefixes, hostile syntax) without
filters, with dates (the newest, median and oldest month of DB, its oldest
year, an open start, an open end, a range with nothing in it), with entities
(frequent, rare, unknown; with and without dates), with a source, and the
last page of a window. Dates and entities are read from DB, so the list
fits any database built from ../shared/data/news."""
import sqlite3
import sys

TERMS = [
    "said", "Gaza", "Israel", "bank", "prices", "Hamas", "trade", "government",
    "cocoa", "zinc", "tapioca", "kibbutz", "Yemen", "UNRWA", "coffee", "OPEC",
    "Netanyahu", "Blinken", "Antony Blinken", "Yahya Sinwar", "Paul Volcker", "Benjamin Netanyahu",
    "hostages released", "oil prices", "interest rates", "humanitarian pause", "trade deficit",
    '"humanitarian pause"', '"West Bank"', '"Health Ministry"', '"said on Monday"',
    "negotiat*", "hostage*", "Palestin*", "inflat*",
    'NEAR( "unbalanced', "* said OR", "zzzzqqq",
]


def main():
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
    one = lambda sql: db.execute(sql).fetchone()[0]
    newest, oldest = one("SELECT max(date) FROM articles"), one("SELECT min(date) FROM articles")
    median = one("SELECT date FROM articles ORDER BY date LIMIT 1 OFFSET (SELECT count(*) / 2 FROM articles)")
    month = lambda d: (d[:7] + "-01", d[:7] + "-31")
    dates = [month(newest), month(median), month(oldest), (oldest[:4] + "-01-01", oldest[:4] + "-12-31"),
             (median, ""), ("", median), ("0001-01-01", "0001-12-31")]
    # Entities: the first few ids (seen early, so frequent), a late one (rare), and an unknown name.
    names = [r[0] for r in db.execute("SELECT name FROM entities WHERE type IN ('PER','ORG','LOC') ORDER BY id LIMIT 3")]
    names += [r[0] for r in db.execute("SELECT name FROM entities WHERE type = 'PER' ORDER BY id DESC LIMIT 1")]
    names += ["Nobody Atall"]
    out = []
    for t in TERMS:
        out.append((t, "", "", "", "", "", ""))
        out.append((t, "", "", "", "", "990", "20"))
        for f, to in dates:
            out.append((t, f, to, "", "", "", ""))
        out.append((t, dates[1][0], dates[1][1], "", "", "", "5"))
        for n in names:
            out.append((t, "", "", n, "", "", ""))
        out.append((t, dates[0][0], dates[0][1], names[0], "", "", ""))
        out.append((t, dates[2][0], dates[2][1], names[1], "", "", ""))
        out.append((t, "", "", "", "Reuters", "", ""))
        out.append((t, dates[2][0], dates[2][1], "", "Reuters", "", ""))
    for row in out:
        print("\t".join(row))


if __name__ == "__main__":
    main()
