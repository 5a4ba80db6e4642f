// No chart text leaves its chart, collides with another or is cut (issue 12), measured in
// Chromium with the fonts it draws with:
// - every static picture in dist/charts-*/ (the SVG, opened on its own: its text is laid
//   out in the picture's own pixels, so one check holds at any width it is shown at);
// - every live chart of every view with charts at 320, 390, 768 and 1280 px, and of every
//   widget at 320 and 1280 px, in both languages (read through ECharts' own text elements
//   after render).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { DIST, launchBrowser, openPage, startServer, gotoApp, waitForCharts, assertNoProblems } from './lib.mjs';
import { svgTextBoxes, liveTextBoxes, geometryProblems } from './geometry-lib.mjs';

const WIDTHS = [320, 390, 768, 1280];
const LANGS = ['zh-hant', 'en'];
const VIEWS = ['', 'environment/', 'social/', 'governance/', 'board/', 'stakeholders/'];
/** Every widget the build wrote a page for (dist/en/embed/<id>/), at the narrowest and widest. */
const WIDGETS = () => readdirSync(path.join(DIST, 'en', 'embed')).filter((w) => existsSync(path.join(DIST, 'en', 'embed', w, 'index.html')));
const WIDGET_WIDTHS = [320, 1280];

const env = {};
before(async () => {
  env.server = await startServer();
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

function pictures() {
  const dir = readdirSync(DIST).find((f) => /^charts-[0-9a-f]{16}$/.test(f));
  assert.ok(dir, 'dist/ has a charts-<hash>/ directory');
  const files = [];
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.svg')) files.push(path.relative(DIST, p));
    }
  };
  walk(path.join(DIST, dir));
  return files.sort();
}

test('every chart picture keeps its text inside, apart and whole', async () => {
  const files = pictures();
  assert.ok(files.length >= 100, `${files.length} pictures`);
  const { context, page } = await openPage(env.browser, env.server, { width: 1400, height: 1000 });
  const broken = [];
  try {
    for (const file of files) {
      await page.goto(`${env.server.url}${file}`);
      const boxes = await page.evaluate(svgTextBoxes);
      assert.ok(boxes.texts.length > 0, `${file}: no text`);
      for (const p of geometryProblems(boxes)) broken.push(`${file}: ${p}`);
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(broken, [], `${broken.length} problems in ${files.length} pictures:\n${broken.join('\n')}`);
});

for (const width of WIDTHS) {
  for (const lang of LANGS) {
    test(`live charts at ${width} px, ${lang}: text inside, apart and whole`, async () => {
      const broken = [];
      let charts = 0;
      const pages = [...VIEWS, ...(WIDGET_WIDTHS.includes(width) ? WIDGETS().map((w) => `embed/${w}/`) : [])];
      for (const view of pages) {
        const { context, page, problems } = await openPage(env.browser, env.server, { width, height: 900 });
        try {
          await gotoApp(page, `${env.server.url}${lang}/${view}`);
          // A widget without a chart (figures only) has nothing to measure.
          if ((await page.locator('div.chart').count()) === 0) continue;
          await waitForCharts(page, { all: true });
          for (const chart of await page.evaluate(liveTextBoxes)) {
            charts += 1;
            for (const p of geometryProblems(chart)) broken.push(`${lang}/${view} ${chart.chart}: ${p}`);
          }
          assertNoProblems(problems, `${lang}/${view}`);
        } finally {
          await context.close();
        }
      }
      assert.ok(charts >= 20, `${charts} live charts`);
      assert.deepEqual(broken, [], `${broken.length} problems:\n${broken.join('\n')}`);
    });
  }
}
