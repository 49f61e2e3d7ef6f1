import type { AppContext } from '../kernel/context.js';
import { nextPurgeDue, purgeWorkingRows } from '../store/purge.js';

const HOUR = 3600_000;

/** Sweep: purges done and expired working rows (see store/purge), a batch per transaction. */
export function purgeOldRows(ctx: AppContext): Promise<boolean> {
  return purgeWorkingRows(ctx.db, ctx.clock.now());
}

/** Due on the hour after the oldest row's keeping period ends: the simulator need not stop more often. */
export async function nextPurgeAt(ctx: AppContext): Promise<Date | null> {
  const due = await nextPurgeDue(ctx.db);
  return due && new Date(Math.ceil(due.getTime() / HOUR) * HOUR);
}
