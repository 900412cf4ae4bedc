#!/usr/bin/env bash
# pipeline.sh — the whole pipeline against peers, in one command (issue 9):
#   factline's full extraction (read, tokenize, entities, times, quotes,
#   attributions, figures, JSON out) at -j 1 and -j 2, and the peers on the
#   same article texts: compromise + compromise-dates, wink-nlp, chrono-node,
#   and OpenNLP's name finder (model trained on CoNLL-2003 train);
#   MB/s, words/s and peak RSS of each; factline's speed as a ratio to each;
#   like for like, one layer alone against the peer that does only that
#   (bench/layers_bench: entities vs wink-nlp and OpenNLP, times vs
#   chrono-node); a 1 GB input for factline (memory must not grow with the
#   input); the projected time for 25 million 600-word articles on 8 cores;
#   and every layer's accuracy, measured by the same binary in the same run.
# Per-core speeds and ratios use CPU time (the machine may be shared: a
# program pinned to one core is not charged for waiting for it); wall-clock
# figures are printed beside them and give the -j1 -> -j2 scaling.
# Every program runs on its own, pinned to the cores it may use.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${FACTLINE_DATA:-../shared/data}
[ -d "$data/news" ] || { echo "pipeline.sh: SKIPPED: $data/news not found"; exit 0; }
[ -d bench/node_modules/compromise-dates ] || (cd bench && npm install --no-audit --no-fund --silent)
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build-bench factline_cli layers_bench >/dev/null
bin=${FACTLINE_BIN:-./build-bench/factline} # FACTLINE_BIN=./build-pgo/factline: the profile-guided build (bench/pgo_build.sh)
layers=./build-bench/bench/layers_bench
news=("$data"/news/*.txt)
bbc="$data/news/bbc_israel_gaza_2023-10-07_2023-10-29.txt"
m() { python3 bench/measure.py "$@"; }
sizes() { # bytes and words of the article texts of FILE...
  node -e '
const { readArticles, bytesOf } = require("./bench/peers/articles");
const t = readArticles(process.argv.slice(1));
let w = 0; for (const x of t) w += x.split(/\s+/).filter(Boolean).length;
console.log(bytesOf(t), w);' "$@"
}
field() { awk -v k="$1" '{ for (i = 1; i <= NF; i++) { n = index($i, "="); if (substr($i, 1, n - 1) == k) print substr($i, n + 1) } }' <<<"$2"; }
ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print('%.1fx' % (a / b) if b else 'n/a')" "$1" "$2"; }

read -r all_bytes all_words <<<"$(sizes "${news[@]}")"
read -r bbc_bytes bbc_words <<<"$(sizes "$bbc")"
echo "inputs: all news $all_bytes bytes, $all_words words; BBC 2023-10 $bbc_bytes bytes, $bbc_words words"

j1=$(m "factline -j1 all news" "$all_bytes" "$all_words" -- taskset -c 0 $bin extract -q -j 1 "${news[@]}")
j2=$(m "factline -j2 all news" "$all_bytes" "$all_words" -- taskset -c 0,1 $bin extract -q -j 2 "${news[@]}")
fb=$(m "factline -j1 BBC" "$bbc_bytes" "$bbc_words" -- taskset -c 0 $bin extract -q -j 1 "$bbc")
wink=$(m "wink-nlp all news" "$all_bytes" "$all_words" -- taskset -c 0 node bench/peers/pipeline_peers.js wink "${news[@]}")
chrono=$(m "chrono-node all news" "$all_bytes" "$all_words" -- taskset -c 0 node bench/peers/pipeline_peers.js chrono "${news[@]}")
comp=$(m "compromise+dates BBC" "$bbc_bytes" "$bbc_words" -- taskset -c 0 node bench/peers/pipeline_peers.js compromise "$bbc")
onlp=""
onlp_model=bench/tmp/ner/opennlp-en-ner-conll03.bin   # trained by bench/ner.sh on CoNLL-2003 train
if command -v opennlp >/dev/null && [ ! -s "$onlp_model" ] && [ -f "$data/conll2003/eng.train" ]; then
  mkdir -p bench/tmp/ner
  opennlp TokenNameFinderTrainer.conll03 -lang eng -types per,loc,org,misc -encoding UTF-8 \
    -data "$data/conll2003/eng.train" -model "$onlp_model" >bench/tmp/ner/opennlp-train.log 2>&1 || rm -f "$onlp_model"
fi
if command -v opennlp >/dev/null && [ -s "$onlp_model" ]; then
  # OpenNLP's name finder on the same text, one sentence per line (its own tokenizer
  # is not used: whitespace tokens), with the model bench/ner.sh trains.
  node -e '
const { readArticles } = require("./bench/peers/articles");
for (const t of readArticles(process.argv.slice(1))) for (const l of t.split("\n")) if (l.trim()) console.log(l.trim());' "$bbc" >bench/tmp/bbc-lines.txt
  onlp=$(m "OpenNLP NER BBC" "$bbc_bytes" "$bbc_words" -- taskset -c 0 sh -c 'opennlp TokenNameFinder '"$onlp_model"' < bench/tmp/bbc-lines.txt > /dev/null 2>&1')
fi
ner_all=$(m "factline NER alone all news" "$all_bytes" "$all_words" -- taskset -c 0 $layers ner "${news[@]}")
ner_bbc=$(m "factline NER alone BBC" "$bbc_bytes" "$bbc_words" -- taskset -c 0 $layers ner "$bbc")
tim_all=$(m "factline times alone all news" "$all_bytes" "$all_words" -- taskset -c 0 $layers times "${news[@]}")
printf '%-30s %9s %12s %9s %8s\n' "" "MB/cpu-s" "words/cpu-s" "wall MB/s" "peak RSS"
for x in "$j1" "$j2" "$fb" "$ner_all" "$ner_bbc" "$tim_all" "$wink" "$chrono" "$comp" ${onlp:+"$onlp"}; do
  printf '%-30s %9s %12s %9s %5s MB\n' "$(field label "$x")" "$(field mb_per_cpu_s "$x")" \
    "$(field words_per_cpu_s "$x")" "$(field mb_per_s "$x")" "$(field peak_rss_mb "$x")"
done
cpu() { field words_per_cpu_s "$1"; }
echo
echo "scaling -j1 -> -j2 (wall): $(ratio "$(field words_per_s "$j2")" "$(field words_per_s "$j1")")"
echo "whole pipeline (factline does entities, times, quotes, attributions, figures, JSON; the peer less):"
echo "  factline -j1 / wink-nlp (all news):        $(ratio "$(cpu "$j1")" "$(cpu "$wink")")"
echo "  factline -j1 / chrono-node (all news):     $(ratio "$(cpu "$j1")" "$(cpu "$chrono")")"
echo "  factline -j1 / compromise+dates (BBC):     $(ratio "$(cpu "$fb")" "$(cpu "$comp")")"
[ -n "$onlp" ] && echo "  factline -j1 / OpenNLP name finder (BBC): $(ratio "$(cpu "$fb")" "$(cpu "$onlp")")"
echo "like for like (one layer alone, read and tokenize included on both sides):"
echo "  entities: factline NER / wink-nlp tokens+sentences+entities (all news): $(ratio "$(cpu "$ner_all")" "$(cpu "$wink")")"
[ -n "$onlp" ] && echo "  entities: factline NER / OpenNLP name finder (BBC):                    $(ratio "$(cpu "$ner_bbc")" "$(cpu "$onlp")")"
echo "  times:    factline time layer / chrono-node (all news):                 $(ratio "$(cpu "$tim_all")" "$(cpu "$chrono")")"
echo

big=bench/tmp/news-1g.txt
mkdir -p bench/tmp
if [ ! -f "$big" ] || [ "$(stat -c %s "$big")" -lt 1000000000 ]; then
  : >"$big"
  while [ "$(stat -c %s "$big")" -lt 1000000000 ]; do cat "${news[@]}" >>"$big"; done
fi
big_bytes=$(stat -c %s "$big")
big_words=$(python3 -c "print(int($all_words * $big_bytes / $(cat "${news[@]}" | wc -c)))")
b2=$(m "factline -j2 1 GB" "$big_bytes" "$big_words" -- taskset -c 0,1 $bin extract -q -j 2 "$big")
echo "1 GB input at -j 2: $(field mb_per_s "$b2") MB/s, peak RSS $(field peak_rss_mb "$b2") MB"
python3 - "$(field words_per_cpu_s "$j1")" "$(field words_per_s "$j2")" "$(field words_per_s "$j1")" <<'PY'
import sys
w1, w2, w1_wall = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
eff = min(1.0, (w2 / w1_wall) / 2)
words = 25e6 * 600
per8 = w1 * 8 * eff
print("projection: 25M articles x 600 words = %.1e words; at %.0f words/s per core, 8 cores at %.0f%% scaling "
      "efficiency: %.1f hours" % (words, w1, eff * 100, words / per8 / 3600))
PY
echo "targets: >= 200,000 words/s per core; -j1 -> -j2 >= 1.8x; peak RSS <= 300 MB at any input size"

# Accuracy of every layer, by the binary measured above (bench/README figures
# and the README table use the same commands).
echo
echo "accuracy (same binary):"
if [ -f "$data/conll2003/eng.testa" ]; then
  echo "  entities, CoNLL-2003 dev: $($bin ner --conll "$data/conll2003/eng.testa" | $bin eval ner - | sed -n 's/^accuracy: *[0-9.]*%; //p' | head -1)"
fi
if [ -d "$data/tempeval3/TBAQ-cleaned" ]; then
  $bin eval timex "$data/tempeval3/TBAQ-cleaned" | sed -n '/^total:/,$p' | sed 's/^/  times, TempEval-3 TBAQ: /'
fi
if [ -f "$data/attribution/polnear_dev.jsonl" ]; then
  $bin eval attrib "$data/attribution/polnear_dev.jsonl" | grep -E '^(measure|relation overlap|content exact|source overlap)' |
    sed 's/^/  attributions, PolNeAR dev: /'
fi
$bin eval quotes --data "$data" eval/quotes-dev.jsonl | grep -E 'quote spans|statement speaker|partial speaker' | sed 's/^/  quotes, BBC dev: /'
$bin eval figures --data "$data" eval/figures-dev.jsonl | sed -n '2,5p' | sed 's/^/  figures, BBC dev: /'
