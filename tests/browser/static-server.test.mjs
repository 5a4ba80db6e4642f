// scripts/static-server.mjs refuses request targets that start with `//` (or `/\`): to a
// URL parser they name another host (`//evil.example/esg/2022/` has the path /esg/2022/),
// so the app must not be served under them. Raw requests: fetch would normalise the path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib.mjs';
import { DOUBLE_SLASH_TARGETS, rawGet } from './deploy-lib.mjs';

let server;

before(async () => {
  server = await startServer({ base: '/esg/2022/' });
});

after(async () => {
  await server?.close();
});

test('the static server answers 400/404 to every `//` target and never serves the app there', async () => {
  const served = [];
  for (const target of DOUBLE_SLASH_TARGETS) {
    for (const method of ['GET', 'HEAD']) {
      const r = await rawGet(server.origin, target, { method });
      if (![400, 404].includes(r.status) || /data-glue/.test(r.body)) served.push(`${method} ${target} -> ${r.status}`);
    }
  }
  assert.deepEqual(served, [], `served, want 400 or 404:\n${served.join('\n')}`);
});

test('the static server still serves the app at its own paths (a `//` in the query is fine)', async () => {
  for (const target of ['/esg/2022/', '/esg/2022/en/environment/', '/esg/2022/?next=//evil.example/']) {
    const r = await rawGet(server.origin, target);
    assert.equal(r.status, 200, target);
    assert.match(r.body, /data-glue/, target);
  }
  const bare = await rawGet(server.origin, '/esg/2022?view=social');
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.location, '/esg/2022/?view=social');
});
