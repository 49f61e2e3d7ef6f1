import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { importOrg } from '../../src/org/import.js';
import { createBot } from '../../src/app/runtime.js';
import type { BotEvent } from '../../src/events.js';
import { tempDatabaseUrl } from '../support/db.js';
import { FakeChat, groupMessage } from '../support/fake-chat.js';
import { demoOrg } from '../support/sim.js';

const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.$disconnect();
});

function start(url: string, clock: ManualClock) {
  const db = openDatabase(url);
  open.push(db);
  const chat = new FakeChat();
  const events: BotEvent[] = [];
  const bot = createBot({ config: loadConfig({}), db, chat, clock, events: { emit: (e) => events.push(e) }, log: silentLogger, org: demoOrg() });
  return { db, chat, bot, events };
}

describe('a message stored before a crash', () => {
  it('is handled exactly once after the restart, and a replay of it is ignored', async () => {
    const url = tempDatabaseUrl();
    const clock = new ManualClock('2026-03-02T10:00:00+08:00');
    const first = start(url, clock);
    await importOrg(first.db, demoOrg());
    const message = groupMessage('丽水鑫城业主群', 'zhangdaye', '张大爷', '1栋2单元楼道灯坏了好几天了', clock.now(), 'wx-1');

    // The process dies right after the message was stored, before it was acted on.
    const stored = await first.bot.store(message);
    expect(stored).toBeDefined();
    expect(await first.db.ticket.count()).toBe(0);
    await first.db.$disconnect();
    open.splice(open.indexOf(first.db), 1);

    clock.advance(30_000);
    const second = start(url, clock);
    expect(await second.bot.resumePending()).toBe(1);
    expect(await second.db.ticket.count()).toBe(1);
    expect(second.events.filter((e) => e.kind === 'ticket')).toHaveLength(1);

    // WeChat replays the same message after the re-login; and a second resume finds nothing.
    await second.chat.deliver(message);
    expect(await second.bot.resumePending()).toBe(0);
    expect(await second.db.ticket.count()).toBe(1);
    const queued = await second.db.outboundMessage.findMany({ where: { status: 'queued' } });
    expect(queued.filter((m) => m.target === 'jiangtianrong')).toHaveLength(1);
    expect(queued.filter((m) => m.target === '丽水鑫城业主群')).toHaveLength(1);
  });

  it('drops the same text from the same person delivered twice within 10 seconds', async () => {
    const url = tempDatabaseUrl();
    const clock = new ManualClock('2026-03-02T10:00:00+08:00');
    const { db, chat } = start(url, clock);
    await importOrg(db, demoOrg());
    await chat.deliver(groupMessage('丽水鑫城业主群', 'liayi', '李阿姨', '3栋门口垃圾没人收', clock.now(), 'a'));
    clock.advance(5_000);
    await chat.deliver(groupMessage('丽水鑫城业主群', 'liayi', '李阿姨', '3栋门口垃圾没人收', clock.now(), 'b'));
    expect(await db.ticket.count()).toBe(1);
    expect(await db.inboundMessage.count({ where: { status: 'duplicate' } })).toBe(1);
  });

  it('ignores groups that are not in the organisation file', async () => {
    const url = tempDatabaseUrl();
    const clock = new ManualClock('2026-03-02T10:00:00+08:00');
    const { db, chat } = start(url, clock);
    await chat.deliver(groupMessage('陌生群', 'x', '某人', '楼道灯坏了', clock.now()));
    expect(await db.inboundMessage.count()).toBe(0);
  });
});

describe('a message whose handling fails', () => {
  it('is kept as failed, the sender is told, and the next message is handled', async () => {
    const url = tempDatabaseUrl();
    const clock = new ManualClock('2026-03-02T10:00:00+08:00');
    const { db, chat } = start(url, clock);
    await importOrg(db, demoOrg());
    // The ticket table is gone: opening a ticket throws inside the transaction.
    await db.$executeRawUnsafe('ALTER TABLE "Ticket" RENAME TO "TicketAway"');
    await chat.deliver({ ...groupMessage('丽水鑫城业主群', 'zhangdaye', '张大爷', '@网格助手 1栋2单元楼道灯坏了', clock.now(), 'f1'), mentionsBot: true });
    expect(await db.inboundMessage.findFirst({ where: { messageId: 'f1' } })).toMatchObject({ status: 'failed' });
    const apology = await db.outboundMessage.findFirst({ where: { target: '丽水鑫城业主群' } });
    expect(apology?.text).toContain('没有处理成功');
    await db.$executeRawUnsafe('ALTER TABLE "TicketAway" RENAME TO "Ticket"');
    clock.advance(60_000);
    await chat.deliver(groupMessage('丽水鑫城业主群', 'liayi', '李阿姨', '3栋门口垃圾没人收', clock.now(), 'f2'));
    expect(await db.ticket.count()).toBe(1);
  });
});
