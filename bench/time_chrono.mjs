// time_chrono.mjs — runs chrono-node on the <TEXT> of TimeML files and writes
// TimeML with chrono's results as TIMEX3 tags, for `factline eval timex
// --system`; prints chrono's parsing throughput. Used by bench/time_bench.sh.
// Usage: node time_chrono.mjs GOLD_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';

const [goldDir, outDir] = process.argv.slice(2);
const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function walk(dir, rel = '') {
  let files = [];
  for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
    if (name.startsWith('.')) continue;
    const r = rel ? `${rel}/${name}` : name;
    const st = fs.statSync(path.join(dir, r));
    if (st.isDirectory()) files = files.concat(walk(dir, r));
    else if (name.endsWith('.tml')) files.push(r);
  }
  return files;
}

// The TEXT content without tags (entities kept) and its decoded plain text,
// with plainStart[i] = index in the kept string of plain character i.
function splitText(raw) {
  const open = raw.indexOf('<TEXT>') + 6, close = raw.indexOf('</TEXT>');
  const kept = raw.slice(open, close).replace(/<[^>]*>/g, '');
  let plain = '';
  const from = [], to = [];
  for (let i = 0; i < kept.length;) {
    const m = kept[i] === '&' ? /^&(amp|lt|gt|quot|apos);/.exec(kept.slice(i, i + 6)) : null;
    const len = m ? m[0].length : 1;
    plain += m ? entities[m[1]] : kept[i];
    from.push(i);
    to.push(i + len);
    i += len;
  }
  return { open, close, kept, plain, from, to };
}

function pad(n, w = 2) { return String(n).padStart(w, '0'); }

// chrono's certain components as a TimeML value and type.
function timexOf(c) {
  const y = c.get('year'), mo = c.get('month'), d = c.get('day');
  if (c.isCertain('hour')) return ['TIME', `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(c.get('hour'))}:${pad(c.get('minute') || 0)}`];
  if (c.isCertain('day') || c.isCertain('weekday')) return ['DATE', `${pad(y, 4)}-${pad(mo)}-${pad(d)}`];
  if (c.isCertain('month')) return ['DATE', `${pad(y, 4)}-${pad(mo)}`];
  return ['DATE', `${pad(y, 4)}`];
}

// Read every document, time chrono over all of them for several rounds
// (the fastest round counts, as factline's --speed does), then write the
// results of the last round.
const docs = walk(goldDir).map((rel) => {
  const raw = fs.readFileSync(path.join(goldDir, rel), 'utf8');
  const dct = /<DCT>\s*<TIMEX3[^>]*value="(\d{4})-(\d\d)-(\d\d)/.exec(raw);
  const t = splitText(raw);
  return { rel, raw, t, ref: new Date(Date.UTC(+dct[1], +dct[2] - 1, +dct[3], 12)) };
});
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.t.plain), 0);
let best = Infinity, results = [];
for (let round = 0; round < 5; round++) {
  const t0 = process.hrtime.bigint();
  results = docs.map((d) => chrono.parse(d.t.plain, { instant: d.ref, timezone: 0 }));
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
}
docs.forEach((d, k) => {
  const t = d.t;
  let out = '', at = 0, n = 0;
  for (const r of results[k]) {
    const s = r.index, e = r.index + r.text.length;
    if (s < 0 || e > t.plain.length || e <= s) continue;
    const ks = t.from[s], ke = t.to[e - 1];
    if (ks < at) continue;
    const [type, value] = timexOf(r.start);
    out += t.kept.slice(at, ks) + `<TIMEX3 tid="t${++n}" type="${type}" value="${value}">` + t.kept.slice(ks, ke) + '</TIMEX3>';
    at = ke;
  }
  out += t.kept.slice(at);
  const tail = d.raw.slice(t.close).replace(/<(MAKEINSTANCE|TLINK|SLINK|ALINK)[^>]*>\n?/g, '');
  const target = path.join(outDir, d.rel);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, d.raw.slice(0, t.open) + out + tail);
});
console.log(`chrono-node: ${(bytes / 1e6).toFixed(2)} MB of text, fastest of 5 rounds ${best.toFixed(3)} s: ${(bytes / 1e6 / best).toFixed(2)} MB/s`);
