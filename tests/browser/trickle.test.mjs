// A page that arrives slowly: on a poor connection the browser paints what it has parsed so
// far, several times, before the page is complete. Nothing already painted may move when
// the rest arrives (a language link whose text came a packet late once moved the title by
// 7 px). Each page's HTML is sent in 256-byte pieces 15 ms apart, through a proxy in front
// of the static server; the layout shift is measured with the wasm blocked (the build's
// page alone) and with the app mounting over it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launchBrowser, layoutShifts, openPage, recordLayoutShifts, startServer, waitForApp } from './lib.mjs';

/** [page, viewport]. The HKEX index too: its tables have fixed column widths on a desktop
    (a half-arrived table would otherwise take its widths from the cells parsed so far) and
    are stacked cards on a phone. */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const PAGES = [
  ...['', 'en/', 'zh-hant/environment/', 'en/social/?mode=table', 'en/governance/', 'en/board/', 'zh-hant/stakeholders/', 'en/materiality/', 'zh-hant/highlights/', 'en/index/', 'en/embed/ghg/', 'zh-hant/embed/overview/'].map((p) => [p, PHONE]),
  ...['', 'en/environment/', 'zh-hant/board/', 'zh-hant/index/', 'en/social/?mode=table'].map((p) => [p, DESKTOP]),
];
const PIECE = 256;
const GAP_MS = 15;
let upstream;
let proxy;
let browser;

/** Forwards to the static server; an HTML answer is sent uncompressed, in slow pieces. */
async function startTrickleProxy(target) {
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, host: target.host };
    delete headers['accept-encoding'];
    const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (r) => {
      const html = /^text\/html/.test(r.headers['content-type'] ?? '');
      if (!html) {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
        return;
      }
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', async () => {
        const body = Buffer.concat(chunks);
        const h = { ...r.headers };
        delete h['content-length'];
        res.writeHead(r.statusCode, h);
        for (let i = 0; i < body.length; i += PIECE) {
          res.write(body.subarray(i, i + PIECE));
          await new Promise((ok) => setTimeout(ok, GAP_MS));
        }
        res.end();
      });
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: `${origin}${target.pathname}`, close: () => new Promise((ok) => server.close(ok)) };
}

before(async () => {
  upstream = await startServer({ gzip: false });
  proxy = await startTrickleProxy(new URL(upstream.url));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await proxy?.close();
  await upstream?.close();
});

/** Layout shift of `url` (sum and sources), with or without the wasm. */
async function shift(url, viewport, { wasm }) {
  const { context, page, problems } = await openPage(browser, proxy, viewport);
  try {
    if (!wasm) await context.route(/\.wasm$/, (route) => route.abort('blockedbyclient'));
    await context.addInitScript(recordLayoutShifts);
    await page.goto(url, { waitUntil: 'load' });
    if (wasm) await waitForApp(page);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const out = await layoutShifts(page);
    // Blocking the wasm makes boot.js's fetch fail (the page then says so): expected here.
    return { ...out, problems: wasm ? problems : problems.filter((p) => !/\.wasm|Failed to fetch/.test(p)) };
  } finally {
    await context.close();
  }
}

test('a page that arrives in pieces never moves what it has painted', async () => {
  const bad = [];
  for (const [p, viewport] of PAGES) {
    for (const wasm of [false, true]) {
      const r = await shift(`${proxy.url}${p}`, viewport, { wasm });
      const label = `${p || './'} at ${viewport.width}px (${wasm ? 'app' : 'static'})`;
      // Lighthouse reports anything under 0.005 as 0; one 1 px move of a line is ~0.00002.
      if (r.cls >= 0.001) bad.push(`${label}: ${r.cls.toFixed(4)}: ${r.shifts.join('; ')}`);
      if (r.problems.length) bad.push(`${label}: ${r.problems.join('; ')}`);
    }
  }
  assert.deepEqual(bad, [], bad.join('\n'));
});
