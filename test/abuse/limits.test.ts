import { describe, expect, it } from 'vitest';
import { current, DEFAULT_ABUSE_RULES, exceeded, failure, lockedAt, minutesLeft, take, type Counter, type LimitRule } from '../../src/abuse/limits.js';
import { dailyAllowance, earliestSend, emptyHistory } from '../../src/chat/send-limits.js';
import { loadConfig } from '../../src/config.js';

const MIN = 60_000;
const fivePerTen: LimitRule = { max: 5, windowMs: 10 * MIN };

/** Counts `n` in a row at the given times; returns each outcome. */
function run(rule: LimitRule, times: number[]) {
  let c: Counter | undefined;
  return times.map((t) => {
    const out = take(rule, c, t);
    c = out.counter;
    return [out.allowed, out.tell] as const;
  });
}

describe('abuse limits (pure)', () => {
  it('five reports in ten minutes pass; the sixth is held and told once; the rest are held silently', () => {
    const times = Array.from({ length: 9 }, (_, i) => i * 1000);
    expect(run(fivePerTen, times)).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [true, false],
      [true, false],
      [false, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });

  it('a new window starts from nothing, and the sender may be told again', () => {
    const times = [0, 1, 2, 3, 4, 5, 6, 10 * MIN, 10 * MIN + 1, 10 * MIN + 2, 10 * MIN + 3, 10 * MIN + 4, 10 * MIN + 5];
    const out = run(fivePerTen, times);
    expect(out.slice(7, 12).every(([allowed]) => allowed)).toBe(true);
    expect(out.at(-1)).toEqual([false, true]);
  });

  it.each([
    // [counts before, ms after the window start, exceeded]
    [5, 1000, false],
    [6, 1000, true],
    [6, 10 * MIN, false],
  ])('%i counted, %i ms on: exceeded %s (a flooded ticket takes no merges)', (count, after, expected) => {
    expect(exceeded(fivePerTen, { count, windowStart: 0 }, after)).toBe(expected);
  });

  it('five wrong codes lock for fifteen minutes; the lock opens by itself', () => {
    const rule = DEFAULT_ABUSE_RULES.wrongCodesPerSender;
    let c: Counter | undefined;
    for (let i = 0; i < 4; i++) {
      c = failure(rule, c, i * MIN);
      expect(lockedAt(c, i * MIN)).toBe(false);
    }
    c = failure(rule, c, 4 * MIN);
    expect(lockedAt(c, 4 * MIN)).toBe(true);
    expect(minutesLeft(c, 4 * MIN)).toBe(15);
    expect(minutesLeft(c, 18 * MIN + 1)).toBe(1);
    expect(lockedAt(c, 19 * MIN - 1)).toBe(true);
    expect(lockedAt(c, 19 * MIN)).toBe(false);
    // After the lock the sender starts from nothing again.
    expect(current(rule, c, 40 * MIN).count).toBe(0);
  });

  it('wrong codes spread out beyond the window never lock', () => {
    const rule = DEFAULT_ABUSE_RULES.wrongCodesPerSender;
    let c: Counter | undefined;
    for (let i = 0; i < 20; i++) c = failure(rule, c, i * 16 * MIN);
    expect(lockedAt(c, 20 * 16 * MIN)).toBe(false);
  });

  it('refusals from a group: one a minute', () => {
    const rule = DEFAULT_ABUSE_RULES.groupRefusalsPerSender;
    const out = run(rule, [0, 10_000, 59_999, 60_000, 61_000]);
    expect(out.map(([allowed]) => allowed)).toEqual([true, false, false, true, false]);
  });
});

describe('the daily reserve', () => {
  const limits = loadConfig({}).send;

  it.each([
    [{ urgent: false, reserved: false }, 240],
    [{ urgent: false, reserved: true }, 300],
    [{ urgent: true, reserved: true }, Infinity],
  ])('%o may use %d of 300', (kind, allowance) => {
    expect(limits.dailyCap).toBe(300);
    expect(dailyAllowance(limits, kind)).toBe(allowance);
  });

  it('an ordinary message waits for the next day once the ordinary share is used; a holder\'s does not', () => {
    const history = emptyHistory(0, 24 * 60 * MIN);
    history.sentToday = 240;
    expect(earliestSend(history, '群', { urgent: false, reserved: false }, 1000, limits)).toBe(24 * 60 * MIN);
    expect(earliestSend(history, 'holder', { urgent: false, reserved: true }, 1000, limits)).toBe(1000);
    history.sentToday = 300;
    expect(earliestSend(history, 'holder', { urgent: false, reserved: true }, 1000, limits)).toBe(24 * 60 * MIN);
    expect(earliestSend(history, '群', { urgent: true, reserved: true }, 1000, limits)).toBe(1000);
  });

  it('GRIDBOT_SEND_DAILY_RESERVE sets the reserve, never the whole cap', () => {
    expect(loadConfig({ GRIDBOT_SEND_DAILY_RESERVE: '50' }).send.dailyReserve).toBe(50);
    expect(loadConfig({ GRIDBOT_SEND_DAILY_CAP: '10', GRIDBOT_SEND_DAILY_RESERVE: '50' }).send.dailyReserve).toBe(9);
  });
});
