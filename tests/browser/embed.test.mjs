// Embedding, downloads and print: a host page on a second origin embeds three widgets with
// embed.js and gets their heights; downloads are the CLI's bytes and a real PNG; print
// hides navigation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DIST, ROOT, allGroupsShown, assertNoProblems, launchBrowser, openPage, startServer, waitForCharts, screenshot, gotoApp } from './lib.mjs';

let app;
let host;
let browser;
const WIDGETS = ['ghg', 'board', 'overview'];

/** The SRI value of the built embed.js, as the Embed button's snippet must carry it. */
const EMBED_SRI = `sha384-${createHash('sha384').update(readFileSync(path.join(ROOT, 'dist/embed.js'))).digest('base64')}`;

before(async () => {
  app = await startServer();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'esg-host-'));
  const frames = WIDGETS.map(
    (w) => `<h2>${w}</h2>\n<iframe src="${app.url}?embed=${w}&lang=en" data-esg-explorer title="${w}" style="width:100%;border:0" height="150"></iframe>`,
  ).join('\n');
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Annual report</title></head>
<body style="margin:0;padding:0 8px"><h1>Annual report 2022</h1>${frames}
<script src="${app.url}embed.js" integrity="${EMBED_SRI}" crossorigin="anonymous" defer></script></body></html>`,
  );
  host = await startServer({ root: dir, base: '/report/' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

async function frameHeights(page) {
  const out = [];
  for (const w of WIDGETS) {
    const el = page.locator(`iframe[title="${w}"]`);
    const outer = (await el.boundingBox()).height;
    const frame = await (await el.elementHandle()).contentFrame();
    const inner = await frame.evaluate(() => document.documentElement.scrollHeight);
    const navs = await frame.locator('nav.views, header.site-header').count();
    out.push({ w, outer, inner, navs });
  }
  return out;
}

for (const width of [320, 1024]) {
  test(`host page at ${width}px: embed.js sizes each iframe to its widget`, async () => {
    const { context, page, problems } = await openPage(browser, host, { width, height: 900 }, {}, { alsoAllow: [app.origin] });
    try {
      await page.goto(host.url, { waitUntil: 'load' });
      await page
        .waitForFunction(
          () => [...document.querySelectorAll('iframe')].every((f) => parseFloat(getComputedStyle(f).height) > 200),
          null,
          { timeout: 30_000 },
        )
        .catch(async (e) => {
          const state = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => `${f.title}:${getComputedStyle(f).height}`));
          throw new Error(`iframes not sized: ${state.join(', ')}; problems: ${problems.join('; ')}; ${e.message}`);
        });
      await page.waitForTimeout(800);
      const heights = await frameHeights(page);
      for (const h of heights) {
        assert.ok(Math.abs(h.outer - h.inner) <= 4, `${h.w}: iframe ${h.outer}px vs content ${h.inner}px`);
        assert.equal(h.navs, 0, `${h.w}: no site navigation in an embed`);
      }
      // A message from another origin (here: the host itself) is ignored.
      const before = await page.locator('iframe[title="ghg"]').evaluate((f) => f.style.height);
      await page.evaluate(() => window.postMessage({ type: 'esg-explorer:height', widget: 'ghg', height: 7 }, '*'));
      await page.waitForTimeout(200);
      assert.equal(await page.locator('iframe[title="ghg"]').evaluate((f) => f.style.height), before);
      await screenshot(page, `embed-host-${width}`);
      assertNoProblems(problems, `host ${width}`);
    } finally {
      await context.close();
    }
  });
}

test('an unknown widget says so instead of a blank frame', async () => {
  const { context, page, problems } = await openPage(browser, app, { width: 320, height: 600 });
  try {
    await gotoApp(page, `${app.url}?embed=no-such-chart&lang=en`);
    const msg = await page.locator('.unknown-widget').innerText();
    assert.match(msg, /no widget called “no-such-chart”/);
    assert.match(msg, /ghg/);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

function cliCsv() {
  const bin = path.join(ROOT, 'target', 'debug', 'esg-data');
  if (existsSync(bin)) return execFileSync(bin, ['csv']);
  return execFileSync('cargo', ['run', '-q', '-p', 'esg-data', '--', 'csv'], { cwd: ROOT });
}

test('downloads: the whole CSV is the CLI output byte for byte; a chart PNG is a real PNG', async () => {
  const { context, page, problems } = await openPage(browser, app, { width: 1280, height: 800 }, { acceptDownloads: true });
  try {
    await gotoApp(page, `${app.url}?view=environment&lang=en`);
    await waitForCharts(page);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('a[data-action="all-csv"]')]);
    assert.equal(csv.suggestedFilename(), 'medlive-esg-2022-all-en.csv');
    const bytes = readFileSync(await csv.path());
    assert.ok(bytes.equals(cliCsv()), 'downloaded CSV differs from `esg-data csv`');

    const group = page.locator('#group-ghg');
    const [part] = await Promise.all([page.waitForEvent('download'), group.locator('button[data-action="csv"]').click()]);
    assert.equal(part.suggestedFilename(), 'medlive-esg-2022-ghg-en.csv');
    const lines = readFileSync(await part.path(), 'utf8').trim().split('\n');
    assert.equal(lines.length, 1 + 3 * 2);

    const box = await group.locator('div.chart').boundingBox();
    const [png] = await Promise.all([page.waitForEvent('download'), group.locator('button[data-action="png"]').click()]);
    assert.equal(png.suggestedFilename(), 'medlive-esg-2022-ghg-en.png');
    const img = readFileSync(await png.path());
    assert.ok(img.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature');
    const w = img.readUInt32BE(16);
    const h = img.readUInt32BE(20);
    assert.ok(Math.abs(w - 2 * box.width) <= 2 && Math.abs(h - 2 * box.height) <= 2, `PNG ${w}x${h} vs chart ${box.width}x${box.height} at 2x`);
    // The snippet names this widget and the self-hosted embed.js.
    const snippet = await group.locator('[data-testid="embed-snippet"]').textContent();
    // The widget's own page, under the site's public URL (the build's ESG_PUBLIC_URL, the
    // root page's canonical link), not where this copy is served nor the page it was copied on.
    // (The root's canonical page is the Chinese overview, zh-hant/.)
    const canonical = /<link rel="canonical" href="([^"]*)">/.exec(readFileSync(path.join(DIST, 'index.html'), 'utf8'))?.[1];
    const site = canonical?.replace(/zh-hant\/$/, '');
    assert.ok(site && site !== app.url, `the test build has a public URL: ${site}`);
    assert.ok(snippet.includes(`src="${site}en/embed/ghg/"`), snippet);
    assert.ok(snippet.includes(`<script src="${site}embed.js" integrity="${EMBED_SRI}" crossorigin="anonymous" defer></script>`), snippet);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('print draws every chart, hides navigation and keeps the source lines', async () => {
  const { context, page, problems } = await openPage(browser, app, { width: 800, height: 1100 });
  try {
    await gotoApp(page, `${app.url}?view=social&lang=en`);
    await waitForCharts(page);
    // Charts below the screen have not started; printing starts them all.
    const n = await allGroupsShown(page);
    const ready = 'div.chart[data-chart-ready="true"]';
    assert.ok((await page.locator(ready).count()) < n, 'every chart had started before printing');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.waitForFunction(([sel, total]) => document.querySelectorAll(sel).length === total, [ready, n], { timeout: 10_000 });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('nav.views').evaluate((n) => getComputedStyle(n).display), 'none');
    assert.equal(await page.locator('.controls').first().evaluate((n) => getComputedStyle(n).display), 'none');
    assert.ok(await page.locator('.source').first().isVisible());
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test("the README's embed snippet carries embed.js's current SRI hash", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const tags = readme.match(/<script src="[^"]*embed\.js"[^>]*>/g) ?? [];
  assert.ok(tags.length >= 1, 'no embed.js snippet in the README');
  for (const t of tags) assert.ok(t.includes(`integrity="${EMBED_SRI}"`) && t.includes('crossorigin="anonymous"'), `${t}\nwant integrity="${EMBED_SRI}"`);
});
