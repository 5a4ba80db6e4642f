#!/usr/bin/env node
// Dependency-free static file server for dist/ (local preview and browser tests).
//
//   node scripts/static-server.mjs [--root dist] [--base /esg/2022/] [--port 8080]
//        [--header "Name: value"]... [--no-gzip] [--log]
//
// - Listens on 127.0.0.1 only. --port 0 picks a free port.
// - Serves --root under the URL prefix --base (default "/"); anything outside it is 404,
//   and the prefix without its trailing slash redirects to it (relative URLs need it).
//   A path starting with `//` (or `/\`) is 400: it reads as another host.
// - gzip (cached in memory) when the client accepts it; correct MIME types (application/wasm).
// - --header adds a response header to every response (repeatable), e.g. a CSP.
// - When listening it prints one JSON line on stdout:
//     {"event":"listening","url":"http://127.0.0.1:PORT/base/","port":PORT,...}
//
// Also importable: `import { startStaticServer } from './static-server.mjs'`.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HOST = '127.0.0.1';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
};

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|wasm|xml)|image\/svg\+xml)/;

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function acceptsGzip(header) {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

function normalizeBase(base) {
  let b = String(base || '/');
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b.replace(/\/{2,}/g, '/');
}

/** Parse "Name: value" strings (or an object) into a header object. */
export function parseHeaders(list) {
  if (!list) return {};
  if (!Array.isArray(list)) return { ...list };
  const out = {};
  for (const h of list) {
    const i = h.indexOf(':');
    if (i <= 0) throw new Error(`bad --header (want "Name: value"): ${h}`);
    out[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  return out;
}

/**
 * Start the server. Resolves to { server, url, origin, port, base, root, close() }.
 * options: root (dir), base (URL prefix), port (0 = random), headers (object or
 * ["Name: value"]), gzip (default true), log (default false).
 */
export async function startStaticServer(options = {}) {
  const root = path.resolve(options.root ?? 'dist');
  const base = normalizeBase(options.base);
  const extraHeaders = parseHeaders(options.headers);
  const useGzip = options.gzip !== false;
  const log = options.log ? (line) => process.stderr.write(`${line}\n`) : () => {};
  const rootInfo = await stat(root).catch(() => null);
  if (!rootInfo?.isDirectory()) throw new Error(`root is not a directory: ${root}`);

  const gzCache = new Map(); // file -> { mtimeMs, size, body }

  function send(req, res, status, headers, body) {
    res.writeHead(status, { ...headers, ...extraHeaders });
    res.end(req.method === 'HEAD' ? undefined : body);
    log(`${status} ${req.method} ${req.url}`);
  }

  function sendText(req, res, status, text, headers = {}) {
    send(req, res, status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
      ...headers,
    }, text);
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(req, res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    }
    // Only a path with one leading slash. `//host/…` (and `/\host/…`, the same to a URL
    // parser) is also a protocol-relative URL of another host: never serve the app under
    // such a path (a link built from it would leave the site). A proxy's absolute-form
    // target has no use here either.
    if (!/^\/(?![/\\])/.test(req.url)) return sendText(req, res, 400, 'bad request\n');
    const url = new URL(req.url, `http://${HOST}`);
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return sendText(req, res, 400, 'bad request\n');
    }
    if (pathname.includes('\0')) return sendText(req, res, 400, 'bad request\n');

    if (`${pathname}/` === base) {
      return send(req, res, 301, { Location: `${base}${url.search}`, 'Content-Length': 0 }, '');
    }
    if (!pathname.startsWith(base)) return sendText(req, res, 404, 'not found\n');

    const rel = pathname.slice(base.length);
    let file = path.resolve(root, `.${path.posix.sep}${rel}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      return sendText(req, res, 404, 'not found\n');
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        return send(req, res, 301, { Location: `${url.pathname}/${url.search}`, 'Content-Length': 0 }, '');
      }
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return sendText(req, res, 404, 'not found\n');

    const type = mimeType(file);
    const headers = {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    // Host pages on other origins load embed.js with `integrity`, which needs CORS (as
    // deploy/nginx.conf sends for that file only).
    if (rel === 'embed.js') headers['Access-Control-Allow-Origin'] = '*';
    let body;
    if (useGzip && COMPRESSIBLE.test(type)) {
      headers.Vary = 'Accept-Encoding';
      if (acceptsGzip(req.headers['accept-encoding'])) {
        let cached = gzCache.get(file);
        if (!cached || cached.mtimeMs !== info.mtimeMs || cached.size !== info.size) {
          const raw = await readFile(file);
          cached = {
            mtimeMs: info.mtimeMs,
            size: info.size,
            body: gzipSync(raw, { level: zlibConstants.Z_BEST_COMPRESSION }),
          };
          gzCache.set(file, cached);
        }
        headers['Content-Encoding'] = 'gzip';
        body = cached.body;
      }
    }
    if (!body && req.method !== 'HEAD') body = await readFile(file);
    headers['Content-Length'] = body ? body.length : info.size;
    return send(req, res, 200, headers, body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      process.stderr.write(`static-server: ${err?.stack ?? err}\n`);
      if (!res.headersSent) sendText(req, res, 500, 'internal error\n');
      else res.destroy();
    });
  });
  // Tests open keep-alive connections; close() must not wait for them.
  server.keepAliveTimeout = 1000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(options.port ?? 0), HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address();
  const origin = `http://${HOST}:${port}`;
  return {
    server,
    port,
    origin,
    base,
    root,
    url: `${origin}${base}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(argv) {
  const opts = { root: 'dist', base: '/', port: 8080, headers: [], gzip: true, log: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    switch (flag) {
      case '--root': opts.root = value(); break;
      case '--base': opts.base = value(); break;
      case '--port': opts.port = Number(value()); break;
      case '--header': opts.headers.push(value()); break;
      case '--no-gzip': opts.gzip = false; break;
      case '--log': opts.log = true; break;
      case '-h':
      case '--help':
        process.stdout.write('usage: node scripts/static-server.mjs [--root DIR] [--base /sub/path/] [--port N|0] [--header "Name: value"]... [--no-gzip] [--log]\n');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${arg}`);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new Error(`bad --port: ${opts.port}`);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const s = await startStaticServer(parseArgs(process.argv.slice(2)));
    process.stdout.write(`${JSON.stringify({ event: 'listening', url: s.url, port: s.port, base: s.base, root: s.root })}\n`);
    process.stdout.write(`Serving ${s.root} at ${s.url}  (Ctrl-C to stop)\n`);
    const stop = () => s.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    process.stderr.write(`static-server: ${err.message}\n`);
    process.exit(2);
  }
}
