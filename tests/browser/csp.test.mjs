// The same CSP as production (scripts/csp.mjs), sent by the node static server started the
// way a person would (`node scripts/static-server.mjs --header "Content-Security-Policy: …"`):
// every view (alternating languages) runs without a violation while charts are hovered. The
// controls show the watcher is not blind: without 'wasm-unsafe-eval' the app must not
// start; with no header at all, the pages' own <meta> policy still refuses an injected
// style attribute and script. frame-ancestors lets only the listed hosts frame a widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { VIEWPORTS, assertNoProblems, launchBrowser, openPage, waitForCharts, gotoApp } from './lib.mjs';
import { DIST, cspViolations, get, hoverCharts, startStaticServerProcess, watchCsp } from './deploy-lib.mjs';
import { cspFor, parseFrameAncestors, readFrameAncestors } from '../../scripts/csp.mjs';

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

test("without any header, every page's own <meta> policy holds: a style attribute and an inline script are refused", async () => {
  // The plain static server sends no CSP: what a host that cannot set headers serves.
  const server = await startStaticServerProcess({});
  try {
    assert.equal((await get(server.url)).headers['content-security-policy'], undefined);
    for (const q of ['en/social/?mode=table', 'zh-hant/stakeholders/', 'en/embed/ghg/']) {
      const { context, page, problems } = await openPage(browser, server, VIEWPORTS[0]);
      await watchCsp(context);
      try {
        // A widget and a link with a state start the app at once: no interaction, so the
        // charts stay pictures (a live ECharts chart sets styles through the CSSOM, allowed).
        await gotoApp(page, `${server.url}${q}`, { interact: !/\?|\/embed\//.test(q) });
        assert.equal(await page.locator('[style]').count(), 0, `${q}: an element with a style attribute`);
        assert.deepEqual(await cspViolations(page), [], `${q}: violations before the probe`);
        // The controls: what an injected attribute or script would do is refused.
        const ran = await page.evaluate(() => {
          document.body.setAttribute('style', 'outline: 9px solid red');
          const s = document.createElement('script');
          s.textContent = 'window.__injected = true';
          document.head.append(s);
          return new Promise((r) => setTimeout(() => r(window.__injected === true), 100));
        });
        assert.equal(ran, false, `${q}: an inline script ran`);
        const seen = await cspViolations(page);
        assert.ok(seen.some((v) => v.startsWith('style-src-attr')), `${q}: no style-src-attr violation: ${seen}`);
        assert.ok(seen.some((v) => v.startsWith('script-src-elem')), `${q}: no script-src-elem violation: ${seen}`);
        assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).outlineStyle), 'solid', `${q}: the style attribute applied`);
        assertNoProblems(problems.filter((p) => !/Content Security Policy/i.test(p)), q);
      } finally {
        await context.close();
      }
    }
  } finally {
    await server.close();
  }
});

test("frame-ancestors: a page of the explorer's own origin or a listed origin may frame it, any other may not", async () => {
  // Host pages from real local servers (Chromium refuses a page it thinks public, as a
  // route-fulfilled one is, to frame 127.0.0.1 at all); a port is an origin of its own.
  const src = (server) => `${server.url}en/embed/ghg/`;
  const hosts = await Promise.all([0, 1].map(() => hostPageServer()));
  const [allowed, other] = hosts.map((h) => h.origin);
  const policy = await cspFor(DIST, { frameAncestors: [allowed] });
  assert.match(policy, new RegExp(`; frame-ancestors 'self' ${allowed}$`));
  const server = await startStaticServerProcess({ headers: [`Content-Security-Policy: ${policy}`] });
  try {
    /** Whether the host page at `origin` shows the widget in its iframe. */
    const framed = async (origin) => {
      const { context, page } = await openPage(browser, server, VIEWPORTS[1], {}, { alsoAllow: [allowed, other] });
      try {
        const host = origin === server.origin ? server.url : `${origin}/report.html`;
        await page.goto(host);
        if (origin === server.origin) {
          // The explorer's own origin: a frame added to one of its pages.
          await page.evaluate((s) => document.body.append(Object.assign(document.createElement('iframe'), { src: s })), src(server));
        } else {
          await page.evaluate((s) => { document.querySelector('iframe').src = s; }, src(server));
        }
        await page.waitForTimeout(1500);
        const frame = page.frames().find((f) => f.url().startsWith(src(server)));
        return !!frame && (await frame.locator('main').count().catch(() => 0)) > 0;
      } finally {
        await context.close();
      }
    };
    assert.equal(await framed(server.origin), true, 'the explorer framed by its own origin');
    assert.equal(await framed(allowed), true, 'the explorer framed by a listed origin');
    assert.equal(await framed(other), false, 'the explorer framed by an unlisted origin');
  } finally {
    await server.close();
    await Promise.all(hosts.map((h) => h.close()));
  }
});

/** A server on 127.0.0.1 answering every request with a page holding one empty iframe. */
async function hostPageServer() {
  const s = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>report</title><iframe width="600" height="500"></iframe>');
  });
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${s.address().port}`, close: () => new Promise((r) => s.close(r)) };
}

test('the frame-ancestors file: origins only, with the line of a bad one named', async () => {
  assert.deepEqual(parseFrameAncestors('# c\nhttps://a.example\n\nhttp://b.example:8080 # x\n'), ['https://a.example', 'http://b.example:8080']);
  for (const bad of ['https://a.example/path', '*.example.com', 'https://*.a.example', 'ftp://a.example', "'none'"]) {
    assert.throws(() => parseFrameAncestors(`https://ok.example\n${bad}`, 'f.txt'), new RegExp(`^Error: f\\.txt:2: `), bad);
  }
  assert.ok((await readFrameAncestors()).length >= 1, 'deploy/frame-ancestors.txt lists the IR site');
});
