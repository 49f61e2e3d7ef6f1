import type { AppContext } from '../kernel/context.js';
import { nextTicketDeadline, ticketsOverdueToAccept, ticketsOverdueToResolve } from '../store/tickets.js';
import { climb } from './lifecycle.js';
import { SWEEP_BATCH } from '../kernel/sweep.js';

/**
 * The minute sweep: every ticket whose holder let the deadline to accept or to resolve
 * pass climbs one rung (at the top rung its holders are reminded). Safe to run twice:
 * either way the ticket has a new, later deadline. Handles at most SWEEP_BATCH tickets;
 * true when more may be overdue (the bot runs it again in a new transaction).
 */
export async function escalateOverdueTickets(ctx: AppContext): Promise<boolean> {
  const now = ctx.clock.now();
  const notAccepted = await ticketsOverdueToAccept(ctx.db, now, SWEEP_BATCH);
  for (const t of notAccepted) {
    await climb(ctx, t, { kind: 'escalated', why: '超时未签收' });
  }
  const notResolved = await ticketsOverdueToResolve(ctx.db, now, SWEEP_BATCH - notAccepted.length);
  for (const t of notResolved) {
    await climb(ctx, t, { kind: 'escalated', why: '超时未办结' });
  }
  return notAccepted.length + notResolved.length >= SWEEP_BATCH;
}

/** The earliest deadline still running: when the escalation sweep next has work. */
export function nextOverdueAt(ctx: AppContext): Promise<Date | null> {
  return nextTicketDeadline(ctx.db);
}
