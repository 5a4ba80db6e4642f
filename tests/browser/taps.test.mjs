// Charts on a 320 px touch phone (issue 15): a tap on a bar shows its tooltip inside the
// screen, clear of the finger, in the page's colours; the first tap on a chart's picture,
// which wakes the chart, is answered with the tapped bar's tooltip (no second tap).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openPage, gotoApp, waitForCharts, allGroupsShown, assertNoProblems } from './lib.mjs';
import { barsOf, keepCharts, pictureOf, tapPoint, tooltipOf, pagePointOnPicture } from './taps-lib.mjs';

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

/** The bar labels a live chart draws, as ECharts lays them out (real font metrics), in the
 *  chart's pixels: [{ text, x, y, w, h }]. */
async function labelRects(page, sel) {
  return page.$eval(sel, (el) => {
    const chart = window.__charts.get(el);
    const model = chart.getModel();
    const out = [];
    model.eachSeries((series) => {
      const data = series.getData();
      for (let i = 0; i < data.count(); i++) {
        const label = data.getItemGraphicEl(i)?.getTextContent?.();
        if (!label || label.ignore || label.invisible || !label.style?.text) continue;
        const r = label.getBoundingRect().clone();
        r.applyTransform(label.getComputedTransform());
        out.push({ text: String(label.style.text), x: r.x, y: r.y, w: r.width, h: r.height });
      }
    });
    return { labels: out, width: chart.getWidth() };
  });
}

const plain = (s) => s.replace(/\s+/g, ' ').trim();

for (const view of ['overview', 'environment', 'social', 'board']) {
  for (const [lang, scheme] of [
    ['zh-Hant', 'light'],
    ['en', 'dark'],
  ]) {
    test(`${view} (${lang}, ${scheme}) at 320 px: bar labels do not overlap; a tap on each chart's first bar shows its tooltip inside the screen, clear of the finger`, async () => {
      const { context, page, problems } = await openPage(ctx.browser, ctx.server, PHONE, { ...TOUCH, colorScheme: scheme });
    await context.addInitScript(keepCharts);
      try {
        await gotoApp(page, `${ctx.server.url}?view=${view}&lang=${lang}`);
        await allGroupsShown(page);
        const keys = await waitForCharts(page, { all: true });
        assert.ok(keys.length > 0);
        let tapped = 0;
        let labelled = 0;
        for (const key of keys) {
          const sel = `div.chart[data-chart="${key}"]`;
          if (!(await page.$(`${sel} canvas`))) continue;
          await page.$eval(sel, (el) => el.scrollIntoView({ block: 'center' }));
          await page.waitForTimeout(100);
          // Its bar labels: none over another, none past the chart's edge.
          const { labels, width } = await labelRects(page, sel);
          for (const [i, a] of labels.entries()) {
            assert.ok(a.x >= -0.5 && a.x + a.w <= width + 0.5, `${key}: label ${a.text} runs off the chart (${JSON.stringify(a)}, width ${width})`);
            for (const b of labels.slice(i + 1)) {
              const apart = a.x + a.w <= b.x + 0.5 || b.x + b.w <= a.x + 0.5 || a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5;
              assert.ok(apart, `${key}: labels overlap: ${JSON.stringify(a)} ${JSON.stringify(b)}`);
            }
          }
          labelled += labels.length;
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
        assert.ok(labelled > 0, 'no bar is labelled');
        assertNoProblems(problems);
      } finally {
        await context.close();
      }
    });
  }
}

for (const [lang, scheme] of [
  ['en', 'light'],
  ['zh-Hant', 'dark'],
]) {
  test(`environment (${lang}, ${scheme}) at 320 px: the first tap on a picture shows the tapped bar's tooltip, no second tap`, async () => {
    const { context, page, problems } = await openPage(ctx.browser, ctx.server, PHONE, { ...TOUCH, colorScheme: scheme });
    await context.addInitScript(keepCharts);
    try {
      // The static page, the app not started: the tap on the picture is the reader's first
      // interaction. It starts the app, which taps its own twin of the picture
      // (static/boot.js carries the tap over), and the live chart answers it.
      await page.goto(`${ctx.server.url}?view=environment&lang=${lang}`, { waitUntil: 'load' });
      const sel = 'div.chart[data-chart="ghg"]';
      await page.$eval(sel, (el) => el.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(200);
      assert.equal(await page.locator('#prerender').count(), 1, 'the app started before the tap');
      assert.equal(await page.$(`${sel} canvas`), null, 'the chart is still its picture before the tap');
      const bars = barsOf(await pictureOf(page, sel));
      // The current year's Scope 2 bar (the longest).
      const bar = bars.filter((b) => b.series === 1).sort((a, b) => b.w - a.w)[0];
      assert.ok(bar, 'a bar on the picture');
      const p = await pagePointOnPicture(page, sel, tapPoint(bar));
      // The chart says at once that it is waking (seen by an observer: on a fast machine
      // the chart may be live before the test could look).
      await page.evaluate((sel) => {
        window.__busy = false;
        const seen = () => (window.__busy ||= document.querySelector(sel)?.getAttribute('aria-busy') === 'true');
        new MutationObserver(seen).observe(document.body, { attributes: true, childList: true, subtree: true });
      }, sel);
      await page.touchscreen.tap(p.x, p.y);
      await page.waitForSelector(`${sel}[data-tap]`, { timeout: 20_000 });
      assert.equal(await page.$eval(sel, (el) => el.getAttribute('data-tap')), 'shown');
      assert.equal(await page.evaluate(() => window.__busy), true, 'aria-busy was set on the tap');
      const tip = await waitForTooltip(page, sel);
      assert.ok(tip, 'a tooltip without a second tap');
      const names = await page.$eval(
        sel,
        (el, b) => {
          const o = window.__charts.get(el).getOption();
          return { series: o.series[b.series].name, category: o.yAxis[0].data[b.index] };
        },
        bar,
      );
      assert.ok(plain(tip.text).includes(plain(names.series)) && plain(tip.text).includes(plain(names.category)), `${JSON.stringify(tip)} is the tapped bar's (${JSON.stringify(names)})`);
      assert.ok(tip.left >= 0 && tip.right <= PHONE.width && tip.top >= 0 && tip.bottom <= PHONE.height, JSON.stringify(tip));
      assert.equal(await page.$eval(sel, (el) => el.getAttribute('aria-busy')), null);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
}
