import type { Activity, Prisma } from '@prisma/client';
import type { Tx } from './db.js';

/** A volunteer activity as features read it. */
export type ActivityRow = Activity;

export function activityById(db: Tx, id: number): Promise<ActivityRow | null> {
  return db.activity.findUnique({ where: { id } });
}

/** Open for sign-up: published, not cancelled, not started (and posted to `room`, when given). */
function openActivitiesWhere(now: Date, room?: string): Prisma.ActivityWhereInput {
  return { status: 'open', startsAt: { gt: now }, ...(room ? { targets: { contains: JSON.stringify(room) } } : {}) };
}

/** Activities open for sign-up, soonest first; with `signedUpBy`, only those that person is in (confirmed or waiting). */
export function openActivities(db: Tx, q: { now: Date; room?: string; signedUpBy?: number; take?: number }): Promise<ActivityRow[]> {
  const where = openActivitiesWhere(q.now, q.room);
  return db.activity.findMany({
    where: q.signedUpBy === undefined ? where : { ...where, signups: { some: { personId: q.signedUpBy, status: { in: ['confirmed', 'waitlisted'] } } } },
    orderBy: { startsAt: 'asc' },
    ...(q.take ? { take: q.take } : {}),
  });
}

export function confirmedCount(db: Tx, activityId: number): Promise<number> {
  return db.signup.count({ where: { activityId, status: 'confirmed' } });
}

/** Whether an open activity already uses this check-in code. */
export async function checkinCodeInUse(db: Tx, code: string): Promise<boolean> {
  return !!(await db.activity.findFirst({ where: { status: 'open', checkinCode: code }, select: { id: true } }));
}

export type NewActivity = Omit<Prisma.ActivityUncheckedCreateInput, 'id'>;

export function insertActivity(db: Tx, data: NewActivity): Promise<ActivityRow> {
  return db.activity.create({ data });
}

/** The next open, unreminded activity starting within (now, until], if any. */
export function nextActivityToRemind(db: Tx, now: Date, until: Date): Promise<ActivityRow[]> {
  return db.activity.findMany({ where: { status: 'open', remindedAt: null, startsAt: { gt: now, lte: until } }, orderBy: { startsAt: 'asc' }, take: 1 });
}

/** Claims an activity's reminder by a conditional update: false when another sweep or process took it. */
export async function claimActivityReminder(db: Tx, activityId: number, now: Date): Promise<boolean> {
  const claimed = await db.activity.updateMany({ where: { id: activityId, remindedAt: null }, data: { remindedAt: now } });
  return claimed.count > 0;
}

/** The people confirmed for an activity, in sign-up order. */
export async function confirmedVolunteers(db: Tx, activityId: number) {
  const rows = await db.signup.findMany({ where: { activityId, status: 'confirmed' }, include: { person: true }, orderBy: { id: 'asc' } });
  return rows.map((s) => s.person);
}

/** When the next open, unreminded activity starts. */
export async function nextUnremindedStart(db: Tx, now: Date): Promise<Date | null> {
  const a = await db.activity.findFirst({ where: { status: 'open', remindedAt: null, startsAt: { gt: now } }, orderBy: { startsAt: 'asc' }, select: { startsAt: true } });
  return a?.startsAt ?? null;
}
