import type { Tx } from './db.js';
import { parseTicket, type Ticket } from './tickets.js';

/** Where a report is about, as tickets store it. */
export interface PlaceKey {
  gridName: string;
  building: string | null;
  unit: string | null;
  /** Only matched for one household's private matters (a dispute, a call for help). */
  room?: string | null;
}

/**
 * Open tickets of this category at this place since `since`, oldest first: the ones a new
 * report may repeat (src/tickets/open-ticket.ts decides which one, if any, it joins).
 */
export async function openTicketsAtPlace(tx: Tx, q: { statuses: readonly string[]; category: string; place: PlaceKey; since: Date }): Promise<Ticket[]> {
  const { gridName, building, unit, room } = q.place;
  const rows = await tx.ticket.findMany({
    where: {
      status: { in: [...q.statuses] },
      category: q.category,
      gridName,
      building,
      unit,
      ...(room !== undefined ? { room } : {}),
      createdAt: { gte: q.since },
    },
    orderBy: { id: 'asc' },
    take: 20,
  });
  return rows.map(parseTicket);
}
