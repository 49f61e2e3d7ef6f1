import { describe, expect, it } from 'vitest';
import { nextRunAfter, planDueRuns, releaseAt, type Schedule } from '../../src/notices/schedule.js';
import { isoLocal, zonedTime } from '../../src/time.js';

const SH = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);
const t = (hour: number, minute = 0) => ({ hour, minute });

describe('nextRunAfter', () => {
  it.each<[string, Schedule, string, string | null]>([
    ['daily, later today', { repeat: 'daily', time: t(9) }, '2026-03-02T08:59:00+08:00', '2026-03-02T09:00:00+08:00'],
    ['daily, exactly at the time → tomorrow', { repeat: 'daily', time: t(9) }, '2026-03-02T09:00:00+08:00', '2026-03-03T09:00:00+08:00'],
    ['daily across a month end', { repeat: 'daily', time: t(8, 30) }, '2026-03-31T10:00:00+08:00', '2026-04-01T08:30:00+08:00'],
    ['daily across a year end', { repeat: 'daily', time: t(0, 5) }, '2026-12-31T23:00:00+08:00', '2027-01-01T00:05:00+08:00'],
    ['weekly Friday from Monday', { repeat: 'weekly', weekday: 5, time: t(9) }, '2026-03-02T09:00:00+08:00', '2026-03-06T09:00:00+08:00'],
    ['weekly Sunday (每周日) from Monday', { repeat: 'weekly', weekday: 0, time: t(9) }, '2026-03-02T09:00:00+08:00', '2026-03-08T09:00:00+08:00'],
    ['weekly Sunday on a Sunday before the time', { repeat: 'weekly', weekday: 0, time: t(9) }, '2026-03-08T08:00:00+08:00', '2026-03-08T09:00:00+08:00'],
    ['weekly Sunday on a Sunday after the time', { repeat: 'weekly', weekday: 0, time: t(9) }, '2026-03-08T09:30:00+08:00', '2026-03-15T09:00:00+08:00'],
    ['weekly Monday, same weekday after → next week', { repeat: 'weekly', weekday: 1, time: t(9) }, '2026-03-02T09:00:00+08:00', '2026-03-09T09:00:00+08:00'],
    ['monthly 1st', { repeat: 'monthly', monthDay: 1, time: t(9) }, '2026-03-02T09:00:00+08:00', '2026-04-01T09:00:00+08:00'],
    ['monthly 31st in a 31-day month', { repeat: 'monthly', monthDay: 31, time: t(9) }, '2026-03-02T09:00:00+08:00', '2026-03-31T09:00:00+08:00'],
    ['monthly 31st in April → last day (30th)', { repeat: 'monthly', monthDay: 31, time: t(9) }, '2026-03-31T09:00:00+08:00', '2026-04-30T09:00:00+08:00'],
    ['monthly 31st in February → 28th', { repeat: 'monthly', monthDay: 31, time: t(9) }, '2026-01-31T09:00:00+08:00', '2026-02-28T09:00:00+08:00'],
    ['monthly 30th in a leap February → 29th', { repeat: 'monthly', monthDay: 30, time: t(9) }, '2028-02-01T00:00:00+08:00', '2028-02-29T09:00:00+08:00'],
    ['monthly 31st after a short month returns to the 31st', { repeat: 'monthly', monthDay: 31, time: t(9) }, '2026-04-30T09:00:00+08:00', '2026-05-31T09:00:00+08:00'],
    ['monthly across a year end', { repeat: 'monthly', monthDay: 15, time: t(9) }, '2026-12-20T09:00:00+08:00', '2027-01-15T09:00:00+08:00'],
    ['once in the future', { repeat: 'once', at: at('2026-03-05T09:00:00+08:00') }, '2026-03-02T09:00:00+08:00', '2026-03-05T09:00:00+08:00'],
    ['once already run', { repeat: 'once', at: at('2026-03-05T09:00:00+08:00') }, '2026-03-05T09:00:00+08:00', null],
  ])('%s', (_name, schedule, after, expected) => {
    const next = nextRunAfter(schedule, at(after), SH);
    expect(next ? isoLocal(next, SH) : null).toBe(expected);
  });

  it.each<[string, string, Schedule, string, string]>([
    // The wall-clock time stays 09:00 on both sides of a DST change.
    ['New York, before spring forward', 'America/New_York', { repeat: 'daily', time: t(9) }, '2026-03-07T09:00:00-05:00', '2026-03-08T09:00:00-04:00'],
    ['New York, weekly across fall back', 'America/New_York', { repeat: 'weekly', weekday: 0, time: t(9) }, '2026-10-25T09:00:00-04:00', '2026-11-01T09:00:00-05:00'],
    ['UTC monthly 31st in June', 'UTC', { repeat: 'monthly', monthDay: 31, time: t(23, 30) }, '2026-05-31T23:30:00Z', '2026-06-30T23:30:00+00:00'],
    // Late evening in Shanghai is the previous UTC day: the local date decides.
    ['Shanghai 每周一 00:30 seen from a UTC Sunday', SH, { repeat: 'weekly', weekday: 1, time: t(0, 30) }, '2026-03-01T16:00:00Z', '2026-03-02T00:30:00+08:00'],
  ])('time zone: %s', (_name, zone, schedule, after, expected) => {
    expect(isoLocal(nextRunAfter(schedule, at(after), zone)!, zone)).toBe(expected);
  });
});

describe('releaseAt (quiet hours 22:00–07:00)', () => {
  it.each<[string, string, boolean, string]>([
    ['daytime', '2026-03-02T09:00:00+08:00', false, '2026-03-02T09:00:00+08:00'],
    ['23:00 waits for 07:00 next day', '2026-03-02T23:00:00+08:00', false, '2026-03-03T07:00:00+08:00'],
    ['22:00 is quiet', '2026-03-02T22:00:00+08:00', false, '2026-03-03T07:00:00+08:00'],
    ['05:30 waits for 07:00 same day', '2026-03-03T05:30:00+08:00', false, '2026-03-03T07:00:00+08:00'],
    ['07:00 goes', '2026-03-03T07:00:00+08:00', false, '2026-03-03T07:00:00+08:00'],
    ['urgent at 23:00 goes at once', '2026-03-02T23:00:00+08:00', true, '2026-03-02T23:00:00+08:00'],
  ])('%s', (_n, due, urgent, expected) => {
    expect(isoLocal(releaseAt(at(due), urgent, SH), SH)).toBe(expected);
  });
});

describe('planDueRuns', () => {
  const daily9: Schedule = { repeat: 'daily', time: t(9) };
  const grace = 30 * 60_000;
  const plan = (s: Schedule, pending: string, now: string, urgent = false) => {
    const p = planDueRuns(s, at(pending), at(now), { urgent, graceMs: grace, timeZone: SH });
    if (p.kind === 'wait') return 'wait';
    return { post: p.post && isoLocal(p.post, SH), skipped: p.skipped.map((d) => isoLocal(d, SH)), next: p.next && isoLocal(p.next, SH) };
  };

  it.each<[string, Schedule, string, string, boolean, ReturnType<typeof plan>]>([
    ['not due yet', daily9, '2026-03-02T09:00:00+08:00', '2026-03-02T08:59:00+08:00', false, 'wait'],
    ['due now', daily9, '2026-03-02T09:00:00+08:00', '2026-03-02T09:00:00+08:00', false, { post: '2026-03-02T09:00:00+08:00', skipped: [], next: '2026-03-03T09:00:00+08:00' }],
    ['late inside grace', daily9, '2026-03-02T09:00:00+08:00', '2026-03-02T09:30:00+08:00', false, { post: '2026-03-02T09:00:00+08:00', skipped: [], next: '2026-03-03T09:00:00+08:00' }],
    ['late outside grace', daily9, '2026-03-02T09:00:00+08:00', '2026-03-02T09:31:00+08:00', false, { post: null, skipped: ['2026-03-02T09:00:00+08:00'], next: '2026-03-03T09:00:00+08:00' }],
    ['three days down, back at 09:10: older runs skipped, today posted', daily9, '2026-03-02T09:00:00+08:00', '2026-03-05T09:10:00+08:00', false, {
      post: '2026-03-05T09:00:00+08:00',
      skipped: ['2026-03-02T09:00:00+08:00', '2026-03-03T09:00:00+08:00', '2026-03-04T09:00:00+08:00'],
      next: '2026-03-06T09:00:00+08:00',
    }],
    ['once, past grace: skipped and finished', { repeat: 'once', at: at('2026-03-02T09:00:00+08:00') }, '2026-03-02T09:00:00+08:00', '2026-03-02T12:00:00+08:00', false, { post: null, skipped: ['2026-03-02T09:00:00+08:00'], next: null }],
    ['quiet hours: 23:00 waits at 23:30', { repeat: 'daily', time: t(23) }, '2026-03-02T23:00:00+08:00', '2026-03-02T23:30:00+08:00', false, 'wait'],
    ['quiet hours: posted at 07:00, grace counted from 07:00', { repeat: 'daily', time: t(23) }, '2026-03-02T23:00:00+08:00', '2026-03-03T07:20:00+08:00', false, { post: '2026-03-02T23:00:00+08:00', skipped: [], next: '2026-03-03T23:00:00+08:00' }],
    ['quiet hours: down until 09:00 → skipped', { repeat: 'daily', time: t(23) }, '2026-03-02T23:00:00+08:00', '2026-03-03T09:00:00+08:00', false, { post: null, skipped: ['2026-03-02T23:00:00+08:00'], next: '2026-03-03T23:00:00+08:00' }],
    ['urgent in quiet hours goes at once', { repeat: 'daily', time: t(23) }, '2026-03-02T23:00:00+08:00', '2026-03-02T23:00:00+08:00', true, { post: '2026-03-02T23:00:00+08:00', skipped: [], next: '2026-03-03T23:00:00+08:00' }],
  ])('%s', (_n, s, pending, now, urgent, expected) => {
    expect(plan(s, pending, now, urgent)).toEqual(expected);
  });

  it('with a grace window longer than a day, only the latest run is posted', () => {
    const p = planDueRuns(daily9, zonedTime(SH, 2026, 3, 2, 9), zonedTime(SH, 2026, 3, 3, 9, 5), { urgent: false, graceMs: 2 * 86_400_000, timeZone: SH });
    expect(p).toMatchObject({ kind: 'run', post: zonedTime(SH, 2026, 3, 3, 9), skipped: [zonedTime(SH, 2026, 3, 2, 9)] });
  });
});
