import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/gridbot.db';

/**
 * Turns a `file:` URL into the path better-sqlite3 opens, relative to the working
 * directory, and makes sure its folder exists (a fresh clone has no `data/`).
 */
export function resolveDatabaseUrl(url: string | undefined): string {
  const value = url && url.trim() !== '' ? url.trim() : DEFAULT_DATABASE_URL;
  if (value === ':memory:' || value === 'file::memory:') return ':memory:';
  // A PostgreSQL URL read as a file path would leave a `postgresql:/…` folder behind.
  if (isPostgresUrl(value)) throw new Error(`${value} is a PostgreSQL URL, not a SQLite file`);
  const file = value.startsWith('file:') ? value.slice('file:'.length) : value;
  const absolute = path.resolve(file);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  return absolute;
}

/** A PostgreSQL connection string rather than a SQLite file. */
export function isPostgresUrl(url: string | undefined): boolean {
  return /^postgres(ql)?:/i.test(url?.trim() ?? '');
}

/** Where the inbox journal lives: beside the SQLite file, else in `data/`. */
export function inboxJournalFile(url: string | undefined, owner?: string): string {
  // Each account's process (and each community's bot in it) keeps a journal of its own.
  const own = owner ? `-${owner.replace(/[^\p{L}\p{N}_-]/gu, '_')}` : '';
  const value = url?.trim() ?? '';
  if (isPostgresUrl(value) || value.includes('memory')) {
    fs.mkdirSync(path.resolve('data'), { recursive: true });
    return path.resolve(`data/inbox${own}.jsonl`);
  }
  return `${resolveDatabaseUrl(url)}.inbox${own}.jsonl`;
}
