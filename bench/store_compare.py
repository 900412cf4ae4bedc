# store_compare.py BIN_A DB_A BIN_B DB_B [N] — asks two databases the same
# questions through two factline binaries (entity, quotes, timeline,
# disagree, search, article; arguments sampled from DB_A, N of each kind,
# default 40) and reports every answer whose JSON differs. Used to check that
# a schema change keeps the answers: an old binary on an old database against
# the new binary on a new or migrated one (docs/store.md). Not a test: it
# needs two builds and databases.
import json, sqlite3, subprocess, sys, random
bin_a, db_a, bin_b, db_b = sys.argv[1:5]
n = int(sys.argv[5]) if len(sys.argv) > 5 else 40
c = sqlite3.connect(db_a)
random.seed(3)
def col(sql): return [r[0] for r in c.execute(sql).fetchall() if r[0] is not None]
names = col("SELECT name FROM entities ORDER BY id LIMIT 3000")
names = random.sample(names, min(n, len(names))) + col("SELECT e.name FROM entities e JOIN (SELECT entity_id, count(*) k FROM mentions GROUP BY entity_id ORDER BY k DESC LIMIT 10) t ON t.entity_id=e.id")
speakers = col("SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY count(*) DESC LIMIT %d" % n)
speakers += random.sample(col("SELECT DISTINCT speaker FROM quotes WHERE speaker_entity_id IS NULL AND speaker IS NOT NULL"), n)
cats = col("SELECT DISTINCT category FROM figures")
subj = col("SELECT subject FROM figures WHERE subject IS NOT NULL GROUP BY subject ORDER BY count(*) DESC LIMIT 5")
places = col("SELECT place FROM figures WHERE place IS NOT NULL GROUP BY place ORDER BY count(*) DESC LIMIT 5")
srcs = col("SELECT source FROM figures WHERE source IS NOT NULL GROUP BY source ORDER BY count(*) DESC LIMIT 5")
maxid = c.execute("select max(id) from articles").fetchone()[0]
arts = [str(random.randint(1, maxid)) for _ in range(n)]
qs = []
for x in names: qs.append(["entity", x]); qs.append(["entity", x, "--limit", "50"])
for x in speakers: qs.append(["quotes", "--speaker", x, "--limit", "50"])
qs.append(["quotes", "--limit", "30"])
for k in cats:
    qs.append(["timeline", "--category", k, "--limit", "100"])
    qs.append(["disagree", "--category", k, "--limit", "100"])
    for s in subj[:3]:
        for p in places[:3]: qs.append(["timeline", "--category", k, "--subject", s, "--place", p, "--limit", "50"])
    for s in srcs: qs.append(["timeline", "--category", k, "--source", s, "--limit", "50"])
qs.append(["disagree", "--limit", "500"]); qs.append(["disagree", "--limit", "50", "--offset", "30"])
qs.append(["disagree", "--from", "2023-11-01", "--to", "2023-12-31", "--limit", "200"])
qs.append(["entity", "Israel", "--from", "2023-11-01", "--to", "2023-11-30"])
for t in ["ceasefire", "humanitarian pause", "oil prices", "Blinken", "\"health ministry\""]: qs.append(["search", t])
for a in arts: qs.append(["article", a])
diff = 0
for q in qs:
    cmd = lambda b, d: subprocess.run([b, q[0], "--db", d, "--format", "json"] + q[1:], capture_output=True, text=True)
    ra, rb = cmd(bin_a, db_a), cmd(bin_b, db_b)
    if ra.stdout != rb.stdout or ra.returncode != rb.returncode:
        diff += 1
        if diff <= 8:
            print("DIFF", q)
            try:
                ja, jb = json.loads(ra.stdout), json.loads(rb.stdout)
                for sec in ja:
                    if ja[sec] != jb.get(sec):
                        print("  section", sec, len(ja[sec]), len(jb.get(sec) or []))
                        for i, (x, y) in enumerate(zip(ja[sec], jb.get(sec) or [])):
                            if x != y: print("   A", x); print("   B", y); break
            except Exception as e:
                print("  ", ra.stdout[:300], rb.stdout[:300], ra.stderr[:200], rb.stderr[:200])
print("questions=%d differing=%d" % (len(qs), diff))
