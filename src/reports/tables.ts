/**
 * The report's tables as rows of cells, shared by the CSV, Markdown and HTML renderers
 * so that the three always show the same figures.
 */
import { CATEGORY_LABELS, TIER_LABELS } from '../tickets/messages.js';
import type { Summary } from './metrics.js';
import type { ReportData } from './build.js';
import { formatDuration, hours, percent } from './format.js';
import type { VolunteerRow } from './volunteering.js';

export interface Table {
  /** File name without .csv */
  name: string;
  title: string;
  header: string[];
  /** Raw values for CSV (numbers, ratios 0–1, hours). */
  rows: (string | number)[][];
  /** The same rows formatted for people (percent, 小时). */
  display: string[][];
}

const label = (map: Record<string, string>, key: string) => map[key] ?? key;

const METRIC_HEADER = ['新增工单', '派单(已判定)', '按时签收', '响应率', '签收后有结果', '办结', '办结率', '评价数', '满意', '满意率', '签收用时中位(小时)', '签收用时P90(小时)', '办结用时中位(小时)', '办结用时P90(小时)', '超时上交', '重办'];

function metricCells(s: Summary): (string | number)[] {
  const r = (x: number | null) => (x === null ? '' : Math.round(x * 10000) / 10000);
  return [s.newTickets, s.judged, s.responded, r(s.responseRate), s.acceptedDecided, s.resolved, r(s.resolutionRate), s.rated, s.satisfied, r(s.satisfactionRate), hours(s.acceptMedianMs), hours(s.acceptP90Ms), hours(s.resolveMedianMs), hours(s.resolveP90Ms), s.escalations, s.reopenings];
}

function metricDisplay(s: Summary): string[] {
  return [String(s.newTickets), String(s.judged), String(s.responded), percent(s.responseRate), String(s.acceptedDecided), String(s.resolved), percent(s.resolutionRate), String(s.rated), String(s.satisfied), percent(s.satisfactionRate), formatDuration(s.acceptMedianMs), formatDuration(s.acceptP90Ms), formatDuration(s.resolveMedianMs), formatDuration(s.resolveP90Ms), String(s.escalations), String(s.reopenings)];
}

function metricTable(name: string, title: string, first: string, list: Summary[], keyLabel: (k: string) => string, extra?: (s: Summary) => string): Table {
  const header = [first, ...(extra ? ['微信号'] : []), ...METRIC_HEADER];
  const key = (s: Summary) => [keyLabel(s.key), ...(extra ? [extra(s)] : [])];
  return { name, title, header, rows: list.map((s) => [...key(s), ...metricCells(s)]), display: list.map((s) => [...key(s), ...metricDisplay(s)]) };
}

function volunteerTable(name: string, title: string, first: string, list: VolunteerRow[]): Table {
  const rows = list.map((v) => [v.key, v.people, v.checkIns, v.hours, v.points]);
  return { name, title, header: [first, '人数', '签到次数', '服务时长(小时)', '获得积分'], rows, display: rows.map((r) => r.map(String)) };
}

export function reportTables(d: ReportData): Table[] {
  const t = d.tickets;
  const tierOrder = ['household', 'building', 'branch', 'committee'];
  const tiers = [...t.byTier].sort((a, b) => tierOrder.indexOf(a.key) - tierOrder.indexOf(b.key));
  const categories = Object.keys(CATEGORY_LABELS).filter((c) => d.days.some((x) => x.byCategory[c]) || (t.total.created[c] ?? 0) > 0);
  const dayRows = d.days.map((x) => [x.day, ...categories.map((c) => x.byCategory[c] ?? 0), Object.values(x.byCategory).reduce((a, b) => a + b, 0)]);
  return [
    metricTable('total', '总体', '范围', [t.total], () => (d.grid ? d.grid : d.community)),
    metricTable('grids', '各网格', '网格', [...t.byGrid].sort((a, b) => a.key.localeCompare(b.key, 'zh')), (k) => k),
    metricTable('tiers', '各层级', '层级', tiers, (k) => label(TIER_LABELS, k)),
    metricTable('holders', '各办理人', '办理人', [...t.byHolder].sort((a, b) => b.judged - a.judged || a.key.localeCompare(b.key)), (k) => d.names[k] ?? k, (s) => s.key),
    {
      name: 'categories_by_day',
      title: '每日新增工单（按类别）',
      header: ['日期', ...categories.map((c) => label(CATEGORY_LABELS, c)), '合计'],
      rows: dayRows,
      display: dayRows.map((r) => r.map(String)),
    },
    volunteerTable('volunteers_by_grid', '志愿服务（按网格）', '网格', d.volunteers.byGrid),
    volunteerTable('volunteers_by_employer', '志愿服务（按在职党员单位）', '单位', d.volunteers.byEmployer),
    volunteerTable('volunteers_by_person', '志愿服务（按人）', '姓名', d.volunteers.byPerson),
  ];
}

/** Bins of the time to resolve, for the distribution chart. */
export const RESOLVE_BINS: [string, number][] = [
  ['2小时内', 2],
  ['2–8小时', 8],
  ['8–24小时', 24],
  ['1–3天', 72],
  ['3–7天', 168],
  ['7天以上', Infinity],
];

export function resolveHistogram(ms: number[]): number[] {
  const counts = RESOLVE_BINS.map(() => 0);
  for (const x of ms) counts[RESOLVE_BINS.findIndex(([, h]) => x / 3_600_000 <= h)] += 1;
  return counts;
}

export const DEFINITIONS = [
  '派单：工单每交给一位（组）办理人一次，记一次派单；按时签收 = 在签收时限内接单（直接办结也算签收）。',
  '响应率 = 按时签收 ÷ 已判定的派单（已签收，或签收时限已过）；在时限内被转派、退回、撤销或合并的不计。',
  '办结率 = 签收后由同一办理人办结 ÷ 签收后已有结果的（办结，或超时上交、退回、转派）；仍在办理中的暂不计。',
  '满意率 = 评 4–5 分 ÷ 评价数；逾期未评价自动关闭的不计，差评重办计入评价数。',
  '签收用时：派单到签收；办结用时：居民报事到办结。中位数取中间值，P90 为 90% 的工单不超过的用时。',
  '超时上交：超过时限而上交上一级的次数，计在原办理人；重办：差评重新办理的次数，计在被评价的办理人。',
  '志愿服务时长：按活动时长计签到的志愿者；积分：签到所得爱心积分（兑换、调整不计）。',
];

/**
 * The county view: one row per community, then one per grid of each, with the same
 * figures as each community's own report.
 */
export function countyTable(reports: ReportData[]): Table {
  const communityRows = reports.map((d) => ({ key: [d.community, ''], s: d.tickets.total }));
  const gridRows = reports.flatMap((d) =>
    [...d.tickets.byGrid].sort((a, b) => a.key.localeCompare(b.key, 'zh')).map((s) => ({ key: [d.community, s.key], s })),
  );
  const all = [...communityRows, ...gridRows];
  return {
    name: 'county',
    title: '各社区与各网格',
    header: ['社区', '网格', ...METRIC_HEADER],
    rows: all.map((r) => [...r.key, ...metricCells(r.s)]),
    display: all.map((r) => [...r.key, ...metricDisplay(r.s)]),
  };
}
