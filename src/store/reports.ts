/**
 * The volunteering reads of reports: who served, when and for how many points, in a
 * period. Plain facts out; the reports (src/reports, src/volunteers/member-report.ts)
 * turn them into tables.
 */
import type { Db, Tx } from './db.js';

/** The facts volunteer reports are computed from (reports/volunteering.ts). */
export interface Volunteer {
  personId: number;
  name: string;
  grid: string | null;
  employer: string | null;
}

export interface CheckInFact {
  personId: number;
  activityStartsAt: Date;
  minutes: number;
}

export interface PointsFact {
  personId: number;
  at: Date;
  delta: number;
  kind: string;
}

type Store = Db | Tx;

/** Rows written before rows had a community ("") belong to the one community there was. */
const ofCommunity = (community: string) => [community, ''];

export interface VolunteerRecords {
  /** Everyone who checked in during the period (and, for all communities, anyone credited check-in points). */
  people: Volunteer[];
  checkIns: CheckInFact[];
  points: PointsFact[];
}

/**
 * Check-ins at activities starting in [from, to) (of one community, when given) and the
 * check-in points credited in it. The ledger is the person's, not a community's: for one
 * community, its people are those who served in it.
 */
export async function volunteerRecords(db: Store, from: Date, to: Date, community?: string): Promise<VolunteerRecords> {
  const inCommunity = community !== undefined ? { community: { in: ofCommunity(community) } } : {};
  const grids = new Map((await db.grid.findMany({ where: inCommunity })).map((g) => [g.id, g.name]));
  const signups = await db.signup.findMany({
    where: { checkedInAt: { not: null }, activity: { startsAt: { gte: from, lt: to }, ...inCommunity } },
    include: { activity: { select: { startsAt: true, durationMinutes: true } } },
  });
  const ledger = await db.ledgerEntry.findMany({ where: { kind: 'checkin', at: { gte: from, lt: to } } });
  const ids = [...new Set([...signups.map((s) => s.personId), ...(community === undefined ? ledger.map((e) => e.personId) : [])])];
  const persons = await db.person.findMany({ where: { id: { in: ids } } });
  return {
    people: persons.map((x) => ({ personId: x.id, name: x.name, grid: x.gridId ? (grids.get(x.gridId) ?? null) : null, employer: x.employer })),
    checkIns: signups.map((s) => ({ personId: s.personId, activityStartsAt: s.activity.startsAt, minutes: s.activity.durationMinutes })),
    points: ledger.map((e) => ({ personId: e.personId, at: e.at, delta: e.delta, kind: e.kind })),
  };
}

/** One activity a member was checked in at. */
export interface ServedActivity {
  id: number;
  title: string;
  startsAt: Date;
  place: string;
  durationMinutes: number;
  points: number;
}

export interface MemberRecord {
  name: string;
  alias: string | null;
  employerAt: Date | null;
  served: ServedActivity[];
}

/** The name of the (first) community in the database; "" when none was imported. */
export async function firstCommunityName(db: Store): Promise<string> {
  return (await db.community.findFirst())?.name ?? '';
}

/**
 * Every person registered with this employer, by name, with the activities (not
 * cancelled, starting in [from, to)) they were checked in at, in time order.
 */
export async function membersOfEmployer(db: Store, unit: string, from: Date, to: Date): Promise<MemberRecord[]> {
  const people = await db.person.findMany({
    where: { employer: unit },
    orderBy: { name: 'asc' },
    include: {
      signups: {
        where: { checkedInAt: { not: null }, activity: { startsAt: { gte: from, lt: to }, status: { not: 'cancelled' } } },
        include: { activity: true },
        orderBy: { activity: { startsAt: 'asc' } },
      },
    },
  });
  return people.map((p) => ({
    name: p.name,
    alias: p.alias,
    employerAt: p.employerAt,
    served: p.signups.map(({ activity: a }) => ({ id: a.id, title: a.title, startsAt: a.startsAt, place: a.place, durationMinutes: a.durationMinutes, points: a.points })),
  }));
}
