/**
 * npm run db:migration -- NAME
 * Writes prisma/migrations/<timestamp>_NAME/migration.sql: the SQL that takes the schema
 * of the last migration (its schema.snapshot.prisma) to prisma/schema.prisma — and its
 * PostgreSQL twin under prisma/postgresql/migrations with the same name, from the schema
 * derived for PostgreSQL (which this rewrites). Works offline: a schema-to-schema diff
 * needs no database and no engine binary.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { literalsWithSemicolon, POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from '../src/store/schema-source.js';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- name_in_snake_case');
  process.exit(2);
}

fs.writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, 'utf8')));

/** The SQL from the last migration's snapshot in `dir` to `schema`. */
function diff(dir: string, schema: string, url: string): string {
  const previous = fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, 'migration.sql')))
    .sort()
    .at(-1);
  const snapshot = previous ? path.join(dir, previous, 'schema.snapshot.prisma') : undefined;
  const from = snapshot && fs.existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
  return execFileSync('npx', ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'], {
    encoding: 'utf8',
    // The derived schema reads its URL from the environment; a diff never connects. The
    // SQLite one gets a file URL: prisma.config.ts refuses to open a PostgreSQL URL as a file.
    env: { ...process.env, DATABASE_URL: url },
  });
}

const changes = /CREATE|ALTER|DROP/;
const sqlite = diff('prisma/migrations', SQLITE_SCHEMA, 'file::memory:');
const postgres = diff(POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, 'postgresql://localhost/gridbot');
if (!changes.test(sqlite) && !changes.test(postgres)) {
  console.log('schema unchanged: no migration written');
  process.exit(0);
}
// PostgreSQL's migration runs as one simple query: Prisma's own runner would split it on
// every `;`, so a literal holding one would break there. Refuse it now, not in production.
if (literalsWithSemicolon(postgres).length > 0) {
  console.error('the PostgreSQL migration has a `;` inside a string literal: change the default value');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
for (const [dir, schema, sql] of [
  ['prisma/migrations', SQLITE_SCHEMA, sqlite],
  [POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, postgres],
] as const) {
  const target = path.join(dir, `${stamp}_${name}`);
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, 'migration.sql'), sql);
  fs.copyFileSync(schema, path.join(target, 'schema.snapshot.prisma'));
  console.log(`wrote ${target}/migration.sql`);
}
