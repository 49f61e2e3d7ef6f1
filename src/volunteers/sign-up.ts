import type { AppContext } from '../app/context.js';
import { conflict } from '../errors.js';
import type { Tx } from '../store/db.js';
import { confirmedCount, loadActivity, type ActivityRow } from './activities.js';
import { promotedText } from './messages.js';
import { personKey } from './people.js';
import { activityRef } from './refs.js';

export interface Volunteer {
  personId: number;
  /** As events name people (the WeChat alias, or `id:…`). */
  alias: string;
}

export type SignupOutcome =
  | { status: 'confirmed'; activity: ActivityRow; taken: number; again: boolean }
  | { status: 'waitlisted'; activity: ActivityRow; position: number; again: boolean };

/**
 * Takes the activity's row lock and checks, in the same statement, that it still takes
 * sign-ups. Every change to who holds a seat goes through here first, so the count read
 * after it is the truth until commit — on PostgreSQL (row lock) as on SQLite (write lock).
 */
async function lockOpenActivity(ctx: AppContext, activityId: number): Promise<ActivityRow> {
  const locked = await ctx.db.activity.updateMany({
    where: { id: activityId, status: 'open', startsAt: { gt: ctx.clock.now() } },
    data: { status: 'open' },
  });
  const activity = await loadActivity(ctx, activityId);
  if (locked.count === 0) {
    throw conflict(activity.status === 'cancelled' ? `活动 #${activityRef(activityId)} 已取消。` : `活动 #${activityRef(activityId)} 已经开始，不能再报名或取消了。`);
  }
  return activity;
}

/** Rows are created waitlisted (a re-join is a new row), so row order is the order people joined. */
async function waitlist(tx: Tx, activityId: number) {
  return tx.signup.findMany({ where: { activityId, status: 'waitlisted' }, orderBy: { id: 'asc' }, include: { person: true } });
}

async function waitlistPosition(tx: Tx, activityId: number, personId: number): Promise<number> {
  return (await waitlist(tx, activityId)).findIndex((s) => s.personId === personId) + 1;
}

/** A seat if one is free, else the end of the waiting list. Asking twice changes nothing. */
export async function signUp(ctx: AppContext, activityId: number, who: Volunteer): Promise<SignupOutcome> {
  const activity = await lockOpenActivity(ctx, activityId);
  const now = ctx.clock.now();
  const key = { activityId_personId: { activityId, personId: who.personId } };
  const existing = await ctx.db.signup.findUnique({ where: key });
  if (existing?.status === 'confirmed') return { status: 'confirmed', activity, taken: await confirmedCount(ctx.db, activityId), again: true };
  if (existing?.status === 'waitlisted') return { status: 'waitlisted', activity, position: await waitlistPosition(ctx.db, activityId, who.personId), again: true };

  const taken = await confirmedCount(ctx.db, activityId);
  const status = taken < activity.capacity ? 'confirmed' : 'waitlisted';
  // A sign-up after a cancellation is a new row: the line is in row order, and it joins at the end.
  if (existing) await ctx.db.signup.delete({ where: key });
  await ctx.db.signup.create({ data: { activityId, personId: who.personId, status, createdAt: now, updatedAt: now } });
  ctx.events.emit({ kind: 'signup', activity: activityRef(activityId), who: who.alias, status });
  if (status === 'confirmed') return { status, activity, taken: taken + 1, again: false };
  return { status, activity, position: await waitlistPosition(ctx.db, activityId, who.personId), again: false };
}

/** Leaves an activity; a freed seat goes to the first on the waiting list, who is told. */
export async function cancelSignup(ctx: AppContext, activityId: number, who: Volunteer): Promise<{ activity: ActivityRow; was: 'confirmed' | 'waitlisted' }> {
  const activity = await lockOpenActivity(ctx, activityId);
  const key = { activityId_personId: { activityId, personId: who.personId } };
  const existing = await ctx.db.signup.findUnique({ where: key });
  if (!existing || existing.status === 'cancelled') throw conflict(`您没有报名活动 #${activityRef(activityId)}。`);
  await ctx.db.signup.update({ where: key, data: { status: 'cancelled', updatedAt: ctx.clock.now() } });
  ctx.events.emit({ kind: 'signup', activity: activityRef(activityId), who: who.alias, status: 'cancelled' });
  if (existing.status === 'confirmed') await promoteFromWaitlist(ctx, activity);
  return { activity, was: existing.status as 'confirmed' | 'waitlisted' };
}

/** Fills free seats from the waiting list, in order. Call with the activity locked. */
async function promoteFromWaitlist(ctx: AppContext, activity: ActivityRow): Promise<void> {
  let free = activity.capacity - (await confirmedCount(ctx.db, activity.id));
  for (const next of await waitlist(ctx.db, activity.id)) {
    if (free <= 0) return;
    await ctx.db.signup.update({ where: { id: next.id }, data: { status: 'confirmed', updatedAt: ctx.clock.now() } });
    free -= 1;
    const alias = personKey(next.person);
    ctx.events.emit({ kind: 'signup', activity: activityRef(activity.id), who: alias, status: 'promoted' });
    await ctx.send({ target: { kind: 'contact', alias }, text: promotedText(activity, ctx.config.timeZone), origin: `activity:${activity.id}` });
  }
}
