// The deployment as written in deploy/nginx.conf, on Debian's real nginx: the app under
// /esg/2022/ with the CSP from scripts/csp.mjs (no 'unsafe-inline' for scripts), gzip
// (wasm included), application/wasm, a year of immutable caching for hashed files and
// no-cache for index.html; in Chromium the charts draw, tooltips open, and there is no
// console error and no CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { VIEWPORTS, assertNoProblems, launchBrowser, openPage, screenshot, waitForCharts, gotoApp } from './lib.mjs';
import { BASE, DIST, cspViolations, get, hoverCharts, startNginx, watchCsp } from './deploy-lib.mjs';
import { cspFor } from '../../scripts/csp.mjs';

let nginx;
let browser;
let csp;

before(async () => {
  csp = await cspFor(DIST);
  nginx = await startNginx({ dist: DIST, csp });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await nginx?.close();
});

const GZIP = { 'Accept-Encoding': 'gzip' };
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

test('the CSP is the strict one: scripts only from the site, no inline script at all', () => {
  assert.match(csp, /^default-src 'self'; /);
  // index.html has no inline script left (esg_explorer::boot), so no hash is needed.
  assert.match(csp, /; script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp.match(/script-src [^;]*/)[0], /'unsafe-inline'|'unsafe-eval'|'nonce-/);
  for (const d of ["object-src 'none'", "base-uri 'none'", "img-src 'self' data: blob:", "style-src-elem 'self'"]) {
    assert.ok(csp.includes(d), `missing ${d}`);
  }
});

test('nginx redirects the bare sub-path and serves nothing outside it', async () => {
  const r = await get(`${nginx.origin}/esg/2022?view=social`);
  assert.equal(r.status, 301);
  assert.equal(new URL(r.headers.location, nginx.origin).pathname + new URL(r.headers.location, nginx.origin).search, '/esg/2022/?view=social');
  assert.equal((await get(`${nginx.origin}/index.html`)).status, 404);
  assert.equal((await get(`${nginx.url}no-such-file.js`)).status, 404);
});

test('index.html: no-cache, the CSP, gzip, UTF-8 HTML', async () => {
  for (const url of [nginx.url, `${nginx.url}index.html`, `${nginx.url}?view=governance&lang=en`]) {
    const r = await get(url, GZIP);
    assert.equal(r.status, 200, url);
    assert.match(r.headers['content-type'], /^text\/html/);
    assert.equal(r.headers['cache-control'], 'no-cache', url);
    assert.equal(r.headers['content-security-policy'], csp, url);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['content-encoding'], 'gzip', url);
    const html = gunzipSync(r.body).toString('utf8');
    assert.equal(html, await readFile(path.join(DIST, 'index.html'), 'utf8'));
  }
});

test('chart pictures: SVG, gzip, a year immutable, a policy that runs nothing', async () => {
  const dir = (await readdir(DIST)).find((f) => /^charts-[0-9a-f]{16}$/.test(f));
  assert.ok(dir, 'no charts-<hash>/ in dist');
  const f = `${dir}/ghg/absolute/zh-Hant/light.svg`;
  const raw = await readFile(path.join(DIST, f));
  const r = await get(`${nginx.url}${f}`, GZIP);
  assert.equal(r.status, 200, f);
  assert.equal(r.headers['content-type'].split(';')[0], 'image/svg+xml');
  assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(r.headers['content-encoding'], 'gzip');
  assert.match(r.headers['content-security-policy'] ?? '', /^default-src 'none'/);
  assert.ok(gunzipSync(r.body).equals(raw));
  assert.ok(!/<script/i.test(raw.toString('utf8')), 'a picture holds a script');
});

test('hashed assets: right type, gzip, a year immutable; wasm is application/wasm', async () => {
  const files = (await readdir(DIST)).filter((f) => HASHED.test(f));
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('.js')) && files.some((f) => f.endsWith('.css')), `hashed files: ${files}`);
  const types = { '.wasm': 'application/wasm', '.js': 'application/javascript', '.css': 'text/css' };
  const sizes = [];
  for (const f of files) {
    const raw = await readFile(path.join(DIST, f));
    const r = await get(`${nginx.url}${f}`, GZIP);
    assert.equal(r.status, 200, f);
    assert.equal(r.headers['content-type'].split(';')[0], types[path.extname(f)], f);
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', f);
    assert.equal(r.headers['content-encoding'], 'gzip', f);
    assert.match(r.headers.vary ?? '', /Accept-Encoding/i, f);
    assert.ok(gunzipSync(r.body).equals(raw), `${f}: gunzipped body differs from the file`);
    assert.ok(r.body.length < raw.length * 0.6, `${f}: gzip saves too little (${r.body.length} of ${raw.length})`);
    sizes.push(`${f}: ${raw.length} → ${r.body.length} gzip`);
    // Without Accept-Encoding: the plain file.
    const plain = await get(`${nginx.url}${f}`);
    assert.equal(plain.headers['content-encoding'], undefined, f);
    assert.ok(plain.body.equals(raw), f);
  }
  console.log(`nginx gzip (level 6):\n  ${sizes.join('\n  ')}`);
});

const PAGES = [
  { query: '', vp: VIEWPORTS[0] },
  { query: '?view=environment&lang=en', vp: VIEWPORTS[1] },
  { query: '?view=social', vp: VIEWPORTS[1] },
  { query: '?view=stakeholders&lang=en', vp: VIEWPORTS[1] },
];

for (const { query, vp } of PAGES) {
  test(`in Chromium via nginx: ${BASE}${query} at ${vp.width}px draws charts, no console error, no CSP violation`, async () => {
    const { context, page, problems } = await openPage(browser, nginx, vp);
    await watchCsp(context);
    const responses = [];
    page.on('response', (r) => responses.push(r));
    try {
      const res = await gotoApp(page, `${nginx.url}${query}`);
      assert.equal(res.status(), 200);
      assert.equal((await res.allHeaders())['content-security-policy'], csp);
      const charts = await waitForCharts(page);
      assert.ok(charts.length >= 1, 'no chart drawn');
      const { tooltips } = await hoverCharts(page);
      assert.ok(tooltips >= 1, 'no tooltip opened on hover');

      const wasm = responses.filter((r) => new URL(r.url()).pathname.endsWith('.wasm'));
      assert.equal(wasm.length, 1, 'expected one .wasm request');
      const wh = await wasm[0].allHeaders();
      assert.equal(wh['content-type'], 'application/wasm');
      assert.equal(wh['content-encoding'], 'gzip');
      for (const r of responses) {
        const u = new URL(r.url());
        if (u.protocol === 'http:') assert.ok(u.pathname.startsWith(BASE), `request outside ${BASE}: ${r.url()}`);
      }
      await screenshot(page, `nginx-${query.replace(/[^a-z]+/g, '-') || 'overview'}-${vp.width}`);
      assert.deepEqual(await cspViolations(page), [], 'CSP violations');
      assertNoProblems(problems, query || 'overview');
    } finally {
      await context.close();
    }
  });
}
