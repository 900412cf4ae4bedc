#!/usr/bin/env bash
# time_cli.sh — the time commands end to end: `extract` fills "times" for the
# seed article, `timeml` round-trips a TimeML file, `eval timex --system`
# scores it, and bad input gives a clear error and a non-zero status.
set -u
bin=${FACTLINE_BIN:?FACTLINE_BIN not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fail=1; }

# extract: the seed's four anchor expressions, with spans
"$bin" extract samples/seed.txt > "$tmp/seed.json" || bad "extract exit status"
for want in '{"text":"October 7","span":[729,738],"type":"DATE","value":"2023-10-07"}' \
            '{"text":"Saturday","span":[1313,1321],"type":"DATE","value":"2023-11-04"}' \
            '{"text":"Wednesday, November 1","span":[2165,2186],"type":"DATE","value":"2023-11-01"}' \
            '{"text":"this week","span":[2335,2344],"type":"DATE","value":"2023-W44"}'; do
    if grep -qF "$want" "$tmp/seed.json"; then ok "extract $want"; else bad "extract lacks $want"; fi
done

# timeml: a small document, re-annotated and scored against itself
mkdir -p "$tmp/gold/set" "$tmp/sys/set"
cat > "$tmp/gold/set/a.tml" <<'TML'
<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-11-04" temporalFunction="false" functionInDocument="CREATION_TIME">20231104</TIMEX3></DCT>
<TEXT>
Talks <EVENT eid="e1" class="OCCURRENCE">began</EVENT> <TIMEX3 tid="t1" type="DATE" value="2023-10-07">October 7</TIMEX3> and will resume <TIMEX3 tid="t2" type="DATE" value="2023-W45">next week</TIMEX3>, officials said <TIMEX3 tid="t3" type="DATE" value="PRESENT_REF">now</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
</TimeML>
TML
"$bin" timeml -d "$tmp/sys/set" "$tmp/gold/set/a.tml" || bad "timeml exit status"
if grep -qF '<TIMEX3 tid="t1" type="DATE" value="2023-10-07">October 7</TIMEX3>' "$tmp/sys/set/a.tml" &&
   ! grep -q 'EVENT\|MAKEINSTANCE' "$tmp/sys/set/a.tml"; then ok "timeml output"; else bad "timeml output"; fi
out=$("$bin" eval timex --system "$tmp/sys" "$tmp/gold") || bad "eval --system exit status"
if echo "$out" | grep -q 'relaxed  P 100.00  R 100.00  F1 100.00   (3 matches)'; then ok "eval --system"; else bad "eval --system: $out"; fi

# timeml: the TIMEX3 mod attribute is written where TimeML defines one
cat > "$tmp/mod.tml" <<'TML'
<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-11-04" temporalFunction="false" functionInDocument="CREATION_TIME">20231104</TIMEX3></DCT>
<TEXT>
The mine opened in early 2019 and ran for nearly three years.
</TEXT>
</TimeML>
TML
"$bin" timeml -o "$tmp/mod.out.tml" "$tmp/mod.tml" || bad "timeml mod exit status"
if grep -qF '<TIMEX3 tid="t1" type="DATE" value="2019" mod="START">early 2019</TIMEX3>' "$tmp/mod.out.tml" &&
   grep -qF '<TIMEX3 tid="t2" type="DURATION" value="P3Y" mod="LESS_THAN">nearly three years</TIMEX3>' "$tmp/mod.out.tml"; then
    ok "timeml mod"
else
    bad "timeml mod: $(grep TIMEX3 "$tmp/mod.out.tml")"
fi

# hostile input: clear messages, no crash
printf 'garbage \x00\x01 not xml' > "$tmp/bad.tml"
msg=$("$bin" timeml "$tmp/bad.tml" 2>&1 >/dev/null); st=$?
if [ $st -eq 1 ] && echo "$msg" | grep -q 'bad.tml: byte'; then ok "garbage tml: $msg"; else bad "garbage tml ($st): $msg"; fi
"$bin" timeml /nonexistent.tml 2>/dev/null; [ $? -eq 2 ] && ok "missing file" || bad "missing file status"
"$bin" eval timex /nonexistent 2>/dev/null; [ $? -eq 2 ] && ok "missing gold dir" || bad "missing gold dir status"
"$bin" eval nosuch 2>/dev/null; [ $? -eq 2 ] && ok "unknown evaluation" || bad "unknown evaluation status"
exit $fail
