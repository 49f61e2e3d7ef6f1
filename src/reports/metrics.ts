/**
 * Ticket metrics for any period, by grid, tier and holder: pure functions of histories.
 *
 * Definitions (the report prints them too — see DEFINITIONS):
 * - A holding (Assignment) is one hand-over of a ticket to a set of holders.
 * - Response rate 响应率 = holdings accepted by their accept deadline ÷ holdings judged,
 *   counted in the period the holding started. A holding is judged once it was accepted
 *   or its deadline passed while it lasted; one passed on (转派/退回), withdrawn or merged
 *   before its deadline is not judged, nor one still within its deadline.
 * - Resolution rate 办结率 = accepted holdings that the same holders resolved ÷ accepted
 *   holdings with an outcome (resolved, or taken from them by a deadline, 退回, 转派),
 *   counted in the period of acceptance. Work still in hand is not counted yet.
 * - Satisfaction rate 满意率 = ratings of 4 or 5 ÷ ratings, in the period of the rating.
 *   A ticket closed unrated counts nowhere; a poor rating (reopen) counts as rated.
 * - Time to accept 签收用时: from the hand-over to acceptance, per accepted holding.
 *   Time to resolve 办结用时: from the report to the resolution, per resolution.
 * - Escalations 超时上交: deadlines passed that moved a ticket up (kind `escalated`),
 *   charged to the holding they left. Reopenings 重办: poor ratings, charged to the
 *   holding whose work was rated.
 */
import { assignmentsOf, type AcceptDeadline, type Assignment, type TicketHistory } from './history.js';

export interface Period {
  from: Date; // inclusive
  to: Date; // exclusive
}

export interface Tally {
  judged: number;
  responded: number;
  acceptedDecided: number;
  resolved: number;
  rated: number;
  satisfied: number;
  acceptMs: number[];
  resolveMs: number[];
  escalations: number;
  reopenings: number;
  /** New tickets (merged duplicates not counted), by category. */
  created: Record<string, number>;
}

export interface Rates {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  acceptMedianMs: number | null;
  acceptP90Ms: number | null;
  resolveMedianMs: number | null;
  resolveP90Ms: number | null;
}

export type Summary = Tally & Rates & { key: string; newTickets: number };

export interface TicketMetrics {
  total: Summary;
  byGrid: Summary[];
  byTier: Summary[];
  byHolder: Summary[];
}

export const emptyTally = (): Tally => ({
  judged: 0,
  responded: 0,
  acceptedDecided: 0,
  resolved: 0,
  rated: 0,
  satisfied: 0,
  acceptMs: [],
  resolveMs: [],
  escalations: 0,
  reopenings: 0,
  created: {},
});

export const inPeriod = (at: Date | undefined, p: Period): boolean => !!at && at >= p.from && at < p.to;

export const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest rank: the smallest value at or above which `q` of the values lie. */
export function percentile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)];
}

export function ratesOf(t: Tally): Rates {
  return {
    responseRate: ratio(t.responded, t.judged),
    resolutionRate: ratio(t.resolved, t.acceptedDecided),
    satisfactionRate: ratio(t.satisfied, t.rated),
    acceptMedianMs: median(t.acceptMs),
    acceptP90Ms: percentile(t.acceptMs, 0.9),
    resolveMedianMs: median(t.resolveMs),
    resolveP90Ms: percentile(t.resolveMs, 0.9),
  };
}

const summarize = (key: string, t: Tally): Summary => ({
  key,
  ...t,
  ...ratesOf(t),
  newTickets: Object.values(t.created).reduce((a, b) => a + b, 0),
});

/** Adds one holding's facts that fall in the period to a tally. */
function addAssignment(t: Tally, a: Assignment, createdAt: Date, p: Period, asOf: Date): void {
  if (inPeriod(a.start, p)) {
    const onTime = a.acceptedAt !== undefined && a.acceptedAt <= a.acceptBy;
    const lastedUntil = a.acceptedAt ?? a.end?.at ?? asOf;
    if (onTime) t.responded += 1;
    if (onTime || lastedUntil >= a.acceptBy || a.reminders > 0) t.judged += 1;
  }
  if (a.acceptedAt && inPeriod(a.acceptedAt, p)) {
    t.acceptMs.push(a.acceptedAt.getTime() - a.start.getTime());
    if (a.resolvedAt) {
      t.acceptedDecided += 1;
      t.resolved += 1;
    } else if (a.end && ['escalated', 'declined', 'transferred'].includes(a.end.kind)) {
      t.acceptedDecided += 1;
    }
  }
  if (a.resolvedAt && inPeriod(a.resolvedAt, p)) t.resolveMs.push(a.resolvedAt.getTime() - createdAt.getTime());
  if (a.rating && inPeriod(a.rating.at, p)) {
    t.rated += 1;
    if (a.rating.score >= 4) t.satisfied += 1;
    else if (a.rating.score <= 2) t.reopenings += 1;
  }
  if (a.end?.kind === 'escalated' && inPeriod(a.end.at, p)) t.escalations += 1;
}

export interface MetricsOptions {
  acceptDeadline: AcceptDeadline;
  /** What "now" is for holdings still running (the report's end, or the clock). */
  asOf: Date;
}

/** Every metric of the period, in total and by grid, tier and holder. */
export function ticketMetrics(histories: TicketHistory[], p: Period, opts: MetricsOptions): TicketMetrics {
  const tallies = new MetricsTallies(p, opts);
  tallies.add(histories);
  return tallies.metrics();
}

/**
 * The same metrics added up chunk by chunk: a long period's histories are read a chunk
 * at a time, added, and let go.
 */
export class MetricsTallies {
  private readonly total = emptyTally();
  private readonly groups = { grid: new Map<string, Tally>(), tier: new Map<string, Tally>(), holder: new Map<string, Tally>() };

  constructor(
    private readonly p: Period,
    private readonly opts: MetricsOptions,
  ) {}

  add(histories: TicketHistory[]): void {
    addHistories(this.total, this.groups, histories, this.p, this.opts);
  }

  metrics(): TicketMetrics {
    const list = (m: Map<string, Tally>) => [...m.entries()].map(([k, t]) => summarize(k, t)).filter((s) => !isIdle(s));
    return { total: summarize('全部', this.total), byGrid: list(this.groups.grid), byTier: list(this.groups.tier), byHolder: list(this.groups.holder) };
  }
}

function addHistories(
  total: Tally,
  groups: { grid: Map<string, Tally>; tier: Map<string, Tally>; holder: Map<string, Tally> },
  histories: TicketHistory[],
  p: Period,
  opts: MetricsOptions,
): void {
  const tallyOf = (m: Map<string, Tally>, key: string) => {
    let t = m.get(key);
    if (!t) m.set(key, (t = emptyTally()));
    return t;
  };
  for (const h of histories) {
    const grid = h.ticket.grid ?? '未分网格';
    if (h.ticket.status !== 'merged' && inPeriod(h.ticket.createdAt, p)) {
      for (const t of [total, tallyOf(groups.grid, grid)]) t.created[h.ticket.category] = (t.created[h.ticket.category] ?? 0) + 1;
    }
    for (const a of assignmentsOf(h, opts.acceptDeadline)) {
      addAssignment(total, a, h.ticket.createdAt, p, opts.asOf);
      addAssignment(tallyOf(groups.grid, grid), a, h.ticket.createdAt, p, opts.asOf);
      addAssignment(tallyOf(groups.tier, a.tier), a, h.ticket.createdAt, p, opts.asOf);
      const holders = new Set([...a.holders, ...(a.resolvedBy ?? [])]);
      for (const alias of holders) addAssignment(tallyOf(groups.holder, alias), a, h.ticket.createdAt, p, opts.asOf);
    }
  }
}

/** A group with nothing in the period (its tickets' events all fell elsewhere). */
function isIdle(s: Summary): boolean {
  return s.judged + s.acceptedDecided + s.rated + s.acceptMs.length + s.resolveMs.length + s.escalations + s.newTickets === 0;
}

/** Tickets created per local day and category (for the chart over time). */
export function createdByDay(
  histories: TicketHistory[],
  p: Period,
  dayKey: (d: Date) => string,
  out = new Map<string, Record<string, number>>(),
): Map<string, Record<string, number>> {
  for (const h of histories) {
    if (h.ticket.status === 'merged' || !inPeriod(h.ticket.createdAt, p)) continue;
    const day = dayKey(h.ticket.createdAt);
    const row = out.get(day) ?? {};
    row[h.ticket.category] = (row[h.ticket.category] ?? 0) + 1;
    out.set(day, row);
  }
  return out;
}
