#!/usr/bin/env bash
# ner.sh — named-entity tagging throughput on one core, factline beside its
# peers on the same tokens, in one command:
#   1. the CoNLL-2003 dev tokens (eng.testa, ten copies so every tool runs
#      long enough): factline and Apache OpenNLP's name finder, trained on
#      the same data (eng.train) here; both are scored on dev too;
#   2. all of ../shared/data/news, tokenized by factline: factline and OpenNLP;
#   3. the 307 BBC articles of 2023-10: factline, OpenNLP and compromise
#      (people/places/organizations; it tokenizes for itself and is too slow
#      for the whole set).
# factline's figure is the tagger alone (features + Viterbi; on articles also
# alias joining), measured in process. OpenNLP's is its whole command's time
# minus the time of the same command on one sentence (JVM start, model load).
# Installs compromise into bench/node_modules and writes bench/tmp/ (neither
# committed). Not a test. Needs: opennlp (Debian package), node, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${FACTLINE_DATA:-../shared/data}
[ -d "$data/conll2003" ] || { echo "ner.sh: SKIPPED: $data/conll2003 not found"; exit 0; }
command -v opennlp >/dev/null || { echo "ner.sh: opennlp is needed (apt-get install opennlp)"; exit 2; }
command -v node >/dev/null || { echo "ner.sh: node is needed for compromise (apt-get install nodejs npm)"; exit 2; }
[ -d bench/node_modules/compromise ] ||
  (cd bench && npm install --no-audit --no-fund --silent --no-save compromise@14.17.0)
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build-bench factline_cli >/dev/null
fl=./build-bench/factline
tmp=bench/tmp/ner
mkdir -p "$tmp"
one() { taskset -c 0 "$@"; }
now() { date +%s.%N; }
ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print('%.1fx' % (a / b) if b else 'n/a')" "$1" "$2"; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
row() { printf '%-44s %10s %10s %12s\n' "$@"; }

# Inputs: dev sentences (one per line, ten copies), news sentences as factline tokenizes them.
python3 - "$data/conll2003/eng.testa" "$tmp/dev.txt" "$tmp/dev10.txt" <<'PY'
import sys
sents, cur = [], []
for line in open(sys.argv[1], encoding='utf-8'):
    f = line.split()
    if not f or f[0] == '-DOCSTART-':
        if cur: sents.append(' '.join(cur)); cur = []
        continue
    cur.append(f[0])
if cur: sents.append(' '.join(cur))
open(sys.argv[2], 'w').write('\n'.join(sents) + '\n')
open(sys.argv[3], 'w').write(('\n'.join(sents) + '\n') * 10)
PY
for f in "$data/conll2003/eng.testa"; do for i in $(seq 10); do cat "$f"; echo; done; done > "$tmp/dev10.conll"
news=("$data"/news/*.txt)
bbc="$data/news/bbc_israel_gaza_2023-10-07_2023-10-29.txt"
to_sentences() { "$fl" extract -q --tokens --text "$@" | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line); t = d["text"].encode()
    toks = d["tokens"]
    for s, e in d["sentences"]:
        words = [t[a:b].decode(errors="replace").replace(" ", "_") for a, b, k in toks if a >= s and b <= e]
        if words: print(" ".join(words))
'; }
[ -s "$tmp/news.txt" ] || to_sentences "${news[@]}" > "$tmp/news.txt"
[ -s "$tmp/bbc.txt" ] || to_sentences "$bbc" > "$tmp/bbc.txt"
head -1 "$tmp/dev.txt" > "$tmp/one.txt"

# OpenNLP trained on the same training data (cached).
model="$tmp/opennlp-en-ner-conll03.bin"
if [ ! -s "$model" ]; then
  t0=$(now)
  opennlp TokenNameFinderTrainer.conll03 -lang eng -types per,loc,org,misc -encoding UTF-8 \
    -data "$data/conll2003/eng.train" -model "$model" > "$tmp/opennlp-train.log" 2>&1 || { tail -5 "$tmp/opennlp-train.log"; exit 2; }
  echo "OpenNLP training: $(python3 -c "print('%.0f s' % ($(now) - $t0))")"
fi
opennlp_rate() { # input-file tokens -> tokens/s
  local t0 t1 t2
  t0=$(now); one opennlp TokenNameFinder "$model" < "$tmp/one.txt" > /dev/null 2>&1; t1=$(now)
  one opennlp TokenNameFinder "$model" < "$1" > "$tmp/opennlp.out" 2>/dev/null; t2=$(now)
  python3 -c "print('%.0f' % ($2 / (($t2 - $t1) - ($t1 - $t0))))"
}
words() { wc -w < "$1" | tr -d ' '; }
fl_rate_conll() { one "$fl" ner --conll "$1" --time -o /dev/null 2>&1 | sed -n 's/.*: \([0-9]*\) tokens\/s/\1/p'; }
fl_rate_articles() { one "$fl" ner -q --time "$@" 2>&1 >/dev/null | sed -n 's/.*: \([0-9]*\) tokens\/s/\1/p'; }

row "run" "tokens" "tokens/s" "vs OpenNLP"
dev_tokens=$(words "$tmp/dev10.txt")
fl_dev=$(fl_rate_conll "$tmp/dev10.conll")
on_dev=$(opennlp_rate "$tmp/dev10.txt" "$dev_tokens")
row "factline, CoNLL dev x10" "$dev_tokens" "$fl_dev" "$(ratio "$fl_dev" "$on_dev")"
row "OpenNLP name finder, CoNLL dev x10" "$dev_tokens" "$on_dev" ""
news_tokens=$(words "$tmp/news.txt")
fl_news=$(fl_rate_articles "${news[@]}")
on_news=$(opennlp_rate "$tmp/news.txt" "$news_tokens")
row "factline, all news" "$news_tokens" "$fl_news" "$(ratio "$fl_news" "$on_news")"
row "OpenNLP name finder, all news" "$news_tokens" "$on_news" ""
bbc_tokens=$(words "$tmp/bbc.txt")
fl_bbc=$(fl_rate_articles "$bbc")
on_bbc=$(opennlp_rate "$tmp/bbc.txt" "$bbc_tokens")
comp=$(one node bench/ner_compromise.js "$bbc")
comp_rate=$(python3 -c "print('%.0f' % ($bbc_tokens / $(field seconds "$comp")))")
row "factline, BBC 2023-10" "$bbc_tokens" "$fl_bbc" "$(ratio "$fl_bbc" "$on_bbc")"
row "OpenNLP name finder, BBC 2023-10" "$bbc_tokens" "$on_bbc" ""
row "compromise (own tokens: $(field words "$comp")), BBC 2023-10" "$bbc_tokens" "$comp_rate" ""

# Accuracy on dev of both, scored by `factline eval ner` (conlleval counts).
one opennlp TokenNameFinder "$model" < "$tmp/dev.txt" 2>/dev/null | python3 -c '
import re, sys
gold = [l.split() for l in open(sys.argv[1], encoding="utf-8")]
names = {"person": "PER", "organization": "ORG", "location": "LOC", "misc": "MISC"}
out = []
for line in sys.stdin:
    tags, typ = [], None
    for tok in line.split():
        m = re.match(r"<START:(\w+)>", tok)
        if m: typ = names.get(m.group(1), m.group(1).upper()); first = True; continue
        if tok == "<END>": typ = None; continue
        tags.append("O" if typ is None else ("B-" if first else "I-") + typ); first = False
    out.append(tags)
s = 0
for f in gold:
    if not f: print(); continue
    if f[0] == "-DOCSTART-": print(" ".join(f + ["O"])); continue
    if not out[s]: s += 1
    print(" ".join(f + [out[s].pop(0)]))
    if not out[s]: s += 1
' "$data/conll2003/eng.testa" > "$tmp/opennlp-dev.conll"
"$fl" ner --conll "$data/conll2003/eng.testa" -o "$tmp/factline-dev.conll"
echo
echo "dev F1: factline $("$fl" eval ner "$tmp/factline-dev.conll" | sed -n 's/.*FB1: *\([0-9.]*\)$/\1/p' | head -1)," \
     "OpenNLP $("$fl" eval ner "$tmp/opennlp-dev.conll" | sed -n 's/.*FB1: *\([0-9.]*\)$/\1/p' | head -1)"
echo "factline / OpenNLP: dev $(ratio "$fl_dev" "$on_dev"), news $(ratio "$fl_news" "$on_news"), BBC $(ratio "$fl_bbc" "$on_bbc")"
echo "factline / compromise, BBC 2023-10: $(ratio "$fl_bbc" "$comp_rate")"
echo "model: $(du -h models/ner.model | cut -f1); goal: >= 300,000 tokens/s on one core"
