/**
 * Uniqueness and locking, the parts of writing that differ between databases. Features
 * ask for an intention ("take the write lock", "serialise this person's balance"); how
 * each database gives it lives here.
 */
import type { Tx } from './db.js';

/** A write refused by a unique key: Prisma's P2002 (SQLite and PostgreSQL), or SQLite's own on the direct lane (sql.ts). */
export function isUniqueConflict(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'P2002' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Takes the database's write lock before a read-then-write, with a statement that
 * changes nothing. SQLite starts transactions deferred: if another process committed
 * since our read, SQLite refuses (our snapshot is stale) and this returns false — that
 * process has just done the work, nothing was written yet. Once we hold the lock no one
 * else writes until we commit. On PostgreSQL the transaction already holds the schema's
 * advisory lock (store/postgres.ts); the statement matches no row and returns true.
 */
export async function takeWriteLock(db: Tx): Promise<boolean> {
  try {
    await db.$executeRawUnsafe('UPDATE "Notice" SET "status" = "status" WHERE 1 = 0');
    return true;
  } catch (err) {
    if (!/SQLITE_BUSY|database is locked|SocketTimeout|P1008/i.test(`${(err as { code?: string }).code ?? ''} ${String(err)}`)) throw err;
    return false;
  }
}

/**
 * Serialises everything that reads and then changes one person's balance. A write to
 * the person's row takes its row lock on PostgreSQL (a second spender waits, then reads
 * the first one's entry) and SQLite's write lock, before the balance is read.
 */
export async function lockPerson(db: Tx, personId: number): Promise<void> {
  await db.$executeRaw`UPDATE "Person" SET "id" = "id" WHERE "id" = ${personId}`;
}
