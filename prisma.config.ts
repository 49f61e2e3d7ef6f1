// Prisma CLI configuration: the JS schema engine over the better-sqlite3 driver adapter,
// so generate / migrate deploy / migrate diff need no downloaded engine binary.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { readDotEnv } from './src/config.js';
import { isPostgresUrl, resolveDatabaseUrl } from './src/store/database-url.js';

const env = readDotEnv('.env');

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    // The shadow database (for `migrate diff --from-migrations`) lives in memory. The
    // PostgreSQL twin's schema-to-schema diff never connects: it gets a memory database too.
    const url = isPostgresUrl(env.DATABASE_URL) ? ':memory:' : env.DATABASE_URL;
    return new PrismaBetterSQLite3({ url: resolveDatabaseUrl(url) }, { shadowDatabaseUrl: ':memory:' });
  },
});
