#!/usr/bin/env bash
# time_eval.sh — `factline eval timex` on the TempEval-3 dev data (TimeBank +
# AQUAINT) stays above floors set a little under the measured scores.
# Skips (77) when ../shared/data is absent.
set -u
bin=${FACTLINE_BIN:?FACTLINE_BIN not set}
data=${FACTLINE_DATA:-../shared/data}/tempeval3/TBAQ-cleaned
if [ ! -d "$data" ]; then
    echo "SKIPPED: $data not found (set FACTLINE_DATA)"
    exit 77
fi
out=$("$bin" eval timex "$data") || { echo "eval timex failed"; exit 1; }
echo "$out"
total=$(echo "$out" | sed -n '/^total:/,$p')
score() { echo "$total" | awk -v what="$1" -v field="$2" '$1 == what { print $field }'; }
check() { # name value floor
    if awk -v v="$2" -v f="$3" 'BEGIN { exit !(v >= f) }'; then
        echo "ok: $1 $2 >= $3"
    else
        echo "FAIL: $1 $2 < $3"
        fail=1
    fi
}
fail=0
check "relaxed F1" "$(score relaxed 7)" 94.0
check "strict F1" "$(score strict 7)" 88.5
check "type F1" "$(score type 6)" 90.5
check "value F1" "$(score value 6)" 81.6
exit $fail
