#!/usr/bin/env bash
# setup.sh — installs the Debian packages factline needs (only the missing
# ones: a second run installs nothing) and builds it in build/.
# Sourced by scripts/run.sh and scripts/test.sh; can also be run alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Build tools and libraries, one place: add a package here when the code needs it.
FACTLINE_PACKAGES=(
  gcc make cmake ninja-build pkg-config python3
  clang libclang-rt-14-dev          # sanitizer and fuzzer builds
  libjansson-dev libutf8proc-dev    # JSON input, Unicode character classes
  libsqlite3-dev                    # the store (SQLite with FTS5)
  zlib1g-dev libdeflate-dev         # the store's article text: read with zlib, written with libdeflate
  libpq-dev postgresql              # the PostgreSQL store backend (src/store/pg_*.c) and its tests
  libmicrohttpd-dev                 # `factline serve` (server/)
  chromium nodejs wrk               # browser tests of the page (tests/web), HTTP benchmark (bench/http.sh)
  time valgrind                     # CPU time and instruction counts in bench/ (store.sh, callgrind_sample.sh)
  parallel                          # scale-out test and docs (tests/cli/scaleout_parallel.sh, docs/scale-out.md)
)

missing=()
for p in "${FACTLINE_PACKAGES[@]}"; do
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" = installed ] || missing+=("$p")
done
# npm comes with some nodejs builds (NodeSource); Debian packages it apart.
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFACTLINE_WERROR=ON >/dev/null
ninja -C build
