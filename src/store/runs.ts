import type { Tx } from './db.js';

/**
 * Things done once (a daily digest, one voice-note hint per person a day, one question
 * about a shared location) remember it under a key. Claiming writes the key first: a
 * concurrent process fails on the unique key and its transaction rolls back.
 */
export async function hasRun(db: Tx, key: string): Promise<boolean> {
  return !!(await db.keyValue.findUnique({ where: { key } }));
}

/** True the first time this key is claimed (stamped with `at`), false after. */
export async function claimOnce(db: Tx, key: string, at: Date): Promise<boolean> {
  if (await hasRun(db, key)) return false;
  await db.keyValue.create({ data: { key, value: at.toISOString() } });
  return true;
}
