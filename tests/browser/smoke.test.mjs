// Smoke test: the release build in dist/ loads under a sub-path, draws its charts,
// logs no errors, loads nothing from elsewhere, and does not overflow horizontally.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  VIEWPORTS,
  assertNoProblems,
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshot,
  startServer,
  waitForCharts,
  gotoApp,
} from './lib.mjs';

const BASE = '/esg/2022/';
let server;
let browser;

before(async () => {
  server = await startServer({ base: BASE });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const vp of VIEWPORTS) {
  test(`app loads under ${BASE} and draws a chart at ${vp.width}x${vp.height}`, async () => {
    const { context, page, problems } = await openPage(browser, server, vp);
    const responses = [];
    page.on('response', (res) => responses.push(res));
    try {
      const res = await gotoApp(page, server.url);
      assert.equal(res.status(), 200);

      await page.locator('h1').first().waitFor({ state: 'visible', timeout: 30_000 });
      const charts = await waitForCharts(page);
      assert.ok(charts.length >= 1, 'no chart drawn');

      // The chart canvas has a real size (the container got a CSS size).
      const box = await page.locator('div.chart[data-chart-ready="true"] canvas').first().boundingBox();
      assert.ok(box && box.width > 100 && box.height > 100, `chart canvas too small: ${JSON.stringify(box)}`);

      // Every asset came from under the sub-path (relative public_url), wasm as application/wasm.
      for (const r of responses) {
        const url = new URL(r.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
        assert.ok(url.pathname.startsWith(BASE), `asset outside ${BASE}: ${r.url()}`);
      }
      const wasm = responses.filter((r) => new URL(r.url()).pathname.endsWith('.wasm'));
      assert.equal(wasm.length, 1, 'expected one .wasm request');
      assert.equal((await wasm[0].allHeaders())['content-type'], 'application/wasm');

      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      assert.ok(scrollWidth <= innerWidth, `horizontal overflow: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);

      await screenshot(page, `smoke-${vp.width}x${vp.height}`);
      assertNoProblems(problems, `${vp.width}x${vp.height}`);
    } finally {
      await context.close();
    }
  });
}
