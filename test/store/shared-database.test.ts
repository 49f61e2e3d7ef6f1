/**
 * One database for a county's processes, one per account: each numbers, reads and sends
 * only its own community's and account's rows. On SQLite and on PostgreSQL.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateDatabase, type Db } from '../../src/store/db.js';
import { dropSchema, withSchema } from '../../src/store/postgres.js';
import { scopedDatabase, type DbScope } from '../../src/store/scope.js';
import { importCounty } from '../../src/org/import.js';
import { loadCounty } from '../../src/org/county.js';
import { insertTicket, ticketById, type NewTicket } from '../../src/store/tickets.js';
import { enqueue } from '../../src/chat/outbox.js';
import { queueFront } from '../../src/store/outbox-queue.js';
import { claimForSending } from '../../src/store/send-state.js';
import { claimOnce } from '../../src/store/runs.js';
import { markInboundStandby, recordInbound, reviveUnhandled } from '../../src/store/inbound-messages.js';
import { inTransaction } from '../../src/store/transaction.js';
import { boundAliasKey, personByWechatId } from '../../src/store/identity.js';
import { ManualClock } from '../../src/clock.js';
import { tempDatabaseUrl } from '../support/db.js';
import { repoRoot } from '../support/sim.js';

const POSTGRES = process.env.GRIDBOT_TEST_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432/test';
const toDrop: string[] = [];
const clients: Db[] = [];
afterAll(async () => {
  for (const c of clients) await c.$disconnect();
  for (const url of toDrop) await dropSchema(url);
});

const JINSHA: DbScope = { community: '金沙社区', account: 'bot-jinsha', shared: true };
const WANGJIAFAN: DbScope = { community: '王家畈社区', account: 'bot-wangjiafan', shared: true };

/** Two processes' clients on one fresh database holding the example county. */
async function twoProcesses(kind: 'sqlite' | 'postgres'): Promise<{ raw: Db; a: Db; b: Db }> {
  let url: string;
  if (kind === 'sqlite') url = tempDatabaseUrl();
  else {
    url = withSchema(POSTGRES, `gridbot_test_shared_${process.pid}_${toDrop.length}`);
    toDrop.push(url);
    await migrateDatabase(url);
  }
  const raw = openDatabase(url);
  const other = openDatabase(url);
  clients.push(raw, other);
  await importCounty(raw, loadCounty(path.join(repoRoot, 'examples/county.yaml')));
  return { raw, a: scopedDatabase(raw, JINSHA), b: scopedDatabase(other, WANGJIAFAN) };
}

async function newTicket(db: Db, community: string, reporterId: number, text: string) {
  const at = new Date('2026-03-02T01:00:00Z');
  const t: NewTicket = {
    status: 'assigned', community, category: 'facility', urgency: 'normal', tier: 'building', step: 0, holders: ['x'],
    gridName: null, building: '1', unit: null, room: null, text, sourceRoom: null, reporterId, inboundId: null, createdAt: at, assignedAt: at,
  };
  return db.$transaction((tx) => insertTicket(tx, t));
}

describe.each(['sqlite', 'postgres'] as const)('two accounts on one %s database', (kind) => {
  it('each community numbers its own tickets from #1 and #1 means its own', async () => {
    const { raw, a, b } = await twoProcesses(kind);
    const who = await raw.person.create({ data: { name: '张大爷', alias: 'zhangdaye' } });
    const opens = [
      () => newTicket(a, JINSHA.community, who.id, '金沙 1栋灯坏了'),
      () => newTicket(b, WANGJIAFAN.community, who.id, '王家畈 1栋灯坏了'),
      () => newTicket(a, JINSHA.community, who.id, '金沙 2栋漏水'),
      () => newTicket(b, WANGJIAFAN.community, who.id, '王家畈 2栋漏水'),
    ];
    // On PostgreSQL both processes open tickets at once: no number is taken twice, none
    // is skipped. (Two SQLite clients in one Node process would block each other's event
    // loop on the write lock: there they take turns, as separate processes do.)
    const made = [];
    if (kind === 'postgres') made.push(...(await Promise.all(opens.map((open) => open()))));
    else for (const open of opens) made.push(await open());
    expect(made.filter((t) => t.community === JINSHA.community).map((t) => t.id).sort()).toEqual([1, 2]);
    expect(made.filter((t) => t.community === WANGJIAFAN.community).map((t) => t.id).sort()).toEqual([1, 2]);
    expect((await ticketById(a, 1))?.text).toMatch(/^金沙/);
    expect((await ticketById(b, 1))?.text).toMatch(/^王家畈/);
    expect(await a.ticket.count()).toBe(2);
    expect(await raw.ticket.count()).toBe(4);
  }, 60_000);

  it('each account sends only its own messages, and a message id is unique per account only', async () => {
    const { a, b } = await twoProcesses(kind);
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const mine = await enqueue(a, clock, { target: { kind: 'room', topic: '丽水鑫城业主群' }, text: '金沙的消息' });
    const theirs = await enqueue(b, clock, { target: { kind: 'room', topic: '王家畈新村居民群' }, text: '王家畈的消息' });
    expect((await queueFront(a, 10)).map((m) => m.text)).toEqual(['金沙的消息']);
    expect((await queueFront(b, 10)).map((m) => m.text)).toEqual(['王家畈的消息']);
    // The other account's process never claims a row it must not send.
    expect(await claimForSending(b, mine, 1)).toBe(false);
    expect(await claimForSending(a, theirs, 1)).toBe(false);
    expect(await claimForSending(a, mine, 1)).toBe(true);

    // Stored as the bot stores them (one statement, a replay writes nothing).
    const inbound = async (db: Db, messageId: string) =>
      (
        await recordInbound(
          db,
          {
            messageId, roomTopic: '丽水鑫城业主群', senderChat: 'c1', senderAlias: null, senderName: '张大爷', senderRemark: null, senderFriend: false,
            text: '你好', kind: 'text', quote: null, mentioned: false, fingerprint: `f-${messageId}`, receivedAt: clock.now(),
          },
          { duplicateSince: new Date(clock.now().getTime() - 60_000) },
        )
      ).kind;
    // WeChat's ids come from each account: the same id on two accounts is two messages,
    // and each process finds the one its own account received.
    expect(await inbound(a, 'wx-1')).toBe('new');
    expect(await inbound(b, 'wx-1')).toBe('new');
    expect(await inbound(a, 'wx-1')).toBe('replay');
    expect(await a.inboundMessage.count()).toBe(1);
    expect(await b.inboundMessage.count()).toBe(1);
    expect((await a.inboundMessage.findFirst())?.account).toBe('bot-jinsha');
  }, 60_000);

  it('a WeChat id bound to a post-holder is found by every community\'s process', async () => {
    const { raw, a, b } = await twoProcesses(kind);
    const holder = await raw.person.create({ data: { name: '李书记', alias: 'lishuji' } });
    await a.keyValue.create({ data: { key: boundAliasKey('wxid_li'), value: 'lishuji' } });
    expect((await a.$transaction((tx) => personByWechatId(tx, 'wxid_li')))?.id).toBe(holder.id);
    expect((await b.$transaction((tx) => personByWechatId(tx, 'wxid_li')))?.id).toBe(holder.id);
  }, 60_000);

  it("a community's once-a-day work is claimed once for it, whatever the other community did", async () => {
    const { a, b } = await twoProcesses(kind);
    const at = new Date('2026-03-02T01:00:00Z');
    expect(await a.$transaction((tx) => claimOnce(tx, 'digest:2026-03-02', at))).toBe(true);
    expect(await b.$transaction((tx) => claimOnce(tx, 'digest:2026-03-02', at))).toBe(true);
    expect(await a.$transaction((tx) => claimOnce(tx, 'digest:2026-03-02', at))).toBe(false);
  }, 60_000);
  it('a standby that takes over handles what nobody handled, once: not what the first account did, and takes what it left waiting', async () => {
    const { raw } = await twoProcesses(kind);
    const first = scopedDatabase(raw, JINSHA);
    const spare = scopedDatabase(raw, { ...JINSHA, account: 'bot-spare' });
    const at = new Date('2026-03-02T01:00:00Z');
    const store = async (db: Db, messageId: string, text: string, minute: number) => {
      const r = await recordInbound(
        db,
        {
          messageId, roomTopic: '丽水鑫城业主群', senderChat: 'c1', senderAlias: null, senderName: '张大爷', senderRemark: null, senderFriend: false,
          text, kind: 'text', quote: null, mentioned: false, fingerprint: `${messageId}|${text}`, receivedAt: new Date(at.getTime() + minute * 60_000),
        },
        { duplicateSince: at },
      );
      if (r.kind !== 'new') throw new Error('not stored');
      return r.message.id;
    };
    // Both accounts received three messages; the standby kept its copies unhandled.
    const handled = await store(first, 'a1', '1栋楼道灯坏了', 0);
    await first.inboundMessage.update({ where: { id: handled }, data: { status: 'done' } });
    const leftWaiting = await store(first, 'a2', '2栋电梯停了', 1);
    const copies = [await store(spare, 'b1', '1栋楼道灯坏了', 0), await store(spare, 'b2', '2栋电梯停了', 1), await store(spare, 'b3', '3栋漏水了', 3)];
    for (const id of copies) await markInboundStandby(spare, id);
    const revived = await inTransaction(spare, (tx) => reviveUnhandled(tx, ['bot-jinsha'], at));
    // The first account handled the lamp: not again. The lift it stored but never handled, and the leak it never got.
    expect(revived).toEqual([copies[1], copies[2]]);
    expect((await raw.inboundMessage.findUnique({ where: { id: leftWaiting } }))?.status).toBe('standby');
    // Asked again (a second takeover), nothing is handled twice.
    expect(await inTransaction(spare, (tx) => reviveUnhandled(tx, ['bot-jinsha'], at))).toEqual([]);
  }, 60_000);
});
