import path from 'node:path';
import { scratchDir } from '../../src/scratch.js';
import { applyMigrations, openDatabase, type Db } from '../../src/store/db.js';

/** A fresh, migrated SQLite file in a temporary folder (removed when the test process ends). */
export function tempDatabaseUrl(): string {
  const dir = scratchDir('gridbot-test-').path;
  const url = `file:${path.join(dir, 'test.db')}`;
  applyMigrations(url);
  return url;
}

export function tempDatabase(): { db: Db; url: string } {
  const url = tempDatabaseUrl();
  return { db: openDatabase(url), url };
}
