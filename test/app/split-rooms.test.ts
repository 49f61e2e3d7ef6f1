import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { ChatMessage } from '../../src/chat/port.js';
import { groupMessage, type FakeChat } from '../support/fake-chat.js';
import { CountyProcesses, exampleCounty } from '../support/county-processes.js';

let processes: CountyProcesses | undefined;
afterEach(async () => processes?.close());

const inRoom = (chat: FakeChat, topic: string) => chat.sent.filter((s) => s.target.kind === 'room' && s.target.topic === topic).map((s) => s.text);

describe("a community's groups split between two accounts", () => {
  it('each group is answered by the account that is in it, and notices reach every group through its account', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    // bot-split is listed second for 金沙社区: in the groups bot-jinsha is in, it stands by.
    processes = new CountyProcesses(exampleCounty([{ name: 'bot-split', communities: ['金沙社区'] }]), clock);
    const first = await processes.start('bot-jinsha', ['金沙桂花苑业主群']);
    const split = await processes.start('bot-split', ['丽水鑫城业主群', '金沙社区工作群']);
    const both = [first.bot, split.bot];
    await processes.minutes(1, ...both);

    await split.chat.deliver(groupMessage('金沙桂花苑业主群', 'wangayi', '王阿姨', '2栋楼道灯坏了好几天了', clock.now()));
    await first.chat.deliver(groupMessage('丽水鑫城业主群', 'zhangdaye', '张大爷', '1栋门口垃圾好几天没人清', clock.now()));
    await processes.minutes(2, ...both);
    expect(inRoom(split.chat, '金沙桂花苑业主群')).toEqual([expect.stringContaining('工单 #1')]);
    expect(inRoom(first.chat, '丽水鑫城业主群')).toEqual([expect.stringContaining('工单 #2')]);

    // Staff schedule a notice to the whole community: each group gets it once, from the account in it.
    const dm: ChatMessage = { id: 'dm-1', sender: { chatId: 'c-liu', alias: 'liujiawei', name: '刘佳玮', friend: true }, text: '通知 全社区 今天 9:10 今天下午停水', mentionsBot: false, sentAt: clock.now() };
    await first.chat.deliver(dm);
    await processes.minutes(10, ...both);
    expect(inRoom(first.chat, '丽水鑫城业主群').filter((t) => t.includes('停水'))).toHaveLength(1);
    expect(inRoom(split.chat, '金沙桂花苑业主群').filter((t) => t.includes('停水'))).toHaveLength(1);
    expect(inRoom(split.chat, '丽水鑫城业主群')).toEqual([]);
  });
});
