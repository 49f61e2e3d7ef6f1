/**
 * What the soak (`npm run soak`) writes and reads directly: notices due during the run,
 * and the facts it judges the processes by.
 */
import type { Db } from './db.js';

/** The schedule columns of a notice row, as the notices feature computes them from a schedule. */
export interface ScheduleColumns {
  repeat: string;
  timeOfDay: string;
  weekday: number | null;
  monthDay: number | null;
  firstAt: Date | null;
}

/** A one-off notice to `rooms`, due at `at`, stored as the notice command would store it. */
export async function insertDueNotice(db: Db, n: { community: string; rooms: string[]; content: string; at: Date; urgent: boolean; columns: ScheduleColumns; createdAt: Date }): Promise<number> {
  const row = await db.notice.create({
    data: {
      community: n.community,
      createdBy: 'soak',
      scope: n.rooms.join(','),
      targets: JSON.stringify(n.rooms),
      schedule: 'soak',
      ...n.columns,
      content: n.content,
      urgent: n.urgent,
      nextRunAt: n.at,
      createdAt: n.createdAt,
    },
    select: { id: true },
  });
  return row.id;
}

/** Whether the processes have caught up: nothing stored waits, nothing queued waits to be sent, no notice is due. */
export async function soakBacklog(db: Db, now: Date): Promise<{ inbound: number; pending: number; unsent: number; noticesDue: number }> {
  const [inbound, pending, unsent, noticesDue] = await Promise.all([
    db.inboundMessage.count(),
    db.inboundMessage.count({ where: { status: 'pending' } }),
    db.outboundMessage.count({ where: { status: { in: ['queued', 'attempting'] } } }),
    db.notice.count({ where: { status: 'active', nextRunAt: { lte: now } } }),
  ]);
  return { inbound, pending, unsent, noticesDue };
}

/** The stored messages with when each was stored, how many tickets each made, and the sends a kill left uncertain. */
export async function soakFacts(db: Db) {
  const stored = await db.inboundMessage.findMany({ select: { id: true, messageId: true, status: true, receivedAt: true } });
  const tickets = await db.ticket.groupBy({ by: ['inboundId'], _count: { _all: true } });
  const maybeSent = await db.outboundMessage.findMany({ where: { status: 'maybe_sent' }, select: { target: true, text: true, origin: true } });
  const ticketsPerInbound = new Map(tickets.filter((t) => t.inboundId !== null).map((t) => [t.inboundId as number, t._count._all]));
  return { stored, ticketsPerInbound, maybeSent };
}
