#!/usr/bin/env bash
# figures.sh — benchmark of the figure layer on one core, beside compromise's
# numbers() on the same text, in one command:
#   1. all of ../shared/data/news: factline (figure layer alone, and read +
#      text + figures);
#   2. the 307 BBC articles of 2023-10: factline and compromise numbers()
#      (compromise is too slow for the whole set).
# compromise finds number phrases only; factline also decides category,
# qualifier, subject, place, source and date, so the ratio is a lower bound
# of the cost difference for the same job. Installs the npm peer into
# bench/node_modules (not committed). Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${FACTLINE_DATA:-../shared/data}
[ -d "$data/news" ] || { echo "figures.sh: SKIPPED: $data/news not found"; exit 0; }
command -v node >/dev/null || { echo "figures.sh: node is needed for the peer (apt-get install nodejs npm)"; exit 2; }
[ -d bench/node_modules/compromise ] || (cd bench && npm install --no-audit --no-fund --silent)
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build-bench figures_bench >/dev/null
news=("$data"/news/*.txt)
bbc="$data/news/bbc_israel_gaza_2023-10-07_2023-10-29.txt"
one() { taskset -c 0 "$@"; }
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
row() { printf '%-40s %8s %9s %9s %12s %12s\n' "$@"; }
mb() { python3 -c "print('%.1f' % ($1/1e6))"; }

row "run" "MB" "articles" "found" "layer MB/s" "total MB/s"
fl_all=$(one ./build-bench/bench/figures_bench "${news[@]}")
row "factline figures, all news" "$(mb "$(field bytes "$fl_all")")" "$(field articles "$fl_all")" \
    "$(field figures "$fl_all")" "$(field figure_mb_per_s "$fl_all")" "$(field total_mb_per_s "$fl_all")"
fl_bbc=$(one ./build-bench/bench/figures_bench "$bbc")
row "factline figures, BBC 2023-10" "$(mb "$(field bytes "$fl_bbc")")" "$(field articles "$fl_bbc")" \
    "$(field figures "$fl_bbc")" "$(field figure_mb_per_s "$fl_bbc")" "$(field total_mb_per_s "$fl_bbc")"
comp=$(one node bench/figures_peer.js "$bbc")
row "compromise nlp().numbers(), BBC 2023-10" "$(mb "$(field bytes "$comp")")" "$(field articles "$comp")" \
    "$(field numbers "$comp")" "-" "$(field mb_per_s "$comp")"
python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print('factline (read + text + figures) / compromise numbers(): %.0fx' % (a / b))" \
    "$(field total_mb_per_s "$fl_bbc")" "$(field mb_per_s "$comp")"
