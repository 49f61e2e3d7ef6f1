import type { Clock } from '../clock.js';
import type { Tx } from '../store/db.js';
import { clearCounter as deleteCounter, readCounter, writeCounter } from '../store/throttle.js';
import type { MessageCounters } from '../kernel/counters.js';
import { exceeded, failure, lockedAt, minutesLeft, take, type Counter, type LimitRule, type Taken } from './limits.js';

/** What the guards need: the transaction of the message and the clock. */
export interface GuardContext {
  db: Tx;
  clock: Clock;
  /** The message's counters, read together and written before it commits; without it each is read and written alone. */
  counters?: MessageCounters;
}

export { MessageCounters } from '../kernel/counters.js';

const read = (ctx: GuardContext, key: string) => (ctx.counters ? ctx.counters.read(key) : readCounter(ctx.db, key));

async function write(ctx: GuardContext, key: string, counter: Counter): Promise<void> {
  if (ctx.counters) ctx.counters.write(key, counter);
  else await writeCounter(ctx.db, key, counter);
}

/** Forgets a counter (a right code clears the wrong tries before it). */
export async function clearCounter(ctx: GuardContext, key: string): Promise<void> {
  if (ctx.counters) await ctx.counters.clear(key);
  else await deleteCounter(ctx.db, key);
}

/** Where a person's row id follows in the keys of their report and reply counters. */
const REPORTS = 'reports:p';
const REPLIES = 'replies:p';

/** The counters' keys: one person (by row id), one group, one kind of code. */
export const keys = {
  reports: (personId: number) => `${REPORTS}${personId}`,
  replies: (personId: number) => `${REPLIES}${personId}`,
  refusals: (personId: number, inGroup: boolean) => `refusals:${inGroup ? 'group' : 'dm'}:p${personId}`,
  groupReplies: (topic: string) => `group-replies:${topic}`,
  /** Before a message is stored the sender is known only by this login's contact id. */
  tooLarge: (chatId: string) => `too-large:${chatId}`,
  wrongCodes: (kind: CodeKind, personId: number) => `code:${kind}:p${personId}`,
  wrongCodesAll: (kind: CodeKind) => `code:${kind}:all`,
};

export type CodeKind = 'bind' | 'checkin';

/**
 * The counters a message most likely touches, read with its sender before the sender's
 * row id is known: the sender's reports and replies (by key prefix), the group's reply budget.
 */
export function likelyCounters(roomTopic: string | undefined): { personPrefixes: string[]; keys: string[] } {
  return { personPrefixes: [REPORTS, REPLIES], keys: roomTopic ? [keys.groupReplies(roomTopic)] : [] };
}

/** Counts one against a limit and keeps the count; says whether it is allowed and whether to tell. */
export async function countAgainst(ctx: GuardContext, key: string, rule: LimitRule): Promise<Taken> {
  const now = ctx.clock.now().getTime();
  const taken = take(rule, await read(ctx, key), now);
  await write(ctx, key, taken.counter);
  return taken;
}

/** Over a limit now, counting nothing. */
export async function isOverLimit(ctx: GuardContext, key: string, rule: LimitRule): Promise<boolean> {
  return exceeded(rule, await read(ctx, key), ctx.clock.now().getTime());
}

/** The first of these counters that is locked now, with the minutes left. */
export async function lockedCounter(ctx: GuardContext, counterKeys: string[]): Promise<{ key: string; minutes: number } | undefined> {
  const now = ctx.clock.now().getTime();
  for (const key of counterKeys) {
    const c: Counter | undefined = await read(ctx, key);
    if (c && lockedAt(c, now)) return { key, minutes: minutesLeft(c, now) };
  }
  return undefined;
}

/** Counts one wrong code; true when this one locked the counter. */
export async function countWrongCode(ctx: GuardContext, key: string, rule: LimitRule): Promise<boolean> {
  const now = ctx.clock.now().getTime();
  const next = failure(rule, await read(ctx, key), now);
  await write(ctx, key, next);
  return lockedAt(next, now);
}

