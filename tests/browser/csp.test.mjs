// The same CSP as production (scripts/csp.mjs), sent by the node static server started the
// way a person would (`node scripts/static-server.mjs --header "Content-Security-Policy: …"`):
// every view (alternating languages) runs without a violation while charts are hovered. Two
// controls show the watcher is not blind: without 'wasm-unsafe-eval' the app must not
// start, and a strict `style-src 'self'` is probed to show what it would break.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { VIEWPORTS, assertNoProblems, launchBrowser, openPage, waitForCharts, gotoApp } from './lib.mjs';
import { DIST, cspViolations, get, hoverCharts, startStaticServerProcess, watchCsp } from './deploy-lib.mjs';
import { cspFor, STYLE_SRC } from '../../scripts/csp.mjs';

const VIEWS = ['overview', 'environment', 'social', 'governance', 'board', 'stakeholders', 'materiality', 'highlights', 'index'];
let browser;
let csp;

before(async () => {
  csp = await cspFor(DIST);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Open a page; wait for the app's content (or `startTimeout`), then for its charts if any. */
async function visit(server, query, { vp = VIEWPORTS[1], hover = true, startTimeout = 30_000 } = {}) {
  const { context, page, problems } = await openPage(browser, server, vp);
  await watchCsp(context);
  try {
    let charts = [];
    // An app that did not start never removes the pre-rendered page.
    const started = await gotoApp(page, `${server.url}${query}`, { timeout: startTimeout }).then(() => true, () => false);
    if (started && (await page.locator('div.chart[data-chart]').count()) > 0) {
      charts = await waitForCharts(page);
    }
    const hovered = hover && charts.length ? await hoverCharts(page) : { charts: 0, tooltips: 0 };
    return { charts, hovered, violations: await cspViolations(page), problems: [...problems] };
  } finally {
    await context.close();
  }
}

test('static server --header sends the production CSP; every view runs without a violation', async () => {
  const server = await startStaticServerProcess({ headers: [`Content-Security-Policy: ${csp}`] });
  try {
    const r = await get(server.url);
    assert.equal(r.headers['content-security-policy'], csp);
    let tooltips = 0;
    for (const [i, view] of VIEWS.entries()) {
      const q = `?view=${view}&lang=${i % 2 ? 'zh-Hant' : 'en'}`;
      const { violations, problems, hovered } = await visit(server, q);
      tooltips += hovered.tooltips;
      assert.deepEqual(violations, [], `${q}: CSP violations`);
      assertNoProblems(problems, q);
    }
    assert.ok(tooltips >= 3, `only ${tooltips} tooltips opened`);
  } finally {
    await server.close();
  }
});

test('control: without wasm-unsafe-eval the app does not start and the violation is seen', async () => {
  const noWasm = csp.replace(" 'wasm-unsafe-eval'", '');
  assert.notEqual(noWasm, csp);
  const server = await startStaticServerProcess({ headers: [`Content-Security-Policy: ${noWasm}`] });
  try {
    const { charts, violations, problems } = await visit(server, '', { hover: false, startTimeout: 5_000 });
    assert.equal(charts.length, 0, 'the app started without WebAssembly being allowed');
    assert.ok(violations.some((v) => v.startsWith('script-src')), `no script-src violation seen: ${violations}`);
    assert.ok(problems.some((p) => /Content Security Policy/i.test(p)), `no console error about the CSP: ${problems}`);
  } finally {
    await server.close();
  }
});

test("probe: what a strict style-src 'self' would block (informational)", async () => {
  const strict = csp.replace(STYLE_SRC.join('; '), "style-src 'self'");
  assert.notEqual(strict, csp);
  const server = await startStaticServerProcess({ headers: [`Content-Security-Policy: ${strict}`] });
  try {
    const blocked = [];
    for (const view of ['environment', 'social', 'stakeholders', 'board']) {
      const { violations, charts } = await visit(server, `?view=${view}&lang=en`);
      assert.ok(charts.length >= 1, `${view}: no chart under style-src 'self'`);
      if (violations.length) blocked.push(`${view}: ${violations.length}× ${violations[0]}`);
    }
    // Today the stakeholder map's default ECharts tooltip writes style="" attributes, which
    // is why STYLE_SRC allows inline style attributes (scripts/csp.mjs).
    console.log(`style-src 'self' would block: ${blocked.length ? `\n  ${blocked.join('\n  ')}` : 'nothing (consider tightening STYLE_SRC)'}`);
  } finally {
    await server.close();
  }
});
