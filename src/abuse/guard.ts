import type { Clock } from '../clock.js';
import type { Tx } from '../store/db.js';
import { clearCounter, readCounter, writeCounter } from '../store/throttle.js';
import { exceeded, failure, lockedAt, minutesLeft, take, type Counter, type LimitRule, type Taken } from './limits.js';

/** What the guards need: the transaction of the message and the clock. */
export interface GuardContext {
  db: Tx;
  clock: Clock;
}

/** The counters' keys: one person (by row id), one group, one kind of code. */
export const keys = {
  reports: (personId: number) => `reports:p${personId}`,
  replies: (personId: number) => `replies:p${personId}`,
  refusals: (personId: number, inGroup: boolean) => `refusals:${inGroup ? 'group' : 'dm'}:p${personId}`,
  groupReplies: (topic: string) => `group-replies:${topic}`,
  /** Before a message is stored the sender is known only by this login's contact id. */
  tooLarge: (chatId: string) => `too-large:${chatId}`,
  wrongCodes: (kind: CodeKind, personId: number) => `code:${kind}:p${personId}`,
  wrongCodesAll: (kind: CodeKind) => `code:${kind}:all`,
};

export type CodeKind = 'bind' | 'checkin';

/** Counts one against a limit and keeps the count; says whether it is allowed and whether to tell. */
export async function countAgainst(ctx: GuardContext, key: string, rule: LimitRule): Promise<Taken> {
  const now = ctx.clock.now().getTime();
  const taken = take(rule, await readCounter(ctx.db, key), now);
  await writeCounter(ctx.db, key, taken.counter);
  return taken;
}

/** Over a limit now, counting nothing. */
export async function isOverLimit(ctx: GuardContext, key: string, rule: LimitRule): Promise<boolean> {
  return exceeded(rule, await readCounter(ctx.db, key), ctx.clock.now().getTime());
}

/** The first of these counters that is locked now, with the minutes left. */
export async function lockedCounter(ctx: GuardContext, counterKeys: string[]): Promise<{ key: string; minutes: number } | undefined> {
  const now = ctx.clock.now().getTime();
  for (const key of counterKeys) {
    const c: Counter | undefined = await readCounter(ctx.db, key);
    if (c && lockedAt(c, now)) return { key, minutes: minutesLeft(c, now) };
  }
  return undefined;
}

/** Counts one wrong code; true when this one locked the counter. */
export async function countWrongCode(ctx: GuardContext, key: string, rule: LimitRule): Promise<boolean> {
  const now = ctx.clock.now().getTime();
  const next = failure(rule, await readCounter(ctx.db, key), now);
  await writeCounter(ctx.db, key, next);
  return lockedAt(next, now);
}

export { clearCounter };
