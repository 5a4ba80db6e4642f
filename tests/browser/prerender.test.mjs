// The pre-rendered first view: readable with JavaScript off, replaced by the app without
// leaving duplicates, and a failed wasm load shows a message instead of a blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ROOT, assertNoProblems, openPage, useServerAndBrowser, waitForApp, waitForCharts, gotoApp, interact, wasmDownloaded } from './lib.mjs';

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
    // The failed download alone says nothing: the static page is the whole view. The note
    // comes when the reader reaches for the page and the app cannot start.
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('#load-error').isVisible(), false, 'the note came before any interaction');
    await interact(page);
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
      // The reader's next move starts the app (static/boot.js).
      await interact(page);
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

/** Holds back the .wasm until `release()`: the reader acts on the static page meanwhile. */
async function holdWasm(context) {
  let release;
  const gate = new Promise((r) => (release = r));
  await context.route(/_bg\.wasm$/, async (route) => {
    await gate;
    await route.fallback();
  });
  return release;
}

/** A page loaded, the app not yet started (static/boot.js waits for an interaction). */
async function loadedNotStarted(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#prerender').count(), 1, `${url}: the app started before any interaction`);
}

/** The app has taken over, and what it started loading has finished (before the next goto). */
const gone = (page) => waitForApp(page, { interact: false });

test('what a reader does on the static page before the app starts carries over to the app', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
  try {
    // Keyboard: the first Tab starts the app; the focus moves to the app's twin.
    await loadedNotStarted(page, `${env.server.url}en/social/`);
    await page.keyboard.press('Tab');
    await gone(page);
    await page.waitForFunction(() => document.activeElement?.matches('a.skip') && document.activeElement.isConnected, null, { timeout: 5000 });

    // The rest happens while the app is still on its way (the wasm held back).
    const release = await holdWasm(context);
    // Typing in the search: the text typed before the app took over is in the app's field,
    // with its results and the focus.
    await loadedNotStarted(page, `${env.server.url}zh-hant/`);
    await page.focus('#prerender #kpi-search');
    await page.keyboard.type('B5.1');
    release();
    await gone(page);
    await page.locator('.search-results a').first().waitFor({ timeout: 5000 });
    assert.equal(await page.inputValue('#kpi-search'), 'B5.1');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'kpi-search');
    await context.unroute(/_bg\.wasm$/);

    // A table opened on the static page stays open.
    const release2 = await holdWasm(context);
    await loadedNotStarted(page, `${env.server.url}en/environment/`);
    await page.locator('#prerender #group-ghg details.figures > summary').click();
    release2();
    await gone(page);
    await page.waitForFunction(() => document.querySelector('#group-ghg details.figures')?.open === true, null, { timeout: 5000 });
    await context.unroute(/_bg\.wasm$/);

    // A button pressed there is pressed again, on the app's twin.
    const release3 = await holdWasm(context);
    await loadedNotStarted(page, `${env.server.url}en/environment/`);
    await page.locator('#prerender .controls .segmented button:nth-child(2)').first().click();
    release3();
    await gone(page);
    await page.waitForFunction(() => document.querySelector('main .controls .segmented button:nth-child(2)')?.getAttribute('aria-pressed') === 'true', null, { timeout: 5000 });
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a link that asks for a state starts the app at once; a plain link waits for the reader', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, PHONE);
  try {
    await page.goto(`${env.server.url}en/social/?mode=table`, { waitUntil: 'load' });
    await gone(page);
    assert.equal(await page.locator('main .controls .segmented button:nth-child(2)').first().getAttribute('aria-pressed'), 'true');
    // Started by the link, not by an interaction: the charts are still pictures.
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-interacted')), false);
    await loadedNotStarted(page, `${env.server.url}en/social/?utm_source=wechat`);
    // Downloaded ahead, not started.
    await wasmDownloaded(page);
    assert.equal(await page.locator('#prerender').count(), 1, 'a query the app does not read is a plain link');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
