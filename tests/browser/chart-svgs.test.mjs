// scripts/chart-svgs.mjs (no browser): the build's static chart pictures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib.mjs';
import { render } from '../../scripts/chart-svgs.mjs';

const SCRIPT = path.join(ROOT, 'scripts/chart-svgs.mjs');
const OPTION = {
  animation: false,
  xAxis: { type: 'value', name: 'MWh' },
  yAxis: { type: 'category', data: ['Purchased electricity'] },
  series: [{ type: 'bar', name: '2022', data: [116] }],
  tooltip: { trigger: 'item' },
};

function run(dir, input) {
  return spawnSync(process.execPath, [SCRIPT, dir], { input, encoding: 'utf8', cwd: ROOT });
}

test('render draws an SVG of the given size with the labels as text', () => {
  const svg = render(OPTION, 340, 208);
  assert.match(svg, /^<svg[^>]*width="340"[^>]*height="208"/);
  assert.ok(svg.includes('Purchased electricity') && svg.includes('MWh'), svg.slice(0, 300));
  assert.ok(!/<script/i.test(svg));
});

test('the CLI writes charts-<hash>/<key>.svg, <key>-<width>.svg and options.json, replaces an older set, and names bad input', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chart-svgs-'));
  mkdirSync(path.join(dir, 'charts-0000000000000000'));
  const list = (height) => JSON.stringify({ widths: [340, 520], charts: [{ key: 'energy/absolute/en/light', height, json: JSON.stringify(OPTION) }] });
  const ok = run(dir, list(200));
  assert.equal(ok.status, 0, ok.stderr);
  const sets = readdirSync(dir).filter((f) => f.startsWith('charts-'));
  assert.equal(sets.length, 1, `older set left: ${sets}`);
  assert.match(sets[0], /^charts-[0-9a-f]{16}$/);
  const file = path.join(dir, sets[0], 'energy/absolute/en/light.svg');
  assert.ok(existsSync(file));
  assert.match(readFileSync(file, 'utf8'), /width="340" height="200"/);
  // The wider picture of the same chart, beside it.
  assert.match(readFileSync(path.join(dir, sets[0], 'energy/absolute/en/light-520.svg'), 'utf8'), /width="520" height="200"/);
  // Every chart's whole option, tooltip included, for the live charts (static/boot.js).
  const options = JSON.parse(readFileSync(path.join(dir, sets[0], 'options.json'), 'utf8'));
  assert.deepEqual(Object.keys(options), ['energy/absolute/en/light']);
  assert.deepEqual(options['energy/absolute/en/light'], OPTION);
  // A different picture gets a different directory name.
  assert.equal(run(dir, list(240)).status, 0);
  const next = readdirSync(dir).filter((f) => f.startsWith('charts-'));
  assert.equal(next.length, 1);
  assert.notEqual(next[0], sets[0]);

  for (const [input, says] of [
    ['not json', /not the chart list/],
    [JSON.stringify({ widths: [340], charts: [] }), /no charts/],
    [JSON.stringify({ width: 340, charts: [{}] }), /no widths/],
    [JSON.stringify({ widths: ['wide'], charts: [{}] }), /width "wide"/],
    [JSON.stringify({ widths: [340], charts: [{ key: '../../etc/x', height: 200, json: '{}' }] }), /chart key "\.\.\/\.\.\/etc\/x"/],
    [JSON.stringify({ widths: [340], charts: [{ key: 'a/b/en/light', height: 200, json: '{' }] }), /chart a\/b\/en\/light:/],
  ]) {
    const r = run(dir, input);
    assert.equal(r.status, 1, `${input}: exit ${r.status}`);
    assert.match(r.stderr, says, r.stderr);
  }
});
