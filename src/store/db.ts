import Database from 'better-sqlite3';
import { PrismaClient, Prisma } from '@prisma/client';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { isPostgresUrl, resolveDatabaseUrl } from './database-url.js';
import { applyMigrations, type MigrationResult } from './migrate.js';
import { applyPostgresMigrations, openPostgres } from './postgres.js';
import { attachLane, heard, insideDirectTransaction, SqliteLane } from './sql.js';

export { applyMigrations, MigrationError } from './migrate.js';

/** Brings either database up to the committed migrations (SQLite file or PostgreSQL URL). */
export async function migrateDatabase(url: string | undefined): Promise<MigrationResult> {
  if (isPostgresUrl(url)) return applyPostgresMigrations(url!.trim());
  return applyMigrations(url ?? '');
}

export type Db = PrismaClient;
/** What use-cases receive: the client itself or the transaction they run in. */
export type Tx = Prisma.TransactionClient;

export function openDatabase(url: string | undefined): Db {
  if (isPostgresUrl(url)) return openPostgres(url!.trim());
  const file = resolveDatabaseUrl(url);
  // WAL lets a second bot process read while one writes; busy timeout makes writers wait, not fail.
  if (file !== ':memory:') {
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.close();
  }
  const lane = new SqliteLane();
  const adapter = immediateTransactions(new PrismaBetterSQLite3({ url: file, timeout: 10_000 }), lane);
  const client = new PrismaClient({
    adapter,
    transactionOptions: { maxWait: 20_000, timeout: 60_000 },
  });
  attachLane(client, lane);
  return client;
}

type AdapterFactory = PrismaBetterSQLite3;

export { listenToStatements } from './sql.js';

type Transaction = Awaited<ReturnType<Awaited<ReturnType<AdapterFactory['connect']>>['startTransaction']>>;

/**
 * Makes every transaction `BEGIN IMMEDIATE`: it takes the write lock at the start and
 * waits (busy timeout) for another process's writer to finish. With the adapter's plain
 * `BEGIN`, two processes that read then write fail at once with SQLITE_BUSY instead of
 * waiting their turn — capacity checks and notice posts must queue, not fail.
 */
function immediateTransactions(factory: AdapterFactory, lane: SqliteLane): AdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: Database.Database }).client;
    // WAL with synchronous=NORMAL: a commit survives the process being killed; only a
    // power cut can undo the last moments, and it halves the time to handle a message.
    client.pragma('synchronous = NORMAL');
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => {
      heard(sql);
      return prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql);
    }) as typeof client.prepare;
    lane.opened(client, prepare);
    // Prisma's own transactions share the connection with the direct lane's (store/sql.ts):
    // inside one of those they become savepoints; outside, they wait their turn.
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolation) => {
      if (insideDirectTransaction(lane)) return nestedTransaction(adapter, lane.savepoint());
      const release = await lane.turns.take();
      try {
        const tx = await start(isolation);
        const commit = tx.commit.bind(tx);
        const rollback = tx.rollback.bind(tx);
        tx.commit = () => commit().finally(release);
        tx.rollback = () => rollback().finally(release);
        return tx;
      } catch (err) {
        release();
        throw err;
      }
    };
    return adapter;
  };
  return factory;
}

/** A transaction Prisma starts inside a direct one: its statements run on the connection, its end is the savepoint's. */
function nestedTransaction(adapter: Awaited<ReturnType<AdapterFactory['connect']>>, savepoint: { release(): void; undo(): void }): Transaction {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    options: { usePhantomQuery: true },
    queryRaw: (q) => adapter.queryRaw(q),
    executeRaw: (q) => adapter.executeRaw(q),
    commit: async () => savepoint.release(),
    rollback: async () => savepoint.undo(),
  } as Transaction;
}

/** Parses a JSON text column holding a list of strings. */
export function jsonList(value: string | null | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}
