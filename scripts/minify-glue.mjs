// Trunk post-build step (Trunk.toml): minifies the wasm-bindgen glue (esg-app-<hash>.js) in
// trunk's staging directory with the pinned esbuild, and writes its new SRI hash into the
// staging index.html's modulepreload link, which esg-pages then moves onto boot.js's tag.
// trunk 0.21 does not minify it: ~8.2 KB → ~6.2 KB gzip on the first view of every page.
//
//   node scripts/minify-glue.mjs STAGING_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { transformSync } from 'esbuild';

const fail = (msg) => {
  console.error(`minify-glue: ${msg}`);
  process.exit(1);
};
const dir = process.argv[2] || fail('usage: node scripts/minify-glue.mjs STAGING_DIR');
const indexPath = path.join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const link = /<link rel="modulepreload" href="\.\/(esg-app-[0-9a-f]{12,16}\.js)"[^>]*? integrity="(sha384-[A-Za-z0-9+/=]+)"/.exec(html);
if (!link) fail(`${indexPath}: the glue's modulepreload link with its integrity not found (did trunk's output change?)`);
const [, file, oldIntegrity] = link;
const gluePath = path.join(dir, file);
const source = readFileSync(gluePath, 'utf8');
const { code } = transformSync(source, { minify: true, format: 'esm', target: 'es2020', loader: 'js' });
writeFileSync(gluePath, code);
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
writeFileSync(indexPath, html.split(oldIntegrity).join(integrity));
console.error(`minify-glue: ${file} ${source.length} → ${code.length} bytes`);
