import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/commands/normalize.js';
import { ofKind, runScript } from '../support/sim.js';

describe('what people type is shown back in their own punctuation', () => {
  it('keeps Chinese prose punctuation, and still reads full-width numbers, ＃ and times', () => {
    expect(normalizeText('办结　＃１２　灯已换好，请大家放心！').text).toBe('办结 #12 灯已换好，请大家放心！');
    expect(normalizeText('通知 全社区 明天 ９：００ 停水（两小时）？').text).toBe('通知 全社区 明天 9:00 停水（两小时）？');
  });

  it('a notice goes to the groups with the commas and brackets staff wrote', async () => {
    const { events } = await runScript(`
at 2026-03-05 08:10
[金沙社区工作群] 刘佳玮(liujiawei): 通知 全社区 今天 9：00 明天上午停水（9点到11点），请提前储水！
wait 1h
`);
    const posted = ofKind(events, 'say').filter((s) => s.room === '丽水鑫城业主群');
    expect(posted.map((s) => s.text)).toContain('【通知】明天上午停水（9点到11点），请提前储水！');
  });
});
