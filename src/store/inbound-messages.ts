/**
 * Messages as they arrive: stored first (so that a crash loses none), then claimed by the
 * one process that handles them, then done or failed. See src/app/bot.ts for the protocol.
 */
import type { MediaKind } from '../chat/port.js';
import type { Db, Tx } from './db.js';

export type InboundStatus = 'pending' | 'done' | 'failed' | 'duplicate';

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

/** The database refused a second row with the same unique key (here: the protocol's message id). */
function isUniqueConflict(err: unknown): boolean {
  return (err as { code?: string })?.code === 'P2002';
}

/**
 * Stores an arriving message (with its file's row, both or neither). The same fingerprint
 * stored since `duplicateSince` makes it a duplicate: kept for the record, never handled.
 * A message id seen before (a replay after a re-login) writes nothing: `replay`.
 */
export async function recordInbound(db: Db, message: NewInbound, opts: { duplicateSince: Date; media?: NewInboundMedia }): Promise<Recorded> {
  const recent = await db.inboundMessage.findFirst({
    where: { fingerprint: message.fingerprint, receivedAt: { gte: opts.duplicateSince } },
    select: { id: true },
  });
  const data = { ...message, status: recent ? 'duplicate' : 'pending' };
  const media = opts.media;
  try {
    const id = media
      ? await db.$transaction(async (tx) => {
          const row = await tx.inboundMessage.create({ data, select: { id: true } });
          await tx.mediaFile.create({ data: { ...media, durationMs: media.durationMs ?? null, inboundId: row.id } });
          return row.id;
        })
      : (await db.inboundMessage.create({ data, select: { id: true } })).id;
    return recent ? { kind: 'duplicate' } : { kind: 'new', message: { ...message, id } };
  } catch (err) {
    if (isUniqueConflict(err)) return { kind: 'replay' };
    throw err;
  }
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

/**
 * Takes a pending message for handling, inside the transaction that handles it: false when
 * another process took it first (then it is theirs, and this one does nothing).
 */
export async function claimInbound(tx: Tx, id: number, now: Date): Promise<boolean> {
  const claimed = await tx.inboundMessage.updateMany({ where: { id, status: 'pending' }, data: { status: 'done', handledAt: now } });
  return claimed.count === 1;
}

/** Handling failed: kept as failed with what went wrong, never handled again by itself. */
export async function markInboundFailed(db: Db, id: number, error: string): Promise<void> {
  await db.inboundMessage.update({ where: { id }, data: { status: 'failed', error: error.slice(0, 2000) } });
}
