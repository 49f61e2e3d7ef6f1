/**
 * One piece of database work at a time. The bot's Prisma client has one SQLite
 * connection: a query issued while another task's transaction is open would run inside
 * that transaction (seeing its uncommitted rows, and rolled back with it). Message
 * handling, the minute sweeps and the sender therefore take turns.
 */
export class Exclusive {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
