// The stakeholder map (issue 12, point 3; app/src/components/stakeholders.rs): each of the
// eight groups is chosen by a tap on the map as the static page paints it (before the app
// runs, or with the wasm blocked), by a tap on the app's map, and by the keyboard; each
// time the detail under the map and the URL (`group=<id>`) follow. A link with `group=`
// opens that group, on the page and in the widget; a bad one lists every group. At 320 px
// every label is horizontal, whole (no "…", no word split across lines) and inside the
// map, and no two labels overlap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, gotoApp, openPage, useServerAndBrowser } from './lib.mjs';

const env = useServerAndBrowser();
const PHONE = { width: 320, height: 568 };
const TOUCH = { hasTouch: true, isMobile: true };
const GROUPS = ['doctors', 'government-regulators', 'clients', 'employees', 'community', 'environment', 'suppliers', 'shareholders'];

/** The state the reader sees: the groups whose detail is shown, the chosen tile, `group=`. */
async function shown(page) {
  return page.evaluate(() => ({
    details: [...document.querySelectorAll('[data-testid="stakeholder-detail"]')].map((d) => d.dataset.group),
    current: [...document.querySelectorAll('.sh-node[aria-current="true"]')].map((a) => a.dataset.group),
    group: new URL(location.href).searchParams.get('group'),
    // The app has not been reloaded since it was marked (a choice is made in place).
    same: window.__mark === true,
  }));
}

async function chosen(page, id) {
  await page.waitForFunction(
    (id) => {
      const d = [...document.querySelectorAll('[data-testid="stakeholder-detail"]')];
      return d.length === 1 && d[0].dataset.group === id && new URL(location.href).searchParams.get('group') === id;
    },
    id,
    { timeout: 10_000 },
  );
  const s = await shown(page);
  assert.deepEqual(s.details, [id]);
  assert.deepEqual(s.current, [id], 'the chosen group is marked on the map');
  assert.equal(s.group, id);
  assert.ok(s.same, 'chosen in place, without a reload');
  const text = await page.locator('[data-testid="stakeholder-detail"]').innerText();
  assert.match(text, /期望|Expectations/);
  assert.match(text, /溝通機制|Channels/);
}

test('the map as first painted (wasm blocked): all groups listed; a tap on a group opens its link at its detail', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, PHONE, TOUCH);
  try {
    await context.route(/\.wasm$/, (route) => route.abort('blockedbyclient'));
    await page.goto(`${env.server.url}en/stakeholders/`, { waitUntil: 'load' });
    // Every group with its expectations and channels, readable without the app.
    assert.deepEqual((await shown(page)).details, GROUPS);
    const text = await page.locator('.sh-details').innerText();
    for (const s of ['Professional medical content', 'General meetings', 'Benchmarking reviews and assessments']) assert.ok(text.includes(s), s);
    for (const id of GROUPS) {
      await page.goto(`${env.server.url}en/stakeholders/`, { waitUntil: 'load' });
      await page.locator(`.sh-node[data-group="${id}"]`).tap();
      await page.waitForURL((u) => u.searchParams.get('group') === id);
      assert.equal(new URL(page.url()).hash, `#sh-${id}`);
      // The page opens at that group's detail.
      await page.waitForFunction((id) => {
        const d = document.getElementById(`sh-${id}`);
        const r = d?.getBoundingClientRect();
        return d?.matches(':target') && r.top >= -1 && r.top < innerHeight - 40;
      }, id);
    }
    // The blocked wasm is the only failure (the page says it could not start); nothing
    // leaves the site.
    assert.deepEqual(problems.filter((p) => p.startsWith('foreign request')), []);
  } finally {
    await context.close();
  }
});

for (const lang of ['zh-hant', 'en']) {
  test(`${lang}: a tap on the live map chooses each group in place; the URL records it; Back returns`, async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, PHONE, TOUCH);
    try {
      await gotoApp(page, `${env.server.url}${lang}/stakeholders/`);
      await page.evaluate(() => (window.__mark = true));
      assert.deepEqual((await shown(page)).details, GROUPS, 'none chosen: every group listed');
      for (const id of GROUPS) {
        await page.locator(`.sh-node[data-group="${id}"]`).tap();
        await chosen(page, id);
      }
      // Back: the group before; "show all" clears the choice.
      await page.goBack();
      await chosen(page, GROUPS[6]);
      await page.locator('.sh-status a').tap();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="stakeholder-detail"]').length === 8);
      assert.equal(new URL(page.url()).searchParams.get('group'), null);
      // Another view drops the choice.
      await page.locator(`.sh-node[data-group="clients"]`).tap();
      await chosen(page, 'clients');
      await page.locator('nav.views a[href*="social"]').first().click();
      await page.waitForURL((u) => u.pathname.endsWith('/social/'));
      assert.equal(new URL(page.url()).searchParams.get('group'), null);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
}

test('keyboard: Tab moves from group to group in order, Enter chooses, focus stays', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, { width: 1280, height: 800 });
  try {
    await gotoApp(page, `${env.server.url}zh-hant/stakeholders/`);
    await page.evaluate(() => (window.__mark = true));
    await page.locator('.sh-node').first().focus();
    for (const id of GROUPS) {
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.group), id, 'focus order');
      await page.keyboard.press('Enter');
      await chosen(page, id);
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.group), id, 'focus stays on the group');
      await page.keyboard.press('Tab');
    }
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a link with group= opens that group, on the page and in the widget; a bad one lists every group', async () => {
  const { context, page, problems } = await openPage(env.browser, env.server, PHONE, TOUCH);
  try {
    for (const [path, id] of [
      ['en/stakeholders/?group=clients', 'clients'],
      ['zh-hant/stakeholders/?group=shareholders', 'shareholders'],
      ['en/embed/stakeholders/?group=environment', 'environment'],
      ['?view=stakeholders&lang=en&group=employees', 'employees'],
      ['?embed=stakeholders&group=community', 'community'],
    ]) {
      await gotoApp(page, `${env.server.url}${path}`);
      await page.evaluate(() => (window.__mark = true));
      await chosen(page, id);
    }
    // In the widget, a tap chooses in place too.
    await gotoApp(page, `${env.server.url}zh-hant/embed/stakeholders/`);
    await page.evaluate(() => (window.__mark = true));
    await page.locator('.sh-node[data-group="doctors"]').tap();
    await chosen(page, 'doctors');
    assert.match(page.url(), /\/zh-hant\/embed\/stakeholders\/\?group=doctors$/);
    for (const bad of ['nobody', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'Clients', '', '-', 'a'.repeat(500), '%E4%B8']) {
      await gotoApp(page, `${env.server.url}en/stakeholders/?group=${bad}`);
      const s = await shown(page);
      assert.deepEqual(s.details, GROUPS, `group=${bad}: every group`);
      assert.deepEqual(s.current, []);
    }
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

/** Every label on the map: its text's boxes (one per line), its element's box, its tile's. */
const LABELS = () => {
  const map = document.querySelector('.sh-map');
  const m = map.getBoundingClientRect();
  const out = [];
  for (const el of map.querySelectorAll('.sh-hub, .sh-name, .sh-n')) {
    const tile = el.closest('.sh-node, .sh-hub').getBoundingClientRect();
    // The visible text (not the counts' words for screen readers).
    const texts = [];
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.parentElement.closest('.visually-hidden, [aria-hidden="true"]') && n.textContent.trim()) texts.push(n);
    }
    const lines = [];
    // Latin words broken across two lines (the name is cut in two).
    const split = [];
    for (const node of texts) {
      const range = document.createRange();
      range.selectNodeContents(node);
      // Each line's em box (the font size tall, centred on the line's content area, which
      // for Noto CJK is 1.45 em, more than the 1.3 line height, so adjacent lines' content
      // areas overlap where no glyph does).
      const em = parseFloat(getComputedStyle(node.parentElement).fontSize);
      for (const r of range.getClientRects()) {
        if (r.width > 0 && r.height > 0) lines.push({ l: r.left, t: (r.top + r.bottom - em) / 2, r: r.right, b: (r.top + r.bottom + em) / 2 });
      }
      for (const w of node.textContent.matchAll(/[A-Za-z][A-Za-z.,'-]*/g)) {
        const r = document.createRange();
        r.setStart(node, w.index);
        r.setEnd(node, w.index + w[0].length);
        if (new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1) split.push(w[0]);
      }
    }
    // Horizontal: no rotation or vertical writing on the label or around it.
    let upright = true;
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.transform !== 'none' || cs.writingMode !== 'horizontal-tb' || cs.rotate !== 'none') upright = false;
    }
    out.push({
      text: el.innerText.replace(/\s+/g, ' ').trim(),
      lines,
      tile: { l: tile.left, t: tile.top, r: tile.right, b: tile.bottom, h: tile.height, w: tile.width },
      split,
      upright,
      clipped: el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === 'ellipsis',
    });
  }
  return { map: { l: m.left, t: m.top, r: m.right, b: m.bottom }, labels: out, viewport: innerWidth };
};

const inside = (a, b, slack = 0.5) => a.l >= b.l - slack && a.t >= b.t - slack && a.r <= b.r + slack && a.b <= b.b + slack;
const overlap = (a, b) => Math.max(0, Math.min(a.r, b.r) - Math.max(a.l, b.l)) * (Math.min(a.b, b.b) - Math.max(a.t, b.t)) > 0 && Math.min(Math.min(a.r, b.r) - Math.max(a.l, b.l), Math.min(a.b, b.b) - Math.max(a.t, b.t)) > 1;

for (const width of [320, 390, 768, 1280]) {
  for (const lang of ['zh-hant', 'en']) {
    for (const scheme of width === 320 ? ['light', 'dark'] : ['light']) {
      test(`${width} px, ${lang}, ${scheme}: every map label horizontal, whole, inside the map and clear of the others`, async () => {
        const { context, page, problems } = await openPage(env.browser, env.server, { width, height: 800 }, { colorScheme: scheme });
        try {
          await gotoApp(page, `${env.server.url}${lang}/stakeholders/?group=doctors`);
          const { map, labels, viewport } = await page.evaluate(LABELS);
          assert.ok(map.r <= viewport, `the map fits the screen (${map.r} > ${viewport})`);
          // The company, eight names and sixteen counts.
          assert.equal(labels.length, 1 + 8 * 3);
          const failures = [];
          for (const l of labels) {
            if (!l.lines.length) failures.push(`${l.text}: not drawn`);
            if (l.text.endsWith('…') || l.clipped) failures.push(`${l.text}: cut`);
            if (l.split.length) failures.push(`${l.text}: word split across lines: ${l.split.join(', ')}`);
            if (!l.upright) failures.push(`${l.text}: not horizontal`);
            if (l.tile.h < 44 || l.tile.w < 44) failures.push(`${l.text}: target ${l.tile.w}×${l.tile.h} under 44 px`);
            for (const r of l.lines) {
              if (!inside(r, map)) failures.push(`${l.text}: outside the map ${JSON.stringify(r)} vs ${JSON.stringify(map)}`);
              if (!inside(r, l.tile)) failures.push(`${l.text}: outside its box ${JSON.stringify(r)} vs ${JSON.stringify(l.tile)}`);
            }
          }
          for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
              for (const a of labels[i].lines) {
                for (const b of labels[j].lines) {
                  if (overlap(a, b)) failures.push(`"${labels[i].text}" overlaps "${labels[j].text}"`);
                }
              }
            }
          }
          assert.deepEqual(failures, [], failures.join('\n'));
          // The company at the centre from 24 rem of map, on top below that.
          const hub = await page.locator('.sh-hub').boundingBox();
          const box = await page.locator('.sh-map').boundingBox();
          const centre = Math.abs(hub.x + hub.width / 2 - (box.x + box.width / 2)) < 2;
          assert.ok(centre, 'the company is centred across');
          if (box.width >= 384) assert.ok(hub.y > box.y + 20, 'the company in the middle row');
          else assert.ok(hub.y - box.y < 2, 'the company on top');
          assertNoProblems(problems);
        } finally {
          await context.close();
        }
      });
    }
  }
}
