// No open redirect through a `//` path. http://HOST//evil.example/esg/2022/ has the path
// //evil.example/esg/2022/, which is also a protocol-relative URL of evil.example: an app
// that built a link or history entry from location.pathname could send the reader there.
// Both servers refuse such paths (static-server.test.mjs, nginx.test.mjs); this checks the
// app itself, as if a proxy in front passed one through. Requests under that prefix are
// answered (route interception) with what the static server has under /esg/2022/.
// On every entry page, once the app has started: every <a href> resolves to the page's own
// origin (or to the report site the error note names), and following each header, language
// and main-area link keeps the page on that origin. Last, without the interception: the
// browser sends such a path unchanged, and the static server answers it with 400.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, interact, openPage, useServerAndBrowser, waitForApp } from './lib.mjs';

// The static server must not compress: route.fetch() hands over the decoded body.
const env = useServerAndBrowser({ gzip: false });
const DESKTOP = { width: 1280, height: 800 };
const EVIL = '//evil.example/esg/2022/';
// The links the app means to leave the site by: the report site, in the error note
// (REPORT_LINK, app/src/pages.rs), and the header's link to the report itself when the
// build was given one (ESG_REPORT_URL, app/src/components/issuer.rs).
const KNOWN_EXTERNAL = new Set(['https://ir.medlive.cn']);
if (process.env.ESG_REPORT_URL) KNOWN_EXTERNAL.add(new URL(process.env.ESG_REPORT_URL.trim()).origin);

/** A page whose requests under `${origin}${EVIL}` get the static server's /esg/2022/ answers. */
async function openEvil(locale = 'zh-TW') {
  const o = await openPage(env.browser, env.server, DESKTOP, { locale });
  // Registered after openPage's catch-all, so it is asked first; anything else falls back to
  // that one (which reports and aborts a request to another origin).
  await o.context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== env.server.origin || !url.pathname.startsWith(EVIL)) return route.fallback();
    const real = `${env.server.url}${url.pathname.slice(EVIL.length)}${url.search}`;
    return route.fulfill({ response: await route.fetch({ url: real, maxRedirects: 0 }) });
  });
  return o;
}

/** Closes what openEvil opened, with no route.fetch() left to fail in a closed context. */
async function closeEvil(context) {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
}

/** Every link on the page whose target is on another origin than the page's, as "text -> url". */
function foreignLinks(page) {
  return page.$$eval('a[href]', (as) =>
    as
      .filter((a) => new URL(a.href).origin !== location.origin)
      .map((a) => `${a.textContent.trim().slice(0, 40) || '(no text)'} -> ${a.href}`),
  );
}

async function assertLinksStay(page, label) {
  const foreign = (await foreignLinks(page)).filter((l) => !KNOWN_EXTERNAL.has(new URL(l.split(' -> ').pop()).origin));
  assert.deepEqual(foreign, [], `${label}: links to another origin:\n${foreign.join('\n')}`);
}

/**
 * Clicks the `i`-th match of `selector` and waits until the page shows the URL the link
 * named (the app follows in-app links itself, with pushState); returns where it landed.
 */
async function follow(page, selector, i, label) {
  // The pointer's first move starts the ECharts download: let it finish, so that leaving
  // the page aborts nothing.
  await interact(page);
  await waitForApp(page);
  const link = page.locator(selector).nth(i);
  const target = await link.evaluate((a) => a.href);
  // A link in the closed "More" menu (a <details>): open the menu as a reader would.
  if (await link.evaluate((a) => !!a.closest('details:not([open])'))) {
    await link.locator('xpath=ancestor::details[1]/summary').click({ timeout: 5000 });
  }
  await link.click({ timeout: 5000 });
  await page
    .waitForFunction((want) => location.href === want, target, { timeout: 5000 })
    .catch(() => {});
  // A link the app does not follow itself loads a new page: let its app start (once the
  // page has loaded: waitForApp looks for the pre-rendered page, still unparsed before).
  await page.waitForLoadState('load');
  await waitForApp(page);
  const now = await page.evaluate(() => ({ origin: location.origin, href: location.href }));
  assert.equal(now.origin, env.server.origin, `${label}: link ${i} (${target}) left the origin for ${now.href}`);
  assert.equal(now.href, target, `${label}: link ${i} landed elsewhere than its href`);
  await assertLinksStay(page, `${label} after link ${i}`);
  return now.href;
}

/** Follows every link of `selector` in turn, going back to `start` after each if asked. */
async function followAll(page, selector, label, { back = false } = {}) {
  const n = await page.locator(selector).count();
  assert.ok(n > 0, `${label}: no ${selector}`);
  const start = page.url();
  for (let i = 0; i < n; i++) {
    await follow(page, selector, i, label);
    if (back && page.url() !== start) {
      await page.goBack();
      await page.waitForFunction((want) => location.href === want, start, { timeout: 5000 });
      await waitForApp(page);
    }
  }
  return n;
}

const ENTRIES = [
  { path: '', tiles: true },
  { path: '?view=environment&lang=en', lands: 'en/environment/' },
  { path: 'en/environment/' },
];

for (const { path, lands = path, tiles } of ENTRIES) {
  test(`${EVIL}${path}: every link stays on the page's origin, and so does following them`, async () => {
    const { context, page, problems } = await openEvil();
    try {
      await page.goto(`${env.server.origin}${EVIL}${path}`, { waitUntil: 'load' });
      await waitForApp(page);
      assert.equal(page.url(), `${env.server.origin}${EVIL}${lands}`, 'where the entry link landed');
      await assertLinksStay(page, path || 'root');
      if (tiles) await followAll(page, 'main a[href]:not([href^="#"])', 'main links', { back: true });
      await followAll(page, 'nav.views a', 'header nav');
      await follow(page, '.title-row a', 0, 'language link');
      assertNoProblems(problems, path || 'root');
    } finally {
      await closeEvil(context);
    }
  });
}

test(`${EVIL}en/embed/ghg/: the embed's links stay on the origin, its "open the explorer" tab too`, async () => {
  const { context, page, problems } = await openEvil();
  try {
    await page.goto(`${env.server.origin}${EVIL}en/embed/ghg/`, { waitUntil: 'load' });
    await waitForApp(page);
    await assertLinksStay(page, 'embed');
    const links = page.locator('a[target="_blank"]');
    assert.ok((await links.count()) >= 1, 'the embed has no link to the explorer');
    const want = await links.first().evaluate((a) => a.href);
    const [tab] = await Promise.all([context.waitForEvent('page'), links.first().click()]);
    await tab.waitForLoadState('load');
    assert.equal(new URL(tab.url()).origin, env.server.origin, `the new tab left the origin: ${tab.url()}`);
    assert.equal(tab.url(), want);
    await waitForApp(tab);
    await assertLinksStay(tab, 'the explorer opened from the embed');
    assertNoProblems(problems, 'embed');
  } finally {
    await closeEvil(context);
  }
});

test(`without the interception, the static server itself refuses ${EVIL} to the browser (400)`, async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const res = await page.goto(`${env.server.origin}${EVIL}?view=environment`);
    // The browser sends the path as it is (no host is read out of it) ...
    assert.equal(new URL(res.url()).pathname, EVIL);
    // ... and gets no app.
    assert.equal(res.status(), 400);
    assert.equal(await page.locator('script').count(), 0);
  } finally {
    await context.close();
  }
});
