import type { Counter } from '../kernel/counter.js';
import type { Db, Tx } from './db.js';

/** The counters behind the abuse limits (src/abuse/limits.ts decides; this only keeps them). */

type ThrottleRow = { count: number; windowStart: Date; lockedUntil: Date | null; toldAt: Date | null };

const asCounter = (row: ThrottleRow): Counter => ({
  count: row.count,
  windowStart: row.windowStart.getTime(),
  lockedUntil: row.lockedUntil?.getTime(),
  toldAt: row.toldAt?.getTime(),
});

export async function readCounter(tx: Tx | Db, key: string): Promise<Counter | undefined> {
  const row = await tx.throttle.findUnique({ where: { key } });
  return row ? asCounter(row) : undefined;
}

/** Several counters in one read; a key with no counter is absent from the map. */
export async function readCounters(tx: Tx | Db, keys: readonly string[]): Promise<Map<string, Counter>> {
  const rows = await tx.throttle.findMany({ where: { key: { in: [...keys] } } });
  return new Map(rows.map((r) => [r.key, asCounter(r)]));
}

export async function writeCounter(tx: Tx | Db, key: string, c: Counter): Promise<void> {
  const data = {
    count: c.count,
    windowStart: new Date(c.windowStart),
    lockedUntil: c.lockedUntil === undefined ? null : new Date(c.lockedUntil),
    toldAt: c.toldAt === undefined ? null : new Date(c.toldAt),
  };
  await tx.throttle.upsert({ where: { key }, create: { key, ...data }, update: data });
}

/** Forgets a counter (a right code clears the wrong tries before it). */
export async function clearCounter(tx: Tx | Db, key: string): Promise<void> {
  await tx.throttle.deleteMany({ where: { key } });
}
