import type { Tx } from '../store/db.js';
import { clearCounter as deleteCounter, readCounters, writeCounters } from '../store/throttle.js';
import type { Counter } from './counter.js';

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
    /** Counters read already (with the sender, see store/identity.ts): undefined where none is kept. */
    known?: ReadonlyMap<string, Counter | undefined>,
  ) {
    for (const [key, counter] of known ?? []) this.known.set(key, counter);
  }

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

  /** Writes what changed, in one statement; call inside the transaction, after the message's handling. */
  async flush(): Promise<void> {
    const changed = new Map([...this.dirty].map((key) => [key, this.known.get(key)!] as const));
    this.dirty.clear();
    await writeCounters(this.db, changed);
  }
}

