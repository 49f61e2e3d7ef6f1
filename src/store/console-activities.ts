/** The console's reads of volunteering: activities with their sign-ups, the points ledger, redemptions. */
import { jsonList, type Db, type Tx } from './db.js';

const reaches = (targets: string, rooms: string[] | undefined) => !rooms || jsonList(targets).some((t) => rooms.includes(t));

/** Activities reaching any of these groups (all when undefined), newest first, with sign-up counts. */
export async function activitiesFor(db: Db | Tx, rooms: string[] | undefined, take = 50) {
  const rows = await db.activity.findMany({ orderBy: { startsAt: 'desc' }, take: rooms ? take * 5 : take });
  const visible = rows.filter((a) => reaches(a.targets, rooms)).slice(0, take);
  const counts = await db.signup.groupBy({ by: ['activityId', 'status'], where: { activityId: { in: visible.map((a) => a.id) } }, _count: { _all: true } });
  const checked = await db.signup.groupBy({ by: ['activityId'], where: { activityId: { in: visible.map((a) => a.id) }, checkedInAt: { not: null } }, _count: { _all: true } });
  return visible.map((a) => ({
    ...a,
    confirmed: counts.find((c) => c.activityId === a.id && c.status === 'confirmed')?._count._all ?? 0,
    waitlisted: counts.find((c) => c.activityId === a.id && c.status === 'waitlisted')?._count._all ?? 0,
    checkedIn: checked.find((c) => c.activityId === a.id)?._count._all ?? 0,
  }));
}

export async function activityWithSignups(db: Db | Tx, id: number, rooms: string[] | undefined) {
  const a = await db.activity.findUnique({
    where: { id },
    include: { signups: { orderBy: [{ status: 'asc' }, { createdAt: 'asc' }], include: { person: { select: { id: true, name: true, alias: true } } } } },
  });
  return a && reaches(a.targets, rooms) ? a : undefined;
}

/** Balances per person, highest first; a person's own entries when asked. */
export async function ledgerBalances(db: Db | Tx, take = 100) {
  const sums = await db.ledgerEntry.groupBy({ by: ['personId'], _sum: { delta: true }, orderBy: { _sum: { delta: 'desc' } }, take });
  const people = await db.person.findMany({ where: { id: { in: sums.map((s) => s.personId) } }, select: { id: true, name: true, gridId: true } });
  return sums.map((s) => ({ personId: s.personId, name: people.find((p) => p.id === s.personId)?.name ?? '', balance: s._sum.delta ?? 0 }));
}

export async function ledgerOf(db: Db | Tx, personId: number) {
  const person = await db.person.findUnique({ where: { id: personId }, select: { name: true } });
  const entries = await db.ledgerEntry.findMany({ where: { personId }, orderBy: { id: 'desc' }, take: 200 });
  const sum = await db.ledgerEntry.aggregate({ where: { personId }, _sum: { delta: true } });
  return person ? { name: person.name, entries, balance: sum._sum.delta ?? 0 } : undefined;
}

export async function redemptionsToHandOut(db: Db | Tx, now: Date) {
  return db.redemption.findMany({
    where: { status: 'reserved', expiresAt: { gt: now } },
    orderBy: { id: 'asc' },
    include: { item: { select: { name: true } }, person: { select: { name: true } } },
    take: 200,
  });
}
