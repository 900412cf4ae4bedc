// pipeline_peers.js PEER FILE... — runs a peer's full analysis over the
// articles of FILE... (the same article texts factline builds) and reports
// nothing but its exit: the time and memory are measured from outside by
// bench/measure.py. Peers:
//   compromise  nlp(text): people(), places(), organizations(), numbers(),
//               quotations(), and dates() from compromise-dates
//   wink        readDoc(text): tokens, sentences, entities (wink-eng-lite-web-model)
//   chrono      chrono.parse(text, refDate): dates only
'use strict';
const { readArticles } = require('./articles');

const peer = process.argv[2];
const texts = readArticles(process.argv.slice(3));
let sink = 0;
if (peer === 'compromise') {
  const nlp = require('compromise');
  nlp.plugin(require('compromise-dates'));
  for (const t of texts) {
    const d = nlp(t);
    sink += d.people().length + d.places().length + d.organizations().length + d.numbers().length +
            d.quotations().length + d.dates().length;
  }
} else if (peer === 'wink') {
  const nlp = require('wink-nlp')(require('wink-eng-lite-web-model'));
  for (const t of texts) {
    const d = nlp.readDoc(t);
    sink += d.tokens().length() + d.sentences().length() + d.entities().length();
  }
} else if (peer === 'chrono') {
  const chrono = require('chrono-node');
  for (const t of texts) sink += chrono.parse(t, new Date()).length;
} else {
  console.error('unknown peer ' + peer);
  process.exit(2);
}
process.stderr.write(`${peer}: ${texts.length} articles, ${sink} results\n`);
