/** Whether the bot can reach the organisation's people: what the console's tree shows beside each name. */
import type { Db, Tx } from './db.js';
import { batches } from './org-import.js';

export interface Reach {
  /** Recognised in this WeChat login (a contact id is known). */
  seenThisLogin: boolean;
  /** Bound to a WeChat contact with a binding code. */
  bound: boolean;
  /** Has written to the bot directly, so a direct message reaches them. */
  directChat: boolean;
  lastSeen?: Date;
}

/** Aliases per query: the page of a county-sized organisation stays under any parameter limit. */
const CHUNK = 500;

export async function reachOf(db: Db | Tx, aliases: string[]): Promise<Map<string, Reach>> {
  const unique = [...new Set(aliases)];
  const out = new Map<string, Reach>();
  for (const a of unique) out.set(a, { seenThisLogin: false, bound: false, directChat: false });
  for (const chunk of batches(unique, CHUNK)) await reachOfChunk(db, chunk, out);
  return out;
}

async function reachOfChunk(db: Db | Tx, unique: string[], out: Map<string, Reach>): Promise<void> {
  const people = await db.person.findMany({ where: { alias: { in: unique } }, select: { alias: true, chatId: true } });
  const bindings = await db.keyValue.findMany({ where: { key: { startsWith: 'bound-alias:' }, value: { in: unique } } });
  // Messages carry the sender's own WeChat alias: a bound contact's differs from the file's.
  const contactAlias = new Map<string, string>(unique.map((a) => [a, a]));
  for (const b of bindings) contactAlias.set(b.key.slice('bound-alias:'.length), b.value);
  const senders = [...contactAlias.keys()];
  const seen = await db.inboundMessage.groupBy({ by: ['senderAlias'], where: { senderAlias: { in: senders } }, _max: { receivedAt: true } });
  const direct = await db.inboundMessage.groupBy({ by: ['senderAlias'], where: { senderAlias: { in: senders }, roomTopic: null }, _count: { _all: true } });
  for (const p of people) if (p.alias && p.chatId) out.get(p.alias)!.seenThisLogin = true;
  for (const b of bindings) out.get(b.value)!.bound = true;
  for (const s of seen) {
    const r = out.get(contactAlias.get(s.senderAlias!)!);
    if (r && s._max.receivedAt && (!r.lastSeen || s._max.receivedAt > r.lastSeen)) r.lastSeen = s._max.receivedAt;
  }
  for (const d of direct) {
    const r = out.get(contactAlias.get(d.senderAlias!)!);
    if (r && d._count._all > 0) r.directChat = true;
  }
}
