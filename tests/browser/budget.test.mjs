// Size budget for the first view: index.html plus every file it loads (stylesheet, boot
// script, the wasm-bindgen glue, the .wasm, the pre-rendered chart pictures), gzip-compressed
// at level 9 as scripts/static-server.mjs sends them (nginx at level 6 sends ~1 % more); and
// for ECharts, which loads only after the reader first interacts. Bytes, so the numbers are
// stable from run to run; no browser needed.
//
// The total is the target for a first view on a phone: 350 KB. The per-file
// budgets are today's sizes plus ~10 % headroom, a ratchet: when a change makes the site
// smaller, lower the numbers to the new size + 10 % in the same commit. A new file loaded
// by index.html fails the test until it gets a budget line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync, constants } from 'node:zlib';
import path from 'node:path';
import { DIST, assertDist } from './deploy-lib.mjs';
import { afterInteractionFiles, firstViewFiles } from '../../scripts/first-view.mjs';

/**
 * [label, file-name pattern, gzip budget in bytes, several files may match (each within
 * the budget)]. Budgets = measured + ~10 %, rounded.
 */
export const BUDGETS = [
  // Grew with the pre-rendered first view (headlines and every KPI table), then each
  // pillar's first chart card. Measured 2026-11-28: 4,872 B.
  ['index.html', /^index\.html$/, 5_350],
  // Starts the app after the first paint; shows the error note if it cannot. Measured
  // 2026-11-28: 2,130 B.
  ['boot script', /^boot-[0-9a-f]{12,16}\.js$/, 2_350],
  // 4,124 B (2026-11-28).
  ['stylesheet', /^main-[0-9a-f]{12,16}\.css$/, 4_550],
  // 8,154 B (2026-11-28).
  ['wasm-bindgen glue', /^esg-app-[0-9a-f]{12,16}\.js$/, 8_950],
  // 2026-11-28: 305,887 B after prebuilt chart options (esg_explorer::prebuilt) took
  // charming and the JSON-tree code out of the wasm (was 341,191 B); 320,198 B with the
  // static chart pictures.
  ['app wasm', /^esg-app-[0-9a-f]{12,16}_bg\.wasm$/, 336_000],
  // A chart's static picture (scripts/chart-svgs.mjs): ~1.1 KB each.
  ['chart picture', /^charts-[0-9a-f]{16}\/[a-z0-9/-]+\/(light|dark)\.svg$/i, 1_700, true],
];
/** The first-view target (bytes gzip), asserted on what index.html names.
    2026-11-28: 343,069 B. */
export const TOTAL_BUDGET = 350_000;
/** ECharts, after the first interaction: 168,536 B since the aria component left it. */
export const ECHARTS_BUDGET = ['ECharts', /^echarts\.min-[0-9a-f]{12,16}\.js$/, 186_000];

async function gzipSize(dist, f) {
  const raw = await readFile(path.join(dist, f));
  return { file: f, raw: raw.length, gzip: gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length };
}

export async function measure(dist = DIST) {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  return Promise.all(firstViewFiles(html).map((f) => gzipSize(dist, f)));
}

test('first-view assets stay within their gzip budgets', async () => {
  assertDist();
  const rows = await measure();
  const lines = [];
  const over = [];
  const used = new Set();
  for (const r of rows) {
    const b = BUDGETS.find(([, re]) => re.test(r.file));
    if (!b) {
      over.push(`${r.file}: loaded by index.html but has no budget line`);
      continue;
    }
    assert.ok(b[3] || !used.has(b[0]), `two files match the budget "${b[0]}"`);
    used.add(b[0]);
    const pct = ((100 * r.gzip) / b[2]).toFixed(0);
    lines.push(`${b[0].padEnd(18)} ${r.file.padEnd(40)} ${String(r.raw).padStart(9)} raw ${String(r.gzip).padStart(8)} gzip  budget ${String(b[2]).padStart(8)} (${pct} %)`);
    if (r.gzip > b[2]) over.push(`${b[0]} (${r.file}): ${r.gzip} B gzip > budget ${b[2]} B`);
  }
  const total = rows.reduce((a, r) => a + r.gzip, 0);
  const raw = rows.reduce((a, r) => a + r.raw, 0);
  lines.push(`${'total'.padEnd(18)} ${''.padEnd(40)} ${String(raw).padStart(9)} raw ${String(total).padStart(8)} gzip  budget ${String(TOTAL_BUDGET).padStart(8)} (${((100 * total) / TOTAL_BUDGET).toFixed(0)} %)`);
  if (total > TOTAL_BUDGET) over.push(`total: ${total} B gzip > budget ${TOTAL_BUDGET} B`);
  console.log(`first-view size (gzip -9) of ${DIST}:\n  ${lines.join('\n  ')}`);
  for (const [label] of BUDGETS) {
    if (!used.has(label)) console.log(`  note: budget "${label}" matched no first-view file (remove it?)`);
  }
  assert.deepEqual(over, [], 'over budget (if intended, raise the budget in tests/browser/budget.test.mjs and say why)');
});

test('ECharts, loaded at the first interaction, stays within its budget', async () => {
  assertDist();
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  const [label, re, budget] = ECHARTS_BUDGET;
  const files = afterInteractionFiles(html);
  assert.equal(files.length, 1, `one ECharts file on the boot tag: ${files}`);
  assert.match(files[0], re);
  const { gzip } = await gzipSize(DIST, files[0]);
  console.log(`${label} (after the first interaction): ${gzip} B gzip, budget ${budget} B`);
  assert.ok(gzip <= budget, `${label}: ${gzip} B gzip > budget ${budget} B`);
});

test('the budget reads what index.html loads', () => {
  const html = `<link rel="stylesheet" href="./main-0123456789abcdef.css"/>
<link rel="icon" href="data:,">
<script data-glue="./esg-app-0123456789abcdef.js" data-glue-integrity="sha384-a" data-wasm="./esg-app-0123456789abcdef_bg.wasm"
 data-wasm-integrity="sha384-b" data-charts="./echarts.min-0123456789abcdef.js" data-charts-integrity="sha384-c"
 data-svg="charts-0123456789abcdef/" src="./boot-0123456789abcdef.js" integrity="sha384-d"></script>
<picture><source media="(prefers-color-scheme: dark)" srcset="charts-0123456789abcdef/ghg/absolute/zh-Hant/dark.svg">
<img class="chart-picture" src="charts-0123456789abcdef/ghg/absolute/zh-Hant/light.svg" alt=""></picture>`;
  assert.deepEqual(firstViewFiles(html).sort(), [
    'boot-0123456789abcdef.js',
    'charts-0123456789abcdef/ghg/absolute/zh-Hant/light.svg',
    'esg-app-0123456789abcdef.js',
    'esg-app-0123456789abcdef_bg.wasm',
    'index.html',
    'main-0123456789abcdef.css',
  ]);
  assert.deepEqual(afterInteractionFiles(html), ['echarts.min-0123456789abcdef.js']);
});
