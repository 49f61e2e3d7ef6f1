/** One abuse counter: how many in the current window, and any lock (src/abuse/limits.ts decides; src/store/throttle.ts keeps them). */
export interface Counter {
  count: number;
  windowStart: number;
  lockedUntil?: number;
  /** When the person was last told they hit this limit. */
  toldAt?: number;
}
