// The screenshots a phone review looks at (issue 15's set), for any build, so that a
// change can be shown before and after:
//   node scripts/review-shots.mjs DIST_DIR OUT_DIR
// At 320 × 568 with touch, zh and en, light and dark: social in table mode (its first
// screen and its first table), the index, the overview's tiles, and the first A4 page of
// social printed (page.pdf → pdftoppm). The tooltip shots are scripts/tooltip-shots.mjs.
// Uses query links only, so it also works on builds older than the static pages.
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launchBrowser, openPage, startServer } from '../tests/browser/lib.mjs';

const [root, out] = process.argv.slice(2);
if (!root || !out) {
  console.error('usage: node scripts/review-shots.mjs DIST_DIR OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const server = await startServer({ root: path.resolve(root) });
const browser = await launchBrowser();
const PHONE = { width: 320, height: 568 };

/** Open a query link and wait until the app has rendered (or 6 s with no wasm progress). */
async function open(scheme, lang, query) {
  const opened = await openPage(browser, server, PHONE, { hasTouch: true, isMobile: true, colorScheme: scheme });
  await opened.page.goto(`${server.url}?${query}&lang=${lang}`, { waitUntil: 'load' });
  await opened.page.waitForFunction(() => document.documentElement.dataset.app === 'ready' || document.querySelector('#app main'), null, { timeout: 20000 }).catch(() => {});
  await opened.page.waitForTimeout(1500);
  return opened;
}

try {
  for (const scheme of ['light', 'dark']) {
    for (const lang of ['zh-Hant', 'en']) {
      const tag = `${lang}-${scheme}-320`;
      const shots = [
        ['social-table', 'view=social&mode=table', 'table'],
        ['index', 'view=index', null],
        ['overview-tiles', 'view=overview', '.tile'],
      ];
      for (const [name, query, focus] of shots) {
        const { context, page } = await open(scheme, lang, query);
        if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded().catch(() => {});
        const file = path.join(out, `${name}-${tag}.png`);
        await page.screenshot({ path: file });
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        console.log(file, `page width ${wide}px`);
        await context.close();
      }
      if (scheme === 'light') {
        const { context, page } = await open(scheme, lang, 'view=social');
        await page.waitForTimeout(1500);
        const pdf = path.join(out, `print-social-${lang}.pdf`);
        await page.pdf({ path: pdf, format: 'A4' });
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '-p1')]);
        const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
        console.log(pdf, `${/^Pages:\s+(\d+)/m.exec(info)[1]} pages`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
