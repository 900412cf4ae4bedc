#!/usr/bin/env bash
# badinput.sh — runs `factline extract` on every case of tests/badinput and
# checks the exit status, every diagnostic line, and the surviving articles.
# Also feeds an enormous line and a stream of junk through standard input.
set -u
bin=${FACTLINE_BIN:-build/factline}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # name, condition-result (0 ok), message
    if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $1: $3"; fi
}

survivors() { # jsonl file -> "h1|h2" and texts
    python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
print("|".join(r["headline"] for r in rows))
print("|".join(r["text"].replace("\n", "\\n") for r in rows))
' "$1"
}

for input in tests/badinput/*.txt tests/badinput/*.jsonl; do
    case=${input%.*}
    name=$(basename "$case")
    expect="$case.expect"
    [ -f "$expect" ] || continue
    args=$(sed -n 's/^args: //p' "$expect")
    # shellcheck disable=SC2086
    "$bin" extract --text $args "$input" >"$tmp/out" 2>"$tmp/err"
    code=$?
    want_code=$(sed -n 's/^exit: //p' "$expect")
    check "$name" $([ "$code" = "$want_code" ] && echo 0 || echo 1) "exit $code, want $want_code"
    sed -n 's/^stderr: //p' "$expect" >"$tmp/want_err"
    diff -u "$tmp/want_err" "$tmp/err" >"$tmp/diff"
    check "$name" $? "stderr differs: $(cat "$tmp/diff")"
    python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]' "$tmp/out"
    check "$name" $? "output is not valid JSON Lines"
    survivors "$tmp/out" >"$tmp/got"
    want_h=$(sed -n 's/^headlines: //p' "$expect")
    got_h=$(sed -n 1p "$tmp/got")
    check "$name" $([ "$got_h" = "$want_h" ] && echo 0 || echo 1) "headlines '$got_h', want '$want_h'"
    if grep -q '^texts: ' "$expect"; then
        want_t=$(sed -n 's/^texts: //p' "$expect")
        got_t=$(sed -n 2p "$tmp/got")
        check "$name" $([ "$got_t" = "$want_t" ] && echo 0 || echo 1) "texts '$got_t', want '$want_t'"
    fi
done

# An enormous line: 9 MiB without a newline inside an article, between two good ones.
{
    printf 'date 2023-11-04 Before\nGood.\ndate 2023-11-04 Enormous\n'
    head -c $((9 * 1024 * 1024)) /dev/zero | tr '\0' 'x'
    printf '\ndate 2023-11-05 After\nGood too.\n'
} >"$tmp/enormous.txt"
"$bin" extract --text "$tmp/enormous.txt" >"$tmp/out" 2>"$tmp/err"
code=$?
check enormous $([ $code = 1 ] && echo 0 || echo 1) "exit $code, want 1"
grep -q "enormous.txt:3: article 2, byte 29: rejected: article of 9437193 bytes is over the record limit of 8388608 bytes" "$tmp/err"
check enormous $? "missing rejection: $(cat "$tmp/err")"
check enormous $([ "$(survivors "$tmp/out" | sed -n 1p)" = "Before|After" ] && echo 0 || echo 1) "survivors"

# Junk on standard input: random bytes in every other article. Clean articles
# all survive; every article is either delivered or reported; output stays valid.
python3 -c '
import random, sys
r = random.Random(11)
out = sys.stdout.buffer
for i in range(200):
    out.write(b"date 2023-11-%02d Article %d\nText %d.\n" % (i % 28 + 1, i, i))
    if i % 2:
        out.write(bytes(r.randrange(256) for _ in range(r.randrange(1, 400))).replace(b"date", b"DATE"))
        out.write(b"\n")
' | "$bin" extract --text - >"$tmp/out" 2>"$tmp/err"
code=$?
check junk-stdin $([ $code = 1 ] && echo 0 || echo 1) "exit $code, want 1"
python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
heads = {r["headline"] for r in rows}
assert all("Article %d" % i in heads for i in range(0, 200, 2)), "a clean article was lost"
rejected = sum(1 for l in open(sys.argv[2], encoding="utf-8", errors="replace") if ": rejected: " in l)
assert len(rows) + rejected == 200, (len(rows), rejected)
' "$tmp/out" "$tmp/err"
check junk-stdin $? "accounting of delivered and rejected articles"

# A missing file is an I/O error (exit 2) but the other files are still read.
"$bin" extract tests/badinput/no-such-file.txt tests/badinput/crlf-bom.txt >"$tmp/out" 2>"$tmp/err"
code=$?
check missing-file $([ $code = 2 ] && echo 0 || echo 1) "exit $code, want 2"
check missing-file $([ "$(wc -l <"$tmp/out")" = 2 ] && echo 0 || echo 1) "articles after a missing file"
grep -q "no-such-file.txt: cannot open: No such file or directory" "$tmp/err"
check missing-file $? "message: $(cat "$tmp/err")"

# Facts whose date is not a date (hand-made input to `ingest --facts`) are
# rejected by line with the reason; the good ones around them are stored.
printf '%s\n' '{"date":"2023-10-01","headline":"a","text":"First."}' '{"date":"2023-11","headline":"b","text":"Second."}' \
    '{"date":"","headline":"c","text":"Third."}' '{"date":"2023-10-03","headline":"d","text":"Fourth."}' >"$tmp/dates.jsonl"
"$bin" ingest -q --facts --db "$tmp/dates.db" "$tmp/dates.jsonl" 2>"$tmp/err"
code=$?
check facts-dates $([ $code = 1 ] && echo 0 || echo 1) "exit $code, want 1"
grep -q 'dates.jsonl:2: rejected: "date" is "2023-11", not a date written YYYY-MM-DD' "$tmp/err"
check facts-dates $? "message: $(cat "$tmp/err")"
grep -q 'dates.jsonl:3: rejected: "date" is "", not a date written YYYY-MM-DD' "$tmp/err"
check facts-dates $? "message: $(cat "$tmp/err")"
"$bin" search --db "$tmp/dates.db" Fourth >"$tmp/out" 2>&1 && grep -q '2023-10-03' "$tmp/out"
check facts-dates $? "the article after the rejected ones is stored: $(cat "$tmp/out")"

echo "badinput: $pass passed, $fail failed"
[ "$fail" = 0 ]
