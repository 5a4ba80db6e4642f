#!/usr/bin/env node
// The Content-Security-Policy for a built dist/: fixed directives plus the sha256 of every
// inline <script> trunk writes into index.html (its wasm loader), so script-src needs
// neither 'unsafe-inline' nor a nonce. The hash changes with every build whose file
// hashes change: regenerate it at deploy time, next to the files it describes.
//
//   node scripts/csp.mjs [--dist DIR] [--format value|header|nginx]
//     value  (default) the header value
//     header "Content-Security-Policy: <value>"
//     nginx  an nginx `add_header` line (for an `include`d snippet, see deploy/nginx.conf)
//   ESG_DIST=DIR also picks the dist directory (default ./dist).
//
// Also importable: import { cspFor, inlineScriptHashes, STYLE_SRC } from './csp.mjs'.
//
// Why each directive:
//   default-src 'self'             everything from the site itself (fetch of the .wasm too)
//   script-src 'self' 'sha256-…'   the hashed, SRI-checked .js files + trunk's inline loader
//              'wasm-unsafe-eval'  WebAssembly.instantiate(Streaming) of our own module
//   style-src* inline style attributes only: see STYLE_SRC below
//   img-src 'self' data: blob:     the `data:,` favicon; ECharts' image export uses data:/blob:
//   object-src 'none'; base-uri 'none'

import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * style-src. Measured (tests/browser/csp.test.mjs, "probe"): under a strict
 * `style-src 'self'` the KPI bar charts are fine — their tooltips use a string formatter
 * and ECharts styles the tooltip box through the CSSOM (`el.style.cssText`), which CSP does
 * not govern, as is Leptos' `style:height`. But ECharts' *default* tooltip formatter (used
 * by the stakeholder map) emits HTML with `style="…"` attributes (the colour dot, the row
 * layout) via innerHTML; Chromium blocks each one (`style-src-attr`) and the tooltip loses
 * its markers and layout. Any future chart with a default tooltip would do the same.
 *
 * So inline style *attributes* are allowed and nothing else inline:
 *   style-src-elem 'self'          no inline <style> elements, no foreign stylesheets
 *   style-src-attr 'unsafe-inline' style="" attributes (ECharts tooltip markup)
 *   style-src 'self' 'unsafe-inline'  fallback for browsers without the CSP3 split
 * Inline styles cannot run script; they allow restyling, and the page renders no
 * user-supplied markup. If every chart gets a string/function tooltip formatter, this can
 * become plain `style-src 'self'` (the probe then logs "would block: nothing").
 */
export const STYLE_SRC = ["style-src 'self' 'unsafe-inline'", "style-src-elem 'self'", "style-src-attr 'unsafe-inline'"];

/** The sha256 CSP sources ('sha256-…') of every inline <script> in `html`. */
export function inlineScriptHashes(html) {
  const hashes = [];
  // An element without a src attribute; its text exactly as written (the hash is over the
  // bytes between <script …> and </script>, whitespace included).
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (const m of html.matchAll(re)) {
    if (/\bsrc\s*=/.test(m[1])) continue;
    const digest = createHash('sha256').update(m[2], 'utf8').digest('base64');
    hashes.push(`'sha256-${digest}'`);
  }
  return [...new Set(hashes)];
}

/** The CSP header value for the index.html of `dist`. */
export async function cspFor(dist = process.env.ESG_DIST || path.join(ROOT, 'dist')) {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const hashes = inlineScriptHashes(html);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...hashes, "'wasm-unsafe-eval'"].join(' '),
    ...STYLE_SRC,
    "object-src 'none'",
    "base-uri 'none'",
    "img-src 'self' data: blob:",
  ].join('; ');
}

function parseArgs(argv) {
  const opts = { dist: undefined, format: 'value' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dist') opts.dist = argv[++i];
    else if (a.startsWith('--dist=')) opts.dist = a.slice(7);
    else if (a === '--format') opts.format = argv[++i];
    else if (a.startsWith('--format=')) opts.format = a.slice(9);
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: node scripts/csp.mjs [--dist DIR] [--format value|header|nginx]\n');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (!['value', 'header', 'nginx'].includes(opts.format)) throw new Error(`bad --format: ${opts.format}`);
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const value = await cspFor(opts.dist ? path.resolve(opts.dist) : undefined);
    const out = {
      value,
      header: `Content-Security-Policy: ${value}`,
      nginx: `add_header Content-Security-Policy "${value}" always;`,
    }[opts.format];
    process.stdout.write(`${out}\n`);
  } catch (err) {
    process.stderr.write(`csp: ${err.message}\n`);
    process.exit(2);
  }
}
