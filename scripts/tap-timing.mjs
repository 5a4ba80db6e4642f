// Time from the first tap on a chart's picture to its tooltip, on a phone under slow 4G
// (150 ms RTT, 1.6 Mbps down, 750 kbps up) and 4× CPU throttling, emulated through CDP:
//   node scripts/tap-timing.mjs DIST_DIR [runs=3] [view=environment] [chart=ghg]
// Prints, per run, ms from the tap (pointerdown) to the chart showing that it is waking
// (aria-busy) and to the tooltip being visible; both are read in the page
// (performance.now() in a frame loop), so the test harness's own latency does not count.
import path from 'node:path';
import { launchBrowser, openPage, startServer, gotoApp } from '../tests/browser/lib.mjs';
import { barsOf, pictureOf, tapPoint, pagePointOnPicture } from '../tests/browser/taps-lib.mjs';

const [root = 'dist', runs = '3', view = 'environment', chart = 'ghg'] = process.argv.slice(2);
const server = await startServer({ root: path.resolve(root) });
const browser = await launchBrowser();
try {
  for (let run = 1; run <= +runs; run++) {
    const { context, page } = await openPage(browser, server, { width: 320, height: 568 }, { hasTouch: true, isMobile: true });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await gotoApp(page, `${server.url}?view=${view}&lang=en`, { timeout: 120_000 });
    const sel = `div.chart[data-chart="${chart}"]`;
    await page.$eval(sel, (el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((s) => document.querySelector(`${s} img.chart-picture`)?.complete, sel, { timeout: 60_000 });
    const bars = barsOf(await pictureOf(page, sel));
    const bar = bars.filter((b) => b.series === Math.max(...bars.map((b) => b.series))).sort((a, b) => b.w - a.w)[0];
    const p = await pagePointOnPicture(page, sel, tapPoint(bar));
    await page.evaluate((s) => {
      const t = (window.__tap = {});
      const el = document.querySelector(s);
      addEventListener('pointerdown', () => (t.down ??= performance.now()), { capture: true });
      const tipShown = () =>
        [...el.querySelectorAll(':scope > div')].some((d) => {
          if (d.style.zIndex !== '9999999' || !d.textContent.trim()) return false;
          const cs = getComputedStyle(d);
          return cs.display !== 'none' && cs.visibility !== 'hidden' && +cs.opacity > 0;
        });
      const loop = () => {
        if (t.down !== undefined) {
          if (t.busy === undefined && el.getAttribute('aria-busy') === 'true') t.busy = performance.now();
          if (t.tip === undefined && tipShown()) t.tip = performance.now();
        }
        if (t.tip === undefined) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    }, sel);
    await page.touchscreen.tap(p.x, p.y);
    await page.waitForFunction(() => window.__tap.tip !== undefined, null, { timeout: 60_000 });
    const t = await page.evaluate(() => window.__tap);
    console.log(`run ${run}: waking shown after ${(t.busy - t.down).toFixed(0)} ms, tooltip after ${(t.tip - t.down).toFixed(0)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
