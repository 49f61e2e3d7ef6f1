import type { AppContext } from '../kernel/context.js';
import { conflict } from '../errors.js';
import type { Tx } from '../store/db.js';
import { addSignup, lockOpenActivity, setSignupStatus, signupOf, waitlist } from '../store/activities.js';
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
 * Locks the activity while it still takes sign-ups (store/activities.ts). Every change to
 * who holds a seat goes through here first, so the count read after it is the truth until commit.
 */
async function lockForSeats(ctx: AppContext, activityId: number): Promise<ActivityRow> {
  const locked = await lockOpenActivity(ctx.db, activityId, ctx.clock.now());
  const activity = await loadActivity(ctx, activityId);
  if (!locked) {
    throw conflict(activity.status === 'cancelled' ? `活动 #${activityRef(activityId)} 已取消。` : `活动 #${activityRef(activityId)} 已经开始，不能再报名或取消了。`);
  }
  return activity;
}

async function waitlistPosition(tx: Tx, activityId: number, personId: number): Promise<number> {
  return (await waitlist(tx, activityId)).findIndex((s) => s.personId === personId) + 1;
}

/** A seat if one is free, else the end of the waiting list. Asking twice changes nothing. */
export async function signUp(ctx: AppContext, activityId: number, who: Volunteer): Promise<SignupOutcome> {
  const activity = await lockForSeats(ctx, activityId);
  const now = ctx.clock.now();
  const existing = await signupOf(ctx.db, activityId, who.personId);
  if (existing?.status === 'confirmed') return { status: 'confirmed', activity, taken: await confirmedCount(ctx.db, activityId), again: true };
  if (existing?.status === 'waitlisted') return { status: 'waitlisted', activity, position: await waitlistPosition(ctx.db, activityId, who.personId), again: true };

  const taken = await confirmedCount(ctx.db, activityId);
  const status = taken < activity.capacity ? 'confirmed' : 'waitlisted';
  // A sign-up after a cancellation is a new row: the line is in row order, and it joins at the end.
  await addSignup(ctx.db, activityId, who.personId, status, now, existing);
  ctx.events.emit({ kind: 'signup', activity: activityRef(activityId), who: who.alias, status });
  if (status === 'confirmed') return { status, activity, taken: taken + 1, again: false };
  return { status, activity, position: await waitlistPosition(ctx.db, activityId, who.personId), again: false };
}

/** Leaves an activity; a freed seat goes to the first on the waiting list, who is told. */
export async function cancelSignup(ctx: AppContext, activityId: number, who: Volunteer): Promise<{ activity: ActivityRow; was: 'confirmed' | 'waitlisted' }> {
  const activity = await lockForSeats(ctx, activityId);
  const existing = await signupOf(ctx.db, activityId, who.personId);
  if (!existing || existing.status === 'cancelled') throw conflict(`您没有报名活动 #${activityRef(activityId)}。`);
  await setSignupStatus(ctx.db, existing.id, 'cancelled', ctx.clock.now());
  ctx.events.emit({ kind: 'signup', activity: activityRef(activityId), who: who.alias, status: 'cancelled' });
  if (existing.status === 'confirmed') await promoteFromWaitlist(ctx, activity);
  return { activity, was: existing.status as 'confirmed' | 'waitlisted' };
}

/** Fills free seats from the waiting list, in order. Call with the activity locked. */
async function promoteFromWaitlist(ctx: AppContext, activity: ActivityRow): Promise<void> {
  let free = activity.capacity - (await confirmedCount(ctx.db, activity.id));
  for (const next of await waitlist(ctx.db, activity.id)) {
    if (free <= 0) return;
    await setSignupStatus(ctx.db, next.id, 'confirmed', ctx.clock.now());
    free -= 1;
    const alias = personKey(next.person);
    ctx.events.emit({ kind: 'signup', activity: activityRef(activity.id), who: alias, status: 'promoted' });
    await ctx.send({ target: { kind: 'contact', alias }, text: promotedText(activity, ctx.config.timeZone), origin: `activity:${activity.id}` });
  }
}
