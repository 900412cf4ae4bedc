#!/usr/bin/env bash
# fuzz.sh [SECONDS] — builds the libFuzzer target with clang (ASan+UBSan) and
# runs it for SECONDS (default 60) from the committed seed corpus plus the
# bad-input corpus. Exits non-zero on any crash, leak or UB report.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
CC=clang cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFACTLINE_FUZZ=ON >/dev/null
ninja -C build-fuzz fuzz_extract >/dev/null
mkdir -p build-fuzz/corpus-run
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
  ./build-fuzz/fuzz/fuzz_extract -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 build-fuzz/corpus-run fuzz/corpus tests/badinput 2>&1 | tail -n 8
echo "fuzz: ran ${secs}s with no crash, leak or UB report"
