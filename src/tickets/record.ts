import type { AppContext } from '../kernel/context.js';
import type { BotEvent } from '../events.js';
import type { TicketEventKind } from '../kernel/domain.js';
import { jsonList } from '../store/db.js';
import { insertTicketEvent, type Ticket } from '../store/tickets.js';

export type TicketRow = Ticket;

export interface EventDetails {
  kind: TicketEventKind;
  actor?: string;
  escalated?: boolean;
  note?: string;
  into?: number;
}

/** The simulator's `ticket` event for a ticket as it now stands. */
export function ticketEvent(t: TicketRow, extra: { escalated?: boolean; into?: number } = {}): BotEvent {
  return {
    kind: 'ticket',
    id: t.id,
    status: t.status,
    category: t.category,
    urgency: t.urgency,
    tier: t.tier,
    assignees: jsonList(t.assignees),
    building: t.building,
    unit: t.unit,
    room: t.room,
    grid: t.gridName,
    ...(extra.escalated ? { escalated: true } : {}),
    ...(extra.into !== undefined ? { into: extra.into } : {}),
    reports: t.reportCount,
  };
}

const SILENT_KINDS = new Set<TicketEventKind>(['note', 'reported', 'reminded']);

/**
 * Every change to a ticket is a history row, and the event stream is made from it:
 * call this after writing the ticket, in the same transaction.
 */
export async function recordTicketEvent(ctx: AppContext, ticket: TicketRow, details: EventDetails): Promise<void> {
  await insertTicketEvent(ctx.db, {
    ticketId: ticket.id,
    at: ctx.clock.now(),
    kind: details.kind,
    status: ticket.status,
    tier: ticket.tier,
    assignees: ticket.assignees,
    actor: details.actor ?? null,
    escalated: details.escalated ?? false,
    note: details.note ?? (details.into !== undefined ? `into #${details.into}` : null),
  });
  // Notes, reminders and "another report" rows change no state the event stream shows.
  if (SILENT_KINDS.has(details.kind)) return;
  ctx.events.emit(ticketEvent(ticket, { escalated: details.escalated, into: details.into }));
}
