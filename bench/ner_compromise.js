// ner_compromise.js — compromise's named-entity methods (people, places,
// organizations) on every article of native-format news files, timed on the
// same text factline tags. Prints "articles=N words=W seconds=S words_per_s=R".
// Run by bench/ner.sh; compromise is installed into bench/node_modules.
'use strict';
const fs = require('fs');
const nlp = require('compromise');

let articles = 0, words = 0, seconds = 0, found = 0;
for (const file of process.argv.slice(2)) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let current = null;
  const flush = () => {
    if (current === null) return;
    const t0 = process.hrtime.bigint();
    const doc = nlp(current);
    found += doc.people().length + doc.places().length + doc.organizations().length;
    seconds += Number(process.hrtime.bigint() - t0) / 1e9;
    words += doc.terms().length;
    articles++;
  };
  for (const line of lines) {
    const m = /^date \d{4}-\d{2}-\d{2} (.*)$/.exec(line);
    if (m) {
      flush();
      current = m[1] + '\n\n';
    } else if (current !== null) {
      current += line + '\n';
    }
  }
  flush();
}
console.log(`articles=${articles} words=${words} entities=${found} seconds=${seconds.toFixed(3)} words_per_s=${(words / seconds).toFixed(0)}`);
