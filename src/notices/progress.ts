import type { Tx } from '../store/db.js';

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
  const sent = await db.outboundMessage.count({ where: { id: { in: ids }, status: 'sent' } });
  return { due: last.dueAt, sent, total: posts.length };
}
