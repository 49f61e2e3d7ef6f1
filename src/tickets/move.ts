import type { AppContext } from '../kernel/context.js';
import { conflict } from '../errors.js';
import { applyTicketPatch, type Ticket } from '../store/tickets.js';
import { deadlinePolicy } from './deadlines.js';
import { STATUS_LABELS } from './messages.js';
import { recordTicketEvent, type EventDetails } from './record.js';
import { nextTicketState, type TicketAction } from './state-machine.js';

/**
 * The one way a ticket changes state: the state machine says whether the move is allowed
 * and what it writes, the store writes it, and the history row (and the event stream)
 * records it. Callers check first and refuse with their own words; this refuses anything
 * they missed.
 */
export async function moveTicket(ctx: AppContext, t: Ticket, action: TicketAction, details: Omit<EventDetails, 'kind'> = {}): Promise<Ticket> {
  const move = nextTicketState(t, action, deadlinePolicy(ctx.org.org, ctx.config.timeZone), ctx.clock.now());
  if (!move) throw conflict(`工单 #${t.id} ${STATUS_LABELS[t.status]}，不能这样办理。`);
  const updated = await applyTicketPatch(ctx.db, t.id, move.patch);
  await recordTicketEvent(ctx, updated, { ...details, kind: move.event });
  return updated;
}
