/**
 * One run of a notice into its rooms. The NoticePost row (unique per notice, due time and
 * room) is written in the same transaction as the queued message: whoever inserts it
 * first posts, anyone else — a second sweep, a second process — finds it taken.
 */
import type { AppContext } from '../app/context.js';
import { isoLocal } from '../time.js';
import { noticeText } from './messages.js';
import { noticeOrigin, noticeRef } from './notice-row.js';

export interface NoticeToPost {
  id: number;
  content: string;
  urgent: boolean;
}

function isUniqueConflict(err: unknown): boolean {
  return (err as { code?: string })?.code === 'P2002';
}

/**
 * Reserves (notice, due, room). False when it was taken already. The look-up first keeps
 * the usual case free of errors (on PostgreSQL a failed insert would end the transaction);
 * the unique constraint is what decides when two writers race.
 */
async function reserve(ctx: AppContext, noticeId: number, due: Date, roomTopic: string, outcome: 'queued' | 'skipped'): Promise<number | undefined> {
  const key = { noticeId, dueAt: due, roomTopic };
  const taken = await ctx.db.noticePost.findUnique({ where: { noticeId_dueAt_roomTopic: key }, select: { id: true } });
  if (taken) return undefined;
  try {
    const row = await ctx.db.noticePost.create({ data: { ...key, outcome, createdAt: ctx.clock.now() } });
    return row.id;
  } catch (err) {
    if (!isUniqueConflict(err)) throw err;
    ctx.log.warn({ noticeId, due, roomTopic }, 'notice run already taken by another process');
    return undefined;
  }
}

/** Queues the run into each room not posted yet; returns how many were queued now. */
export async function postNoticeRun(ctx: AppContext, notice: NoticeToPost, due: Date, rooms: readonly string[]): Promise<number> {
  const origin = noticeOrigin(notice.id);
  let queued = 0;
  for (const topic of rooms) {
    const postId = await reserve(ctx, notice.id, due, topic, 'queued');
    if (postId === undefined) continue;
    await ctx.send({ target: { kind: 'room', topic }, text: noticeText(notice.content, notice.urgent), urgent: notice.urgent, origin });
    // ctx.send does not return the row; it is the newest of this origin and room in our transaction.
    const outbound = await ctx.db.outboundMessage.findFirst({ where: { origin, targetKind: 'room', target: topic }, orderBy: { id: 'desc' }, select: { id: true } });
    await ctx.db.noticePost.update({ where: { id: postId }, data: { outboundId: outbound?.id ?? null } });
    ctx.events.emit({ kind: 'notice', id: noticeRef(notice.id), room: topic, due: isoLocal(due, ctx.config.timeZone) });
    queued += 1;
  }
  return queued;
}

/** Records a run that was missed and will not be posted; returns how many rooms were new. */
export async function recordSkippedRun(ctx: AppContext, noticeId: number, due: Date, rooms: readonly string[]): Promise<number> {
  let recorded = 0;
  for (const topic of rooms) if ((await reserve(ctx, noticeId, due, topic, 'skipped')) !== undefined) recorded += 1;
  return recorded;
}
