# store_v5_candidates.py DB [CANDIDATE...] — sizes what a schema 5 could save
# (docs/store.md, "Schema 5", which holds A and C-I): for each candidate, a copy of DB (schema 4)
# with the change applied in SQL, then VACUUM, against a VACUUMed copy as it
# is ("baseline"); "ALL" applies every candidate to one copy. It also checks
# which stored texts are exactly their span's bytes in the article (so a
# schema could keep the span only). Sizes storage only: no answer is asked.
# Not a test; copies go to /tmp/st (override with FL_TMP); RAW is the raw
# text size of ../shared/data/news (cat news/*.txt | wc -c).
import sqlite3, sys, zlib, os
base = sys.argv[1]
RAW = int(os.environ.get("FL_RAW", "23785690"))
TMP = os.environ.get("FL_TMP", "/tmp/st")
os.makedirs(TMP, exist_ok=True)
def fl_text(b): return zlib.decompress(b).decode() if isinstance(b, bytes) else b
def body_bytes(b): return zlib.decompress(b) if isinstance(b, bytes) else b.encode()
def varint(n, out):
    while True:
        b = n & 0x7f; n >>= 7
        if n: out.append(b | 0x80)
        else: out.append(b); return
class Pack:
    def __init__(self): self.ids = []
    def step(self, i): self.ids.append(i)
    def finalize(self):
        out = bytearray(); prev = 0
        for i in sorted(self.ids): varint(i - prev, out); prev = i
        return bytes(out)
import datetime
def day(d): # a day number (any dense integer encoding sizes alike)
    try: return datetime.date.fromisoformat(d).toordinal()
    except Exception: return None
def open_copy(name):
    p = os.path.join(TMP, "c_%s.db" % name)
    for s in ("", "-wal", "-shm"):
        if os.path.exists(p + s): os.remove(p + s)
    src = sqlite3.connect(base); dst = sqlite3.connect(p); src.backup(dst); src.close()
    for f, n, fn in (("fl_text", 1, fl_text), ("fl_day", 1, day)):
        dst.create_function(f, n, fn, deterministic=True)
    dst.create_aggregate("fl_pack_ids", 1, Pack)
    return dst, p
texts = {}
def span(aid, s, e):
    if aid not in texts: texts[aid] = body_bytes(con0.execute("select body from articles where id=?", (aid,)).fetchone()[0])
    return texts[aid][s:e].decode("utf-8", "replace") if s is not None else None
con0 = sqlite3.connect(base)
# derivability checks: is the stored text exactly the span's bytes?
rows = con0.execute("select article_id, source, source_start, source_end, cue, cue_start, cue_end from attributions").fetchall()
ds = sum(1 for r in rows if r[1] is not None and span(r[0], r[2], r[3]) == r[1])
dc = sum(1 for r in rows if r[4] is not None and span(r[0], r[5], r[6]) == r[4])
print("attributions: %d rows, source == its span in %d of %d, cue == its span in %d of %d" % (
    len(rows), ds, sum(r[1] is not None for r in rows), dc, sum(r[4] is not None for r in rows)))
rows = con0.execute("select article_id, text, start, end from times").fetchall()
dt = sum(1 for r in rows if r[1] is not None and span(r[0], r[2], r[3]) == r[1])
print("times: %d rows, text == its span in %d" % (len(rows), dt))
rows = con0.execute("select article_id, text, start, end from quotes").fetchall()
print("quotes: %d rows, text == its span in %d" % (len(rows), sum(1 for r in rows if span(r[0], r[2], r[3]) == r[1])))
rows = con0.execute("select article_id, text, start, end from figures").fetchall()
print("figures: %d rows, text == its span in %d" % (len(rows), sum(1 for r in rows if r[1] is not None and span(r[0], r[2], r[3]) == r[1])))
con0.create_function("fl_text", 1, fl_text, deterministic=True)

def span_sql(db):
    db.create_function("fl_span", 3, lambda a, s, e: span(a, s, e), deterministic=True)

C = {
 "baseline": "",
 "A_org_self_keys": "DELETE FROM org_keys WHERE key = canonical;",
 "B_org_words_ids": """CREATE TABLE org_canon(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
   INSERT INTO org_canon(key) SELECT DISTINCT canonical FROM org_words ORDER BY 1;
   CREATE TABLE ow(word TEXT NOT NULL, cid INTEGER NOT NULL, PRIMARY KEY(word, cid)) WITHOUT ROWID;
   INSERT INTO ow SELECT w.word, c.id FROM org_words w JOIN org_canon c ON c.key = w.canonical;
   DROP TABLE org_words;""",
 "C_article_entities": """CREATE TABLE article_entities(article_id INTEGER PRIMARY KEY, ids BLOB NOT NULL);
   INSERT INTO article_entities SELECT article_id, fl_pack_ids(entity_id) FROM mentions GROUP BY article_id;
   DROP INDEX mentions_article;""",
 "D_attr_spans_only": """UPDATE attributions SET source = NULL WHERE source = fl_span(article_id, source_start, source_end);
   UPDATE attributions SET cue = NULL WHERE cue = fl_span(article_id, cue_start, cue_end);""",
 "E_attr_type_int": """UPDATE attributions SET source_type = CASE source_type WHEN 'anonymous' THEN 1 WHEN 'government' THEN 2
   WHEN 'media' THEN 3 WHEN 'organisation' THEN 4 WHEN 'person' THEN 5 WHEN 'unknown' THEN 6 END;""",
 "F_times_text_spans": "UPDATE times SET text = NULL WHERE text = fl_span(article_id, start, end);",
 "G_times_type_int": "UPDATE times SET type = CASE type WHEN 'DATE' THEN 1 WHEN 'DURATION' THEN 2 WHEN 'SET' THEN 3 WHEN 'TIME' THEN 4 END;",
 "H_int_dates": """UPDATE mentions SET date = fl_day(date); UPDATE attributions SET date = fl_day(date);
   UPDATE quotes SET date = fl_day(date);""",
 "I_figures_text_spans": "UPDATE figures SET text = NULL WHERE text = fl_span(article_id, start, end);",
}
C["ALL"] = "\n".join(v for k, v in C.items() if k != "baseline")
which = sys.argv[2:] or list(C)
sizes = {}
for name in which:
    db, p = open_copy(name); span_sql(db)
    db.executescript(C[name]); db.commit()
    db.execute("VACUUM"); db.close()
    sizes[name] = os.path.getsize(p)
    b = sizes.get("baseline", sizes[name])
    print("%-22s %11d bytes  %.3fx raw  %+9d vs baseline (vacuumed)" % (name, sizes[name], sizes[name] / RAW, sizes[name] - b), flush=True)
    os.remove(p)
