/**
 * Messages as they arrive: stored first (so that a crash loses none), then claimed by the
 * one process that handles them, then done or failed. See src/app/bot.ts for the protocol.
 */
import type { MediaKind } from '../chat/port.js';
import { Prisma } from '@prisma/client';
import type { Db, Tx } from './db.js';
import { communityOf, messageOwnerOf } from './scope.js';
import { execute, queryRows } from './sql.js';
import { inTransaction } from './transaction.js';

/** `standby`: a group message a standby account received while another account speaks there (kept, not handled). */
export type InboundStatus = 'pending' | 'done' | 'failed' | 'duplicate' | 'standby';

/** What is written when a message arrives. */
export interface NewInbound {
  messageId: string;
  roomTopic: string | null;
  senderChat: string;
  senderAlias: string | null;
  senderName: string;
  senderRemark: string | null;
  senderFriend: boolean;
  text: string;
  kind: string;
  quote: string | null;
  mentioned: boolean;
  /** room|sender|text (or the file's hash): the same one again within the window is a duplicate. */
  fingerprint: string;
  receivedAt: Date;
}

/** A stored message waiting to be handled, as the bot reads it. */
export interface InboundMessage extends NewInbound {
  id: number;
}

/** The file that came with a message; written in the same transaction as the message. */
export interface NewInboundMedia {
  kind: MediaKind;
  path: string;
  sha256: string;
  size: number;
  durationMs?: number;
  roomTopic: string | null;
  createdAt: Date;
}

export type Recorded = { kind: 'new'; message: InboundMessage } | { kind: 'duplicate' } | { kind: 'replay' };

/**
 * Stores an arriving message (with its file's row, both or neither), in one statement: the
 * same fingerprint stored since `duplicateSince` makes it a duplicate (kept for the record,
 * never handled), and a message id seen before (a replay after a re-login) writes nothing
 * (`ON CONFLICT DO NOTHING`, the same on SQLite and PostgreSQL): `replay`.
 */
export async function recordInbound(db: Db, message: NewInbound, opts: { duplicateSince: Date; media?: NewInboundMedia }): Promise<Recorded> {
  const media = opts.media;
  // Each account stores what it received: a message id is unique per account.
  const owner = messageOwnerOf(db);
  const inserted = media
    ? await inTransaction(db, async (tx) => {
        const row = await insertInbound(tx, owner, message, opts.duplicateSince);
        if (row) await tx.mediaFile.create({ data: { ...media, durationMs: media.durationMs ?? null, inboundId: row.id } });
        return row;
      })
    : await insertInbound(db, owner, message, opts.duplicateSince);
  if (!inserted) return { kind: 'replay' };
  return inserted.status === 'duplicate' ? { kind: 'duplicate' } : { kind: 'new', message: { ...message, id: inserted.id } };
}

/**
 * One statement: the row, unless this account stored the message id before. `duplicateSince`
 * makes it a duplicate where the same fingerprint came since then; without it the row waits
 * to be handled whatever came before (a message handed on, see `relayInbound`).
 */
async function insertInbound(
  db: Db | Tx,
  { account, community }: { account: string; community: string },
  m: NewInbound,
  duplicateSince: Date | undefined,
): Promise<{ id: number; status: InboundStatus } | undefined> {
  const status = duplicateSince
    ? Prisma.sql`CASE WHEN EXISTS (SELECT 1 FROM "InboundMessage" WHERE "fingerprint" = ${m.fingerprint} AND "receivedAt" >= ${duplicateSince} AND "account" = ${account} AND "community" = ${community}) THEN 'duplicate' ELSE 'pending' END`
    : Prisma.sql`'pending'`;
  // Built whole with Prisma.sql, as store/tickets.ts does: PostgreSQL's client, generated apart,
  // does not recognise a fragment nested in its own tagged template as SQL.
  const rows = await queryRows<{ id: number | bigint; status: InboundStatus }>(db, Prisma.sql`
    INSERT INTO "InboundMessage" ("account", "community", "messageId", "roomTopic", "senderChat", "senderAlias", "senderName", "senderRemark", "senderFriend",
      "text", "kind", "quote", "mentioned", "fingerprint", "receivedAt", "status")
    VALUES (${account}, ${community}, ${m.messageId}, ${m.roomTopic}, ${m.senderChat}, ${m.senderAlias}, ${m.senderName}, ${m.senderRemark}, ${m.senderFriend},
      ${m.text}, ${m.kind}, ${m.quote}, ${m.mentioned}, ${m.fingerprint}, ${m.receivedAt}, ${status})
    ON CONFLICT ("account", "messageId") DO NOTHING
    RETURNING "id", "status"`);
  const row = rows[0];
  return row ? { id: Number(row.id), status: row.status } : undefined;
}

const STORED = {
  id: true,
  messageId: true,
  roomTopic: true,
  senderChat: true,
  senderAlias: true,
  senderName: true,
  senderRemark: true,
  senderFriend: true,
  text: true,
  kind: true,
  quote: true,
  mentioned: true,
  fingerprint: true,
  receivedAt: true,
} as const;

/** A stored message still waiting to be handled; undefined when it was handled (or is unknown). */
export async function pendingInbound(db: Db, id: number): Promise<InboundMessage | undefined> {
  return (await db.inboundMessage.findFirst({ where: { id, status: 'pending' }, select: STORED })) ?? undefined;
}

/** Every message stored but not handled yet, oldest first (after a crash or a restart). */
export async function pendingInboundIds(db: Db): Promise<number[]> {
  const rows = await db.inboundMessage.findMany({ where: { status: 'pending' }, orderBy: { id: 'asc' }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Where a message handed on to another account's bot is marked (app/relay.ts). */
const RELAYED = 'relay:';

/**
 * Hands a direct message on to other communities' bots (county staff's 全县), in the
 * transaction that handles it here: stored as a message to each community's account,
 * under an id made from the original, so that it is handed on once however often it comes.
 */
export async function relayInbound(tx: Tx, m: InboundMessage, to: { account: string; community: string }[]): Promise<void> {
  // Several bots of one login get their own copy (`id@N`): it is handed on once, not once per copy.
  const original = m.messageId.replace(/@\d+$/, '');
  for (const owner of to) {
    const copy = { ...m, messageId: `${RELAYED}${owner.community}:${original}`, roomTopic: null, senderRemark: null, senderFriend: false, quote: null, mentioned: false };
    await insertInbound(tx, owner, copy, undefined);
  }
}

/** A message another bot handed on: handled here, never handed on again. */
export function isRelayed(m: { messageId: string }): boolean {
  return m.messageId.startsWith(RELAYED);
}

/**
 * The community in whose group a person last spoke, among those one account serves (its
 * bots' messages, read across them): where their direct message belongs after a restart.
 */
export async function lastGroupCommunity(db: Db, account: string, sender: { alias?: string; chatId: string }): Promise<string | undefined> {
  const who = sender.alias ? { senderAlias: sender.alias } : { senderChat: sender.chatId };
  const row = await db.inboundMessage.findFirst({
    where: { account, ...who, roomTopic: { not: null } },
    orderBy: { receivedAt: 'desc' },
    select: { community: true },
  });
  return row?.community || undefined;
}

/** Messages other bots handed on to this one, not handled yet, oldest first. */
export async function pendingRelayedIds(db: Db): Promise<number[]> {
  const rows = await db.inboundMessage.findMany({ where: { status: 'pending', messageId: { startsWith: RELAYED } }, orderBy: { id: 'asc' }, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * Takes a pending message for handling, inside the transaction that handles it: false when
 * another process took it first (then it is theirs, and this one does nothing).
 */
export async function claimInbound(tx: Tx, id: number, now: Date): Promise<boolean> {
  // A scoped client claims only its own account's messages (the scope's filter, written out).
  const owner = messageOwnerOf(tx);
  const mine = communityOf(tx) === undefined ? Prisma.empty : Prisma.sql`AND "account" = ${owner.account} AND "community" IN (${owner.community}, '')`;
  const claimed = await execute(tx, Prisma.sql`UPDATE "InboundMessage" SET "status" = 'done', "handledAt" = ${now} WHERE "id" = ${id} AND "status" = 'pending' ${mine}`);
  return claimed === 1;
}

/** How far apart two accounts may receive the same group message and still count it as one. */
const SAME_MESSAGE_MS = 2 * 60_000;

/**
 * A standby has taken over: its kept copies of group messages received since `since` that
 * no account ahead of it handled go back to be handled (their ids, oldest first). A copy
 * the account ahead stored but never handled is taken from it in the same statement that
 * checks it is still waiting, so the message is handled once even if that account returns.
 */
export async function reviveUnhandled(tx: Tx, ahead: readonly string[], since: Date): Promise<number[]> {
  const kept = await tx.inboundMessage.findMany({
    where: { status: 'standby', roomTopic: { not: null }, receivedAt: { gte: since } },
    orderBy: { id: 'asc' },
    select: { id: true, roomTopic: true, text: true, receivedAt: true },
  });
  const revived: number[] = [];
  for (const m of kept) {
    const near = { gte: new Date(m.receivedAt.getTime() - SAME_MESSAGE_MS), lte: new Date(m.receivedAt.getTime() + SAME_MESSAGE_MS) };
    const accounts = { in: [...ahead] };
    const twins = await tx.inboundMessage.findMany({ where: { account: accounts, roomTopic: m.roomTopic, text: m.text, receivedAt: near }, select: { id: true, status: true }, take: 5 });
    if (twins.some((t) => t.status !== 'pending')) continue;
    if (twins.length) {
      const taken = await tx.inboundMessage.updateMany({ where: { account: accounts, id: { in: twins.map((t) => t.id) }, status: 'pending' }, data: { status: 'standby' } });
      if (taken.count < twins.length) continue;
    }
    await tx.inboundMessage.updateMany({ where: { id: m.id, status: 'standby' }, data: { status: 'pending' } });
    revived.push(m.id);
  }
  return revived;
}

/** A standby account's copy of a group message another account answers: kept, never handled. */
export async function markInboundStandby(db: Db, id: number): Promise<void> {
  await db.inboundMessage.updateMany({ where: { id, status: 'pending' }, data: { status: 'standby' } });
}

/** Handling failed: kept as failed with what went wrong, never handled again by itself. */
export async function markInboundFailed(db: Db, id: number, error: string): Promise<void> {
  await db.inboundMessage.update({ where: { id }, data: { status: 'failed', error: error.slice(0, 2000) } });
}
