import type { Intake } from '../intake/index.js';
import { extractPlace, mergeFollowUp } from '../intake/index.js';
import { roomFromWords } from './dm-place.js';
import { openTicket } from './open-ticket.js';
import { rerouteForPlace } from './lifecycle.js';
import { finishPendingAction, openPendingAction, startPendingAction } from '../store/pending-actions.js';
import type { MessageContext } from '../kernel/context.js';

/** How long a short follow-up (就在3栋) still completes the resident's earlier message. */
export const FOLLOW_UP_MS = 5 * 60_000;

interface FollowUpPayload {
  intake: Intake;
  text: string;
  ticketId: number | null;
}

/** The kind of pending action a follow-up in this group (or in direct messages) is kept as. */
export const followUpKind = (roomTopic: string | undefined) => `followup:${roomTopic ?? 'dm'}`;
const kindFor = (ctx: MessageContext) => followUpKind(ctx.room?.topic);

export async function rememberForFollowUp(ctx: MessageContext, intake: Intake, ticketId: number | null): Promise<void> {
  const now = ctx.clock.now();
  const payload: FollowUpPayload = { intake, text: ctx.text, ticketId };
  await startPendingAction(ctx.db, { personId: ctx.speaker.personId, kind: kindFor(ctx), payload, now, expiresAt: new Date(now.getTime() + FOLLOW_UP_MS) });
}

/**
 * Completes the resident's earlier message with this one, when it is a follow-up of it:
 * adds the place to the ticket (routing it anew while nobody has accepted it), or turns
 * an earlier unclear message into a ticket. True when the message was used up so.
 */
export async function continueEarlierReport(ctx: MessageContext, current: Intake): Promise<boolean> {
  const now = ctx.clock.now();
  const pending = await openPendingAction(ctx.db, ctx.speaker.personId, kindFor(ctx), now);
  if (!pending) return false;
  const earlier = JSON.parse(pending.payload) as FollowUpPayload;
  if (!ctx.room && earlier.ticketId !== null && (await placeDirectReport(ctx, earlier, pending.id))) return true;
  // A message that stands on its own as a confident new report is a new report.
  if (current.intent === 'report' && current.category && current.category !== earlier.intake.category && current.confidence >= 0.8) return false;
  const merged = mergeFollowUp(earlier.intake, ctx.text);
  if (!merged) return false;
  await finishPendingAction(ctx.db, pending.id, now);
  if (earlier.ticketId !== null) {
    await rerouteForPlace(ctx, earlier.ticketId, merged);
    await rememberForFollowUp(ctx, merged, earlier.ticketId);
    return true;
  }
  if (merged.intent !== 'report') return false;
  const ticket = await openTicket(ctx, merged, `${earlier.text} ${ctx.text}`);
  if (!ticket) return true;
  await rememberForFollowUp(ctx, merged, ticket.status === 'merged' ? null : ticket.id);
  return true;
}

/**
 * A direct-message ticket from a resident the bot could not place went to the community
 * at once; the next message that names the place (江畔花园5栋, 临江苑1栋) sends it down to
 * that grid's own holders. False when the words still name no grid.
 */
async function placeDirectReport(ctx: MessageContext, earlier: FollowUpPayload, pendingId: number): Promise<boolean> {
  const place = extractPlace(ctx.text);
  const building = place.building ?? earlier.intake.building;
  const home = roomFromWords(ctx.org, ctx.text, building) ?? roomFromWords(ctx.org, `${earlier.text} ${ctx.text}`, building);
  if (!home?.grid) return false;
  const now = ctx.clock.now();
  await finishPendingAction(ctx.db, pendingId, now);
  const intake: Intake = { ...earlier.intake, building, unit: place.unit ?? earlier.intake.unit, room: place.room ?? earlier.intake.room };
  await rerouteForPlace(ctx, earlier.ticketId!, intake, home.grid);
  return true;
}
