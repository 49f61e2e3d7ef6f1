/**
 * One schema source for both databases: `prisma/schema.prisma` (SQLite) is the one we
 * edit; the PostgreSQL schema is derived from it by changing only the datasource and
 * where its client is generated. `npm run db:migration` rewrites the derived file and a
 * test fails when the committed copy is out of step.
 */
export const SQLITE_SCHEMA = 'prisma/schema.prisma';
export const POSTGRES_SCHEMA = 'prisma/postgresql/schema.prisma';
export const POSTGRES_MIGRATIONS = 'prisma/postgresql/migrations';
/** Where `prisma generate` puts the PostgreSQL client (loaded only for a postgresql:// URL). */
export const POSTGRES_CLIENT_MODULE = '.prisma/pg-client';

const HEADER = '// Derived from prisma/schema.prisma by src/store/schema-source.ts: do not edit; run npm run db:migration.\n';

export function postgresSchemaFrom(sqlite: string): string {
  const datasource = /datasource\s+db\s*\{[^}]*\}/;
  const generator = /generator\s+client\s*\{([^}]*)\}/;
  if (!datasource.test(sqlite) || !generator.test(sqlite)) {
    throw new Error('prisma/schema.prisma has no `datasource db` or `generator client` block');
  }
  return (
    HEADER +
    sqlite
      .replace(datasource, 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}')
      .replace(generator, (_all, body: string) => {
        const lines = body.split('\n').filter((l) => !/^\s*output\s*=/.test(l));
        const kept = lines.join('\n').replace(/\s+$/, '');
        return `generator client {${kept}\n  output     = "../../node_modules/${POSTGRES_CLIENT_MODULE}"\n}`;
      })
  );
}

/**
 * The string literals of a migration that hold a `;`. Prisma's own PostgreSQL runner
 * splits a migration on every `;`, so such a literal would break there: `db:migration`
 * refuses one, and a test checks the committed migrations.
 */
export function literalsWithSemicolon(sql: string): string[] {
  return (sql.match(/'(?:[^']|'')*'/g) ?? []).filter((literal) => literal.includes(';'));
}
