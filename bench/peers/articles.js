// articles.js — reads factline's native format (`date YYYY-MM-DD headline`, then
// the body) into article texts built the same way factline builds them
// (headline + "\n\n" + body), so every peer sees exactly the same text.
'use strict';
const fs = require('fs');

function readArticles(files) {
  const out = [];
  for (const f of files) {
    const lines = fs.readFileSync(f, 'utf8').split(/\r?\n/);
    let head = null, body = [];
    const flush = () => { if (head !== null) out.push(body.length ? head + '\n\n' + body.join('\n') : head); };
    for (const line of lines) {
      const m = /^\s*date \d{4}-\d{2}-\d{2}(?:\s+(.*))?$/.exec(line);
      if (m) { flush(); head = (m[1] || '').trim(); body = []; }
      else if (head !== null && (body.length || line.trim())) body.push(line);
    }
    flush();
  }
  return out;
}

function bytesOf(texts) { return texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0); }

module.exports = { readArticles, bytesOf };
