// The explorer's views in a real browser: every view in both languages at phone and
// desktop size, language switch, deep links, table mode, keyboard reach, history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  VIEWPORTS,
  assertNoProblems,
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshot,
  startServer,
  waitForCharts,
  gotoApp,
} from './lib.mjs';

const VIEWS = ['overview', 'environment', 'social', 'governance', 'board', 'stakeholders', 'materiality', 'highlights', 'index'];
const WITH_CHARTS = new Set(['overview', 'environment', 'social', 'governance', 'board']);
const LANGS = ['zh-Hant', 'en'];
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(vp, query) {
  const o = await openPage(browser, server, vp);
  await gotoApp(o.page, `${server.url}${query}`);
  return o;
}

for (const vp of VIEWPORTS) {
  for (const lang of LANGS) {
    test(`every view loads in ${lang} at ${vp.width}x${vp.height}`, async () => {
      for (const view of VIEWS) {
        const { context, page, problems } = await open(vp, `?view=${view}&lang=${lang}`);
        try {
          if (WITH_CHARTS.has(view)) await waitForCharts(page, { all: true });
          else await page.locator('main h2').first().waitFor();
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          const active = await page.locator('nav.views a[aria-current="page"]').getAttribute('href', { timeout: 5000 });
          // Links are relative paths to the view's own page (explorer/src/pages.rs).
          const dir = `${lang === 'en' ? 'en' : 'zh-hant'}/${view === 'overview' ? '' : `${view}/`}`;
          assert.ok(!active.startsWith('/') && !active.includes('view='), `${view}: nav link ${active} is relative`);
          assert.equal(new URL(active, page.url()).pathname, `${new URL(server.url).pathname}${dir}`, `${view}: nav marks ${active}`);
          // The Chinese overview's old link is the site root itself.
          const lands = dir === 'zh-hant/' ? '' : dir;
          assert.equal(new URL(page.url()).pathname, `${new URL(server.url).pathname}${lands}`, `${view}: the old link lands on its page`);
          const { scrollWidth, innerWidth } = await horizontalOverflow(page);
          assert.ok(scrollWidth <= innerWidth, `${view}: horizontal overflow ${scrollWidth} > ${innerWidth}`);
          await screenshot(page, `view-${view}-${lang}-${vp.width}`);
          assertNoProblems(problems, `${view} ${lang} ${vp.width}`);
        } finally {
          await context.close();
        }
      }
    });
  }
}

const PHONE = VIEWPORTS[0];

test('the language switch keeps the view and follows <html lang>', async () => {
  const { context, page, problems } = await open(PHONE, '?view=social');
  try {
    await page.getByRole('link', { name: /Switch to English|切換至繁體中文/ }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const url = new URL(page.url());
    assert.equal(url.pathname, `${new URL(server.url).pathname}en/social/`);
    assert.match(await page.title(), /Social/);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a deep link opens on its KPI, highlighted and in view', async () => {
  const { context, page, problems } = await open(PHONE, '?view=social&kpi=turnover-rate-mainland&lang=en');
  try {
    const row = page.locator('#kpi-turnover-rate-mainland');
    await row.waitFor({ state: 'visible' });
    assert.match(await row.getAttribute('class'), /focus/);
    await page.waitForTimeout(300);
    assert.ok(await row.isVisible());
    // The whole row, and above it the table's name (its caption), between the top of the
    // screen and the phone's bottom navigation; in a card, each figure has its column's name.
    const place = await row.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const c = el.closest('table').querySelector('caption').getBoundingClientRect();
      const nav = document.querySelector('.views').getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, caption: [c.top, c.bottom], floor: nav.top };
    });
    assert.ok(place.top >= place.caption[1] - 1 && place.bottom <= place.floor, `row in view below its caption: ${JSON.stringify(place)}`);
    assert.ok(place.caption[0] >= 0, `caption in view: ${JSON.stringify(place)}`);
    const labels = await row.locator('td').evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content));
    assert.deepEqual(labels.slice(1, 4), ['"2021"', '"2022"', '"Change"']);
    // The report's own inconsistency for this KPI is stated, not hidden.
    assert.match(await page.locator('main').innerText(), /36\.5/);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('table mode shows the printed values and "not disclosed"', async () => {
  const { context, page, problems } = await open(PHONE, '?view=environment&mode=table&lang=en');
  try {
    const row = page.locator('#kpi-electricity');
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    assert.deepEqual(cells.slice(1, 3), ['116.000', '129.480']);
    assert.equal(await page.locator('div.chart').count(), 0, 'no charts in table mode');
    await gotoApp(page, `${server.url}?view=social&mode=table`);
    const cost = page.locator('#kpi-training-cost td');
    await cost.first().waitFor();
    const texts = await cost.allInnerTexts();
    assert.equal(texts[1], '未披露');
    assert.equal(texts[2], '10');
    // Later groups are added one per frame after the first (components/pillar.rs).
    await page.locator('#kpi-volunteer-hours td').first().waitFor();
    const volunteer = await page.locator('#kpi-volunteer-hours td').allInnerTexts();
    assert.deepEqual(volunteer.slice(1, 3), ['156.43', '378.50']);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('keyboard alone reaches every control', async () => {
  const { context, page, problems } = await open(VIEWPORTS[1], '?lang=en');
  try {
    await waitForCharts(page);
    const reached = new Set();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName}:${(el.getAttribute('aria-label') || el.textContent || el.id || '').replace(/\u00ad/g, '').trim().slice(0, 40)}` : '';
      });
      reached.add(name);
    }
    const all = [...reached].join('\n');
    for (const want of ['A:Skip to content', 'INPUT:', 'A:Overview', 'A:Social', 'A:Governance', 'BUTTON:Table', 'BUTTON:Per employee', 'BUTTON:Copy link']) {
      assert.ok(all.includes(want), `keyboard did not reach ${want}:\n${all}`);
    }
    await page.keyboard.press('Enter');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('back and forward move between views; search jumps to a KPI', async () => {
  const { context, page, problems } = await open(PHONE, '?lang=en');
  try {
    await page.locator('nav.views a', { hasText: 'Governance' }).click();
    await page.locator('#section-board-diversity').waitFor();
    await page.goBack();
    await page.locator('h2#h-headlines').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('view'), null);
    await page.goForward();
    await page.locator('#section-board-diversity').waitFor();
    await page.fill('#kpi-search', 'B5.1');
    await page.locator('.search-results a').first().click();
    await page.locator('#kpi-suppliers').waitFor({ state: 'visible' });
    assert.equal(new URL(page.url()).searchParams.get('kpi'), 'suppliers');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a hostile query string falls back to the overview', async () => {
  const { context, page, problems } = await open(PHONE, '?view=%3Cscript%3Ealert(1)%3C/script%3E&kpi=%00&mode=x&lang=xx&year=-1');
  try {
    await page.locator('h2#h-headlines').waitFor();
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('stakeholder map: choosing a group lists its expectations and channels', async () => {
  const { context, page, problems } = await open(PHONE, '?view=stakeholders&lang=zh-Hant');
  try {
    await page.locator('.sh-node[data-group="shareholders"]').click();
    const detail = page.locator('[data-testid="stakeholder-detail"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="stakeholder-detail"]').length === 1 && document.querySelector('[data-testid="stakeholder-detail"]')?.dataset.group === 'shareholders');
    const text = await detail.innerText();
    assert.match(text, /股東大會/);
    assert.match(text, /業績穩定增長/);
    // An uncertain assignment says so.
    await page.locator('.sh-node[data-group="suppliers"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="stakeholder-detail"]')?.dataset.group === 'suppliers');
    assert.match(await detail.innerText(), /對標審查評估[\s\S]*\(\?\)/);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('board: the as-of switch moves one seat and the listing rules are checked', async () => {
  const { context, page, problems } = await open(PHONE, '?view=board&lang=en');
  try {
    await waitForCharts(page);
    assert.match(await page.locator('[data-testid="board-date"]').innerText(), /31 Dec 2022/);
    assert.match(await page.locator('[data-testid="board-check"]').innerText(), /Matches the report/);
    const rowOf = (name) => page.locator('table.roster tr', { hasText: name });
    assert.doesNotMatch((await rowOf('李卓霖').getAttribute('class')) || '', /not-serving/);
    // Appointed after the period: not yet on the board, not struck through as if removed.
    assert.doesNotMatch((await rowOf('金色一賢').getAttribute('class')) || '', /not-serving/);
    assert.equal(await rowOf('金色一賢').evaluate((tr) => getComputedStyle(tr).textDecorationLine), 'none');
    assert.match(await rowOf('金色一賢').innerText(), /Appointed 14 Apr 2023/);
    await page.getByRole('button', { name: 'From 14 Apr 2023' }).click();
    await page.waitForFunction(() => /14 Apr 2023/.test(document.querySelector('[data-testid="board-date"]').textContent));
    assert.equal(new URL(page.url()).searchParams.get('asof'), 'after-change');
    assert.match((await rowOf('李卓霖').getAttribute('class')) || '', /not-serving/);
    assert.doesNotMatch((await rowOf('金色一賢').getAttribute('class')) || '', /not-serving/);
    assert.equal(await page.locator('[data-testid="board-count"]').innerText(), '9');
    const rules = await page.locator('.rules li').allInnerTexts();
    assert.equal(rules.length, 3);
    assert.ok(rules.every((r) => r.includes('Met')), rules.join('\n'));
    assert.ok(rules.some((r) => r.includes('3.10A')));
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('content index: a KPI link lands on its figures', async () => {
  const { context, page, problems } = await open(PHONE, '?view=index&lang=en');
  try {
    assert.match(await page.locator('[data-testid="index-coverage"]').innerText(), /36 KPI codes: 16 with figures/);
    await page.locator('#hkex-B5-1 a.kpi-link').click();
    await page.locator('#kpi-suppliers').waitFor({ state: 'visible' });
    const url = new URL(page.url());
    assert.equal(url.pathname, `${new URL(server.url).pathname}en/social/`);
    assert.equal(url.searchParams.get('kpi'), 'suppliers');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a modified or middle click on any in-app link is left to the browser; a plain click stays in the app', async () => {
  const { context, page, problems } = await open(PHONE, 'en/index/');
  try {
    await page.fill('#kpi-search', 'B5.1');
    await page.locator('.search-results a').first().waitFor();
    const kinds = ['nav.views a', 'header .title-row a', '.search-results a', 'a.kpi-link'];
    const report = await page.evaluate((selectors) => {
      /** Dispatches a click and reports whether the app prevented it (then stops it here). */
      const probe = (el, init) => {
        let prevented = null;
        const last = (e) => {
          prevented = e.defaultPrevented;
          e.preventDefault();
        };
        window.addEventListener('click', last);
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
        window.removeEventListener('click', last);
        return prevented;
      };
      const out = [];
      for (const sel of selectors) {
        const links = [...document.querySelectorAll(sel)];
        if (!links.length) out.push(`${sel}: no link`);
        for (const a of links) {
          for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }]) {
            if (probe(a, init) !== false) out.push(`${sel} ${a.textContent.trim()} ${JSON.stringify(init)}: prevented`);
          }
          if (!a.getAttribute('href')) out.push(`${sel} ${a.textContent.trim()}: no href`);
        }
      }
      // A plain click is the app's (it prevents the browser's navigation and moves in place).
      if (probe(document.querySelector('#hkex-B5-1 a.kpi-link'), {}) !== true) out.push('plain click on a.kpi-link: not handled in the app');
      return out;
    }, kinds);
    assert.deepEqual(report, []);
    await page.locator('#kpi-suppliers').waitFor({ state: 'visible' });
    assert.equal(new URL(page.url()).pathname, `${new URL(server.url).pathname}en/social/`);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('the More menu closes on a choice, on Escape (focus back on its button) and on a tap outside', async () => {
  const { context, page, problems } = await openPage(browser, server, { width: 390, height: 844 }, { hasTouch: true });
  try {
    await gotoApp(page, `${server.url}en/environment/`);
    const more = page.locator('nav.views details.more');
    const isOpen = () => more.evaluate((d) => d.open);
    await more.locator('summary').click();
    assert.equal(await isOpen(), true, 'opens');
    await more.locator('a', { hasText: 'Board' }).click();
    await page.locator('[data-testid="board-count"]').waitFor();
    assert.equal(await isOpen(), false, 'closed after choosing a view');

    await more.locator('summary').click();
    assert.equal(await isOpen(), true);
    await page.keyboard.press('Escape');
    assert.equal(await isOpen(), false, 'closed on Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.matches('details.more summary')), true, 'focus on the menu button');

    await more.locator('summary').click();
    await page.locator('main h2').first().tap();
    assert.equal(await isOpen(), false, 'closed on a tap outside');
    await more.locator('summary').click();
    // (Every spot of the menu is a link: the press alone, as a tap's first event.)
    await more.locator('.more-menu').dispatchEvent('pointerdown', { bubbles: true });
    assert.equal(await isOpen(), true, 'a press inside the menu leaves it open');
    await page.goBack();
    await page.locator('#group-ghg').waitFor();
    assert.equal(await isOpen(), false, 'closed when Back changes the view');
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test("the reader's place: a new view starts at the top, Back returns to the old position, a language switch keeps the text in view", async () => {
  const { context, page, problems } = await openPage(browser, server, { width: 390, height: 844 });
  try {
    await gotoApp(page, `${server.url}en/environment/`);
    await page.locator('#group-water').waitFor();
    await page.evaluate(() => window.scrollTo(0, 1500));
    const left = await page.evaluate(() => scrollY);
    assert.ok(left > 1000, `scrolled to ${left}`);
    await page.locator('nav.views a', { hasText: 'Social' }).click();
    await page.locator('#group-workforce-gender').waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.evaluate(() => scrollY), 0, 'a new view starts at the top');

    await page.goBack();
    await page.waitForFunction((y) => Math.abs(scrollY - y) <= 50, left, { timeout: 5_000 }).catch(() => {});
    const back = await page.evaluate(() => scrollY);
    assert.ok(Math.abs(back - left) <= 50, `Back: at ${back}, had left at ${left}`);

    // The element a third of the way down the screen stays where it was, in the other language.
    const before = await page.evaluate(() => {
      const el = document.elementFromPoint(innerWidth / 2, innerHeight / 3).closest('main [id]');
      return { id: el.id, top: el.getBoundingClientRect().top };
    });
    // A click where the link is (Playwright's own click would first scroll it into view).
    await page.locator('.title-row a').dispatchEvent('click', { button: 0 });
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, before.id);
    assert.ok(Math.abs(after - before.top) <= 50, `#${before.id}: ${before.top} → ${after}`);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('on a 320 px touch phone nothing overflows, every column is in view and readable, and every button is 44 px tall, on every view, in both languages and modes', async () => {
  const { context, page, problems } = await openPage(browser, server, { width: 320, height: 568 }, { hasTouch: true, isMobile: true });
  try {
    const found = [];
    for (const lang of ['zh-hant', 'en']) {
      for (const view of ['', 'environment/', 'social/', 'governance/', 'board/', 'stakeholders/', 'materiality/', 'highlights/', 'index/']) {
        for (const mode of ['', '?mode=table']) {
          const at = `${lang}/${view}${mode}`;
          await gotoApp(page, `${server.url}${at}`);
          // Later groups of a pillar are added one per frame.
          await page.waitForTimeout(200);
          const bad = await page.evaluate((lang) => {
            const out = [];
            const visible = (e) => e.checkVisibility() && e.getBoundingClientRect().height > 0;
            if (document.documentElement.scrollWidth > innerWidth) out.push(`page ${document.documentElement.scrollWidth} px wide`);
            for (const b of document.querySelectorAll('button, summary, [role="button"]')) {
              const h = b.getBoundingClientRect().height;
              if (visible(b) && h < 44) out.push(`"${b.textContent.trim().slice(0, 20)}" ${h.toFixed(1)} px tall`);
            }
            // A table wider than its box hides columns (Change, HKEX KPI) off-screen.
            for (const w of document.querySelectorAll('.table-wrap')) {
              if (visible(w) && w.scrollWidth > w.clientWidth + 1) out.push(`table "${w.getAttribute('aria-label')}" hides ${w.scrollWidth - w.clientWidth} px`);
            }
            // No text column narrower than about 8 characters (8 CJK characters, 16 Latin
            // letters at half an em): Chinese indicators once wrapped 2-3 characters a line.
            // Not the board's name column: a name (3 characters, its English below) fits.
            const em = lang === 'en' ? 4 : 8;
            for (const c of document.querySelectorAll('table:not(.roster) th[scope="row"], table td.description, table td.sections')) {
              const size = parseFloat(getComputedStyle(c).fontSize);
              if (visible(c) && c.clientWidth < em * size) out.push(`"${c.textContent.trim().slice(0, 12)}" ${c.clientWidth} px wide`);
            }
            // A navigation label inside its own link ("OverviewEnvironment" ran together).
            for (const a of document.querySelectorAll('.views > a, .views summary')) {
              if (visible(a) && a.scrollWidth > a.clientWidth + 1) out.push(`nav "${a.textContent.trim()}" overflows its link by ${a.scrollWidth - a.clientWidth} px`);
            }
            return out;
          }, lang);
          for (const b of bad) found.push(`${at}: ${b}`);
        }
      }
    }
    assert.deepEqual([...new Set(found)], []);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('a table sorts by its 2022 value and by its change, by mouse and keyboard, with aria-sort; a table of mixed units keeps the report order', async () => {
  const { context, page, problems } = await open(PHONE, 'en/social/?mode=table');
  try {
    const table = page.locator('#group-workforce-age table');
    await table.waitFor();
    const read = () =>
      table.locator('tbody tr').evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('th').textContent.trim(), Number(r.querySelectorAll('td')[2].textContent.replace(/,/g, ''))]),
      );
    const report = await read();
    const values = report.map(([, v]) => v);
    const byValue = table.locator('thead th', { has: page.locator('button.sort') }).first();
    await byValue.locator('button').click();
    assert.equal(await byValue.getAttribute('aria-sort'), 'descending');
    assert.deepEqual((await read()).map(([, v]) => v), [...values].sort((a, b) => b - a));
    // The keyboard: Enter on the focused button.
    await byValue.locator('button').focus();
    await page.keyboard.press('Enter');
    assert.equal(await byValue.getAttribute('aria-sort'), 'ascending');
    assert.deepEqual((await read()).map(([, v]) => v), [...values].sort((a, b) => a - b));
    await page.keyboard.press('Enter');
    assert.equal(await byValue.getAttribute('aria-sort'), null);
    assert.deepEqual(await read(), report, 'the third press restores the report order');
    // By change: the change column's own figures, largest first.
    const byChange = table.locator('thead th', { has: page.locator('button.sort') }).nth(1);
    await byChange.locator('button').click();
    assert.equal(await byChange.getAttribute('aria-sort'), 'descending');
    const changes = await table.locator('tbody td.change-cell').evaluateAll((cs) => cs.map((c) => Number(c.textContent.trim().split(' ')[0].replace('−', '-').replace(/,/g, ''))));
    assert.deepEqual(changes, [...changes].sort((a, b) => b - a));
    // Greenhouse gases mix tCO₂e with tCO₂e per employee: no sort offered.
    await gotoApp(page, `${server.url}en/environment/?mode=table`);
    await page.locator('#group-ghg table').waitFor();
    assert.equal(await page.locator('#group-ghg button.sort').count(), 0);
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test('per employee says where it does not apply and is disabled there, never a silent no-op', async () => {
  const { context, page, problems } = await open({ width: 320, height: 568 }, '?view=governance&lang=en');
  try {
    const perEmployee = page.locator('.controls button', { hasText: 'Per employee' });
    assert.equal(await perEmployee.getAttribute('aria-disabled'), 'true');
    const reason = page.locator('#measure-off');
    assert.ok(await reason.isVisible());
    assert.match(await reason.textContent(), /does not apply/);
    assert.equal(await perEmployee.getAttribute('aria-describedby'), 'measure-off');
    const before = page.url();
    await perEmployee.click({ force: true });
    await page.waitForTimeout(200);
    assert.equal(page.url(), before, 'a disabled control changed the link');
    // Where some charts have an intensity, the control works; a chart without one says so.
    await gotoApp(page, `${server.url}?view=social&lang=en&measure=per-employee`);
    assert.equal(await perEmployee.getAttribute('aria-disabled'), null);
    assert.equal(await perEmployee.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('#measure-off').count(), 0);
    for (const id of ['workforce-gender', 'turnover', 'trained-rank']) {
      const note = page.locator(`#group-${id} .measure-note`);
      assert.match(await note.textContent(), /Shown as totals/, id);
    }
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
