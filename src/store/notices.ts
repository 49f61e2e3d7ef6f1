import type { Notice, Prisma } from '@prisma/client';
import type { Tx } from './db.js';

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
export function queuedPostsCount(db: Tx, origin: string): Promise<number> {
  return db.outboundMessage.count({ where: { origin, status: 'queued' } });
}

/**
 * 取消通知: no run goes out again, and what still waits in the outbound queue is withdrawn
 * ('cancelled' is not 'queued', so the outbox never picks them up). Returns how many.
 */
export async function cancelNoticeAndWithdraw(db: Tx, id: number, origin: string, now: Date): Promise<number> {
  await db.notice.update({ where: { id }, data: { status: 'cancelled', cancelledAt: now, nextRunAt: null } });
  const withdrawn = await db.outboundMessage.updateMany({ where: { origin, status: 'queued' }, data: { status: 'cancelled' } });
  return withdrawn.count;
}

/** 通知列表: active notices, those still being sent, and those posted since `since`, oldest first. */
export async function noticesWorthListing(db: Tx, since: Date): Promise<NoticeRow[]> {
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
