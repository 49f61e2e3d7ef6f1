/** The outbound queue as the console's status page shows it. */
import type { Db, Tx } from './db.js';

export async function outboxFigures(db: Db | Tx, dayStart: Date) {
  const [queued, sentToday, failed, lastFailed] = await Promise.all([
    db.outboundMessage.count({ where: { status: 'queued' } }),
    db.outboundMessage.count({ where: { status: 'sent', sentAt: { gte: dayStart } } }),
    db.outboundMessage.count({ where: { status: 'failed', createdAt: { gte: dayStart } } }),
    db.outboundMessage.findFirst({ where: { lastError: { not: null } }, orderBy: { id: 'desc' }, select: { lastError: true, createdAt: true, target: true } }),
  ]);
  const oldest = await db.outboundMessage.findFirst({ where: { status: 'queued' }, orderBy: { id: 'asc' }, select: { createdAt: true } });
  return { queued, sentToday, failed, lastFailed, oldestQueuedAt: oldest?.createdAt };
}
