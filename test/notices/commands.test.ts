import { describe, expect, it } from 'vitest';
import { shortUsage } from '../../src/app/help.js';
import { CommandMatcher } from '../../src/commands/parse.js';
import { noticeCommands } from '../../src/notices/commands.js';
import { parseNoticeRef } from '../../src/notices/notice-row.js';

describe('notice commands', () => {
  it('say the month-end and quiet-hours rules in 帮助', () => {
    const notice = noticeCommands.find((c) => c.name === '通知')!;
    expect(shortUsage(notice.usage)).toContain('月末最后一天');
    expect(shortUsage(notice.usage)).toContain('07:00');
  });

  it.each<[string, string | undefined]>([
    ['通知 全社区 每天 8:00 x', '通知'],
    ['通知列表', '通知列表'],
    ['取消通知#N1', '取消通知'],
    ['紧急通知 全社区 今天 23:00 x', '紧急通知'],
    ['群发全社区 x', '群发'],
    ['确认', '确认'],
    ['取消', '确认'],
    ['确认一下明天停不停水', undefined],
  ])('%s → %s', (text, name) => {
    expect(new CommandMatcher(noticeCommands).match(text)?.spec.name).toBe(name);
  });

  it.each<[string, number | undefined]>([['#N1', 1], ['N12', 12], ['#n3', 3], ['# N 4', 4], ['7', 7], ['#A1', undefined], ['', undefined]])('notice ref %s', (t, id) => {
    expect(parseNoticeRef(t)).toBe(id);
  });
});
