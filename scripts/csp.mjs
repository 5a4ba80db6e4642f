#!/usr/bin/env node
// The Content-Security-Policy header for a built dist/: the pages' own policy (the
// <meta http-equiv="Content-Security-Policy"> the build writes into every page, from
// esg_explorer::site::CSP, where each directive's reason is written) plus what only a
// header can carry: frame-ancestors, from deploy/frame-ancestors.txt.
//
//   node scripts/csp.mjs [--dist DIR] [--frame-ancestors FILE] [--format value|header|nginx]
//     value  (default) the header value
//     header "Content-Security-Policy: <value>"
//     nginx  an nginx `add_header` line (for an `include`d snippet, see deploy/nginx.conf)
//   ESG_DIST=DIR also picks the dist directory (default ./dist).
//
// Also importable: import { cspFor, pagePolicy, readFrameAncestors } from './csp.mjs'.
//
// A page with an inline <script> is an error: neither policy allows one, so it would not run.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FRAME_ANCESTORS_FILE = path.join(ROOT, 'deploy', 'frame-ancestors.txt');

/** The policy in a page's <meta http-equiv="Content-Security-Policy">; throws if absent. */
export function pagePolicy(html, name = 'index.html') {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/i);
  if (!m) throw new Error(`${name}: no <meta http-equiv="Content-Security-Policy"> (built by an older esg-pages?)`);
  const inline = [...html.matchAll(/<script\b([^>]*)>/gi)].filter((t) => !/\bsrc\s*=/.test(t[1]));
  if (inline.length) throw new Error(`${name}: an inline <script> (the policy allows none): ${inline[0][0]}`);
  return m[1];
}

/**
 * The origins allowed to frame the explorer, besides its own: one `scheme://host[:port]`
 * per line of `text`; `#` starts a comment. Anything else is an error naming the line.
 */
export function parseFrameAncestors(text, name = FRAME_ANCESTORS_FILE) {
  const out = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    let ok = false;
    try {
      const u = new URL(line);
      ok = /^https?:$/.test(u.protocol) && u.origin === line && !line.includes('*');
    } catch {
      /* not a URL */
    }
    if (!ok) throw new Error(`${name}:${i + 1}: "${line}" is not an origin (https://host[:port], no path or wildcard)`);
    out.push(line);
  }
  return out;
}

export async function readFrameAncestors(file = FRAME_ANCESTORS_FILE) {
  return parseFrameAncestors(await readFile(file, 'utf8'), file);
}

/** The header value for `dist`: its pages' policy, then frame-ancestors 'self' + `frameAncestors`. */
export async function cspFor(dist = process.env.ESG_DIST || path.join(ROOT, 'dist'), { frameAncestors } = {}) {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const origins = frameAncestors ?? (await readFrameAncestors());
  return `${pagePolicy(html)}; ${["frame-ancestors 'self'", ...origins].join(' ')}`;
}

function parseArgs(argv) {
  const opts = { dist: undefined, format: 'value', frameAncestors: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dist') opts.dist = argv[++i];
    else if (a.startsWith('--dist=')) opts.dist = a.slice(7);
    else if (a === '--format') opts.format = argv[++i];
    else if (a.startsWith('--format=')) opts.format = a.slice(9);
    else if (a === '--frame-ancestors') opts.frameAncestors = argv[++i];
    else if (a.startsWith('--frame-ancestors=')) opts.frameAncestors = a.slice(18);
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: node scripts/csp.mjs [--dist DIR] [--frame-ancestors FILE] [--format value|header|nginx]\n');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (!['value', 'header', 'nginx'].includes(opts.format)) throw new Error(`bad --format: ${opts.format}`);
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const frameAncestors = opts.frameAncestors ? await readFrameAncestors(path.resolve(opts.frameAncestors)) : undefined;
    const value = await cspFor(opts.dist ? path.resolve(opts.dist) : undefined, { frameAncestors });
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
