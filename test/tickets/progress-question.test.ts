import { describe, expect, it } from 'vitest';
import { ofKind, runScript } from '../support/sim.js';

const inRoom = (events: Awaited<ReturnType<typeof runScript>>['events'], topic: string) =>
  ofKind(events, 'say').filter((s) => s.room === topic).map((s) => s.text);

describe('a progress question without a ticket number', () => {
  it('is answered with the resident’s latest open ticket, not a new one', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
wait 10m
[丽水鑫城业主群] 张大爷(zhangdaye): 小区东门那个井盖碎了一半
wait 1d
[丽水鑫城业主群] 张大爷(zhangdaye): 那事到底还管不管
`);
    // Two tickets and no third one for the question.
    expect([...new Set(ofKind(events, 'ticket').map((t) => t.id))]).toEqual([1, 2]);
    const answer = inRoom(events, '丽水鑫城业主群').find((t) => t.includes('您问的应该是这张工单'));
    expect(answer).toContain('#2');
    expect(answer).not.toContain('#1 ');
  });

  it('in dialect, about a report already closed: the recent tickets are listed', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): @网格助手 1栋2单元楼道灯坏了好几天了
wait 10m
[dm] 江天荣(jiangtianrong): 接单 #1
wait 1h
[dm] 江天荣(jiangtianrong): 办结 #1 灯已换好
wait 30m
[丽水鑫城业主群] 张大爷(zhangdaye): 评价 #1 5 很快
wait 1d
[丽水鑫城业主群] 张大爷(zhangdaye): 前天说的那个楼道灯弄好了没
`);
    expect(ofKind(events, 'ticket').map((t) => t.id).every((id) => id === 1)).toBe(true);
    expect(inRoom(events, '丽水鑫城业主群').some((t) => t.startsWith('您最近的工单') && t.includes('#1'))).toBe(true);
  });

  // r17: dialect shapes with no number and no thing named (told several times, 派人了没得):
  // still a question about the latest open ticket, answered with it, and no new ticket.
  it.each([
    ['这事俺都讲过三回了 到底有没有人当回事'],
    ['俺上回说那个 派人了没得'],
  ])('%s is linked to the latest open ticket', async (question) => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 3栋1单元楼道灯坏了好几天了
wait 10m
[丽水鑫城业主群] 张大爷(zhangdaye): 小区北门的路面塌了个坑
wait 2d
[丽水鑫城业主群] 张大爷(zhangdaye): ${question}
`);
    expect([...new Set(ofKind(events, 'ticket').map((t) => t.id))]).toEqual([1, 2]);
    const answer = inRoom(events, '丽水鑫城业主群').find((t) => t.includes('您问的应该是这张工单'));
    expect(answer).toContain('#2');
    expect(answer).not.toContain('#1 ');
  });
});
