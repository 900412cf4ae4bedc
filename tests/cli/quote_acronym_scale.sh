#!/usr/bin/env bash
# quote_acronym_scale.sh — an acronym speaker ("BA said") is spelt out from a
# bounded window around it, not from a scan of the text before it per
# lookup: a 3 MB article of 120,000 "BA said" quotes takes ~1.3 s of CPU
# (~19 s under ASan) when linear and ~9 minutes when quadratic (1 MB took
# 60 s before the fix). The limit is on CPU time (ulimit -t), which a loaded
# machine does not stretch, far above the linear cost even under the
# sanitizers, so it never flakes yet fails the quadratic scan. Also checks that the quotes near the spelt-out name get it.
set -u
bin=${FACTLINE_BIN:-build/factline}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/big.txt" <<'PY'
import sys
para = ' '.join(['"We are sorry," BA said.'] * 16)
body = ['British Airways cut flights.'] + [para] * 7500
open(sys.argv[1], 'w').write('date 2024-01-01 Airline apologises\n\n' + '\n\n'.join(body) + '\n')
PY
if ! (ulimit -t 150 && exec timeout 900 nice "$bin" extract "$tmp/big.txt" > "$tmp/out.json"); then
    echo "FAIL: factline extract on a 3 MB article of acronym speakers did not finish in 150 s of CPU (quadratic?)"
    exit 1
fi
got=$(python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
q = a["quotes"]
print(len(q), q[0]["speaker"]["name"], q[0]["speaker"]["type"])' "$tmp/out.json")
if [ "$got" != "120000 British Airways organisation" ]; then
    echo "FAIL: expected '120000 British Airways organisation', got '$got'"
    exit 1
fi
echo "ok: quote_acronym_scale"
