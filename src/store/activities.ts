import type { Activity, Person, Prisma, Signup } from '@prisma/client';
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

/** Everyone with a sign-up row for the activity, whatever its status. */
export async function signedUpPeople(db: Tx, activityId: number): Promise<Person[]> {
  const rows = await db.signup.findMany({ where: { activityId }, include: { person: true } });
  return rows.map((s) => s.person);
}

export type SignupRow = Signup;
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export function signupOf(db: Tx, activityId: number, personId: number): Promise<SignupRow | null> {
  return db.signup.findUnique({ where: { activityId_personId: { activityId, personId } } });
}

/**
 * Takes the activity's row lock and checks, in the same statement, that it still takes
 * sign-ups (open, not started): false when it does not. The count read after it is the
 * truth until commit — on PostgreSQL (row lock) as on SQLite (write lock).
 */
export async function lockOpenActivity(db: Tx, activityId: number, now: Date): Promise<boolean> {
  const locked = await db.activity.updateMany({ where: { id: activityId, status: 'open', startsAt: { gt: now } }, data: { status: 'open' } });
  return locked.count > 0;
}

/** The waiting list in the order people joined (a re-join is a new row, so row order is that order). */
export function waitlist(db: Tx, activityId: number): Promise<(SignupRow & { person: Person })[]> {
  return db.signup.findMany({ where: { activityId, status: 'waitlisted' }, orderBy: { id: 'asc' }, include: { person: true } });
}

/**
 * A sign-up row. One after a cancellation (`replacing` the old row) is a new row, so it
 * joins the line at the end.
 */
export async function addSignup(db: Tx, activityId: number, personId: number, status: 'confirmed' | 'waitlisted', now: Date, replacing?: SignupRow | null): Promise<void> {
  if (replacing) await db.signup.delete({ where: { id: replacing.id } });
  await db.signup.create({ data: { activityId, personId, status, createdAt: now, updatedAt: now } });
}

export async function setSignupStatus(db: Tx, signupId: number, status: SignupStatus, now: Date): Promise<void> {
  await db.signup.update({ where: { id: signupId }, data: { status, updatedAt: now } });
}

/**
 * Marks a person present at an activity, once: `first` when this call did it, `again`
 * when they were checked in before. The conditional update claims the check-in; one
 * who came without signing up is added, confirmed, so they show in the record.
 */
export async function claimCheckIn(db: Tx, activityId: number, personId: number, now: Date, by: string): Promise<'first' | 'again'> {
  const claimed = await db.signup.updateMany({ where: { activityId, personId, checkedInAt: null }, data: { checkedInAt: now, checkedInBy: by } });
  if (claimed.count > 0) return 'first';
  if (await signupOf(db, activityId, personId)) return 'again';
  await db.signup.create({ data: { activityId, personId, status: 'confirmed', createdAt: now, updatedAt: now, checkedInAt: now, checkedInBy: by } });
  return 'first';
}

/** Open activities with this check-in code starting by `startsBy`, the latest start first. */
export function openActivitiesWithCode(db: Tx, code: string, startsBy: Date): Promise<ActivityRow[]> {
  return db.activity.findMany({ where: { checkinCode: code, status: 'open', startsAt: { lte: startsBy } }, orderBy: { startsAt: 'desc' } });
}
