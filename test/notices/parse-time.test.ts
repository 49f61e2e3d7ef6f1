import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/commands/normalize.js';
import { parseWhen } from '../../src/notices/parse-time.js';
import { isoLocal } from '../../src/time.js';

const SH = 'Asia/Shanghai';
// Monday 2026-03-02 09:00 in Shanghai.
const NOW = new Date('2026-03-02T09:00:20+08:00');

/** What a parse reads back as: the schedule in words a test can compare, and the rest. */
function read(typed: string, now = NOW, zone = SH) {
  const r = parseWhen(normalizeText(typed).text, now, zone);
  if (!r.ok) return { error: r.reason };
  const s = r.schedule;
  const time = s.repeat === 'once' ? isoLocal(s.at, zone) : `${String(s.time.hour).padStart(2, '0')}:${String(s.time.minute).padStart(2, '0')}`;
  const extra = s.repeat === 'weekly' ? ` w${s.weekday}` : s.repeat === 'monthly' ? ` d${s.monthDay}` : '';
  return { schedule: `${s.repeat} ${time}${extra}`, rest: r.rest };
}

describe('parseWhen: the forms people type', () => {
  it.each<[string, string, string]>([
    ['2026-03-05 09:00 停水', 'once 2026-03-05T09:00:00+08:00', '停水'],
    ['2026/3/5 9:00 停水', 'once 2026-03-05T09:00:00+08:00', '停水'],
    ['2026年3月5日 9点 停水', 'once 2026-03-05T09:00:00+08:00', '停水'],
    ['3月5日 09:00 停水', 'once 2026-03-05T09:00:00+08:00', '停水'],
    ['3月5号9点半停水', 'once 2026-03-05T09:30:00+08:00', '停水'],
    ['今天 18:00 开会', 'once 2026-03-02T18:00:00+08:00', '开会'],
    ['今天 09:00 开会', 'once 2026-03-02T09:00:00+08:00', '开会'], // the current minute still counts
    ['明天 9:00 开会', 'once 2026-03-03T09:00:00+08:00', '开会'],
    ['明天下午3点 开会', 'once 2026-03-03T15:00:00+08:00', '开会'],
    ['明天晚上8点30分 开会', 'once 2026-03-03T20:30:00+08:00', '开会'],
    ['后天 7:05 开会', 'once 2026-03-04T07:05:00+08:00', '开会'],
    ['每天 8:00 倒垃圾', 'daily 08:00', '倒垃圾'],
    ['每天8点倒垃圾', 'daily 08:00', '倒垃圾'],
    ['每日 20:15 关窗', 'daily 20:15', '关窗'],
    ['每周五 9:00 周末大扫除', 'weekly 09:00 w5', '周末大扫除'],
    ['每周一 9:00 例会', 'weekly 09:00 w1', '例会'],
    ['每周日 9:00 义诊', 'weekly 09:00 w0', '义诊'],
    ['每周天 9:00 义诊', 'weekly 09:00 w0', '义诊'],
    ['每星期三 10:00 理发', 'weekly 10:00 w3', '理发'],
    ['每月1日 9:00 交物业费', 'monthly 09:00 d1', '交物业费'],
    ['每月31号 17:00 月底检查', 'monthly 17:00 d31', '月底检查'],
    // Full-width digits and colon, as WeChat keyboards type them.
    ['每天 ０８：３０ 晨练', 'daily 08:30', '晨练'],
    ['明天　９：００　开会', 'once 2026-03-03T09:00:00+08:00', '开会'],
  ])('%s', (typed, schedule, rest) => {
    expect(read(typed)).toEqual({ schedule, rest });
  });

  it.each<[string, 'unreadable' | 'invalid' | 'past']>([
    ['下周 9:00 开会', 'unreadable'],
    ['明天 开会', 'unreadable'],
    ['每周八 9:00 开会', 'unreadable'],
    ['九点 开会', 'unreadable'],
    ['今天 25:00 开会', 'invalid'],
    ['今天 9:75 开会', 'invalid'],
    ['2026-02-30 09:00 开会', 'invalid'],
    ['每月32日 9:00 开会', 'invalid'],
    ['每月0日 9:00 开会', 'invalid'],
    ['今天 08:59 开会', 'past'],
    ['2026-03-01 09:00 开会', 'past'],
    ['3月1日 9:00 开会', 'past'],
  ])('refuses %s (%s)', (typed, reason) => {
    expect(read(typed)).toEqual({ error: reason });
  });

  it('reads M月D日 long gone this year as next year (1月5日 written in December)', () => {
    expect(read('1月5日 9:00 元旦后开工', new Date('2026-12-20T10:00:00+08:00')).schedule).toBe('once 2027-01-05T09:00:00+08:00');
  });

  it('reads 今天/明天 on the community calendar, not UTC', () => {
    // 00:30 Tuesday in Shanghai is still Monday in UTC.
    expect(read('今天 10:00 开会', new Date('2026-03-02T16:30:00Z')).schedule).toBe('once 2026-03-03T10:00:00+08:00');
    expect(read('明天 10:00 meeting', new Date('2026-03-02T16:30:00Z'), 'America/New_York').schedule).toBe('once 2026-03-03T10:00:00-05:00');
  });
});
