import { randomBytes } from 'node:crypto';
import { Prisma } from '@prisma/client';
import type { Counter } from '../kernel/counter.js';
import type { Db, Tx } from './db.js';
import { primeNoLooseMedia } from './media.js';
import { queryRows } from './sql.js';
import { primePendingAction } from './pending-actions.js';
import type { ResidentHome } from './residents.js';

/**
 * Who a chat contact is, by what the bot can trust: the WeChat id (微信号) the puppet
 * gives, the remark (备注) the bot itself set on the contact, or the contact id of this
 * login. A display name is stored for greeting people, never looked up.
 */

export interface PersonRow {
  id: number;
  name: string;
  alias: string | null;
  chatId: string | null;
  fromOrg: boolean;
  remarkKey: string | null;
}

/** A person found by WeChat id, with where they registered to live, read in the same statement. */
export type PersonWithHome = PersonRow & { home: Omit<ResidentHome, 'chatId'> };

const PERSON = { id: true, name: true, alias: true, chatId: true, fromOrg: true, remarkKey: true } as const;

/** KeyValue key under which a binding remembers a contact's own WeChat alias. */
export const boundAliasKey = (alias: string) => `bound-alias:${alias}`;

/** Remarks the bot writes look like `gb` and ten letters or digits; nothing else is read as one. */
export const REMARK_PATTERN = /(?:^|\s)(gb[0-9a-z]{10})$/;

export function newRemarkKey(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  return `gb${[...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/** The bot's key in a remark, if this remark is one the bot wrote. */
export function remarkKeyIn(remark: string | undefined): string | undefined {
  return remark ? REMARK_PATTERN.exec(remark.trim())?.[1] : undefined;
}

/**
 * What the message's handling will most likely read next, read in the sender lookup's
 * statement (see `personByWechatId`): the newest pending action of one kind, and abuse
 * counters — the person's by key prefix (the person's row id follows it), others by key.
 */
export interface AlsoRead {
  pending?: { kind: string; /** The community whose rows are read; undefined reads any (an unscoped client). */ community: string | undefined };
  counters?: { personPrefixes: readonly string[]; keys: readonly string[] };
  /** Whether the person has report files not yet on a ticket, sent since then (primes `attachLooseMedia`). */
  looseMedia?: { since: Date; community: string | undefined };
}

/** The abuse counters read with the sender: every key asked for, undefined where none is kept. */
export type CountersRead = Map<string, Counter | undefined>;

type LookupRow = {
  id: number | bigint;
  name: string;
  alias: string | null;
  chatId: string | null;
  fromOrg: boolean | number | bigint;
  remarkKey: string | null;
  gridName: string | null;
  building: string | null;
  unit: string | null;
  room: string | null;
  pendingId: number | bigint | null;
  pendingPayload: string | null;
  pendingDoneAt: Date | null;
  pendingExpiresAt: Date | null;
  counterKey: string | null;
  counterCount: number | bigint | null;
  counterWindowStart: Date | null;
  counterLockedUntil: Date | null;
  counterToldAt: Date | null;
  looseMedia: number | bigint | boolean | null;
};

/**
 * The person a WeChat id stands for: the holder it was bound to (绑定), else the person
 * with that id. One statement, on every message from a sender with a WeChat id; it also
 * reads what `also` asks for (the pending action primes `openPendingAction` for this
 * transaction, the absence of loose files `attachLooseMedia`; the counters are returned).
 */
export async function personByWechatId(tx: Tx, alias: string, also: AlsoRead = {}): Promise<(PersonWithHome & { counters?: CountersRead }) | null> {
  const pending = also.pending;
  const pendingJoin = pending
    ? Prisma.sql`LEFT JOIN "PendingAction" a ON a."id" = (SELECT x."id" FROM "PendingAction" x WHERE x."personId" = p."id" AND x."kind" = ${pending.kind}
        ${pending.community === undefined ? Prisma.empty : Prisma.sql`AND x."community" = ${pending.community}`} ORDER BY x."id" DESC LIMIT 1)`
    : Prisma.sql`LEFT JOIN "PendingAction" a ON 1 = 0`;
  const counterKeys = [
    ...(also.counters?.personPrefixes ?? []).map((prefix) => Prisma.sql`${prefix} || CAST(p."id" AS TEXT)`),
    ...(also.counters?.keys ?? []).map((key) => Prisma.sql`${key}`),
  ];
  const counterJoin = counterKeys.length ? Prisma.sql`LEFT JOIN "Throttle" t ON t."key" IN (${Prisma.join(counterKeys)})` : Prisma.sql`LEFT JOIN "Throttle" t ON 1 = 0`;
  const loose = also.looseMedia;
  const looseMedia = loose
    ? Prisma.sql`CASE WHEN EXISTS (SELECT 1 FROM "MediaFile" m WHERE m."personId" = p."id" AND m."ticketId" IS NULL AND m."role" = 'report' AND m."createdAt" >= ${loose.since}
        ${loose.community === undefined ? Prisma.empty : Prisma.sql`AND m."community" = ${loose.community}`}) THEN 1 ELSE 0 END`
    : Prisma.sql`NULL`;
  const rows = await queryRows<LookupRow>(tx, Prisma.sql`
    SELECT p."id", p."name", p."alias", p."chatId", p."fromOrg", p."remarkKey", g."name" AS "gridName", p."building", p."unit", p."room",
      ${looseMedia} AS "looseMedia",
      a."id" AS "pendingId", a."payload" AS "pendingPayload", a."doneAt" AS "pendingDoneAt", a."expiresAt" AS "pendingExpiresAt",
      t."key" AS "counterKey", t."count" AS "counterCount", t."windowStart" AS "counterWindowStart", t."lockedUntil" AS "counterLockedUntil", t."toldAt" AS "counterToldAt"
    FROM "Person" p LEFT JOIN "Grid" g ON g."id" = p."gridId"
    ${pendingJoin}
    ${counterJoin}
    WHERE p."alias" = COALESCE((SELECT "value" FROM "KeyValue" WHERE "key" = ${boundAliasKey(alias)}), ${alias})`);
  const p = rows[0];
  if (!p) return null;
  const id = Number(p.id);
  if (pending) {
    const row =
      p.pendingId === null ? undefined : { id: Number(p.pendingId), payload: p.pendingPayload!, doneAt: p.pendingDoneAt, expiresAt: p.pendingExpiresAt! };
    primePendingAction(tx, id, pending.kind, row);
  }
  if (loose && !Number(p.looseMedia)) primeNoLooseMedia(tx, id, loose.since);
  let counters: CountersRead | undefined;
  if (also.counters) {
    counters = new Map([...also.counters.personPrefixes.map((prefix) => `${prefix}${id}`), ...also.counters.keys].map((k) => [k, undefined]));
    for (const r of rows) {
      if (r.counterKey === null) continue;
      counters.set(r.counterKey, {
        count: Number(r.counterCount),
        windowStart: r.counterWindowStart!.getTime(),
        lockedUntil: r.counterLockedUntil?.getTime(),
        toldAt: r.counterToldAt?.getTime(),
      });
    }
  }
  return {
    id,
    name: p.name,
    alias: p.alias,
    chatId: p.chatId,
    fromOrg: Boolean(p.fromOrg),
    remarkKey: p.remarkKey,
    home: { gridName: p.gridName, building: p.building, unit: p.unit, room: p.room },
    ...(counters ? { counters } : {}),
  };
}

export function personByRemarkKey(tx: Tx, key: string): Promise<PersonRow | null> {
  return tx.person.findUnique({ where: { remarkKey: key }, select: PERSON });
}

export function personByChatId(tx: Tx, chatId: string): Promise<PersonRow | null> {
  return tx.person.findFirst({ where: { chatId }, orderBy: { id: 'asc' }, select: PERSON });
}

export function personById(tx: Tx | Db, id: number): Promise<PersonRow | null> {
  return tx.person.findUnique({ where: { id }, select: PERSON });
}

export async function createResident(tx: Tx, data: { alias: string | null; chatId: string; name: string }): Promise<PersonRow> {
  // createdAt as Prisma's default gave it: the wall clock.
  const rows = await queryRows<PersonRow>(tx, Prisma.sql`
    INSERT INTO "Person" ("name", "alias", "chatId", "fromOrg", "createdAt") VALUES (${data.name}, ${data.alias}, ${data.chatId}, ${false}, ${new Date()})
    RETURNING "id", "name", "alias", "chatId", "fromOrg", "remarkKey"`);
  return rows[0]!;
}

/** Records the contact id of this login (and a resident's current display name). */
export function learnContact(tx: Tx, id: number, data: { chatId: string; name?: string }): Promise<PersonRow> {
  return tx.person.update({ where: { id }, data, select: PERSON });
}

/** Gives a person a remark key, once; returns the key they have. */
export async function ensureRemarkKey(tx: Tx, id: number): Promise<string> {
  const person = await tx.person.findUnique({ where: { id }, select: { remarkKey: true } });
  if (person?.remarkKey) return person.remarkKey;
  const key = newRemarkKey();
  await tx.person.update({ where: { id }, data: { remarkKey: key } });
  return key;
}

/** Contact ids are only good for one login: forgotten at each login. */
export async function forgetContactIds(db: Db): Promise<void> {
  await db.person.updateMany({ where: { chatId: { not: null } }, data: { chatId: null } });
}

/**
 * A post-holder's binding: this contact (and, next login, its WeChat id or the remark the
 * bot sets on it) is the holder from now on. The resident row the bot had made for the
 * contact stops answering to it.
 */
export async function bindContactToPerson(tx: Tx, from: PersonRow, target: PersonRow): Promise<void> {
  await tx.person.update({ where: { id: from.id }, data: { chatId: null, ...(from.fromOrg ? {} : { alias: null, remarkKey: null }) } });
  await tx.person.update({ where: { id: target.id }, data: { chatId: from.chatId } });
  if (from.alias && !from.fromOrg && target.alias) {
    const key = boundAliasKey(from.alias);
    await tx.keyValue.upsert({ where: { key }, create: { key, value: target.alias }, update: { value: target.alias } });
  }
}

// ---------------------------------------------------------------- people who cannot be reached

const unreachableKey = (target: string) => `unreachable:${target}`;

/** Marks a target unreachable; true the first time (so staff are told once). */
export async function markUnreachable(tx: Tx, target: string, now: Date): Promise<boolean> {
  const key = unreachableKey(target);
  const known = await tx.keyValue.findUnique({ where: { key } });
  if (known) return false;
  await tx.keyValue.create({ data: { key, value: now.toISOString() } });
  return true;
}

/** The person can be reached again: what waited for them goes back in the queue. */
export async function releaseWaiting(tx: Tx, target: string): Promise<number> {
  await tx.keyValue.deleteMany({ where: { key: unreachableKey(target) } });
  const { count } = await tx.outboundMessage.updateMany({ where: { status: 'waiting', target }, data: { status: 'queued', notBefore: null } });
  return count;
}

/** After a login, everything that waited for somebody is tried again (staff are not told twice). */
export async function releaseAllWaiting(db: Db): Promise<number> {
  const { count } = await db.outboundMessage.updateMany({ where: { status: 'waiting' }, data: { status: 'queued', notBefore: null } });
  return count;
}

/** A person by their WeChat id as the org file or WeChat gave it (no binding followed). */
export function personByWechatIdOnly(tx: Tx | Db, alias: string): Promise<PersonRow | null> {
  return tx.person.findUnique({ where: { alias }, select: PERSON });
}

/** Up to `take` people known by this display name (names are not unique: callers refuse two). */
export function peopleNamed(tx: Tx, name: string, take: number): Promise<PersonRow[]> {
  return tx.person.findMany({ where: { name }, take, select: PERSON });
}

// ---------------------------------------------------------------- bind codes and employers

export async function issueBindCode(tx: Tx, code: string, personId: number, now: Date): Promise<void> {
  await tx.bindCode.create({ data: { code, personId, createdAt: now } });
}

export function bindCodeByCode(tx: Tx, code: string) {
  return tx.bindCode.findUnique({ where: { code } });
}

export async function markBindCodeUsed(tx: Tx, code: string, now: Date): Promise<void> {
  await tx.bindCode.update({ where: { code }, data: { usedAt: now } });
}

/** 报到: records a person's employer; returns the one they had before, if any. */
export async function setEmployer(tx: Tx, personId: number, employer: string, now: Date): Promise<string | null> {
  const before = await tx.person.findUnique({ where: { id: personId }, select: { employer: true } });
  await tx.person.update({ where: { id: personId }, data: { employer, employerAt: now } });
  return before?.employer ?? null;
}
