import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations, openDatabase, type Db } from '../../src/store/db.js';

/** A fresh, migrated SQLite file in a temporary folder. */
export function tempDatabaseUrl(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridbot-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  applyMigrations(url);
  return url;
}

export function tempDatabase(): { db: Db; url: string } {
  const url = tempDatabaseUrl();
  return { db: openDatabase(url), url };
}
