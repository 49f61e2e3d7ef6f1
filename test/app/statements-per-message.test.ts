import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { listenToStatements, openDatabase, type Db } from '../../src/store/db.js';
import { importOrg } from '../../src/org/import.js';
import { loadOrgFile } from '../../src/org/load.js';
import { MockWorld } from '../../src/chat/mock-world.js';
import { WechatyChat } from '../../src/chat/wechaty.js';
import { createBot } from '../../src/app/runtime.js';
import { tempDatabaseUrl } from '../support/db.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const org = loadOrgFile(path.join(root, 'examples/org.example.yaml'));

let db: Db;
let world: MockWorld;
let chat: WechatyChat;
let clock: ManualClock;
const seen: string[] = [];

/** Says one message in a group through the mock puppet and returns every SQL statement its handling ran. */
async function statementsFor(topic: string, name: string, alias: string, text: string): Promise<string[]> {
  clock.advance(60_000);
  const target = chat.completed + 1;
  seen.length = 0;
  world.sayInRoom(topic, name, alias, text);
  while (chat.completed < target) await new Promise((r) => setImmediate(r));
  return [...seen];
}

beforeAll(async () => {
  const url = tempDatabaseUrl();
  db = openDatabase(url);
  await importOrg(db, org);
  clock = new ManualClock('2026-03-02T09:00:00+08:00');
  const config = Object.freeze({ ...loadConfig({}), databaseUrl: url, model: undefined });
  world = new MockWorld(org, config.botName);
  chat = new WechatyChat({ puppet: world.puppet, log: silentLogger, printQr: false, profileName: undefined });
  createBot({ config, db, chat, clock, events: { emit: () => undefined }, log: silentLogger, org });
  await chat.start();
  world.login();
  while (!chat.bot.isLoggedIn) await new Promise((r) => setTimeout(r, 5));
  // The login's own work (forgetting contact ids, resuming what was stored) is over before counting starts.
  let last = Date.now();
  listenToStatements(() => (last = Date.now()));
  while (Date.now() - last < 500) await new Promise((r) => setTimeout(r, 50));
  listenToStatements((sql) => seen.push(sql));
});

afterAll(async () => {
  listenToStatements(undefined);
  await chat.stop();
  await db.$disconnect();
});

/** An INSERT into this table, as Prisma writes it (`main`.`T`) or as the store's own SQL does ("T"). */
const inserts = (table: string) => (sql: string) => new RegExp(`^\\s*INSERT INTO (\`main\`\\.)?[\`"]${table}[\`"]`).test(sql);

/**
 * Statements per message, measured on 2026-12-01 before this test existed: 9 for an ignored
 * chat message and 24 for a report that opens a ticket (a known resident, through the mock
 * puppet as \`npm run bench\` drives it). On 2026-12-02 (issue #11, item 6) they were 6 and
 * 19, and are now 5 and 12: the sender lookup also reads the pending follow-up, the abuse
 * counters and whether report files wait; counters are written in one multi-row upsert and
 * queued messages in one insert before the commit; a pending action starts with one insert;
 * a ticket takes its number inside its own insert. A report that opens a ticket now runs:
 * store the message, BEGIN, claim it, look up the sender (with the above), look for an open
 * ticket it repeats, insert the ticket, its holders (the TicketHolder rows 我的待办 reads), its
 * 'created' event, the follow-up it may complete,
 * the counters, the queued messages, COMMIT. What the path costs now is the ceiling: a
 * change that adds a statement to every message fails here.
 *
 * Since 2026-12-02 (session 8) every one of these runs on the direct lane to SQLite
 * (src/store/sql.ts), so their count no longer sets the rate: `npm run bench` went from
 * 143 to 604 msg/s with the same statements. The count stays above the 2 and ~6:
 * storing a message before handling it (so a crash loses none) and claiming it in the
 * transaction that handles it (so two processes never both do) are two writes and two
 * commits by design.
 */
const CHAT_LIMIT = 5;
const TICKET_LIMIT = 12;

describe('SQL statements per inbound message, counted at the SQLite driver (transactions included)', () => {
  const topic = '丽水鑫城业主群';

  it('an ignored chat message in a residents group', async () => {
    await statementsFor(topic, '李阿姨', 'liayi', '早上好啊各位'); // the first message makes her person row
    const before = await db.outboundMessage.count();
    const statements = await statementsFor(topic, '李阿姨', 'liayi', '今天天气真好啊');
    expect(await db.outboundMessage.count()).toBe(before);
    // The counter sees inside the handling transaction, not only around it.
    expect(statements).toContain('BEGIN');
    expect(statements).toContain('COMMIT');
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(CHAT_LIMIT);
  });

  it('a resident report that opens a ticket, routes it and queues the messages', async () => {
    await statementsFor(topic, '张大爷', 'zhangdaye', '早上好');
    const tickets = await db.ticket.count();
    const queued = await db.outboundMessage.count();
    const statements = await statementsFor(topic, '张大爷', 'zhangdaye', '1栋2单元楼道灯坏了好几天了');
    expect(await db.ticket.count()).toBe(tickets + 1);
    expect(statements.some(inserts('Ticket'))).toBe(true);
    // At least two messages queued (the building leader's and the group's answer), however many statements write them.
    expect(await db.outboundMessage.count()).toBeGreaterThanOrEqual(queued + 2);
    expect(statements.some(inserts('OutboundMessage'))).toBe(true);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(TICKET_LIMIT);
  });
});
