/** The console's reads of notices: the list, one notice with what was posted where, the newest. */
import { jsonList, type Db, type Tx } from './db.js';

/** Notices reaching any of these groups (all notices when undefined), newest first. */
export async function noticesFor(db: Db | Tx, rooms: string[] | undefined, take = 100) {
  const rows = await db.notice.findMany({ orderBy: { id: 'desc' }, take: rooms ? take * 5 : take, include: { _count: { select: { posts: true } } } });
  const visible = rooms ? rows.filter((n) => jsonList(n.targets).some((t) => rooms.includes(t))) : rows;
  return visible.slice(0, take);
}

export async function noticeWithHistory(db: Db | Tx, id: number) {
  const notice = await db.notice.findUnique({ where: { id }, include: { posts: { orderBy: [{ dueAt: 'desc' }, { roomTopic: 'asc' }], take: 300 } } });
  if (!notice) return undefined;
  const ids = notice.posts.map((p) => p.outboundId).filter((x): x is number => x !== null);
  const outbound = await db.outboundMessage.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, sentAt: true } });
  return { notice, outbound: new Map(outbound.map((o) => [o.id, o])) };
}

export const newestNotice = (db: Db | Tx) => db.notice.findFirst({ orderBy: { id: 'desc' } });
