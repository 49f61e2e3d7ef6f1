/**
 * Ticket histories for reports, read in chunks by id range: each chunk is one bounded
 * query (its events with it), so a year of a county's tickets never sits in memory at
 * once and no statement carries more than a chunk's ids.
 */
import type { Db, Tx } from './db.js';
import { jsonList } from './db.js';
import { OPEN_STATUSES } from '../kernel/domain.js';

/** A ticket's history as the metrics read it: the Ticket row's few facts and its events in order. */
export interface TicketFacts {
  id: number;
  category: string;
  urgency: string;
  grid: string | null;
  status: string;
  createdAt: Date;
  /** The last rating given (the row keeps only the last one). */
  rating: number | null;
  closedAt: Date | null;
}

export interface EventFact {
  at: Date;
  kind: string;
  status: string;
  tier: string;
  assignees: string[];
  actor: string | null;
  escalated: boolean;
  note: string | null;
}

export interface TicketHistory {
  ticket: TicketFacts;
  /** In the order they were written. */
  events: EventFact[];
}

export const HISTORY_CHUNK = 2_000;

export interface HistoryFilter {
  /** [from, to): tickets created before `to` and still changing at or after `from`. */
  from: Date;
  to: Date;
  grid?: string;
  /** Also every ticket still open, whenever it was last touched. */
  open?: boolean;
  /** One community's tickets in a county's database (rows from before communities count too). */
  community?: string;
}

export async function* historyChunks(db: Db | Tx, f: HistoryFilter, size = HISTORY_CHUNK): AsyncGenerator<TicketHistory[]> {
  const inPeriod = { createdAt: { lt: f.to }, updatedAt: { gte: f.from } };
  let after = 0;
  for (;;) {
    const tickets = await db.ticket.findMany({
      where: {
        id: { gt: after },
        OR: [inPeriod, ...(f.open ? [{ status: { in: [...OPEN_STATUSES] } }] : [])],
        ...(f.grid ? { gridName: f.grid } : {}),
        ...(f.community !== undefined ? { community: { in: [f.community, ''] } } : {}),
      },
      select: {
        id: true,
        category: true,
        urgency: true,
        gridName: true,
        status: true,
        createdAt: true,
        rating: true,
        closedAt: true,
        events: {
          orderBy: { id: 'asc' },
          select: { at: true, kind: true, status: true, tier: true, assignees: true, actor: true, escalated: true, note: true },
        },
      },
      orderBy: { id: 'asc' },
      take: size,
    });
    if (tickets.length === 0) return;
    after = tickets[tickets.length - 1].id;
    yield tickets.map((t) => ({
      ticket: {
        id: t.id,
        category: t.category,
        urgency: t.urgency,
        grid: t.gridName,
        status: t.status,
        createdAt: t.createdAt,
        rating: t.rating,
        closedAt: t.closedAt,
      },
      events: t.events.map((e) => ({ ...e, assignees: jsonList(e.assignees) })),
    }));
    if (tickets.length < size) return;
  }
}
