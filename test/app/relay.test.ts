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
import { FakeChat } from '../support/fake-chat.js';
import { repoRoot } from '../support/sim.js';

const open: Db[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.$disconnect();
});

/** The example county's two accounts, each its own process (its own login), on one database. */
async function twoProcesses(clock: ManualClock) {
  const url = tempDatabaseUrl();
  const county = loadCounty(path.join(repoRoot, 'examples/county.yaml'));
  const start = async (account: string) => {
    const db = openDatabase(url);
    open.push(db);
    await importCounty(db, county);
    const chat = new FakeChat();
    const [bot] = createAccountBots({ config: loadConfig({}), db, chat, clock, events: { emit: () => undefined }, log: silentLogger, deployments: selectDeployments(county, account) });
    return { chat, bot };
  };
  return { jinsha: await start('bot-jinsha'), wangjiafan: await start('bot-wangjiafan') };
}

let n = 0;
const fromMin = (text: string, at: Date): ChatMessage => ({ id: `dm${++n}`, sender: { chatId: 'c-min', alias: 'minzhuren', name: '闵主任', friend: true }, text, mentionsBot: false, sentAt: at });
const toMin = (chat: FakeChat) => chat.sent.filter((s) => s.target.kind === 'contact' && s.target.alias === 'minzhuren').map((s) => s.text);
const rooms = (chat: FakeChat, words: string) => chat.sent.filter((s) => s.target.kind === 'room' && s.text.includes(words)).map((s) => (s.target as { topic: string }).topic);

/** A minute passes for both processes: each runs its sweeps and sends what is due. */
async function minute(clock: ManualClock, ...bots: Bot[]) {
  clock.advance(60_000);
  for (const bot of bots) await bot.runSweeps();
  for (let i = 0; i < 20; i++) {
    for (const bot of bots) await bot.outbox.drainDue();
    clock.advance(5_000);
  }
}

describe("county staff writing to one account's bot", () => {
  it('reach the community another account serves with 全县, and their one 确认 posts in both', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const { jinsha, wangjiafan } = await twoProcesses(clock);
    await jinsha.chat.deliver(fromMin('群发 全县 今晚8点停电检修，请提前准备', clock.now()));
    await minute(clock, jinsha.bot, wangjiafan.bot);
    // Each community's bot asks, through its own account.
    expect(toMin(jinsha.chat)).toEqual([expect.stringContaining('确认')]);
    expect(toMin(wangjiafan.chat)).toEqual([expect.stringContaining('确认')]);
    expect(rooms(jinsha.chat, '停电检修')).toEqual([]);

    // One 确认, to the account they wrote to, sends both.
    await jinsha.chat.deliver(fromMin('确认', clock.now()));
    for (let i = 0; i < 5; i++) await minute(clock, jinsha.bot, wangjiafan.bot);
    expect(rooms(jinsha.chat, '停电检修').sort()).toEqual(['丽水鑫城业主群', '金沙桂花苑业主群']);
    expect(rooms(wangjiafan.chat, '停电检修').sort()).toEqual(['王家畈新村居民群', '王家畈桂花苑业主群']);
    // Handed on once, whatever happens next: another minute posts nothing more.
    await minute(clock, jinsha.bot, wangjiafan.bot);
    expect(rooms(wangjiafan.chat, '停电检修')).toHaveLength(2);
  });

  it("hand a message naming only another community to that community's bot, and say so", async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const { jinsha, wangjiafan } = await twoProcesses(clock);
    await jinsha.chat.deliver(fromMin('通知 王家畈社区 明天 7:30 明早防汛演练', clock.now()));
    await minute(clock, jinsha.bot, wangjiafan.bot);
    expect(toMin(jinsha.chat)).toEqual(['已转给王家畈社区的机器人，由它们分别回复您。']);
    expect(toMin(wangjiafan.chat)).toEqual([expect.stringContaining('已安排通知')]);
  });

  it('leave a community staff member writing 全县 refused, and hand nothing on', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const { jinsha, wangjiafan } = await twoProcesses(clock);
    const liu: ChatMessage = { id: 'dm-liu', sender: { chatId: 'c-liu', alias: 'liujiawei', name: '刘佳玮', friend: true }, text: '通知 全县 明天 7:30 试试', mentionsBot: false, sentAt: clock.now() };
    await jinsha.chat.deliver(liu);
    await minute(clock, jinsha.bot, wangjiafan.bot);
    expect(jinsha.chat.sent.map((s) => s.text)).toEqual([expect.stringContaining('只有县里的工作人员')]);
    expect(wangjiafan.chat.sent).toEqual([]);
  });
});
