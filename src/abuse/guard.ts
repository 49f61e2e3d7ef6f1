import type { Clock } from '../clock.js';
import type { Tx } from '../store/db.js';
import { clearCounter as deleteCounter, readCounter, readCounters, writeCounter } from '../store/throttle.js';
import { exceeded, failure, lockedAt, minutesLeft, take, type Counter, type LimitRule, type Taken } from './limits.js';

/** What the guards need: the transaction of the message and the clock. */
export interface GuardContext {
  db: Tx;
  clock: Clock;
  /** The message's counters, read together and written before it commits; without it each is read and written alone. */
  counters?: MessageCounters;
}

/**
 * The counters one message touches (its sender's replies and reports, its group's
 * budget): read in one statement the first time any is needed, kept in memory while the
 * message is handled, and written when `flush` is called, in the message's transaction,
 * just before it commits. A message that touches none costs nothing.
 */
export class MessageCounters {
  private readonly known = new Map<string, Counter | undefined>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly db: Tx,
    /** Keys read along with the first one asked for: those this message will most likely need. */
    private readonly likely: readonly string[],
  ) {}

  async read(key: string): Promise<Counter | undefined> {
    if (!this.known.has(key)) {
      const wanted = [...new Set([key, ...this.likely])].filter((k) => !this.known.has(k));
      const found = await readCounters(this.db, wanted);
      for (const k of wanted) this.known.set(k, found.get(k));
    }
    return this.known.get(key);
  }

  write(key: string, counter: Counter): void {
    this.known.set(key, counter);
    this.dirty.add(key);
  }

  async clear(key: string): Promise<void> {
    this.known.set(key, undefined);
    this.dirty.delete(key);
    await deleteCounter(this.db, key);
  }

  /** Writes what changed; call inside the transaction, after the message's handling. */
  async flush(): Promise<void> {
    for (const key of this.dirty) await writeCounter(this.db, key, this.known.get(key)!);
    this.dirty.clear();
  }
}

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

