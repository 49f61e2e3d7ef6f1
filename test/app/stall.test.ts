import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { groupMessage } from '../support/fake-chat.js';
import { CountyProcesses, exampleCounty } from '../support/county-processes.js';

let processes: CountyProcesses | undefined;
afterEach(async () => processes?.close());

describe('a first account whose process stalled while the standby took over', () => {
  it('reads who speaks before answering a group, and stays silent', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00+08:00');
    processes = new CountyProcesses(exampleCounty([{ name: 'bot-spare', communities: ['金沙社区'] }]), clock);
    const first = await processes.start('bot-jinsha');
    const spare = await processes.start('bot-spare');
    await processes.minutes(1, first.bot, spare.bot);

    // The first account's process stalls: no minute passes for it, while the spare's minutes go on.
    await processes.minutes(12, spare.bot);
    // It wakes with a group message in hand: the spare answers that group now, not it.
    const message = groupMessage('丽水鑫城业主群', 'zhangdaye', '张大爷', '1栋楼道灯坏了好几天了', clock.now());
    await first.chat.deliver(message);
    await first.bot.outbox.drainDue();
    expect(first.chat.sent.filter((s) => s.target.kind === 'room' && s.target.topic === '丽水鑫城业主群')).toEqual([]);
    // The spare, which received the same message, answers it.
    await spare.chat.deliver({ ...message });
    await processes.minutes(1, spare.bot);
    expect(spare.chat.sent.some((s) => s.target.kind === 'room' && s.target.topic === '丽水鑫城业主群' && s.text.includes('工单 #1'))).toBe(true);
  });
});
