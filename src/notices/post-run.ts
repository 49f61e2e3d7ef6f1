/**
 * One run of a notice into its rooms. The NoticePost row (unique per notice, due time and
 * room) is written in the same transaction as the queued message: whoever inserts it
 * first posts, anyone else — a second sweep, a second process — finds it taken.
 */
import type { AppContext } from '../kernel/context.js';
import { linkNoticePostToQueued, reserveNoticePost } from '../store/notices.js';
import { isoLocal } from '../time.js';
import { noticeText } from './messages.js';
import { noticeOrigin, noticeRef } from './notice-row.js';

export interface NoticeToPost {
  id: number;
  content: string;
  urgent: boolean;
}

/** Reserves (notice, due, room); undefined when it was taken already. */
async function reserve(ctx: AppContext, noticeId: number, due: Date, roomTopic: string, outcome: 'queued' | 'skipped'): Promise<number | undefined> {
  const got = await reserveNoticePost(ctx.db, { noticeId, dueAt: due, roomTopic }, outcome, ctx.clock.now());
  if (got.kind === 'reserved') return got.postId;
  if (got.raced) ctx.log.warn({ noticeId, due, roomTopic }, 'notice run already taken by another process');
  return undefined;
}

/** Queues the run into each room not posted yet; returns how many were queued now. */
export async function postNoticeRun(ctx: AppContext, notice: NoticeToPost, due: Date, rooms: readonly string[]): Promise<number> {
  const origin = noticeOrigin(notice.id);
  let queued = 0;
  for (const topic of rooms) {
    const postId = await reserve(ctx, notice.id, due, topic, 'queued');
    if (postId === undefined) continue;
    await ctx.send({ target: { kind: 'room', topic }, text: noticeText(notice.content, notice.urgent), urgent: notice.urgent, origin });
    await linkNoticePostToQueued(ctx.db, postId, origin, topic);
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
