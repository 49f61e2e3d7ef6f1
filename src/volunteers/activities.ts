import { randomInt } from 'node:crypto';
import type { AppContext } from '../app/context.js';
import type { Speaker } from '../app/context.js';
import { notFound } from '../errors.js';
import type { OrgDirectory } from '../org/directory.js';
import { jsonList, type Tx } from '../store/db.js';
import { GRID_ORGANISER_ROLES } from './scope.js';
import { activityRef } from './refs.js';

export type ActivityRow = NonNullable<Awaited<ReturnType<Tx['activity']['findUnique']>>>;

export async function loadActivity(ctx: AppContext, id: number): Promise<ActivityRow> {
  const a = await ctx.db.activity.findUnique({ where: { id } });
  if (!a) throw notFound(`没有活动 #${activityRef(id)}，请核对编号（发送「活动列表」查看）。`);
  return a;
}

export const endsAt = (a: Pick<ActivityRow, 'startsAt' | 'durationMinutes'>) => new Date(a.startsAt.getTime() + a.durationMinutes * 60_000);

/** Open for sign-up: published, not cancelled, not started. */
export function openActivitiesWhere(now: Date, room?: string) {
  return { status: 'open', startsAt: { gt: now }, ...(room ? { targets: { contains: JSON.stringify(room) } } : {}) };
}

export async function confirmedCount(tx: Tx, activityId: number): Promise<number> {
  return tx.signup.count({ where: { activityId, status: 'confirmed' } });
}

/**
 * Who may check volunteers in and run an activity: staff, whoever published it, and the
 * branch secretary or culture officer of a grid it was published to.
 */
export function mayManage(speaker: Speaker, org: OrgDirectory, a: ActivityRow): boolean {
  if (speaker.isStaff || a.createdBy === speaker.alias) return true;
  const grids = new Set(jsonList(a.targets).map((t) => org.room(t)?.grid));
  return org.gridsLedBy(speaker.alias, GRID_ORGANISER_ROLES).some((g) => grids.has(g));
}

/**
 * A six-digit code no other open activity uses, so a bare code names one activity. Six
 * digits and 5 wrong tries per 15 minutes (src/abuse) leave guessing nothing to win.
 */
export async function freshCheckinCode(tx: Tx): Promise<string> {
  for (;;) {
    const code = String(randomInt(100000, 1000000));
    if (!(await tx.activity.findFirst({ where: { status: 'open', checkinCode: code }, select: { id: true } }))) return code;
  }
}
