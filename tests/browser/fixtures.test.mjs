// A site built from the fictional fixtures (README: "Adding next year's report"):
// tests/fixtures/reports holds the real 2022 report and a made-up 2023 one that restates
// ghg-scope-2 and the mainland/overseas headcount for 2022, adds ghg-scope-3 and drops
// complaint-response-time. scripts/test.sh builds it with
//   ESG_DATA_DIR=tests/fixtures/reports ESG_ALLOW_FICTIONAL=1 trunk build --release --dist target/esg-fixture-dist
// and names the folder in ESG_FIXTURE_DIST; without it the fixture tests are skipped (the
// shipped-build checks at the end always run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DIST, assertNoProblems, csvObjects, gotoApp, launchBrowser, openPage, parseCsv, startServer, waitForCharts } from './lib.mjs';

const FIXTURE_DIST = process.env.ESG_FIXTURE_DIST;
const skip = FIXTURE_DIST ? false : 'ESG_FIXTURE_DIST is not set (scripts/test.sh builds the fixture site)';

/** The long CSV of a built site as objects keyed by its header. */
function longRows(dist) {
  return csvObjects(parseCsv(readFileSync(path.join(dist, 'data', 'medlive-esg.csv'), 'utf8'), { strict: true }));
}

/** Every file under `dir`. */
function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('fixture site: the data files span 2021–2023 and mark the restated figures', { skip }, () => {
  const rows = longRows(FIXTURE_DIST);
  const ghg = rows.filter((r) => r.kpi_id === 'ghg-scope-2');
  assert.deepEqual(ghg.map((r) => r.year), ['2021', '2022', '2023']);
  assert.deepEqual(
    ghg.map((r) => [r.value, r.status, r.source_report_year, r.original_value, r.original_report_year]),
    [
      ['67.396', 'reported', '2022', '', ''],
      ['67.900', 'restated', '2023', '67.758', '2022'],
      ['67.758', 'reported', '2023', '', ''],
    ],
  );
  const restated = rows.filter((r) => r.status === 'restated').map((r) => `${r.kpi_id} ${r.year}`);
  assert.deepEqual(
    restated.sort(),
    ['employees-hk-macao-taiwan-overseas 2022', 'employees-mainland 2022', 'ghg-scope-2 2022'],
  );
  // Added in 2023 (2022 not disclosed: empty, never zero) and dropped after 2022.
  assert.deepEqual(
    rows.filter((r) => r.kpi_id === 'ghg-scope-3').map((r) => [r.year, r.value, r.status]),
    [['2022', '', 'not-disclosed'], ['2023', '12.500', 'reported']],
  );
  assert.deepEqual(rows.filter((r) => r.kpi_id === 'complaint-response-time').map((r) => r.year), ['2021', '2022']);
  const json = JSON.parse(readFileSync(path.join(FIXTURE_DIST, 'data', 'medlive-esg.json'), 'utf8'));
  assert.equal(json.length, rows.length, 'the JSON has the CSV rows');
  const pkg = JSON.parse(readFileSync(path.join(FIXTURE_DIST, 'data', 'datapackage.json'), 'utf8'));
  const csvBytes = statSync(path.join(FIXTURE_DIST, 'data', 'medlive-esg.csv')).size;
  assert.equal(pkg.resources.find((r) => r.path.endsWith('.csv'))?.bytes, csvBytes);
});

test('fixture site: the pages name the 2023 report, not 2022', { skip }, () => {
  const html = (dir) => readFileSync(path.join(FIXTURE_DIST, dir, 'index.html'), 'utf8');
  const en = html('en/');
  assert.ok(en.includes('<title>Medlive 2023 ESG data explorer</title>'), 'the English title');
  assert.ok(en.includes('<h1>Medlive 2023 ESG data explorer</h1>'), 'the English heading');
  assert.match(en, /<meta name="description" content="[^"]* 2023 ESG report: [^"]* with 2022 comparatives\."/);
  assert.match(en, /<footer class="site-footer"><p>Figures from Medlive.s 2023 ESG report;/);
  const zh = html('zh-hant/');
  assert.ok(zh.includes('<h1>醫脈通 2023 ESG 數據瀏覽</h1>'), 'the Chinese heading');
  assert.ok(zh.includes('醫脈通《2023年環境、社會及管治報告》'), 'the Chinese source line');
  assert.ok(!zh.includes('《2022年環境、社會及管治報告》'), 'no 2022 report named');
  const board = html('en/board/');
  assert.ok(board.includes('<title>Board · Medlive 2023 ESG data explorer</title>'), 'the board page title');
  assert.ok(board.includes('31 Dec 2023') && !board.includes('31 Dec 2022'), 'the board is as at the 2023 period end');
  // The as-of button names the 2023 report's board change (the roster copied from 2022
  // still says "Ceased 14 Apr 2023" for one director, which is data, not the button).
  assert.ok(board.includes('From 14 Apr 2024') && !board.includes('From 14 Apr 2023'), 'the board change is the 2023 report\'s');
  assert.ok(html('en/highlights/').includes('<h2 id="h-milestones">2023 milestones</h2>'), 'the milestones heading');
  for (const dir of ['', 'zh-hant/', 'en/', 'en/social/', 'en/embed/ghg/']) {
    const title = html(dir).match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
    assert.ok(title.includes('2023') && !title.includes('2022'), `${dir || './'}: ${title}`);
  }
});

test('fixture site: the GHG chart and table show every year, the change compares the latest two', { skip }, async () => {
  // The chart's picture (the same option the live chart draws): one series per year.
  const charts = readdirSync(FIXTURE_DIST).find((n) => /^charts-[0-9a-f]{16}$/.test(n));
  assert.ok(charts, 'a chart picture folder');
  const svg = readFileSync(path.join(FIXTURE_DIST, charts, 'ghg', 'absolute', 'en', 'light.svg'), 'utf8');
  for (const year of ['2021', '2022', '2023']) assert.ok(svg.includes(`>${year}<`), `the GHG picture has ${year}`);

  const server = await startServer({ root: FIXTURE_DIST, base: '/esg/2023/' });
  const browser = await launchBrowser();
  try {
    const { context, page, problems } = await openPage(browser, server, { width: 1280, height: 800 }, { acceptDownloads: true });
    await gotoApp(page, `${server.url}en/environment/?mode=table`);
    const row = page.locator('tr[data-row="ghg-scope-2"]').first();
    await row.waitFor({ state: 'attached', timeout: 30_000 });
    const cells = await row.locator('td').allTextContents();
    // unit, 2021, 2022 (as the 2023 report restates it, with the first figure beside it),
    // 2023, change between the latest two.
    assert.equal(cells[1].trim(), '67.396', `2021 cell: ${cells[1]}`);
    assert.equal(cells[2].trim(), '67.900 (restated; 67.758 in the 2022 report)', `2022 cell: ${cells[2]}`);
    assert.equal(cells[3].trim().startsWith('67.758'), true, `2023 cell: ${cells[3]}`);
    assert.match(cells[4], /0\.142/, `change 2022→2023: ${cells[4]}`);
    const heads = (await row.locator('xpath=ancestor::table//thead//th').allTextContents()).map((h) => h.trim());
    const years = heads.filter((h) => /^\d{4}/.test(h)).map((h) => h.slice(0, 4));
    assert.deepEqual(years, ['2021', '2022', '2023'], heads.join(' | '));
    // A KPI the 2023 report adds is in its section's table before anyone charts it; 2022
    // was not disclosed (words, never zero).
    const added = await page.locator('tr[data-row="ghg-scope-3"] td').allTextContents();
    assert.deepEqual(added.slice(1, 4).map((c) => c.trim()), ['—', 'not disclosed', '12.500'], added.join(' | '));
    // The group's "Download CSV" exports the same rows as its table, the added KPI included.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#group-ghg button[data-action="csv"]').click()]);
    const groupCsv = csvObjects(parseCsv(readFileSync(await download.path(), 'utf8')));
    assert.deepEqual(
      groupCsv.filter((r) => r.id === 'ghg-scope-3').map((r) => [r.year, r.value]),
      [['2022', ''], ['2023', '12.500']],
      'the GHG CSV has the KPI its table shows',
    );
    // A KPI the 2023 report dropped keeps its years and says so.
    await gotoApp(page, `${server.url}en/social/?mode=table`);
    const dropped = page.locator('tr[data-row="complaint-response-time"] th').first();
    await dropped.waitFor({ state: 'attached', timeout: 30_000 });
    assert.match(await dropped.textContent(), /not in the latest report; last in the 2022 report/);

    // The chart's accessible description names both figures and both reports.
    await gotoApp(page, `${server.url}en/environment/`);
    const label = await page.locator('[role="img"][aria-label*="restated"]').first().getAttribute('aria-label');
    assert.match(label, /Indirect GHG emissions \(Scope 2\) for 2022 restated by the 2023 report as 67\.900 .*the 2022 report gave 67\.758/);
    // So does the live chart's tooltip on that bar.
    await waitForCharts(page);
    const tip = await page.evaluate(async () => {
      for (const el of document.querySelectorAll('div.chart[data-chart-ready="true"]')) {
        const chart = window.echarts.getInstanceByDom(el);
        const series = chart?.getOption().series ?? [];
        for (const [seriesIndex, s] of series.entries()) {
          const dataIndex = (s.data ?? []).findIndex((d) => d && typeof d === 'object' && d.tooltip);
          if (dataIndex < 0) continue;
          chart.dispatchAction({ type: 'showTip', seriesIndex, dataIndex });
          await new Promise((r) => setTimeout(r, 300));
          return el.innerText;
        }
      }
      return null;
    });
    assert.ok(tip, 'a live chart has a restated bar');
    assert.match(tip, /restated by the 2023 report as 67\.900 .*the 2022 report gave 67\.758/s);
    // The Data panel lists the restated figures as a file, with its rows, and as sentences.
    const listed = await page.locator('.data-files a[data-action="data-file"]').allTextContents();
    const restated = listed.find((t) => t.startsWith('medlive-esg-restatements.csv'));
    assert.match(restated ?? '', /Restated figures · 3 rows/, listed.join(' | '));
    const csv = await (await fetch(`${server.url}data/medlive-esg-restatements.csv`)).text();
    assert.equal(csv.trim().split('\n').length, 4, csv);
    const sentences = await page.locator('#restatements + ul.restatements li').allTextContents();
    assert.equal(sentences.length, 3, sentences.join(' | '));
    assert.match(sentences[0], /for 2022 restated by the 2023 report as 67\.900 .*the 2022 report gave 67\.758/);
    assertNoProblems(problems);
    await context.close();

    // With the wasm blocked, the static page has the same list (rendered by the same component).
    const noWasm = await openPage(browser, server, { width: 390, height: 844 });
    await noWasm.page.route('**/*.wasm', (r) => r.abort());
    await noWasm.page.goto(`${server.url}zh-hant/environment/`);
    const zh = await noWasm.page.locator('ul.restatements li').allTextContents();
    assert.equal(zh.length, 3, zh.join(' | '));
    await noWasm.context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the shipped build holds only the real 2022 report', () => {
  assert.ok(existsSync(path.join(DIST, 'index.html')), 'dist/ is built');
  for (const f of files(DIST)) {
    const text = readFileSync(f).toString('latin1').toLowerCase();
    assert.ok(!text.includes('fictional test data'), `${path.relative(DIST, f)} carries the fictional marker`);
  }
  const rows = longRows(DIST);
  assert.deepEqual([...new Set(rows.map((r) => r.year))], ['2021', '2022']);
  assert.deepEqual([...new Set(rows.map((r) => r.source_report_year))], ['2022']);
  assert.ok(rows.every((r) => r.status !== 'restated'));
  assert.ok(!existsSync(path.join(DIST, 'data', 'medlive-esg-restatements.csv')), 'one report restates nothing');
});
