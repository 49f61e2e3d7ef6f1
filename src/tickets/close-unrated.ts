import type { AppContext } from '../app/context.js';
import { recordTicketEvent } from './record.js';

/**
 * The minute sweep for resolved tickets nobody rated within three days: they close
 * unrated. Safe to run twice: a closed ticket is no longer `resolved`.
 */
export async function closeUnratedTickets(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const due = await ctx.db.ticket.findMany({ where: { status: 'resolved', rateBy: { lte: now } }, orderBy: { id: 'asc' } });
  for (const t of due) {
    const updated = await ctx.db.ticket.update({ where: { id: t.id }, data: { status: 'closed', closedAt: now, rateBy: null, updatedAt: now } });
    await recordTicketEvent(ctx, updated, { kind: 'closed', note: 'not rated in time' });
  }
}

/** When the next resolved ticket runs out of time to be rated. */
export async function nextUnratedCloseAt(ctx: AppContext): Promise<Date | null> {
  const t = await ctx.db.ticket.findFirst({ where: { status: 'resolved', rateBy: { not: null } }, orderBy: { rateBy: 'asc' }, select: { rateBy: true } });
  return t?.rateBy ?? null;
}
