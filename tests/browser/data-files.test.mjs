// The data files for analysts (README: "Data files"): served from dist/data/ under a
// sub-path, listed by the Data panel of every page with their sizes and rows. Checked
// without pandas: the CSV parses and has the documented header, its row count is the
// panel's, the JSON holds the same rows, the Data Package names the CSV's size and hash,
// the panel's download is the served file byte for byte, and both are `esg-data csv --long`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ROOT, assertNoProblems, gotoApp, openPage, parseCsv, useServerAndBrowser } from './lib.mjs';

const env = useServerAndBrowser();

/** The long CSV's columns, as README.md and data/README.md document them. */
const HEADER = [
  'entity', 'year', 'period_end', 'pillar', 'section', 'kpi_id', 'metric_zh', 'metric_en', 'unit',
  'unit_en', 'value', 'status', 'hkex_kpi', 'source_report_year', 'source_table', 'source_section',
  'note_zh', 'note_en', 'original_value', 'original_report_year',
];
const FILES = ['medlive-esg.csv', 'medlive-esg.json', 'datapackage.json', 'README.md'];

function cliLongCsv() {
  const bin = path.join(ROOT, 'target', 'debug', 'esg-data');
  if (existsSync(bin)) return execFileSync(bin, ['csv', '--long']);
  return execFileSync('cargo', ['run', '-q', '-p', 'esg-data', '--', 'csv', '--long'], { cwd: ROOT });
}

/** The Data panel's data files on the page: name, absolute href, download name, rows and
    size as shown (`medlive-esg.csv · Long-format CSV · 194 rows · 38.9 KB`). */
async function panel(page) {
  const links = await page.locator('.data-files a[data-action="data-file"]').evaluateAll((as) =>
    as.map((a) => ({ href: a.href, download: a.getAttribute('download'), text: a.textContent })),
  );
  return links.map((l) => ({
    ...l,
    name: l.text.split(' · ')[0],
    rows: Number(/(\d+) ?(?:rows|行)/.exec(l.text)?.[1] ?? 0),
    size: / · ([\d.]+) KB$/.exec(l.text)?.[1],
  }));
}

async function get(href) {
  const res = await fetch(href);
  assert.equal(res.status, 200, href);
  return Buffer.from(await res.arrayBuffer());
}

for (const [lang, pagePath, rowsWord] of [
  ['en', 'en/', 'rows'],
  ['zh-hant', 'zh-hant/social/', '行'],
]) {
  test(`${pagePath}: the Data panel lists the served files with their real sizes and rows`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { width: 1280, height: 800 });
    try {
      await gotoApp(page, `${env.server.url}${pagePath}`);
      const files = await panel(page);
      assert.deepEqual(files.map((f) => f.name), FILES);
      for (const f of files) {
        assert.ok(f.href.startsWith(`${env.server.url}data/`), `${f.href}: under the site's own sub-path`);
        assert.equal(f.download, f.name);
        const bytes = await get(f.href);
        assert.equal(f.size, (bytes.length / 1000).toFixed(1), `${f.name}: size shown ${f.size} KB, served ${bytes.length} B`);
        // The tables (CSV, JSON) say their rows, in the page's language.
        if (f.name.startsWith('medlive-esg.')) assert.match(f.text, new RegExp(`\\d+${lang === 'en' ? ' ' : ''}${rowsWord}`), f.text);
      }
      // Today's downloads of the whole dataset stay beside them.
      assert.equal(await page.locator('.data-files a[data-action="all-csv"]').count(), 1);
      assert.equal(await page.locator('.data-files a[data-action="all-json"]').count(), 1);
      const [csvFile, jsonFile, packageFile] = files;
      const csvBytes = await get(csvFile.href);
      const csvText = csvBytes.toString('utf8');
      assert.ok(!csvText.startsWith('\uFEFF'), 'no byte-order mark');
      const [header, ...rows] = parseCsv(csvText, { strict: true });
      assert.deepEqual(header, HEADER, 'the documented header');
      assert.equal(rows.length, csvFile.rows, "the CSV's rows are the panel's count");
      assert.ok(rows.length > 100, `${rows.length} rows`);
      const keys = new Set();
      for (const r of rows) {
        const row = Object.fromEntries(header.map((h, i) => [h, r[i]]));
        assert.equal(r.length, HEADER.length, JSON.stringify(r));
        assert.equal(row.entity, 'HKEX:2192');
        assert.ok(['reported', 'not-disclosed', 'restated'].includes(row.status), row.status);
        assert.equal(row.value === '', row.status === 'not-disclosed', `${row.kpi_id} ${row.year}: an empty value is not disclosed, never zero`);
        assert.match(row.period_end, /^\d{4}-\d{2}-\d{2}$/);
        const key = `${row.entity}|${row.year}|${row.kpi_id}`;
        assert.ok(!keys.has(key), `primary key repeated: ${key}`);
        keys.add(key);
      }

      // The JSON: the same rows, keyed by the same columns (null for an empty cell).
      const json = JSON.parse((await get(jsonFile.href)).toString('utf8'));
      assert.equal(json.length, jsonFile.rows);
      assert.equal(json.length, rows.length);
      json.forEach((obj, i) => {
        assert.deepEqual(Object.keys(obj), HEADER);
        const cells = HEADER.map((h) => (obj[h] === null ? '' : String(obj[h])));
        assert.deepEqual(cells, rows[i], `JSON row ${i}`);
      });

      // The Data Package describes the served CSV: columns, size and hash.
      const dp = JSON.parse((await get(packageFile.href)).toString('utf8'));
      const csvRes = dp.resources.find((r) => r.path === 'medlive-esg.csv');
      assert.deepEqual(csvRes.schema.fields.map((f) => f.name), HEADER);
      assert.deepEqual(csvRes.schema.primaryKey, ['entity', 'year', 'kpi_id']);
      assert.equal(csvRes.bytes, csvBytes.length);
      assert.equal(csvRes.hash, `sha256:${createHash('sha256').update(csvBytes).digest('hex')}`);
      assertNoProblems(problems, pagePath);
    } finally {
      await context.close();
    }
  });
}

test("the panel's CSV download is the served file and `esg-data csv --long`, byte for byte", async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { width: 1280, height: 800 }, { acceptDownloads: true });
  try {
    await gotoApp(page, `${env.server.url}en/environment/`);
    const link = page.locator('.data-files a[data-action="data-file"][download="medlive-esg.csv"]');
    const href = await link.evaluate((a) => a.href);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'medlive-esg.csv');
    const downloaded = readFileSync(await download.path());
    const served = await get(href);
    assert.ok(downloaded.equals(served), 'the download differs from the served file');
    assert.ok(served.equals(cliLongCsv()), 'the served file differs from `esg-data csv --long`');
    assertNoProblems(problems, 'download');
  } finally {
    await context.close();
  }
});

test('the static page lists the data files with the wasm blocked', async () => {
  const { context, page } = await openPage(env.browser, env.server, { width: 390, height: 844 });
  try {
    await context.route(/\.wasm$/, (route) => route.abort('blockedbyclient'));
    await page.goto(`${env.server.url}zh-hant/`);
    const files = await panel(page);
    assert.deepEqual(files.map((f) => f.name), FILES);
    assert.equal(await page.locator('.data-files h2').textContent(), '數據檔案');
  } finally {
    await context.close();
  }
});
