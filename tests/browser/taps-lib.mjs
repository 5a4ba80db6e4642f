// Helpers for tapping chart bars (tests/browser/taps.test.mjs, scripts/tap-timing.mjs):
// where each bar is, read from the chart's static picture (scripts/chart-svgs.mjs writes
// `ecmeta_series_index` / `ecmeta_data_index` on each bar's path), and the live tooltip.

/** The bars of a picture: [{ series, index, x, y, w, h }] in the picture's pixels. */
export function barsOf(svg) {
  const bars = [];
  const re = /<path d="M([\d.-]+) ([\d.-]+)l([\d.-]+) [\d.-]+l[\d.-]+ ([\d.-]+)l[^"]*"[^>]*ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)" ecmeta_ssr_type="chart"/g;
  for (const m of svg.matchAll(re)) {
    bars.push({ x: +m[1], y: +m[2], w: +m[3], h: +m[4], series: +m[5], index: +m[6] });
  }
  return bars;
}

/** The texts of a picture with their anchor point: [{ text, x, y }]. */
export function textsOf(svg) {
  const out = [];
  for (const m of svg.matchAll(/<text[^>]*transform="translate\(([\d.-]+) ([\d.-]+)\)"[^>]*>([^<]*)<\/text>/g)) {
    out.push({ x: +m[1], y: +m[2], text: m[3] });
  }
  return out;
}

/** The picture (SVG text) a chart container shows, and the container's key. */
export async function pictureOf(page, selector) {
  const src = await page.$eval(`${selector} img.chart-picture`, (img) => img.src);
  const res = await page.request.get(src);
  return res.text();
}

/** Where to tap a bar, in the picture's pixels: its middle, or just past its start when it
 *  is too short to hit (a zero's bar has no length; its "0" label sits there). */
export function tapPoint(bar) {
  return { x: bar.w >= 12 ? bar.x + bar.w / 2 : bar.x + 7, y: bar.y + bar.h / 2 };
}

/** The visible ECharts tooltip box of a chart container, or null: { text, left, top, right, bottom }. */
export async function tooltipOf(page, selector) {
  return page.$eval(selector, (el) => {
    for (const d of el.querySelectorAll(':scope > div')) {
      if (d.style.zIndex !== '9999999') continue;
      const cs = getComputedStyle(d);
      if (cs.display === 'none' || cs.visibility === 'hidden' || +cs.opacity === 0 || !d.textContent.trim()) return null;
      const r = d.getBoundingClientRect();
      return { text: d.innerText, left: r.left, top: r.top, right: r.right, bottom: r.bottom, bg: cs.backgroundColor, color: cs.color };
    }
    return null;
  });
}

/** The page point of picture point `p` on a chart still showing its picture (scaled down
 *  to fit, left-aligned, centred vertically: `object-fit: scale-down`). */
export async function pagePointOnPicture(page, selector, p) {
  return page.$eval(
    `${selector} img.chart-picture`,
    (img, p) => {
      const r = img.getBoundingClientRect();
      const s = Math.min(1, r.width / img.naturalWidth, r.height / img.naturalHeight);
      return { x: r.left + p.x * s, y: r.top + (r.height - img.naturalHeight * s) / 2 + p.y * s };
    },
    p,
  );
}

/** An init script (`context.addInitScript(keepCharts)`): keeps each live chart ECharts
 *  makes in `window.__charts` (container → instance), for reading its layout (the served
 *  ECharts exports `init` alone, not `getInstanceByDom`). */
export function keepCharts() {
  let echarts;
  window.__charts = new Map();
  Object.defineProperty(window, 'echarts', {
    configurable: true,
    get: () => echarts,
    set(v) {
      const init = v.init;
      v.init = (dom, ...rest) => {
        const chart = init(dom, ...rest);
        window.__charts.set(dom, chart);
        return chart;
      };
      echarts = v;
    },
  });
}
