/**
 * One database for a county: every process (one per WeChat account) sees the rows of the
 * community it serves and sends only what its own account must send.
 *
 * `scopedDatabase` wraps the client once, at the composition root, so that every query
 * of the bot — in or out of a transaction — is filtered and every row it writes is
 * stamped: tickets, their history and photos, notices, activities, grids, rooms and
 * questions awaiting an answer belong to a community (posts too, county staff's posts to
 * none); inbound and outbound messages belong to an account and, where one account serves
 * several communities, to the community whose bot handles them. In a county, the small
 * facts kept by key (a digest already posted, the sender's pause) are kept per community.
 * Raw SQL is not filtered: the few raw statements only take locks.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Prisma } from '@prisma/client';
import type { Db } from './db.js';
import { shareLane } from './sql.js';

/** Where county staff look at another community's rows (read only): see `asCommunity`. */
const lookingAt = new AsyncLocalStorage<string>();

/**
 * Runs `read` with this process's client seeing another community's rows instead of its
 * own: how county staff, writing to one community's account, read `王家畈#1`.
 */
export function asCommunity<T>(community: string, read: () => Promise<T>): Promise<T> {
  return lookingAt.run(community, read);
}

export interface DbScope {
  /** The community this process serves. */
  community: string;
  /** The account this process logs in as ("" where the file lists none). */
  account: string;
  /** A county's database is shared: keys of small facts are kept apart per community. */
  shared: boolean;
}

const BY_COMMUNITY = new Set(['Ticket', 'TicketEvent', 'TicketHolder', 'Notice', 'Activity', 'Grid', 'Room', 'MediaFile', 'PendingAction']);
const BY_ACCOUNT = new Set(['InboundMessage', 'OutboundMessage']);
const WITH_WHERE = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
  'upsert',
]);

type Args = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: Record<string, unknown> };

/** The filter and the stamp of a model's rows in this scope, or undefined where the model is shared. */
export function scopeOf(model: string, scope: DbScope): { filter: Record<string, unknown>; stamp: Record<string, string> } | undefined {
  if (BY_COMMUNITY.has(model)) return { filter: { community: scope.community }, stamp: { community: scope.community } };
  // County staff hold their posts in no community: they are staff in every one.
  if (model === 'Post') return { filter: { community: { in: [scope.community, ''] } }, stamp: { community: scope.community } };
  // One account may serve several communities: its messages are kept apart per community
  // (rows stored before that was possible name none, and are read by every bot of the account).
  if (BY_ACCOUNT.has(model)) {
    return { filter: { account: scope.account, community: { in: [scope.community, ''] } }, stamp: { account: scope.account, community: scope.community } };
  }
  return undefined;
}

/** Adds the scope's filter and stamp to one query's arguments (pure: for the extension and its test). */
export function scopeArgs(model: string, operation: string, args: Args, scope: DbScope): Args {
  if (model === 'KeyValue') return scope.shared ? prefixKeys(args, `${scope.community}|`) : args;
  const s = scopeOf(model, scope);
  if (!s) return args;
  const out: Args = { ...args };
  // A store query that names the accounts whose messages it reads (a standby checking what
  // the account ahead of it handled) reads those; every other query reads its own account's.
  const namesAccounts = BY_ACCOUNT.has(model) && args.where !== undefined && 'account' in args.where;
  if (WITH_WHERE.has(operation)) {
    const where = args.where ?? {};
    const and = Array.isArray(where.AND) ? where.AND : where.AND ? [where.AND] : [];
    const { account: _named, ...filter } = s.filter;
    out.where = { ...where, AND: [...and, namesAccounts ? filter : s.filter] };
  }
  const stamp = (row: unknown) => ({ ...s.stamp, ...(row as Record<string, unknown>) });
  if (operation === 'create') out.data = stamp(args.data);
  if (operation === 'createMany' || operation === 'createManyAndReturn') {
    out.data = Array.isArray(args.data) ? args.data.map(stamp) : stamp(args.data);
  }
  if (operation === 'upsert') out.create = stamp(args.create);
  return out;
}

/**
 * A WeChat id bound to a post-holder (绑定) is about the person, who is one person across
 * the county (people are not kept per community): that fact is kept unprefixed, where the
 * one-statement sender lookup (store/identity.ts) reads it.
 */
const COUNTY_WIDE_KEY = /^bound-alias:/;

function prefixKeys(args: Args, prefix: string): Args {
  const out: Args = { ...args };
  const key = (k: unknown): unknown => {
    if (typeof k === 'string') return COUNTY_WIDE_KEY.test(k) ? k : prefix + k;
    if (k && typeof k === 'object' && 'startsWith' in k) return { ...k, startsWith: prefix + String((k as { startsWith: string }).startsWith) };
    if (k && typeof k === 'object' && 'in' in k) return { ...k, in: (k as { in: string[] }).in.map((x) => prefix + x) };
    return k;
  };
  if (args.where && 'key' in args.where) out.where = { ...args.where, key: key(args.where.key) };
  const row = (d: unknown) => (d && typeof d === 'object' && 'key' in d ? { ...d, key: key((d as { key: unknown }).key) } : d);
  if (args.data !== undefined) out.data = Array.isArray(args.data) ? args.data.map(row) : row(args.data);
  if (args.create !== undefined) out.create = row(args.create) as Record<string, unknown>;
  return out;
}

/**
 * The client a bot of one account uses on a database it may share with others. Typed as
 * the plain client: to the code above it, the database simply holds its community.
 */
const scopes = new WeakMap<object, DbScope>();

/**
 * The account and community a scoped client stores messages for ("" for a plain client):
 * for the raw statements the scope cannot filter (storing an arriving message in one statement).
 */
export function messageOwnerOf(db: object): { account: string; community: string } {
  const scope = scopes.get(db);
  return { account: scope?.account ?? '', community: scope?.community ?? '' };
}

/**
 * The community a scoped client reads (undefined for a plain client, which reads every
 * row): for the raw statements that must filter by it themselves (the sender lookup).
 */
export function communityOf(db: object): string | undefined {
  const scope = scopes.get(db);
  if (!scope) return undefined;
  return lookingAt.getStore() ?? scope.community;
}

/**
 * For the store's own SQL on community rows: the community written on a new row ('' for a
 * plain client), and the condition that keeps a query to the rows this client reads
 * (`AND "community" = …`; nothing for a plain client, which reads all).
 */
export function communityRows(db: object): { stamp: string; andMine: Prisma.Sql } {
  const community = communityOf(db);
  return { stamp: community ?? '', andMine: community === undefined ? Prisma.empty : Prisma.sql`AND "community" = ${community}` };
}

export function scopedDatabase(db: Db, scope: DbScope): Db {
  const scoped = db.$extends({
    name: 'community-scope',
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          const community = lookingAt.getStore();
          const now = community === undefined ? scope : { ...scope, community };
          return query(scopeArgs(model, operation, args as Args, now) as typeof args);
        },
      },
    },
  });
  scopes.set(scoped, scope);
  shareLane(db, scoped);
  return scoped as unknown as Db;
}

/** A transaction's client is scoped as the client it was started from. */
export function inheritScope(from: object, to: object): void {
  const scope = scopes.get(from);
  if (scope) scopes.set(to, scope);
}
