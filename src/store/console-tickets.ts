/**
 * The console's reads of tickets: the board with its filters and counts, one ticket with
 * its whole history, and a cheap version stamp the board polls to see new work.
 */
import type { Prisma } from '@prisma/client';
import type { Db, Tx } from './db.js';
import { OPEN_STATUSES } from '../kernel/domain.js';
import { heldBy } from './tickets.js';

/** Whose tickets a console user may see: all of them, some grids', or those they hold or held. */
export type TicketScope = { kind: 'all' } | { kind: 'grids'; grids: string[] } | { kind: 'held'; alias: string };

export interface BoardFilter {
  grid?: string;
  category?: string;
  /** A status, `open` (the default: not closed, cancelled or merged) or `all`. */
  status?: string;
  urgent?: boolean;
  /** Alias of a current holder. */
  holder?: string;
}

const ACTIVE: string[] = [...OPEN_STATUSES, 'resolved'];

export function scopeWhere(scope: TicketScope): Prisma.TicketWhereInput {
  if (scope.kind === 'all') return {};
  if (scope.kind === 'grids') return { gridName: { in: scope.grids } };
  return {
    OR: [
      heldBy(scope.alias, true),
      { events: { some: { actor: scope.alias } } },
    ],
  };
}

function filterWhere(filter: BoardFilter, withStatus: boolean): Prisma.TicketWhereInput[] {
  const and: Prisma.TicketWhereInput[] = [];
  if (filter.grid) and.push({ gridName: filter.grid });
  if (filter.category) and.push({ category: filter.category });
  if (filter.urgent) and.push({ urgency: 'urgent' });
  if (filter.holder) and.push(heldBy(filter.holder));
  if (withStatus) {
    const s = filter.status ?? 'open';
    if (s === 'open') and.push({ status: { in: ACTIVE } });
    else if (s !== 'all') and.push({ status: s });
  }
  return and;
}

export async function boardTickets(db: Db | Tx, scope: TicketScope, filter: BoardFilter, take = 300) {
  const where: Prisma.TicketWhereInput = { AND: [scopeWhere(scope), ...filterWhere(filter, true)] };
  const tickets = await db.ticket.findMany({ where, orderBy: [{ id: 'desc' }], take });
  // Counts per status ignore the status filter, so every column shows what it holds.
  const grouped = await db.ticket.groupBy({
    by: ['status'],
    where: { AND: [scopeWhere(scope), ...filterWhere(filter, false)] },
    _count: { _all: true },
  });
  const counts: Record<string, number> = {};
  for (const g of grouped) counts[g.status] = g._count._all;
  return { tickets, counts };
}

/** Changes whenever a ticket in scope is opened or changes: what the board polls. */
export async function boardVersion(db: Db | Tx, scope: TicketScope): Promise<string> {
  const agg = await db.ticket.aggregate({ where: scopeWhere(scope), _max: { id: true, updatedAt: true }, _count: { _all: true } });
  return `${agg._count._all}:${agg._max.id ?? 0}:${agg._max.updatedAt?.getTime() ?? 0}`;
}

export async function ticketInScope(db: Db | Tx, scope: TicketScope, id: number): Promise<boolean> {
  return (await db.ticket.count({ where: { AND: [{ id }, scopeWhere(scope)] } })) > 0;
}

/** One ticket with its history and the reporter's name (never their phone). */
export async function ticketWithHistory(db: Db | Tx, id: number) {
  const ticket = await db.ticket.findFirst({
    where: { id },
    include: { events: { orderBy: { id: 'asc' } }, reporter: { select: { name: true } } },
  });
  return ticket ?? undefined;
}

/** Names of people by alias, for showing holders and actors. */
export async function namesOf(db: Db | Tx, aliases: string[]): Promise<Record<string, string>> {
  if (aliases.length === 0) return {};
  const rows = await db.person.findMany({ where: { alias: { in: [...new Set(aliases)] } }, select: { alias: true, name: true } });
  return Object.fromEntries(rows.map((r) => [r.alias!, r.name]));
}
