// axe-core (WCAG 2.2 A/AA and best practices) on every view, in both languages, in chart
// and table mode, light and dark, at a phone's width: 72 pages, each after the app has
// mounted, plus every widget page in one language per theme. Zero violations allowed.
// Every page runs under its own <meta> CSP; axe is injected through the DevTools protocol
// (page.evaluate), which the page's policy does not govern.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DIST, gotoApp, openPage, useServerAndBrowser } from './lib.mjs';

const env = useServerAndBrowser();
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const VIEWS = ['', 'environment/', 'social/', 'governance/', 'board/', 'stakeholders/', 'materiality/', 'highlights/', 'index/'];
const PHONE = { width: 390, height: 844 };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The axe violations of `url` in `scheme`, one line each (rule, count, first target). */
async function violations(url, scheme) {
  const { context, page, problems } = await openPage(env.browser, env.server, PHONE, { colorScheme: scheme });
  try {
    await gotoApp(page, url);
    await page.evaluate(AXE);
    const found = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }).then((r) => r.violations.map((v) => `${v.id} ×${v.nodes.length}: ${v.nodes[0].target.join(' ')} (${v.help})`)),
      TAGS,
    );
    return [...found, ...problems];
  } finally {
    await context.close();
  }
}

async function pool(items, n, f) {
  const out = [];
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const item = items[next++];
      out.push(...(await f(item)));
    }
  }));
  return out;
}

test('axe: no violation on any view, language, mode or theme', async () => {
  const states = [];
  for (const lang of ['zh-hant', 'en'])
    for (const view of VIEWS)
      for (const mode of ['', '?mode=table'])
        for (const scheme of ['light', 'dark']) states.push({ path: `${lang}/${view}${mode}`, scheme });
  assert.equal(states.length, 72);
  const bad = await pool(states, 3, async (s) => (await violations(`${env.server.url}${s.path}`, s.scheme)).map((v) => `${s.path} (${s.scheme}): ${v}`));
  assert.deepEqual(bad, [], `${bad.length} violations:\n${bad.join('\n')}`);
});

test('axe: no violation on any widget page', async () => {
  const ids = readdirSync(path.join(DIST, 'en/embed'));
  assert.ok(ids.length >= 20, `widgets: ${ids}`);
  // Each widget once, languages and themes alternating.
  const states = ids.map((id, i) => ({ path: `${i % 2 ? 'en' : 'zh-hant'}/embed/${id}/`, scheme: i % 4 < 2 ? 'light' : 'dark' }));
  const bad = await pool(states, 3, async (s) => (await violations(`${env.server.url}${s.path}`, s.scheme)).map((v) => `${s.path} (${s.scheme}): ${v}`));
  assert.deepEqual(bad, [], `${bad.length} violations:\n${bad.join('\n')}`);
});
