#!/usr/bin/env bash
# time_bench.sh — the time layer against chrono-node (npm) on the same
# TimeML documents: TempEval-3 Task A scores of both and throughput, printed
# with factline/chrono ratios. Installs chrono-node into bench/node_modules
# (gitignored) on first use.
# Usage: bench/time_bench.sh [FACTLINE_BIN] [GOLD_DIR]
#   defaults: build/factline and ../shared/data/tempeval3/TBAQ-cleaned
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/factline}
gold=${2:-${FACTLINE_DATA:-$root/../shared/data}/tempeval3/TBAQ-cleaned}
[ -x "$bin" ] || { echo "time_bench: $bin not built" >&2; exit 2; }
[ -d "$gold" ] || { echo "time_bench: $gold not found" >&2; exit 2; }
if [ ! -d "$root/bench/node_modules/chrono-node" ]; then
    npm install --silent --no-save --no-package-lock --prefix "$root/bench" chrono-node@2.10.3 >/dev/null
fi
out=$root/bench/out/time
rm -rf "$out" && mkdir -p "$out/chrono"

fl=$("$bin" eval timex --speed "$gold")
node "$root/bench/time_chrono.mjs" "$gold" "$out/chrono" > "$out/chrono-speed.txt"
ch=$("$bin" eval timex --system "$out/chrono" "$gold")

echo "== factline"; echo "$fl" | sed -n '/^total:/,$p'
echo "== chrono-node $(node -e "console.log(require('$root/bench/node_modules/chrono-node/package.json').version)")"
echo "$ch" | sed -n '/^total:/,$p'; cat "$out/chrono-speed.txt"

get() { echo "$1" | sed -n '/^total:/,$p' | awk -v w="$2" -v f="$3" '$1 == w { print $f; exit }'; }
fspeed=$(echo "$fl" | sed -n 's/.*tokenization + times \([0-9.]*\) MB\/s.*/\1/p')
lspeed=$(echo "$fl" | sed -n 's/.*time layer alone \([0-9.]*\) MB\/s.*/\1/p')
cspeed=$(sed -n 's/.*: \([0-9.]*\) MB\/s/\1/p' "$out/chrono-speed.txt")
echo "== ratios (factline / chrono-node)"
for m in "strict 7 strict-F1" "relaxed 7 relaxed-F1" "type 6 type-F1" "value 6 value-F1"; do
    set -- $m
    a=$(get "$fl" "$1" "$2"); b=$(get "$ch" "$1" "$2")
    awk -v n="$3" -v a="$a" -v b="$b" 'BEGIN { printf "%-12s %7.2f / %7.2f = %s\n", n, a, b, (b > 0 ? sprintf("%.2fx", a / b) : "inf") }'
done
awk -v a="$fspeed" -v b="$cspeed" -v l="$lspeed" 'BEGIN { printf "%-12s %7.1f / %7.2f MB/s = %.0fx (time layer alone %.1f MB/s)\n", "throughput", a, b, a / b, l }'
