// The pre-rendered first view: readable with JavaScript off, replaced by the app without
// leaving duplicates, and a failed wasm load shows a message instead of a blank page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage, useServerAndBrowser, waitForCharts, gotoApp } from './lib.mjs';

const env = useServerAndBrowser();

const PHONE = { width: 390, height: 844 };

test('with JavaScript off the headline figures and every KPI table are there', async () => {
  const { context, page } = await openPage(env.browser, env.server, PHONE, { javaScriptEnabled: false });
  try {
    await page.goto(env.server.url, { waitUntil: 'load' });
    assert.equal(await page.locator('h1').innerText(), '醫脈通 2022 ESG 數據瀏覽');
    // Sections below the first screen are laid out only near it (content-visibility), so
    // innerText skips them until scrolled to: check the DOM text, then one table on screen.
    const text = await page.locator('#prerender').evaluate((el) => el.textContent);
    for (const v of ['67.758', '116.000', '1,823.000', '378.50', '未披露', '33.33']) assert.ok(text.includes(v), v);
    const last = page.locator('#prerender table').last();
    // Scrolled to (again on each poll: the section's real height replaces the estimate).
    await page.waitForFunction(
      (t) => {
        t.scrollIntoView({ block: 'center' });
        return /\d/.test(t.innerText);
      },
      await last.elementHandle(),
      { timeout: 5000, polling: 100 },
    );
    assert.ok((await page.locator('#prerender table').count()) >= 13);
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
