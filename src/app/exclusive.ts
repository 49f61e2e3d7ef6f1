/**
 * One piece of database work at a time. The bot's Prisma client has one SQLite
 * connection: a query issued while another task's transaction is open would run inside
 * that transaction (seeing its uncommitted rows, and rolled back with it). Message
 * handling, the minute sweeps and the sender therefore take turns. Storing an arriving
 * message goes before every waiting task, so it waits at most for the one running.
 * Background work (a sweep's batches) goes only when nothing else waits.
 */
export class Exclusive {
  private readonly waiting: (() => void)[] = [];
  private readonly background: (() => void)[] = [];
  private busy = false;

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.enqueue(work, false);
  }

  /** Like `run`, but ahead of everything not yet started. */
  runFirst<T>(work: () => Promise<T>): Promise<T> {
    return this.enqueue(work, true);
  }

  /** Like `run`, but after everything else that waits, now or later. */
  runInBackground<T>(work: () => Promise<T>): Promise<T> {
    return this.enqueue(work, false, true);
  }

  private enqueue<T>(work: () => Promise<T>, first: boolean, background = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.busy = true;
        let result: Promise<T>;
        try {
          result = work();
        } catch (err) {
          result = Promise.reject(err);
        }
        result.then(resolve, reject).finally(() => this.next());
      };
      if (!this.busy) start();
      else if (background) this.background.push(start);
      else if (first) this.waiting.unshift(start);
      else this.waiting.push(start);
    });
  }

  private next(): void {
    const start = this.waiting.shift() ?? this.background.shift();
    if (start) start();
    else this.busy = false;
  }
}
