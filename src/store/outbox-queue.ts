import type { Db } from './db.js';

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
