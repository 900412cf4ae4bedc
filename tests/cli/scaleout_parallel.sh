#!/usr/bin/env bash
# scaleout_parallel.sh — the GNU parallel recipe of docs/scale-out.md works:
# `factline extract` run as a pure filter on chunks of the input by several
# processes (parallel --pipepart and --pipe) writes the same articles as one
# process; with --keep-order in the same order; and `ingest --facts` loads the
# result into the same store. Articles are compared without `origin` and the
# positions inside warnings, which count from the start of the chunk a process
# was handed (documented in docs/scale-out.md).
set -u
bin=${FACTLINE_BIN:-build/factline}
if ! command -v parallel >/dev/null 2>&1; then
    echo "scaleout_parallel: SKIPPED: GNU parallel is not installed (Debian package 'parallel'; scripts/setup.sh installs it)"
    exit 77
fi
pass=0 fail=0
check() { if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $1: $3"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=${FACTLINE_DATA:-../shared/data}
inputs=(samples/seed.txt samples/reuters-sample.txt)
for f in bbc_israel_gaza_2023-10-07_2023-10-29.txt bbc_israel_gaza_livefeed_2023-12.txt; do
    [ -f "$data/news/$f" ] && inputs+=("$data/news/$f")
done
[ ${#inputs[@]} -gt 2 ] || echo "scaleout_parallel: $data/news absent: splitting the bundled samples only"
# One input file (each part newline-terminated) so the single process and the
# chunked runs read exactly the same bytes; --pipepart needs a real file.
for f in "${inputs[@]}"; do cat "$f"; [ -z "$(tail -c 1 "$f")" ] || echo; done >"$tmp/in.txt"

# The split point: a line that starts a native article. GNU parallel cuts only
# where the previous record ends in \n and the next matches this regexp.
recstart='date \d{4}-\d\d-\d\d '
"$bin" extract -q -j 1 --text "$tmp/in.txt" >"$tmp/one.jsonl"
check single $? "single-process extract failed"
parallel --pipepart -a "$tmp/in.txt" --block 60k --regexp --recstart "$recstart" -j 3 \
    "$bin" extract -q -j 1 --text >"$tmp/part.jsonl"
check pipepart $? "parallel --pipepart extract failed"
parallel --pipepart -a "$tmp/in.txt" --block 60k --regexp --recstart "$recstart" -j 3 --keep-order \
    "$bin" extract -q -j 1 --text >"$tmp/part-ordered.jsonl"
check pipepart-keep-order $? "parallel --pipepart --keep-order extract failed"
parallel --pipe --block 60k --regexp --recstart "$recstart" -j 2 --keep-order \
    "$bin" extract -q -j 1 --text <"$tmp/in.txt" >"$tmp/pipe-ordered.jsonl"
check pipe-keep-order $? "parallel --pipe --keep-order extract failed"

# compare.py ONE OTHER MODE: MODE "set" compares the multisets of articles,
# "order" the sequences; also prints how many chunks OTHER came from (each
# chunk numbers its articles from 1) so the test knows the input was split.
cat >"$tmp/compare.py" <<'PY'
import json, re, sys
def norm(line):
    o = json.loads(line)
    chunk_start = o["origin"]["article"] == 1
    del o["origin"]
    o["warnings"] = [re.sub(r" \(first at line \d+, byte \d+\)", "", w) for w in o.get("warnings", [])]
    return json.dumps(o, sort_keys=True, ensure_ascii=False), chunk_start
one = [norm(l)[0] for l in open(sys.argv[1], encoding="utf-8")]
other = [norm(l) for l in open(sys.argv[2], encoding="utf-8")]
chunks = sum(1 for _, start in other if start)
other = [a for a, _ in other]
same = one == other if sys.argv[3] == "order" else sorted(one) == sorted(other)
print("%d articles, %d from %d chunks" % (len(one), len(other), chunks))
sys.exit(0 if same and len(one) > 0 else 1)
PY
out=$(python3 "$tmp/compare.py" "$tmp/one.jsonl" "$tmp/part.jsonl" set)
check same-set $? "--pipepart output differs from one process as a set of articles: $out"
chunks=$(sed -n 's/.* from \([0-9]*\) chunks/\1/p' <<<"$out")
check split $([ "${chunks:-0}" -ge 4 ] && echo 0 || echo 1) "the input was not split into several chunks: $out"
out=$(python3 "$tmp/compare.py" "$tmp/one.jsonl" "$tmp/part-ordered.jsonl" order)
check same-order-pipepart $? "--pipepart --keep-order output is not one process's, in order: $out"
out=$(python3 "$tmp/compare.py" "$tmp/one.jsonl" "$tmp/pipe-ordered.jsonl" order)
check same-order-pipe $? "--pipe --keep-order output is not one process's, in order: $out"
echo "scaleout_parallel: $out"

# What Hadoop Streaming and Spark's textFile().pipe() do to JSON Lines input:
# cut it at any line boundary. Extracting the pieces apart gives the same
# articles; Hadoop's text output adds a tab to each line (an empty value),
# which ingest --facts takes as JSON white space.
python3 - "$tmp/in.txt" "$tmp/in.jsonl" <<'PY'
import json, re, sys
src = open(sys.argv[1], encoding="utf-8", errors="replace").read()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for art in re.split(r"(?m)^(?=\s*date \d{4}-\d\d-\d\d )", src):
        m = re.match(r"\s*date (\d{4}-\d\d-\d\d) ([^\n]*)\n?(.*)", art, re.S)
        if m:
            out.write(json.dumps({"date": m.group(1), "headline": m.group(2), "text": m.group(3)}) + "\n")
PY
"$bin" extract -q -j 1 --text --format jsonl "$tmp/in.jsonl" >"$tmp/one-jl.jsonl"
check jsonl-single $? "single-process extract of JSON Lines failed"
parallel --pipepart -a "$tmp/in.jsonl" --block 100k -j 3 "$bin" extract -q -j 1 --text --format jsonl \
    | sed 's/$/\t/' >"$tmp/part-jl.jsonl"
check jsonl-pipepart $? "parallel --pipepart extract of JSON Lines failed"
out=$(sed 's/\t$//' "$tmp/part-jl.jsonl" | python3 "$tmp/compare.py" "$tmp/one-jl.jsonl" /dev/stdin set)
check jsonl-same-set $? "JSON Lines cut at line boundaries: output differs from one process: $out"
chunks=$(sed -n 's/.* from \([0-9]*\) chunks/\1/p' <<<"$out")
check jsonl-split $([ "${chunks:-0}" -ge 4 ] && echo 0 || echo 1) "the JSON Lines input was not split: $out"
"$bin" ingest --facts --db "$tmp/jl.db" "$tmp/part-jl.jsonl" 2>"$tmp/jl.log"
check jsonl-ingest-tabs $? "ingest --facts of tab-terminated lines: $(cat "$tmp/jl.log")"

# What a Spark executor or Hadoop task does with the shipped archive
# (docs/scale-out.md): the binary and models/ unpacked in a foreign working
# directory, the models found through FACTLINE_MODELS, the source tree unseen.
mkdir -p "$tmp/task/fl" && cp "$bin" "$tmp/task/fl/factline" && cp -r models "$tmp/task/fl/models"
(cd "$tmp/task" && FACTLINE_MODELS=fl/models ./fl/factline extract -q -j 1 --text --format jsonl) \
    <"$tmp/in.jsonl" >"$tmp/task.jsonl"
check shipped-binary $? "the relocated binary failed"
(cd "$tmp/task" && FACTLINE_MODELS=missing ./fl/factline extract -q </dev/null >/dev/null 2>&1)
check models-from-env $([ $? = 2 ] && echo 0 || echo 1) "FACTLINE_MODELS pointing nowhere was not an error: the models came from elsewhere"
out=$(python3 "$tmp/compare.py" "$tmp/one-jl.jsonl" "$tmp/task.jsonl" order)
check shipped-same $? "the relocated binary writes different articles: $out"

# Loading elsewhere: ingest --facts of the chunked output stores what the
# single-process output stores: the same count (the distinct content hashes)
# and the same answers. In input order (--keep-order) even the local article
# numbers match; in any order the answers match as sets, article numbers aside.
distinct=$(python3 -c 'import json,sys; print(len({json.loads(l)["id"] for l in open(sys.argv[1])}))' "$tmp/one.jsonl")
total=$(wc -l <"$tmp/one.jsonl")
"$bin" ingest --facts --db "$tmp/one.db" "$tmp/one.jsonl" 2>"$tmp/one.log"
check ingest-one $? "$(cat "$tmp/one.log")"
"$bin" ingest --facts --db "$tmp/part.db" - <"$tmp/part.jsonl" 2>"$tmp/part.log"
check ingest-part $? "$(cat "$tmp/part.log")"
grep -q "^ingest: $total articles read, $distinct added, $((total - distinct)) already stored, 0 rejected; $distinct in " "$tmp/part.log"
check ingest-count $? "want $total read and $distinct stored: $(cat "$tmp/part.log")"
"$bin" ingest -q --facts --db "$tmp/ordered.db" "$tmp/pipe-ordered.jsonl"
check ingest-ordered $? "ingest of the --keep-order output failed"
for db in one part ordered; do
    for q in said police Hamas; do
        "$bin" search --db "$tmp/$db.db" --format json --limit 100000 "$q"
        echo
    done >"$tmp/$db.answers"
done
cmp -s "$tmp/one.answers" "$tmp/ordered.answers"
check same-answers-ordered $? "search answers differ between the single-process and --keep-order loads"
python3 - "$tmp/one.answers" "$tmp/part.answers" <<'PY'
import json, sys
def norm(v):
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items() if k != "article"}
    if isinstance(v, list):
        return sorted((norm(x) for x in v), key=lambda x: json.dumps(x, sort_keys=True))
    return v
a, b = ([norm(json.loads(l)) for l in open(p) if l.strip()] for p in sys.argv[1:])
sys.exit(0 if a == b and any(x["articles"] for x in a) else 1)
PY
check same-answers-set $? "search answers differ (as sets) between the single-process and chunked loads"
echo "scaleout_parallel: $pass passed, $fail failed"
[ "$fail" = 0 ]
