import { describe, expect, it } from 'vitest';
import { ofKind, runScript } from '../support/sim.js';

describe('a resident report through the mock WeChat', () => {
  it('becomes a stored ticket, the building leader is told and the group acknowledged', async () => {
    const { events, sim } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 1栋2单元楼道灯坏了好几天了
`);
    const tickets = ofKind(events, 'ticket');
    expect(tickets[0]).toMatchObject({ id: 1, status: 'assigned', category: 'facility', tier: 'building', assignees: ['jiangtianrong'], building: '1', unit: '2', grid: '丽水鑫城' });
    const says = ofKind(events, 'say');
    const toLeader = says.find((s) => s.to === 'jiangtianrong');
    expect(toLeader?.text).toContain('#1');
    const ack = says.find((s) => s.room === '丽水鑫城业主群');
    expect(ack?.text).toContain('#1');
    expect(ack?.text).toContain('江天荣');
    expect(says.some((s) => s.room === '金沙社区工作群')).toBe(false);
    void sim;
  });

  it('says nothing and opens nothing on chat', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 早上好啊各位 今天天气真好
[丽水鑫城业主群] 李阿姨(liayi): 谢谢楼栋长 灯已经修好了
`);
    expect(events).toEqual([]);
  });
});

describe('a resident writing to the bot directly', () => {
  it('gets a ticket in their home group, or one at the community tier and is asked where they live', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 早上好
[dm] 张大爷(zhangdaye): 我家楼下1栋2单元的楼道灯坏了 麻烦找人修一下
[dm] 王奶奶(wangnainai): 楼道灯坏了好几天了
`);
    // A resident the bot knows: the ticket is in their home grid. A stranger with no place
    // given: the report is not held back for an address; the community has it at once and
    // she is asked where, so that her answer can send it down to her grid.
    const tickets = ofKind(events, 'ticket');
    expect(tickets).toHaveLength(2);
    expect(tickets[0]).toMatchObject({ grid: '丽水鑫城', building: '1', assignees: ['jiangtianrong'] });
    expect(tickets[1]).toMatchObject({ id: 2, tier: 'committee', status: 'assigned' });
    expect(tickets[1]!.grid ?? null).toBeNull();
    const says = ofKind(events, 'say');
    expect(says.find((s) => s.to === 'zhangdaye')?.text).toContain('#1');
    const toHer = says.filter((s) => s.to === 'wangnainai').map((s) => s.text).join('\n');
    expect(toHer).toContain('登记');
    expect(toHer).toMatch(/哪个小区/);
    // Nothing said in the group about a private report.
    expect(says.some((s) => s.room)).toBe(false);
  });
});
