import { describe, expect, it } from 'vitest';
import { ofKind, runScript } from '../support/sim.js';

/** Messages to a contact known by no WeChat id carry `id:` (this login's contact) or `p:` (a person row). */
const notAHolder = (to: string | undefined) => !!to && /^(id|p):/.test(to);

/**
 * An attacker who only changes their display name. In the simulator `[room] NAME: text`
 * (no parentheses) is a speaker for whom WeChat gave no id: the bot sees the name only.
 */
describe('a display name alone is nobody', () => {
  it('a group member nicknamed like the building leader cannot accept or close; the real one can', async () => {
    const { events, sim } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
[丽水鑫城业主群] 江天荣: 接单 #1
[dm] 江天荣: 接单 #1
[dm] 江天荣: 办结 #1 已修好
wait 1m
[dm] 江天荣(jiangtianrong): 接单 #1
`);
    const refused = ofKind(events, 'refused');
    expect(refused.map((r) => r.command)).toEqual(['接单', '接单', '办结']);
    // Refused to whoever the contact is, never recorded as the holder.
    expect(refused.every((r) => r.who !== 'jiangtianrong')).toBe(true);
    const statuses = ofKind(events, 'ticket').map((t) => [t.status, t.assignees]);
    expect(statuses).toEqual([
      ['assigned', ['jiangtianrong']],
      ['accepted', ['jiangtianrong']],
    ]);
    // The impostor's refusals never carried the resident's details.
    const toImpostor = ofKind(events, 'say').filter((s) => notAHolder(s.to));
    expect(toImpostor.map((s) => s.text).join('\n')).not.toMatch(/1栋2单元|张大爷/);
    expect(sim).toBeDefined();
  });

  it('a staff member\'s nickname gives no staff command: no points, no broadcast, no bind code, no notice', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[dm] 刘佳玮: 积分调整 zhangdaye +500 辛苦了
[dm] 刘佳玮: 群发 丽水鑫城 今晚停水
[dm] 刘佳玮: 绑定码 徐成朋
[dm] 徐成朋: 通知 丽水鑫城 明天 9:00 大扫除
[丽水鑫城业主群] 刘佳玮: 群发 丽水鑫城 今晚停水
`);
    expect(ofKind(events, 'refused').map((r) => r.command)).toEqual(['积分调整', '群发', '绑定码', '通知', '群发']);
    expect(ofKind(events, 'points')).toEqual([]);
    expect(ofKind(events, 'notice')).toEqual([]);
    const says = ofKind(events, 'say');
    expect(says.some((s) => /\d{6}/.test(s.text))).toBe(false);
    expect(says.filter((s) => s.room === '丽水鑫城业主群' && s.text.includes('停水'))).toEqual([]);
    // Each refusal tells how a real post-holder gets recognised.
    expect(says.filter((s) => notAHolder(s.to)).some((s) => s.text.includes('绑定'))).toBe(true);
  });

  it('a resident\'s nickname opens nothing of hers: tickets, points, cancellation, redemption', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[dm] 刘佳玮(liujiawei): 商品 大米 30 库存5
[丽水鑫城业主群] 赵奶奶(zhaonainai): 2栋1单元电梯困人了快来人
[dm] 刘佳玮(liujiawei): 积分调整 zhaonainai +50 志愿服务
[丽水鑫城业主群] 赵奶奶: 撤销 #1
[丽水鑫城业主群] 赵奶奶: 兑换 大米
[dm] 赵奶奶: 我的积分
[dm] 赵奶奶: 我的工单
[dm] 赵奶奶: 查询 #1
wait 1m
[dm] 赵奶奶(zhaonainai): 我的积分
`);
    expect(ofKind(events, 'ticket').map((t) => t.status)).toEqual(['assigned']);
    expect(ofKind(events, 'points').map((p) => [p.who, p.delta])).toEqual([['zhaonainai', 50]]);
    const refused = ofKind(events, 'refused');
    expect(refused.map((r) => r.command)).toEqual(['撤销', '兑换', '查询']);
    const toImpostor = ofKind(events, 'say').filter((s) => notAHolder(s.to)).map((s) => s.text).join('\n');
    expect(toImpostor).not.toContain('50');
    expect(toImpostor).not.toContain('#1 ');
    const toHer = ofKind(events, 'say').filter((s) => s.to === 'zhaonainai').map((s) => s.text);
    expect(toHer.at(-1)).toContain('50');
  });
});
