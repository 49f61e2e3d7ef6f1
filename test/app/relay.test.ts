import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { ChatMessage } from '../../src/chat/port.js';
import type { FakeChat } from '../support/fake-chat.js';
import { CountyProcesses, exampleCounty } from '../support/county-processes.js';

let processes: CountyProcesses | undefined;
afterEach(async () => processes?.close());

/** The example county's two accounts, each its own process (its own login), on one database. */
async function twoProcesses(clock: ManualClock) {
  processes = new CountyProcesses(exampleCounty(), clock);
  return { processes, jinsha: await processes.start('bot-jinsha'), wangjiafan: await processes.start('bot-wangjiafan') };
}

let n = 0;
const fromMin = (text: string, at: Date): ChatMessage => ({ id: `dm${++n}`, sender: { chatId: 'c-min', alias: 'minzhuren', name: '闵主任', friend: true }, text, mentionsBot: false, sentAt: at });
const toMin = (chat: FakeChat) => chat.sent.filter((s) => s.target.kind === 'contact' && s.target.alias === 'minzhuren').map((s) => s.text);
const rooms = (chat: FakeChat, words: string) => chat.sent.filter((s) => s.target.kind === 'room' && s.text.includes(words)).map((s) => (s.target as { topic: string }).topic);

describe("county staff writing to one account's bot", () => {
  it('reach the community another account serves with 全县, and their one 确认 posts in both', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const { processes, jinsha, wangjiafan } = await twoProcesses(clock);
    const both = [jinsha.bot, wangjiafan.bot];
    await jinsha.chat.deliver(fromMin('群发 全县 今晚8点停电检修，请提前准备', clock.now()));
    await processes.minutes(2, ...both);
    // Each community's bot asks, through its own account.
    expect(toMin(jinsha.chat)).toEqual([expect.stringContaining('确认')]);
    expect(toMin(wangjiafan.chat)).toEqual([expect.stringContaining('确认')]);
    expect(rooms(jinsha.chat, '停电检修')).toEqual([]);

    // One 确认, to the account they wrote to, sends both.
    await jinsha.chat.deliver(fromMin('确认', clock.now()));
    await processes.minutes(5, ...both);
    expect(rooms(jinsha.chat, '停电检修').sort()).toEqual(['丽水鑫城业主群', '金沙桂花苑业主群']);
    expect(rooms(wangjiafan.chat, '停电检修').sort()).toEqual(['王家畈新村居民群', '王家畈桂花苑业主群']);
    // Handed on once, whatever happens next: more minutes post nothing more.
    await processes.minutes(2, ...both);
    expect(rooms(wangjiafan.chat, '停电检修')).toHaveLength(2);
    expect(rooms(jinsha.chat, '停电检修')).toHaveLength(2);
  });

  it("hand a message naming only another community to that community's bot, and say so", async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const { processes, jinsha, wangjiafan } = await twoProcesses(clock);
    await jinsha.chat.deliver(fromMin('通知 王家畈社区 明天 7:30 明早防汛演练', clock.now()));
    await processes.minutes(2, jinsha.bot, wangjiafan.bot);
    expect(toMin(jinsha.chat)).toEqual(['已转给王家畈社区的机器人，由它们分别回复您。']);
    expect(toMin(wangjiafan.chat)).toEqual([expect.stringContaining('已安排通知')]);
  });

  it('leave a community staff member writing 全县 refused, and hand nothing on', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    const { processes, jinsha, wangjiafan } = await twoProcesses(clock);
    const liu: ChatMessage = { id: 'dm-liu', sender: { chatId: 'c-liu', alias: 'liujiawei', name: '刘佳玮', friend: true }, text: '通知 全县 明天 7:30 试试', mentionsBot: false, sentAt: clock.now() };
    await jinsha.chat.deliver(liu);
    await processes.minutes(2, jinsha.bot, wangjiafan.bot);
    expect(jinsha.chat.sent.map((s) => s.text)).toEqual([expect.stringContaining('只有县里的工作人员')]);
    expect(wangjiafan.chat.sent).toEqual([]);
  });
});
