// Draws every prebuilt chart as a static SVG at build time (part of the trunk post_build
// hook; see Trunk.toml). Why: on a phone the first view then needs no ECharts at all. The
// app shows these pictures and swaps in the interactive ECharts chart only after the
// reader first touches, clicks, types or scrolls with a wheel (app/src/echart.rs).
//
//   esg-pages --charts | node scripts/chart-svgs.mjs STAGING_DIR
//
// stdin: `{widths, charts: [{key, height, json}]}` (`esg-pages --charts`, from the options the
// app embeds); widths are prebuilt::picture_widths(), a phone's chart column first, then the
// wider columns of tablets and desktops (the app picks one by viewport with <source media>
// and scales it down to fit a narrower column, never up).
// Writes STAGING_DIR/charts-<hash>/<key>.svg at the first width (key `ghg/absolute/en/light`
// becomes the file ghg/absolute/en/light.svg) and <key>-<width>.svg at the others
// (light-520.svg), and options.json, every chart's full option keyed by chart key, which
// the live charts read (static/boot.js); <hash> is 16 hex digits of SHA-256 over every
// key, SVG and the options,
// so the directory name changes whenever a picture does (long-cacheable, like trunk's
// hashed files), and removes older charts-* directories. `esg-pages STAGING_DIR` then
// finds the one directory and names it on the boot script's tag (data-svg).
// Same ECharts package and components as the browser bundle (vendor/echarts-entry.mjs),
// with the SVG renderer in server-side mode.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { init, use, setPlatformAPI } from 'echarts/core';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { BarChart } from 'echarts/charts';
import { GridSimpleComponent, LegendPlainComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridSimpleComponent, LegendPlainComponent, TitleComponent, SVGRenderer]);

function fail(message) {
  console.error(`chart-svgs: ${message}`);
  process.exit(1);
}

/* Text widths for the layout (axis labels wrapped at their width, legend entries side by
   side, the grid's room for labels). ECharts asks the platform to measure text; node has no
   canvas, and zrender's fallback table (Helvetica's widths) is narrower than the fonts the
   pictures are drawn with, so labels ran off the picture. They are measured here with real
   fonts (@napi-rs/canvas, Skia with the system's fonts): DejaVu Sans, the sans-serif Latin
   font Debian's Chromium draws with and wider than Arial, Helvetica, Roboto or San
   Francisco, and Noto Sans CJK for Chinese (scripts/setup.sh installs both). Each text
   takes the wider of the two, so a picture laid out here leaves room for whichever of
   these fonts a reader's browser picks. (Skia names the Noto CJK collection by its first
   face, JP; its TC face has the same advances.) */
export const MEASURE_FAMILIES = ['DejaVu Sans', 'Noto Sans CJK JP'];
for (const family of MEASURE_FAMILIES) {
  if (!GlobalFonts.has(family)) {
    fail(`font "${family}" is not installed: the pictures' text is measured with it (bash scripts/setup.sh installs fonts-dejavu-core and fonts-noto-cjk)`);
  }
}
const measurer = createCanvas(1, 1).getContext('2d');
/** The width of `text` in a CSS `font` (`bold 12px sans-serif`): the widest of the families. */
export function measure(text, font = '12px sans-serif') {
  const size = /(?:^|\s)(\d+(?:\.\d+)?px)(?:\/\S+)?\s/.exec(`${font} `);
  const prefix = size ? font.slice(0, size.index + size[0].length).trim() : '12px';
  let width = 0;
  for (const family of MEASURE_FAMILIES) {
    measurer.font = `${prefix} "${family}"`;
    width = Math.max(width, measurer.measureText(text).width);
  }
  return width;
}
setPlatformAPI({ measureText: (text = '', font) => ({ width: measure(text, font) }) });


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
  const { widths, charts } = input;
  if (!Array.isArray(widths) || widths.length === 0) fail('stdin: no widths');
  for (const width of widths) {
    if (!Number.isInteger(width) || width < 100) fail(`stdin: width ${JSON.stringify(width)} is not a width in px`);
  }
  if (!Array.isArray(charts) || charts.length === 0) fail('stdin: no charts');
  const hash = createHash('sha256');
  const out = [];
  const options = {};
  for (const { key, height, json } of charts) {
    if (!/^[a-z0-9-]+(\/[A-Za-z0-9-]+){3}$/.test(key || '')) fail(`chart key ${JSON.stringify(key)}: not name/variant/lang/theme`);
    let full;
    try {
      full = JSON.parse(json);
    } catch (e) {
      fail(`chart ${key}: option is not JSON: ${e.message}`);
    }
    options[key] = full;
    for (const [i, width] of widths.entries()) {
      const name = i === 0 ? key : `${key}-${width}`;
      let svg;
      try {
        // A picture has no tooltip (the live chart has; the picture renderer lacks it).
        const { tooltip: _, ...option } = full;
        svg = render(option, width, height);
      } catch (e) {
        fail(`chart ${key}: ${e.message}`);
      }
      hash.update(`${name}\n${svg}\n`);
      out.push([`${name}.svg`, svg]);
    }
  }
  // Every live chart's option, keyed as the app asks for it: static/boot.js fetches this
  // with ECharts when the first chart goes live (the wasm carries no options).
  const optionsJson = `${JSON.stringify(options)}\n`;
  hash.update(`options.json\n${optionsJson}`);
  out.push(['options.json', optionsJson]);
  const dir = `charts-${hash.digest('hex').slice(0, 16)}`;
  for (const old of fs.readdirSync(staging).filter((f) => /^charts-[0-9a-f]{16}$/.test(f))) {
    fs.rmSync(path.join(staging, old), { recursive: true, force: true });
  }
  for (const [name, content] of out) {
    const file = path.join(staging, dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  console.error(`chart-svgs: ${out.length - 1} pictures and options.json in ${dir}/`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
