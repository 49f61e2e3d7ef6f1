import type { Tx } from './db.js';

/**
 * Something a person started and finishes with their next message (确认 a broadcast, a
 * follow-up that gives the place): one open row per person and kind, the newest wins.
 */

/** Replaces any open action of this kind with a new one that runs out at `expiresAt`. */
export async function startPendingAction(db: Tx, a: { personId: number; kind: string; payload: unknown; now: Date; expiresAt: Date }): Promise<void> {
  await db.pendingAction.updateMany({ where: { personId: a.personId, kind: a.kind, doneAt: null }, data: { doneAt: a.now } });
  await db.pendingAction.create({
    data: { personId: a.personId, kind: a.kind, payload: JSON.stringify(a.payload), createdAt: a.now, expiresAt: a.expiresAt },
  });
}

/** The newest open action of this kind that has not run out, or undefined. */
export async function openPendingAction(db: Tx, personId: number, kind: string, now: Date): Promise<{ id: number; payload: string } | undefined> {
  const row = await db.pendingAction.findFirst({
    where: { personId, kind, doneAt: null, expiresAt: { gt: now } },
    orderBy: { id: 'desc' },
    select: { id: true, payload: true },
  });
  return row ?? undefined;
}

export async function finishPendingAction(db: Tx, id: number, now: Date): Promise<void> {
  await db.pendingAction.update({ where: { id }, data: { doneAt: now } });
}
