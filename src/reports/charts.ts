/**
 * The report's charts, drawn on the server with echarts' SSR renderer into SVG strings
 * that the HTML page inlines: no script and no network at view time.
 */
import * as echarts from 'echarts';
import { CATEGORIES } from '../kernel/domain.js';
import { CATEGORY_LABELS } from '../tickets/messages.js';
import type { ReportData } from './build.js';
import { RESOLVE_BINS, resolveHistogram } from './tables.js';

export interface Chart {
  caption: string;
  svg: string;
}

const WIDTH = 700;
const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export function renderSvg(option: echarts.EChartsCoreOption, height = 280): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose(); // an undisposed chart keeps a timer and holds the process open
  }
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export function renderCharts(d: ReportData): Chart[] {
  const grids = [...d.tickets.byGrid].sort((a, b) => a.key.localeCompare(b.key, 'zh'));
  const rates = renderSvg({
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: grids.map((g) => g.key) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '响应率', type: 'bar', data: grids.map((g) => pct(g.responseRate)) },
      { name: '办结率', type: 'bar', data: grids.map((g) => pct(g.resolutionRate)) },
      { name: '满意率', type: 'bar', data: grids.map((g) => pct(g.satisfactionRate)) },
    ],
  });
  const categories = CATEGORIES.filter((c) => d.days.some((x) => x.byCategory[c]));
  const byDay = renderSvg({
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 48, bottom: 40 },
    xAxis: { type: 'category', data: d.days.map((x) => x.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: categories.map((c) => ({
      name: CATEGORY_LABELS[c],
      type: 'bar',
      stack: 'all',
      data: d.days.map((x) => x.byCategory[c] ?? 0),
    })),
  });
  const histogram = renderSvg({
    grid: { left: 40, right: 16, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: RESOLVE_BINS.map(([l]) => l) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '工单数', type: 'bar', data: resolveHistogram(d.tickets.total.resolveMs), label: { show: true, position: 'top' } }],
  }, 240);
  return [
    { caption: '各网格三率（%）', svg: rates },
    { caption: '每日新增工单（按类别）', svg: byDay },
    { caption: '办结用时分布（从报事到办结）', svg: histogram },
  ];
}
