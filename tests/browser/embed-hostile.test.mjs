// embed.js against hostile frames and out-of-range heights (issue 13). Self-contained: no
// dist/ and no app. Three local servers on 127.0.0.1 stand in for three origins:
//   A "explorer": a copy of embed/embed.js under /esg/2022/ with fake widget pages (both URL
//     forms), plus pages on the same origin outside that path (/other/evil.html, /esg/2023/…);
//   B "host": annual-report pages that load A's embed.js and frame A's pages;
//   C "cross-origin": a page that posts well-formed height messages.
// Every fixture page posts one message from an external script, built from its own query:
//   w=<widget id or ids, comma-separated>  h=<height, parsed as a JS number>  s=1 (send h as
//   a string)  dw=1 (Datawrapper shape)  n=<nonce>  go=<URL> (navigate there instead).
// The host records the nonce of every message it receives (record.js, registered before
// embed.js). A message event goes to all listeners in one task, so once the nonce is recorded
// embed.js has handled that message too: the test then reads the heights, no fixed sleep.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, assertNoProblems, launchBrowser, openPage, startServer } from './lib.mjs';

const POST_JS = `(function () {
  var q = new URLSearchParams(location.search);
  if (q.get('go')) { location.replace(q.get('go')); return; }
  if (!q.has('h')) return;
  var h = q.get('s') ? q.get('h') : Number(q.get('h'));
  var ids = (q.get('w') || '').split(',');
  var msg;
  if (q.get('dw')) {
    msg = { 'datawrapper-height': {} };
    for (var i = 0; i < ids.length; i++) msg['datawrapper-height'][ids[i]] = h;
  } else {
    msg = { type: 'esg-explorer:height', widget: q.has('w') ? q.get('w') : null, height: h };
  }
  msg.n = q.get('n');
  parent.postMessage(msg, '*');
})();
`;

const RECORD_JS = `window.__seen = [];
window.addEventListener('message', function (e) {
  if (e.data && typeof e.data.n === 'string') window.__seen.push(e.data.n);
});
`;

const HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">';

let dir;
let explorer; // origin A
let host; // origin B
let other; // origin C
let browser;

/** A fixture page at dir/<rel> that runs post.js (written next to it). */
function poster(rel) {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(path.join(path.dirname(file), 'post.js'), POST_JS);
  writeFileSync(file, `${HEAD}<title>widget</title><script src="post.js"></script></head><body style="margin:0"><p>widget</p></body></html>`);
}

function plain(rel) {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), `${HEAD}<title>${rel}</title></head><body></body></html>`);
}

const A = () => `${explorer.origin}/esg/2022/`;
const C = () => `${other.origin}/`;
const q = (o) => new URLSearchParams(o).toString();

// Frames on every host page: a control widget without data-esg-explorer that posts 321 (it
// proves embed.js is live on the page) and two widgets that never post (bystanders: a
// message meant for them from any other frame must not reach them).
const CONTROL = { title: 'control', attr: false, expect: 321, src: () => `${A()}zh-hant/embed/board/index.html?${q({ w: 'board', h: 321, n: 'control' })}` };
const BYSTANDERS = [
  { title: 'bystander-ghg', attr: true, expect: null, src: () => `${A()}en/embed/ghg/` },
  { title: 'bystander-overview', attr: true, expect: null, src: () => `${A()}?embed=overview&lang=en` },
];

/** A frame whose page posts once; src(nonce) is its URL; expect: its height after, null = unchanged. */
const frame = (title, src, expect, { attr = true } = {}) => ({ title, src, expect, attr, posts: true });
const widget = (params) => `${A()}en/embed/ghg/?${q(params)}`;

const CASES = [
  // Hostile senders: heights must not change anywhere.
  {
    name: 'a cross-origin frame (origin C) posting a well-formed message is ignored',
    frames: [frame('case', (n) => `${C()}?${q({ w: 'ghg', h: 534, n })}`, null)],
  },
  {
    name: 'a widget frame that navigated to origin C is ignored (event.origin is C)',
    frames: [frame('case', (n) => widget({ go: `${C()}?${q({ w: 'ghg', h: 534, n })}` }), null)],
  },
  {
    name: 'a frame whose src is on origin C is ignored even when it forwards to a real widget',
    frames: [frame('case', (n) => `${C()}esg/2022/en/embed/ghg/?${q({ go: widget({ w: 'ghg', h: 534, n }) })}`, null)],
  },
  {
    name: 'a same-origin page outside the explorer path (/other/evil.html) marked data-esg-explorer is ignored',
    frames: [
      frame('case', (n) => `${explorer.origin}/other/evil.html?${q({ w: 'ghg', h: 1e-9, n })}`, null),
      frame('case-big', (n) => `${explorer.origin}/other/evil.html?${q({ w: 'ghg', h: 19999, n })}`, null),
      frame('case-nowidget', (n) => `${explorer.origin}/other/evil.html?${q({ h: 534, n })}`, null),
      frame('case-legacy', (n) => `${explorer.origin}/other/?${q({ embed: 'ghg', w: 'ghg', h: 534, n })}`, null),
    ],
  },
  {
    name: 'a widget-shaped same-origin page outside the explorer path (/esg/2023/en/embed/ghg/) is ignored',
    frames: [frame('case', (n) => `${explorer.origin}/esg/2023/en/embed/ghg/?${q({ w: 'ghg', h: 534, n })}`, null)],
  },
  {
    name: 'a page under the explorer path that is not a widget URL is ignored',
    frames: [
      frame('case', (n) => `${A()}uploads/evil.html?${q({ embed: 'ghg', w: 'ghg', h: 534, n })}`, null),
      frame('case-nested', (n) => `${A()}uploads/en/embed/ghg/?${q({ w: 'ghg', h: 534, n })}`, null),
    ],
  },
  {
    name: 'a message naming another widget than the frame is ignored (both shapes)',
    frames: [
      frame('case', (n) => widget({ w: 'overview', h: 534, n }), null),
      frame('case-dw', (n) => `${A()}?${q({ embed: 'overview', lang: 'en', dw: 1, w: 'ghg', h: 534, n })}`, null),
      frame('case-dw-two', (n) => widget({ dw: 1, w: 'ghg,overview', h: 534, n }), null),
    ],
  },
  ...[
    ['0', '0'],
    ['-5', '-5'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['the string "500"', '500', { s: 1 }],
  ].map(([label, h, extra]) => ({
    name: `height ${label} is ignored`,
    frames: [
      frame('case', (n) => widget({ w: 'ghg', h, n, ...extra }), null),
      frame('case-dw', (n) => widget({ dw: 1, w: 'ghg', h, n, ...extra }), null),
    ],
  })),
  // Accepted messages: exact heights, clamped to 100–10,000.
  {
    name: 'static widget pages (en, zh-hant, index.html, with a query) set the height exactly',
    frames: [
      frame('case', (n) => widget({ w: 'ghg', h: 534, n }), 534),
      frame('case-zh', (n) => `${A()}zh-hant/embed/board/?${q({ asof: 'after-change', w: 'board', h: 612, n })}`, 612, { attr: false }),
      frame('case-index', (n) => `${A()}en/embed/workforce-gender/index.html?${q({ measure: 'per-employee', w: 'workforce-gender', h: 433, n })}`, 433),
      frame('case-dw', (n) => widget({ dw: 1, w: 'ghg', h: 701, n }), 701),
      frame('case-fraction', (n) => widget({ w: 'ghg', h: 533.2, n }), 534),
    ],
  },
  {
    name: 'legacy ?embed= links (lang=en, lang=zh-Hant, no lang) set the height exactly',
    frames: [
      frame('case', (n) => `${A()}?${q({ embed: 'ghg', lang: 'en', w: 'ghg', h: 534, n })}`, 534),
      frame('case-zh', (n) => `${A()}?${q({ embed: 'board', lang: 'zh-Hant', w: 'board', h: 612, n })}`, 612, { attr: false }),
      frame('case-nolang', (n) => `${A()}index.html?${q({ embed: 'overview', w: 'overview', h: 433, n })}`, 433),
      frame('case-dw', (n) => `${A()}?${q({ embed: 'ghg', lang: 'en', dw: 1, w: 'ghg', h: 701, n })}`, 701),
    ],
  },
  {
    name: 'heights are clamped: 50 → 100, 1e-9 → 100, 99999 → 10000',
    frames: [
      frame('case-50', (n) => widget({ w: 'ghg', h: 50, n }), 100),
      frame('case-tiny', (n) => widget({ w: 'ghg', h: 1e-9, n }), 100),
      frame('case-99999', (n) => widget({ w: 'ghg', h: 99999, n }), 10000),
      frame('case-dw-99999', (n) => widget({ dw: 1, w: 'ghg', h: 99999, n }), 10000),
    ],
  },
];

function hostPage(c, i) {
  const frames = [CONTROL, ...BYSTANDERS, ...c.frames].map((f) => {
    const src = f.posts ? f.src(`${i}-${f.title}`) : f.src();
    const attr = f.attr ? ' data-esg-explorer' : '';
    const esc = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    return `<iframe src="${esc}"${attr} title="${f.title}" style="width:100%;border:0" height="150"></iframe>`;
  });
  // embed.js in <head>, not deferred: its listener must exist before the first frame posts
  // (real widgets post again on every resize; these fixtures post once).
  return `${HEAD}<title>Annual report</title><script src="record.js"></script>
<script src="${A()}embed.js"></script></head>
<body><h1>Annual report 2022</h1>
${frames.join('\n')}
</body></html>`;
}

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'esg-embed-hostile-'));
  // A: fixture root at '/', the explorer under esg/2022/, other pages beside it.
  plain('a/index.html');
  mkdirSync(path.join(dir, 'a/esg/2022'), { recursive: true });
  copyFileSync(path.join(ROOT, 'embed/embed.js'), path.join(dir, 'a/esg/2022/embed.js'));
  poster('a/esg/2022/index.html');
  for (const p of ['en/embed/ghg', 'zh-hant/embed/board', 'en/embed/workforce-gender']) poster(`a/esg/2022/${p}/index.html`);
  poster('a/esg/2022/uploads/evil.html');
  poster('a/esg/2022/uploads/en/embed/ghg/index.html');
  poster('a/other/evil.html');
  poster('a/other/index.html');
  poster('a/esg/2023/en/embed/ghg/index.html');
  // C: a poster at its root and one at the explorer's path.
  poster('c/index.html');
  poster('c/esg/2022/en/embed/ghg/index.html');
  // B: the host.
  plain('b/index.html');
  writeFileSync(path.join(dir, 'b/record.js'), RECORD_JS);

  [explorer, other, host] = await Promise.all([
    startServer({ root: path.join(dir, 'a'), base: '/' }),
    startServer({ root: path.join(dir, 'c'), base: '/' }),
    startServer({ root: path.join(dir, 'b'), base: '/report/' }),
  ]);
  CASES.forEach((c, i) => writeFileSync(path.join(dir, `b/case-${i}.html`), hostPage(c, i)));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([explorer?.close(), other?.close(), host?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

CASES.forEach((c, i) => {
  test(c.name, async () => {
    const { context, page, problems } = await openPage(browser, host, { width: 800, height: 600 }, {}, { alsoAllow: [explorer.origin, other.origin] });
    try {
      await page.goto(`${host.url}case-${i}.html`, { waitUntil: 'load' });
      const nonces = ['control', ...c.frames.map((f) => `${i}-${f.title}`)];
      await page
        .waitForFunction((want) => want.every((n) => window.__seen.includes(n)), nonces, { timeout: 10_000 })
        .catch(async (e) => {
          const seen = await page.evaluate(() => window.__seen);
          throw new Error(`messages not all received: want ${nonces.join(', ')}; seen ${seen.join(', ')}; problems: ${problems.join('; ')}; ${e.message}`);
        });
      const got = await page.$$eval('iframe', (els) =>
        els.map((f) => ({ title: f.title, attr: f.getAttribute('height'), style: f.style.height })),
      );
      const want = [CONTROL, ...BYSTANDERS, ...c.frames].map((f) =>
        f.expect === null
          ? { title: f.title, attr: '150', style: '' }
          : { title: f.title, attr: String(f.expect), style: `${f.expect}px` },
      );
      assert.deepEqual(got, want);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
