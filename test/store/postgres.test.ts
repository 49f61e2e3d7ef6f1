/**
 * PostgreSQL beside SQLite: the same schema from one source, the same migrations, the
 * same bot behaviour (simulator events identical), and writes that queue like SQLite's.
 * Runs against the machine's PostgreSQL (`.ci/run` starts it where it is absent); the
 * URL can be changed with GRIDBOT_TEST_POSTGRES.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { literalsWithSemicolon, postgresSchemaFrom, POSTGRES_SCHEMA, SQLITE_SCHEMA } from '../../src/store/schema-source.js';
import { applyPostgresMigrations, dropSchema, openPostgres, postgresClient, postgresTarget, withSchema } from '../../src/store/postgres.js';
import { tempDatabaseUrl } from '../support/db.js';
import { resolveDatabaseUrl } from '../../src/store/database-url.js';
import { readFixture, repoRoot, runScript, withoutCheckInCodes } from '../support/sim.js';

const BASE = process.env.GRIDBOT_TEST_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432/test';
const schemas: string[] = [];

function freshSchema(tag: string): string {
  const url = withSchema(BASE, `gridbot_test_${tag}_${process.pid}_${schemas.length}`);
  schemas.push(url);
  return url;
}

afterAll(async () => {
  for (const url of schemas) await dropSchema(url);
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, args: unknown[] = []): Promise<T[]> {
  const client = await postgresClient(url);
  try {
    return (await client.query<T>(sql, args)).rows;
  } finally {
    await client.end();
  }
}

describe('one schema source', () => {
  it('the committed PostgreSQL schema is the one derived from prisma/schema.prisma', () => {
    const derived = postgresSchemaFrom(fs.readFileSync(path.join(repoRoot, SQLITE_SCHEMA), 'utf8'));
    expect(fs.readFileSync(path.join(repoRoot, POSTGRES_SCHEMA), 'utf8')).toBe(derived);
  });

  it('both sets of migrations build the same tables, columns and indexes', async () => {
    const url = freshSchema('shape');
    const { schema } = postgresTarget(url);
    await applyPostgresMigrations(url);
    const sqlite = new Database(resolveDatabaseUrl(tempDatabaseUrl()));
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((t) => t.name);
    const sqliteShape = tables
      .flatMap((t) => (sqlite.prepare(`PRAGMA table_info("${t}")`).all() as { name: string; notnull: number; pk: number }[]).map((c) => `${t}.${c.name}${c.notnull || c.pk ? '!' : ''}`))
      .filter((c) => !c.startsWith('_prisma_migrations.'))
      .sort();
    const sqliteIndexes = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[])
      .map((i) => i.name)
      .sort();
    sqlite.close();
    const columns = await query<{ c: string }>(
      url,
      `SELECT table_name || '.' || column_name || CASE WHEN is_nullable = 'NO' THEN '!' ELSE '' END AS c
         FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_prisma_migrations'`,
      [schema],
    );
    const indexes = await query<{ name: string }>(url, `SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1 AND indexname NOT LIKE '%_pkey'`, [schema]);
    expect(columns.map((r) => r.c).sort()).toEqual(sqliteShape);
    expect(indexes.map((r) => r.name).sort()).toEqual(sqliteIndexes);
  });

  it('every PostgreSQL migration has a SQLite twin of the same name, and no literal holds a `;`', () => {
    const names = (dir: string) => fs.readdirSync(path.join(repoRoot, dir)).filter((d) => fs.existsSync(path.join(repoRoot, dir, d, 'migration.sql')));
    const sqlite = new Set(names('prisma/migrations'));
    const postgres = names('prisma/postgresql/migrations');
    // The first PostgreSQL migration is the baseline of every SQLite step before it.
    for (const name of postgres.slice(1)) expect(sqlite.has(name), name).toBe(true);
    for (const name of postgres) {
      const sql = fs.readFileSync(path.join(repoRoot, 'prisma/postgresql/migrations', name, 'migration.sql'), 'utf8');
      expect(literalsWithSemicolon(sql)).toEqual([]);
    }
  });
});

describe('migrations on PostgreSQL', () => {
  it('apply once: a second run and a concurrent run apply nothing twice', async () => {
    const url = freshSchema('migrate');
    const [a, b] = await Promise.all([applyPostgresMigrations(url), applyPostgresMigrations(url)]);
    expect(a.applied.length + b.applied.length).toBe(a.total);
    expect((await applyPostgresMigrations(url)).applied).toEqual([]);
    const rows = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "${postgresTarget(url).schema}"."_prisma_migrations"`);
    expect(Number(rows[0]!.n)).toBe(a.total);
  });

  it('a failed migration is named, rolled back, and stops the next start', async () => {
    const url = freshSchema('broken');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridbot-pg-migrations-'));
    try {
      fs.mkdirSync(path.join(dir, '1_ok'));
      fs.writeFileSync(path.join(dir, '1_ok', 'migration.sql'), 'CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);');
      fs.mkdirSync(path.join(dir, '2_bad'));
      fs.writeFileSync(path.join(dir, '2_bad', 'migration.sql'), 'CREATE TABLE "B" ("id" INTEGER); INSERT INTO "Nope" VALUES (1);');
      await expect(applyPostgresMigrations(url, { dir })).rejects.toThrow(/2_bad/);
      const tables = await query<{ t: string }>(url, `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1`, [postgresTarget(url).schema]);
      expect(tables.map((r) => r.t).sort()).toEqual(['A', '_prisma_migrations']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('writes queue as on SQLite', () => {
  it('two clients adding points to one person at once lose no update', async () => {
    const url = freshSchema('lock');
    await applyPostgresMigrations(url);
    const [one, two] = [openPostgres(url), openPostgres(url)];
    try {
      await one.keyValue.create({ data: { key: 'counter', value: '0' } });
      const bump = (db: typeof one) =>
        db.$transaction(async (tx) => {
          const row = await tx.keyValue.findUniqueOrThrow({ where: { key: 'counter' } });
          await new Promise((r) => setTimeout(r, 5));
          await tx.keyValue.update({ where: { key: 'counter' }, data: { value: String(Number(row.value) + 1) } });
        });
      await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 ? one : two)));
      expect((await one.keyValue.findUniqueOrThrow({ where: { key: 'counter' } })).value).toBe('20');
    } finally {
      await one.$disconnect();
      await two.$disconnect();
    }
  });
});

describe('the simulator on PostgreSQL', () => {
  const scripts = [
    'test/reports/scenarios/busy-week.txt',
    'test/tickets/scenarios/sanitation-climbs.txt',
    'test/tickets/scenarios/urgent-gas.txt',
    'test/tickets/scenarios/duplicate-merged.txt',
    'test/tickets/scenarios/decline-transfer.txt',
    'test/tickets/scenarios/poor-rating.txt',
    'test/tickets/scenarios/night-clock.txt',
    'test/tickets/scenarios/cancel.txt',
    'test/notices/scenarios/broadcast-confirm.txt',
    'test/notices/scenarios/daily.txt',
    'test/notices/scenarios/quiet-hours.txt',
    'test/volunteers/scenarios/full-activity.txt',
    'test/volunteers/scenarios/refusals.txt',
  ];
  it.each(scripts)('%s gives the same events as on SQLite', async (file) => {
    const script = readFixture(file);
    const onSqlite = await runScript(script);
    const onPostgres = await runScript(script, { databaseUrl: BASE });
    expect(onSqlite.events.length).toBeGreaterThan(0);
    expect(withoutCheckInCodes(onPostgres.events)).toEqual(withoutCheckInCodes(onSqlite.events));
  }, 120_000);

  it('leaves no schema of its own behind', async () => {
    const left = await query<{ n: string }>(BASE, `SELECT nspname AS n FROM pg_namespace WHERE nspname LIKE 'gridbot_sim_${process.pid}_%'`);
    expect(left).toEqual([]);
  });
});
