// 200 hostile links: no console error, no script from the URL ever runs, and the page
// shows a sensible default (the app mounted, a view on screen).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage, useServerAndBrowser, gotoApp } from './lib.mjs';

const env = useServerAndBrowser();

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
  "';window.__pwned=1;//",
  '%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E',
  '%00', '%', '%%', '%E4%B8', '%ZZ', '中文', '𝔘𝔫𝔦', '../../etc/passwd', '\u202e', 'a'.repeat(5000),
  'environment', 'social', 'board', 'table', 'en', 'zh-HK', '2021', 'ghg', 'after-change', 'per-employee',
];
const KEYS = ['view', 'kpi', 'mode', 'lang', 'year', 'embed', 'asof', 'measure', 'x', '', '__proto__', 'constructor'];

/** Deterministic pseudo-random queries (a fixed seed keeps failures reproducible). */
function queries(n) {
  let seed = 2022;
  const rnd = (k) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const out = [];
  for (let i = 0; i < n; i++) {
    const pairs = [];
    for (let j = 0; j < 1 + rnd(5); j++) {
      const k = KEYS[rnd(KEYS.length)];
      const v = PAYLOADS[rnd(PAYLOADS.length)];
      const enc = rnd(2) ? encodeURIComponent(v) : v.replace(/[#&\s]/g, '');
      pairs.push(rnd(7) === 0 ? k : `${k}=${enc}`);
    }
    out.push(`?${pairs.join('&')}`);
  }
  return out;
}

test('200 hostile links render a sensible page and run nothing', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { width: 390, height: 844 });
  try {
    for (const q of queries(200)) {
      await gotoApp(page, `${env.server.url}${q}`, { timeout: 15_000 });
      const state = await page.evaluate(() => ({
        pwned: window.__pwned === 1,
        main: !!document.querySelector('main#content, main.embedded'),
        error: !document.getElementById('load-error')?.hidden,
      }));
      assert.equal(state.pwned, false, `script ran for ${q}`);
      assert.ok(state.main, `no page for ${q}`);
      assert.equal(state.error, false, `error note shown for ${q}`);
      assertNoProblems(problems, q);
    }
  } finally {
    await context.close();
  }
});
