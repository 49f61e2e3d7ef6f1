/**
 * The figures of `npm run report` as pages: the three rates per grid and tier, times to
 * accept and resolve, weekly trends, categories and volunteering, drawn with echarts in
 * the browser from the report code's own numbers, and every table as CSV.
 */
import type { Hono } from 'hono';
import { buildReport, type ReportData } from '../reports/build.js';
import { acceptDeadlineFor, loadHistories } from '../reports/load.js';
import { ticketMetrics, type Period } from '../reports/metrics.js';
import { reportTables } from '../reports/tables.js';
import { toCsv } from '../reports/render.js';
import { formatRate } from '../reports/format.js';
import { periodOf } from '../reports/cli.js';
import { categoryLabel, tierLabel } from '../tickets/messages.js';
import { TIERS } from '../kernel/domain.js';
import { localDayKey } from '../time.js';
import { h, jsonBlock, type Html } from './html.js';
import type { ConsoleEnv, ConsoleKit, Ctx } from './kit.js';
import { gridsOf } from './viewer.js';

const DAY_MS = 24 * 3600_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const hoursOf = (ms: number | null) => (ms === null ? null : Math.round(ms / 360_000) / 10);
const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

interface Query {
  from: string;
  to: string;
  grid?: string;
  period: Period;
}

/** Bar chart of the three rates for some groups. */
function ratesOption(labels: string[], rows: { responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null }[]) {
  return {
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '响应率', type: 'bar', data: rows.map((r) => pct(r.responseRate)) },
      { name: '办结率', type: 'bar', data: rows.map((r) => pct(r.resolutionRate)) },
      { name: '满意率', type: 'bar', data: rows.map((r) => pct(r.satisfactionRate)) },
    ],
  };
}

export function figureRoutes(app: Hono<ConsoleEnv>, kit: ConsoleKit): void {
  const { db, clock, config } = kit.deps;
  const tz = config.timeZone;

  /** The period and grid asked for, within what this viewer may read; undefined when nothing is theirs. */
  const readQuery = (c: Ctx): Query | undefined => {
    const viewer = c.get('viewer');
    const grids = gridsOf(kit.deps.bot.org, viewer);
    if (grids.length === 0) return undefined;
    const today = localDayKey(clock.now(), tz);
    const to = DAY_RE.test(c.req.query('to') ?? '') ? c.req.query('to')! : today;
    const defaultFrom = localDayKey(new Date(periodOf(to, to, tz).from.getTime() - 27 * DAY_MS + 12 * 3600_000), tz);
    let from = DAY_RE.test(c.req.query('from') ?? '') ? c.req.query('from')! : defaultFrom;
    if (from > to) from = to;
    const asked = c.req.query('grid');
    const grid = viewer.community ? (asked && grids.includes(asked) ? asked : undefined) : asked && grids.includes(asked) ? asked : grids[0];
    const period = periodOf(from, to, tz);
    // At most a year at a time: a report is a page, not an export of everything.
    if (period.to.getTime() - period.from.getTime() > 366 * DAY_MS) period.from = new Date(period.to.getTime() - 366 * DAY_MS);
    return { from, to, grid, period };
  };

  const report = (q: Query): Promise<ReportData> =>
    buildReport(db, { org: kit.deps.bot.org.org, period: q.period, fromDay: q.from, toDay: q.to, timeZone: tz, grid: q.grid, asOf: clock.now() });

  const weekly = async (q: Query) => {
    const histories = await loadHistories(db, q.period, { grid: q.grid });
    const acceptDeadline = acceptDeadlineFor(kit.deps.bot.org.org, tz);
    const weeks: { label: string; created: number; responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null }[] = [];
    for (let start = q.period.from.getTime(); start < q.period.to.getTime(); start += 7 * DAY_MS) {
      const p = { from: new Date(start), to: new Date(Math.min(start + 7 * DAY_MS, q.period.to.getTime())) };
      const m = ticketMetrics(histories, p, { acceptDeadline, asOf: p.to < clock.now() ? p.to : clock.now() }).total;
      weeks.push({ label: localDayKey(p.from, tz).slice(5), created: m.newTickets, responseRate: m.responseRate, resolutionRate: m.resolutionRate, satisfactionRate: m.satisfactionRate });
    }
    return weeks;
  };

  /** A chart box, or a line saying there is nothing to draw yet. */
  const chart = (id: string, caption: string, option: object, hasData: boolean): Html =>
    hasData
      ? h`<div class="card"><h2>${caption}</h2><div class="chart" data-chart="${id}-data" id="${id}"></div><script type="application/json" id="${id}-data">${jsonBlock(option)}</script></div>`
      : h`<div class="card"><h2>${caption}</h2><p class="muted" data-empty-chart="${id}">这段时间没有数据。</p></div>`;

  app.get('/figures', async (c) => {
    const viewer = c.get('viewer');
    const q = readQuery(c);
    if (!q) {
      return kit.render(c, { title: '数据', active: '/figures' }, h`<div class="card"><h1>数据</h1><p>数据页面供社区工作人员和网格党支部书记查看。</p></div>`);
    }
    const d = await report(q);
    const weeks = await weekly(q);
    const t = d.tickets;
    const grids = [...t.byGrid].sort((a, b) => a.key.localeCompare(b.key, 'zh'));
    const tierOrder: readonly string[] = TIERS;
    const tiers = [...t.byTier].sort((a, b) => tierOrder.indexOf(a.key) - tierOrder.indexOf(b.key));
    const categories = Object.entries(t.total.created).filter(([, n]) => n > 0);
    const vol = d.volunteers.byGrid;
    const charts = [
      chart('chart-grids', '各网格三率（%）', ratesOption(grids.map((g) => g.key), grids), grids.length > 0),
      chart('chart-tiers', '各层级三率（%）', ratesOption(tiers.map((s) => tierLabel(s.key)), tiers), tiers.length > 0),
      chart('chart-times', '签收和办结用时中位数（小时）', {
        textStyle: { fontFamily: FONT },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 36, bottom: 40 },
        xAxis: { type: 'category', data: grids.map((g) => g.key) },
        yAxis: { type: 'value' },
        series: [
          { name: '签收用时', type: 'bar', data: grids.map((g) => hoursOf(g.acceptMedianMs)) },
          { name: '办结用时', type: 'bar', data: grids.map((g) => hoursOf(g.resolveMedianMs)) },
        ],
      }, grids.some((g) => g.acceptMedianMs !== null || g.resolveMedianMs !== null)),
      chart('chart-weeks', '按周趋势', {
        textStyle: { fontFamily: FONT },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 48, top: 36, bottom: 40 },
        xAxis: { type: 'category', data: weeks.map((w) => `${w.label}起`) },
        yAxis: [{ type: 'value', minInterval: 1, name: '工单' }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
        series: [
          { name: '新增工单', type: 'bar', data: weeks.map((w) => w.created) },
          { name: '响应率', type: 'line', yAxisIndex: 1, data: weeks.map((w) => pct(w.responseRate)) },
          { name: '办结率', type: 'line', yAxisIndex: 1, data: weeks.map((w) => pct(w.resolutionRate)) },
        ],
      }, weeks.some((w) => w.created > 0 || w.responseRate !== null)),
      chart('chart-categories', '各类诉求', {
        textStyle: { fontFamily: FONT },
        tooltip: { trigger: 'item' },
        legend: { top: 0 },
        series: [{ type: 'pie', top: 24, radius: ['35%', '70%'], label: { position: 'inside', formatter: '{c}', color: '#fff' }, data: categories.map(([k, n]) => ({ name: categoryLabel(k), value: n })) }],
      }, categories.length > 0),
      chart('chart-volunteers', '志愿服务时长（小时，按网格）', {
        textStyle: { fontFamily: FONT },
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, top: 20, bottom: 40 },
        xAxis: { type: 'category', data: vol.map((v) => v.key) },
        yAxis: { type: 'value' },
        series: [{ name: '服务时长', type: 'bar', data: vol.map((v) => v.hours), label: { show: true, position: 'top' } }],
      }, vol.some((v) => v.hours > 0)),
    ];
    const s = t.total;
    const params = new URLSearchParams({ from: q.from, to: q.to, ...(q.grid ? { grid: q.grid } : {}) }).toString();
    const tables = reportTables(d);
    const gridChoices = gridsOf(kit.deps.bot.org, viewer);
    return kit.render(
      c,
      { title: '数据', active: '/figures', scripts: ['/static/echarts.min.js'] },
      h`<h1>数据 <span class="muted">${q.grid ?? d.community}，${q.from} 至 ${q.to}</span></h1>
<form class="card filters" method="get" action="/figures">
<label>从<input type="date" name="from" value="${q.from}"></label><label>到<input type="date" name="to" value="${q.to}"></label>
${gridChoices.length > 1 ? h`<label>网格<select name="grid">${viewer.community ? h`<option value="">全社区</option>` : ''}${gridChoices.map((g) => h`<option value="${g}"${g === q.grid ? h` selected` : ''}>${g}</option>`)}</select></label>` : ''}
<button type="submit">查看</button></form>
<div class="card" id="headline"><p>新增工单 ${s.newTickets} 件，办结 ${s.resolveMs.length} 件，超时上交 ${s.escalations} 次，重办 ${s.reopenings} 次。</p>
<p>响应率 ${formatRate(s.responded, s.judged)}，办结率 ${formatRate(s.resolved, s.acceptedDecided)}，满意率 ${formatRate(s.satisfied, s.rated)}。</p></div>
<div class="grid2">${charts}</div>
<div class="card"><h2>下载表格（CSV，Excel 可直接打开）</h2><p>${tables.map((tb) => h`<a class="csv" href="/figures/${tb.name}.csv?${params}">${tb.title}</a>　`)}</p></div>`,
    );
  });

  app.get('/figures/:name{[a-z_]+\\.csv}', async (c) => {
    const q = readQuery(c);
    if (!q) return c.text('无权查看。', 403);
    const name = c.req.param('name').replace(/\.csv$/, '');
    const table = reportTables(await report(q)).find((tb) => tb.name === name);
    if (!table) return c.text('没有这张表。', 404);
    const file = `${q.grid ?? 'community'}-${name}-${q.from}-${q.to}.csv`;
    return c.body(toCsv(table), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"; filename*=UTF-8''${encodeURIComponent(file)}`,
    });
  });
}
