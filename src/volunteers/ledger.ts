import type { AppContext } from '../app/context.js';
import { conflict } from '../errors.js';
import type { Tx } from '../store/db.js';
import { personKey } from './people.js';

export type LedgerKind = 'checkin' | 'redeem' | 'refund' | 'adjust';

export interface LedgerWrite {
  personId: number;
  delta: number;
  kind: LedgerKind;
  reason: string;
  /** Makes the entry happen once, whoever asks and however often (checkin:A1:5). */
  refKey?: string;
  /** Who caused it (alias), for the record. */
  actor?: string;
}

/**
 * Serialises everything that reads and then changes one person's balance. A write to
 * the person's row takes its row lock on PostgreSQL (a second spender waits, then reads
 * the first one's entry) and SQLite's write lock before the balance is read.
 */
export async function lockPerson(tx: Tx, personId: number): Promise<void> {
  await tx.$executeRaw`UPDATE "Person" SET "id" = "id" WHERE "id" = ${personId}`;
}

/** A balance is the sum of the entries, never a stored number. */
export async function balanceOf(tx: Tx, personId: number): Promise<number> {
  const sum = await tx.ledgerEntry.aggregate({ where: { personId }, _sum: { delta: true } });
  return sum._sum.delta ?? 0;
}

/**
 * Adds one ledger entry and emits its `points` event. Refuses (nothing written) a
 * spend the balance does not cover; returns undefined when the refKey was used before.
 */
export async function appendLedgerEntry(ctx: AppContext, w: LedgerWrite): Promise<{ balance: number; entryId: number } | undefined> {
  await lockPerson(ctx.db, w.personId);
  if (w.refKey && (await ctx.db.ledgerEntry.findUnique({ where: { refKey: w.refKey }, select: { id: true } }))) return undefined;
  const before = await balanceOf(ctx.db, w.personId);
  const balance = before + w.delta;
  if (balance < 0) throw conflict(`积分不足：当前 ${before} 分，需要 ${-w.delta} 分。`);
  const entry = await ctx.db.ledgerEntry.create({
    data: { personId: w.personId, delta: w.delta, kind: w.kind, reason: w.reason, refKey: w.refKey ?? null, actor: w.actor ?? null, at: ctx.clock.now() },
    include: { person: true },
  });
  ctx.events.emit({ kind: 'points', who: personKey(entry.person), delta: w.delta, balance, reason: w.reason });
  return { balance, entryId: entry.id };
}
