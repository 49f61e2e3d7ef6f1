import type { Tx } from './db.js';

/**
 * Once-a-day (or once-ever) jobs remember that they ran under a key. Claiming writes the
 * key first: a concurrent process fails on the unique key and its transaction rolls back.
 */
export async function hasRun(db: Tx, key: string): Promise<boolean> {
  return !!(await db.keyValue.findUnique({ where: { key } }));
}

/** False when the key is already taken (the job ran); otherwise takes it, stamped with `at`. */
export async function claimRun(db: Tx, key: string, at: Date): Promise<boolean> {
  if (await hasRun(db, key)) return false;
  await db.keyValue.create({ data: { key, value: at.toISOString() } });
  return true;
}
