#!/usr/bin/env bash
# server_browser.sh — runs the browser test of the page (tests/web/
# browser.test.mjs: playwright-core driving Debian's chromium headless) from
# CTest. Screenshots go to test-output/web beside the factline binary. Says
# SKIPPED (exit 77) when chromium, node or tests/web/node_modules is absent
# (scripts/test.sh installs them: `npm ci` in tests/web). Not for: the API
# checks (server_api.sh).
set -euo pipefail
bin="${FACTLINE_BIN:-build/factline}"
browser="${CHROMIUM:-/usr/bin/chromium}"
if ! command -v node >/dev/null || [ ! -x "$browser" ] || [ ! -d tests/web/node_modules/playwright-core ]; then
  echo "SKIPPED: needs node, $browser and tests/web/node_modules (cd tests/web && npm ci)"
  exit 77
fi
OUT_DIR="${OUT_DIR:-$(dirname "$bin")/test-output/web}" FACTLINE_BIN="$bin" timeout 300 node tests/web/browser.test.mjs
