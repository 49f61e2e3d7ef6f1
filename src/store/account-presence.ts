import type { Db, Tx } from './db.js';
import { inTransaction } from './transaction.js';

/**
 * Where several accounts serve one community (a standby beside the account that speaks):
 * each running account's heartbeat, which of them has taken over, and whose WeChat
 * friend each person is. Kept in the shared database, so every account's process sees them.
 */

const BEAT = 'presence.beat.';
const TAKEN_OVER = 'presence.standby.';
const ABSENT = 'presence.absent.';

/** This account is running now: written every minute from its sweep. */
export async function writeHeartbeat(db: Db | Tx, account: string, at: Date): Promise<void> {
  const key = BEAT + account;
  await db.keyValue.upsert({ where: { key }, create: { key, value: at.toISOString() }, update: { value: at.toISOString() } });
}

/** The last heartbeat of each of these accounts (missing: it never ran). */
export async function heartbeats(db: Db | Tx, accounts: string[]): Promise<Map<string, Date>> {
  const rows = await db.keyValue.findMany({ where: { key: { in: accounts.map((a) => BEAT + a) } } });
  const out = new Map<string, Date>();
  for (const r of rows) {
    const at = new Date(r.value);
    if (!Number.isNaN(at.getTime())) out.set(r.key.slice(r.key.lastIndexOf(BEAT) + BEAT.length), at);
  }
  return out;
}

/** The standby accounts that have taken over their community's groups now. */
export async function standbysInCharge(db: Db | Tx, accounts: string[]): Promise<Set<string>> {
  const rows = await db.keyValue.findMany({ where: { key: { in: accounts.map((a) => TAKEN_OVER + a) } }, select: { key: true } });
  return new Set(rows.map((r) => r.key.slice(r.key.lastIndexOf(TAKEN_OVER) + TAKEN_OVER.length)));
}

/** A standby takes over (true) or hands back (false); returns false when that was already so. */
export async function setStandbyInCharge(tx: Tx, account: string, inCharge: boolean, at: Date): Promise<boolean> {
  const key = TAKEN_OVER + account;
  if (!inCharge) return (await tx.keyValue.deleteMany({ where: { key } })).count > 0;
  if (await tx.keyValue.findUnique({ where: { key } })) return false;
  await tx.keyValue.create({ data: { key, value: at.toISOString() } });
  return true;
}

/** The community's groups this account is not in, as WeChat said at its last login. */
export async function writeRoomsAbsent(db: Db | Tx, account: string, topics: string[]): Promise<void> {
  const key = ABSENT + account;
  const value = JSON.stringify([...new Set(topics)].sort());
  await db.keyValue.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/** The groups each of these accounts is not in (an account never logged in: none known). */
export async function roomsAbsent(db: Db | Tx, accounts: string[]): Promise<Map<string, Set<string>>> {
  const rows = await db.keyValue.findMany({ where: { key: { in: accounts.map((a) => ABSENT + a) } } });
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const topics = JSON.parse(r.value) as unknown;
    if (Array.isArray(topics)) out.set(r.key.slice(r.key.lastIndexOf(ABSENT) + ABSENT.length), new Set(topics.map(String)));
  }
  return out;
}

/** The friends this account's WeChat lists now (their WeChat ids), replacing what it listed before. */
export async function replaceFriends(db: Db, account: string, aliases: string[], at: Date): Promise<void> {
  const unique = [...new Set(aliases)];
  await inTransaction(db, async (tx) => {
    await tx.accountFriend.deleteMany({ where: { account } });
    if (unique.length) await tx.accountFriend.createMany({ data: unique.map((alias) => ({ account, alias, seenAt: at })) });
  });
}

/** Whose friend each person is, among these accounts: alias → accounts. */
export async function friendsOf(db: Db | Tx, accounts: string[]): Promise<Map<string, Set<string>>> {
  const rows = await db.accountFriend.findMany({ where: { account: { in: accounts } }, select: { account: true, alias: true } });
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = out.get(r.alias);
    if (!set) out.set(r.alias, (set = new Set()));
    set.add(r.account);
  }
  return out;
}

/** The people this account's messages wait for (it could not reach them). */
export async function waitingContacts(db: Db | Tx): Promise<string[]> {
  const rows = await db.outboundMessage.findMany({ where: { status: 'waiting', targetKind: 'contact' }, distinct: ['target'], select: { target: true } });
  return rows.map((r) => r.target);
}

/** What waited for a person goes out through another account, which has them as a friend now. */
export async function handOverWaiting(db: Db | Tx, target: string, account: string): Promise<number> {
  const { count } = await db.outboundMessage.updateMany({ where: { status: 'waiting', target }, data: { account, status: 'queued', notBefore: null } });
  return count;
}
