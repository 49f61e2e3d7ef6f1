import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/kernel/context.js';
import type { BotEvent } from '../../src/events.js';
import { createClassifier } from '../../src/intake/index.js';
import { silentLogger } from '../../src/log.js';
import { OrgDirectory } from '../../src/org/directory.js';
import { PrismaClient } from '@prisma/client';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { resolveDatabaseUrl } from '../../src/store/database-url.js';
import { openDatabase, type Db, type Tx } from '../../src/store/db.js';
import { tempDatabaseUrl } from '../support/db.js';
import { demoOrg } from '../support/sim.js';

export const START = '2026-03-02T09:00:00+08:00';

/** A migrated database, a manual clock, and a way to run a use-case in a transaction of any client. */
export function volunteerWorld() {
  const url = tempDatabaseUrl();
  const clients: Db[] = [];
  const open = () => {
    const db = openDatabase(url);
    clients.push(db);
    return db;
  };
  const db = open();
  /**
   * A client for racing: better-sqlite3 waits for a lock synchronously, which would
   * freeze every client of this one process; with no wait, a writer that finds the
   * lock taken fails at once and `race` retries its whole transaction, as a driver
   * would retry a serialisation failure. Interleavings happen at every await.
   */
  const racer = () => {
    const c = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: resolveDatabaseUrl(url), timeout: 0 }) });
    clients.push(c);
    return c;
  };
  const clock = new ManualClock(START);
  const config = loadConfig({});
  const org = new OrgDirectory(demoOrg());
  const events: BotEvent[] = [];
  const sent: { target: string; text: string }[] = [];
  const ctx = (tx: Tx): AppContext => ({
    db: tx,
    clock,
    config,
    org,
    events: { emit: (e) => events.push(e) },
    log: silentLogger,
    classifier: createClassifier({ clock }),
    send: async (req) => {
      sent.push({ target: req.target.kind === 'room' ? req.target.topic : (req.target.alias ?? '?'), text: req.text });
    },
  });
  /** Runs a use-case in its own transaction on the given client (default: the shared one). */
  const run = <T>(use: (c: AppContext) => Promise<T>, client: Db = db) => client.$transaction((tx) => use(ctx(tx)));
  /** One use-case on its own client and transaction, retried while SQLite says another writer holds the lock. */
  const race = async <T>(use: (c: AppContext) => Promise<T>): Promise<T> => {
    const client = racer();
    for (let attempt = 0; ; attempt++) {
      try {
        return await client.$transaction((tx) => use(ctx(tx)));
      } catch (err) {
        if (attempt > 500 || !isBusy(err)) throw err;
        await new Promise((r) => setTimeout(r, 1 + Math.floor(Math.random() * 5)));
      }
    }
  };
  const person = (alias: string, name = alias) => db.person.create({ data: { alias, name } });
  const activity = (over: Partial<{ capacity: number; points: number; startsAt: Date; title: string }> = {}) =>
    db.activity.create({
      data: {
        title: over.title ?? '环境大扫除',
        startsAt: over.startsAt ?? new Date('2026-03-02T15:00:00+08:00'),
        place: '小区广场',
        capacity: over.capacity ?? 10,
        points: over.points ?? 10,
        scope: '丽水鑫城',
        targets: JSON.stringify(['丽水鑫城业主群']),
        createdBy: 'liujiawei',
        checkinCode: '4321',
        createdAt: clock.now(),
      },
    });
  const close = async () => {
    for (const c of clients.splice(0)) await c.$disconnect();
  };
  return { url, db, open, race, clock, config, org, events, sent, ctx, run, person, activity, close };
}

function isBusy(err: unknown): boolean {
  const e = err as { message?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e?.meta?.driverAdapterError?.cause?.originalCode === 'SQLITE_BUSY' || /SQLITE_BUSY|database is locked/.test(e?.message ?? '');
}
