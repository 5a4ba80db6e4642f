#!/usr/bin/env node
// Mutation check for embed/embed.js: removes each of its checks in turn, runs
// tests/browser/embed-hostile.test.mjs against the weakened file, and reports how many tests
// fail. Every line must say at least one; "NO TEST FAILS" means a check is untested.
// Restores the file at the end (also on error). Takes about two minutes.
//
//   node scripts/embed-mutations.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FILE = path.join(ROOT, 'embed/embed.js');
const MUTATIONS = [
  ['message origin', 'if (event.origin !== origin) return;', ''],
  ["the frame's own window", 'if (f.contentWindow !== event.source) continue;', ''],
  ["the frame's origin", 'if (url.origin !== origin) return null;', ''],
  ["the frame's base path", 'if (url.pathname.indexOf(basePath) !== 0) return null;', ''],
  ['a widget URL', "if (rest === '' || rest === 'index.html') {", 'if (true) {'],
  ['the same widget', 'if (id === null || id !== msg.widget) continue;', 'if (id === null) continue;'],
  ['a finite height above 0', "if (typeof h !== 'number' || !isFinite(h) || h <= 0) return;", ''],
  ['the clamp', 'h = Math.min(MAX, Math.max(MIN, Math.ceil(h)));', 'h = Math.ceil(h);'],
];

const original = readFileSync(FILE, 'utf8');
let untested = 0;
try {
  for (const [name, from, to] of MUTATIONS) {
    if (!original.includes(from)) throw new Error(`embed.js changed: "${from}" not found; update ${path.basename(import.meta.url)}`);
    writeFileSync(FILE, original.replace(from, to));
    let failed = 0;
    try {
      execFileSync(process.execPath, ['--test', '--test-reporter=tap', 'tests/browser/embed-hostile.test.mjs'], { cwd: ROOT, stdio: 'pipe' });
    } catch (e) {
      failed = (e.stdout.toString().match(/^not ok /gm) || []).length;
    }
    if (!failed) untested++;
    console.log(`without ${name}: ${failed ? `${failed} test(s) fail` : 'NO TEST FAILS'}`);
  }
} finally {
  writeFileSync(FILE, original);
}
process.exit(untested ? 1 : 0);
