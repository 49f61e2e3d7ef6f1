import { Prisma } from '@prisma/client';
import type { Counter } from '../kernel/counter.js';
import type { Db, Tx } from './db.js';
import { execute, queryRows } from './sql.js';

/** The counters behind the abuse limits (src/abuse/limits.ts decides; this only keeps them). */

type ThrottleRow = { key: string; count: number; windowStart: Date; lockedUntil: Date | null; toldAt: Date | null };

const asCounter = (row: ThrottleRow): Counter => ({
  count: row.count,
  windowStart: row.windowStart.getTime(),
  lockedUntil: row.lockedUntil?.getTime(),
  toldAt: row.toldAt?.getTime(),
});

export async function readCounter(tx: Tx | Db, key: string): Promise<Counter | undefined> {
  return (await readCounters(tx, [key])).get(key);
}

/** Several counters in one read; a key with no counter is absent from the map. */
export async function readCounters(tx: Tx | Db, keys: readonly string[]): Promise<Map<string, Counter>> {
  if (keys.length === 0) return new Map();
  const rows = await queryRows<ThrottleRow>(tx, Prisma.sql`SELECT * FROM "Throttle" WHERE "key" IN (${Prisma.join([...keys])})`);
  return new Map(rows.map((r) => [r.key, asCounter(r)]));
}

export async function writeCounter(tx: Tx | Db, key: string, c: Counter): Promise<void> {
  await writeCounters(tx, new Map([[key, c]]));
}

/**
 * Several counters in one statement (a multi-row upsert, the same SQL on SQLite and
 * PostgreSQL): what one message changed, written just before its transaction commits.
 * Each key appears once.
 */
export async function writeCounters(tx: Tx | Db, counters: ReadonlyMap<string, Counter>): Promise<void> {
  if (counters.size === 0) return;
  const date = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));
  const rows = [...counters].map(([key, c]) => Prisma.sql`(${key}, ${c.count}, ${new Date(c.windowStart)}, ${date(c.lockedUntil)}, ${date(c.toldAt)})`);
  await execute(tx, Prisma.sql`
    INSERT INTO "Throttle" ("key", "count", "windowStart", "lockedUntil", "toldAt") VALUES ${Prisma.join(rows)}
    ON CONFLICT ("key") DO UPDATE SET "count" = excluded."count", "windowStart" = excluded."windowStart",
      "lockedUntil" = excluded."lockedUntil", "toldAt" = excluded."toldAt"`);
}

/** Forgets a counter (a right code clears the wrong tries before it). */
export async function clearCounter(tx: Tx | Db, key: string): Promise<void> {
  await tx.throttle.deleteMany({ where: { key } });
}
