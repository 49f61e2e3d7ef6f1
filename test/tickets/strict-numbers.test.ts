import { describe, expect, it } from 'vitest';
import { parseRating, parseTicketArgs } from '../../src/tickets/ticket-args.js';
import { ofKind, runScript } from '../support/sim.js';

describe('numbers in commands are read strictly', () => {
  it.each(['#1e9', '#1.5', '#1,000', '#123456789012', '1x'])('%s is no ticket number', (args) => {
    expect(() => parseTicketArgs(args, '接单 #3')).toThrow(/整数/);
  });

  it.each(['4.5', '4。5', '3,5'])('a rating of %s is refused, not read as a whole score with a comment', (rest) => {
    expect(() => parseRating(rest, 1)).toThrow(/整数/);
  });

  it('`接单 #1e9`, `评价 #1 4.5` and `签到 #A99999999999` get a clear refusal and change nothing', async () => {
    const { events } = await runScript(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
[dm] 江天荣(jiangtianrong): 接单 #1e9
[dm] 江天荣(jiangtianrong): 接单 #1
[dm] 江天荣(jiangtianrong): 办结 #1 已换灯泡
[丽水鑫城业主群] 张大爷(zhangdaye): 评价 #1 4.5
[dm] 刘佳玮(liujiawei): 签到 #A99999999999 张三
`);
    const refused = ofKind(events, 'refused');
    expect(refused.map((r) => r.command)).toEqual(['接单', '评价', '签到']);
    expect(refused.every((r) => /整数/.test(r.reason))).toBe(true);
    expect(ofKind(events, 'ticket').map((t) => t.status)).toEqual(['assigned', 'accepted', 'resolved']);
  });
});
