/**
 * County staff write to one account, and 全县 (or another community's name) reaches every
 * community it names. The bots on the login they wrote to get it from the login itself
 * (app/shared-login.ts); for communities another account serves, the bot hands the
 * message on: it is stored as a message to that community's account, in the transaction
 * that handles it here, and that account's bot handles it at its next minute, exactly
 * once, answering through its own account. Their 确认 or 取消 goes wherever a broadcast
 * of theirs waits for it.
 */
import type { CountyView } from '../org/directory.js';
import type { Tx } from '../store/db.js';
import { communitiesAwaiting } from '../store/pending-actions.js';
import { PENDING_KIND as BROADCAST_WAITING } from '../notices/broadcast.js';
import { ANSWER, addressedCommunities } from './lane-router.js';

export interface Relay {
  /** The communities (and the accounts serving them) the message is handed on to. */
  to: { account: string; community: string }[];
  /** The message is for this bot's community too (else it only says where it went). */
  handleHere: boolean;
}

export async function planRelay(
  tx: Tx,
  county: CountyView | undefined,
  own: { community: string; account: string },
  speaker: { alias?: string | null; personId: number },
  text: string,
  now: Date,
): Promise<Relay | undefined> {
  const servedBy = county?.servedBy;
  if (!servedBy || !speaker.alias || !county.staff.includes(speaker.alias)) return undefined;
  // Another account's communities; never its own (a standby's own community is served by another account first).
  const elsewhere = county.communities.filter((c) => c !== own.community && (servedBy[c] ?? '') !== own.account);
  const relay = (to: string[], handleHere: boolean): Relay | undefined =>
    to.length ? { to: to.map((community) => ({ account: servedBy[community] ?? '', community })), handleHere } : undefined;
  if (ANSWER.test(text)) {
    const waiting = await communitiesAwaiting(tx, speaker.personId, BROADCAST_WAITING, now, [...elsewhere, own.community]);
    return relay(
      waiting.filter((c) => c !== own.community),
      waiting.includes(own.community),
    );
  }
  const named = addressedCommunities(text, county.communities)?.map((i) => county.communities[i]);
  if (!named) return undefined;
  return relay(
    named.filter((c) => elsewhere.includes(c)),
    named.includes(own.community),
  );
}

/** What county staff hear from a bot that only handed their message on. */
export function relayedText(relay: Relay): string {
  return `已转给${relay.to.map((t) => t.community).join('、')}的机器人，由它们分别回复您。`;
}
