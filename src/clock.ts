/** Time is a dependency: everything that needs "now" receives a Clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = {
  // The only place in the code base allowed to read the wall clock.
  now: () => new Date(),
};

/** A clock that moves only when told to: tests and the simulator drive it. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-03-02T09:00:00+08:00') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date): void {
    this.current = to.getTime();
  }

  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
