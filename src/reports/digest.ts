/**
 * The daily digest: what came in, what was settled and what ran late today, and the
 * week's three rates — to the staff group(s) for the whole community and to each branch
 * secretary for their grid. Pure composition here; posting lives in post-digest.ts.
 */
import { assignmentsOf, type AcceptDeadline, type TicketHistory } from './history.js';
import { inPeriod, ticketMetrics, type Period, type Summary } from './metrics.js';
import { formatRate } from './format.js';
import { AWAITING_ACCEPT } from '../kernel/domain.js';

export interface DigestFigures {
  newIds: number[];
  resolvedIds: number[];
  overdueIds: number[];
  waiting: number;
  inHand: number;
  week: Summary;
}

/** Statuses in which somebody still owes work. */
const WAITING: readonly string[] = AWAITING_ACCEPT;

export function digestFigures(histories: TicketHistory[], day: Period, week: Period, acceptDeadline: AcceptDeadline): DigestFigures {
  const newIds: number[] = [];
  const resolvedIds = new Set<number>();
  const overdueIds = new Set<number>();
  let waiting = 0;
  let inHand = 0;
  for (const h of histories) {
    if (h.ticket.status === 'merged') continue;
    if (inPeriod(h.ticket.createdAt, day)) newIds.push(h.ticket.id);
    for (const e of h.events) {
      if (!inPeriod(e.at, day)) continue;
      if (e.kind === 'resolved') resolvedIds.add(h.ticket.id);
      if (e.kind === 'escalated' || e.kind === 'reminded') overdueIds.add(h.ticket.id);
    }
    // A holding whose accept deadline passed today without acceptance is late, even if not yet moved.
    for (const a of assignmentsOf(h, acceptDeadline)) {
      if (!a.acceptedAt && !a.end && inPeriod(a.acceptBy, day)) overdueIds.add(h.ticket.id);
    }
    if (WAITING.includes(h.ticket.status)) waiting += 1;
    if (h.ticket.status === 'accepted') inHand += 1;
  }
  const week7 = ticketMetrics(histories, week, { acceptDeadline, asOf: week.to }).total;
  const sort = (s: Iterable<number>) => [...s].sort((a, b) => a - b);
  return { newIds: sort(newIds), resolvedIds: sort(resolvedIds), overdueIds: sort(overdueIds), waiting, inHand, week: week7 };
}

/**
 * Nothing came in, was settled or ran late today, and nobody holds an open ticket: a
 * branch secretary is not messaged for such a grid (at county scale, hundreds of empty
 * digests a day would eat a WeChat account's daily budget), and the staff group sees
 * such grids on one line.
 */
export function isQuiet(f: DigestFigures): boolean {
  return f.newIds.length === 0 && f.resolvedIds.length === 0 && f.overdueIds.length === 0 && f.waiting === 0 && f.inHand === 0;
}

/** "#1 #2 #5", cut after ten. */
export function ticketNumbers(ids: number[], max = 10): string {
  if (ids.length === 0) return '';
  const shown = ids.slice(0, max).map((id) => `#${id}`).join(' ');
  return `：${shown}${ids.length > max ? ` 等` : ''}`;
}

export function digestLines(f: DigestFigures): string[] {
  return [
    `今日新增 ${f.newIds.length} 件${ticketNumbers(f.newIds)}`,
    `今日办结 ${f.resolvedIds.length} 件${ticketNumbers(f.resolvedIds)}`,
    `今日超时 ${f.overdueIds.length} 件${ticketNumbers(f.overdueIds)}`,
    `在办：待签收 ${f.waiting} 件，办理中 ${f.inHand} 件`,
    `近7天：响应率 ${formatRate(f.week.responded, f.week.judged)}，办结率 ${formatRate(f.week.resolved, f.week.acceptedDecided)}，满意率 ${formatRate(f.week.satisfied, f.week.rated)}`,
  ];
}

/** One short line per grid for the staff group. */
export function gridLine(grid: string, f: DigestFigures): string {
  return `· ${grid}：新增 ${f.newIds.length}，办结 ${f.resolvedIds.length}，超时 ${f.overdueIds.length}${ticketNumbers(f.overdueIds, 5)}`;
}

/** The staff group's grid section: a line per grid with work, then the quiet ones together. */
export function gridSection(perGrid: { grid: string; f: DigestFigures }[]): string[] {
  const busy = perGrid.filter(({ f }) => !isQuiet(f));
  const quiet = perGrid.filter(({ f }) => isQuiet(f)).map(({ grid }) => grid);
  const lines = busy.map(({ grid, f }) => gridLine(grid, f));
  if (quiet.length > 0) {
    const names = quiet.length > 6 ? `${quiet.slice(0, 6).join('、')} 等 ${quiet.length} 个网格` : quiet.join('、');
    lines.push(`· ${busy.length === 0 ? '' : '其余：'}${names}：今日无工单`);
  }
  return lines;
}
