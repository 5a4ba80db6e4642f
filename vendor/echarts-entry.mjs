// The ECharts build the explorer serves: only the charts and components it draws
// (horizontal bars, a plain grid with axes, item tooltips, a plain
// legend, title for PNG exports), canvas renderer. No aria component: the app labels each
// chart's container itself (role="img" + the prebuilt description), which is what that
// component does, and it cost ~100 ms of script evaluation at 4× CPU slowdown. Bundled by esbuild into
// vendor/dist/echarts.min.js (scripts/build-echarts.sh) and exposed as the global `echarts`
// the app binds to (src/echart.rs), which needs only `init`: exporting two functions rather
// than the whole namespace lets esbuild drop the rest of echarts/core's API.
// The simple grid (no axis pointer) and plain legend (no scrolling) suffice because every
// tooltip is item-triggered and legends wrap; measured: 177 → 169 KB gzip. The tree chart
// left with the radial stakeholder map (now HTML, app/src/components/stakeholders.rs).
// `getInstanceByDom` is for the geometry test (tests/browser/geometry-lib.mjs), 20 bytes.
import { init, getInstanceByDom, use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import {
  GridSimpleComponent,
  LegendPlainComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridSimpleComponent, LegendPlainComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

globalThis.echarts = { init, getInstanceByDom };
