#!/usr/bin/env bash
# callgrind_sample.sh — the stable speed measure of issue 9: instructions
# executed by `factline extract -j 1` (Release build) on a fixed 2.8 MB
# sample of ../shared/data/news, in total and per layer (inclusive counts
# of each layer's entry point). Wall-clock figures move with the machine's
# load; these do not. The sample: the BBC October 2023 file, then the
# Reuters-21578 file up to the first article that starts after byte
# 1,550,000 (2,816,559 bytes, 2,120 articles).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${FACTLINE_DATA:-../shared/data}
[ -d "$data/news" ] || { echo "callgrind_sample.sh: SKIPPED: $data/news not found"; exit 0; }
command -v valgrind >/dev/null || { echo "callgrind_sample.sh: SKIPPED: valgrind not installed"; exit 0; }
# The layers are counted in a Release build without link-time optimisation
# (which inlines their entry points into fl_extract); the total is also
# given for the Release build as shipped (with it, build-bench).
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build-bench factline_cli >/dev/null
cmake -S . -B build-layers -G Ninja -DCMAKE_BUILD_TYPE=Release -DFACTLINE_LTO=OFF >/dev/null
ninja -C build-layers factline_cli >/dev/null
mkdir -p bench/tmp
sample=bench/tmp/sample.txt
python3 - "$data/news" "$sample" <<'PY'
import sys
news, out = sys.argv[1], sys.argv[2]
bbc = open(news + "/bbc_israel_gaza_2023-10-07_2023-10-29.txt", "rb").read()
reuters = open(news + "/reuters21578.txt", "rb").read()
cut = reuters.find(b"\ndate ", 1550000) + 1
open(out, "wb").write(bbc + (b"" if bbc.endswith(b"\n") else b"\n") + reuters[:cut])
PY
echo "sample: $(stat -c %s "$sample") bytes, md5 $(md5sum <"$sample" | cut -c1-32)"
valgrind --tool=callgrind --callgrind-out-file=bench/tmp/callgrind-lto.out ./build-bench/factline extract -q -j 1 "$sample" \
  >/dev/null 2>bench/tmp/callgrind-lto.log
callgrind_annotate bench/tmp/callgrind-lto.out 2>/dev/null |
  awk '/PROGRAM TOTALS/ { gsub(",", "", $1); printf "%-36s %10.1f M\n", "total (Release, as shipped)", $1 / 1e6 }'
if [ -x build-pgo/factline ]; then # made by bench/pgo_build.sh (not rebuilt here: it takes a training run)
  valgrind --tool=callgrind --callgrind-out-file=bench/tmp/callgrind-pgo.out ./build-pgo/factline extract -q -j 1 \
    "$sample" >/dev/null 2>bench/tmp/callgrind-pgo.log
  callgrind_annotate bench/tmp/callgrind-pgo.out 2>/dev/null |
    awk '/PROGRAM TOTALS/ { gsub(",", "", $1); printf "%-36s %10.1f M\n", "total (profile-guided, build-pgo)", $1 / 1e6 }'
fi
echo "without link-time optimisation:"
out=bench/tmp/callgrind.out
valgrind --tool=callgrind --callgrind-out-file="$out" ./build-layers/factline extract -q -j 1 "$sample" >/dev/null 2>bench/tmp/callgrind.log
callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null | awk '
  /PROGRAM TOTALS/ { gsub(",", "", $1); printf "%-36s %10.1f M\n", "total", $1 / 1e6 }
  { for (k = 1; k <= n; k++) if ($0 ~ ":" name[k] " ") { gsub(",", "", $1); v[k] = $1 } }
  BEGIN { n = split("fl_ner_run fl_time_layer_run fl_quote_extract fl_quote_link_entities fl_figures_find fl_figures_fallback_context fl_doc_analyze fl_doc_write_json fl_reader_next fl_extractor_new", name, " ") }
  END { for (k = 1; k <= n; k++) printf "%-36s %10.1f M\n", name[k], v[k] / 1e6 }'
