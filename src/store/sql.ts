/**
 * The direct lane to SQLite: statements the message path runs on every message go to the
 * better-sqlite3 connection under the Prisma client, synchronously, as prepared statements
 * kept for reuse, and a transaction is SQLite's own `BEGIN IMMEDIATE … COMMIT`. Through
 * Prisma each model query is compiled afresh (~0.4 ms) and each raw one prepared afresh
 * (~0.2 ms); here the same statement costs a few microseconds. On PostgreSQL, or before the
 * SQLite connection is open, the same `Prisma.sql` goes through the client as before: one
 * statement text serves both (placeholders are `?` here, `$n` there).
 *
 * Prisma's own queries still run on the same connection: inside a direct transaction they
 * are part of it (a query Prisma wraps in a transaction of its own becomes a savepoint), and
 * outside one, Prisma's transactions wait for it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Prisma } from '@prisma/client';

let statementListener: ((sql: string) => void) | undefined;

/** Hears every SQL statement the bot's clients run (for the statement and query-plan tests); undefined stops. */
export function listenToStatements(listener: ((sql: string) => void) | undefined): void {
  statementListener = listener;
}

/** Tells the listener of a statement run (either lane). */
export function heard(sql: string): void {
  statementListener?.(sql);
}

/** A queue of turns: one holder at a time, the rest wait in order. */
class Turns {
  private tail: Promise<void> = Promise.resolve();

  take(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => mine);
    return ready;
  }
}

interface Prepared {
  statement: Database.Statement;
  /** For each result column, how to turn SQLite's value into what Prisma's raw queries return. */
  columns: ((v: unknown) => unknown)[] | undefined;
  names: string[];
}

const asDate = (v: unknown) => (v === null ? null : typeof v === 'string' ? new Date(v) : new Date(Number(v)));
const asBoolean = (v: unknown) => (v === null ? null : v === 1 || v === 1n || v === true || v === '1' || v === 'true');
const asIs = (v: unknown) => v;

function decoder(declared: string | null): (v: unknown) => unknown {
  switch (declared?.toUpperCase()) {
    case 'DATETIME':
    case 'TIMESTAMP':
      return asDate;
    case 'BOOLEAN':
      return asBoolean;
    default:
      return asIs;
  }
}

/** A value as Prisma's SQLite adapter writes it (dates as ISO text with +00:00, booleans as 0/1). */
function encode(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString().replace('Z', '+00:00');
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/** The SQLite connection under one Prisma client, once Prisma has opened it. */
export class SqliteLane {
  client: Database.Database | undefined;
  /** The connection's own prepare (Prisma's path goes through a listening wrapper). */
  private prepareRaw: ((sql: string) => Database.Statement) | undefined;
  private savepoints = 0;
  /** Direct transactions, and Prisma's own outside them, take turns here. */
  readonly turns = new Turns();
  private readonly prepared = new Map<string, Prepared>();

  /** Prisma has opened the connection: from now on statements may go straight to it. */
  opened(client: Database.Database, prepareRaw: (sql: string) => Database.Statement): void {
    this.client = client;
    this.prepareRaw = prepareRaw;
    // A reconnect (after $disconnect) is a new connection: statements of the old one are gone.
    this.prepared.clear();
  }

  private prepare(sql: string): Prepared {
    let p = this.prepared.get(sql);
    if (!p) {
      // Prisma's connection reads integers as BigInt by default; ours are row ids and counts.
      const statement = this.prepareRaw!(sql).safeIntegers(false);
      const cols = statement.reader ? statement.columns() : undefined;
      p = { statement, columns: cols?.map((c) => decoder(c.type)), names: cols?.map((c) => c.name) ?? [] };
      // Statements are few and fixed (the message path's): the cache stays small.
      if (this.prepared.size > 500) this.prepared.clear();
      this.prepared.set(sql, p);
    }
    return p;
  }

  rows<T>(sql: string, values: readonly unknown[]): T[] {
    heard(sql);
    const p = this.prepare(sql);
    const args = values.map(encode);
    if (!p.columns) {
      p.statement.run(...args);
      return [];
    }
    const raw = p.statement.raw(true).all(...args) as unknown[][];
    return raw.map((r) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < r.length; i++) row[p.names[i]!] = p.columns![i]!(r[i]);
      return row as T;
    });
  }

  run(sql: string, values: readonly unknown[] = [], heardAs = sql): number {
    heard(heardAs);
    return this.prepare(sql).statement.run(...values.map(encode)).changes;
  }

  /**
   * Where Prisma starts a transaction of its own inside a direct one (a write it does in
   * several statements), it becomes a savepoint: undone alone when it fails, kept with
   * the outer transaction when it succeeds.
   */
  savepoint(): { release(): void; undo(): void } {
    const name = `prisma_${++this.savepoints}`;
    this.run(`SAVEPOINT ${name}`);
    return {
      release: () => void this.run(`RELEASE ${name}`),
      undo: () => {
        this.run(`ROLLBACK TO ${name}`);
        this.run(`RELEASE ${name}`);
      },
    };
  }
}

const lanes = new WeakMap<object, SqliteLane>();
/** How long a direct transaction may stay open (Prisma's interactive ones had the same). */
export const TRANSACTION_TIMEOUT_MS = 60_000;
const EXPIRED = 'the transaction ran out of time and was rolled back';
/** The lane whose direct transaction the current code runs in. */
const inside = new AsyncLocalStorage<SqliteLane>();

export function attachLane(client: object, lane: SqliteLane): void {
  lanes.set(client, lane);
}

/** A client made from another (scoped, or a transaction's) uses the same connection. */
export function shareLane(from: object, to: object): void {
  const lane = lanes.get(from);
  if (lane) lanes.set(to, lane);
}

/** The open SQLite lane of a client, when statements may go straight to it. */
function openLane(db: object): SqliteLane | undefined {
  const lane = lanes.get(db);
  return lane?.client?.open ? lane : undefined;
}

/** Whether the current code runs inside a direct transaction on this lane. */
export function insideDirectTransaction(lane: SqliteLane): boolean {
  return inside.getStore() === lane;
}

type Client = { $queryRaw<T>(q: Prisma.Sql): Promise<T>; $executeRaw(q: Prisma.Sql): Promise<number> };

/** Rows of a query (or of a write's RETURNING), shaped as Prisma's `$queryRaw` returns them. */
export async function queryRows<T>(db: object, query: Prisma.Sql): Promise<T[]> {
  const lane = openLane(db);
  if (lane) return lane.rows<T>(query.sql, query.values);
  return (db as Client).$queryRaw<T[]>(query);
}

/** Runs a write; how many rows it changed. */
export async function execute(db: object, query: Prisma.Sql): Promise<number> {
  const lane = openLane(db);
  if (lane) return lane.run(query.sql, query.values);
  return (db as Client).$executeRaw(query);
}

/**
 * Runs `work` in one SQLite transaction on the direct lane, or returns undefined where the
 * client has none (PostgreSQL, or the connection not open yet): the caller uses Prisma's.
 * `work` gets a client of its own for the transaction (what is kept per transaction is kept
 * by it), which runs on the same connection.
 */
export async function directTransaction<C extends object, T>(
  db: C,
  work: (tx: C) => Promise<T>,
  adopt: (tx: C) => void,
  timeoutMs = TRANSACTION_TIMEOUT_MS,
): Promise<{ value: T } | undefined> {
  const lane = lanes.get(db);
  if (!lane) return undefined;
  // Prisma opens the connection on its first query: open it now, to run on it directly.
  if (!lane.client) await (db as unknown as { $connect(): Promise<void> }).$connect();
  if (!lane.client?.open) return undefined;
  if (insideDirectTransaction(lane)) throw new Error('a transaction inside a transaction');
  const release = await lane.turns.take();
  let state = 'open' as 'open' | 'expired' | 'ended';
  // As Prisma's did: a transaction still open after a minute is rolled back and its client
  // refused, so that work stuck on something never holds the write lock for good.
  const timer = setTimeout(() => {
    if (state !== 'open') return;
    state = 'expired';
    if (lane.client?.inTransaction) lane.run('ROLLBACK');
    release();
  }, timeoutMs);
  timer.unref?.();
  try {
    // Heard as BEGIN, as Prisma's own is; it takes the write lock at once (see db.ts).
    lane.run('BEGIN IMMEDIATE', [], 'BEGIN');
    const tx = new Proxy(db, {
      get(target, key, receiver) {
        if (state === 'expired') throw new Error(EXPIRED);
        return Reflect.get(target, key, receiver);
      },
    }) as C;
    lanes.set(tx, lane);
    adopt(tx);
    try {
      const value = await inside.run(lane, () => work(tx));
      if (state === 'expired') throw new Error(EXPIRED);
      state = 'ended';
      lane.run('COMMIT');
      return { value };
    } catch (err) {
      if (state === 'open') {
        state = 'ended';
        if (lane.client?.inTransaction) lane.run('ROLLBACK');
      }
      throw err;
    }
  } finally {
    clearTimeout(timer);
    if (state !== 'expired') release();
  }
}
