/**
 * Reads what the metrics need from the database. The only module of reports that
 * touches Prisma: everything after it is pure.
 */
import type { Db, Tx } from '../store/db.js';
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

/** Rows written before rows had a community ("") belong to the one community there was. */
const ofCommunity = (community: string) => [community, ''];

export async function loadVolunteerFacts(db: Store, p: Period, grid?: string, community?: string): Promise<VolunteerFacts> {
  const inCommunity = community !== undefined ? { community: { in: ofCommunity(community) } } : {};
  const grids = new Map((await db.grid.findMany({ where: inCommunity })).map((g) => [g.id, g.name]));
  const signups = await db.signup.findMany({
    where: { checkedInAt: { not: null }, activity: { startsAt: { gte: p.from, lt: p.to }, ...inCommunity } },
    include: { activity: { select: { startsAt: true, durationMinutes: true } } },
  });
  const ledger = await db.ledgerEntry.findMany({ where: { kind: 'checkin', at: { gte: p.from, lt: p.to } } });
  // The ledger is the person's, not a community's: for one community, those who served in it.
  const ids = [...new Set([...signups.map((s) => s.personId), ...(community === undefined ? ledger.map((e) => e.personId) : [])])];
  const persons = await db.person.findMany({ where: { id: { in: ids } } });
  const people = persons
    .map((x) => ({ personId: x.id, name: x.name, grid: x.gridId ? (grids.get(x.gridId) ?? null) : null, employer: x.employer }))
    .filter((v) => !grid || v.grid === grid);
  const keep = new Set(people.map((v) => v.personId));
  return {
    people,
    checkIns: signups.filter((s) => keep.has(s.personId)).map((s) => ({ personId: s.personId, activityStartsAt: s.activity.startsAt, minutes: s.activity.durationMinutes })),
    points: ledger.filter((e) => keep.has(e.personId)).map((e) => ({ personId: e.personId, at: e.at, delta: e.delta, kind: e.kind })),
  };
}
