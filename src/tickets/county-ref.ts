/**
 * Tickets are numbered per community, so in a county `#1` exists in each. County staff
 * write and read another community's ticket as `金沙#12` (the community's name, with or
 * without 社区, and the number); everyone else only ever sees their own community's.
 */
import type { MessageContext } from '../kernel/context.js';
import type { OrgDirectory } from '../org/directory.js';
import { forbidden, notFound } from '../errors.js';
import { asCommunity } from '../store/scope.js';
import { ticketById } from '../store/tickets.js';
import type { TicketRow } from './record.js';

/** `金沙社区` → `金沙`: how a community is written before a ticket number. */
export function shortCommunityName(name: string): string {
  return name.length > 2 && name.endsWith('社区') ? name.slice(0, -2) : name;
}

/** The county's community a prefix names (`金沙`, `金沙社区`), or undefined. */
export function communityNamed(org: OrgDirectory, prefix: string): string | undefined {
  const names = org.county?.communities ?? [org.communityName];
  return names.find((n) => n === prefix || shortCommunityName(n) === prefix);
}

/** How a ticket is written to this speaker: `金沙#12` for county staff (numbers repeat across communities), else `#12`. */
export function ticketRef(ctx: MessageContext, t: Pick<TicketRow, 'id' | 'community'>): string {
  const countyStaff = ctx.org.county !== undefined && ctx.org.isCountyStaff(ctx.speaker.alias);
  return countyStaff && t.community ? `${shortCommunityName(t.community)}#${t.id}` : `#${t.id}`;
}

/**
 * Runs `read` on the ticket `prefix#id`: in this community as usual, in another one only
 * for county staff (who see every community's tickets).
 */
export async function withTicketOf<T>(ctx: MessageContext, prefix: string, id: number, read: (t: TicketRow) => Promise<T>): Promise<T> {
  const community = communityNamed(ctx.org, prefix);
  if (!community) throw notFound(`没有「${prefix}」这个社区，请核对，例如「查询 ${shortCommunityName(ctx.org.communityName)}#${id}」。`);
  if (community !== ctx.org.communityName && !ctx.org.isCountyStaff(ctx.speaker.alias)) {
    throw forbidden('只有县里的工作人员可以查看其他社区的工单。');
  }
  return asCommunity(community, async () => {
    const t = await ticketById(ctx.db, id);
    if (!t) throw notFound(`没有工单 ${shortCommunityName(community)}#${id}，请核对编号。`);
    return read(t);
  });
}
