// Screenshots of every view in both languages at phone and desktop size, for looking at:
//   node scripts/shots.mjs [view ...]     (after trunk build; writes test-results/shots/)
import { launchBrowser, openPage, startServer, VIEWPORTS, RESULTS } from '../tests/browser/lib.mjs';
import fs from 'node:fs';
import path from 'node:path';

const views = process.argv.slice(2).length ? process.argv.slice(2) : ['overview', 'environment', 'social', 'governance'];
const out = path.join(RESULTS, 'shots');
fs.mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const vp of VIEWPORTS) {
    for (const lang of ['zh-Hant', 'en']) {
      for (const view of views) {
        const { context, page, problems } = await openPage(browser, server, vp);
        await page.goto(`${server.url}?view=${view}&lang=${lang}`, { waitUntil: 'load' });
        await page.waitForTimeout(1500);
        const file = path.join(out, `${view}-${lang}-${vp.width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file, problems.length ? JSON.stringify(problems) : 'ok');
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
