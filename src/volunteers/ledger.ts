import type { AppContext } from '../kernel/context.js';
import { conflict } from '../errors.js';
import { balanceOf, insertLedgerEntry, ledgerRefUsed, type LedgerKind } from '../store/ledger.js';
import { lockPerson } from '../store/locks.js';
import { personKey } from './people.js';

export { balanceOf } from '../store/ledger.js';

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
 * Adds one ledger entry and emits its `points` event. Refuses (nothing written) a
 * spend the balance does not cover; returns undefined when the refKey was used before.
 * The person is locked first, so the balance read is the serialised one.
 */
export async function appendLedgerEntry(ctx: AppContext, w: LedgerWrite): Promise<{ balance: number; entryId: number } | undefined> {
  await lockPerson(ctx.db, w.personId);
  if (w.refKey && (await ledgerRefUsed(ctx.db, w.refKey))) return undefined;
  const before = await balanceOf(ctx.db, w.personId);
  const balance = before + w.delta;
  if (balance < 0) throw conflict(`积分不足：当前 ${before} 分，需要 ${-w.delta} 分。`);
  const entry = await insertLedgerEntry(ctx.db, {
    personId: w.personId,
    delta: w.delta,
    kind: w.kind,
    reason: w.reason,
    refKey: w.refKey ?? null,
    actor: w.actor ?? null,
    at: ctx.clock.now(),
  });
  ctx.events.emit({ kind: 'points', who: personKey(entry.person), delta: w.delta, balance, reason: w.reason });
  return { balance, entryId: entry.id };
}
