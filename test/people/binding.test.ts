import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { importOrg } from '../../src/org/import.js';
import { createBot } from '../../src/app/runtime.js';
import type { Bot } from '../../src/app/bot.js';
import type { BotEvent } from '../../src/events.js';
import type { ChatMessage } from '../../src/chat/port.js';
import { tempDatabaseUrl } from '../support/db.js';
import { FakeChat } from '../support/fake-chat.js';
import { demoOrg } from '../support/sim.js';

const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.$disconnect();
});

let n = 0;
function message(sender: ChatMessage['sender'], text: string, at: Date, topic?: string): ChatMessage {
  return { id: `b${++n}`, room: topic ? { topic, chatId: `room-${topic}` } : undefined, sender, text, mentionsBot: false, sentAt: at };
}

/** Sends everything due, letting virtual time pass between sends. */
async function flush(bot: Bot, clock: ManualClock): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const next = await bot.outbox.drainDue();
    if (!next) return;
    clock.set(next);
  }
}

async function setUp() {
  const url = tempDatabaseUrl();
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  const db = openDatabase(url);
  open.push(db);
  await importOrg(db, demoOrg());
  const chat = new FakeChat();
  const events: BotEvent[] = [];
  const bot = createBot({ config: loadConfig({}), db, chat, clock, events: { emit: (e) => events.push(e) }, log: silentLogger, org: demoOrg() });
  bot.outbox.start = () => undefined;
  const say = async (sender: ChatMessage['sender'], text: string, topic?: string) => {
    clock.advance(61_000);
    await chat.deliver(message(sender, text, clock.now(), topic));
    await flush(bot, clock);
  };
  return { db, chat, bot, clock, events, say };
}

const refusals = (events: BotEvent[]) => events.filter((e): e is Extract<BotEvent, { kind: 'refused' }> => e.kind === 'refused');

describe('a binding survives a re-login through the remark the bot writes', () => {
  it('a holder with no WeChat id binds once; after a re-login the remark still says who they are, a namesake is nobody', async () => {
    const { db, chat, events, say } = await setUp();
    const reporter = { chatId: 'c-zhang', alias: 'zhangdaye', name: '张大爷' };
    await say(reporter, '1栋2单元楼道灯坏了好几天了', '丽水鑫城业主群');
    await say({ chatId: 'c-liu', alias: 'liujiawei', name: '刘佳玮' }, '绑定码 jiangtianrong');
    const code = /(\d{6})/.exec(chat.sent.find((s) => s.text.includes('绑定码：'))!.text)![1];

    const holder = { chatId: 'login1-jtr', name: '江天荣', friend: true };
    await say(holder, `绑定 ${code}`);
    const remark = chat.remarks.get('login1-jtr');
    expect(remark).toMatch(/^gb[0-9a-z]{10}$/);

    // Re-login: contact ids are new, the remark is what WeChat kept.
    await chat.start();
    await say({ chatId: 'login2-jtr', name: '江天荣', friend: true, remark }, '接单 #1');
    expect(events.find((e) => e.kind === 'ticket' && e.status === 'accepted')).toMatchObject({ assignees: ['jiangtianrong'] });

    // A group member with the same nickname, no id, no remark: refused, nothing changed.
    await say({ chatId: 'login2-fake', name: '江天荣' }, '办结 #1 修好了', '丽水鑫城业主群');
    expect(refusals(events).at(-1)).toMatchObject({ command: '办结' });
    expect((await db.ticket.findFirst({ where: { id: 1 } }))?.status).toBe('accepted');
    // A remark of the bot's form that it never wrote is not a key either.
    await say({ chatId: 'login2-fake2', name: '江天荣', friend: true, remark: 'gb0123456789' }, '办结 #1 修好了');
    expect(refusals(events).at(-1)).toMatchObject({ command: '办结' });
    expect((await db.ticket.findFirst({ where: { id: 1 } }))?.status).toBe('accepted');
  });

  it('a resident who is a friend keeps her points across a re-login; a namesake does not get them', async () => {
    const { chat, events, say } = await setUp();
    const granny = { chatId: 'login1-zhao', name: '赵奶奶', friend: true };
    await say(granny, '我的积分');
    const remark = chat.remarks.get('login1-zhao');
    expect(remark).toBeDefined();
    const key = chat.sent.at(-1)!.target;
    expect(key).toMatchObject({ kind: 'contact', chatId: 'login1-zhao' });
    const who = (events.find((e) => e.kind === 'say') as { to: string }).to;
    await say({ chatId: 'c-liu', alias: 'liujiawei', name: '刘佳玮' }, `积分调整 ${who.startsWith('id:') ? '赵奶奶' : who} +50 志愿服务`);
    expect(events.filter((e) => e.kind === 'points')).toHaveLength(1);

    await chat.start();
    await say({ chatId: 'login2-other', name: '赵奶奶' }, '我的积分');
    expect(chat.sent.at(-1)!.text).not.toContain('50');
    await say({ chatId: 'login2-zhao', name: '赵奶奶', friend: true, remark }, '我的积分');
    expect(chat.sent.at(-1)!.text).toContain('50');
  });
});

describe('a message for somebody who cannot be reached by a stable key', () => {
  it('waits, staff hear once who cannot be reached, nobody of the same name gets it, and it goes when they speak', async () => {
    const { db, chat, say } = await setUp();
    // WeChat finds only these: the building leader's id and remark are unknown this login.
    chat.reachable = new Set(['zhangdaye', 'c-zhang', 'lisi', 'c-li', 'liujiawei', 'xuchengpeng', 'c-silent-jtr']);
    await say({ chatId: 'c-silent-jtr', name: '江天荣' }, '大家好', '丽水鑫城业主群');
    await say({ chatId: 'c-zhang', alias: 'zhangdaye', name: '张大爷' }, '1栋2单元楼道灯坏了，我家电话13912345678', '丽水鑫城业主群');
    await say({ chatId: 'c-li', alias: 'lisi', name: '李四' }, '1栋1单元的单元门门禁坏了关不上', '丽水鑫城业主群');

    const waiting = await db.outboundMessage.findMany({ where: { status: 'waiting' } });
    expect(waiting.map((m) => m.target)).toEqual(['jiangtianrong', 'jiangtianrong']);
    // Nothing went to the silent member who happens to share the holder's name.
    expect(chat.sent.filter((s) => s.target.kind === 'contact' && s.target.chatId === 'c-silent-jtr')).toEqual([]);
    const told = chat.sent.filter((s) => s.target.kind === 'room' && s.target.topic === '金沙社区工作群');
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain('江天荣');
    expect(told[0].text).not.toContain('13912345678');

    // The real holder writes (WeChat gives their id): what waited is sent to them.
    chat.reachable.add('jiangtianrong');
    await say({ chatId: 'c-jtr', alias: 'jiangtianrong', name: '江天荣' }, '我的待办');
    const toHolder = chat.sent.filter((s) => s.target.kind === 'contact' && s.target.alias === 'jiangtianrong');
    expect(toHolder.some((s) => s.text.includes('新工单 #1'))).toBe(true);
    expect(await db.outboundMessage.count({ where: { status: 'waiting' } })).toBe(0);
  });
});
