import type { SendLimits } from '../config.js';
import { QUIET_END_HOUR } from '../kernel/quiet-hours.js';

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

// ---------------------------------------------------------------- the fair send budget
// Kept apart from the per-message limits above: which part of the day's cap each kind of
// message may use, and in what order kinds go.

/**
 * urgent: passes the cap; reserved: holders' messages and staff groups, may use the whole
 * cap; reply: acknowledgements and answers, stop short of the daily reserve; broadcast:
 * notice posts, stop at their share.
 */
export type SendClass = 'urgent' | 'reserved' | 'reply' | 'broadcast';

/** Part of the daily cap (percent) kept for replies, holders' and urgent messages. */
export const DEFAULT_RESERVE_PERCENT = 30;
/** Quiet hours end at 07:00: a backlog a new day releases waits for it. */
const QUIET_END_MS = QUIET_END_HOUR * 3600_000;
const RANK: Record<SendClass, number> = { urgent: 0, reserved: 1, reply: 1, broadcast: 2 };

export function sendClassOf(m: { urgent: boolean; reserved?: boolean; origin: string | null }): SendClass {
  if (m.urgent) return 'urgent';
  if (m.origin?.startsWith('notice:')) return 'broadcast';
  return m.reserved ? 'reserved' : 'reply';
}

/** Sends a day's broadcasts may use: what the reserve leaves of the cap, never more than replies may. */
export function broadcastDailyBudget(limits: SendLimits, reservePercent = DEFAULT_RESERVE_PERCENT): number {
  const share = limits.dailyCap - Math.ceil((limits.dailyCap * reservePercent) / 100);
  return Math.max(1, Math.min(share, dailyAllowance(limits, { urgent: false, reserved: false })));
}

/** Broadcast sends per minute: a quarter of the rate stays free for replies meanwhile. */
export function broadcastPerMinute(limits: SendLimits): number {
  return Math.max(1, Math.floor((limits.perMinute * 3) / 4));
}

/**
 * The earliest instant a message of this class may go under the budget: broadcasts stop
 * at their share of the cap and keep part of each minute free; non-urgent messages held
 * over from an earlier day (by the cap) go after quiet hours, not at midnight.
 */
export function earliestBudgetedSend(
  history: SendHistory,
  msg: { target: string; cls: SendClass; createdAt: number },
  now: number,
  limits: SendLimits,
): number {
  // The cap is applied here, by class, instead of in earliestSend.
  let t = earliestSend(history, msg.target, { urgent: true, reserved: true }, now, limits);
  if (msg.cls === 'urgent') return t;
  const cap = msg.cls === 'broadcast' ? broadcastDailyBudget(limits) : dailyAllowance(limits, { urgent: false, reserved: msg.cls === 'reserved' });
  if (history.sentToday >= cap && t < history.nextDayStart) t = history.nextDayStart + QUIET_END_MS;
  if (msg.createdAt < history.dayStart) t = Math.max(t, history.dayStart + QUIET_END_MS);
  if (msg.cls === 'broadcast') {
    const window = history.recent.filter((at) => at > now - 60_000);
    const per = broadcastPerMinute(limits);
    if (window.length >= per) t = Math.max(t, window[window.length - per] + 60_000);
  }
  return t;
}

/** Of two messages ready at `at`, the one to send first: earlier, then urgent, replies, broadcasts. */
export function goesBefore(a: { at: number; cls: SendClass }, b: { at: number; cls: SendClass }): boolean {
  return a.at < b.at || (a.at === b.at && RANK[a.cls] < RANK[b.cls]);
}

/** How long posting to `rooms` groups takes at the broadcast rate and daily share, in words. */
export function broadcastDuration(rooms: number, limits: SendLimits): string {
  const perDay = broadcastDailyBudget(limits);
  if (rooms > perDay) {
    const days = Math.ceil(rooms / perDay);
    return `每天最多群发${perDay}条、余量留给居民回复和紧急消息，约需${days}天发完，次日7:00后继续`;
  }
  const minutes = Math.ceil(rooms / broadcastPerMinute(limits));
  return minutes <= 1 ? '约1分钟内发完' : `约需${minutes}分钟发完`;
}
