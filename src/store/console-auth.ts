/**
 * The staff console's ways in, its sessions and its audit log. Tokens are random and
 * only their SHA-256 is stored; every expiry is computed from the injected clock.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db, Tx } from './db.js';

export const LINK_TTL_MS = 10 * 60_000;
export const CODE_TTL_MS = 5 * 60_000;
/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 12 * 3600_000;
/** lastSeenAt is written at most this often (a page polls every few seconds). */
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export interface ConsoleSessionRow {
  alias: string;
  csrf: string;
}

/** A one-time link for a person; returns the token to put in the URL. */
export async function createLoginLink(db: Db | Tx, clock: Clock, alias: string): Promise<string> {
  const token = newToken();
  const now = clock.now();
  await db.consoleLogin.create({
    data: { id: hashToken(token), kind: 'link', alias, createdAt: now, expiresAt: new Date(now.getTime() + LINK_TTL_MS) },
  });
  return token;
}

/** Who a link is for, while it is unused and fresh (nothing is changed). */
export async function peekLoginLink(db: Db | Tx, clock: Clock, token: string): Promise<string | undefined> {
  const row = await db.consoleLogin.findUnique({ where: { id: hashToken(token) } });
  if (!row || row.kind !== 'link' || row.usedAt || row.expiresAt <= clock.now() || !row.alias) return undefined;
  return row.alias;
}

/** Uses a link up: the alias it was for, or undefined when it is unknown, used or stale. */
export async function consumeLoginLink(db: Db | Tx, clock: Clock, token: string): Promise<string | undefined> {
  const now = clock.now();
  const id = hashToken(token);
  // The update's condition makes a link good for exactly one browser, even when two race.
  const used = await db.consoleLogin.updateMany({ where: { id, kind: 'link', usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (used.count === 0) return undefined;
  const row = await db.consoleLogin.findUnique({ where: { id } });
  return row?.alias ?? undefined;
}

/**
 * A 6-digit code for a browser that waits (identified by its own random cookie). Codes
 * in use are never handed out twice at once.
 */
export async function createLoginCode(db: Db | Tx, clock: Clock, browserToken: string): Promise<string> {
  const now = clock.now();
  for (let attempt = 0; ; attempt++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const live = await db.consoleLogin.count({ where: { kind: 'code', code, expiresAt: { gt: now }, usedAt: null } });
    if (live > 0 && attempt < 20) continue;
    await db.consoleLogin.create({
      data: { id: `code:${newToken()}`, kind: 'code', code, browser: hashToken(browserToken), createdAt: now, expiresAt: new Date(now.getTime() + CODE_TTL_MS) },
    });
    return code;
  }
}

/** A person confirms a code by direct message; false when no waiting browser shows it. */
export async function confirmLoginCode(db: Db | Tx, clock: Clock, code: string, alias: string): Promise<boolean> {
  const now = clock.now();
  const done = await db.consoleLogin.updateMany({
    where: { kind: 'code', code, confirmedAt: null, usedAt: null, expiresAt: { gt: now } },
    data: { confirmedAt: now, alias },
  });
  return done.count > 0;
}

export type CodeState = { state: 'waiting'; code: string } | { state: 'confirmed'; alias: string } | { state: 'none' };

/** What became of this browser's code; a confirmed code is used up as it is read. */
export async function claimLoginCode(db: Db | Tx, clock: Clock, browserToken: string): Promise<CodeState> {
  const now = clock.now();
  const row = await db.consoleLogin.findFirst({
    where: { kind: 'code', browser: hashToken(browserToken), usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
  });
  if (!row) return { state: 'none' };
  if (!row.confirmedAt || !row.alias) return { state: 'waiting', code: row.code ?? '' };
  const used = await db.consoleLogin.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  return used.count > 0 ? { state: 'confirmed', alias: row.alias } : { state: 'none' };
}

/** Starts a session; returns the cookie token. */
export async function createSession(db: Db | Tx, clock: Clock, alias: string): Promise<string> {
  const token = newToken();
  const now = clock.now();
  await db.consoleSession.create({ data: { id: hashToken(token), alias, csrf: newToken(), createdAt: now, lastSeenAt: now } });
  return token;
}

/** The session of a cookie, kept alive by this request; undefined when unknown or idle too long. */
export async function findSession(db: Db | Tx, clock: Clock, token: string): Promise<ConsoleSessionRow | undefined> {
  const id = hashToken(token);
  const row = await db.consoleSession.findUnique({ where: { id } });
  if (!row) return undefined;
  const now = clock.now();
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    await db.consoleSession.deleteMany({ where: { id } });
    return undefined;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.consoleSession.update({ where: { id }, data: { lastSeenAt: now } });
  }
  return { alias: row.alias, csrf: row.csrf };
}

export async function endSession(db: Db | Tx, token: string): Promise<void> {
  await db.consoleSession.deleteMany({ where: { id: hashToken(token) } });
}

export interface AuditEntry {
  alias: string;
  action: string;
  target?: string;
  detail?: string;
  outcome: 'ok' | 'refused';
  message?: string;
}

export async function recordAudit(db: Db | Tx, clock: Clock, e: AuditEntry): Promise<void> {
  await db.consoleAudit.create({
    data: {
      at: clock.now(),
      alias: e.alias,
      action: e.action,
      target: e.target ?? null,
      detail: e.detail?.slice(0, 500) ?? null,
      outcome: e.outcome,
      message: e.message?.slice(0, 300) ?? null,
    },
  });
}

export async function recentAudit(db: Db | Tx, take = 100) {
  return db.consoleAudit.findMany({ orderBy: { id: 'desc' }, take });
}
