import { randomInt } from 'node:crypto';
import type { AppContext } from '../kernel/context.js';
import type { Speaker } from '../kernel/context.js';
import { notFound } from '../errors.js';
import type { OrgDirectory } from '../org/directory.js';
import { jsonList, type Tx } from '../store/db.js';
import { activityById, checkinCodeInUse, type ActivityRow } from '../store/activities.js';
import { GRID_ORGANISER_ROLES } from './scope.js';
import { activityRef } from './refs.js';

export type { ActivityRow } from '../store/activities.js';
export { confirmedCount } from '../store/activities.js';

export async function loadActivity(ctx: AppContext, id: number): Promise<ActivityRow> {
  const a = await activityById(ctx.db, id);
  if (!a) throw notFound(`没有活动 #${activityRef(id)}，请核对编号（发送「活动列表」查看）。`);
  return a;
}

export const endsAt = (a: Pick<ActivityRow, 'startsAt' | 'durationMinutes'>) => new Date(a.startsAt.getTime() + a.durationMinutes * 60_000);

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
    if (!(await checkinCodeInUse(tx, code))) return code;
  }
}
