import type { Tx } from './db.js';
import { Prisma } from '@prisma/client';
import { asCommunity, communityRows } from './scope.js';
import { execute, queryRows } from './sql.js';

/**
 * Something a person started and finishes with their next message (确认 a broadcast, a
 * follow-up that gives the place): only the newest row of a person and kind counts, so
 * starting one is a single insert and the rows before it are simply never read again.
 */

interface PendingRow {
  id: number;
  payload: string;
  doneAt: Date | null;
  expiresAt: Date;
}

/** Newest rows read ahead in a transaction (by the sender lookup), by person and kind; undefined where there is none. */
const primed = new WeakMap<Tx, Map<string, PendingRow | undefined>>();
const primeKey = (personId: number, kind: string) => `${personId}|${kind}`;

/** Remembers, for this transaction, the newest row of a person and kind read along with something else. */
export function primePendingAction(db: Tx, personId: number, kind: string, row: PendingRow | undefined): void {
  const known = primed.get(db) ?? new Map<string, PendingRow | undefined>();
  known.set(primeKey(personId, kind), row);
  primed.set(db, known);
}

/** Replaces any open action of this kind with a new one that runs out at `expiresAt`. */
export async function startPendingAction(db: Tx, a: { personId: number; kind: string; payload: unknown; now: Date; expiresAt: Date }): Promise<void> {
  primed.delete(db);
  const { stamp } = communityRows(db);
  await execute(db, Prisma.sql`
    INSERT INTO "PendingAction" ("community", "personId", "kind", "payload", "createdAt", "expiresAt")
    VALUES (${stamp}, ${a.personId}, ${a.kind}, ${JSON.stringify(a.payload)}, ${a.now}, ${a.expiresAt})`);
}

/** The newest action of this kind, when it is still open and has not run out; else undefined. */
export async function openPendingAction(db: Tx, personId: number, kind: string, now: Date): Promise<{ id: number; payload: string } | undefined> {
  const known = primed.get(db);
  const key = primeKey(personId, kind);
  const row = known?.has(key) ? known.get(key) : await newestPendingAction(db, personId, kind);
  if (!row || row.doneAt !== null || row.expiresAt <= now) return undefined;
  return { id: row.id, payload: row.payload };
}

async function newestPendingAction(db: Tx, personId: number, kind: string): Promise<PendingRow | null> {
  const { andMine } = communityRows(db);
  const rows = await queryRows<PendingRow>(db, Prisma.sql`
    SELECT "id", "payload", "doneAt", "expiresAt" FROM "PendingAction"
    WHERE "personId" = ${personId} AND "kind" = ${kind} ${andMine}
    ORDER BY "id" DESC LIMIT 1`);
  return rows[0] ?? null;
}

export async function finishPendingAction(db: Tx, id: number, now: Date): Promise<void> {
  primed.delete(db);
  await db.pendingAction.update({ where: { id }, data: { doneAt: now } });
}

/** Of these communities, those where the person has an open action of this kind (county staff's 确认 goes there). */
export async function communitiesAwaiting(db: Tx, personId: number, kind: string, now: Date, communities: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const community of communities) {
    // Read afresh: what the sender lookup read ahead is this community's row.
    const row = await asCommunity(community, () => newestPendingAction(db, personId, kind));
    if (row && row.doneAt === null && row.expiresAt > now) out.push(community);
  }
  return out;
}
