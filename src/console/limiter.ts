import type { Clock } from '../clock.js';

/**
 * Counts failed (or costly) login attempts per client in a sliding window; past the
 * limit the client waits. Kept in memory: a restart forgives, which is acceptable for
 * codes that live five minutes and links that live ten.
 */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly opts: { max: number; windowMs: number },
  ) {}

  private recent(key: string): number[] {
    const now = this.clock.now().getTime();
    const list = (this.attempts.get(key) ?? []).filter((t) => now - t < this.opts.windowMs);
    if (list.length) this.attempts.set(key, list);
    else this.attempts.delete(key);
    return list;
  }

  allow(key: string): boolean {
    return this.recent(key).length < this.opts.max;
  }

  fail(key: string): void {
    const list = this.recent(key);
    list.push(this.clock.now().getTime());
    this.attempts.set(key, list);
  }
}
