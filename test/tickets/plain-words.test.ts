import { describe, expect, it } from 'vitest';
import { ofKind, runScript } from '../support/sim.js';

describe('people who do not type commands exactly', () => {
  it('a holder who answers "好的 我去看看" is told which ticket waits and the words to act', async () => {
    const { events } = await runScript(`
at 2026-03-05 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
[dm] 江天荣(jiangtianrong): 好的 我去看看
[dm] 江天荣(jiangtianrong): 接单 #1
[dm] 江天荣(jiangtianrong): 收到
`);
    const toHolder = ofKind(events, 'say').filter((s) => s.to === 'jiangtianrong').map((s) => s.text);
    expect(toHolder[1]).toContain('待签收的工单 #1');
    expect(toHolder[1]).toContain('「接单 #1」');
    // Once accepted, nothing waits: the general hint, not a stale nudge.
    expect(toHolder.at(-1)).not.toContain('待签收');
  });

  it('a resident rates with "五星 谢谢" and the ticket closes with 5', async () => {
    const { events } = await runScript(`
at 2026-03-05 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
[dm] 江天荣(jiangtianrong): 接单1
[dm] 江天荣(jiangtianrong): 办结#1 已经换了新灯泡
[丽水鑫城业主群] 张大爷(zhangdaye): 评价 #1 五星 谢谢
`);
    expect(ofKind(events, 'ticket').at(-1)).toMatchObject({ id: 1, status: 'closed' });
    expect(ofKind(events, 'refused')).toEqual([]);
  });
});
