#!/usr/bin/env node
// Benchmark of a built site (run through scripts/bench.sh, which builds it first).
// Prints Markdown on stdout; progress goes to stderr.
//
//   node scripts/bench.mjs --dist DIR [--runs 3] [--samples 5] [--pages zh-hant/,en/board/,…]
//
// 1. Lighthouse 12 (npm, pinned), mobile preset (Moto G Power emulation) with simulated
//    throttling (150 ms RTT, 1.6 Mbit/s, 4× CPU slowdown), `--runs` times per page (every
//    view page in both languages and two widgets by default), against
//    scripts/static-server.mjs serving the build gzip-compressed on 127.0.0.1.
//    Each column is the median over the runs; the LCP element is the last run's.
// 2. Raw and gzip -9 bytes of every file in the build.
// 3. View switch and language switch in Chromium (playwright-core): click → next paint
//    (performance.now() from the click to a message posted from the next animation frame,
//    which arrives just after that frame is painted; until 2026-11-28 this waited for a
//    second animation frame, which adds up to a frame), and
//    click → every chart of the new view in the viewport drawn; median of `--samples` clicks, unthrottled
//    and with 4× CPU throttling (DevTools emulation).

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { gzipSync, constants } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';
import { afterInteractionFiles, firstViewFiles } from './first-view.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const BASE = '/esg/2022/';
const log = (s) => process.stderr.write(`[bench] ${s}\n`);

function parseArgs(argv) {
  const o = {
    dist: path.join(ROOT, 'dist'),
    runs: 3,
    samples: 5,
    views: ['overview', 'environment', 'social', 'governance'],
    // First-tap pages: a pillar with a short and one with a long first section, each language.
    tapPages: ['zh-hant/environment/', 'en/social/'],
    pages: ['zh-hant/', 'zh-hant/environment/', 'zh-hant/social/', 'zh-hant/governance/', 'zh-hant/board/', 'zh-hant/stakeholders/', 'zh-hant/materiality/', 'zh-hant/highlights/', 'zh-hant/index/', 'en/', 'en/environment/', 'en/social/', 'en/governance/', 'en/board/', 'en/stakeholders/', 'en/materiality/', 'en/highlights/', 'en/index/', 'en/embed/ghg/', 'zh-hant/embed/board/'],
  };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].split(/=(.*)/s, 2);
    const v = () => inline ?? argv[++i];
    if (k === '--dist') o.dist = path.resolve(v());
    else if (k === '--runs') o.runs = Number(v());
    else if (k === '--samples') o.samples = Number(v());
    else if (k === '--views') o.views = v().split(',');
    else if (k === '--pages') o.pages = v().split(',');
    else if (k === '--tap-pages') o.tapPages = v().split(',');
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return o;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => `${Math.round(n)} ms`;

function run(cmd, args, env = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err.slice(-2000)}`))));
  });
}

async function lighthouse(url, out) {
  const bin = process.env.LIGHTHOUSE_BIN || path.join(ROOT, 'node_modules/.bin/lighthouse');
  await run(bin, [
    url,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    '--form-factor=mobile',
    '--throttling-method=simulate',
    '--max-wait-for-load=60000',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync',
  ], { CHROME_PATH: CHROME });
  const r = JSON.parse(await readFile(out, 'utf8'));
  if (r.runtimeError) throw new Error(`${url}: ${r.runtimeError.code} ${r.runtimeError.message}`);
  const a = (id) => r.audits[id]?.numericValue ?? NaN;
  const c = (id) => Math.round((r.categories[id]?.score ?? NaN) * 100);
  return {
    perf: c('performance'),
    a11y: c('accessibility'),
    bp: c('best-practices'),
    seo: c('seo'),
    fcp: a('first-contentful-paint'),
    lcp: a('largest-contentful-paint'),
    tbt: a('total-blocking-time'),
    cls: a('cumulative-layout-shift'),
    bytes: a('total-byte-weight'),
    lcpElement: r.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.nodeLabel ?? '?',
    warnings: r.runWarnings ?? [],
  };
}

async function files(dir, prefix = '') {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const rel = path.posix.join(prefix, e.name);
    if (e.isDirectory()) out.push(...(await files(path.join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

// ---- in-page timing: click, then two animation frames (the frame with the change painted)
async function timeClick(page, { find, done }) {
  return page.evaluate(
    async ({ find, done }) => {
      const pick = new Function(`return (${find})`)();
      const isDone = new Function(`return (${done})`)();
      const el = pick();
      if (!el) throw new Error(`nothing to click: ${find}`);
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      // Just after the next paint: an animation frame callback runs before the frame is
      // painted, a message posted from it is delivered after that paint.
      const afterPaint = () =>
        new Promise((r) =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => r();
            ch.port2.postMessage(0);
          }),
        );
      const t0 = performance.now();
      el.click();
      await afterPaint();
      const paint = performance.now() - t0;
      // Charts start when near the screen: wait for those in the viewport.
      const chartsReady = () =>
        [...document.querySelectorAll('div.chart[data-chart]')]
          .filter((c) => {
            const r = c.getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight && r.width > 0;
          })
          .every((c) => c.getAttribute('data-chart-ready') === 'true');
      const deadline = t0 + 20_000;
      while (!(isDone() && chartsReady())) {
        if (performance.now() > deadline) throw new Error('timed out waiting for the new view');
        await frame();
      }
      await frame();
      return { paint, ready: performance.now() - t0 };
    },
    { find: find.toString(), done: done.toString() },
  );
}

// A view's page path ends in `/<view>/`, the overview's in `/zh-hant/` or `/en/`.
const viewPath = (v) => (v === 'overview' ? '/(zh-hant|en)/$' : `/${v}/$`);
const viewLink = (v) => `() => [...document.querySelectorAll('nav.views a')].find((a) =>
  new RegExp(${JSON.stringify(viewPath(v))}).test(new URL(a.href).pathname))`;
const viewShown = (v) => `() => { const a = document.querySelector('nav.views a[aria-current="page"]');
  return !!a && new RegExp(${JSON.stringify(viewPath(v))}).test(new URL(a.href).pathname); }`;
const langLink = `() => document.querySelector('header .title-row a')`;
const langIs = (l) => `() => document.documentElement.lang === ${JSON.stringify(l)}`;

/** Debian's Chromium, headless, as both timing sections drive it. */
function launchChromium() {
  return chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
}

async function switchTimings(url, views, samples) {
  const browser = await launchChromium();
  const rows = [];
  try {
    for (const cpu of [1, 4]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-TW' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      await page.goto(`${url}zh-hant/`, { waitUntil: 'load' });
      // A reader who has moved the mouse: that starts the app (static/boot.js), and charts
      // are live ECharts, not the static pictures.
      await page.mouse.move(3, 3);
      await page.mouse.move(5, 7);
      // The app has taken over once the pre-rendered page is gone.
      await page.waitForFunction(() => !document.getElementById('prerender'), null, { timeout: 30_000 });
      // Warm up: visit every view once (first visits build caches that later ones reuse).
      for (const v of [...views.slice(1), views[0]]) await timeClick(page, { find: viewLink(v), done: viewShown(v) });
      const byView = Object.fromEntries(views.map((v) => [v, []]));
      for (let s = 0; s < samples; s++) {
        for (const v of [...views.slice(1), views[0]]) byView[v].push(await timeClick(page, { find: viewLink(v), done: viewShown(v) }));
      }
      for (const v of views) {
        rows.push({ what: `view → ${v}`, cpu, paint: median(byView[v].map((x) => x.paint)), ready: median(byView[v].map((x) => x.ready)) });
      }
      for (const v of views) {
        await timeClick(page, { find: viewLink(v), done: viewShown(v) }).catch(() => {});
        const toEn = [];
        const toZh = [];
        for (let s = 0; s < samples; s++) {
          toEn.push(await timeClick(page, { find: langLink, done: langIs('en') }));
          toZh.push(await timeClick(page, { find: langLink, done: langIs('zh-Hant') }));
        }
        rows.push({ what: `language on ${v}: zh-Hant → en`, cpu, paint: median(toEn.map((x) => x.paint)), ready: median(toEn.map((x) => x.ready)) });
        rows.push({ what: `language on ${v}: en → zh-Hant`, cpu, paint: median(toZh.map((x) => x.paint)), ready: median(toZh.map((x) => x.ready)) });
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/**
 * The price of starting the app at the first interaction (static/boot.js): on a page just
 * loaded (the wasm downloaded, the app not started), a tap on the static "Table" button, to
 * the app's table mode on screen (the tap carried over to the app's twin of that button).
 * 390 px phone, 1× and 4× CPU; median of `samples` fresh page loads.
 */
async function firstTapTimings(url, pages, samples) {
  const browser = await launchChromium();
  const rows = [];
  try {
    for (const p of pages) {
      for (const cpu of [1, 4]) {
        const times = [];
        for (let s = 0; s < samples; s++) {
          const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
          await page.goto(`${url}${p}`, { waitUntil: 'load' });
          await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /_bg\.wasm$/.test(e.name) && e.responseEnd > 0), null, { timeout: 30_000 });
          await page.waitForTimeout(500);
          if (!(await page.locator('#prerender').count())) throw new Error(`${p}: the app started before any interaction`);
          const t0 = await page.evaluate(() => performance.now());
          await page.tap('#prerender .controls .segmented button:nth-child(2)');
          await page.waitForFunction(
            () => !document.getElementById('prerender') && document.querySelector('main .controls .segmented button:nth-child(2)')?.getAttribute('aria-pressed') === 'true',
            null,
            { timeout: 30_000 },
          );
          times.push((await page.evaluate(() => performance.now())) - t0);
          await context.close();
        }
        rows.push({ page: p, cpu, ms: median(times) });
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  await stat(path.join(o.dist, 'index.html')).catch(() => {
    throw new Error(`${o.dist}/index.html is missing`);
  });
  const server = await startStaticServer({ root: o.dist, base: BASE, port: 0, gzip: true });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'esg-bench-'));
  const out = [];
  try {
    const lhPkg = process.env.LIGHTHOUSE_BIN
      ? path.join(path.dirname(process.env.LIGHTHOUSE_BIN), '../lighthouse/package.json')
      : path.join(ROOT, 'node_modules/lighthouse/package.json');
    const lhVersion = JSON.parse(await readFile(lhPkg, 'utf8')).version;
    const chromeVersion = await new Promise((resolve) => {
      const p = spawn(CHROME, ['--version']);
      let s = '';
      p.stdout.on('data', (d) => { s += d; });
      p.on('exit', () => resolve(s.trim()));
      p.on('error', () => resolve('?'));
    });
    out.push(`## Benchmark of \`${o.dist}\``, '');
    out.push(`${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'} · node ${process.version} · ${chromeVersion} · Lighthouse ${lhVersion}`, '');

    // 1. Lighthouse
    out.push(`### Lighthouse (mobile preset, simulated throttling; median of ${o.runs} runs)`, '');
    out.push('| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | transfer | LCP element |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    const warnings = new Set();
    for (const p of o.pages) {
      const runs = [];
      for (let i = 0; i < o.runs; i++) {
        log(`lighthouse ${p} run ${i + 1}/${o.runs}`);
        const r = await lighthouse(`${server.url}${p}`, path.join(tmp, `${p.replace(/\//g, '_')}-${i}.json`));
        r.warnings.forEach((w) => warnings.add(w));
        runs.push(r);
      }
      const m = (k) => median(runs.map((r) => r[k]));
      const el = runs.at(-1).lcpElement.replace(/\|/g, '/').slice(0, 60);
      out.push(`| ${p} | ${m('perf')} | ${m('a11y')} | ${m('bp')} | ${m('seo')} | ${ms(m('fcp'))} | ${ms(m('lcp'))} | ${ms(m('tbt'))} | ${m('cls').toFixed(3)} | ${kb(m('bytes'))} | ${el} |`);
      log(`  perf ${runs.map((r) => r.perf).join(', ')}`);
    }
    if (warnings.size) out.push('', `Lighthouse warnings: ${[...warnings].join(' · ')}`);
    out.push('');

    // 2. Assets
    const html = await readFile(path.join(o.dist, 'index.html'), 'utf8');
    out.push('### Assets in the build (gzip -9, as the static server sends them)', '');
    out.push('| file | raw bytes | gzip bytes | first view |');
    out.push('|---|---:|---:|:---:|');
    let rawT = 0;
    let gzT = 0;
    let firstT = 0;
    const first = new Set(firstViewFiles(html));
    const later = new Set(afterInteractionFiles(html));
    // The chart pictures: one row for all, and the first view's own counted in its total.
    const pictures = { n: 0, raw: 0, gz: 0, dir: '' };
    for (const f of await files(o.dist)) {
      const raw = await readFile(path.join(o.dist, f));
      const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length;
      rawT += raw.length;
      gzT += gz;
      if (first.has(f)) firstT += gz;
      const dir = /^(charts-[0-9a-f]{16})\//.exec(f);
      if (dir && f.endsWith('.svg')) {
        Object.assign(pictures, { n: pictures.n + 1, raw: pictures.raw + raw.length, gz: pictures.gz + gz, dir: dir[1] });
        continue;
      }
      out.push(`| ${f} | ${raw.length} | ${gz} | ${first.has(f) ? '✓' : later.has(f) ? 'after the first interaction' : ''} |`);
    }
    if (pictures.n) {
      const each = [...first].filter((f) => f.startsWith(pictures.dir));
      out.push(`| ${pictures.dir}/ (${pictures.n} chart pictures, ~${Math.round(pictures.gz / pictures.n)} B gzip each) | ${pictures.raw} | ${pictures.gz} | ${each.length} pre-rendered |`);
    }
    out.push(`| **total** | ${rawT} | ${gzT} | ${firstT} (first view) |`, '');

    // 3. The first tap
    log('first tap timings');
    const taps = await firstTapTimings(server.url, o.tapPages, o.samples);
    out.push(`### The first tap (390 px phone; median of ${o.samples} page loads)`, '');
    out.push('A tap on the static page\'s "Table" button, once the page has loaded and the wasm has downloaded: the app starts, mounts, presses its own "Table" button, and table mode is on screen. The app starts at the first interaction (static/boot.js), so this is its start-up time as the reader meets it.', '');
    out.push('| page | tap → table mode | 4× CPU |');
    out.push('|---|---:|---:|');
    for (const p of o.tapPages) {
      const a = taps.find((r) => r.page === p && r.cpu === 1);
      const b = taps.find((r) => r.page === p && r.cpu === 4);
      out.push(`| ${p} | ${ms(a.ms)} | ${ms(b.ms)} |`);
    }
    out.push('');

    // 4. Switch timings
    log('view and language switch timings');
    const rows = await switchTimings(server.url, o.views, o.samples);
    out.push(`### Switching in Chromium (1280×800; median of ${o.samples} clicks)`, '');
    out.push('click → next paint = performance.now() from the click to just after the next paint (a message posted from the next requestAnimationFrame); click → charts drawn = until every chart of the new view that is in the viewport has `data-chart-ready`.', '');
    out.push('| switch | next paint | charts drawn | next paint, 4× CPU | charts drawn, 4× CPU |');
    out.push('|---|---:|---:|---:|---:|');
    for (const what of [...new Set(rows.map((r) => r.what))]) {
      const a = rows.find((r) => r.what === what && r.cpu === 1);
      const b = rows.find((r) => r.what === what && r.cpu === 4);
      out.push(`| ${what} | ${ms(a.paint)} | ${ms(a.ready)} | ${ms(b.paint)} | ${ms(b.ready)} |`);
    }
  } finally {
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench: ${e.stack || e}\n`);
  process.exit(1);
});
