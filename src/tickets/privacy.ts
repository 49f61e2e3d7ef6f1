import type { AppContext } from '../kernel/context.js';
import { personKey } from '../app/identify.js';
import { personById } from '../store/identity.js';
import type { TicketRow } from './record.js';

/** Categories about one household's private life: never told to a group with details. */
const PRIVATE_CATEGORIES = new Set(['dispute', 'assistance']);

/**
 * A ticket the group hears nothing specific about: a dispute or a call for help, or any
 * report made by direct message (those have no source group).
 */
export function isPrivateTicket(t: Pick<TicketRow, 'category' | 'sourceRoom'>): boolean {
  return !t.sourceRoom || PRIVATE_CATEGORIES.has(t.category);
}

/**
 * Tells the reporter how their ticket stands. A public ticket: the group hears `forGroup`.
 * A private one: the reporter hears `privately` by direct message, and the group (where
 * it was reported there) only `neutral`, with no place, category or names.
 */
export async function tellReporter(
  ctx: AppContext,
  t: TicketRow,
  text: { forGroup: string; privately: string; neutral?: string },
): Promise<void> {
  const origin = `ticket:${t.id}`;
  if (!isPrivateTicket(t)) {
    await ctx.send({ target: { kind: 'room', topic: t.sourceRoom! }, text: text.forGroup, origin });
    return;
  }
  const reporter = await personById(ctx.db, t.reporterId);
  if (reporter) await ctx.send({ target: { kind: 'contact', alias: personKey(reporter) }, text: text.privately, origin });
  if (t.sourceRoom && text.neutral) await ctx.send({ target: { kind: 'room', topic: t.sourceRoom }, text: text.neutral, origin });
}
