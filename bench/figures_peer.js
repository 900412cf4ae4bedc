// figures_peer.js FILE... — times compromise's numbers() over the articles of
// FILE... (read as factline builds article texts, see peers/articles.js) and
// prints one line of key=value figures: peer, bytes, articles, numbers,
// seconds, mb_per_s, peak_rss_kb. compromise parses the text and then finds
// its number phrases (values with their parsed number), which is the closest
// peer to the figure layer's numeral step; it does not attach categories,
// subjects or sources. Timing covers nlp() + numbers(), not file reading.
'use strict';
const { readArticles, bytesOf } = require('./peers/articles');
const nlp = require('compromise');

const texts = readArticles(process.argv.slice(2));
let numbers = 0;
const t0 = process.hrtime.bigint();
for (const t of texts) numbers += nlp(t).numbers().json().length;
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const bytes = bytesOf(texts);
const rss = Math.round(process.resourceUsage().maxRSS);
console.log(`peer=compromise-numbers bytes=${bytes} articles=${texts.length} numbers=${numbers} ` +
            `seconds=${secs.toFixed(3)} mb_per_s=${(bytes / 1e6 / secs).toFixed(3)} peak_rss_kb=${rss}`);
