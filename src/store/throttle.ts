import type { Counter } from '../abuse/limits.js';
import type { Db, Tx } from './db.js';

/** The counters behind the abuse limits (src/abuse/limits.ts decides; this only keeps them). */

export async function readCounter(tx: Tx | Db, key: string): Promise<Counter | undefined> {
  const row = await tx.throttle.findUnique({ where: { key } });
  if (!row) return undefined;
  return {
    count: row.count,
    windowStart: row.windowStart.getTime(),
    lockedUntil: row.lockedUntil?.getTime(),
    toldAt: row.toldAt?.getTime(),
  };
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
