import { describe, expect, it } from 'vitest';
import { isQuietHour } from '../../src/kernel/quiet-hours.js';
import { acceptDeadline, deadlineAfter, resolveDeadline, slaFor } from '../../src/tickets/deadlines.js';
import { formatLocal, parseDuration } from '../../src/time.js';
import { demoOrg } from '../support/sim.js';
import { otherOrg } from './support.js';

const TZ = 'Asia/Shanghai';
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe('deadlineAfter: quiet hours stop a normal clock, never an urgent one', () => {
  it.each<[string, string, string, boolean, string]>([
    ['daytime, normal', '2026-03-02 09:00', '2h', true, '2026-03-02 11:00'],
    ['runs into the night: the rest after 07:00', '2026-03-02 21:00', '2h', true, '2026-03-03 08:00'],
    ['started in the night: from 07:00', '2026-03-02 23:00', '2h', true, '2026-03-03 09:00'],
    ['started after midnight: from 07:00 that morning', '2026-03-03 03:00', '2h', true, '2026-03-03 09:00'],
    ['half an hour before 22:00', '2026-03-02 21:30', '2h', true, '2026-03-03 08:30'],
    ['runs out exactly at 22:00', '2026-03-02 20:00', '2h', true, '2026-03-02 22:00'],
    ['06:59 is still night', '2026-03-03 06:59', '15m', true, '2026-03-03 07:15'],
    ['three days of working hours span five nights', '2026-03-02 09:00', '3d', true, '2026-03-06 21:00'],
    ['across a month end', '2026-03-31 21:00', '2h', true, '2026-04-01 08:00'],
    ['urgent at night keeps running', '2026-03-02 23:50', '15m', false, '2026-03-03 00:05'],
    ['urgent across 22:00', '2026-03-02 21:00', '2h', false, '2026-03-02 23:00'],
    ['urgent in the day', '2026-03-02 10:00', '2h', false, '2026-03-02 12:00'],
  ])('%s', (_name, from, duration, pauses, expected) => {
    expect(formatLocal(deadlineAfter(at(from), parseDuration(duration)!, pauses, TZ), TZ)).toBe(expected);
  });
});

describe('isQuietHour', () => {
  it.each<[string, boolean]>([
    ['2026-03-02 21:59', false],
    ['2026-03-02 22:00', true],
    ['2026-03-03 00:00', true],
    ['2026-03-03 06:59', true],
    ['2026-03-03 07:00', false],
    ['2026-03-03 12:00', false],
  ])('%s → %s', (local, quiet) => expect(isQuietHour(at(local), TZ)).toBe(quiet));
});

describe('deadlines by urgency and the org file', () => {
  it.each<[string, 'demo' | 'other', 'normal' | 'urgent', string, string, string]>([
    ['demo normal: 2 h to accept, 3 days to resolve', 'demo', 'normal', '2026-03-02 09:00', '2026-03-02 11:00', '2026-03-06 21:00'],
    ['demo urgent: 15 min and 2 h, through the night', 'demo', 'urgent', '2026-03-02 23:00', '2026-03-02 23:15', '2026-03-03 01:00'],
    ['override normal: 1 h and 1 day (of working hours)', 'other', 'normal', '2026-03-02 21:30', '2026-03-03 07:30', '2026-03-04 15:30'],
    ['override urgent: 10 min and 1 h', 'other', 'urgent', '2026-03-02 22:30', '2026-03-02 22:40', '2026-03-02 23:30'],
  ])('%s', (_name, which, urgency, from, accept, resolve) => {
    const org = which === 'demo' ? demoOrg() : otherOrg();
    expect(formatLocal(acceptDeadline(org, urgency, at(from), TZ), TZ)).toBe(accept);
    expect(formatLocal(resolveDeadline(org, urgency, at(from), TZ), TZ)).toBe(resolve);
  });

  it('an override of one deadline keeps the default of the other', () => {
    const org = { ...demoOrg(), sla: { normal: { accept: '30m' } } };
    expect(slaFor(org, 'normal')).toEqual({ acceptMs: 30 * 60_000, resolveMs: 3 * 24 * 3600_000, pausesAtNight: true });
    expect(slaFor(org, 'urgent')).toEqual({ acceptMs: 15 * 60_000, resolveMs: 2 * 3600_000, pausesAtNight: false });
  });
});
