import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { systemClock, type Clock } from '../clock.js';
import { resolveDatabaseUrl } from './database-url.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma/migrations');

/** A migration that could not be applied: which one, and SQLite's own words. */
export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    readonly reason: string,
  ) {
    super(`数据库迁移 ${migration} 失败：${reason}`);
  }
}

export interface MigrationResult {
  /** Migrations applied by this call, oldest first. */
  applied: string[];
  /** All migrations the database now has. */
  total: number;
}

/** The rows of `_prisma_migrations` that count (not rolled back). */
export const APPLIED_MIGRATIONS = 'SELECT migration_name AS name, finished_at AS finished FROM "_prisma_migrations" WHERE rolled_back_at IS NULL';

export interface AppliedMigration {
  name: string;
  finished: unknown;
}

/**
 * The migrations in `dir` that a database with these applied rows does not have yet,
 * oldest first, with their SQL. A migration started and never finished stops everything:
 * the database needs mending (or restoring) before anything more is applied.
 */
export function pendingMigrations(dir: string, rows: AppliedMigration[]): { pending: { name: string; sql: string }[]; done: number } {
  const failed = rows.find((r) => r.finished === null);
  if (failed) throw new MigrationError(failed.name, '上次执行到一半失败，请先修复数据库（或从备份恢复）再启动');
  const done = new Set(rows.map((r) => r.name));
  const pending = fs
    .readdirSync(dir)
    .filter((n) => !done.has(n) && fs.existsSync(path.join(dir, n, 'migration.sql')))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') }));
  return { pending, done: done.size };
}

/**
 * Applies the committed migrations a SQLite database does not have yet — what `prisma
 * migrate deploy` does, without its CLI and banners. It keeps Prisma's own
 * `_prisma_migrations` table, so a database upgraded here and one upgraded by the CLI
 * agree about what is applied. Each migration runs in one transaction with foreign keys
 * off (a table rebuild must not cascade deletes) and checked before commit.
 */
export function applyMigrations(url: string, options: { dir?: string; clock?: Clock } = {}): MigrationResult {
  const dir = options.dir ?? MIGRATIONS_DIR;
  const clock = options.clock ?? systemClock;
  const db = new Database(resolveDatabaseUrl(url));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
    const rows = db.prepare(APPLIED_MIGRATIONS).all() as AppliedMigration[];
    const { pending, done } = pendingMigrations(dir, rows);
    for (const m of pending) runOne(db, m.name, m.sql, clock);
    return { applied: pending.map((m) => m.name), total: done + pending.length };
  } finally {
    db.close();
  }
}

function runOne(db: Database.Database, name: string, sql: string, clock: Clock): void {
  const started = clock.now().toISOString();
  // PRAGMA foreign_keys is a no-op inside a transaction: switch it off first.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length) throw new Error(`迁移后有 ${broken.length} 行外键引用不存在的记录`);
      db.prepare(
        'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
      ).run(randomUUID(), createHash('sha256').update(sql).digest('hex'), clock.now().toISOString(), name, started);
    })();
  } catch (err) {
    throw new MigrationError(name, err instanceof Error ? err.message : String(err));
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
