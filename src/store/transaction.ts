import type { Db, Tx } from './db.js';
import { inheritScope } from './scope.js';
import { directTransaction, shareLane } from './sql.js';

/**
 * Runs `work` in one transaction: everything it writes is committed together, or nothing
 * is when it throws. On SQLite the transaction takes the write lock at its start (see
 * db.ts) and runs on the direct lane (sql.ts); on PostgreSQL it is Prisma's, which first
 * takes the schema's advisory lock (postgres.ts).
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const direct = await directTransaction(db as Tx, work, (tx) => inheritScope(db, tx));
  if (direct) return direct.value;
  return db.$transaction((tx) => {
    inheritScope(db, tx);
    shareLane(db, tx);
    return work(tx);
  });
}
