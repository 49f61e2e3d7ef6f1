/**
 * PostgreSQL behind the same door as SQLite: `DATABASE_URL=postgresql://…` selects it.
 * The client is generated from the derived schema (schema-source.ts) and loaded only
 * when a PostgreSQL URL is given, so a SQLite installation never touches it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@prisma/client';
import type { PrismaPg } from '@prisma/adapter-pg';
import type pgModule from 'pg';
import { systemClock, type Clock } from '../clock.js';
import { POSTGRES_CLIENT_MODULE, POSTGRES_MIGRATIONS } from './schema-source.js';
import type { MigrationResult } from './migrate.js';
import { APPLIED_MIGRATIONS, MigrationError, pendingMigrations, type AppliedMigration } from './migrate.js';

const require = createRequire(import.meta.url);
export const POSTGRES_MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..', POSTGRES_MIGRATIONS);

export interface PostgresTarget {
  /** The URL pg connects with (without Prisma's `schema` parameter). */
  connectionString: string;
  /** The schema the bot's tables live in (`?schema=` of the URL, else `public`). */
  schema: string;
}

/** Splits Prisma's `?schema=name` off a PostgreSQL URL; a bad schema name is refused. */
export function postgresTarget(url: string): PostgresTarget {
  const parsed = new URL(url.trim());
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`数据库地址里的 schema 名不合法：${schema}（只能用字母、数字和下划线）`);
  }
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

/** The same URL with another schema: the simulator's and the tests' own fresh schema. */
export function withSchema(url: string, schema: string): string {
  const parsed = new URL(url.trim());
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

function pg(): typeof pgModule {
  return require('pg') as typeof pgModule;
}

/** The connection option that puts a session on the schema's tables. */
const searchPath = (schema: string) => `-c search_path="${schema}"`;

/**
 * A pg client connected to the URL's database with its search path on the URL's schema
 * (which may not exist yet: it applies once created). The caller ends it.
 */
export async function postgresClient(url: string): Promise<pgModule.Client> {
  const { connectionString, schema } = postgresTarget(url);
  const client = new (pg().Client)({ connectionString, options: searchPath(schema) });
  await client.connect();
  return client;
}

/** One number per schema for PostgreSQL's advisory locks (the "write lock" of SQLite). */
function lockKey(schema: string): number {
  return createHash('sha256').update(`gridbot:${schema}`).digest().readInt32BE(0);
}

/**
 * A Prisma client on PostgreSQL. Every transaction first takes the schema's advisory
 * lock, so write transactions queue one after another exactly as SQLite's `BEGIN
 * IMMEDIATE` makes them do — across processes too. Reads outside transactions do not wait.
 */
export function openPostgres(url: string): PrismaClient {
  const { connectionString, schema } = postgresTarget(url);
  let Client: typeof PrismaClient;
  try {
    Client = (require(POSTGRES_CLIENT_MODULE) as { PrismaClient: typeof PrismaClient }).PrismaClient;
  } catch {
    throw new Error('PostgreSQL 的数据库客户端还没有生成：请先运行 npm ci（或 npm run postinstall）');
  }
  const { PrismaPg: Adapter } = require('@prisma/adapter-pg') as { PrismaPg: typeof PrismaPg };
  const pool = new (pg().Pool)({ connectionString, options: searchPath(schema), max: 10 });
  const factory = new Adapter(pool, { schema, disposeExternalPool: true });
  const connect = factory.connect.bind(factory);
  const key = lockKey(schema);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolation) => {
      const tx = await start(isolation);
      await tx.executeRaw({ sql: `SELECT pg_advisory_xact_lock(${key})`, args: [], argTypes: [] });
      return tx;
    };
    return adapter;
  };
  return new Client({ adapter: factory, transactionOptions: { maxWait: 20_000, timeout: 60_000 } });
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies the committed PostgreSQL migrations the schema does not have yet, each in one
 * transaction (PostgreSQL's DDL is transactional: a failed migration leaves nothing
 * half-done). A session advisory lock lets several processes start at once safely.
 * Keeps Prisma's `_prisma_migrations` table, as the SQLite runner does.
 */
export async function applyPostgresMigrations(
  url: string,
  options: { dir?: string; clock?: Clock } = {},
): Promise<MigrationResult> {
  const dir = options.dir ?? POSTGRES_MIGRATIONS_DIR;
  const clock = options.clock ?? systemClock;
  const { schema } = postgresTarget(url);
  const client = await postgresClient(url);
  const key = lockKey(schema);
  try {
    // Lock first: two `CREATE SCHEMA IF NOT EXISTS` at once can still collide.
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    await client.query(MIGRATIONS_TABLE);
    const { pending, done } = pendingMigrations(dir, (await client.query<AppliedMigration>(APPLIED_MIGRATIONS)).rows);
    const applied: string[] = [];
    for (const { name, sql } of pending) {
      const started = clock.now();
      try {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, $5, 1)',
          [randomUUID(), createHash('sha256').update(sql).digest('hex'), clock.now(), name, started],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationError(name, err instanceof Error ? err.message : String(err));
      }
      applied.push(name);
    }
    return { applied, total: done + applied.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    await client.end();
  }
}

/** Removes a schema and everything in it (the simulator's and tests' own schemas). */
export async function dropSchema(url: string): Promise<void> {
  const { schema } = postgresTarget(url);
  if (schema === 'public') throw new Error('refusing to drop the public schema');
  const client = await postgresClient(url);
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
