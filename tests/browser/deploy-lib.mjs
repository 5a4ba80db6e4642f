// Helpers for the deployment tests (nginx.test.mjs, csp.test.mjs, budget.test.mjs):
// which dist/ to test, Debian's real nginx with deploy/nginx.conf, the node static server
// as a child process, and CSP-violation collection in the page.
//
// ESG_DIST=DIR points these tests at another build (default: ./dist), e.g.
//   trunk build --release --dist /tmp/rb-dist && ESG_DIST=/tmp/rb-dist node --test tests/browser/nginx.test.mjs

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import net from 'node:net';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { DIST as DEFAULT_DIST, ROOT } from './lib.mjs';

export const DIST = process.env.ESG_DIST ? path.resolve(process.env.ESG_DIST) : DEFAULT_DIST;
export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? 'nginx';
export const DEPLOY_CONF = path.join(ROOT, 'deploy/nginx.conf');
export const DEPLOY_TLS_CONF = path.join(ROOT, 'deploy/nginx-tls.conf');
/** The fixed security headers, included wherever deploy/nginx.conf sets headers. */
export const HEADERS_SNIPPET = path.join(ROOT, 'deploy/esg-2022-headers.conf');
/** The certificate paths deploy/nginx-tls.conf names (a test replaces them). */
const TLS_CERT = '/etc/letsencrypt/live/ir.example.com/fullchain.pem';
const TLS_KEY = '/etc/letsencrypt/live/ir.example.com/privkey.pem';
export const BASE = '/esg/2022/';

export function assertDist(dist = DIST) {
  assert.ok(existsSync(path.join(dist, 'index.html')), `${dist}/index.html is missing: run \`trunk build --release\` first (or set ESG_DIST)`);
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Replace `from` in `text`, the text of `conf`: it must occur once (with `many`, at least once). */
function replaceIn(conf, text, from, to, what, { many = false } = {}) {
  const n = text.split(from).length - 1;
  const name = path.relative(ROOT, conf);
  if (many) assert.ok(n >= 1, `${name}: expected \`${from}\` (${what}), found none`);
  else assert.equal(n, 1, `${name}: expected exactly one \`${from}\` (${what}), found ${n}`);
  return text.replaceAll(from, to);
}

/**
 * deploy/nginx.conf (or, with `tls`, deploy/nginx-tls.conf) with only what a test must
 * change: the listen addresses, the certificate, the `alias` (→ dist) and the snippets' paths.
 */
export async function serverBlockForTest({ port, dist, cspSnippet, headersSnippet = HEADERS_SNIPPET, tls }) {
  const file = tls ? DEPLOY_TLS_CONF : DEPLOY_CONF;
  const r = (text, from, to, what, opts) => replaceIn(file, text, from, to, what, opts);
  let conf = await readFile(file, 'utf8');
  conf = r(conf, '    listen 80;\n', `    listen 127.0.0.1:${port};\n`, 'listen');
  conf = r(conf, '    listen [::]:80;\n', '', 'IPv6 listen');
  if (tls) {
    conf = r(conf, '    listen 443 ssl http2;\n', `    listen 127.0.0.1:${tls.port} ssl http2;\n`, 'TLS listen');
    conf = r(conf, '    listen [::]:443 ssl http2;\n', '', 'IPv6 TLS listen');
    conf = r(conf, `ssl_certificate     ${TLS_CERT};`, `ssl_certificate     ${tls.cert};`, 'certificate');
    conf = r(conf, `ssl_certificate_key ${TLS_KEY};`, `ssl_certificate_key ${tls.key};`, 'certificate key');
  }
  conf = r(conf, 'alias /srv/esg/2022/dist/;', `alias ${dist}/;`, 'alias');
  conf = r(conf, 'include /etc/nginx/snippets/esg-2022-csp.conf;', `include ${cspSnippet};`, 'CSP include', { many: true });
  conf = r(conf, 'include /etc/nginx/snippets/esg-2022-headers.conf;', `include ${headersSnippet};`, 'headers include', { many: true });
  return conf;
}

/**
 * Start Debian's nginx in the foreground (a child of this process, one process:
 * master_process off) with deploy/nginx.conf, serving `dist` on 127.0.0.1 and a free port.
 * With `tls`, deploy/nginx-tls.conf instead, with a throwaway self-signed certificate
 * (openssl): `url`/`origin` are then the https ones, `httpOrigin` the redirecting server,
 * and `ca` the certificate to trust (pass it to get()).
 * Resolves to { url, origin, port, dir, log(), close() } (+ httpOrigin, ca).
 */
export async function startNginx({ dist = DIST, csp, tls = false }) {
  assertDist(dist);
  assert.ok(existsSync(NGINX) || NGINX === 'nginx', 'nginx is missing: run scripts/setup.sh');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'esg-nginx-'));
  await chmod(dir, 0o755);
  const port = await freePort();
  const cspSnippet = path.join(dir, 'csp.conf');
  await writeFile(cspSnippet, `add_header Content-Security-Policy "${csp}" always;\n`);
  let tlsInfo;
  if (tls) {
    tlsInfo = { port: await freePort(), cert: path.join(dir, 'cert.pem'), key: path.join(dir, 'key.pem') };
    const made = await run('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', tlsInfo.key, '-out', tlsInfo.cert,
    ]);
    assert.equal(made.code, 0, `openssl could not make a test certificate:\n${made.out}`);
  }
  await writeFile(path.join(dir, 'server.conf'), await serverBlockForTest({ port, dist, cspSnippet, tls: tlsInfo }));
  // Where a server without its own `root` looks (the prefix's html/): on Debian that is
  // /usr/share/nginx/html, with nginx's welcome page. A stand-in, so that a test sees it
  // if the site's server block ever falls through to it.
  await mkdir(path.join(dir, 'html'));
  await writeFile(path.join(dir, 'html/index.html'), '<!DOCTYPE html><title>Welcome to nginx!</title><h1>Welcome to nginx!</h1>\n');
  const main = `# generated by tests/browser/deploy-lib.mjs
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log stderr notice;
events { worker_connections 128; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/server.conf;
}
`;
  const confFile = path.join(dir, 'nginx.conf');
  await writeFile(confFile, main);

  // -e: error log before the config is read (the default under /var/log may not be writable).
  const args = ['-e', 'stderr', '-p', `${dir}/`, '-c', confFile];
  const check = await run(NGINX, [...args, '-t']);
  assert.equal(check.code, 0, `nginx -t failed:\n${check.out}`);

  const child = spawn(NGINX, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 100))]);
    if (early) throw new Error(`nginx exited (${JSON.stringify(early)}):\n${out}`);
    const ok = await get(`${origin}${BASE}`).then(() => true, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not answer on ${origin}:\n${out}`);
    }
  }
  const tlsOrigin = tlsInfo && `https://127.0.0.1:${tlsInfo.port}`;
  return {
    url: `${tlsOrigin ?? origin}${BASE}`,
    origin: tlsOrigin ?? origin,
    port: tlsInfo?.port ?? port,
    ...(tlsInfo && { httpOrigin: origin, ca: await readFile(tlsInfo.cert, 'utf8') }),
    dir,
    log: () => out,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGQUIT'); // graceful shutdown
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function run(cmd, args) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    p.on('error', (e) => resolve({ code: -1, out: String(e) }));
    p.on('exit', (code) => resolve({ code, out }));
  });
}

/**
 * GET with explicit request headers, without decompressing: resolves to
 * { status, headers, body (Buffer, as sent) }. An https URL is checked against `ca`.
 */
export function get(url, headers = {}, { ca } = {}) {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.get(url, { headers, agent: false, ca }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

/**
 * Request targets whose path starts with `//` (or `/\`, which a WHATWG URL parser reads
 * the same way): a path that is also a protocol-relative URL of another host. Both servers
 * must refuse them (400 or 404), never serve the app under them.
 */
export const DOUBLE_SLASH_TARGETS = [
  '//evil.example/esg/2022/',
  '//evil.example/esg/2022/?view=environment',
  '//evil.example/esg/2022/?view=environment&lang=en',
  '//evil.example/esg/2022/en/environment/',
  '//evil.example/esg/2022/en/embed/ghg/',
  '///evil.example/esg/2022/',
  '//esg/2022/', // nginx's $uri (slashes merged) is /esg/2022/
  '//esg/2022/en/environment/',
  '/\\evil.example/esg/2022/',
];

/**
 * A request with its target sent exactly as given, which fetch and `new URL` would
 * normalise: resolves to { status, headers, body (string) }. An https origin is checked
 * against `ca`.
 */
export function rawGet(origin, target, { method = 'GET', headers = {}, ca } = {}) {
  const { protocol, hostname, port } = new URL(origin);
  const client = protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request({ method, hostname, port, path: target, headers, ca, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${target}`)));
    req.end();
  });
}

/**
 * Start scripts/static-server.mjs as its own process (as a person would, with --header),
 * serving `dist` under BASE. Resolves to { url, origin, port, close() }.
 */
export async function startStaticServerProcess({ dist = DIST, headers = [] }) {
  assertDist(dist);
  const args = [path.join(ROOT, 'scripts/static-server.mjs'), '--root', dist, '--base', BASE, '--port', '0'];
  for (const h of headers) args.push('--header', h);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const info = await new Promise((resolve, reject) => {
    let buf = '';
    const t = setTimeout(() => reject(new Error(`static server did not start: ${err}`)), 15_000);
    child.stdout.on('data', (d) => {
      buf += d;
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(t);
        resolve(JSON.parse(line));
      }
    });
    child.once('exit', (code) => reject(new Error(`static server exited ${code}: ${err}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: info.url,
    origin: new URL(info.url).origin,
    port: info.port,
    close: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/**
 * Record every `securitypolicyviolation` in the page (installed before any page script).
 * Read them with cspViolations(page).
 */
export async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    const record = (e) =>
      window.__cspViolations.push(
        `${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || 'inline'}${e.sample ? ` (${e.sample})` : ''} at ${e.sourceFile || '?'}:${e.lineNumber || 0}`,
      );
    document.addEventListener('securitypolicyviolation', record, true);
  });
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? ['the CSP watcher is not installed']);
}

/** Move the mouse over a grid of points of every drawn chart, so tooltips open. */
export async function hoverCharts(page) {
  const charts = await page.$$('div.chart[data-chart-ready="true"]');
  let tooltips = 0;
  for (const c of charts) {
    await c.scrollIntoViewIfNeeded();
    const b = await c.boundingBox();
    if (!b) continue;
    for (let i = 1; i < 6; i++) {
      for (let j = 1; j < 5; j++) await page.mouse.move(b.x + (b.width * i) / 6, b.y + (b.height * j) / 5);
    }
    await page.waitForTimeout(60);
    tooltips += await c.evaluate((el) =>
      [...el.querySelectorAll('div')].some((d) => d.style.zIndex === '9999999' && d.textContent.trim() !== '') ? 1 : 0,
    );
  }
  return { charts: charts.length, tooltips };
}
