import type { AppContext } from '../app/context.js';
import { recordTicketEvent } from './record.js';
import { SWEEP_BATCH } from '../app/sweep-batch.js';

/**
 * The minute sweep for resolved tickets nobody rated within three days: they close
 * unrated. Safe to run twice: a closed ticket is no longer `resolved`. A batch at a time:
 * true when more may be due.
 */
export async function closeUnratedTickets(ctx: AppContext): Promise<boolean> {
  const now = ctx.clock.now();
  const due = await ctx.db.ticket.findMany({ where: { status: 'resolved', rateBy: { lte: now } }, orderBy: { rateBy: 'asc' }, take: SWEEP_BATCH });
  for (const t of due) {
    const updated = await ctx.db.ticket.update({ where: { id: t.id }, data: { status: 'closed', closedAt: now, rateBy: null, updatedAt: now } });
    await recordTicketEvent(ctx, updated, { kind: 'closed', note: 'not rated in time' });
  }
  return due.length >= SWEEP_BATCH;
}

/** When the next resolved ticket runs out of time to be rated. */
export async function nextUnratedCloseAt(ctx: AppContext): Promise<Date | null> {
  const t = await ctx.db.ticket.findFirst({ where: { status: 'resolved', rateBy: { not: null } }, orderBy: { rateBy: 'asc' }, select: { rateBy: true } });
  return t?.rateBy ?? null;
}
