// Draws every prebuilt chart as a static SVG at build time (part of the trunk post_build
// hook; see Trunk.toml). Why: on a phone the first view then needs no ECharts at all. The
// app shows these pictures and swaps in the interactive ECharts chart only after the
// reader first touches, clicks, types or scrolls with a wheel (app/src/echart.rs).
//
//   esg-pages --charts | node scripts/chart-svgs.mjs STAGING_DIR
//
// stdin: `{width, charts: [{key, height, json}]}` (`esg-pages --charts`, from the options the app embeds); the
// width is prebuilt::PICTURE_WIDTH, a phone's chart column (the app scales a picture down
// to fit a narrower column, never up; the pre-rendered page sizes it the same way).
// Writes STAGING_DIR/charts-<hash>/<key>.svg (key `ghg/absolute/en/light` becomes the file
// ghg/absolute/en/light.svg); <hash> is 16 hex digits of SHA-256 over every key and SVG,
// so the directory name changes whenever a picture does (long-cacheable, like trunk's
// hashed files), and removes older charts-* directories. `esg-pages STAGING_DIR` then
// finds the one directory and names it on the boot script's tag (data-svg).
// Same ECharts package and components as the browser bundle (vendor/echarts-entry.mjs),
// with the SVG renderer in server-side mode.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { init, use, setPlatformAPI } from 'echarts/core';
import { DEFAULT_TEXT_WIDTH_MAP } from 'zrender/lib/core/platform.js';
import { BarChart, TreeChart } from 'echarts/charts';
import { GridSimpleComponent, LegendPlainComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, TreeChart, GridSimpleComponent, LegendPlainComponent, TitleComponent, SVGRenderer]);

/* Text widths for the layout (legend items side by side, wrapped axis names). Node has no
   canvas to measure with, and zrender's fallback table is Helvetica's widths, but a picture's
   `sans-serif` text is drawn with the reader's font: DejaVu Sans on Linux is up to 14% wider
   (measured in Chromium at 12 px: "Employees under 31" ran under the next legend swatch, on
   screen and on paper). So Latin text is measured 15% wider than Helvetica, which leaves a
   little air with Arial, Helvetica or Roboto; CJK and other characters keep a full em. */
export const LATIN_SLACK = 1.15;
setPlatformAPI({
  measureText(text = '', font = '12px sans-serif') {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1]) || 12;
    let width = 0;
    for (const c of text) {
      const w = DEFAULT_TEXT_WIDTH_MAP[c];
      width += w == null ? size : w * size * LATIN_SLACK;
    }
    return { width };
  },
});

function fail(message) {
  console.error(`chart-svgs: ${message}`);
  process.exit(1);
}

/** The SVG of one chart. */
export function render(option, width, height) {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function main() {
  const staging = process.argv[2];
  if (!staging) fail('usage: esg-pages --charts | node scripts/chart-svgs.mjs STAGING_DIR');
  let input;
  try {
    input = JSON.parse(fs.readFileSync(0, 'utf8'));
  } catch (e) {
    fail(`stdin is not the chart list from esg-pages --charts: ${e.message}`);
  }
  const { width, charts } = input;
  if (!Number.isInteger(width) || width < 100) fail(`stdin: width ${JSON.stringify(width)} is not a width in px`);
  if (!Array.isArray(charts) || charts.length === 0) fail('stdin: no charts');
  const hash = createHash('sha256');
  const out = [];
  for (const { key, height, json } of charts) {
    if (!/^[a-z0-9-]+(\/[A-Za-z0-9-]+){3}$/.test(key || '')) fail(`chart key ${JSON.stringify(key)}: not name/variant/lang/theme`);
    let svg;
    try {
      // A picture has no tooltip (the live chart has; the picture renderer lacks it).
      const { tooltip: _, ...option } = JSON.parse(json);
      svg = render(option, width, height);
    } catch (e) {
      fail(`chart ${key}: ${e.message}`);
    }
    hash.update(`${key}\n${svg}\n`);
    out.push([key, svg]);
  }
  const dir = `charts-${hash.digest('hex').slice(0, 16)}`;
  for (const old of fs.readdirSync(staging).filter((f) => /^charts-[0-9a-f]{16}$/.test(f))) {
    fs.rmSync(path.join(staging, old), { recursive: true, force: true });
  }
  for (const [key, svg] of out) {
    const file = path.join(staging, dir, `${key}.svg`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, svg);
  }
  console.error(`chart-svgs: ${out.length} pictures in ${dir}/`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
