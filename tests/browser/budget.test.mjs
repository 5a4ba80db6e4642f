// Size budget for the first view: index.html plus every file it loads (stylesheet,
// ECharts, the wasm-bindgen glue, the .wasm), gzip-compressed at level 9 as
// scripts/static-server.mjs sends them (nginx at level 6 sends ~1 % more). Bytes, so the
// numbers are stable from run to run; no browser needed.
//
// The budgets are today's sizes plus ~10 % headroom. They are a ratchet: when a change
// makes the site smaller, lower the numbers to the new size + 10 % in the same commit.
// A new file loaded by index.html fails the test until it gets a budget line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync, constants } from 'node:zlib';
import path from 'node:path';
import { DIST, assertDist } from './deploy-lib.mjs';

/**
 * [label, file-name pattern, gzip budget in bytes]. Measured 2026-11-27 (after the ECharts
 * subset, 0e527f5): index.html 874, stylesheet 3,503, ECharts 177,039, glue 7,766,
 * wasm 337,865, total 527,047 B gzip -9. Budgets = measured + 10 %, rounded.
 */
export const BUDGETS = [
  // Grew with the pre-rendered first view (headlines and every KPI table): 4,340 B.
  ['index.html', /^index\.html$/, 4_800],
  // Starts the app after the first paint; shows the error note if it cannot (was
  // fallback.js, 554 B). Measured 2026-11-28: 1,907 B.
  ['boot script', /^boot-[0-9a-f]{12,16}\.js$/, 2_100],
  ['stylesheet', /^main-[0-9a-f]{12,16}\.css$/, 3_850],
  // 169,175 B since the plain legend, simple grid and init-only export (was 177,039).
  ['ECharts', /^echarts\.min-[0-9a-f]{12,16}\.js$/, 186_000],
  ['wasm-bindgen glue', /^esg-app-[0-9a-f]{12,16}\.js$/, 8_550],
  // 2026-11-28: 305,887 B after prebuilt chart options (esg_explorer::prebuilt) took
  // charming and the JSON-tree code out of the wasm (was 341,191 B).
  ['app wasm', /^esg-app-[0-9a-f]{12,16}_bg\.wasm$/, 336_000],
];
// 2026-11-28: 500,443 B.
export const TOTAL_BUDGET = 550_000;

/**
 * The local files index.html loads: href/src of link and script elements, and what the
 * boot script loads after the first paint (its data-glue, data-wasm and data-charts; ECharts
 * is counted although it is fetched only once a chart nears the screen, because the pillar
 * views have one in their first screen).
 */
export function firstViewFiles(html) {
  const files = new Set(['index.html']);
  const refs = [...html.matchAll(/<(?:link|script)\b[^>]*>/gi)].flatMap((tag) =>
    [...tag[0].matchAll(/\s(?:href|src|data-glue|data-wasm|data-charts)\s*=\s*"([^"]+)"/gi)].map((m) => m[1]),
  );
  for (const ref of refs) {
    if (/^(data:|blob:|[a-z]+:\/\/|\/\/)/i.test(ref)) continue;
    files.add(path.posix.normalize(ref.replace(/^\.\//, '')).split(/[?#]/)[0]);
  }
  return [...files];
}

export async function measure(dist = DIST) {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const rows = [];
  for (const f of firstViewFiles(html)) {
    const raw = await readFile(path.join(dist, f));
    const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length;
    rows.push({ file: f, raw: raw.length, gzip: gz });
  }
  return rows;
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
    assert.ok(!used.has(b[0]), `two files match the budget "${b[0]}"`);
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

test('the budget reads what index.html loads', () => {
  const html = `<link rel="stylesheet" href="./main-0123456789abcdef.css"/>
<link rel="icon" href="data:,">
<script data-glue="./esg-app-0123456789abcdef.js" data-glue-integrity="sha384-a" data-wasm="./esg-app-0123456789abcdef_bg.wasm"
 data-wasm-integrity="sha384-b" data-charts="./echarts.min-0123456789abcdef.js" data-charts-integrity="sha384-c"
 src="./boot-0123456789abcdef.js" defer integrity="sha384-d"></script>`;
  assert.deepEqual(firstViewFiles(html).sort(), [
    'boot-0123456789abcdef.js',
    'echarts.min-0123456789abcdef.js',
    'esg-app-0123456789abcdef.js',
    'esg-app-0123456789abcdef_bg.wasm',
    'index.html',
    'main-0123456789abcdef.css',
  ]);
});
