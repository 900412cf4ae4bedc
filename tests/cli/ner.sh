#!/bin/bash
# ner.sh — `factline ner`, `eval ner` and `train ner` at the command line:
# tagging appends one column, malformed input names its line, scores print
# in conlleval's format. Run by CTest from the repository root.
set -u
bin=${FACTLINE_BIN:-./build/factline}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then :; else echo "FAILED: $1"; fail=1; fi; }

printf -- '-DOCSTART- -X- O O\n\nAntony NNP I-NP I-PER\nBlinken NNP I-NP I-PER\nvisited VBD I-VP O\nJordan NNP I-NP I-LOC\n. . O O\n' > "$tmp/ok.conll"
"$bin" ner --conll "$tmp/ok.conll" > "$tmp/out" 2> "$tmp/err"
check "ner exits 0" '[ $? -eq 0 ]'
check "one column appended" '[ "$(sed -n 3p "$tmp/out")" = "Antony NNP I-NP I-PER I-PER" ]'
check "O appended to -DOCSTART-" '[ "$(sed -n 1p "$tmp/out")" = "-DOCSTART- -X- O O O" ]'
check "blank lines kept" '[ "$(sed -n 2p "$tmp/out")" = "" ] && [ $(wc -l < "$tmp/out") -eq 7 ]'
check "LOC tagged" '[ "$(sed -n 6p "$tmp/out")" = "Jordan NNP I-NP I-LOC I-LOC" ]'

"$bin" eval ner "$tmp/out" > "$tmp/score"
check "eval exits 0" '[ $? -eq 0 ]'
check "conlleval header" 'grep -q "^processed 6 tokens with 2 phrases; found: 2 phrases; correct: 2.$" "$tmp/score"'
check "per-type line" 'grep -q "PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  1" "$tmp/score"'

printf 'Antony NNP I-NP I-PER\nBlinken NNP I-NP\n' > "$tmp/bad.conll"
"$bin" ner --conll "$tmp/bad.conll" > /dev/null 2> "$tmp/err"
check "malformed input exits 2" '[ $? -eq 2 ]'
check "message names the line" 'grep -q "bad.conll:2: expected 4 columns" "$tmp/err"'

"$bin" eval ner "$tmp/bad.conll" > /dev/null 2> "$tmp/err"
check "eval of malformed input exits 2" '[ $? -eq 2 ]'
check "eval message names the line" 'grep -q "bad.conll:2:" "$tmp/err"'

"$bin" ner --conll "$tmp/ok.conll" -m "$tmp/missing.model" > /dev/null 2> "$tmp/err"
check "missing model exits 2" '[ $? -eq 2 ] && grep -q "missing.model: cannot open" "$tmp/err"'

"$bin" train ner --train "$tmp/bad.conll" -o "$tmp/m" -q 2> "$tmp/err"
check "train on malformed input names the line" '[ $? -eq 2 ] && grep -q "bad.conll:2:" "$tmp/err"'
"$bin" train 2> /dev/null
check "train without WHAT is a usage error" '[ $? -eq 2 ]'

# Articles: one line per entity (id, type, name, aliases, mention spans).
"$bin" ner samples/seed.txt > "$tmp/ents" 2> "$tmp/err"
check "articles mode exits 0" '[ $? -eq 0 ]'
check "Blinken with alias and spans" 'grep -qP "^[0-9a-f]{16}\tPER\tAntony Blinken\tBlinken\t24-38 193-207 " "$tmp/ents"'
check "Hamas is an organisation" 'grep -qP "\tORG\tHamas\t\t" "$tmp/ents"'
"$bin" ner "$tmp/missing.txt" > /dev/null 2> "$tmp/err"
check "missing article file exits 2" '[ $? -eq 2 ] && grep -q "missing.txt" "$tmp/err"'

exit $fail
