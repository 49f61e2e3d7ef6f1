import { Prisma } from '@prisma/client';
import type { Db, Tx } from './db.js';
import { messageOwnerOf } from './scope.js';
import { queryRows } from './sql.js';

/** A message to queue, as the outbound table keeps it (src/chat/outbox.ts builds it). */
export interface QueuedMessage {
  targetKind: 'room' | 'contact';
  target: string;
  text: string;
  urgent: boolean;
  reserved: boolean;
  repeatable: boolean;
  origin: string | null;
  mediaId: number | null;
  createdAt: Date;
  /** Another account of the community sends it (else the scope stamps this process's own). */
  account?: string;
}

/** Writes a message into the persisted queue, inside the caller's transaction; returns its id. */
export async function queueMessage(tx: Tx, m: QueuedMessage): Promise<number> {
  // Held messages were queued first: they go first.
  await writeHeldMessages(tx);
  const [id] = await insertQueued(tx, [m]);
  return id!;
}

/**
 * Writes queued messages in one statement, stamped with this process's account and
 * community (a message another account sends names that account); their ids, in order.
 */
async function insertQueued(tx: Tx, batch: readonly QueuedMessage[]): Promise<number[]> {
  const owner = messageOwnerOf(tx);
  const rows = batch.map(
    (m) => Prisma.sql`(${m.account ?? owner.account}, ${owner.community}, ${m.targetKind}, ${m.target}, ${m.text}, ${m.urgent}, ${m.origin}, ${m.mediaId}, ${m.createdAt}, 'queued', 0, ${m.reserved}, ${m.repeatable})`,
  );
  const ids = await queryRows<{ id: number | bigint }>(tx, Prisma.sql`
    INSERT INTO "OutboundMessage" ("account", "community", "targetKind", "target", "text", "urgent", "origin", "mediaId", "createdAt", "status", "attempts", "reserved", "repeatable")
    VALUES ${Prisma.join(rows)} RETURNING "id"`);
  return ids.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** The messages a transaction queued but has not written yet (see `holdQueuedMessages`). */
const held = new WeakMap<Tx, QueuedMessage[]>();

/**
 * From now on the messages this transaction queues with `queueMessageLater` are kept in
 * memory and written together, in one statement, by `writeHeldMessages` — which the
 * holder must call before the transaction commits (handling a message does, just before
 * its commit). Whatever reads the outbound queue in the transaction writes them first
 * (`writeHeldMessages` at the top of the store functions that read it on the message
 * path), so nothing sees the queue without them; in it they keep the order they were
 * queued in.
 */
export function holdQueuedMessages(tx: Tx): void {
  held.set(tx, []);
}

/** Queues a message: held when the transaction holds its messages, else written at once. */
export async function queueMessageLater(tx: Tx, m: QueuedMessage): Promise<void> {
  const batch = held.get(tx);
  if (batch) batch.push(m);
  else await queueMessage(tx, m);
}

/** Writes the messages held for this transaction, in one statement; later ones are held again. */
export async function writeHeldMessages(tx: Tx): Promise<void> {
  const batch = held.get(tx);
  if (!batch?.length) return;
  held.set(tx, []);
  await insertQueued(tx, batch);
}

/**
 * The front of the outbound queue: urgent first, then in order. Broadcast posts
 * (origin notice:…) are read apart from everything else, so that a notice to hundreds of
 * groups never hides a reply queued after it from the sender.
 */
export async function queueFront(db: Db, scan: number) {
  const others = await db.outboundMessage.findMany({
    where: { status: 'queued', OR: [{ origin: null }, { NOT: { origin: { startsWith: 'notice:' } } }] },
    orderBy: [{ urgent: 'desc' }, { id: 'asc' }],
    take: scan,
  });
  const broadcasts = await db.outboundMessage.findMany({
    where: { status: 'queued', origin: { startsWith: 'notice:' } },
    orderBy: [{ urgent: 'desc' }, { id: 'asc' }],
    take: scan,
  });
  return [...others, ...broadcasts];
}

/** Messages sent since `since`, oldest first: where each went and when (the send limits' history). */
export async function sentSince(db: Db, since: Date): Promise<{ target: string; sentAt: Date }[]> {
  const rows = await db.outboundMessage.findMany({ where: { status: 'sent', sentAt: { gte: since } }, orderBy: { sentAt: 'asc' }, select: { target: true, sentAt: true } });
  return rows.map((r) => ({ target: r.target, sentAt: r.sentAt! }));
}

const PAUSE_KEY = 'outbox.pausedUntil';

/** Until when WeChat asked every send to wait (ms since the epoch; 0 when it never did). */
export async function sendsPausedUntil(db: Db): Promise<number> {
  const pause = await db.keyValue.findUnique({ where: { key: PAUSE_KEY } });
  return pause ? Number(pause.value) : 0;
}

/** Every send waits until `until` (WeChat said we send too often); kept across restarts. */
export async function pauseSendsUntil(db: Db, until: number): Promise<void> {
  await db.keyValue.upsert({ where: { key: PAUSE_KEY }, create: { key: PAUSE_KEY, value: String(until) }, update: { value: String(until) } });
}
