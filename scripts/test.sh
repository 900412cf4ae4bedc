#!/usr/bin/env bash
# test.sh — set up, then run every test: the unit and CLI tests built with gcc
# (warnings are errors), the same tests built with clang under AddressSanitizer
# and UndefinedBehaviorSanitizer, and the fuzzer for 60 seconds.
# Tests that read ../shared/data say SKIPPED when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "== browser test dependencies (npm ci in tests/web: playwright-core, no browser download)"
(cd tests/web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)

echo "== tests (gcc, -Wall -Wextra -Wpedantic -Werror; includes the browser test cli_server_browser)"
(cd build && ctest --output-on-failure -j2)

echo "== tests (clang, ASan+UBSan)"
CC=clang cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFACTLINE_SANITIZE=ON -DFACTLINE_WERROR=ON >/dev/null
ninja -C build-asan
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --output-on-failure -j2)

echo "== fuzz (clang, libFuzzer, 60 s)"
bash scripts/fuzz.sh "${FACTLINE_FUZZ_SECONDS:-60}"

echo "== all tests passed"
