/**
 * The love bank's rows: ledger entries (a balance is their sum), the catalogue and the
 * redemptions. Stock and reservations change by conditional updates, so two writers
 * racing for the last item or the same reservation cannot both win.
 */
import type { CatalogItem, LedgerEntry, Person, Redemption } from '@prisma/client';
import type { Tx } from './db.js';

export type LedgerKind = 'checkin' | 'redeem' | 'refund' | 'adjust';
export type LedgerEntryRow = LedgerEntry;
export type CatalogItemRow = CatalogItem;
export type RedemptionRow = Redemption;
export type RedemptionWithParties = Redemption & { item: CatalogItem; person: Person };

/** A balance is the sum of the entries, never a stored number. */
export async function balanceOf(db: Tx, personId: number): Promise<number> {
  const sum = await db.ledgerEntry.aggregate({ where: { personId }, _sum: { delta: true } });
  return sum._sum.delta ?? 0;
}

/** Whether an entry with this refKey was written (an entry happens once per refKey). */
export async function ledgerRefUsed(db: Tx, refKey: string): Promise<boolean> {
  return !!(await db.ledgerEntry.findUnique({ where: { refKey }, select: { id: true } }));
}

export interface NewLedgerEntry {
  personId: number;
  delta: number;
  kind: LedgerKind;
  reason: string;
  refKey: string | null;
  actor: string | null;
  at: Date;
}

/** Writes an entry; returns it with the person it credits. */
export function insertLedgerEntry(db: Tx, e: NewLedgerEntry): Promise<LedgerEntry & { person: Person }> {
  return db.ledgerEntry.create({ data: e, include: { person: true } });
}

/** A person's latest entries, newest first. */
export function latestLedgerEntries(db: Tx, personId: number, take: number): Promise<LedgerEntryRow[]> {
  return db.ledgerEntry.findMany({ where: { personId }, orderBy: { id: 'desc' }, take });
}

export function catalogItemNamed(db: Tx, name: string): Promise<CatalogItemRow | null> {
  return db.catalogItem.findUnique({ where: { name } });
}

/** Items on offer, cheapest first. */
export function activeCatalog(db: Tx): Promise<CatalogItemRow[]> {
  return db.catalogItem.findMany({ where: { active: true }, orderBy: { cost: 'asc' } });
}

/** Adds an item or changes its cost and stock (which puts it back on offer). */
export async function putCatalogItem(db: Tx, item: { name: string; cost: number; stock: number }): Promise<void> {
  const { name, cost, stock } = item;
  await db.catalogItem.upsert({ where: { name }, create: { name, cost, stock }, update: { cost, stock, active: true } });
}

/** Takes an item off offer; false when there is no such item. */
export async function withdrawCatalogItem(db: Tx, name: string): Promise<boolean> {
  return (await db.catalogItem.updateMany({ where: { name }, data: { active: false } })).count > 0;
}

/** Takes one from stock by a conditional decrement: false when none is left. */
export async function takeOneFromStock(db: Tx, itemId: number): Promise<boolean> {
  return (await db.catalogItem.updateMany({ where: { id: itemId, stock: { gt: 0 } }, data: { stock: { decrement: 1 } } })).count > 0;
}

export function insertReservation(db: Tx, r: { personId: number; itemId: number; cost: number; createdAt: Date; expiresAt: Date }): Promise<RedemptionRow> {
  return db.redemption.create({ data: { ...r, status: 'reserved' } });
}

export function redemptionById(db: Tx, id: number): Promise<RedemptionRow | null> {
  return db.redemption.findUnique({ where: { id } });
}

export function redemptionWithParties(db: Tx, id: number): Promise<RedemptionWithParties | null> {
  return db.redemption.findUnique({ where: { id }, include: { item: true, person: true } });
}

/** Hands a live reservation over, once: false when it was issued or lapsed before. */
export async function issueReservationOnce(db: Tx, id: number, at: Date, by: string): Promise<boolean> {
  return (await db.redemption.updateMany({ where: { id, status: 'reserved' }, data: { status: 'issued', issuedAt: at, issuedBy: by } })).count > 0;
}

/** Reservations past their time, at most `take`. */
export function expiredReservations(db: Tx, now: Date, take: number): Promise<RedemptionWithParties[]> {
  return db.redemption.findMany({ where: { status: 'reserved', expiresAt: { lte: now } }, include: { item: true, person: true }, take });
}

/**
 * Lapses a reservation and returns its item to stock, once: false when a hand-over or
 * another sweep got there first.
 */
export async function lapseReservationOnce(db: Tx, r: { id: number; itemId: number }): Promise<boolean> {
  const lapsed = await db.redemption.updateMany({ where: { id: r.id, status: 'reserved' }, data: { status: 'lapsed' } });
  if (lapsed.count === 0) return false;
  await db.catalogItem.update({ where: { id: r.itemId }, data: { stock: { increment: 1 } } });
  return true;
}

/** When the next reservation lapses. */
export async function nextReservationExpiry(db: Tx): Promise<Date | null> {
  const r = await db.redemption.findFirst({ where: { status: 'reserved' }, orderBy: { expiresAt: 'asc' }, select: { expiresAt: true } });
  return r?.expiresAt ?? null;
}
