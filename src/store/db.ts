import Database from 'better-sqlite3';
import { PrismaClient, Prisma } from '@prisma/client';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { isPostgresUrl, resolveDatabaseUrl } from './database-url.js';
import { applyMigrations, type MigrationResult } from './migrate.js';
import { applyPostgresMigrations, openPostgres } from './postgres.js';

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
  const adapter = immediateTransactions(new PrismaBetterSQLite3({ url: file, timeout: 10_000 }));
  return new PrismaClient({
    adapter,
    transactionOptions: { maxWait: 20_000, timeout: 60_000 },
  });
}

type AdapterFactory = PrismaBetterSQLite3;

let statementListener: ((sql: string) => void) | undefined;

/** Hears every SQL statement the bot's clients prepare (for the query-plan test); undefined stops. */
export function listenToStatements(listener: ((sql: string) => void) | undefined): void {
  statementListener = listener;
}

/**
 * Makes every transaction `BEGIN IMMEDIATE`: it takes the write lock at the start and
 * waits (busy timeout) for another process's writer to finish. With the adapter's plain
 * `BEGIN`, two processes that read then write fail at once with SQLITE_BUSY instead of
 * waiting their turn — capacity checks and notice posts must queue, not fail.
 */
function immediateTransactions(factory: AdapterFactory): AdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: Database.Database }).client;
    // WAL with synchronous=NORMAL: a commit survives the process being killed; only a
    // power cut can undo the last moments, and it halves the time to handle a message.
    client.pragma('synchronous = NORMAL');
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => {
      statementListener?.(sql);
      return prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql);
    }) as typeof client.prepare;
    return adapter;
  };
  return factory;
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
