import type { Tx } from './db.js';

/**
 * The resident's most recent ticket still being worked on: what a progress question
 * without a ticket number (那个路灯弄好了没) most likely refers to. Null when none is open.
 */
export function latestOpenTicketReportedBy(db: Tx, personId: number, openStatuses: readonly string[]) {
  return db.ticket.findFirst({ where: { reporterId: personId, status: { in: [...openStatuses] } }, orderBy: { id: 'desc' } });
}
