import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, inspectBackup, restoreDatabase } from '../../src/store/backup.js';
import { resolveDatabaseUrl } from '../../src/store/database-url.js';
import { scratchDir } from '../../src/scratch.js';
import { tempDatabaseUrl } from '../support/db.js';

const scratch = scratchDir('gridbot-backup-');
afterAll(() => scratch.remove());
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Writes tickets 1..count, each with its two history events in one transaction, yielding between them. */
async function writeTickets(file: string, count: number, onEach: (n: number) => void): Promise<void> {
  const db = new Database(file);
  db.pragma('busy_timeout = 10000');
  const person = db.prepare(`INSERT INTO "Person" (name, alias, createdAt) VALUES ('张大爷', 'zhangdaye', 0)`).run().lastInsertRowid;
  const ticket = db.prepare(
    `INSERT INTO "Ticket" (id, status, category, urgency, tier, text, reporterId, createdAt, updatedAt, assignedAt) VALUES (?, 'assigned', 'facility', 'normal', 'building', ?, ?, ?, ?, ?)`,
  );
  const event = db.prepare(`INSERT INTO "TicketEvent" (ticketId, at, kind, status, tier) VALUES (?, ?, ?, 'assigned', 'building')`);
  const one = db.transaction((n: number) => {
    ticket.run(n, `${n}号楼道灯坏了`.repeat(20), person, n, n, n);
    event.run(n, n, 'created');
    event.run(n, n, 'assigned');
  });
  try {
    for (let n = 1; n <= count; n++) {
      one(n);
      onEach(n);
      await nextTurn();
    }
  } finally {
    db.close();
  }
}

function history(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT t.id, t.text, t.status, e.id AS event, e.kind FROM "Ticket" t LEFT JOIN "TicketEvent" e ON e.ticketId = t.id ORDER BY t.id, e.id`).all();
  } finally {
    db.close();
  }
}

describe('backup and restore', () => {
  it('backs up while tickets are being written and restores exactly the history of that moment', async () => {
    const live = resolveDatabaseUrl(tempDatabaseUrl());
    const card = path.join(scratch.path, 'gridbot.memory-card.json');
    fs.writeFileSync(card, '{"login":"secret"}');
    const target = path.join(scratch.path, 'one.backup');
    let backup: Promise<void> | undefined;
    let startedAt = 0;
    await writeTickets(live, 600, (n) => {
      if (n === 200) {
        startedAt = n;
        backup = backupDatabase(live, target, [{ path: card, role: 'memory-card', content: fs.readFileSync(card) }]);
      }
    });
    await backup;
    expect(startedAt).toBe(200);

    const contents = inspectBackup(target);
    // A whole moment: some prefix of the tickets, each with both its events.
    expect(contents.tickets).toBeGreaterThanOrEqual(200);
    const full = history(live);
    const saved = history(target);
    expect(saved).toEqual(full.slice(0, contents.tickets * 2));

    // Restore over a database that has moved on, and over a changed login.
    fs.writeFileSync(card, '{"login":"newer"}');
    const { files } = restoreDatabase(target, live, '.before-restore-test');
    expect(files).toEqual([card]);
    expect(fs.readFileSync(card, 'utf8')).toBe('{"login":"secret"}');
    expect(history(live)).toEqual(saved);
    expect(history(`${live}.before-restore-test`)).toEqual(full);
  }, 120_000);

  it('refuses a file that is not a backup, changing nothing', () => {
    const live = resolveDatabaseUrl(tempDatabaseUrl());
    const before = fs.readFileSync(live);
    const text = path.join(scratch.path, 'notes.txt');
    fs.writeFileSync(text, '这不是备份');
    expect(() => restoreDatabase(text, live, '.x')).toThrow(/不是 gridbot 的备份/);
    // A plain database (not made by npm run backup) is refused too.
    expect(() => restoreDatabase(live, `${live}.other`, '.x')).toThrow(/不是 npm run backup 做的备份/);
    expect(fs.readFileSync(live)).toEqual(before);
    expect(fs.existsSync(`${live}.x`)).toBe(false);
  });

  it('npm run restore says what is wrong, and exits 2', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', path.join(scratch.path, 'missing.backup')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('没有恢复：没有这个备份文件');
  });
});
