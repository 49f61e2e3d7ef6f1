import { describe, expect, it } from 'vitest';
import { ofKind, simulationInParts, type RecordedEvent } from '../support/sim.js';

/** Six-digit codes that are not `code`. */
const wrongOnes = (code: string, n: number) => Array.from({ length: n }, (_, i) => String(((Number(code) - 100000 + 1 + i * 7919) % 900000) + 100000));

const codeIn = (events: RecordedEvent[], to: string, pattern: RegExp) =>
  pattern.exec(ofKind(events, 'say').filter((s) => s.to === to).map((s) => s.text).join('\n'))![1];

/** Staff hand the building leader 江天荣 a bind code (he has no WeChat id here); returns it. */
async function bindCodeForJiang(play: (script: string) => Promise<void>, events: RecordedEvent[]): Promise<string> {
  await play('at 2026-03-02 09:00\n[dm] 刘佳玮(liujiawei): 绑定码 江天荣');
  return codeIn(events, 'liujiawei', /绑定码：(\d{6})/);
}

describe('guessing codes is locked out', () => {
  it('绑定: five wrong codes lock the sender for 15 minutes; the right code is refused meanwhile and accepted after', async () => {
    const { events, sim, play } = simulationInParts();
    try {
      const code = await bindCodeForJiang(play, events);
      const tries = wrongOnes(code, 5).map((w) => `[dm] 江天荣: 绑定 ${w}\nwait 20s`).join('\n');
      await play(`${tries}\n[dm] 江天荣: 绑定 ${code}\nwait 14m\n[dm] 江天荣: 绑定 ${code}\nwait 2m\n[dm] 江天荣: 绑定 ${code}\n[dm] 江天荣: 我的待办`);
      await sim.finish();
    } finally {
      await sim.stop();
    }
    const refused = ofKind(events, 'refused').filter((r) => r.command === '绑定');
    expect(refused.map((r) => r.reason)).toEqual([
      ...Array(4).fill('绑定码不对或已过期，请向社区工作人员重新索取。'),
      '绑定码不对或已过期，请向社区工作人员重新索取。绑定码错误次数太多，已暂停，请 15 分钟后再试。',
      '绑定码错误次数太多，已暂停，请 15 分钟后再试。',
      expect.stringMatching(/^绑定码错误次数太多，已暂停，请 [12] 分钟后再试。$/),
    ]);
    const toHim = ofKind(events, 'say').filter((s) => s.to?.startsWith('id:')).map((s) => s.text);
    // The lock is said in plain words to the one who typed the codes.
    expect(toHim).toContain('绑定码不对或已过期，请向社区工作人员重新索取。绑定码错误次数太多，已暂停，请 15 分钟后再试。');
    expect(toHim.some((t) => t.startsWith('绑定成功：您是江天荣'))).toBe(true);
    // Bound only after the lock: his 我的待办 is answered as the building leader's.
    expect(ofKind(events, 'refused').filter((r) => r.command === '我的待办')).toEqual([]);
  }, 120_000);

  it('绑定 from many made-up senders: 30 wrong codes in all pause binding by code for everyone, and staff hear once', async () => {
    const { events, sim, play } = simulationInParts();
    try {
      const code = await bindCodeForJiang(play, events);
      const wrong = wrongOnes(code, 32);
      // Eight senders, four tries each: none of them alone reaches five.
      const lines = wrong.map((w, i) => `[dm] 试码${i % 8}号: 绑定 ${w}`).join('\n');
      await play(`${lines}\n[dm] 江天荣: 绑定 ${code}\nwait 16m\n[dm] 江天荣: 绑定 ${code}`);
      await sim.finish();
    } finally {
      await sim.stop();
    }
    const reasons = ofKind(events, 'refused').filter((r) => r.command === '绑定').map((r) => r.reason);
    // The 30th wrong code locks; the 31st, the 32nd and then the right code (江天荣's own) are refused.
    expect(reasons.filter((r) => r.includes('错误次数太多'))).toHaveLength(4);
    expect(reasons.at(-1)).toBe('绑定码错误次数太多，已暂停，请 15 分钟后再试。');
    const staff = ofKind(events, 'say').filter((s) => s.room === '金沙社区工作群' && s.text.includes('试错绑定码'));
    expect(staff).toHaveLength(1);
    expect(ofKind(events, 'say').some((s) => s.text.startsWith('绑定成功：您是江天荣'))).toBe(true);
  }, 120_000);

  it('签到: five wrong check-in codes lock the volunteer for 15 minutes; the right one is refused meanwhile and accepted after', async () => {
    const { events, sim, play } = simulationInParts();
    try {
      await play(`
at 2026-03-02 09:00
[dm] 徐成朋(xuchengpeng): 活动 丽水鑫城 义务理发 今天 10:30 3栋门口 5 8
[丽水鑫城业主群] 李阿姨(liayi): 报名
`);
      const code = codeIn(events, 'xuchengpeng', /签到码：(\d+)/);
      expect(code).toMatch(/^\d{6}$/);
      const tries = wrongOnes(code, 5).map((w) => `[dm] 李阿姨(liayi): 签到 ${w}\nwait 20s`).join('\n');
      await play(`at 2026-03-02 10:00\n${tries}\n[dm] 李阿姨(liayi): 签到 ${code}\n[丽水鑫城业主群] 李阿姨(liayi): ${code}\nwait 15m\n[dm] 李阿姨(liayi): 签到 ${code}`);
      await sim.finish();
    } finally {
      await sim.stop();
    }
    const refused = ofKind(events, 'refused').filter((r) => r.command === '签到');
    expect(refused).toHaveLength(6);
    expect(refused[4].reason).toContain('签到码错误次数太多，已暂停，请 15 分钟后再试。');
    expect(refused[5].reason).toBe('签到码错误次数太多，已暂停，请 15 分钟后再试。');
    // The bare right code in the group during the lock: silent, and no points.
    expect(ofKind(events, 'say').filter((s) => s.room === '丽水鑫城业主群' && s.text.includes('签到'))).toEqual([]);
    expect(ofKind(events, 'points').map((p) => [p.who, p.delta])).toEqual([['liayi', 8]]);
    expect(ofKind(events, 'say').filter((s) => s.to === 'liayi').at(-1)!.text).toContain('签到成功');
  }, 120_000);
});
