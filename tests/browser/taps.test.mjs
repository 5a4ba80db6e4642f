// Charts on a 320 px touch phone (issue 15): a tap on a bar shows its tooltip inside the
// screen, clear of the finger, in the page's colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, gotoApp, waitForCharts, allGroupsShown, assertNoProblems } from './lib.mjs';
import { keepCharts, tooltipOf } from './taps-lib.mjs';

const ctx = useServerAndBrowser();
const PHONE = { width: 320, height: 568 };
const TOUCH = { hasTouch: true, isMobile: true };

/** The page point of the first bar of a live chart that a finger can hit (in series order:
 *  a zero or a gap has no bar), and the names its tooltip gives. */
async function firstBar(page, sel) {
  return page.$eval(sel, (el) => {
    const chart = window.__charts.get(el);
    const canvas = el.querySelector('canvas').getBoundingClientRect();
    const opt = chart.getOption();
    const model = chart.getModel();
    for (let s = 0; s < opt.series.length; s++) {
      const data = model.getSeriesByIndex(s).getData();
      for (let i = 0; i < data.count(); i++) {
        const l = data.getItemLayout(i);
        if (!l || !(Math.abs(l.width) >= 4)) continue;
        const x = canvas.left + l.x + l.width / 2;
        const y = canvas.top + l.y + l.height / 2;
        return { x, y, series: opt.series[s].name, category: opt.yAxis[0].data[data.getRawIndex(i)] };
      }
    }
    return null;
  });
}

async function waitForTooltip(page, sel, timeout = 2000) {
  const end = Date.now() + timeout;
  for (;;) {
    const tip = await tooltipOf(page, sel);
    if (tip || Date.now() > end) return tip;
    await page.waitForTimeout(50);
  }
}

const plain = (s) => s.replace(/\s+/g, ' ').trim();

for (const view of ['overview', 'environment', 'social', 'board']) {
  for (const [lang, scheme] of [
    ['zh-Hant', 'light'],
    ['en', 'dark'],
  ]) {
    test(`${view} (${lang}, ${scheme}) at 320 px: a tap on each chart's first bar shows its tooltip inside the screen, clear of the finger`, async () => {
      const { context, page, problems } = await openPage(ctx.browser, ctx.server, PHONE, { ...TOUCH, colorScheme: scheme });
    await context.addInitScript(keepCharts);
      try {
        await gotoApp(page, `${ctx.server.url}?view=${view}&lang=${lang}`);
        await allGroupsShown(page);
        const keys = await waitForCharts(page, { all: true });
        assert.ok(keys.length > 0);
        let tapped = 0;
        for (const key of keys) {
          const sel = `div.chart[data-chart="${key}"]`;
          if (!(await page.$(`${sel} canvas`))) continue;
          await page.$eval(sel, (el) => el.scrollIntoView({ block: 'center' }));
          await page.waitForTimeout(100);
          const bar = await firstBar(page, sel);
          if (!bar) continue; // the stakeholder map has no bars
          await page.touchscreen.tap(bar.x, bar.y);
          const tip = await waitForTooltip(page, sel);
          assert.ok(tip, `${key}: no tooltip after a tap on ${bar.series} / ${bar.category}`);
          const where = `${key}: ${JSON.stringify(tip)}`;
          assert.ok(tip.left >= 0 && tip.top >= 0, where);
          assert.ok(tip.right <= PHONE.width && tip.bottom <= PHONE.height, where);
          // Clear of the finger: the tapped point is not under the tooltip.
          assert.ok(!(bar.x >= tip.left && bar.x <= tip.right && bar.y >= tip.top && bar.y <= tip.bottom), `${where} covers the tap ${bar.x},${bar.y}`);
          assert.ok(plain(tip.text).includes(plain(bar.series)), `${where} names ${bar.series}`);
          // The page's colours: no white box in dark mode.
          const white = tip.bg === 'rgb(255, 255, 255)' || /^rgba\(255, 255, 255/.test(tip.bg);
          assert.equal(white, scheme === 'light', where);
          tapped++;
          await page.$eval(sel, (el) => window.__charts.get(el).dispatchAction({ type: 'hideTip' }));
        }
        assert.ok(tapped > 0, 'no chart was tapped');
        assertNoProblems(problems);
      } finally {
        await context.close();
      }
    });
  }
}
