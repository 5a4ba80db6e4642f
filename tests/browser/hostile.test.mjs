// 200 hostile links, under the production CSP (the header and every page's own <meta>):
// no console error, no CSP violation, no script from the URL ever runs, and the page shows
// a sensible default (the app mounted, a view on screen) and survives a reader's first
// moves (the pointer across it, Tab, a tap on its first chart).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, launchBrowser, openPage, startServer, gotoApp } from './lib.mjs';
import { cspViolations, watchCsp } from './deploy-lib.mjs';
import { cspFor } from '../../scripts/csp.mjs';

const env = {};
before(async () => {
  env.server = await startServer({ headers: { 'Content-Security-Policy': await cspFor() } });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

/** Where each link points: the root (old query links), a view page, a widget page. */
const PAGES = ['', 'en/social/', 'zh-hant/embed/ghg/', 'en/board/'];

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

test('200 hostile links render a sensible page and run nothing, under the CSP', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { width: 390, height: 844 });
  await watchCsp(context);
  try {
    const r = await gotoApp(page, env.server.url);
    assert.match(r.headers()['content-security-policy'] ?? '', /frame-ancestors/, 'the header is sent');
    assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1, 'the page has its own policy');
    for (const [i, q] of queries(200).entries()) {
      const url = `${env.server.url}${PAGES[i % PAGES.length]}${q}`;
      await gotoApp(page, url, { timeout: 15_000 });
      await page.mouse.move(20, 20);
      await page.mouse.move(200, 500, { steps: 4 });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const chart = page.locator('div.chart[data-chart]').first();
      if (i % 10 === 0 && (await chart.count()) && (await chart.isVisible())) await chart.click({ timeout: 5_000 });
      const state = await page.evaluate(() => ({
        pwned: window.__pwned === 1,
        main: !!document.querySelector('main#content, main.embedded'),
        error: !document.getElementById('load-error')?.hidden,
      }));
      assert.equal(state.pwned, false, `script ran for ${url}`);
      assert.ok(state.main, `no page for ${url}`);
      assert.equal(state.error, false, `error note shown for ${url}`);
      assert.deepEqual(await cspViolations(page), [], `CSP violations for ${url}`);
      // The first move fetches ECharts and the charts' options when a chart is near the
      // screen; the next link may cancel those downloads, which is the browser leaving a
      // page, not an error of it.
      const left = /(echarts\.min-[0-9a-f]+\.js|charts-[0-9a-f]{16}\/options\.json) \(net::ERR_ABORTED\)$/;
      assertNoProblems(problems.filter((p) => !left.test(p)), url);
      problems.length = 0;
    }
  } finally {
    await context.close();
  }
});
