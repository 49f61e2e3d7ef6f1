/**
 * How many tickets, activities or notices one sweep transaction handles. A sweep with
 * more due work returns true and runs again in a fresh transaction, so a resident's
 * message waits behind one small batch, never behind a whole sweep.
 */
export const SWEEP_BATCH = 3;
