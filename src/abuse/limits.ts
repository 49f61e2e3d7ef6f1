/**
 * Abuse limits as pure functions of (rule, counter, now): one person cannot flood a group,
 * use up the day's sends, or guess a code. The counters live in the store (Throttle rows);
 * what a limit means for a message is decided here and tested with tables of cases.
 */

import { MINUTE } from '../clock.js';

export interface LimitRule {
  /** How many are allowed in one window. */
  max: number;
  windowMs: number;
  /** Once `max` is passed (wrong codes), nothing more is accepted for this long. */
  lockMs?: number;
}

/** One counter as stored: times in ms. */
export type { Counter } from '../kernel/counter.js';
import type { Counter } from '../kernel/counter.js';

/** The limits, one rule each; `config.abuse` holds the ones in use (these by default). */
export interface AbuseRules {
  /** New tickets (and reports added to tickets) one sender may file. */
  reportsPerSender: LimitRule;
  /** Answers one sender may cause (replies, refusals, notices to them). */
  repliesPerSender: LimitRule;
  /** A refusal caused in a group goes by direct message, at most this often. */
  groupRefusalsPerSender: LimitRule;
  /** Refusals in a direct chat: a few (someone correcting a typo), then silence. */
  dmRefusalsPerSender: LimitRule;
  /** Replies the bot posts in one group; beyond it the speaker hears by direct message. */
  groupReplies: LimitRule;
  /** Wrong 绑定 or 签到 codes from one sender: locks that sender out of that kind of code. */
  wrongCodesPerSender: LimitRule;
  /** Wrong 绑定 codes from everybody together (many made-up senders): binding by code pauses. */
  wrongBindCodesAll: LimitRule;
}

export const DEFAULT_ABUSE_RULES: AbuseRules = Object.freeze({
  reportsPerSender: { max: 5, windowMs: 10 * MINUTE },
  repliesPerSender: { max: 20, windowMs: 60 * MINUTE },
  groupRefusalsPerSender: { max: 1, windowMs: MINUTE },
  dmRefusalsPerSender: { max: 3, windowMs: MINUTE },
  groupReplies: { max: 40, windowMs: 60 * MINUTE },
  wrongCodesPerSender: { max: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  wrongBindCodesAll: { max: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
});

/** Part of the daily send cap kept for urgent acknowledgements and messages to post-holders (by default). */
export const DAILY_RESERVE_SHARE = 0.2;

/** The counter as it stands at `now`: a window that ran out starts again from nothing. */
export function current(rule: LimitRule, counter: Counter | undefined, now: number): Counter {
  if (!counter || now - counter.windowStart >= rule.windowMs) {
    return { count: 0, windowStart: now, lockedUntil: counter?.lockedUntil, toldAt: counter?.toldAt };
  }
  return counter;
}

/** Still locked at `now` (after too many wrong codes). */
export function lockedAt(counter: Counter | undefined, now: number): boolean {
  return counter?.lockedUntil !== undefined && counter.lockedUntil > now;
}

/** Whole minutes until the lock opens (at least 1), for the person's reply. */
export function minutesLeft(counter: Counter, now: number): number {
  return Math.max(1, Math.ceil(((counter.lockedUntil ?? now) - now) / MINUTE));
}

export interface Taken {
  counter: Counter;
  /** Within the limit: go ahead. */
  allowed: boolean;
  /** Over the limit and not told yet in this window: say so, once. */
  tell: boolean;
}

/**
 * Counts one more (a ticket, a reply, a refusal). Over the limit it is not allowed; the
 * person is told once per window, never at every message.
 */
export function take(rule: LimitRule, counter: Counter | undefined, now: number): Taken {
  const c = current(rule, counter, now);
  const count = c.count + 1;
  const allowed = count <= rule.max && !lockedAt(c, now);
  const toldThisWindow = c.toldAt !== undefined && c.toldAt >= c.windowStart;
  const tell = !allowed && !toldThisWindow;
  return { counter: { ...c, count, toldAt: tell ? now : c.toldAt }, allowed, tell };
}

/** Over the limit right now, without counting anything (is this ticket's reporter flooding?). */
export function exceeded(rule: LimitRule, counter: Counter | undefined, now: number): boolean {
  const c = current(rule, counter, now);
  return c.count > rule.max || lockedAt(c, now);
}

/** A wrong code: counted, and the `max`th wrong one in a window locks for `lockMs`. */
export function failure(rule: LimitRule, counter: Counter | undefined, now: number): Counter {
  const c = current(rule, counter, now);
  const count = c.count + 1;
  if (count >= rule.max && rule.lockMs) return { count: 0, windowStart: now, lockedUntil: now + rule.lockMs, toldAt: c.toldAt };
  return { ...c, count };
}
