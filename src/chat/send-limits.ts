import type { SendLimits } from '../config.js';

/**
 * What the sender remembers of its recent sends; enough to decide, purely, when the next
 * message to a target may go without putting the account at risk.
 */
export interface SendHistory {
  /** Send times within the last minute, ascending (ms). */
  recent: number[];
  lastByTarget: Map<string, number>;
  last?: { target: string; at: number; pauseMs: number };
  sentToday: number;
  dayStart: number;
  nextDayStart: number;
  pausedUntil: number;
}

export function emptyHistory(dayStart: number, nextDayStart: number): SendHistory {
  return { recent: [], lastByTarget: new Map(), sentToday: 0, dayStart, nextDayStart, pausedUntil: 0 };
}

/**
 * How much of the day's cap a message may use: urgent ones pass it, reserved ones (urgent
 * acknowledgements, messages to post-holders) may use all of it, the rest stop short of
 * the reserve — so a busy day never leaves a holder's new ticket unsent.
 */
export function dailyAllowance(limits: SendLimits, kind: { urgent: boolean; reserved: boolean }): number {
  if (kind.urgent) return Infinity;
  return kind.reserved ? limits.dailyCap : limits.dailyCap - limits.dailyReserve;
}

/** The earliest instant (ms) a message to `target` may be sent. */
export function earliestSend(history: SendHistory, target: string, kind: { urgent: boolean; reserved: boolean }, now: number, limits: SendLimits): number {
  let t = Math.max(now, history.pausedUntil);
  const window = history.recent.filter((at) => at > now - 60_000);
  if (window.length >= limits.perMinute) t = Math.max(t, window[window.length - limits.perMinute] + 60_000);
  const lastHere = history.lastByTarget.get(target);
  if (lastHere !== undefined) t = Math.max(t, lastHere + limits.roomGapMs);
  if (history.last && history.last.target !== target) t = Math.max(t, history.last.at + history.last.pauseMs);
  if (history.sentToday >= dailyAllowance(limits, kind) && t < history.nextDayStart) t = history.nextDayStart;
  return t;
}

export function recordSend(
  history: SendHistory,
  target: string,
  at: number,
  pauseMs: number,
): void {
  history.recent = history.recent.filter((t) => t > at - 60_000);
  history.recent.push(at);
  history.lastByTarget.set(target, at);
  history.last = { target, at, pauseMs };
  history.sentToday += 1;
}

export function randomPause(limits: SendLimits, random: () => number): number {
  return Math.round(limits.pauseMinMs + (limits.pauseMaxMs - limits.pauseMinMs) * random());
}
