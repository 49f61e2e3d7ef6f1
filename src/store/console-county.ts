/**
 * The console's reads for county staff's overview (console/county.ts): each community's
 * open tickets and its day's and week's counts. A bot's client sees its own community
 * only (store/scope.ts): every read here runs as the community it is about (`asCommunity`)
 * and names that community too, so that it reads the same rows on a plain client.
 *
 * Only what the overview shows is read: no ticket text, no reporter, no place below the
 * grid — residents' words, names, phones and addresses stay on the ticket page.
 */
import type { Db, Tx } from './db.js';
import { OPEN_STATUSES } from '../kernel/domain.js';
import { asCommunity } from './scope.js';

/** An open ticket as the county overview lists it, with the clocks that say whether it is late. */
export interface OpenTicketSummary {
  community: string;
  id: number;
  status: string;
  category: string;
  urgency: string;
  gridName: string | null;
  assignees: string;
  createdAt: Date;
  assignedAt: Date;
  acceptedAt: Date | null;
  acceptBy: Date | null;
  resolveBy: Date | null;
}

export interface CommunityTicketFigures {
  community: string;
  /** Every ticket not yet resolved (assigned, reopened or accepted), oldest first. */
  open: OpenTicketSummary[];
  /** Reported since the start of the local day. */
  newToday: number;
  /** Closed (rated, or closed unrated) since `weekStart`. */
  closedSince: number;
}

/**
 * One community's open tickets and its counts of the day and the week. The open ones are
 * read whole (a few columns each): whether a ticket is late depends on the community's
 * time limits, which the console applies, as the board does.
 */
export function communityTicketFigures(db: Db | Tx, community: string, since: { dayStart: Date; weekStart: Date }): Promise<CommunityTicketFigures> {
  return asCommunity(community, async () => {
    const open = await db.ticket.findMany({
      where: { community, status: { in: [...OPEN_STATUSES] } },
      select: {
        community: true,
        id: true,
        status: true,
        category: true,
        urgency: true,
        gridName: true,
        assignees: true,
        createdAt: true,
        assignedAt: true,
        acceptedAt: true,
        acceptBy: true,
        resolveBy: true,
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const newToday = await db.ticket.count({ where: { community, createdAt: { gte: since.dayStart } } });
    const closedSince = await db.ticket.count({ where: { community, status: 'closed', closedAt: { gte: since.weekStart } } });
    return { community, open, newToday, closedSince };
  });
}
