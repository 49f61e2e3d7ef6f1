import { describe, expect, it } from 'vitest';
import { ofKind, runScript, simulationInParts } from '../support/sim.js';

describe('volunteer commands through the simulator', () => {
  it('volunteers check themselves in with the on-site code, bare or after 签到; once each; a stray number stays unanswered', async () => {
    const { events, sim, play } = simulationInParts();
    try {
      await play(`
at 2026-03-02 09:00
[dm] 徐成朋(xuchengpeng): 活动 丽水鑫城 义务理发 今天 10:30 3栋门口 5 8
[丽水鑫城业主群] 张大爷(zhangdaye): 报名
[丽水鑫城业主群] 李阿姨(liayi): 1234567
`);
      const code = /签到码：(\d+)/.exec(ofKind(events, 'say').find((s) => s.to === 'xuchengpeng')!.text)![1];
      await play(`
[丽水鑫城业主群] 张大爷(zhangdaye): ${code}
at 2026-03-02 09:50
[丽水鑫城业主群] 张大爷(zhangdaye): ${code}
[dm] 李阿姨(liayi): 签到 ${code}
wait 1m
[dm] 李阿姨(liayi): 签到 ${code}
[丽水鑫城业主群] 王叔(wangshu): ${code === '9999' ? '9998' : '9999'}
`);
      await sim.finish();
    } finally {
      await sim.stop();
    }
    expect(ofKind(events, 'points').map((e) => [e.who, e.delta, e.balance])).toEqual([
      ['zhangdaye', 8, 8],
      ['liayi', 8, 8],
    ]);
    const says = ofKind(events, 'say');
    // Before the window opens the code is not taken, and the group hears nothing of it.
    expect(says.filter((s) => s.room === '丽水鑫城业主群' && s.at < '2026-03-02T09:50').map((s) => s.text)).toEqual([
      expect.stringContaining('【志愿活动 #A1】'),
      expect.stringContaining('张大爷 报名成功'),
    ]);
    expect(says.filter((s) => s.to === 'liayi').map((s) => s.text)).toEqual([expect.stringContaining('签到成功'), expect.stringContaining('已经签到过')]);
    expect(says.some((s) => s.text.includes('王叔'))).toBe(false);
  });

  it('catalogue, redemption, hand-over, adjustment and registering with an employer', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[dm] 刘佳玮(liujiawei): 商品 大米 15 库存1
[丽水鑫城业主群] 张大爷(zhangdaye): 商品列表
[dm] 刘佳玮(liujiawei): 积分调整 zhangdaye +20 协助搬运物资
[dm] 刘佳玮(liujiawei): 积分调整 李阿姨 +20 协助搬运物资
[丽水鑫城业主群] 李阿姨(liayi): 我的积分
wait 1m
[dm] 刘佳玮(liujiawei): 积分调整 李阿姨 +20 协助搬运物资
[丽水鑫城业主群] 张大爷(zhangdaye): 兑换 大米
[丽水鑫城业主群] 李阿姨(liayi): 兑换 大米
[dm] 刘佳玮(liujiawei): 发放 #R1
wait 1m
[dm] 刘佳玮(liujiawei): 发放 #R1
[丽水鑫城业主群] 张大爷(zhangdaye): 我的积分
[dm] 王科(wangke): 报到 县财政局
`);
    expect(ofKind(events, 'points').map((e) => [e.who, e.delta, e.balance, e.reason])).toEqual([
      ['zhangdaye', 20, 20, '调整：协助搬运物资'],
      ['liayi', 20, 20, '调整：协助搬运物资'],
      ['zhangdaye', -15, 5, '兑换 大米（#R1）'],
    ]);
    expect(ofKind(events, 'refused').map((r) => [r.who, r.command, r.reason])).toEqual([
      // Nobody of that name has spoken to the bot yet.
      ['liujiawei', '积分调整', '没有找到「李阿姨」，请用微信号。'],
      ['liayi', '兑换', '「大米」已经兑完了。'],
      ['liujiawei', '发放', '兑换单 #R1 已经发放过了。'],
    ]);
    const says = ofKind(events, 'say').map((s) => s.text);
    expect(says).toContainEqual(expect.stringContaining('大米 15 分（剩 1）'));
    expect(says).toContainEqual(expect.stringMatching(/张大爷，您现有 5 爱心积分。\n最近记录：\n3月2日 09:0\d -15 兑换 大米（#R1）/));
    expect(says).toContainEqual(expect.stringContaining('已登记为在职党员，工作单位：县财政局'));
  });
});
