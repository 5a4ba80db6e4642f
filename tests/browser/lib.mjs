import { before, after } from 'node:test';
// Shared helpers for the browser tests (node:test + playwright-core + Debian Chromium).
//
//   const server = await startServer({ base: '/esg/2022/' });   // dist/ on 127.0.0.1:random
//   const browser = await launchBrowser();
//   const { page, problems } = await openPage(browser, server, { width: 390, height: 844 });
//   await page.goto(server.url); await waitForCharts(page);
//   assertNoProblems(problems);
//
// Never downloads a browser: Chromium comes from Debian (/usr/bin/chromium).

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

export const VIEWPORTS = [
  { name: 'mobile', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serve dist/ (built by `trunk build --release`) under a sub-path on a random port. */
export async function startServer({ base = '/esg/2022/', root = DIST, headers, gzip = true } = {}) {
  assert.ok(
    existsSync(path.join(root, 'index.html')),
    `${root}/index.html is missing: run \`trunk build --release\` first`,
  );
  return startStaticServer({ root, base, port: 0, headers, gzip });
}

/**
 * Launch headless Debian Chromium. Playwright gives every launch a fresh temporary
 * profile (--user-data-dir) and deletes it on close.
 */
export async function launchBrowser(options = {}) {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup.sh`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    ...options,
  });
}

/**
 * A new context + page at the given viewport, with collectors that record every
 * console error, page error, failed request, HTTP status >= 400, and request to an
 * origin other than the test server's (those are aborted, so nothing leaves the machine).
 * Returns { context, page, problems }; problems is a live array of strings.
 */
export async function openPage(browser, server, viewport, contextOptions = {}, { alsoAllow = [] } = {}) {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
    locale: 'zh-TW',
    ...contextOptions,
  });
  const problems = [];
  const allowed = [server.origin, ...alsoAllow];
  const allowedOrigin = { includes: (o) => allowed.includes(o) };

  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isSameOrigin(url, allowedOrigin) || isInline(url)) return route.continue();
    problems.push(`foreign request: ${route.request().method()} ${url}`);
    return route.abort('blockedbyclient');
  });

  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.push(`console error: ${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.stack || err.message || err}`));
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText ?? 'unknown';
    // Foreign requests were already reported when they were aborted.
    // A chart picture the browser was fetching lazily when the test moved on is not a
    // failure of the page (pictures are lazy <img>s, app/src/echart.rs).
    if (why === 'net::ERR_ABORTED' && /\/charts-[0-9a-f]{16}\/.+\.svg$/.test(req.url())) return;
    // Nor is a document that static/boot.js replaced with its own page (an old query link
    // on the site root) while it was still loading.
    if (why === 'net::ERR_ABORTED' && req.isNavigationRequest()) return;
    if (isSameOrigin(req.url(), allowedOrigin) || isInline(req.url())) {
      problems.push(`request failed: ${req.method()} ${req.url()} (${why})`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  return { context, page, problems };
}

function isInline(url) {
  return url.startsWith('data:') || url.startsWith('blob:');
}

function isSameOrigin(url, origin) {
  try {
    const o = new URL(url).origin;
    return typeof origin === 'string' ? o === origin : origin.includes(o);
  } catch {
    return false;
  }
}

export function assertNoProblems(problems, label = '') {
  assert.deepEqual(problems, [], `${label ? `${label}: ` : ''}problems on the page:\n${problems.join('\n')}`);
}

/**
 * Waits until boot.js has downloaded the page's wasm (at idle after the first paint and
 * `load`, without starting it), then a second more, in which nothing should start.
 */
export async function wasmDownloaded(page, { timeout = 15_000 } = {}) {
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /_bg\.wasm$/.test(e.name) && e.responseEnd > 0), null, { timeout });
  await page.waitForTimeout(1000);
}

/**
 * Wait until the app has taken over the pre-rendered page (it removes #prerender; the
 * boot script starts it only after the first paint, so `load` is too early), and until an
 * ECharts download it started, if any, and the chart pictures near the screen have
 * finished (so the next navigation does not abort them).
 */
export async function waitForApp(page, { timeout = 30_000, interact: reach = true } = {}) {
  // On most pages the app starts at the reader's first interaction (static/boot.js): be
  // that reader. `interact: false` for a link that starts it at once (a widget, ?mode=…).
  if (reach && (await page.evaluate(() => !!document.getElementById('prerender')))) await interact(page);
  await page.waitForFunction(() => !document.getElementById('prerender'), null, { timeout });
  // Charts near the screen ask for ECharts from their IntersectionObserver callback, which
  // runs within the next frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(() => !!window.echarts || !document.querySelector('script[src*="echarts"]'), null, { timeout });
  // Likewise the chart pictures near the screen (a lazy one far from it is not fetched).
  await page.waitForFunction(
    () =>
      [...document.images].every((i) => {
        const r = i.getBoundingClientRect();
        return i.complete || r.top > innerHeight + 1000 || r.bottom < -1000;
      }),
    null,
    { timeout },
  );
}

/** page.goto(url) and waitForApp (`options`: its timeout and interact); returns the
    navigation response. */
export async function gotoApp(page, url, options = {}) {
  const res = await page.goto(url, { waitUntil: 'load' });
  await waitForApp(page, options);
  return res;
}

/**
 * Wait until a pillar view has added all its groups (one per frame after the first,
 * components/pillar.rs); returns how many chart containers it has.
 */
export async function allGroupsShown(page) {
  let n = -1;
  for (let m = await page.locator('div.chart').count(); m !== n; m = await page.locator('div.chart').count()) {
    n = m;
    await page.waitForTimeout(300);
  }
  return n;
}

/** A reader's first interaction: a mouse move (charts then load ECharts and go live). */
export async function interact(page) {
  await page.mouse.move(3, 3);
  await page.mouse.move(5, 7);
}

/**
 * Wait until at least `min` chart containers (`div.chart[data-chart]`) are marked
 * `data-chart-ready="true"` and hold a canvas; returns the ready charts' data-chart keys.
 */
export async function waitForCharts(page, { min = 1, timeout = 30_000, all = false } = {}) {
  // Charts are static pictures until the reader first interacts (app/src/echart.rs).
  await interact(page);
  // Charts go live when they come near the screen: bring them there first.
  await page.locator('div.chart').first().waitFor({ timeout });
  // A pillar view adds one group per frame after the first (components/pillar.rs): with
  // `all`, pass over the charts until no new one has appeared.
  await page.evaluate(async (every) => {
    // A frame, or 100 ms if none comes (a stalled frame once hung a fresh-clone run here,
    // and page.evaluate has no timeout).
    const frame = () => new Promise((r) => { requestAnimationFrame(() => r()); setTimeout(r, 100); });
    const frames = async (n) => { for (let i = 0; i < n; i++) await frame(); };
    const seen = new Set();
    for (;;) {
      const charts = [...document.querySelectorAll('div.chart')].filter((el) => !seen.has(el));
      if (!charts.length) break;
      for (const el of every ? charts : charts.slice(0, 1)) {
        seen.add(el);
        el.scrollIntoView({ block: 'center' });
        await frames(2);
      }
      if (!every) break;
      await frames(3);
    }
    window.scrollTo(0, 0);
  }, all);
  if (all) min = Math.max(min, await page.locator('div.chart').count());
  await page.waitForFunction(
    (n) => document.querySelectorAll('div.chart[data-chart][data-chart-ready="true"] canvas').length >= n,
    min,
    { timeout },
  );
  return page.$$eval('div.chart[data-chart][data-chart-ready="true"]', (els) =>
    els.filter((el) => el.querySelector('canvas')).map((el) => el.getAttribute('data-chart')),
  );
}

/** { scrollWidth, innerWidth } of the document; scrollWidth > innerWidth means horizontal overflow. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** Full-page PNG screenshot in test-results/ (gitignored); returns its path. */
export async function screenshot(page, name) {
  await mkdir(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * The usual test-file setup: a server for dist/ and a browser, started before the file's
 * tests and closed after them. Returns an object whose `server` and `browser` are set then.
 */
export function useServerAndBrowser(serverOptions = {}) {
  const ctx = { server: undefined, browser: undefined };
  before(async () => {
    ctx.server = await startServer(serverOptions);
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * An init script (`context.addInitScript(recordLayoutShifts)`): sums the page's layout
 * shifts not caused by input into `window.__cls` and describes each moved element in
 * `window.__shifts` (`tag#id.class {before} → {after}`); read them with `layoutShifts(page)`.
 */
export function recordLayoutShifts() {
  window.__cls = 0;
  window.__shifts = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__cls += e.value;
        for (const s of e.sources || []) {
          const n = s.node;
          window.__shifts.push(`${n?.nodeName?.toLowerCase()}${n?.id ? `#${n.id}` : ''}${n?.className ? `.${n.className}` : ''} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    /* no layout-shift timing */
  }
}

/** What `recordLayoutShifts` has seen so far: { cls, shifts }. */
export function layoutShifts(page) {
  return page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
}

/**
 * RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks; a record ends
 * at `\n`, `\r\n` or `\r`. With `strict` (the site's own data files) the text must use `\n`
 * line ends and end with one, outside a quoted field; otherwise a last record without a
 * line break is kept.
 */
export function parseCsv(text, { strict = false } = {}) {
  if (strict) assert.ok(!text.includes('\r'), 'the CSV has a \\r (its line ends are \\n)');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += '"', i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (strict) {
    assert.ok(!quoted, 'the CSV ends inside a quoted field');
    assert.equal(field + row.join(''), '', 'the CSV ends with a line break');
  } else if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** CSV rows (from `parseCsv`) as objects keyed by the first row, the header. */
export function csvObjects([header, ...rows]) {
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
