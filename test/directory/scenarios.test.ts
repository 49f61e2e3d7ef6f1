import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/org/load.js';
import { ofKind, repoRoot, runScript } from '../support/sim.js';

const river = () => loadOrgFile(path.join(repoRoot, 'test/directory/fixtures/river-org.yaml'));
const saysTo = (events: Awaited<ReturnType<typeof runScript>>['events'], where: { room?: string; to?: string }) =>
  ofKind(events, 'say').filter((s) => (where.room ? s.room === where.room : s.to === where.to)).map((s) => s.text);

describe('who holds what, asked in the group (demo community)', () => {
  it('answers the building leader of the building group, names only', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城3栋邻里群] 王阿姨(wangayi): 我们楼的楼栋长是谁
`);
    const [answer] = saysTo(events, { room: '丽水鑫城3栋邻里群' });
    expect(answer).toContain('熊本梅');
    expect(answer).toContain('楼栋长');
    expect(answer).not.toMatch(/\d{7,}/);
  });

  it('uses the registered address in the grid-wide group, and asks for one when there is none', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 李叔(lishu): 楼栋长是谁
[丽水鑫城业主群] 张大爷(zhangdaye): 登记 1-2-301
[丽水鑫城业主群] 张大爷(zhangdaye): 楼栋长是谁
[丽水鑫城业主群] 张大爷(zhangdaye): 网格员
`);
    const texts = saysTo(events, { room: '丽水鑫城业主群' });
    expect(texts[0]).toMatch(/哪一栋|登记/);
    expect(texts.find((t) => t.includes('江天荣'))).toContain('1栋楼栋长');
    const team = texts.find((t) => t.includes('徐成朋'))!;
    expect(team).toContain('卫生员：程卫东');
    expect(team).not.toContain('江天荣');
  });

  it('谁是 and 通讯录 as commands, in a direct chat by a post-holder', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[dm] 江天荣(jiangtianrong): 谁是书记
[dm] 江天荣(jiangtianrong): 通讯录
`);
    const texts = saysTo(events, { to: 'jiangtianrong' });
    expect(texts[0]).toContain('徐成朋');
    expect(texts[1]).toContain('周经理');
    expect(texts[1]).toContain('祁卫华');
  });
});

describe('who holds what in a second community', () => {
  it('shows a phone only where the file marks it public', async () => {
    const { events } = await runScript(
      `
at 2026-03-02 09:00
[江畔花园5栋群] 居民甲(jumin1): 物业电话
[江畔花园5栋群] 居民甲(jumin1): 楼栋长电话多少
[江畔花园5栋群] 居民甲(jumin1): 书记是谁
[江畔花园5栋群] 居民甲(jumin1): 社区书记是谁
`,
      { org: river() },
    );
    const texts = saysTo(events, { room: '江畔花园5栋群' });
    expect(texts[0]).toContain('物业老林');
    expect(texts[0]).toContain('0713-5550123');
    expect(texts[1]).toContain('赵栋长');
    expect(texts[1]).not.toContain('13800000005');
    expect(texts[1]).toContain('电话未公开');
    expect(texts[2]).toContain('何支书');
    expect(texts[2]).not.toContain('13900000001');
    expect(texts[3]).toContain('0713-5550001');
  });

  it('帮助 differs by role', async () => {
    const { events } = await runScript(
      `
at 2026-03-02 09:00
[江畔花园业主群] 居民甲(jumin1): 帮助
[dm] 赵栋长(zhaodongzhang): 帮助
[dm] 何支书(hezhishu): 帮助
[dm] 周敏(zhoumin): 帮助
`,
      { org: river() },
    );
    const resident = saysTo(events, { room: '江畔花园业主群' })[0];
    expect(resident).toContain('居民');
    expect(resident).toContain('【报事与工单】');
    expect(resident).not.toContain('接单');
    expect(resident).not.toContain('通知 范围');
    const holder = saysTo(events, { to: 'zhaodongzhang' })[0];
    expect(holder).toContain('楼栋长（江畔花园5栋）');
    expect(holder).toContain('接单 #工单号');
    expect(holder).not.toContain('通知 范围');
    const secretary = saysTo(events, { to: 'hezhishu' })[0];
    expect(secretary).toContain('党支部书记（江畔花园）');
    expect(secretary).toContain('江畔花园的所有工单');
    const staff = saysTo(events, { to: 'zhoumin' })[0];
    expect(staff).toContain('【社区管理】');
    expect(staff).toContain('通知 范围 时间 内容 — 定时通知');
  });
});
