import { describe, expect, it } from 'vitest';
import { runScript, type RecordedEvent } from '../support/sim.js';

/** Every feature at once over a day and a half: tickets, notices, activities, digest. */
const busyDay = `
at 2026-03-02 09:00
[丽水鑫城业主群] 李阿姨(liayi): 3栋门口的垃圾两天没人收了
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
[dm] 刘佳玮(liujiawei): 通知 全社区 每天 8:00 今天停水
[dm] 刘佳玮(liujiawei): 活动 环境大扫除 明天 09:00 小区广场 2 10
[丽水鑫城业主群] 王大妈(wangdama): 报名 #A1
wait 30m
[dm] 江天荣(jiangtianrong): 接单 #2
wait 2h
[dm] 江天荣(jiangtianrong): 办结 #2 已换灯泡
wait 1d
`;

// The organiser's check-in code is random; everything else must be the same.
const comparable = (events: RecordedEvent[]) => events.map((e) => JSON.stringify(e).replace(/\d{4,6}/g, '#'));

describe('the simulator skipping idle minutes', () => {
  it('produces exactly the events of running every sweep every minute', async () => {
    const fast = await runScript(busyDay);
    const slow = await runScript(busyDay, { everyMinute: true });
    expect(fast.events.length).toBeGreaterThan(20);
    expect(comparable(fast.events)).toEqual(comparable(slow.events));
  }, 600_000);
});
