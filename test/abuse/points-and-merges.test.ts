import { describe, expect, it } from 'vitest';
import { ofKind, runScript, type RecordedEvent } from '../support/sim.js';

const toPerson = (events: RecordedEvent[], alias: string) => ofKind(events, 'say').filter((s) => s.to === alias).map((s) => s.text);

describe('points go to a stable person, never to a nickname', () => {
  it('积分调整 and 签到 #A1 by a name only a nickname stands for, or two people share, are refused and change nothing', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[dm] 刘佳玮(liujiawei): 活动 丽水鑫城 义务理发 今天 10:30 3栋门口 5 8
[丽水鑫城业主群] 王大妈: 报名
[丽水鑫城业主群] 赵奶奶(zhaonainai): 报名
[丽水鑫城业主群] 赵奶奶: 大家好
at 2026-03-02 10:40
[dm] 刘佳玮(liujiawei): 积分调整 王大妈 +10 帮忙搬东西
[dm] 刘佳玮(liujiawei): 签到 #A1 王大妈
[dm] 刘佳玮(liujiawei): 积分调整 赵奶奶 +10 帮忙搬东西
[dm] 刘佳玮(liujiawei): 积分调整 zhaonainai +10 帮忙搬东西
[dm] 刘佳玮(liujiawei): 签到 #A1 赵奶奶
`);
    expect(ofKind(events, 'refused').map((r) => [r.command, r.reason])).toEqual([
      ['积分调整', expect.stringContaining('「王大妈」只有微信昵称')],
      ['签到', expect.stringContaining('只有微信昵称、不能据此签到：王大妈')],
      ['积分调整', '「赵奶奶」有重名，请用微信号。'],
    ]);
    // Only the real 赵奶奶 got points: by her WeChat id, and by name among the people who signed up
    // (the namesake who only said hello did not sign up).
    expect(ofKind(events, 'points').map((p) => [p.who, p.delta])).toEqual([
      ['zhaonainai', 10],
      ['zhaonainai', 8],
    ]);
    expect(toPerson(events, 'liujiawei').some((t) => t.startsWith('已为赵奶奶调整 +10 分'))).toBe(true);
  });
});

describe('merging: a report joins a ticket only when it repeats it', () => {
  it('a neighbour about the same lamp joins; the reporter again within minutes joins quietly; the reporter an hour later opens a new one', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
[丽水鑫城业主群] 李阿姨(liayi): 1栋2单元楼道灯坏了，晚上看不见
wait 3m
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯还是不亮，快来修
[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 1栋2单元楼道灯还没人来看
wait 1h
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了，晚上很黑
`);
    const tickets = ofKind(events, 'ticket');
    expect(tickets.map((t) => [t.id, t.status, t.into])).toEqual([
      [1, 'assigned', undefined],
      [2, 'merged', 1],
      [3, 'merged', 1],
      [4, 'merged', 1],
      [5, 'assigned', undefined],
    ]);
    // The holder hears of the second resident, not of the first one saying it again.
    const toHolder = toPerson(events, 'jiangtianrong');
    expect(toHolder.filter((t) => t.includes('又有居民反映'))).toEqual([expect.stringContaining('共 2 人')]);
    // His repeat is acknowledged only when he asks the bot directly: once, not at every repeat.
    const group = ofKind(events, 'say').filter((s) => s.room === '丽水鑫城业主群').map((s) => s.text);
    expect(group.filter((t) => t.includes('已记下您的补充'))).toEqual(['这个问题已在处理中（工单 #1），已记下您的补充。']);
  });
});
