/**
 * Everything one report shows, for a period and optionally one grid: the ticket metrics
 * by grid, tier and holder, new tickets by day and category, the time-to-resolve
 * distribution and volunteer service. Renderers (Markdown, CSV, HTML) only format this.
 */
import type { Db, Tx } from '../store/db.js';
import type { Org } from '../org/types.js';
import { OrgDirectory } from '../org/directory.js';
import { localDayKey } from '../time.js';
import { acceptDeadlineFor, loadVolunteerFacts } from './load.js';
import { createdByDay, MetricsTallies, type Period, type TicketMetrics } from './metrics.js';
import { historyChunks } from '../store/ticket-histories.js';
import { volunteerMetrics, type VolunteerMetrics } from './volunteering.js';

export interface ReportData {
  community: string;
  grid?: string;
  period: Period;
  /** Local dates as typed: the last day is included. */
  fromDay: string;
  toDay: string;
  timeZone: string;
  tickets: TicketMetrics;
  /** Every local day of the period, with new tickets per category. */
  days: { day: string; byCategory: Record<string, number> }[];
  volunteers: VolunteerMetrics;
  /** alias → name, for holders. */
  names: Record<string, string>;
}

export async function buildReport(
  db: Db | Tx,
  opts: { org: Org; period: Period; fromDay: string; toDay: string; timeZone: string; grid?: string; asOf?: Date; onlyCommunity?: boolean },
): Promise<ReportData> {
  const directory = new OrgDirectory(opts.org);
// In a county's database, only this community's tickets and activities.
  const community = opts.onlyCommunity ? directory.communityName : undefined;
  const tallies = new MetricsTallies(opts.period, {
    acceptDeadline: acceptDeadlineFor(opts.org, opts.timeZone),
    asOf: opts.asOf && opts.asOf < opts.period.to ? opts.asOf : opts.period.to,
  });
  const counts = new Map<string, Record<string, number>>();
  const dayKey = (d: Date) => localDayKey(d, opts.timeZone);
  for await (const chunk of historyChunks(db, { from: opts.period.from, to: opts.period.to, grid: opts.grid, community })) {
    tallies.add(chunk);
    createdByDay(chunk, opts.period, dayKey, counts);
  }
  const tickets = tallies.metrics();
  const days: ReportData['days'] = [];
  for (let t = opts.period.from.getTime(); t < opts.period.to.getTime(); t += 24 * 3600_000) {
    const day = localDayKey(new Date(t + 12 * 3600_000), opts.timeZone); // noon: safe across DST
    if (!days.some((d) => d.day === day)) days.push({ day, byCategory: counts.get(day) ?? {} });
  }
  const v = await loadVolunteerFacts(db, opts.period, opts.grid, community);
  const names: Record<string, string> = {};
  for (const p of directory.posts) names[p.alias] = p.name;
  return {
    community: directory.communityName,
    grid: opts.grid,
    period: opts.period,
    fromDay: opts.fromDay,
    toDay: opts.toDay,
    timeZone: opts.timeZone,
    tickets,
    days,
    volunteers: volunteerMetrics(v.people, v.checkIns, v.points, opts.period),
    names,
  };
}
