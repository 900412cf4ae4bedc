// browser.test.mjs — the page in a real browser: playwright-core drives
// Debian's chromium (headless, the project's flags, a new empty profile)
// against `factline serve` on a database built from tests/web/fixture.jsonl
// (hand-written facts with hostile text) and the real articles of samples/.
// It measures the first view, searches, opens an entity, a speaker's quotes,
// the figure timeline (clicks a figure: its evidence sentence must show with
// the figure marked), the article view (the figure's span highlighted and
// scrolled into view), disagreements and a phone-width layout, and fails on
// any console error, page error, dialog (an injected alert) or injected
// element. A screenshot of each view goes to OUT_DIR.
// Run: FACTLINE_BIN=build/factline OUT_DIR=build/test-output/web node tests/web/browser.test.mjs
// Not for: API status codes and hostile requests (tests/cli/server_api.sh).
import {spawn, execFileSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = resolve(root, process.env.FACTLINE_BIN || 'build/factline');
const outDir = resolve(root, process.env.OUT_DIR || join(dirname(bin), 'test-output/web'));
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
               '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let passed = 0, failed = 0;
function check(cond, what) {
  if (cond) passed++;
  else { failed++; console.log('FAIL: ' + what); }
}

const work = mkdtempSync(join(tmpdir(), 'factline-web-'));
const db = join(work, 't.db');
execFileSync(bin, ['ingest', '-q', '--facts', '--db', db, join(root, 'tests/web/fixture.jsonl')]);
execFileSync(bin, ['ingest', '-q', '--db', db, join(root, 'samples/seed.txt'), join(root, 'samples/reuters-sample.txt')]);
mkdirSync(outDir, {recursive: true});

const server = spawn(bin, ['serve', '--db', db, '--port', '0'], {stdio: ['ignore', 'ignore', 'pipe']});
let serverLog = '';
const port = await new Promise((ok, fail) => {
  const t = setTimeout(() => fail(new Error('server did not start: ' + serverLog)), 10000);
  server.stderr.on('data', (d) => {
    serverLog += d;
    const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(serverLog);
    if (m) { clearTimeout(t); ok(Number(m[1])); }
  });
  server.on('exit', (code) => fail(new Error('server exited ' + code + ': ' + serverLog)));
});
const base = `http://127.0.0.1:${port}/`;

const profile = mkdtempSync(join(tmpdir(), 'factline-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: browserPath, headless: true, args: FLAGS, viewport: {width: 1280, height: 900},
});
const page = context.pages()[0] || await context.newPage();
const problems = [];
let allow404 = false;
page.on('console', (m) => {
  if (m.type() !== 'error') return;
  if (allow404 && /status of 404/.test(m.text())) return;
  problems.push('console: ' + m.text());
});
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
page.on('dialog', async (d) => { problems.push('dialog (injected script ran?): ' + d.message()); await d.dismiss(); });
page.on('requestfailed', (r) => { if (!r.failure() || !/ERR_ABORTED/.test(r.failure().errorText)) problems.push('request failed: ' + r.url()); });
page.on('request', (r) => { if (!r.url().startsWith(base)) problems.push('request outside the server: ' + r.url()); });

const shots = [];
async function shot(name, full = true) {
  const path = join(outDir, name + '.png');
  await page.screenshot({path, fullPage: full});
  shots.push(path);
}
async function noInjection(where) {
  const n = await page.evaluate(() => ({
    scripts: [...document.scripts].filter((s) => !s.src.endsWith('/app.js')).length,
    imgs: document.querySelectorAll('img, svg[onload], [onerror], [onload], [onclick]').length,
    js: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
  check(n.scripts === 0 && n.imgs === 0 && n.js === 0, `${where}: injected elements ${JSON.stringify(n)}`);
}
async function inViewport(locator) {
  const box = await locator.boundingBox();
  const vp = page.viewportSize();
  return !!box && box.y >= 0 && box.y + box.height <= vp.height;
}
const text = (sel) => page.locator(sel).allTextContents();
// Waits until the locator's text is no longer `before` (polled from here: the page's
// Content-Security-Policy forbids the eval that page.waitForFunction needs).
async function changed(locator, before) {
  for (let i = 0; i < 100; i++) {
    if ((await locator.textContent()) !== before) return;
    await page.waitForTimeout(50);
  }
  throw new Error('text stayed ' + before);
}

try {
  // 1. First view in under a second, from navigation start to the drawn view.
  await page.goto(base, {waitUntil: 'load'});
  await page.waitForSelector('main h1');
  const firstView = await page.evaluate(() => performance.now());
  console.log(`first view rendered ${firstView.toFixed(0)} ms after navigation start`);
  check(firstView < 1000, `first view took ${firstView} ms`);
  await shot('home');

  // 2. Search with the keyboard: "/" focuses the box, results come while typing.
  await page.keyboard.press('/');
  await page.keyboard.type('toll', {delay: 30});
  await page.waitForSelector('main ol.rows h3 a');
  const headlines = await text('main ol.rows h3 a');
  check(headlines.length === 4, 'search toll: ' + headlines.length + ' articles');
  check(headlines.includes('Health ministry says <script>alert("x")</script> toll passes 9,200'),
        'hostile headline shown as text: ' + JSON.stringify(headlines));
  check(/#\/search\?q=toll$/.test(page.url()), 'search is in the URL: ' + page.url());
  await noInjection('search');
  await shot('search');

  await page.fill('#q', '');
  await page.keyboard.press('/');
  await page.locator('#q').pressSequentially('onerror', {delay: 20});
  await page.waitForSelector('text=Army figure');
  check((await text('main ol.rows h3 a')).includes('Army figure "><img src=x onerror=alert(1)> differs'),
        'img-onerror headline shown as text');
  check((await text('main blockquote')).some((q) => q.includes('javascript:alert(document.cookie)')), 'quote with javascript: URL as text');
  await noInjection('hostile search');

  // 2b. Pages of a search: "1–20 of N", Next to the last page, where Next is disabled.
  await page.goto(base + '#/search?q=said');
  await page.waitForSelector('main ol.rows h3 a');
  {
    const total = (await (await page.request.get(base + 'api/search?q=said&limit=1')).json()).page.total.articles.count;
    check(total > 20, 'search said: more than one page (' + total + ')');
    const label = page.locator('main section').first().locator('.page-label');
    check((await label.textContent()) === `1–20 of ${total}`, 'first page label: ' + await label.textContent());
    const next = page.locator('main section').first().locator('.page-next');
    const prev = page.locator('main section').first().locator('.page-prev');
    check(await prev.isDisabled() && await next.isEnabled(), 'first page: Previous disabled, Next enabled');
    let pages = 1;
    while (await next.isEnabled() && pages < 10) {
      const before = await label.textContent();
      await next.click();
      await changed(label, before);
      pages++;
    }
    check(pages === Math.ceil(total / 20), `pages ${pages} for ${total} articles`);
    const last = await label.textContent();
    check(last === `${(pages - 1) * 20 + 1}–${total} of ${total}`, 'last page label: ' + last);
    check(await next.isDisabled() && await prev.isEnabled(), 'last page: Next disabled');
    check(await page.locator('main section').first().locator('ol.rows > li').count() === total - (pages - 1) * 20,
          'last page rows');
    await shot('search-last-page');
    await prev.click();
    await changed(label, last);
    check(await next.isEnabled(), 'back a page: Next enabled again');
  }

  // 2c. Name completion in the search box, with the keyboard: two letters open the list, the most
  // mentioned first; ArrowDown and Enter open the entity.
  await page.fill('#q', '');
  await page.locator('#q').blur();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('/');
  await page.keyboard.type('Blin', {delay: 40});
  await page.waitForSelector('#q[aria-expanded="true"] + ul.suggest li');
  {
    const names = await text('ul.suggest li .name');
    check(names[0] === 'Antony Blinken', 'completion: ' + names.join('|'));
    await shot('search-suggest', false);
    await page.keyboard.press('ArrowDown');
    check((await page.locator('#q').getAttribute('aria-activedescendant')) === (await page.locator('ul.suggest li').first().getAttribute('id')),
          'completion: the option is active');
    await page.keyboard.press('Enter');
    await page.waitForSelector('main h1:has-text("Antony Blinken")');
    check(/#\/entity\?name=Antony\+Blinken$/.test(page.url()), 'completion opens the entity: ' + page.url());
    check(await page.locator('ul.suggest:not([hidden])').count() === 0, 'completion closed');
    // Hostile names come back as text.
    await page.keyboard.press('/');
    await page.keyboard.type('<s', {delay: 40});
    await page.waitForTimeout(400);
    await noInjection('completion');
    await page.keyboard.press('Escape');
  }

  // 3. Entity: from a quote's speaker link.
  await page.fill('#q', 'pauses');
  await page.press('#q', 'Enter');
  await page.waitForSelector('main blockquote');
  await page.locator('main a', {hasText: 'Antony Blinken'}).first().click();
  await page.waitForSelector('main h1:has-text("Antony Blinken")');
  check((await text('main .chips li')).slice(0, 2).join('|') === 'Antony Blinken|Blinken', 'aliases');
  check(await page.locator('svg.bars rect').count() === 2, 'mentions over time: 2 days');
  // the fixture's two quotes, and the seed article's (real extraction)
  check(await page.locator('main blockquote').count() >= 2, 'entity quotes');
  await shot('entity');

  // 4. Quotes by speaker.
  await page.goto(base + '#/quotes?speaker=Blinken');
  await page.waitForSelector('main blockquote');
  {
    const quotes = (await text('main blockquote')).map((s) => s.trim());
    check(quotes.includes('“humanitarian pauses”') && quotes.includes('“We are ready to work on pauses”'),
          'quotes by Blinken: ' + quotes.join('|'));
  }
  await shot('quotes');

  // 5. Timeline: one line per source, disagreements marked, a figure's evidence.
  await page.goto(base + '#/timeline?category=killed&subject=Palestinians&place=Gaza');
  await page.waitForSelector('svg.chart .pt');
  // The category picker lists the stored categories with their counts, most figures first.
  await page.waitForSelector('#tl-category option:has-text("figures")', {state: 'attached'});
  {
    const cats = (await (await page.request.get(base + 'api/categories')).json()).results.categories;
    const options = await text('#tl-category option');
    check(options.length === cats.length && options[0] === `${cats[0].category} · ${cats[0].figures} figures`,
          'category options: ' + options.join('|'));
    check(options.includes(`killed · ${cats.find((c) => c.category === 'killed').figures} figures`), 'killed is offered');
    check((await page.locator('#tl-category').inputValue()) === 'killed', 'the current category is selected');
  }
  check(await page.locator('svg.chart .pt').count() === 6, 'six figures drawn');
  // 9,200+ vs about 5,000 conflict; 9,000 after 9,200+ goes down; "at least 10,000" is open-ended, so it
  // does not contradict 10,022.
  check(await page.locator('svg.chart .pt.disagree').count() === 3 && await page.locator('svg.chart .pt:not(.disagree)').count() === 3,
        'disagreement points marked');
  check(await page.locator('svg.chart polyline').count() >= 1, 'a line for a source with several figures');
  check((await text('.legend li')).length >= 4, 'legend lists the sources');
  const point = page.locator('svg.chart .pt[aria-label*="9,200"]');
  await point.click();
  await page.waitForSelector('#evidence mark.evidence');
  check((await page.locator('#evidence mark.evidence').textContent()) === 'more than 9,200 Palestinians', 'figure marked in its sentence');
  const sentence = await page.locator('#evidence .sentence').textContent();
  check(sentence.startsWith('The Health Ministry in Gaza — run by Hamas — said on Saturday that more than 9,200') &&
        sentence.endsWith('since October 7.'), 'evidence sentence: ' + sentence);
  check((await text('#evidence .notes li')).some((n) => n.includes('Israeli military')), 'disagreement explained');
  // The keyboard reaches the points too.
  await page.locator('svg.chart .pt[aria-label*="10,328"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#evidence mark.evidence:text("10,328 people")');
  await point.click();
  await shot('timeline');

  // 6. Article: the figure's span highlighted and scrolled into view.
  await page.locator('#evidence a', {hasText: 'open the article'}).click();
  await page.waitForSelector('.hl.active');
  check((await text('.hl.active')).join('') === 'more than 9,200 Palestinians', 'article: the figure highlighted: ' + (await text('.hl.active')).join(''));
  check(await inViewport(page.locator('.hl.active').first()), 'article: highlighted figure is in view');
  check(await page.locator('.fact[aria-pressed="true"]').count() === 1, 'article: the figure is the selected fact');
  check((await page.locator('main h1').textContent()) === 'Health ministry says <script>alert("x")</script> toll passes 9,200', 'article headline as text');
  await noInjection('article');
  await shot('article');
  // Clicking a fact in the list selects its evidence.
  await page.locator('.fact-quote', {hasText: 'We are running out'}).click();
  check((await text('.hl.active')).join('') === 'We are running out of everything <script>alert(1)</script>', 'quote evidence highlighted');
  check(await inViewport(page.locator('.hl.active').first()), 'quote evidence in view');
  // and the keyboard: Tab to a fact button, Enter.
  await page.locator('.fact-time').first().focus();
  await page.keyboard.press('Enter');
  check((await text('.hl.active')).join('') === 'Saturday', 'time selected with the keyboard');
  // An entity is one fact with a span per mention; choosing it again moves to the next mention.
  const blinken = page.locator('.fact-entity', {hasText: 'Antony Blinken'});
  check(await blinken.count() === 1 && (await blinken.textContent()).includes('×2'), 'entity mentions grouped');
  await blinken.click();
  check((await text('.hl.active')).join('|') === 'Antony Blinken|Blinken', 'entity mentions highlighted: ' + (await text('.hl.active')).join('|'));
  check((await page.locator('#selected-fact').textContent()).endsWith('(1 of 2)'), 'first mention');
  await blinken.click();
  check((await page.locator('#selected-fact').textContent()).endsWith('(2 of 2)'), 'second mention');
  // Clicking highlighted text selects the innermost fact under it.
  await page.locator('#article-text .hl', {hasText: 'Gaza'}).last().click();
  check((await page.locator('#selected-fact').textContent()).startsWith('entity: Gaza'), 'text click selects the entity: ' + await page.locator('#selected-fact').textContent());

  // The javascript: URL of an article is not a link.
  await page.goto(base + '#/article?id=fx-2');
  await page.waitForSelector('main h1:has-text("Army figure")');
  await noInjection('article with javascript: url');
  check(await page.locator('main a:has-text("original")').count() === 0, 'no link for a javascript: URL');

  // 7. A real article (extraction may be empty on this branch: show what is there).
  await page.goto(base + '#/search?q=cocoa');
  await page.waitForSelector('main ol.rows h3 a');
  await page.locator('main ol.rows h3 a', {hasText: 'COCOA'}).first().click();
  await page.waitForSelector('#article-text');
  check((await page.locator('#article-text').textContent()).includes('Showers continued throughout the week'), 'real article text');
  await shot('article-real');

  // 8. Disagreements.
  await page.goto(base + '#/disagree');
  await page.waitForSelector('main .versus');
  check(await page.locator('main .versus').count() >= 1, 'conflicting figures listed');
  check((await text('main section h3')).some((h) => h.includes('the Hamas-run health ministry')), 'decreasing total listed');
  await shot('disagree');

  // 9. Phone width: no sideways scrolling; the article stacks.
  await page.setViewportSize({width: 390, height: 844});
  await page.goto(base + '#/article?id=fx-1&start=0&end=0');
  await page.waitForSelector('#article-text');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  check(overflow <= 391, 'phone width: page is ' + overflow + ' px wide');
  await shot('article-phone');
  await page.goto(base + '#/timeline?category=killed');
  await page.waitForSelector('svg.chart .pt');
  check(await page.evaluate(() => document.documentElement.scrollWidth) <= 391, 'phone width timeline');
  await shot('timeline-phone');
  // Search pages and name completion at phone width: nothing wider than the screen.
  await page.goto(base + '#/search?q=said');
  await page.waitForSelector('main .pager .page-next');
  await page.locator('#q').click();
  await page.fill('#q', '');
  await page.keyboard.type('Gaz', {delay: 40});
  await page.waitForSelector('ul.suggest li');
  {
    const w = await page.evaluate(() => ({page: document.documentElement.scrollWidth,
                                           list: document.querySelector('ul.suggest').getBoundingClientRect().right}));
    check(w.page <= 391 && w.list <= 391, 'phone width search with completion: ' + JSON.stringify(w));
  }
  await shot('search-phone', false);
  await page.keyboard.press('Escape');
  check(await page.locator('ul.suggest:not([hidden])').count() === 0, 'Escape closes the completion');

  // 10. A missing article is a message, not a crash.
  allow404 = true;
  await page.goto(base + '#/article?id=999999');
  await page.waitForSelector('main h1:has-text("Not found")');
  allow404 = false;
} catch (e) {
  failed++;
  console.log('FAIL: ' + (e && e.stack ? e.stack : e));
  await shot('failure').catch(() => {});
} finally {
  await context.close().catch(() => {});
  server.kill('SIGTERM');
  const code = await new Promise((ok) => server.on('exit', (c) => ok(c)));
  check(code === 0, 'server exit code ' + code + ' ' + serverLog);
  rmSync(profile, {recursive: true, force: true});
  rmSync(work, {recursive: true, force: true});
}
for (const p of problems) console.log('FAIL: ' + p);
failed += problems.length;
console.log('screenshots:\n  ' + shots.join('\n  '));
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
