// The deployment as written in deploy/nginx.conf, on Debian's real nginx: the app under
// /esg/2022/ with the CSP from scripts/csp.mjs (no 'unsafe-inline' for scripts), gzip
// (wasm included), application/wasm, a year of immutable caching for hashed files and
// no-cache for index.html; in Chromium the charts draw, tooltips open, and there is no
// console error and no CSP violation. Hardening: every response (404/400 too) carries
// nosniff, a Referrer-Policy and a CSP; `//` request targets are refused; nothing outside
// /esg/2022/ is served; no version in the Server header; and the TLS variant
// (deploy/nginx-tls.conf) adds HSTS to all of that and redirects http to https.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { VIEWPORTS, assertNoProblems, launchBrowser, openPage, screenshot, waitForCharts, gotoApp } from './lib.mjs';
import {
  BASE,
  DEPLOY_CONF,
  DEPLOY_TLS_CONF,
  DIST,
  DOUBLE_SLASH_TARGETS,
  cspViolations,
  get,
  hoverCharts,
  rawGet,
  startNginx,
  watchCsp,
} from './deploy-lib.mjs';
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
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'nonce-|'unsafe-hashes'/);
  for (const d of ["style-src 'self';", "object-src 'none'", "base-uri 'none'", "img-src 'self' data: blob:", "form-action 'none'", "frame-ancestors 'self'"]) {
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

test('chart pictures and options: SVG and JSON, gzip, a year immutable, a policy that runs nothing', async () => {
  const dir = (await readdir(DIST)).find((f) => /^charts-[0-9a-f]{16}$/.test(f));
  assert.ok(dir, 'no charts-<hash>/ in dist');
  // The phone's picture and a wider one (prebuilt::WIDE_PICTURES), in both themes.
  for (const name of ['light.svg', 'dark.svg', 'light-520.svg', 'dark-700.svg']) {
    const f = `${dir}/ghg/absolute/zh-Hant/${name}`;
    const raw = await readFile(path.join(DIST, f));
    const r = await get(`${nginx.url}${f}`, GZIP);
    assert.equal(r.status, 200, f);
    assert.equal(r.headers['content-type'].split(';')[0], 'image/svg+xml', f);
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', f);
    assert.equal(r.headers['content-encoding'], 'gzip', f);
    assert.match(r.headers['content-security-policy'] ?? '', /^default-src 'none'/, f);
    assert.ok(gunzipSync(r.body).equals(raw), f);
    assert.ok(!/<script/i.test(raw.toString('utf8')), `${f}: a picture holds a script`);
  }
  // The live charts' options, beside them (fetched with ECharts): JSON, gzip, a year.
  const f = `${dir}/options.json`;
  const r = await get(`${nginx.url}${f}`, GZIP);
  assert.equal(r.status, 200, f);
  assert.equal(r.headers['content-type'].split(';')[0], 'application/json', f);
  assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', f);
  assert.equal(r.headers['content-encoding'], 'gzip', f);
  assert.ok(gunzipSync(r.body).equals(await readFile(path.join(DIST, f))), f);
});

test('data files: CSV and Markdown as UTF-8 text, gzip, revalidated, byte for byte', async () => {
  for (const [f, type] of [['data/medlive-esg.csv', 'text/csv'], ['data/README.md', 'text/markdown'], ['data/datapackage.json', 'application/json']]) {
    const raw = await readFile(path.join(DIST, f));
    const r = await get(`${nginx.url}${f}`, GZIP);
    assert.equal(r.status, 200, f);
    assert.equal(r.headers['content-type'].split(';')[0], type, f);
    if (type !== 'application/json') assert.match(r.headers['content-type'], /charset=utf-8/i, f);
    assert.equal(r.headers['cache-control'], 'no-cache', f);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', f);
    assert.equal(r.headers['content-encoding'], 'gzip', f);
    assert.ok(gunzipSync(r.body).equals(raw), f);
  }
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

const REFERRER_POLICY = 'strict-origin-when-cross-origin';
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";
const HSTS = 'max-age=31536000';

/** One of each kind of response the site gives, as request targets: { target, status, svg }. */
async function responseKinds() {
  const files = await readdir(DIST);
  const hashed = ['.js', '.wasm', '.css'].map((ext) => files.find((f) => HASHED.test(f) && f.endsWith(ext)));
  assert.ok(hashed.every(Boolean), `hashed js/wasm/css in dist: ${hashed}`);
  const charts = files.find((f) => /^charts-[0-9a-f]{16}$/.test(f));
  assert.ok(charts, 'no charts-<hash>/ in dist');
  return [
    { target: BASE, status: 200 },
    { target: `${BASE}index.html`, status: 200 },
    { target: `${BASE}en/environment/`, status: 200 },
    { target: `${BASE}en/embed/ghg/`, status: 200 },
    ...hashed.map((f) => ({ target: `${BASE}${f}`, status: 200 })),
    { target: `${BASE}embed.js`, status: 200 },
    { target: `${BASE}${charts}/ghg/absolute/en/light.svg`, status: 200, svg: true },
    { target: `${BASE}no-such-file.js`, status: 404 },
    { target: '/', status: 404 },
    { target: '/esg/2022?view=social', status: 301 },
    { target: '//evil.example/esg/2022/', status: 400 },
  ];
}

/**
 * Every response kind from `origin`: the status and the security headers, as lines
 * "target (status): what is wrong" (none when all is well). `hsts`: the expected
 * Strict-Transport-Security (undefined: none).
 */
async function headerProblems(origin, { hsts, ca } = {}) {
  const out = [];
  for (const { target, status, svg } of await responseKinds()) {
    const r = await rawGet(origin, target, { ca });
    const h = r.headers;
    const bad = (what) => out.push(`${target} (${r.status}): ${what}`);
    if (r.status !== status) bad(`status, want ${status}`);
    if (h['x-content-type-options'] !== 'nosniff') bad(`X-Content-Type-Options: ${h['x-content-type-options']}`);
    if (h['referrer-policy'] !== REFERRER_POLICY) bad(`Referrer-Policy: ${h['referrer-policy']}`);
    const want = svg ? SVG_CSP : csp;
    if (h['content-security-policy'] !== want) bad(`Content-Security-Policy: ${h['content-security-policy']}`);
    if (h['strict-transport-security'] !== hsts) bad(`Strict-Transport-Security: ${h['strict-transport-security']}`);
    // Only embed.js may be read by another origin (it is loaded there with `integrity`).
    const cors = target === `${BASE}embed.js` ? '*' : undefined;
    if (h['access-control-allow-origin'] !== cors) bad(`Access-Control-Allow-Origin: ${h['access-control-allow-origin']}`);
  }
  return out;
}

test('every response carries nosniff, the Referrer-Policy and the CSP (chart pictures their own); no HSTS over http', async () => {
  const problems = await headerProblems(nginx.origin);
  assert.deepEqual(problems, [], `missing or wrong headers:\n${problems.join('\n')}`);
});

test('nginx refuses request targets that start with `//` and never serves the app there', async () => {
  const served = [];
  for (const target of DOUBLE_SLASH_TARGETS) {
    const r = await rawGet(nginx.origin, target);
    if (![400, 404].includes(r.status) || /data-glue/.test(r.body)) served.push(`${target} -> ${r.status}`);
  }
  assert.deepEqual(served, [], `served, want 400 or 404:\n${served.join('\n')}`);
  // A `//` later in the path or in the query is not a host: still the app.
  for (const target of [`${BASE}?next=//evil.example/`, `${BASE}en//environment/`]) {
    assert.equal((await rawGet(nginx.origin, target)).status, 200, target);
  }
});

test('nginx answers 404 outside /esg/2022/, never its default page', async () => {
  const wrong = [];
  for (const target of ['/', '/index.html', '/esg/', '/esg/2021/', '/esg/2022.html', '/50x.html']) {
    const r = await rawGet(nginx.origin, target);
    if (r.status !== 404 || /Welcome to nginx/i.test(r.body)) wrong.push(`${target} -> ${r.status}${/Welcome to nginx/i.test(r.body) ? ' (the default page)' : ''}`);
  }
  assert.deepEqual(wrong, [], `want 404:\n${wrong.join('\n')}`);
});

test('nginx names no version (server_tokens off)', async () => {
  for (const target of [BASE, `${BASE}no-such-file.js`, '/', '//evil.example/esg/2022/']) {
    const r = await rawGet(nginx.origin, target);
    assert.equal(r.headers.server, 'nginx', `${target}: Server header`);
    assert.doesNotMatch(r.body, /nginx\/\d/, `${target}: version in the body`);
  }
});

test('the TLS variant (deploy/nginx-tls.conf): the same site as deploy/nginx.conf, HSTS on every response, http redirects to https', async () => {
  // Everything from `server_tokens off;` on is the site itself: the two files must not drift.
  const site = async (f) => {
    const text = await readFile(f, 'utf8');
    const i = text.lastIndexOf('    server_tokens off;\n');
    assert.ok(i > 0, `${f}: no \`server_tokens off;\``);
    return text.slice(i);
  };
  assert.equal(await site(DEPLOY_TLS_CONF), await site(DEPLOY_CONF), 'nginx-tls.conf differs from nginx.conf after `server_tokens off;`');

  const tls = await startNginx({ dist: DIST, csp, tls: true });
  try {
    const problems = await headerProblems(tls.origin, { hsts: HSTS, ca: tls.ca });
    assert.deepEqual(problems, [], `over https, missing or wrong headers:\n${problems.join('\n')}`);
    const page = await get(`${tls.url}en/environment/`, GZIP, { ca: tls.ca });
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-encoding'], 'gzip');
    const r = await rawGet(tls.httpOrigin, '/esg/2022/?view=social');
    assert.equal(r.status, 301);
    assert.equal(r.headers.location, 'https://ir.example.com/esg/2022/?view=social');
    assert.equal(r.headers['strict-transport-security'], undefined, 'HSTS over plain http means nothing');
  } finally {
    await tls.close();
  }
});

const PAGES = [
  { query: '', vp: VIEWPORTS[0] },
  { query: '?view=environment&lang=en', vp: VIEWPORTS[1] },
  { query: '?view=social', vp: VIEWPORTS[1] },
  { query: '?view=board&lang=en', vp: VIEWPORTS[1] },
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
