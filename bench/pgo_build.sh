#!/usr/bin/env bash
# pgo_build.sh — factline built with profile-guided optimisation (issue 9),
# in build-pgo: an instrumented build (FACTLINE_PGO=generate, gcc) extracts
# a training text, then the same directory is rebuilt from its profile
# (FACTLINE_PGO=use; Release, with link-time optimisation). The training
# text is two BBC files that bench/callgrind_sample.sh does not use (the
# 2023-12 live feed and the 2023-12..2024-07 file, 5.6 MB), so the sample's
# count is measured on text the profile has not seen. The output must be
# byte-identical to the plain Release build's: checked here on all news.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${FACTLINE_DATA:-../shared/data}
train=("$data/news/bbc_israel_gaza_livefeed_2023-12.txt" "$data/news/bbc_israel_gaza_preprocessed_2023-12_2024-07.txt")
for f in "${train[@]}"; do
  [ -f "$f" ] || { echo "pgo_build.sh: SKIPPED: $f not found"; exit 0; }
done
command -v gcc >/dev/null || { echo "pgo_build.sh: SKIPPED: gcc not installed"; exit 0; }
dir=build-pgo
rm -rf "$dir/pgo"
CC=gcc cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFACTLINE_PGO=generate >/dev/null
ninja -C "$dir" factline_cli >/dev/null
"$dir/factline" extract -q -j 1 "${train[@]}" >/dev/null
CC=gcc cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFACTLINE_PGO=use >/dev/null
ninja -C "$dir" factline_cli >/dev/null
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build-bench factline_cli >/dev/null
news=("$data"/news/*.txt)
for flag in "" --text; do
  a=$(./build-bench/factline extract -q $flag "${news[@]}" | md5sum | cut -c1-32)
  b=$("$dir/factline" extract -q $flag "${news[@]}" | md5sum | cut -c1-32)
  [ "$a" = "$b" ] || { echo "pgo_build.sh: FAILED: output ${flag:-json} differs from build-bench ($b, not $a)"; exit 1; }
done
echo "pgo_build.sh: $dir/factline built from the profile of ${#train[@]} training files; output identical to build-bench on all news"
