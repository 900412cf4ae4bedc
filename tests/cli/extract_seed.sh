#!/usr/bin/env bash
# extract_seed.sh — `factline extract` on the seed article prints one valid
# JSON object whose paragraphs, sentences and tokens line up with the text.
set -u
bin=${FACTLINE_BIN:-build/factline}
out=$("$bin" extract --text --tokens samples/seed.txt) || { echo "extract failed"; echo "extract_seed: 0 passed, 1 failed"; exit 1; }
printf '%s\n' "$out" | python3 -c '
import json, sys
lines = sys.stdin.read().splitlines()
passed = failed = 0
def check(cond, msg):
    global passed, failed
    if cond: passed += 1
    else:
        failed += 1
        print("FAIL:", msg)
check(len(lines) == 1, "one JSON line, got %d" % len(lines))
o = json.loads(lines[0])
t = o["text"].encode()
check(o["date"] == "2023-11-04", "date")
check(o["headline"].startswith("U.S. Secretary of State Antony Blinken Urges"), "headline")
check(len(t) == o["text_length"], "text_length")
check(t[o["body_start"]:].startswith(b"In a meeting with Israeli officials"), "body_start")
for key in ("entities", "quotes", "attributions", "figures", "times", "warnings"):
    check(isinstance(o[key], list), key + " is an array")
check(len(o["paragraphs"]) == 17, "17 paragraphs (headline + 16 body lines), got %d" % len(o["paragraphs"]))
check(len(o["sentences"]) == 20, "20 sentences, got %d" % len(o["sentences"]))
# every token is non-empty, inside the text, not white space at either end, in order
prev = 0
for s, e, k in o["tokens"]:
    check(prev <= s < e <= len(t), "token span %d-%d" % (s, e))
    check(not t[s:e].strip() == b"" and t[s:s+1] not in b" \n" and t[e-1:e] not in b" \n", "token %r" % t[s:e])
    prev = e
# every byte outside tokens is white space
covered = bytearray(len(t))
for s, e, k in o["tokens"]:
    covered[s:e] = b"x" * (e - s)
check(all(c == 120 or t[i:i+1] in b" \n" for i, c in enumerate(covered)), "non-space bytes outside tokens")
# sentences start and end on token boundaries and tile each paragraph
starts = {s for s, e, k in o["tokens"]}; ends = {e for s, e, k in o["tokens"]}
for s, e in o["sentences"]:
    check(s in starts and e in ends, "sentence %d-%d on token boundaries" % (s, e))
    check(any(ps <= s and e <= pe for ps, pe in o["paragraphs"]), "sentence inside one paragraph")
sent = [t[s:e].decode() for s, e in o["sentences"]]
check(sent[7].startswith("One U.S. official and two Israeli officials") and sent[7].endswith("get more time.\""), "sentence 8: %s" % sent[7])
check(sent[11] == "\"The Biden administration is with us, but they have their constraints — also domestically.", "sentence 12: %s" % sent[11])
check(sent[15].endswith("\"I think we need a pause.\""), "sentence 16")
tok = {t[s:e].decode(): k for s, e, k in o["tokens"]}
check(tok.get("RadarOnline.com") == "domain", "RadarOnline.com is a domain token")
check(tok.get("9,200") == "number" and tok.get("1,400") == "number", "numbers")
check(tok.get("U.S.") == "abbrev", "U.S.")
check(tok.get("n\x27t") == "clitic" and tok.get("\x27s") == "clitic", "clitics")
print("extract_seed: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
'
seed_status=$?
# Time expressions carry TimeML's mod when they have one.
printf 'date 2023-11-04 T\nTalks lasted about three hours in early 2019.\n' | "$bin" extract - | python3 -c '
import json, sys
t = {x["text"]: x for x in json.loads(sys.stdin.read())["times"]}
ok = t["about three hours"]["value"] == "PT3H" and t["about three hours"]["mod"] == "APPROX" \
     and t["early 2019"]["value"] == "2019" and t["early 2019"]["mod"] == "START"
print("extract_mod: %d passed, %d failed" % (ok, not ok))
sys.exit(0 if ok else 1)
'
[ $? = 0 ] && [ $seed_status = 0 ]
