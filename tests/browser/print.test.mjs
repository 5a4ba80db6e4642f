// Printing a view as a report (issue 15, "Print as a report"): Chromium's own PDF of the
// environment and social pages in both languages, read back with poppler's pdftotext.
//   - every 2022 value of the view is in the printout's text, as the app writes it (the
//     expected values come from the app's own dataset download, `esg-data csv` byte for
//     byte, not from a list kept here);
//   - the printout is A4 portrait, names the source, the page's URL and the print date, and
//     stays within a page budget (the counts are printed);
//   - both ways a chart can be on the page when printing: the build's picture (no
//     interaction yet, on a phone) and the live ECharts chart (after one, on a desktop),
//     which is redrawn at the paper's column width.
// The PDFs and their text are left in test-results/ to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  RESULTS,
  useServerAndBrowser,
  openPage,
  gotoApp,
  allGroupsShown,
  waitForCharts,
  assertNoProblems,
  csvObjects,
  parseCsv,
} from './lib.mjs';

const env = useServerAndBrowser();

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

// Most pages a printout may take (A4, every table open). Measured when this test was
// added, in either language: environment 3 (live charts) / 4 (pictures), social 10 / 11
// (zh-hant) or 12 (en); the overview and governance 2 either way.
const BUDGET = {
  environment: { live: 4, picture: 5 },
  social: { live: 12, picture: 13 },
};
const OTHER_BUDGET = { '': 3, 'governance/': 3 };
const PILLAR = { environment: 'E', social: 'S' };
const LANGS = [
  { path: 'en', notDisclosed: 'not disclosed', source: 'Medlive, 2022 Environmental, Social and Governance Report', locale: 'en-GB' },
  { path: 'zh-hant', notDisclosed: '未披露', source: '醫脈通《2022年環境、社會及管治報告》', locale: 'zh-Hant' },
];

function tool(name, args) {
  try {
    return execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    if (e.code === 'ENOENT') assert.fail(`${name} is missing: run scripts/setup.sh (Debian's poppler-utils)`);
    throw e;
  }
}

/** A printed figure as the app shows it: its precision kept, thousands grouped with `,`
    (esg_explorer::format::number). */
function figure(printed) {
  const [, sign, int, frac] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(printed) ?? assert.fail(`not a figure: ${printed}`);
  return `${sign}${int.replace(/\B(?=(\d{3})+$)/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}

/** How often `s` stands in `text` as a whole figure (not inside a longer number). */
function occurrences(text, s) {
  const esc = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (text.match(new RegExp(`(?<![\\d.,])${esc}(?![\\d]|[.,]\\d)`, 'g')) ?? []).length;
}

let dataset;
/** The whole dataset as the footer's download gives it (byte for byte `esg-data csv`). */
async function loadDataset() {
  if (dataset) return dataset;
  const { context, page, problems } = await openPage(env.browser, env.server, DESKTOP);
  try {
    await gotoApp(page, `${env.server.url}en/`);
    // The footer's link names a static file the build writes (data/…-all.csv).
    const href = await page.locator('a[data-action="all-csv"]').evaluate((a) => a.href);
    const res = await fetch(href);
    assert.equal(res.status, 200, href);
    dataset = csvObjects(parseCsv(await res.text()));
    assertNoProblems(problems, 'dataset download');
  } finally {
    await context.close();
  }
  assert.ok(dataset.length > 100, `the dataset download has ${dataset.length} rows`);
  return dataset;
}

/** Every value of the report year in a pillar, as the printout must show it. */
function expected(view, lang) {
  const year = String(Math.max(...dataset.map((r) => Number(r.year))));
  const rows = dataset.filter((r) => r.year === year && r.pillar === PILLAR[view]);
  assert.ok(rows.length > 10, `${view}: ${rows.length} KPIs`);
  return rows.map((r) => ({ id: r.id, text: r.value === '' ? lang.notDisclosed : figure(r.value) }));
}

const counts = [];

for (const view of Object.keys(PILLAR)) {
  for (const lang of LANGS) {
    for (const state of ['picture', 'live']) {
      test(`print ${lang.path}/${view}/ (${state} charts): A4, every 2022 value, source, URL and date, within ${BUDGET[view][state]} pages`, async () => {
        await loadDataset();
        const { context, page, problems } = await openPage(env.browser, env.server, state === 'live' ? DESKTOP : PHONE);
        try {
          // Pictures: no interaction, so the app is started by a link with a state (?mode=).
          if (state === 'live') await gotoApp(page, `${env.server.url}${lang.path}/${view}/`);
          else await gotoApp(page, `${env.server.url}${lang.path}/${view}/?mode=chart`, { interact: false });
          const groups = await allGroupsShown(page);
          if (state === 'live') {
            await waitForCharts(page, { all: true });
            // On paper (print media), each live chart is redrawn at its box's width, the
            // column's: the canvas is not the screen's half-width one.
            await page.emulateMedia({ media: 'print' });
            // (A media listener runs with the next frame.)
            await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            const sizes = await page.$$eval('div.chart', (els) =>
              els.map((el) => ({ chart: el.dataset.chart, box: el.clientWidth, canvas: el.querySelector('canvas')?.clientWidth, group: el.closest('.group').clientWidth })),
            );
            await page.emulateMedia({ media: null });
            for (const s of sizes) {
              assert.ok(s.box >= s.group - 2, `${s.chart}: the chart is ${s.box} px wide in a ${s.group} px group`);
              assert.ok(Math.abs(s.canvas - s.box) <= 2, `${s.chart}: canvas ${s.canvas} px in a ${s.box} px box on paper`);
            }
          } else {
            assert.equal(await page.locator('div.chart[data-chart-ready]').count(), 0, 'no interaction, no live chart');
          }
          mkdirSync(RESULTS, { recursive: true });
          const file = path.join(RESULTS, `print-${lang.path}-${view}-${state}.pdf`);
          await page.pdf({ path: file, format: 'A4' });
          const text = tool('pdftotext', ['-layout', file, '-']);
          writeFileSync(file.replace(/\.pdf$/, '.txt'), text);
          const info = tool('pdfinfo', [file]);
          const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
          counts.push(`${lang.path}/${view}/ ${state}: ${pages} pages (${groups} chart groups)`);
          console.log(`# print ${lang.path}/${view}/ with ${state} charts: ${pages} A4 pages`);

          assert.match(info, /^Page size:\s+595\.\d+ x 84[12]\.\d+ pts \(A4\)/m, 'A4 portrait');
          assert.ok(pages <= BUDGET[view][state], `${pages} pages, budget ${BUDGET[view][state]}`);

          // Every value of the year, at least as often as the KPIs that have it.
          const want = new Map();
          for (const { id, text: v } of expected(view, lang)) want.set(v, [...(want.get(v) ?? []), id]);
          const missing = [];
          for (const [v, ids] of want) {
            const n = v === lang.notDisclosed ? text.split(v).length - 1 : occurrences(text, v);
            if (n < ids.length) missing.push(`${v} (${ids.join(', ')}): ${n} of ${ids.length}`);
          }
          assert.deepEqual(missing, [], `values not in the printout:\n${missing.join('\n')}`);

          // The printout's header: the source, this page's URL and today's date.
          const flat = text.replace(/\s+/g, ' ');
          assert.ok(flat.includes(lang.source), `the source "${lang.source}" is not printed`);
          assert.ok(flat.includes(page.url()), `the URL ${page.url()} is not printed`);
          const today = await page.evaluate((l) => new Date().toLocaleDateString(l, { year: 'numeric', month: 'long', day: 'numeric' }), lang.locale);
          assert.ok(flat.includes(today), `the print date ${today} is not printed`);
          // The screen's controls are not.
          for (const word of lang.path === 'en' ? ['Download CSV', 'Copy link'] : ['下載CSV', '複製連結']) {
            assert.ok(!flat.includes(word), `"${word}" is printed`);
          }
          // After printing, the page is as it was: the tables the app opened are closed.
          assert.equal(await page.locator('details.figures[open]').count(), 0, 'a table twin left open after printing');
          assertNoProblems(problems);
        } finally {
          await context.close();
        }
      });
    }
  }
}

// The overview and the governance view: A4 and few pages, with the printout's header.
for (const [view, budget] of Object.entries(OTHER_BUDGET)) {
  for (const lang of LANGS) {
    test(`print ${lang.path}/${view} (live charts): A4, source and URL, within ${budget} pages`, async () => {
      const { context, page, problems } = await openPage(env.browser, env.server, DESKTOP);
      try {
        await gotoApp(page, `${env.server.url}${lang.path}/${view}`);
        const groups = await allGroupsShown(page);
        if (groups) await waitForCharts(page, { all: true });
        mkdirSync(RESULTS, { recursive: true });
        const file = path.join(RESULTS, `print-${lang.path}-${view.replace('/', '') || 'overview'}-live.pdf`);
        await page.pdf({ path: file, format: 'A4' });
        const flat = tool('pdftotext', [file, '-']).replace(/\s+/g, ' ');
        const info = tool('pdfinfo', [file]);
        const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
        counts.push(`${lang.path}/${view || '(overview)'} live: ${pages} pages (${groups} chart groups)`);
        assert.match(info, /^Page size:\s+595\.\d+ x 84[12]\.\d+ pts \(A4\)/m, 'A4 portrait');
        assert.ok(pages <= budget, `${pages} pages, budget ${budget}`);
        assert.ok(flat.includes(lang.source), `the source "${lang.source}" is not printed`);
        assert.ok(flat.includes(page.url()), `the URL ${page.url()} is not printed`);
        assertNoProblems(problems);
      } finally {
        await context.close();
      }
    });
  }
}

test('page counts', () => {
  console.log(counts.map((c) => `# ${c}`).join('\n'));
});
