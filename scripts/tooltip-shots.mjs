// Screenshots of a chart's tooltip after a tap on a phone (320 × 568, touch), zh and en,
// light and dark, for looking at:
//   node scripts/tooltip-shots.mjs DIST_DIR OUT_DIR [view] [chart]
// Taps the chart's widest current-year bar on its picture, waits for the live chart, and
// taps again only if the first tap showed nothing (as the build before issue 15 needed).
import path from 'node:path';
import fs from 'node:fs';
import { launchBrowser, openPage, startServer, gotoApp } from '../tests/browser/lib.mjs';
import { barsOf, pictureOf, tapPoint, tooltipOf, pagePointOnPicture } from '../tests/browser/taps-lib.mjs';

const [root, out, view = 'environment', chart = 'ghg'] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const server = await startServer({ root: path.resolve(root) });
const browser = await launchBrowser();
try {
  for (const scheme of ['light', 'dark']) {
    for (const lang of ['zh-Hant', 'en']) {
      const { context, page } = await openPage(browser, server, { width: 320, height: 568 }, { hasTouch: true, isMobile: true, colorScheme: scheme });
      await gotoApp(page, `${server.url}?view=${view}&lang=${lang}`);
      const sel = `div.chart[data-chart="${chart}"]`;
      await page.locator(sel).scrollIntoViewIfNeeded();
      const bars = barsOf(await pictureOf(page, sel));
      const bar = bars.filter((b) => b.series === Math.max(...bars.map((b) => b.series))).sort((a, b) => b.w - a.w)[0];
      const p = await pagePointOnPicture(page, sel, tapPoint(bar));
      await page.touchscreen.tap(p.x, p.y);
      await page.waitForSelector(`${sel}[data-chart-ready="true"]`, { timeout: 20000 });
      await page.waitForTimeout(400);
      let taps = 1;
      if (!(await tooltipOf(page, sel))) {
        await page.touchscreen.tap(p.x, p.y);
        taps = 2;
        await page.waitForTimeout(400);
      }
      const tip = await tooltipOf(page, sel);
      const file = path.join(out, `${view}-${chart}-${lang}-${scheme}-320.png`);
      await page.screenshot({ path: file });
      console.log(file, `taps: ${taps}`, JSON.stringify(tip));
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
