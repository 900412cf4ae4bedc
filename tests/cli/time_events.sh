#!/usr/bin/env bash
# time_events.sh — event-anchored expressions end to end: `extract` writes
# "since the war began" with the date the article gives the war's start and
# mod ON_OR_AFTER, leaves an unanchored one out, and `timeml` (TimeML's
# annotation) writes neither.
set -u
bin=${FACTLINE_BIN:?FACTLINE_BIN not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fail=1; }

cat > "$tmp/a.txt" <<'TXT'
date 2023-11-04 Aid stalls since the war began
The war began on 7 October. Two days after the vote, nothing had changed.
TXT
"$bin" extract "$tmp/a.txt" > "$tmp/a.json" || bad "extract exit status"
want='{"text":"since the war began","span":[11,30],"type":"DATE","value":"2023-10-07","mod":"ON_OR_AFTER"}'
if grep -qF "$want" "$tmp/a.json"; then ok "extract $want"; else bad "extract lacks $want: $(cat "$tmp/a.json")"; fi
# no vote is dated: "Two days" stays the duration TimeML gives it
want='{"text":"Two days","span":[60,68],"type":"DURATION","value":"P2D"}'
if grep -qF "$want" "$tmp/a.json"; then ok "unanchored $want"; else bad "unanchored: $(cat "$tmp/a.json")"; fi

cat > "$tmp/a.tml" <<'TML'
<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-11-04" temporalFunction="false" functionInDocument="CREATION_TIME">20231104</TIMEX3></DCT>
<TEXT>
The war began on 7 October. Aid has stalled since the war began.
</TEXT>
</TimeML>
TML
"$bin" timeml -o "$tmp/out.tml" "$tmp/a.tml" || bad "timeml exit status"
if [ "$(grep -o '<TIMEX3 tid="t[1-9]' "$tmp/out.tml" | wc -l)" -eq 1 ] && ! grep -q 'ON_OR_AFTER' "$tmp/out.tml"; then
    ok "timeml leaves event-anchored phrases untagged"
else
    bad "timeml: $(grep TIMEX3 "$tmp/out.tml")"
fi
exit $fail
