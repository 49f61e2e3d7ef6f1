import { describe, expect, it } from 'vitest';
import type { BotEvent } from '../../src/events.js';
import { parseScript } from '../../src/simulate/script.js';
import { Simulation } from '../../src/simulate/run.js';
import { demoOrg } from '../support/sim.js';

describe('binding a post-holder the bot does not recognise', () => {
  it('refuses with how to bind, then a staff code makes their commands work', async () => {
    const events: BotEvent[] = [];
    const sim = new Simulation({ org: demoOrg(), onEvent: (e) => events.push(e) });
    const play = async (script: string) => {
      for (const step of parseScript(script, 'Asia/Shanghai')) await sim.play(step);
    };
    try {
      await play(`
at 2026-03-02 09:00
[丽水鑫城业主群] 张大爷(zhangdaye): 1栋2单元楼道灯坏了好几天了
[dm] 江天荣(jtr-new-phone): 接单 #1
`);
      const refusal = events.find((e) => e.kind === 'refused');
      expect(refusal).toMatchObject({ kind: 'refused', who: 'jtr-new-phone', command: '接单' });
      expect((refusal as { reason: string }).reason).toContain('绑定');

      await play('[dm] 张大爷(zhangdaye): 绑定码 jiangtianrong');
      expect(events.filter((e) => e.kind === 'refused')).toHaveLength(2);

      await play('[dm] 刘佳玮(liujiawei): 绑定码 江天荣');
      const codeMessage = events.find((e) => e.kind === 'say' && e.to === 'liujiawei' && e.text.includes('绑定码')) as { text: string };
      const code = /(\d{6})/.exec(codeMessage.text)![1];

      await play(`[dm] 江天荣(jtr-new-phone): 绑定 ${code}`);
      // (A minute later: the same words within 10 s would be taken for a double delivery.)
      await play('wait 1m\n[dm] 江天荣(jtr-new-phone): 接单 #1');
      const accepted = events.find((e) => e.kind === 'ticket' && e.status === 'accepted');
      expect(accepted).toMatchObject({ id: 1, assignees: ['jiangtianrong'] });

      // The code works once.
      await play(`[dm] 张大爷(zhangdaye): 绑定 ${code}`);
      expect(events.at(-1)).toMatchObject({ kind: 'say', to: 'zhangdaye' });
      expect(events.filter((e) => e.kind === 'refused').at(-1)).toMatchObject({ who: 'zhangdaye', command: '绑定' });
    } finally {
      await sim.stop();
    }
  });
});
