/*
 * app.js — the page's behaviour: a hash router over six views (search,
 * entity, quotes, timeline, disagreements, article), each drawn from the JSON
 * API (docs/api.md). Every value from the database reaches the page through
 * textContent or a DOM attribute set by code, never as markup, so headlines,
 * quotes and names cannot inject elements or scripts; links are built from
 * our own routes with encodeURIComponent, and an article's own URL becomes a
 * link only if it is http(s). Fields are read defensively: a view shows what
 * the answer has. Spans are UTF-8 byte offsets and are converted to string
 * indices before highlighting. Not for: data access (the server) or styling
 * (style.css).
 */
'use strict';

/* ---- small DOM helpers --------------------------------------------------- */

const SVG_NS = 'http://www.w3.org/2000/svg';

/* el('a', {href: '#/x', class: 'c'}, 'text', child): children that are
 * strings become text nodes. Attribute values are set with setAttribute, so
 * they are never parsed as markup. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

function setAttrs(e, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
}

function append(e, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function str(v) { return v === null || v === undefined ? '' : String(v); }
function num(v) { return typeof v === 'number' && isFinite(v) ? v : null; }
function rows(doc, section) {
  const r = doc && doc.results && doc.results[section];
  return Array.isArray(r) ? r : [];
}
function fmtNumber(v) {
  const n = num(v);
  return n === null ? '' : n.toLocaleString('en-US', {maximumFractionDigits: 2});
}

const QUALIFIERS = {
  more_than: 'more than', at_least: 'at least', less_than: 'less than', at_most: 'at most',
  about: 'about', exact: '', up_to: 'up to', range: 'range', nearly: 'nearly',
};
function fmtFigure(f) {
  const q = f.qualifier in QUALIFIERS ? QUALIFIERS[f.qualifier] : str(f.qualifier).replace(/_/g, ' ');
  let v = fmtNumber(f.value);
  const lo = num(f.low), hi = num(f.high);
  if (lo !== null && hi !== null && lo !== hi) v = fmtNumber(lo) + '–' + fmtNumber(hi);
  return (q ? q + ' ' : '') + v;
}

/* A route link: #/view?key=value&... */
function route(view, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return '#/' + view + (s ? '?' + s : '');
}

function link(view, params, ...children) { return el('a', {href: route(view, params)}, ...children); }
function entityLink(name) { return name ? link('entity', {name}, name) : null; }
function articleLink(id, label, start, end) {
  return id === null || id === undefined ? null : link('article', {id, start, end}, label || 'article ' + id);
}

/* Text with **match** markers (search snippets) as text and <mark>. */
function snippet(text) {
  const parts = str(text).split('**');
  return parts.map((p, i) => (i % 2 ? el('mark', null, p) : document.createTextNode(p)));
}

/* `sentence` with the first occurrence of `evidence` in <mark>. */
function sentenceWithEvidence(sentence, evidence) {
  const s = str(sentence), ev = str(evidence);
  const i = ev ? s.indexOf(ev) : -1;
  if (i < 0) return [document.createTextNode(s)];
  return [document.createTextNode(s.slice(0, i)), el('mark', {class: 'evidence'}, ev),
          document.createTextNode(s.slice(i + ev.length))];
}

/* ---- the API ------------------------------------------------------------- */

let inflight = null;

async function api(path, params, {signal} = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const res = await fetch('/api/' + path + '?' + q.toString(), {signal, headers: {Accept: 'application/json'}});
  let doc = null;
  try { doc = await res.json(); } catch (e) { doc = null; }
  if (!res.ok) {
    const msg = doc && doc.error && doc.error.message ? doc.error.message : res.status + ' ' + res.statusText;
    const err = new Error(msg);
    err.status = res.status;
    throw err;
  }
  return doc;
}

function setStatus(text) { document.getElementById('status').textContent = text || ''; }

/* Name completion (a combobox): after two letters, the most mentioned
 * entities whose name or alias starts with what is typed (/api/names) open
 * under the box; ArrowDown and ArrowUp move through them, Enter or a click
 * chooses one, Escape closes the list, and typing on without choosing
 * keeps the box's own behaviour. */
let suggestBoxes = 0;
function attachSuggest(input, choose) {
  const id = 'suggest-' + (++suggestBoxes);
  const list = el('ul', {id, class: 'suggest', role: 'listbox', 'aria-label': 'Matching names'});
  list.hidden = true;
  const wrap = el('span', {class: 'combo'});
  if (input.parentNode) input.replaceWith(wrap);
  wrap.append(input, list);
  setAttrs(input, {role: 'combobox', 'aria-autocomplete': 'list', 'aria-controls': id, 'aria-expanded': 'false'});
  let items = [], active = -1, timer = null, ctl = null;
  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    items = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const mark = (i) => {
    active = i;
    items.forEach((li, k) => li.setAttribute('aria-selected', k === i ? 'true' : 'false'));
    input.setAttribute('aria-activedescendant', items[i].id);
    items[i].scrollIntoView({block: 'nearest'});
  };
  const pick = (name) => { close(); choose(name); };
  const lookup = async () => {
    const prefix = input.value.trim();
    if (ctl) ctl.abort();
    if ([...prefix].length < 2) { close(); return; }
    const mine = ctl = new AbortController();
    let doc = null;
    try { doc = await api('names', {prefix, limit: 8}, {signal: mine.signal}); } catch (e) { if (e.name !== 'AbortError') close(); return; }
    if (mine !== ctl || input.value.trim() !== prefix || document.activeElement !== input) return;
    const names = rows(doc, 'names');
    if (!names.length) { close(); return; }
    items = names.map((n, k) => {
      const li = el('li', {id: `${id}-${k}`, role: 'option', 'aria-selected': 'false', 'data-name': str(n.name)},
                    el('span', {class: 'name'}, str(n.name)), ' ', el('span', {class: 'tag'}, str(n.type)), ' ',
                    el('span', {class: 'meta'}, `${fmtCount(n.mentions)} mentions`));
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); pick(str(n.name)); });
      return li;
    });
    list.replaceChildren(...items);
    list.hidden = false;
    active = -1;
    input.setAttribute('aria-expanded', 'true');
  };
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(lookup, 120); });
  input.addEventListener('blur', () => { clearTimeout(timer); close(); });
  input.addEventListener('keydown', (ev) => {
    if (list.hidden || !items.length) return;
    if (ev.key === 'ArrowDown') { ev.preventDefault(); mark((active + 1) % items.length); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); mark(active <= 0 ? items.length - 1 : active - 1); }
    else if (ev.key === 'Escape') { ev.preventDefault(); close(); }
    else if (ev.key === 'Enter' && active >= 0) { ev.preventDefault(); pick(items[active].dataset.name); }
  });
}

/* ---- views --------------------------------------------------------------- */

const view = () => document.getElementById('view');

function heading(text, ...more) { return el('h1', null, text, ...more); }

function fmtCount(n) { return Number(n).toLocaleString('en-US'); }

/* "21–40 of 1,234" (or "of 1,000+" when the server stopped counting), or
 * "21–40" when the answer has no total. */
function pageLabel(doc, section, shown) {
  const page = (doc && doc.page) || {};
  const offset = num(page.offset) || 0;
  const total = page.total && page.total[section];
  if (!shown) return total && num(total.count) ? `${fmtCount(total.count)}${total.capped ? '+' : ''} in all` : '';
  const range = `${fmtCount(offset + 1)}–${fmtCount(offset + shown)}`;
  if (!total || num(total.count) === null) return range;
  return `${range} of ${fmtCount(total.count)}${total.capped ? '+' : ''}`;
}

/* A list section shown one page at a time, with Previous and Next (Next is
 * disabled on the last page) and where the page is in the whole. */
function pagedList(title, fetchPage, section, renderRow, emptyText) {
  const list = el('ol', {class: 'rows'});
  const label = el('span', {class: 'page-label', 'aria-live': 'polite'});
  const prev = el('button', {type: 'button', class: 'page-prev', disabled: true}, '‹ Previous');
  const next = el('button', {type: 'button', class: 'page-next', disabled: true}, 'Next ›');
  const pager = el('div', {class: 'pager', role: 'group', 'aria-label': title + ' pages'}, prev, label, next);
  const box = el('section', {class: 'block'}, el('h2', null, title), list, pager);
  let offset = 0, limit = 20;
  const load = async (at) => {
    prev.disabled = next.disabled = true;
    const doc = await fetchPage(at);
    const page = (doc && doc.page) || {};
    offset = num(page.offset) || 0;
    limit = num(page.limit) || limit;
    const rs = rows(doc, section);
    list.replaceChildren(...rs.map((r) => el('li', null, renderRow(r))));
    if (!rs.length) list.appendChild(el('li', {class: 'empty'}, offset ? 'No more.' : emptyText || 'Nothing.'));
    label.textContent = pageLabel(doc, section, rs.length);
    prev.disabled = offset === 0;
    next.disabled = !(page.more && page.more[section]);
    pager.hidden = offset === 0 && next.disabled;
    return doc;
  };
  const go = async (at, button) => {
    await load(at);
    box.scrollIntoView({block: 'start'});
    if (button.disabled) (button === next ? prev : next).focus(); else button.focus();
  };
  prev.addEventListener('click', () => go(Math.max(0, offset - limit), prev));
  next.addEventListener('click', () => go(offset + limit, next));
  return {box, load};
}

function quoteRow(q, withSpeaker) {
  return [
    el('blockquote', null, '“', str(q.text || q.quote).split('**').join(''), '”'),
    el('p', {class: 'meta'},
       withSpeaker && q.speaker ? [entityLink(q.speaker), ' · '] : null,
       str(q.date), ' · ', articleLink(q.article, str(q.headline) || 'article ' + q.article, q.start, q.end)),
  ];
}

async function viewSearch(params, signal) {
  const q = params.get('q') || '';
  const v = view();
  if (!q.trim()) {
    v.replaceChildren(heading('factline'),
      el('p', null, 'Type a name or a phrase above to see the articles and the quotes that contain it.'),
      el('ul', {class: 'links'},
         el('li', null, link('quotes', null, 'Quotes by speaker')),
         el('li', null, link('timeline', {category: 'killed'}, 'Figure timeline')),
         el('li', null, link('disagree', null, 'Figures that disagree'))));
    return;
  }
  const fetchPage = (offset) => api('search', {q, offset, limit: 20}, {signal});
  const first = await fetchPage(0);
  const arts = pagedList('Articles', (o) => (o ? fetchPage(o) : Promise.resolve(first)), 'articles', (a) => [
    el('h3', null, articleLink(a.article, str(a.headline) || 'article ' + a.article)),
    el('p', {class: 'meta'}, str(a.date), a.source ? ' · ' + str(a.source) : ''),
    el('p', {class: 'snippet'}, snippet(a.snippet)),
  ], 'No article matches.');
  const quotes = pagedList('Quotes', (o) => (o ? fetchPage(o) : Promise.resolve(first)), 'quotes', (x) => [
    el('blockquote', null, '“', snippet(x.quote), '”'),
    el('p', {class: 'meta'}, x.speaker ? [entityLink(x.speaker), ' · '] : null, str(x.date), ' · ',
       articleLink(x.article, 'in context', x.start, x.end)),
  ], 'No quote matches.');
  v.replaceChildren(heading('Search: ', el('q', null, q)), el('div', {class: 'columns'}, arts.box, quotes.box));
  await Promise.all([arts.load(0), quotes.load(0)]);
}

/* Mentions per day as a small bar chart on a time axis (days without
 * mentions stay empty). */
function mentionsChart(days) {
  const pts = days.filter((d) => num(d.mentions) !== null && dayOf(d.date) !== null);
  if (!pts.length) return el('p', {class: 'empty'}, 'No mentions in this period.');
  const W = 1000, H = 140, pad = 30;
  const max = Math.max(...pts.map((d) => d.mentions));
  const d0 = dayOf(pts[0].date), d1 = Math.max(d0 + 1, dayOf(pts[pts.length - 1].date));
  const bw = Math.max(2, Math.min(40, (W - 2 * pad) / (d1 - d0 + 1) - 2));
  const x = (day) => pad + ((day - d0) / (d1 - d0)) * (W - 2 * pad - bw);
  const g = svg('svg', {viewBox: `0 0 ${W} ${H + 24}`, class: 'bars', role: 'img',
                        'aria-label': `Mentions per day: ${pts.length} days from ${pts[0].date}, at most ${max} a day`});
  for (const d of pts) {
    const h = Math.max(1, (d.mentions / max) * (H - pad));
    g.appendChild(svg('rect', {x: x(dayOf(d.date)), y: H - h, width: bw, height: h, class: 'bar'},
                      svg('title', null, `${d.date}: ${d.mentions}`)));
  }
  g.appendChild(svg('text', {x: pad, y: H + 18, class: 'axis'}, str(pts[0].date)));
  g.appendChild(svg('text', {x: W - pad, y: H + 18, class: 'axis', 'text-anchor': 'end'}, dateOf(d1)));
  g.appendChild(svg('text', {x: pad, y: 16, class: 'axis'}, `${max} a day at most`));
  return g;
}

async function viewEntity(params, signal) {
  const name = params.get('name') || '';
  if (!name) { view().replaceChildren(heading('Which entity?')); return; }
  const fetchPage = (offset) => api('entity', {name, offset, limit: 50}, {signal});
  const doc = await fetchPage(0);
  const e = rows(doc, 'entity')[0] || {};
  const v = view();
  const aliases = rows(doc, 'aliases').map((a) => el('li', null, str(a.alias)));
  const co = rows(doc, 'co_occurring').map((c) =>
    el('li', null, entityLink(c.name), ' ', el('span', {class: 'meta'}, `${str(c.type)} · ${fmtNumber(c.articles)} articles`)));
  const quotes = pagedList('Quotes', (o) => (o ? fetchPage(o) : Promise.resolve(doc)), 'quotes',
                           (q) => quoteRow(q, false), 'No quotes.');
  const claims = pagedList('Claims attributed to it', (o) => (o ? fetchPage(o) : Promise.resolve(doc)), 'attributions', (t) => [
    el('p', null, str(t.content)),
    el('p', {class: 'meta'}, str(t.source), t.cue ? ' ' + str(t.cue) : '', ' · ', str(t.date), ' · ',
       articleLink(t.article, 'in context', t.content_start, t.content_end)),
  ], 'Not cited as a source.');
  v.replaceChildren(
    heading(str(e.name) || name, ' ', el('span', {class: 'tag'}, str(e.type))),
    el('p', {class: 'meta'}, `${fmtNumber(e.mentions)} mentions in ${fmtNumber(e.articles)} articles · `,
       link('quotes', {speaker: str(e.name) || name}, 'all quotes')),
    el('section', {class: 'block'}, el('h2', null, 'Also called'), el('ul', {class: 'chips'}, aliases)),
    el('section', {class: 'block'}, el('h2', null, 'Mentions over time'), mentionsChart(rows(doc, 'mentions_per_day'))),
    el('div', {class: 'columns'}, quotes.box, claims.box),
    el('section', {class: 'block'}, el('h2', null, 'Named with'), co.length ? el('ul', {class: 'chips'}, co)
                                                                            : el('p', {class: 'empty'}, 'No one else.')));
  await Promise.all([quotes.load(0), claims.load(0)]);
}

async function viewQuotes(params, signal) {
  const speaker = params.get('speaker') || '';
  const input = el('input', {type: 'search', id: 'speaker', name: 'speaker', value: speaker, autocomplete: 'off',
                             placeholder: 'A speaker, e.g. Blinken'});
  const form = el('form', {class: 'filters'}, el('label', {for: 'speaker'}, 'Speaker '), input,
                  el('button', {type: 'submit'}, 'Show quotes'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = route('quotes', {speaker: input.value.trim()}); });
  attachSuggest(input, (name) => { input.value = name; location.hash = route('quotes', {speaker: name}); });
  const list = pagedList(speaker ? 'Quotes by ' + speaker : 'Latest quotes',
                         (offset) => api('quotes', {speaker, offset, limit: 30}, {signal}), 'quotes',
                         (q) => quoteRow(q, true), 'No quotes.');
  view().replaceChildren(heading('Quotes'), form, list.box);
  await list.load(0);
}

/* ---- timeline chart -------------------------------------------------------- */

const CATEGORIES = ['killed', 'injured', 'arrested', 'released', 'missing', 'displaced', 'hostages', 'evacuated'];

function dayOf(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(str(s));
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 : null;
}
function dateOf(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }

function niceMax(v) {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/* Fetches up to `pages` pages of a section. */
async function allRows(path, params, section, signal, pages = 5) {
  const out = [];
  let offset = 0;
  for (let i = 0; i < pages && offset !== null; i++) {
    const doc = await api(path, {...params, limit: 1000, offset}, {signal});
    out.push(...rows(doc, section));
    offset = doc.page ? doc.page.next_offset : null;
  }
  return out;
}

function factKey(article, start) { return article + ':' + start; }

function chart(points, disagreements, onPick) {
  const W = 820, H = 380, L = 72, R = 16, T = 16, B = 44;
  const days = points.map((p) => p.day);
  let d0 = Math.min(...days), d1 = Math.max(...days);
  if (d0 === d1) { d0 -= 1; d1 += 1; }
  const ymax = niceMax(Math.max(...points.map((p) => Math.max(p.value, p.high ?? p.value))));
  const x = (d) => L + ((d - d0) / (d1 - d0)) * (W - L - R);
  const y = (v) => T + (1 - v / ymax) * (H - T - B);
  const g = svg('svg', {viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'group',
                        'aria-label': `Figure timeline: ${points.length} figures from ${dateOf(d0)} to ${dateOf(d1)}`});
  for (let i = 0; i <= 5; i++) {
    const v = (ymax * i) / 5;
    g.appendChild(svg('line', {x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid'}));
    g.appendChild(svg('text', {x: L - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end'}, fmtNumber(v)));
  }
  const ticks = Math.min(6, d1 - d0);
  for (let i = 0; i <= ticks; i++) {
    const d = Math.round(d0 + ((d1 - d0) * i) / ticks);
    g.appendChild(svg('text', {x: x(d), y: H - B + 18, class: 'axis', 'text-anchor': 'middle'}, dateOf(d)));
  }
  const sources = [...new Set(points.map((p) => p.source))];
  sources.forEach((src, si) => {
    const series = points.filter((p) => p.source === src).sort((a, b) => a.day - b.day);
    const cls = 'series-' + (si % 8);
    if (series.length > 1)
      g.appendChild(svg('polyline', {class: 'line ' + cls, points: series.map((p) => `${x(p.day)},${y(p.value)}`).join(' ')}));
    for (const p of series) {
      if (p.low !== null && p.high !== null && p.low !== p.high)
        g.appendChild(svg('line', {class: 'range ' + cls, x1: x(p.day), x2: x(p.day), y1: y(p.low), y2: y(p.high)}));
      const bad = disagreements.has(factKey(p.article, p.start));
      const label = `${p.as_of}, ${src}: ${fmtFigure(p)}${bad ? ' (disagreement)' : ''}`;
      const dot = svg('g', {class: 'pt' + (bad ? ' disagree' : ''), tabindex: 0, role: 'button', 'aria-label': label,
                            'data-article': p.article, 'data-start': p.start},
                      bad ? svg('circle', {cx: x(p.day), cy: y(p.value), r: 10, class: 'ring'}) : null,
                      svg('circle', {cx: x(p.day), cy: y(p.value), r: 6, class: 'dot ' + cls}),
                      svg('title', null, label));
      dot.addEventListener('click', () => onPick(p, dot));
      dot.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onPick(p, dot); }
      });
      g.appendChild(dot);
    }
  });
  const legend = el('ul', {class: 'legend'}, sources.map((src, si) =>
    el('li', null, svg('svg', {viewBox: '0 0 12 12', class: 'swatch', 'aria-hidden': 'true'},
                       svg('circle', {cx: 6, cy: 6, r: 5, class: 'dot series-' + (si % 8)})), ' ', src)));
  if (disagreements.size)
    legend.appendChild(el('li', null, svg('svg', {viewBox: '0 0 24 24', class: 'swatch', 'aria-hidden': 'true'},
                                          svg('circle', {cx: 12, cy: 12, r: 9, class: 'ring'})), ' disagreement'));
  return [g, legend];
}

async function viewTimeline(params, signal) {
  const f = {category: params.get('category') || 'killed', subject: params.get('subject') || '',
             place: params.get('place') || '', source: params.get('source') || ''};
  const inputs = {};
  const field = (name, label, list) => {
    inputs[name] = el('input', {id: 'tl-' + name, name, value: f[name], autocomplete: 'off', list});
    return el('span', {class: 'field'}, el('label', {for: 'tl-' + name}, label), inputs[name]);
  };
  /* The category is chosen from the categories stored, with how many
   * figures each has (/api/categories); the list starts with the usual ones
   * until the answer comes. */
  inputs.category = el('select', {id: 'tl-category', name: 'category'},
    [...new Set([f.category, ...CATEGORIES])].map((c) => el('option', {value: c, selected: c === f.category}, c)));
  const form = el('form', {class: 'filters'},
    el('span', {class: 'field'}, el('label', {for: 'tl-category'}, 'Category'), inputs.category),
    field('subject', 'Subject'), field('place', 'Place'),
    field('source', 'Source'), el('button', {type: 'submit'}, 'Draw'));
  api('categories', {limit: 200}, {signal}).then((doc) => {
    const cats = rows(doc, 'categories').filter((c) => str(c.category));
    if (!cats.length) return;
    const known = new Set(cats.map((c) => str(c.category)));
    inputs.category.replaceChildren(
      ...(known.has(f.category) ? [] : [el('option', {value: f.category, selected: true}, `${f.category} · no figures`)]),
      ...cats.map((c) => el('option', {value: str(c.category), selected: str(c.category) === f.category},
                            `${str(c.category)} · ${fmtCount(c.figures)} figures`)));
  }).catch(() => {});
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = {};
    for (const k of Object.keys(inputs)) p[k] = inputs[k].value.trim();
    location.hash = route('timeline', p);
  });
  const evidence = el('section', {class: 'evidence-panel', id: 'evidence', 'aria-live': 'polite'},
                      el('p', {class: 'meta'}, 'Choose a point to see the sentence it came from.'));
  const v = view();
  v.replaceChildren(heading('Figure timeline'), form, el('p', {class: 'meta'}, 'Loading…'));
  const [tl, conflicts, decreasing] = await Promise.all([
    allRows('timeline', f, 'timeline', signal),
    allRows('disagree', {category: f.category}, 'conflicting_figures', signal, 1),
    allRows('disagree', {category: f.category}, 'decreasing_cumulative', signal, 1),
  ]);
  const why = new Map();
  const note = (k, text) => why.set(k, (why.get(k) || []).concat([text]));
  for (const c of conflicts) {
    note(factKey(c.article_a, c.start_a), `${str(c.source_b)} said ${fmtNumber(c.value_b)} for the same day`);
    note(factKey(c.article_b, c.start_b), `${str(c.source_a)} said ${fmtNumber(c.value_a)} for the same day`);
  }
  for (const d of decreasing)
    note(factKey(d.article, d.start), `lower than the ${fmtNumber(d.earlier_max)} this source gave on ${str(d.earlier_date)}`);
  const points = tl.map((r) => ({...r, day: dayOf(r.as_of), value: num(r.value), low: num(r.low), high: num(r.high),
                                 source: str(r.source) || '(the article)'}))
    .filter((p) => p.day !== null && p.value !== null);
  if (!points.length) {
    v.replaceChildren(heading('Figure timeline'), form, el('p', {class: 'empty'}, `No “${f.category}” figures found.`));
    return;
  }
  const pick = (p, dot) => {
    for (const d of v.querySelectorAll('.pt.selected')) d.classList.remove('selected');
    if (dot) dot.classList.add('selected');
    const notes = why.get(factKey(p.article, p.start)) || [];
    evidence.replaceChildren(
      el('h2', null, `${p.as_of} · ${p.source}: ${fmtFigure(p)}`),
      el('p', {class: 'sentence'}, sentenceWithEvidence(p.sentence || p.evidence, p.evidence)),
      notes.length ? el('ul', {class: 'notes'}, notes.map((n) => el('li', null, 'Disagreement: ', n))) : null,
      el('p', {class: 'meta'}, str(p.headline), ' · ', articleLink(p.article, 'open the article at this figure', p.start, p.end)));
  };
  const table = el('table', {class: 'data'},
    el('caption', null, 'The figures in the chart'),
    el('thead', null, el('tr', null, ['As of', 'Source', 'Figure', 'Evidence', ''].map((h) => el('th', {scope: 'col'}, h)))),
    el('tbody', null, points.map((p) => el('tr', why.has(factKey(p.article, p.start)) ? {class: 'disagree'} : null,
      el('td', null, p.as_of), el('td', null, p.source), el('td', {class: 'n'}, fmtFigure(p)),
      el('td', null, str(p.evidence)), el('td', null, articleLink(p.article, 'article', p.start, p.end))))));
  const [g, legend] = chart(points, why, pick);
  v.replaceChildren(heading('Figure timeline: ', str(f.category)), form,
                    el('figure', {class: 'chart-box'}, g, el('figcaption', null, legend)), evidence,
                    el('section', {class: 'block'}, table));
}

/* ---- disagreements ----------------------------------------------------------- */

async function viewDisagree(params, signal) {
  const category = params.get('category') || '';
  const fetchPage = (offset) => api('disagree', {category, offset, limit: 50}, {signal});
  const doc = await fetchPage(0);
  const side = (source, qualifier, value, article, sentence, start, end) => el('div', {class: 'side'},
    el('p', null, el('strong', null, str(source)), ': ', fmtFigure({qualifier, value})),
    el('p', {class: 'sentence'}, str(sentence)),
    el('p', {class: 'meta'}, articleLink(article, 'in context', start, end)));
  const conflicts = pagedList('Sources that disagree on the same day', (o) => (o ? fetchPage(o) : Promise.resolve(doc)),
    'conflicting_figures', (c) => [
      el('h3', null, `${str(c.as_of)} · ${str(c.category)}`, c.subject ? ' · ' + str(c.subject) : '',
         c.place ? ' · ' + str(c.place) : ''),
      el('div', {class: 'versus'},
         side(c.source_a, c.qualifier_a, c.value_a, c.article_a, c.sentence_a, c.start_a, c.end_a),
         side(c.source_b, c.qualifier_b, c.value_b, c.article_b, c.sentence_b, c.start_b, c.end_b)),
      el('p', {class: 'meta'}, link('timeline', {category: c.category, subject: c.subject, place: c.place}, 'see the timeline')),
    ], 'No figures disagree.');
  const decreasing = pagedList('Running totals that went down', (o) => (o ? fetchPage(o) : Promise.resolve(doc)),
    'decreasing_cumulative', (d) => [
      el('h3', null, `${str(d.as_of)} · ${str(d.source)} · ${str(d.category)}`, d.subject ? ' · ' + str(d.subject) : ''),
      el('p', null, `${fmtFigure({qualifier: d.qualifier, value: d.later_value})}, after ${fmtNumber(d.earlier_max)} on ${str(d.earlier_date)}`),
      el('p', {class: 'sentence'}, str(d.sentence)),
      el('p', {class: 'meta'}, articleLink(d.article, 'in context', d.start, d.end)),
    ], 'No running total went down.');
  view().replaceChildren(heading('Disagreements', category ? ': ' + category : ''), conflicts.box, decreasing.box);
  await Promise.all([conflicts.load(0), decreasing.load(0)]);
}

/* ---- article with highlighted facts ---------------------------------------- */

/* Maps UTF-8 byte offsets of `text` to string (UTF-16) indices. An offset
 * inside a character maps to that character's start. */
function byteMap(text) {
  const map = [];
  let bytes = 0, i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[bytes + k] = i;
    bytes += n;
    i += ch.length;
  }
  map[bytes] = i;
  return (b) => (Number.isInteger(b) && b >= 0 && b <= bytes ? map[b] : null);
}

const FACT_TYPES = [
  ['figures', 'figure', 'Figures'], ['quotes', 'quote', 'Quotes'], ['attributions', 'attribution', 'Attributions'],
  ['entities', 'entity', 'Entities'], ['times', 'time', 'Times'],
];

/* The article's facts, each with the spans of its evidence (string
 * indices and the original byte offsets). An entity is one fact with a span
 * per mention; every other fact has one span. */
function factsOf(doc, text, toIndex) {
  const facts = [];
  const byKey = new Map();
  const add = (type, label, detail, start, end, key) => {
    const s = toIndex(start), e = toIndex(end);
    if (s === null || e === null || e <= s) return;
    const span = {start: s, end: e, bstart: start, bend: end};
    if (key !== undefined && byKey.has(key)) { byKey.get(key).spans.push(span); return; }
    const f = {id: 'f' + facts.length, type, label, detail, spans: [span], cursor: 0};
    facts.push(f);
    if (key !== undefined) byKey.set(key, f);
  };
  for (const f of rows(doc, 'figures'))
    add('figure', fmtFigure(f) + (f.category ? ' ' + str(f.category) : ''),
        [f.subject, f.place, f.source ? 'per ' + str(f.source) : '', f.date ? 'as of ' + str(f.date) : ''].filter(Boolean).join(' · '),
        f.start, f.end);
  for (const q of rows(doc, 'quotes'))
    add('quote', '“' + str(q.text) + '”', [q.speaker, q.cue].filter(Boolean).map(str).join(' · '), q.start, q.end);
  for (const t of rows(doc, 'attributions')) {
    const s = num(t.content_start) !== null ? t.content_start : t.source_start;
    const e = num(t.content_end) !== null ? t.content_end : t.source_end;
    add('attribution', str(t.source) + (t.cue ? ' ' + str(t.cue) : ''), t.anonymous ? 'anonymous' : str(t.source_type), s, e);
  }
  for (const e of rows(doc, 'entities'))
    add('entity', str(e.name), str(e.type), e.start, e.end, e.entity !== null && e.entity !== undefined ? 'id' + e.entity : 'n' + str(e.type) + str(e.name));
  for (const t of rows(doc, 'times')) add('time', str(t.text), [t.type, t.value].filter(Boolean).map(str).join(' '), t.start, t.end);
  for (const f of facts) {
    if (f.type !== 'entity') continue;
    const surfaces = [...new Set(f.spans.map((x) => text.slice(x.start, x.end)))].filter((x) => x !== f.label);
    if (f.spans.length > 1) f.label += ' ×' + f.spans.length;
    if (surfaces.length) f.detail += ' · as ' + surfaces.map((x) => '“' + x + '”').join(', ');
  }
  return facts;
}

/* The text split at every span boundary; each piece lists the spans that
 * cover it as "FACT.SPAN" tokens in data-facts. */
function highlightedText(text, facts) {
  const marks = facts.flatMap((f) => f.spans.map((x, k) => ({f, k, start: x.start, end: x.end})));
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el('div', {class: 'article-text', id: 'article-text'});
  marks.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = [];
    for (const m of marks) {
      if (m.start > a) break;
      if (m.end >= b) covering.push(m);
    }
    if (!covering.length) { out.appendChild(document.createTextNode(piece)); continue; }
    const types = [...new Set(covering.map((m) => 'hl-' + m.f.type))];
    out.appendChild(el('span', {class: 'hl ' + types.join(' '),
                                'data-facts': covering.map((m) => m.f.id + '.' + m.k).join(' ')}, piece));
  }
  return out;
}

function tokensOf(piece) { return piece.dataset.facts.split(' '); }

/* Marks every span of `fact` and, with `scroll`, brings its span number
 * `k` into view. */
function selectFact(root, fact, scroll, k = 0) {
  for (const e of root.querySelectorAll('.hl.active')) e.classList.remove('active');
  for (const e of root.querySelectorAll('.fact[aria-pressed="true"]')) e.setAttribute('aria-pressed', 'false');
  const pieces = [...root.querySelectorAll('.article-text .hl')]
    .filter((e) => tokensOf(e).some((t) => t.split('.')[0] === fact.id));
  for (const e of pieces) e.classList.add('active');
  fact.cursor = k;
  const button = root.querySelector(`.fact[data-fact="${fact.id}"]`);
  if (button) button.setAttribute('aria-pressed', 'true');
  const target = pieces.find((e) => tokensOf(e).includes(fact.id + '.' + k)) || pieces[0];
  if (scroll && target) target.scrollIntoView({block: 'center', behavior: 'auto'});
  const shown = document.getElementById('selected-fact');
  if (shown) shown.textContent = `${fact.type}: ${fact.label}` + (fact.spans.length > 1 ? ` (${k + 1} of ${fact.spans.length})` : '');
}

async function viewArticle(params, signal) {
  const id = params.get('id') || '';
  const doc = await api('article', {id}, {signal});
  const a = rows(doc, 'article')[0] || {};
  const text = str(a.text);
  const toIndex = byteMap(text);
  const facts = factsOf(doc, text, toIndex);
  const body = highlightedText(text, facts);
  const url = str(a.url);
  let safeUrl = null;
  try { const u = new URL(url); if (u.protocol === 'http:' || u.protocol === 'https:') safeUrl = u.href; } catch (e) { safeUrl = null; }
  const v = view();
  const list = el('div', {class: 'facts', id: 'facts'});
  for (const [, type, title] of FACT_TYPES) {
    const mine = facts.filter((f) => f.type === type);
    if (!mine.length) continue;
    list.appendChild(el('h2', null, `${title} (${mine.length})`));
    list.appendChild(el('ul', null, mine.map((f) => el('li', null,
      el('button', {type: 'button', class: 'fact fact-' + type, 'data-fact': f.id, 'aria-pressed': 'false',
                    onclick: (ev) => selectFact(v, f, true, ev.currentTarget.getAttribute('aria-pressed') === 'true' ? (f.cursor + 1) % f.spans.length : 0)},
         el('span', {class: 'label'}, f.label), f.detail ? el('span', {class: 'detail'}, f.detail) : null)))));
  }
  if (!facts.length) list.appendChild(el('p', {class: 'empty'}, 'No facts were extracted from this article.'));
  body.addEventListener('click', (ev) => {
    const piece = ev.target.closest('.hl');
    if (!piece) return;
    /* the innermost span under the pointer decides */
    let best = null;
    for (const t of tokensOf(piece)) {
      const [id, k] = t.split('.');
      const f = facts.find((x) => x.id === id);
      const x = f && f.spans[Number(k)];
      if (x && (!best || x.end - x.start < best.len)) best = {f, k: Number(k), len: x.end - x.start};
    }
    if (best) {
      selectFact(v, best.f, false, best.k);
      const b = v.querySelector(`.fact[data-fact="${best.f.id}"]`);
      if (b) b.scrollIntoView({block: 'nearest'});
    }
  });
  v.replaceChildren(
    heading(str(a.headline) || 'Article ' + id),
    el('p', {class: 'meta'}, str(a.date), a.source ? ' · ' + str(a.source) : '',
       safeUrl ? [' · ', el('a', {href: safeUrl, rel: 'noopener noreferrer nofollow', target: '_blank'}, 'original')] :
       url ? ' · ' + url : '', ' · id ', str(a.ext_id || a.hash)),
    el('p', {class: 'legend-text meta'}, 'Highlighted: ',
       FACT_TYPES.map(([, type, title]) => el('span', {class: 'key hl-' + type}, title.toLowerCase())).reduce((acc, x) => acc.concat(x, ' '), []),
       '· selected: ', el('span', {id: 'selected-fact'}, 'none')),
    el('div', {class: 'article'}, el('article', null, body), el('aside', {'aria-label': 'Facts'}, list)));
  const start = Number(params.get('start')), end = Number(params.get('end'));
  if (params.has('start')) {
    let hit = null;
    for (const f of facts) {
      const k = f.spans.findIndex((x) => x.bstart === start && x.bend === end);
      if (k >= 0) { hit = {f, k}; break; }
    }
    if (!hit)
      for (const f of facts) {
        const k = f.spans.findIndex((x) => x.bstart === start);
        if (k >= 0) { hit = {f, k}; break; }
      }
    if (hit) selectFact(v, hit.f, true, hit.k);
  }
}

/* ---- routing ------------------------------------------------------------- */

const VIEWS = {'': viewSearch, search: viewSearch, entity: viewEntity, quotes: viewQuotes, timeline: viewTimeline,
               disagree: viewDisagree, article: viewArticle};

function parseHash() {
  const h = location.hash.replace(/^#\/?/, '');
  const i = h.indexOf('?');
  const name = i < 0 ? h : h.slice(0, i);
  return {name, params: new URLSearchParams(i < 0 ? '' : h.slice(i + 1))};
}

async function render() {
  const {name, params} = parseHash();
  const fn = Object.prototype.hasOwnProperty.call(VIEWS, name) ? VIEWS[name] : null;
  if (inflight) inflight.abort();
  const ctl = new AbortController();
  inflight = ctl;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.nav === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const q = document.getElementById('q');
  if (document.activeElement !== q) q.value = name === '' || name === 'search' ? params.get('q') || '' : '';
  if (!fn) { view().replaceChildren(heading('Not found'), el('p', null, link('', null, 'Back to search'))); return; }
  setStatus('Loading…');
  document.body.classList.add('busy');
  try {
    await fn(params, ctl.signal);
    if (inflight === ctl) setStatus('');
  } catch (err) {
    if (err.name === 'AbortError') return;
    if (inflight === ctl) {
      setStatus('');
      view().replaceChildren(heading(err.status === 404 ? 'Not found' : 'Could not load this view'),
                             el('p', {class: 'error'}, str(err.message)));
    }
  } finally {
    if (inflight === ctl) document.body.classList.remove('busy');
  }
  if (name !== '' && name !== 'search' && !params.has('start')) view().focus({preventScroll: true});
}

function setup() {
  const form = document.getElementById('search-form');
  const q = document.getElementById('q');
  let timer = null;
  const go = (replace) => {
    const target = route('search', {q: q.value.trim()});
    if (location.hash === target) return;
    if (replace && parseHash().name === 'search') { history.replaceState(null, '', target); render(); }
    else location.hash = target;
  };
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => go(true), 180); });
  form.addEventListener('submit', (ev) => { ev.preventDefault(); clearTimeout(timer); go(false); });
  attachSuggest(q, (name) => { clearTimeout(timer); q.value = ''; location.hash = route('entity', {name}); });
  document.addEventListener('keydown', (ev) => {
    const t = ev.target;
    if (ev.key === '/' && !(t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement)) { ev.preventDefault(); q.focus(); }
  });
  window.addEventListener('hashchange', render);
  render();
}

document.addEventListener('DOMContentLoaded', setup);
