import { Prisma, type Ticket as TicketRecord } from '@prisma/client';
import {
  AWAITING_ACCEPT,
  isCategory,
  isTicketStatus,
  isTier,
  isUrgency,
  OPEN_STATUSES,
  type Category,
  type TicketEventKind,
  type TicketStatus,
  type Tier,
  type Urgency,
} from '../kernel/domain.js';
import type { Tx } from './db.js';
import { communityRows } from './scope.js';
import { execute, queryRows } from './sql.js';

/** A ticket as features see it: the stored row with its domain words checked. */
export type Ticket = Omit<TicketRecord, 'status' | 'category' | 'urgency' | 'tier'> & {
  status: TicketStatus;
  category: Category;
  urgency: Urgency;
  tier: Tier;
};

/**
 * The store boundary for tickets: a row whose status, category, urgency or tier is none
 * of the domain's words is a broken database, refused loudly rather than cast.
 */
export function parseTicket(row: TicketRecord): Ticket {
  const { status, category, urgency, tier } = row;
  if (!isTicketStatus(status)) throw new Error(`ticket #${row.id}: unknown status "${status}"`);
  if (!isCategory(category)) throw new Error(`ticket #${row.id}: unknown category "${category}"`);
  if (!isUrgency(urgency)) throw new Error(`ticket #${row.id}: unknown urgency "${urgency}"`);
  if (!isTier(tier)) throw new Error(`ticket #${row.id}: unknown tier "${tier}"`);
  return { ...row, status, category, urgency, tier };
}

const parseAll = (rows: TicketRecord[]) => rows.map(parseTicket);

/** A ticket by its number (numbers count per community: the client is scoped to one, see scope.ts). */
export async function ticketById(db: Tx, id: number): Promise<Ticket | null> {
  const { andMine } = communityRows(db);
  const rows = await queryRows<TicketRecord>(db, Prisma.sql`
    SELECT * FROM "Ticket" WHERE "id" = ${id} ${andMine} ORDER BY "rowId" LIMIT 1`);
  return rows[0] ? parseTicket(rows[0]) : null;
}

/** The row key of a ticket by its number, for a write to exactly that row. */
async function rowOf(db: Tx, id: number): Promise<{ rowId: number }> {
  const row = await db.ticket.findFirst({ where: { id }, select: { rowId: true } });
  if (!row) throw new Error(`ticket #${id} not found`);
  return row;
}

/** What a new ticket row holds; the state machine gives its status and clocks. */
export interface NewTicket {
  status: TicketStatus;
  community: string;
  category: Category;
  urgency: Urgency;
  tier: Tier;
  step: number;
  holders: readonly string[];
  told?: readonly string[];
  gridName: string | null;
  building: string | null;
  unit: string | null;
  room: string | null;
  text: string;
  sourceRoom: string | null;
  reporterId: number;
  inboundId: number | null;
  createdAt: Date;
  assignedAt: Date;
  acceptBy?: Date | null;
  mergedIntoId?: number | null;
}

/**
 * A new ticket takes the next number of its community, in the statement that inserts it
 * (the same SQL on SQLite and PostgreSQL). Callers hold the write lock (a transaction:
 * SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock), so two processes never take the
 * same number; the unique (community, number) key refuses it if they did. The row
 * returned is built from what was written: only its key and number come back.
 */
export async function insertTicket(db: Tx, t: NewTicket): Promise<Ticket> {
  const row: Omit<TicketRecord, 'rowId' | 'id'> = {
    status: t.status,
    category: t.category,
    urgency: t.urgency,
    tier: t.tier,
    step: t.step,
    assignees: JSON.stringify(t.holders),
    told: JSON.stringify(t.told ?? []),
    gridName: t.gridName,
    building: t.building,
    unit: t.unit,
    room: t.room,
    text: t.text,
    sourceRoom: t.sourceRoom,
    reporterId: t.reporterId,
    inboundId: t.inboundId,
    reportCount: 1,
    createdAt: t.createdAt,
    updatedAt: t.createdAt,
    assignedAt: t.assignedAt,
    acceptBy: t.acceptBy ?? null,
    acceptedAt: null,
    resolveBy: null,
    resolvedAt: null,
    resolution: null,
    rateBy: null,
    rating: null,
    ratingComment: null,
    closedAt: null,
    mergedIntoId: t.mergedIntoId ?? null,
    community: t.community,
  };
  const keys = await queryRows<{ rowId: number | bigint; id: number | bigint }>(db, Prisma.sql`
    INSERT INTO "Ticket" ("id", "status", "category", "urgency", "tier", "step", "assignees", "told", "gridName", "building", "unit", "room",
      "text", "sourceRoom", "reporterId", "inboundId", "reportCount", "createdAt", "updatedAt", "assignedAt", "acceptBy", "mergedIntoId", "community")
    VALUES ((SELECT COALESCE(MAX("id"), 0) + 1 FROM "Ticket" WHERE "community" = ${row.community}),
      ${row.status}, ${row.category}, ${row.urgency}, ${row.tier}, ${row.step}, ${row.assignees}, ${row.told}, ${row.gridName}, ${row.building}, ${row.unit}, ${row.room},
      ${row.text}, ${row.sourceRoom}, ${row.reporterId}, ${row.inboundId}, ${row.reportCount}, ${row.createdAt}, ${row.updatedAt}, ${row.assignedAt}, ${row.acceptBy}, ${row.mergedIntoId}, ${row.community})
    RETURNING "rowId", "id"`);
  const key = keys[0]!;
  const rowId = Number(key.rowId);
  await addHolders(db, rowId, t.community, [...new Set(t.holders)]);
  return parseTicket({ ...row, rowId, id: Number(key.id) });
}

/**
 * Keeps the TicketHolder rows in step with a ticket's new holders: those no longer holding
 * it stay as past holders (`current` false), returning ones become current again.
 */
async function setHolders(db: Tx, ticket: { rowId: number; community: string }, holders: readonly string[]): Promise<void> {
  const wanted = new Set(holders);
  const rows = await db.ticketHolder.findMany({ where: { ticketRowId: ticket.rowId }, select: { alias: true, current: true } });
  const known = new Set(rows.map((r) => r.alias));
  const retire = rows.filter((r) => r.current && !wanted.has(r.alias)).map((r) => r.alias);
  const revive = rows.filter((r) => !r.current && wanted.has(r.alias)).map((r) => r.alias);
  const add = [...wanted].filter((a) => !known.has(a));
  if (retire.length > 0) await db.ticketHolder.updateMany({ where: { ticketRowId: ticket.rowId, alias: { in: retire } }, data: { current: false } });
  if (revive.length > 0) await db.ticketHolder.updateMany({ where: { ticketRowId: ticket.rowId, alias: { in: revive } }, data: { current: true } });
  await addHolders(db, ticket.rowId, ticket.community, add);
}

/** New holders of a ticket, current from now. */
async function addHolders(db: Tx, ticketRowId: number, community: string, aliases: string[]): Promise<void> {
  if (aliases.length === 0) return;
  const rows = aliases.map((alias) => Prisma.sql`(${ticketRowId}, ${alias}, ${true}, ${community})`);
  await execute(db, Prisma.sql`INSERT INTO "TicketHolder" ("ticketRowId", "alias", "current", "community") VALUES ${Prisma.join(rows)}`);
}

/**
 * The columns a move of the state machine writes (src/tickets/state-machine.ts): the only
 * way a ticket's status, holders or deadlines change.
 */
export interface TicketPatch {
  status?: TicketStatus;
  step?: number;
  tier?: Tier;
  holders?: readonly string[];
  told?: readonly string[];
  assignedAt?: Date;
  acceptBy?: Date | null;
  acceptedAt?: Date | null;
  resolveBy?: Date | null;
  resolvedAt?: Date;
  resolution?: string;
  rateBy?: Date | null;
  rating?: number;
  ratingComment?: string | null;
  closedAt?: Date;
  updatedAt?: Date;
}

export async function applyTicketPatch(db: Tx, id: number, patch: TicketPatch): Promise<Ticket> {
  const { holders, told, ...rest } = patch;
  const row = await db.ticket.update({
    where: await rowOf(db, id),
    data: {
      ...rest,
      ...(holders ? { assignees: JSON.stringify(holders) } : {}),
      ...(told ? { told: JSON.stringify(told) } : {}),
    },
  });
  if (holders) await setHolders(db, row, holders);
  return parseTicket(row);
}

/** Another resident (or the same one again) reported what the ticket is about. */
export async function countAnotherReport(db: Tx, id: number, sameReporter: boolean, now: Date): Promise<Ticket> {
  const { andMine } = communityRows(db);
  const rows = await queryRows<TicketRecord>(db, Prisma.sql`
    UPDATE "Ticket" SET "reportCount" = "reportCount" + ${sameReporter ? 0 : 1}, "updatedAt" = ${now}
    WHERE "id" = ${id} ${andMine} RETURNING *`);
  if (!rows[0]) throw new Error(`ticket #${id} not found`);
  return parseTicket(rows[0]);
}

/** A follow-up completed where the ticket is, or showed it is urgent. */
export async function completeTicketPlace(
  db: Tx,
  id: number,
  change: { gridName?: string; building: string | null; unit: string | null; room: string | null; urgency: Urgency; updatedAt: Date },
): Promise<Ticket> {
  return parseTicket(await db.ticket.update({ where: await rowOf(db, id), data: change }));
}

/** Tickets this alias holds now (`ever`: or held before), read from the TicketHolder rows. */
export const heldBy = (alias: string, ever = false) => ({ holders: { some: ever ? { alias } : { alias, current: true } } });

/** Open tickets a person holds, oldest first. */
export async function openTicketsHeldBy(db: Tx, alias: string, opts: { awaitingAcceptOnly?: boolean; take: number }): Promise<Ticket[]> {
  const rows = await db.ticket.findMany({
    where: { status: { in: [...(opts.awaitingAcceptOnly ? AWAITING_ACCEPT : OPEN_STATUSES)] }, ...heldBy(alias) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: opts.take,
  });
  return parseAll(rows);
}

/** A resident's most recent tickets, newest first. */
export async function ticketsReportedBy(db: Tx, personId: number, take: number): Promise<Ticket[]> {
  return parseAll(await db.ticket.findMany({ where: { reporterId: personId }, orderBy: { id: 'desc' }, take }));
}

export function countTicketsReportedBy(db: Tx, personId: number): Promise<number> {
  return db.ticket.count({ where: { reporterId: personId } });
}

/**
 * The resident's most recent ticket still being worked on: what a progress question
 * without a ticket number (那个路灯弄好了没) most likely refers to. Null when none is open.
 */
export async function latestOpenTicketReportedBy(db: Tx, personId: number): Promise<Ticket | null> {
  const row = await db.ticket.findFirst({ where: { reporterId: personId, status: { in: [...OPEN_STATUSES] } }, orderBy: { id: 'desc' } });
  return row ? parseTicket(row) : null;
}

/** Open tickets whose holders let the deadline to accept pass, the longest overdue first. */
export async function ticketsOverdueToAccept(db: Tx, now: Date, take: number): Promise<Ticket[]> {
  if (take <= 0) return [];
  return parseAll(
    await db.ticket.findMany({ where: { status: { in: [...AWAITING_ACCEPT] }, acceptBy: { lte: now } }, orderBy: { acceptBy: 'asc' }, take }),
  );
}

/** Accepted tickets whose holders let the deadline to resolve pass, the longest overdue first. */
export async function ticketsOverdueToResolve(db: Tx, now: Date, take: number): Promise<Ticket[]> {
  if (take <= 0) return [];
  return parseAll(await db.ticket.findMany({ where: { status: 'accepted', resolveBy: { lte: now } }, orderBy: { resolveBy: 'asc' }, take }));
}

/** The earliest deadline to accept or to resolve still running. */
export async function nextTicketDeadline(db: Tx): Promise<Date | null> {
  const [accept, resolve] = await Promise.all([
    db.ticket.findFirst({ where: { status: { in: [...AWAITING_ACCEPT] }, acceptBy: { not: null } }, orderBy: { acceptBy: 'asc' }, select: { acceptBy: true } }),
    db.ticket.findFirst({ where: { status: 'accepted', resolveBy: { not: null } }, orderBy: { resolveBy: 'asc' }, select: { resolveBy: true } }),
  ]);
  const times = [accept?.acceptBy, resolve?.resolveBy].filter((d): d is Date => !!d);
  return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
}

/** Resolved tickets nobody rated in time, the oldest deadline first. */
export async function ticketsUnratedPast(db: Tx, now: Date, take: number): Promise<Ticket[]> {
  return parseAll(await db.ticket.findMany({ where: { status: 'resolved', rateBy: { lte: now } }, orderBy: { rateBy: 'asc' }, take }));
}

/** When the next resolved ticket runs out of time to be rated. */
export async function nextRateDeadline(db: Tx): Promise<Date | null> {
  const t = await db.ticket.findFirst({ where: { status: 'resolved', rateBy: { not: null } }, orderBy: { rateBy: 'asc' }, select: { rateBy: true } });
  return t?.rateBy ?? null;
}

/** One row of a ticket's history. */
export interface TicketEventRow {
  ticketId: number;
  at: Date;
  kind: TicketEventKind;
  status: TicketStatus;
  tier: Tier;
  assignees: string;
  actor: string | null;
  escalated: boolean;
  note: string | null;
}

export async function insertTicketEvent(db: Tx, e: TicketEventRow): Promise<void> {
  const { stamp } = communityRows(db);
  await execute(db, Prisma.sql`
    INSERT INTO "TicketEvent" ("community", "ticketId", "at", "kind", "status", "tier", "assignees", "actor", "escalated", "note")
    VALUES (${stamp}, ${e.ticketId}, ${e.at}, ${e.kind}, ${e.status}, ${e.tier}, ${e.assignees}, ${e.actor}, ${e.escalated}, ${e.note})`);
}

/** How often the holders were reminded since they were given the ticket. */
export function countRemindersSince(db: Tx, ticketId: number, since: Date): Promise<number> {
  return db.ticketEvent.count({ where: { ticketId, kind: 'reminded', at: { gte: since } } });
}
