import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { loadCounty } from '../../src/org/county.js';
import { importCounty } from '../../src/org/import.js';
import { selectDeployments } from '../../src/org/deployment.js';
import { createAccountBots } from '../../src/app/runtime.js';
import type { Bot } from '../../src/app/bot.js';
import type { ChatMessage } from '../../src/chat/port.js';
import { tempDatabaseUrl } from '../support/db.js';
import { FakeChat, groupMessage } from '../support/fake-chat.js';
import { repoRoot } from '../support/sim.js';

const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.$disconnect();
});

const inRoom = (chat: FakeChat, topic: string) => chat.sent.filter((s) => s.target.kind === 'room' && s.target.topic === topic).map((s) => s.text);

async function minutes(clock: ManualClock, count: number, ...bots: Bot[]) {
  for (let m = 0; m < count; m++) {
    clock.advance(60_000);
    for (const bot of bots) await bot.runSweeps();
    for (let i = 0; i < 6; i++) {
      for (const bot of bots) await bot.outbox.drainDue();
      clock.advance(5_000);
    }
  }
}

describe("a community's groups split between two accounts", () => {
  it('each group is answered by the account that is in it, and notices reach every group through its account', async () => {
    const url = tempDatabaseUrl();
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const base = loadCounty(path.join(repoRoot, 'examples/county.yaml'));
    // bot-split is listed second for 金沙社区: in the groups bot-jinsha is in, it stands by.
    const county = { ...base, accounts: [...base.accounts, { name: 'bot-split', communities: ['金沙社区'] }] };
    const start = async (account: string, notIn: string[]) => {
      const db = openDatabase(url);
      open.push(db);
      await importCounty(db, county);
      const chat = new FakeChat();
      chat.notIn = new Set(notIn);
      const [bot] = createAccountBots({ config: loadConfig({}), db, chat, clock, events: { emit: () => undefined }, log: silentLogger, deployments: selectDeployments(county, account) });
      await chat.start();
      return { chat, bot };
    };
    const first = await start('bot-jinsha', ['金沙桂花苑业主群']);
    const split = await start('bot-split', ['丽水鑫城业主群', '金沙社区工作群']);
    await minutes(clock, 1, first.bot, split.bot);

    await split.chat.deliver(groupMessage('金沙桂花苑业主群', 'wangayi', '王阿姨', '2栋楼道灯坏了好几天了', clock.now()));
    await first.chat.deliver(groupMessage('丽水鑫城业主群', 'zhangdaye', '张大爷', '1栋门口垃圾好几天没人清', clock.now()));
    await minutes(clock, 2, first.bot, split.bot);
    expect(inRoom(split.chat, '金沙桂花苑业主群')).toEqual([expect.stringContaining('工单 #1')]);
    expect(inRoom(first.chat, '丽水鑫城业主群')).toEqual([expect.stringContaining('工单 #2')]);

    // Staff schedule a notice to the whole community: each group gets it once, from the account in it.
    const dm: ChatMessage = { id: 'dm-1', sender: { chatId: 'c-liu', alias: 'liujiawei', name: '刘佳玮', friend: true }, text: '通知 全社区 今天 9:10 今天下午停水', mentionsBot: false, sentAt: clock.now() };
    await first.chat.deliver(dm);
    await minutes(clock, 10, first.bot, split.bot);
    expect(inRoom(first.chat, '丽水鑫城业主群').filter((t) => t.includes('停水'))).toHaveLength(1);
    expect(inRoom(split.chat, '金沙桂花苑业主群').filter((t) => t.includes('停水'))).toHaveLength(1);
    expect(inRoom(split.chat, '丽水鑫城业主群')).toEqual([]);
  });
});
