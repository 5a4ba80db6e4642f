// The ECharts build the explorer serves: only the charts and components it draws
// (horizontal bars, the stakeholder tree, grid/axes, tooltip, legend, title for PNG
// exports, aria), canvas renderer. Bundled by esbuild into vendor/dist/echarts.min.js
// (scripts/build-echarts.sh) and exposed as the global `echarts` the app binds to.
import * as echarts from 'echarts/core';
import { BarChart, TreeChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, TreeChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

globalThis.echarts = echarts;
