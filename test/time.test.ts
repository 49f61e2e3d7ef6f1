import { describe, expect, it } from 'vitest';
import { localDayKey, zonedParts } from '../src/time.js';

describe('local time of an instant', () => {
  it('follows daylight saving time on both sides of the change, minute by minute', () => {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    // 2026-03-08 02:00 local: clocks spring forward; 2026-11-01 02:00: they fall back.
    for (const start of [Date.UTC(2026, 2, 8, 5), Date.UTC(2026, 10, 1, 4)]) {
      for (let ms = start; ms < start + 4 * 3600_000; ms += 7 * 60_000) {
        const p = zonedParts(new Date(ms), 'America/New_York');
        const want = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
        expect([p.year, p.month, p.day, p.hour, p.minute]).toEqual([want.year, want.month, want.day, want.hour, want.minute]);
      }
    }
  });

  it('gives the community day in Shanghai across midnight', () => {
    expect(localDayKey(new Date('2026-03-01T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-03-01');
    expect(localDayKey(new Date('2026-03-01T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(zonedParts(new Date('2026-03-01T16:00:00Z'), 'Asia/Shanghai').weekday).toBe(1);
  });
});
