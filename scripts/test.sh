#!/usr/bin/env bash
# test.sh — set up, then run every test: the unit and CLI tests built with gcc
# (warnings are errors), the same tests built with clang under AddressSanitizer
# and UndefinedBehaviorSanitizer, and the fuzzer for 60 seconds; both test
# runs include the PostgreSQL tests, on a throwaway cluster started here.
# Tests that read ../shared/data say SKIPPED when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# PostgreSQL tests run against a throwaway cluster (scripts/pg-cluster.sh):
# started here, stopped and deleted on any exit. FACTLINE_REQUIRE_PG=1 turns
# "PostgreSQL unavailable" from a skip into a failure, so CI never skips them.
echo "== throwaway PostgreSQL cluster (scripts/pg-cluster.sh)"
trap 'bash scripts/pg-cluster.sh stop' EXIT
if ! FACTLINE_TEST_PG=$(bash scripts/pg-cluster.sh start); then
  echo "test: FAILED: the PostgreSQL cluster did not start (the reason is above); the PostgreSQL tests must not be skipped" >&2
  exit 1
fi
export FACTLINE_TEST_PG FACTLINE_REQUIRE_PG=1
echo "PostgreSQL at $FACTLINE_TEST_PG"

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
