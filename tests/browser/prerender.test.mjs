// The pre-rendered first view: readable with JavaScript off, replaced by the app without
// leaving duplicates, and a failed wasm load shows a message instead of a blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ROOT, assertNoProblems, openPage, useServerAndBrowser, waitForCharts, gotoApp } from './lib.mjs';

const env = useServerAndBrowser();

const PHONE = { width: 390, height: 844 };

/** Rows of the dataset as the CLI writes them (`esg-data csv`). */
function datasetRows() {
  const csv = execFileSync('cargo', ['run', '-q', '--offline', '-p', 'esg-data', '--', 'csv'], { cwd: ROOT, encoding: 'utf8' });
  const rows = [];
  for (const line of csv.trim().split('\n').slice(1)) {
    const cells = [];
    for (const m of line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)) {
      if (m.index === line.length && m[0] === '') break;
      cells.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
    }
    const [year, pillar, , id, metricZh, , , value] = cells;
    rows.push({ year, pillar, id, metricZh, value });
  }
  return rows;
}

/** A value as the tables print it: thousands separated, decimals kept. */
const printed = (v) => v.replace(/^(\d+)/, (int) => Number(int).toLocaleString('en-US'));

test('with JavaScript off each pillar page has every KPI of its pillar, named and valued', async () => {
  const { context, page } = await openPage(env.browser, env.server, PHONE, { javaScriptEnabled: false });
  try {
    const rows = datasetRows();
    assert.ok(rows.length > 150, `${rows.length} rows`);
    for (const [pillar, view] of [['E', 'environment'], ['S', 'social'], ['G', 'governance']]) {
      await page.goto(`${env.server.url}zh-hant/${view}/`, { waitUntil: 'load' });
      assert.equal(await page.locator('h1').innerText(), '醫脈通 2022 ESG 數據瀏覽');
      // Sections below the first screen are laid out only near it (content-visibility), so
      // innerText skips them until scrolled to: check the DOM text.
      const text = await page.locator('#prerender main').evaluate((el) => el.textContent);
      const missing = rows
        .filter((r) => r.pillar === pillar)
        .filter((r) => !text.includes(r.metricZh) || !text.includes(/^[\d.]+$/.test(r.value) ? printed(r.value) : '未披露'))
        .map((r) => `${r.id} ${r.year} ${r.value}`);
      assert.deepEqual(missing, [], `${view}: not on the static page`);
      assert.ok(await page.locator('#prerender noscript, #prerender .static-note').count(), `${view}: says it is the static version`);
    }
  } finally {
    await context.close();
  }
});

test('the app takes over: the static page is gone and nothing is duplicated', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
  try {
    await gotoApp(page, `${env.server.url}?lang=en`);
    await waitForCharts(page);
    assert.equal(await page.locator('#prerender').count(), 0);
    assert.equal(await page.locator('main#content').count(), 1);
    assert.equal(await page.locator('h1').count(), 1);
    assert.ok(await page.locator('#load-error').isHidden());
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a wasm that fails to load leaves the static page and a readable message', async () => {
  const { context, page } = await openPage(env.browser, env.server, PHONE);
  try {
    await context.route(/_bg\.wasm$/, (route) => route.abort('failed'));
    await page.goto(env.server.url, { waitUntil: 'load' });
    await page.locator('#load-error').waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await page.locator('#load-error').innerText(), /could not load/);
    assert.ok(await page.locator('#prerender h1').isVisible());
  } finally {
    await context.close();
  }
});

test('a reader who scrolled the static page keeps their place when the app takes over', async () => {
  // The app mounts a long view progressively (components/reveal.rs), but never under a
  // reader who is already reading further down: then it mounts the whole view at once.
  for (const path of ['zh-hant/social/', 'en/index/']) {
    const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
    try {
      let release;
      const gate = new Promise((r) => (release = r));
      await context.route(/_bg\.wasm$/, async (route) => {
        await gate;
        await route.fallback();
      });
      await page.goto(`${env.server.url}${path}`, { waitUntil: 'load' });
      await page.evaluate(() => window.scrollTo(0, 2500));
      const at = () =>
        page.evaluate(() => {
          const el = document.elementFromPoint(innerWidth / 2, 200)?.closest('[id]');
          return { y: Math.round(scrollY), id: el?.id ?? '' };
        });
      const before = await at();
      assert.ok(before.y >= 2000 && before.id, `${path}: static page scrolled to ${JSON.stringify(before)}`);
      release();
      await page.waitForFunction(() => !document.getElementById('prerender'), null, { timeout: 30_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const after = await at();
      assert.ok(Math.abs(after.y - before.y) <= 2, `${path}: at ${after.y}, was at ${before.y}`);
      assert.equal(after.id.replace(/^prerender-/, ''), before.id.replace(/^prerender-/, ''), `${path}: same block on screen`);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  }
});
