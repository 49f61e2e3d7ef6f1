/**
 * Reads what the metrics need through the store. The only module of reports that
 * reads the database: everything after it is pure.
 */
import type { Db, Tx } from '../store/db.js';
import { volunteerRecords } from '../store/reports.js';
import { historyChunks } from '../store/ticket-histories.js';
import type { Org } from '../org/types.js';
import { acceptDeadline } from '../tickets/deadlines.js';
import type { AcceptDeadline, TicketHistory } from './history.js';
import type { CheckInFact, PointsFact, Volunteer } from './volunteering.js';
import type { Period } from './metrics.js';

type Store = Db | Tx;

/**
 * Histories of tickets that may have something in the period (created before its end,
 * still changing after its start) and, with `open`, of every ticket still open. All at
 * once: for a week or a dashboard; a long report reads them chunk by chunk instead.
 */
export async function loadHistories(db: Store, p: Period, opts: { grid?: string; open?: boolean; community?: string } = {}): Promise<TicketHistory[]> {
  const all: TicketHistory[] = [];
  for await (const chunk of historyChunks(db, { from: p.from, to: p.to, ...opts })) all.push(...chunk);
  return all;
}

/** The accept deadline the bot applied: the organisation's SLA with its quiet hours. */
export function acceptDeadlineFor(org: Org, timeZone: string): AcceptDeadline {
  return (from, urgency) => acceptDeadline(org, urgency === 'urgent' ? 'urgent' : 'normal', from, timeZone);
}

export interface VolunteerFacts {
  people: Volunteer[];
  checkIns: CheckInFact[];
  points: PointsFact[];
}

export async function loadVolunteerFacts(db: Store, p: Period, grid?: string, community?: string): Promise<VolunteerFacts> {
  const records = await volunteerRecords(db, p.from, p.to, community);
  const people = records.people.filter((v) => !grid || v.grid === grid);
  const keep = new Set(people.map((v) => v.personId));
  return {
    people,
    checkIns: records.checkIns.filter((c) => keep.has(c.personId)),
    points: records.points.filter((e) => keep.has(e.personId)),
  };
}
