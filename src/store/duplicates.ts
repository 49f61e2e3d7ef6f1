import { Prisma } from '@prisma/client';
import type { Tx } from './db.js';
import { communityRows } from './scope.js';
import { queryRows } from './sql.js';
import type { Ticket as TicketRecord } from '@prisma/client';
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
  if (q.statuses.length === 0) return [];
  // A place part left out (null) matches tickets without it, as Prisma's `{ building: null }` did.
  const same = (column: string, value: string | null) => (value === null ? Prisma.sql`AND ${Prisma.raw(`"${column}"`)} IS NULL` : Prisma.sql`AND ${Prisma.raw(`"${column}"`)} = ${value}`);
  const { andMine } = communityRows(tx);
  const rows = await queryRows<TicketRecord>(tx, Prisma.sql`
    SELECT * FROM "Ticket"
    WHERE "status" IN (${Prisma.join([...q.statuses])}) AND "category" = ${q.category} AND "gridName" = ${gridName}
      ${same('building', building)} ${same('unit', unit)} ${room !== undefined ? same('room', room) : Prisma.empty}
      AND "createdAt" >= ${q.since} ${andMine}
    ORDER BY "id" ASC LIMIT 20`);
  return rows.map(parseTicket);
}
