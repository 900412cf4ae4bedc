// text_peers.js PEER FILE... — times a peer's tokenization + sentence
// splitting over the articles of FILE... and prints one line of key=value
// figures: peer, bytes, articles, tokens, sentences, seconds, mb_per_s, peak_rss_kb.
// Peers: wink (wink-nlp readDoc with wink-eng-lite-web-model), compromise (nlp()).
// Timing covers only the peer's processing, not file reading.
'use strict';
const { readArticles, bytesOf } = require('./articles');

const peer = process.argv[2];
const texts = readArticles(process.argv.slice(3));
let run;
if (peer === 'wink') {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  run = (t) => { const d = nlp.readDoc(t); return [d.tokens().length(), d.sentences().length()]; };
} else if (peer === 'compromise') {
  const nlp = require('compromise');
  run = (t) => { const d = nlp(t); return [d.terms().length, d.sentences().length]; };
} else {
  console.error('unknown peer ' + peer);
  process.exit(2);
}
let tokens = 0, sentences = 0;
const t0 = process.hrtime.bigint();
for (const t of texts) { const [a, b] = run(t); tokens += a; sentences += b; }
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const bytes = bytesOf(texts);
const rss = Math.round(process.resourceUsage().maxRSS);
console.log(`peer=${peer} bytes=${bytes} articles=${texts.length} tokens=${tokens} sentences=${sentences} ` +
            `seconds=${secs.toFixed(3)} mb_per_s=${(bytes / 1e6 / secs).toFixed(3)} peak_rss_kb=${rss}`);
