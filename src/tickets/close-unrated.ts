import type { AppContext } from '../kernel/context.js';
import { nextRateDeadline, ticketsUnratedPast } from '../store/tickets.js';
import { moveTicket } from './move.js';
import { SWEEP_BATCH } from '../kernel/sweep.js';

/**
 * The minute sweep for resolved tickets nobody rated within three days: they close
 * unrated. Safe to run twice: a closed ticket is no longer `resolved`. A batch at a time:
 * true when more may be due.
 */
export async function closeUnratedTickets(ctx: AppContext): Promise<boolean> {
  const due = await ticketsUnratedPast(ctx.db, ctx.clock.now(), SWEEP_BATCH);
  for (const t of due) await moveTicket(ctx, t, { kind: 'closeUnrated' }, { note: 'not rated in time' });
  return due.length >= SWEEP_BATCH;
}

/** When the next resolved ticket runs out of time to be rated. */
export function nextUnratedCloseAt(ctx: AppContext): Promise<Date | null> {
  return nextRateDeadline(ctx.db);
}
