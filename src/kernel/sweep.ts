import type { AppContext } from './context.js';

/** A minute sweep a feature registers (src/app/features.ts lists them). */
export interface Sweep {
  name: string;
  /** Does due work, or a batch of it: true when there may be more (run again, in a new transaction). */
  run(ctx: AppContext): Promise<void | boolean>;
  /**
   * The earliest time this sweep may have work (null: none pending). Optional: the
   * simulator uses it to skip idle virtual minutes; production runs every minute anyway.
   * A sweep without it is run every minute everywhere.
   */
  nextDue?(ctx: AppContext): Promise<Date | null>;
}

/**
 * How many tickets, activities or notices one sweep transaction handles. A sweep with
 * more due work returns true and runs again in a fresh transaction, so a resident's
 * message waits behind one small batch, never behind a whole sweep.
 */
export const SWEEP_BATCH = 3;
