import type { AppContext } from '../kernel/context.js';
import { DAY, HOUR } from '../clock.js';
import { conflict } from '../errors.js';
import { claimCheckIn, openActivitiesWithCode } from '../store/activities.js';
import { endsAt, type ActivityRow } from './activities.js';
import { appendLedgerEntry } from './ledger.js';
import { activityRef } from './refs.js';

/** Volunteers may use the on-site code from an hour before the start to two hours after the end. */
export const CODE_OPENS_BEFORE_MS = HOUR;
export const CODE_CLOSES_AFTER_MS = 2 * HOUR;
/** Organisers may catch up on check-ins for a week after the end. */
export const ORGANISER_CLOSES_AFTER_MS = 7 * DAY;

export type CheckInOutcome = { first: true; points: number; balance: number } | { first: false };

export function assertOrganiserMayCheckIn(a: ActivityRow, now: Date): void {
  if (a.status === 'cancelled') throw conflict(`活动 #${activityRef(a.id)} 已取消。`);
  if (now.getTime() > endsAt(a).getTime() + ORGANISER_CLOSES_AFTER_MS) throw conflict(`活动 #${activityRef(a.id)} 结束已超过 7 天，不能再签到。`);
}

/**
 * Marks one person present and credits the activity's points — once per person and
 * activity, whoever sends it and however often: the conditional update claims the
 * check-in, and the ledger's refKey backs it up.
 */
export async function checkIn(ctx: AppContext, activity: ActivityRow, personId: number, by: string): Promise<CheckInOutcome> {
  const now = ctx.clock.now();
  // Came without signing up: present is present (the store adds them, confirmed).
  if ((await claimCheckIn(ctx.db, activity.id, personId, now, by)) === 'again') return { first: false };
  if (activity.points <= 0) return { first: true, points: 0, balance: 0 };
  const entry = await appendLedgerEntry(ctx, {
    personId,
    delta: activity.points,
    kind: 'checkin',
    reason: `签到 #${activityRef(activity.id)} ${activity.title}`,
    refKey: `checkin:${activityRef(activity.id)}:${personId}`,
    actor: by,
  });
  return entry ? { first: true, points: activity.points, balance: entry.balance } : { first: false };
}

/** The activity whose on-site code this is, if its check-in is open now. */
export async function activityByCode(ctx: AppContext, code: string): Promise<ActivityRow | undefined> {
  const now = ctx.clock.now().getTime();
  const candidates = await openActivitiesWithCode(ctx.db, code, new Date(now + CODE_OPENS_BEFORE_MS));
  return candidates.find((a) => now <= endsAt(a).getTime() + CODE_CLOSES_AFTER_MS);
}
