import type { Db, Tx } from './db.js';

/**
 * Runs `work` in one transaction: everything it writes is committed together, or nothing
 * is when it throws. On SQLite the transaction takes the write lock at its start (see db.ts).
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work);
}
