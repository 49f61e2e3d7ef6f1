import type { Notice, Prisma } from '@prisma/client';
import type { Tx } from './db.js';
import { isUniqueConflict } from './locks.js';
import { writeHeldMessages } from './outbox-queue.js';

/** A stored notice as features read it (its schedule columns are read by src/notices/notice-row.ts). */
export type NoticeRow = Notice;

/** What a new notice row holds (id and cancellation are the store's). */
export type NewNotice = Omit<Prisma.NoticeUncheckedCreateInput, 'id' | 'cancelledAt' | 'posts'>;

export function insertNotice(db: Tx, data: NewNotice): Promise<NoticeRow> {
  return db.notice.create({ data });
}

export function noticeById(db: Tx, id: number): Promise<NoticeRow | null> {
  return db.notice.findUnique({ where: { id } });
}

/** The groups a notice's run due at `due` has been posted (or recorded skipped) to. */
export async function roomsTakenFor(db: Tx, noticeId: number, due: Date): Promise<Set<string>> {
  const posts = await db.noticePost.findMany({ where: { noticeId, dueAt: due }, select: { roomTopic: true } });
  return new Set(posts.map((p) => p.roomTopic));
}

/** Where a notice's posts wait in the outbound queue (src/notices/notice-row.ts names them). */
export async function queuedPostsCount(db: Tx, origin: string): Promise<number> {
  await writeHeldMessages(db);
  return db.outboundMessage.count({ where: { origin, status: 'queued' } });
}

/**
 * 取消通知: no run goes out again, and what still waits in the outbound queue is withdrawn
 * ('cancelled' is not 'queued', so the outbox never picks them up). Returns how many.
 */
export async function cancelNoticeAndWithdraw(db: Tx, id: number, origin: string, now: Date): Promise<number> {
  await writeHeldMessages(db);
  await db.notice.update({ where: { id }, data: { status: 'cancelled', cancelledAt: now, nextRunAt: null } });
  const withdrawn = await db.outboundMessage.updateMany({ where: { origin, status: 'queued' }, data: { status: 'cancelled' } });
  return withdrawn.count;
}

/** 通知列表: active notices, those still being sent, and those posted since `since`, oldest first. */
export async function noticesWorthListing(db: Tx, since: Date): Promise<NoticeRow[]> {
  await writeHeldMessages(db);
  const sending = await db.outboundMessage.findMany({
    where: { status: 'queued', origin: { startsWith: 'notice:' } },
    select: { origin: true },
    distinct: ['origin'],
  });
  const sendingIds = sending.map((m) => Number(m.origin!.slice('notice:'.length))).filter(Number.isFinite);
  return db.notice.findMany({
    where: {
      OR: [{ status: 'active' }, { id: { in: sendingIds } }, { status: 'done', posts: { some: { outcome: 'queued', createdAt: { gte: since } } } }],
    },
    orderBy: { id: 'asc' },
  });
}

/** Active notices whose next run is due by `now`, in id order. */
export function dueNotices(db: Tx, now: Date): Promise<NoticeRow[]> {
  return db.notice.findMany({ where: { status: 'active', nextRunAt: { lte: now } }, orderBy: { id: 'asc' } });
}

/**
 * Claims a notice's run by moving its next run on only if it is still the one we read
 * (`expected`): false when another sweep or process moved it first. With no next run
 * the notice is done.
 */
export async function claimNoticeRun(db: Tx, id: number, expected: Date | null, next: Date | null): Promise<boolean> {
  const claimed = await db.notice.updateMany({
    where: { id, status: 'active', nextRunAt: expected },
    data: { nextRunAt: next, status: next ? 'active' : 'done' },
  });
  return claimed.count > 0;
}

/** When each active notice next runs (and whether it is urgent, which decides quiet hours). */
export async function activeNoticeRuns(db: Tx): Promise<{ nextRunAt: Date; urgent: boolean }[]> {
  const rows = await db.notice.findMany({ where: { status: 'active', nextRunAt: { not: null } }, select: { nextRunAt: true, urgent: true } });
  return rows.map((r) => ({ nextRunAt: r.nextRunAt!, urgent: r.urgent }));
}

/** One (notice, due time, room): unique, so that a run goes into a room once. */
export interface NoticePostKey {
  noticeId: number;
  dueAt: Date;
  roomTopic: string;
}

export type ReserveOutcome = { kind: 'reserved'; postId: number } | { kind: 'taken'; raced: boolean };

/**
 * Reserves (notice, due, room) for a post or a recorded skip. `taken` when it was taken
 * already; `raced` when another writer took it between our look-up and our insert. The
 * look-up first keeps the usual case free of errors; the unique key decides a race. On
 * SQLite the writer holds the write lock; on PostgreSQL every transaction takes the
 * schema's advisory lock first (store/postgres.ts), so a race cannot abort a transaction
 * there — the conflict branch is SQLite's, for a second process between look-up and insert.
 */
export async function reserveNoticePost(db: Tx, key: NoticePostKey, outcome: 'queued' | 'skipped', now: Date): Promise<ReserveOutcome> {
  const taken = await db.noticePost.findUnique({ where: { noticeId_dueAt_roomTopic: key }, select: { id: true } });
  if (taken) return { kind: 'taken', raced: false };
  try {
    const row = await db.noticePost.create({ data: { ...key, outcome, createdAt: now } });
    return { kind: 'reserved', postId: row.id };
  } catch (err) {
    if (!isUniqueConflict(err)) throw err;
    return { kind: 'taken', raced: true };
  }
}

/**
 * Links a reserved post to the message queued for it: the newest message of this origin
 * to the room in our transaction (queueing does not return the row).
 */
export async function linkNoticePostToQueued(db: Tx, postId: number, origin: string, roomTopic: string): Promise<void> {
  await writeHeldMessages(db);
  const outbound = await db.outboundMessage.findFirst({ where: { origin, targetKind: 'room', target: roomTopic }, orderBy: { id: 'desc' }, select: { id: true } });
  await db.noticePost.update({ where: { id: postId }, data: { outboundId: outbound?.id ?? null } });
}

export interface RunProgress {
  due: Date;
  sent: number;
  total: number;
}

/** How far the latest posted run has got: messages WeChat took, of those queued. */
export async function lastRunProgress(db: Tx, noticeId: number): Promise<RunProgress | undefined> {
  const last = await db.noticePost.findFirst({ where: { noticeId, outcome: 'queued' }, orderBy: { dueAt: 'desc' }, select: { dueAt: true } });
  if (!last) return undefined;
  const posts = await db.noticePost.findMany({ where: { noticeId, dueAt: last.dueAt, outcome: 'queued' }, select: { outboundId: true } });
  const ids = posts.map((p) => p.outboundId).filter((id): id is number => id !== null);
  await writeHeldMessages(db);
  const sent = await db.outboundMessage.count({ where: { id: { in: ids }, status: 'sent' } });
  return { due: last.dueAt, sent, total: posts.length };
}
