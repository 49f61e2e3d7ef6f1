import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { loadCounty } from '../../src/org/county.js';
import { importCounty } from '../../src/org/import.js';
import { selectDeployments } from '../../src/org/deployment.js';
import { createAccountBots } from '../../src/app/runtime.js';
import type { BotEvent } from '../../src/events.js';
import type { ChatMessage } from '../../src/chat/port.js';
import { tempDatabaseUrl } from '../support/db.js';
import { FakeChat, groupMessage } from '../support/fake-chat.js';
import { repoRoot } from '../support/sim.js';

/** The example county, both communities served by one account (one WeChat login, one process). */
function oneAccountCounty() {
  const county = loadCounty(path.join(repoRoot, 'examples/county.yaml'));
  return { ...county, accounts: [{ name: 'bot-all', communities: ['金沙社区', '王家畈社区'] }] };
}

const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.$disconnect();
});

async function startProcess(url: string, clock: ManualClock, config: Config = loadConfig({})) {
  const db = openDatabase(url);
  open.push(db);
  const county = oneAccountCounty();
  await importCounty(db, county);
  const chat = new FakeChat();
  const events: BotEvent[] = [];
  const bots = createAccountBots({ config, db, chat, clock, events: { emit: (e) => events.push(e) }, log: silentLogger, deployments: selectDeployments(county, 'bot-all') });
  const drain = async () => {
    for (const bot of bots) await bot.outbox.drainDue();
  };
  return { db, chat, bots, events, drain };
}

let n = 0;
function direct(alias: string, name: string, text: string, at: Date): ChatMessage {
  return { id: `dm${++n}`, sender: { chatId: `c-${alias}`, alias, name, friend: true }, text, mentionsBot: false, sentAt: at };
}

const says = (events: BotEvent[]) => events.filter((e): e is Extract<BotEvent, { kind: 'say' }> => e.kind === 'say');

describe('one account serving two communities on one login', () => {
  it("hands each bot its own community's groups and people, numbering tickets per community", async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const { db, chat, events, drain } = await startProcess(tempDatabaseUrl(), clock);
    await chat.deliver(groupMessage('丽水鑫城业主群', 'zhangdaye', '张大爷', '1栋楼道灯坏了好几天了 晚上上楼看不见', clock.now()));
    await chat.deliver(groupMessage('王家畈新村居民群', 'liunainai', '刘奶奶', '1栋楼道灯坏了 晚上黑漆漆的', clock.now()));
    await drain();

    const tickets = events.filter((e): e is Extract<BotEvent, { kind: 'ticket' }> => e.kind === 'ticket');
    expect(tickets.map((t) => [t.community, t.id, t.assignees])).toEqual([
      ['金沙社区', 1, ['jiangtianrong']],
      ['王家畈社区', 1, ['chenli']],
    ]);
    // Every stored message names the community whose bot handled it.
    const inbound = await db.inboundMessage.findMany({ orderBy: { id: 'asc' }, select: { account: true, community: true, status: true } });
    expect(inbound).toEqual([
      { account: 'bot-all', community: '金沙社区', status: 'done' },
      { account: 'bot-all', community: '王家畈社区', status: 'done' },
    ]);

    // Each holder's 接单 #1 reaches the bot of the community where they hold the post.
    clock.advance(60_000);
    await chat.deliver(direct('chenli', '陈立', '接单 #1', clock.now()));
    clock.advance(60_000);
    await chat.deliver(direct('jiangtianrong', '江天荣', '接单 #1', clock.now()));
    const accepted = events.filter((e): e is Extract<BotEvent, { kind: 'ticket' }> => e.kind === 'ticket' && e.status === 'accepted');
    expect(accepted.map((t) => [t.community, t.assignees])).toEqual([
      ['王家畈社区', ['chenli']],
      ['金沙社区', ['jiangtianrong']],
    ]);
    // Both groups were answered through the one login.
    for (let i = 0; i < 30; i++) {
      clock.advance(20_000);
      await drain();
    }
    const rooms = new Set(chat.sent.flatMap((s) => (s.target.kind === 'room' ? [s.target.topic] : [])));
    expect(rooms).toEqual(new Set(['丽水鑫城业主群', '王家畈新村居民群']));
    expect(new Set(says(events).map((s) => s.account))).toEqual(new Set(['bot-all']));
  });

  it('sends within one budget for the account: three a minute across both communities, not three each', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const defaults = loadConfig({});
    const config = { ...defaults, send: { ...defaults.send, perMinute: 3, pauseMinMs: 0, pauseMaxMs: 0, roomGapMs: 0 } };
    const { chat, drain } = await startProcess(tempDatabaseUrl(), clock, config);
    // Each report queues an answer in its group and a message to its holder: four in all.
    await chat.deliver(groupMessage('丽水鑫城业主群', 'zhangdaye', '张大爷', '1栋楼道灯坏了好几天了', clock.now()));
    await chat.deliver(groupMessage('王家畈新村居民群', 'liunainai', '刘奶奶', '1栋楼道灯坏了好几天了', clock.now()));
    await drain();
    expect(chat.sent).toHaveLength(3);
    clock.advance(61_000);
    await drain();
    expect(chat.sent).toHaveLength(4);
  });

  it("after a restart, each community's bot handles only its own stored messages", async () => {
    const url = tempDatabaseUrl();
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const first = await startProcess(url, clock);
    // Stored by the 王家畈 bot, then the process dies before handling it.
    expect(await first.bots[1].store(groupMessage('王家畈新村居民群', 'liunainai', '刘奶奶', '1栋楼道灯坏了好几天了', clock.now(), 'wx-9'))).toBeDefined();

    const second = await startProcess(url, clock);
    expect(await second.bots[0].resumePending()).toBe(0);
    expect(await second.bots[1].resumePending()).toBe(1);
    const tickets = second.events.filter((e): e is Extract<BotEvent, { kind: 'ticket' }> => e.kind === 'ticket');
    expect(tickets.map((t) => [t.community, t.id])).toEqual([['王家畈社区', 1]]);
  });

  it("after a restart, sends a resident's direct message to the community where they last spoke in a group", async () => {
    const url = tempDatabaseUrl();
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const first = await startProcess(url, clock);
    await first.chat.deliver(groupMessage('丽水鑫城业主群', 'zhangdaye', '张大爷', '1栋楼道灯坏了好几天了', clock.now()));
    await first.chat.deliver(groupMessage('王家畈新村居民群', 'liunainai', '刘奶奶', '1栋楼道灯坏了 晚上黑漆漆的', clock.now()));

    // A new process knows nobody yet: 刘奶奶 asks about her #1 directly.
    clock.advance(60_000);
    const second = await startProcess(url, clock);
    await second.chat.deliver(direct('liunainai', '刘奶奶', '查询 #1', clock.now()));
    for (let i = 0; i < 12; i++) {
      clock.advance(5_000);
      await second.drain();
    }
    const answer = second.chat.sent.filter((s) => s.target.kind === 'contact' && s.target.alias === 'liunainai').map((s) => s.text);
    // Her own community's #1 (陈立 holds it), not 金沙社区's (江天荣).
    expect(answer).toEqual([expect.stringContaining('陈立')]);
  });

  it('lets county staff reach both communities with 全县, and their 确认 follows to both', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const { chat, events, drain, bots } = await startProcess(tempDatabaseUrl(), clock);
    await chat.deliver(direct('minzhuren', '闵主任', '通知 全县 今天 10:00 县里今天上午进行消防演练', clock.now()));
    await drain();
    const asked = says(events).filter((s) => s.to === 'minzhuren');
    if (asked.some((s) => s.text.includes('确认'))) {
      clock.advance(30_000);
      await chat.deliver(direct('minzhuren', '闵主任', '确认', clock.now()));
    }
    clock.set(new Date('2026-03-02T10:00:00+08:00'));
    for (const bot of bots) await bot.runSweeps();
    for (let i = 0; i < 10; i++) {
      clock.advance(60_000);
      await drain();
    }
    const posted = chat.sent.filter((s) => s.target.kind === 'room' && s.text.includes('消防演练')).map((s) => (s.target as { topic: string }).topic);
    expect(new Set(posted)).toEqual(new Set(['丽水鑫城业主群', '金沙桂花苑业主群', '王家畈新村居民群', '王家畈桂花苑业主群']));
    expect(posted).toHaveLength(4);
  });
});
