import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS_DIR } from './migrate.js';

/**
 * A backup is one SQLite file: a consistent copy of the bot's database, taken with
 * SQLite's online backup while the bot runs, with the files that go with it (the WeChat
 * login's memory card, the organisation file) stored inside it in one extra table.
 */
const FILES_TABLE = '_gridbot_backup_files';

export interface BackupFile {
  /** Where the file lives when restored (as configured when it was backed up). */
  path: string;
  role: 'memory-card' | 'org-file';
  content: Buffer;
}

export class BackupError extends Error {}

export async function backupDatabase(dbFile: string, target: string, files: BackupFile[]): Promise<void> {
  if (!fs.existsSync(dbFile)) throw new BackupError(`没有数据库文件 ${dbFile}`);
  const partial = `${target}.partial`;
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    // Pages are copied in steps; writes of the running bot in between make SQLite restart
    // the copy, so the result is one moment of the database, never a torn one.
    await source.backup(partial);
  } finally {
    source.close();
  }
  const copy = new Database(partial);
  try {
    copy.pragma('journal_mode = DELETE');
    copy.exec(`CREATE TABLE "${FILES_TABLE}" (path TEXT NOT NULL, role TEXT NOT NULL, content BLOB NOT NULL)`);
    const insert = copy.prepare(`INSERT INTO "${FILES_TABLE}" (path, role, content) VALUES (?, ?, ?)`);
    copy.transaction(() => {
      for (const f of files) insert.run(f.path, f.role, f.content);
    })();
  } finally {
    copy.close();
  }
  fs.renameSync(partial, target);
}

export interface BackupContents {
  migrations: string[];
  tickets: number;
  files: { path: string; role: string; bytes: number }[];
}

/**
 * Checks a backup before anything is overwritten: SQLite's integrity check, our files
 * table, and migrations this version of the bot knows (a backup from a newer version
 * would be silently damaged by an older bot).
 */
export function inspectBackup(file: string, migrationsDir = MIGRATIONS_DIR): BackupContents {
  if (!fs.existsSync(file)) throw new BackupError(`没有这个备份文件：${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('schema_version');
  } catch {
    throw new BackupError(`${file} 不是 gridbot 的备份（不是 SQLite 数据库）`);
  }
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new BackupError(`备份已损坏（SQLite 检查：${String(ok)}）`);
    const has = (name: string) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
    if (!has(FILES_TABLE) || !has('_prisma_migrations') || !has('Ticket')) throw new BackupError(`${file} 不是 npm run backup 做的备份`);
    const migrations = (db.prepare('SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name').all() as { name: string }[]).map((r) => r.name);
    const known = new Set(fs.readdirSync(migrationsDir));
    const unknown = migrations.filter((m) => !known.has(m));
    if (unknown.length) throw new BackupError(`备份来自更新版本的 gridbot（有本版本不认识的迁移 ${unknown.join('、')}），请先升级再恢复`);
    const tickets = (db.prepare('SELECT COUNT(*) AS n FROM "Ticket"').get() as { n: number }).n;
    const files = db.prepare(`SELECT path, role, length(content) AS bytes FROM "${FILES_TABLE}"`).all() as BackupContents['files'];
    return { migrations, tickets, files };
  } finally {
    db.close();
  }
}

/**
 * Puts a checked backup in place of the database and writes back its files; what they
 * replace is kept beside them with `keepSuffix`. The bot must be stopped: its open
 * database would not see this.
 */
export function restoreDatabase(file: string, dbFile: string, keepSuffix: string): { files: string[] } {
  inspectBackup(file);
  const staging = `${dbFile}.restoring`;
  fs.copyFileSync(file, staging);
  const db = new Database(staging);
  let files: { path: string; content: Buffer }[];
  try {
    files = db.prepare(`SELECT path, content FROM "${FILES_TABLE}"`).all() as { path: string; content: Buffer }[];
    db.exec(`DROP TABLE "${FILES_TABLE}"`);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  if (fs.existsSync(dbFile)) {
    // Checkpoint the old database into its main file so that what is kept is whole.
    const old = new Database(dbFile);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    fs.renameSync(dbFile, `${dbFile}${keepSuffix}`);
  }
  // A write-ahead log left from the old database would be replayed onto the new one.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  fs.renameSync(staging, dbFile);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(`${staging}${suffix}`)) fs.renameSync(`${staging}${suffix}`, `${dbFile}${suffix}`);
  }
  for (const f of files) {
    fs.mkdirSync(path.dirname(f.path), { recursive: true });
    if (fs.existsSync(f.path)) fs.renameSync(f.path, `${f.path}${keepSuffix}`);
    fs.writeFileSync(f.path, f.content);
  }
  return { files: files.map((f) => f.path) };
}
