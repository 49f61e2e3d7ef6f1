/**
 * Keeps the working tables small: follow-up and confirmation rows (PendingAction) are
 * deleted a day after they expire, and the words of handled inbound messages are blanked
 * after INBOUND_KEEP_MS (the ticket keeps what was reported; the row keeps who, where and
 * when). A batch per call, so the sweep never holds the write lock for long.
 */
import type { Db, Tx } from './db.js';

const DAY = 24 * 3600_000;
export const PENDING_KEEP_MS = DAY;
export const INBOUND_KEEP_MS = 30 * DAY;
export const PURGE_BATCH = 500;
const INBOUND_CURSOR = 'purge.inbound.after';

/** One batch of each purge; true when either may have more. */
export async function purgeWorkingRows(db: Db | Tx, now: Date): Promise<boolean> {
  const pending = await db.pendingAction.findMany({
    where: { expiresAt: { lt: new Date(now.getTime() - PENDING_KEEP_MS) } },
    select: { id: true },
    orderBy: { expiresAt: 'asc' },
    take: PURGE_BATCH,
  });
  if (pending.length) await db.pendingAction.deleteMany({ where: { id: { in: pending.map((p) => p.id) } } });

  // Inbound ids grow with time: walk them from a cursor, so each batch reads only new rows.
  const cursor = await db.keyValue.findUnique({ where: { key: INBOUND_CURSOR } });
  const after = cursor ? Number(cursor.value) : 0;
  const rows = await db.inboundMessage.findMany({
    where: { id: { gt: after } },
    select: { id: true, receivedAt: true, status: true },
    orderBy: { id: 'asc' },
    take: PURGE_BATCH,
  });
  const cutoff = now.getTime() - INBOUND_KEEP_MS;
  let last = after;
  for (const r of rows) {
    if (r.receivedAt.getTime() >= cutoff || r.status === 'pending') break;
    last = r.id;
  }
  if (last > after) {
    await db.inboundMessage.updateMany({ where: { id: { gt: after, lte: last } }, data: { text: '', quote: null, fingerprint: '' } });
    await db.keyValue.upsert({ where: { key: INBOUND_CURSOR }, create: { key: INBOUND_CURSOR, value: String(last) }, update: { value: String(last) } });
  }
  return pending.length >= PURGE_BATCH || (rows.length >= PURGE_BATCH && last === rows.at(-1)!.id);
}

/** When a purge next has work: the oldest row's time past its keeping period. */
export async function nextPurgeDue(db: Db | Tx): Promise<Date | null> {
  const oldest = await db.pendingAction.findFirst({ orderBy: { expiresAt: 'asc' }, select: { expiresAt: true } });
  const cursor = await db.keyValue.findUnique({ where: { key: INBOUND_CURSOR } });
  const inbound = await db.inboundMessage.findFirst({
    where: { id: { gt: cursor ? Number(cursor.value) : 0 } },
    orderBy: { id: 'asc' },
    select: { receivedAt: true },
  });
  const times = [oldest && oldest.expiresAt.getTime() + PENDING_KEEP_MS, inbound && inbound.receivedAt.getTime() + INBOUND_KEEP_MS].filter((t): t is number => !!t);
  return times.length ? new Date(Math.min(...times)) : null;
}
