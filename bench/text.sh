#!/usr/bin/env bash
# text.sh — benchmark of the text layer (read + tokenize + sentence split) on
# one core, against peers on the same text, in one command:
#   1. all of ../shared/data/news: factline and wink-nlp (readDoc);
#   2. the 307 BBC articles of 2023-10: factline, wink-nlp and compromise
#      (compromise is too slow for the whole set);
#   3. a 1 GB file made by repeating ../shared/data/news: factline alone
#      (MB/s and peak RSS: the reader's memory must not grow with the input).
# Installs the npm peers into bench/node_modules (not committed). Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${FACTLINE_DATA:-../shared/data}
[ -d "$data/news" ] || { echo "text.sh: SKIPPED: $data/news not found"; exit 0; }
command -v node >/dev/null || { echo "text.sh: node is needed for the peers (apt-get install nodejs npm)"; exit 2; }
[ -d bench/node_modules/wink-nlp ] || (cd bench && npm install --no-audit --no-fund --silent)
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build-bench bench_text >/dev/null
news=("$data"/news/*.txt)
bbc="$data/news/bbc_israel_gaza_2023-10-07_2023-10-29.txt"
one() { taskset -c 0 "$@"; }
field() { awk -v k="$1" '{ for (i = 1; i <= NF; i++) { n = index($i, "="); if (substr($i, 1, n - 1) == k) print substr($i, n + 1) } }' <<<"$2"; }
ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print('%.1fx' % (a / b) if b else 'n/a')" "$1" "$2"; }
row() { printf '%-34s %10s %10s %10s %12s %8s\n' "$@"; }

row "run" "MB" "articles" "tokens" "MB/s" "RSS MB"
report() { # label line
  row "$1" "$(python3 -c "print('%.1f' % ($(field bytes "$2")/1e6))")" "$(field articles "$2")" "$(field tokens "$2")" \
      "$(field mb_per_s "$2")" "$(python3 -c "print('%.1f' % ($(field peak_rss_kb "$2")/1024))")"
}

fl_all=$(one ./build-bench/bench/bench_text "${news[@]}")
report "factline, all news" "$fl_all"
wink_all=$(one node bench/peers/text_peers.js wink "${news[@]}")
report "wink-nlp readDoc, all news" "$wink_all"
fl_bbc=$(one ./build-bench/bench/bench_text "$bbc")
report "factline, BBC 2023-10" "$fl_bbc"
wink_bbc=$(one node bench/peers/text_peers.js wink "$bbc")
report "wink-nlp readDoc, BBC 2023-10" "$wink_bbc"
comp_bbc=$(one node bench/peers/text_peers.js compromise "$bbc")
report "compromise, BBC 2023-10" "$comp_bbc"

mkdir -p bench/tmp
big=bench/tmp/news-1g.txt
if [ ! -f "$big" ] || [ "$(stat -c %s "$big")" -lt 1000000000 ]; then
  : >"$big"
  while [ "$(stat -c %s "$big")" -lt 1000000000 ]; do cat "${news[@]}" >>"$big"; done
fi
fl_big=$(one ./build-bench/bench/bench_text "$big")
report "factline, 1 GB" "$fl_big"

echo
echo "factline / wink-nlp, all news:      $(ratio "$(field mb_per_s "$fl_all")" "$(field mb_per_s "$wink_all")")"
echo "factline / wink-nlp, BBC 2023-10:   $(ratio "$(field mb_per_s "$fl_bbc")" "$(field mb_per_s "$wink_bbc")")"
echo "factline / compromise, BBC 2023-10: $(ratio "$(field mb_per_s "$fl_bbc")" "$(field mb_per_s "$comp_bbc")")"
echo "goals: >= 100 MB/s on one core; peak RSS < 50 MB on the 1 GB input"
