import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { BotEvent } from '../../src/events.js';
import { parseScript } from '../../src/simulate/script.js';
import { Simulation } from '../../src/simulate/run.js';
import { applyMigrations, MIGRATIONS_DIR } from '../../src/store/migrate.js';
import { resolveDatabaseUrl } from '../../src/store/database-url.js';
import { scratchDir } from '../../src/scratch.js';
import { demoOrg } from '../support/sim.js';
import { tempDatabaseUrl } from '../support/db.js';

const FIRST_RELEASE = '20261126000000_init';
const KEPT = ['Ticket', 'TicketEvent', 'Notice', 'Activity', 'Signup', 'LedgerEntry'];
const scratch = scratchDir('gridbot-upgrade-');
afterAll(() => scratch.remove());

async function play(databaseUrl: string, script: string, events: BotEvent[]): Promise<void> {
  const sim = new Simulation({ org: demoOrg(), databaseUrl, onEvent: (e) => events.push(e) });
  try {
    await sim.run(parseScript(script, 'Asia/Shanghai'));
  } finally {
    await sim.stop();
  }
}

const columns = (db: Database.Database, schema: string, table: string) =>
  (db.prepare(`PRAGMA ${schema}.table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);

/** The rows of the first release's columns, for comparing before and after. */
function rowsOf(file: string, table: string, cols: string[]): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY id`).all();
  } finally {
    db.close();
  }
}

describe('upgrading a database of the first release', () => {
  it('keeps every ticket, notice, activity and ledger entry, and the bot goes on using them', async () => {
    // The bot fills a database: a ticket taken on, a daily notice, an activity with a check-in.
    const filled = resolveDatabaseUrl(tempDatabaseUrl());
    const events: BotEvent[] = [];
    await play(`file:${filled}`, `
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 1栋2单元楼道灯坏了好几天了
[dm] 江天荣(jiangtianrong): 接单 #1
[dm] 刘佳玮(liujiawei): 通知 丽水鑫城 每天 8:00 垃圾分类，请按时投放
[dm] 徐成朋(xuchengpeng): 活动 丽水鑫城 义务理发 今天 10:30 3栋门口 5 8
[丽水鑫城业主群] 张大爷(zhangdaye): 报名
`, events);
    const code = /签到码：(\d+)/.exec(events.filter((e) => e.kind === 'say' && e.to === 'xuchengpeng').map((e) => (e as { text: string }).text).join('\n'))![1];
    await play(`file:${filled}`, `
at 2026-03-02 09:50
[丽水鑫城业主群] 张大爷(zhangdaye): ${code}
`, events);
    expect(events.some((e) => e.kind === 'points' && e.who === 'zhangdaye' && e.delta === 8)).toBe(true);

    // The same data in a database with only the first release's migration.
    const firstOnly = path.join(scratch.path, 'migrations');
    fs.cpSync(path.join(MIGRATIONS_DIR, FIRST_RELEASE), path.join(firstOnly, FIRST_RELEASE), { recursive: true });
    const old = path.join(scratch.path, 'old.db');
    applyMigrations(`file:${old}`, { dir: firstOnly });
    const db = new Database(old);
    const firstColumns = new Map<string, string[]>();
    try {
      db.pragma('foreign_keys = OFF');
      db.prepare('ATTACH DATABASE ? AS filled').run(filled);
      const tables = (db.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name <> 'sqlite_sequence'`).all() as { name: string }[]).map((r) => r.name);
      for (const table of tables) {
        const cols = columns(db, 'main', table);
        firstColumns.set(table, cols);
        const list = cols.map((c) => `"${c}"`).join(', ');
        db.exec(`INSERT INTO main."${table}" (${list}) SELECT ${list} FROM filled."${table}"`);
      }
      db.exec('DETACH DATABASE filled');
    } finally {
      db.close();
    }
    for (const table of KEPT) expect(rowsOf(old, table, firstColumns.get(table)!).length, table).toBeGreaterThan(0);
    const before = new Map(KEPT.map((t) => [t, rowsOf(old, t, firstColumns.get(t)!)]));

    // Today's bot opens it: the migrations since the first release are applied on start.
    const later: BotEvent[] = [];
    await play(`file:${old}`, `
at 2026-03-02 12:00
[丽水鑫城业主群] 张大爷(zhangdaye): 查询 #1
[dm] 江天荣(jiangtianrong): 我的待办
[dm] 江天荣(jiangtianrong): 办结 #1 已更换灯泡
[dm] 张大爷(zhangdaye): 我的积分
[dm] 刘佳玮(liujiawei): 通知列表
`, later);
    const applied = new Database(old, { readonly: true });
    const names = (applied.prepare('SELECT migration_name AS n FROM "_prisma_migrations" ORDER BY n').all() as { n: string }[]).map((r) => r.n);
    applied.close();
    expect(names).toEqual(fs.readdirSync(MIGRATIONS_DIR).filter((n) => fs.existsSync(path.join(MIGRATIONS_DIR, n, 'migration.sql'))).sort());

    // Nothing that was there is lost or changed, except what the bot was just told to do.
    for (const table of KEPT) {
      const after = rowsOf(old, table, firstColumns.get(table)!) as { id: number }[];
      const was = before.get(table)! as { id: number }[];
      if (table === 'TicketEvent') expect(after.slice(0, was.length)).toEqual(was);
      else if (table === 'Ticket') {
        expect(after.map((r) => r.id)).toEqual(was.map((r) => r.id));
        expect(after.filter((r) => r.id !== 1)).toEqual(was.filter((r) => r.id !== 1));
      } else expect(after, table).toEqual(was);
    }
    const saidText = later.filter((e) => e.kind === 'say').map((e) => (e as { text: string }).text).join('\n');
    expect(saidText).toContain('#1');
    expect(saidText).toContain('8');
    expect(saidText).toContain('垃圾分类');
    expect(later.some((e) => e.kind === 'ticket' && e.id === 1 && e.status === 'resolved')).toBe(true);
    // The ticket's holder, written before the upgrade, finds it in 我的待办 after it.
    const toHolder = later.filter((e) => e.kind === 'say' && e.to === 'jiangtianrong').map((e) => (e as { text: string }).text);
    expect(toHolder[0]).toMatch(/您的待办工单（1）：\n#1 /);
  }, 240_000);
});
