import { AWAITING_ACCEPT, OPEN_STATUSES, type TicketEventKind, type TicketStatus, type Tier, type Urgency } from '../kernel/domain.js';
import type { TicketPatch } from '../store/tickets.js';
import { RATE_WITHIN_MS } from './deadlines.js';

/**
 * The ticket lifecycle in one place, pure: which moves each status allows, and for each
 * allowed move the columns to write (status, holders, deadlines) and the history event
 * to record. src/tickets/move.ts applies a move; nothing else changes a ticket's status.
 *
 *   assigned/reopened ─accept→ accepted ─resolve→ resolved ─rate (≥3) / closeUnrated→ closed
 *   any open ─escalate/decline/transfer→ assigned (a higher or other rung, a new clock)
 *   resolved ─reopen (poor rating)→ reopened      any open ─cancel→ cancelled
 *   a repeated report is born merged; closed, cancelled and merged are final.
 */

/** Who takes the ticket and where they stand on its ladder. */
export interface Rung {
  step: number;
  tier: Tier;
  holders: readonly string[];
  told?: readonly string[];
}

export type TicketAction =
  /** 签收; `by` when someone other than the holders takes it over (their rung). */
  | { kind: 'accept'; by?: Rung }
  /** 办结, by the holders or by someone who takes it over. */
  | { kind: 'resolve'; by?: Rung; resolution: string }
  /** 转派 to one person. */
  | { kind: 'transfer'; to: Rung }
  /** A deadline passed: the next rung up is given the ticket. */
  | { kind: 'escalate'; to: Rung }
  /** A deadline passed at the top rung: the same holders, a new (later) deadline. */
  | { kind: 'remind'; due: Date }
  /** 退回: the next rung up, or back to the same holders at the top. */
  | { kind: 'decline'; to?: Rung }
  /** A poor rating: the next rung up, or the same holders at the top, work on it again. */
  | { kind: 'reopen'; to?: Rung }
  /** A follow-up gave the place before anyone accepted: the right first rung takes it. */
  | { kind: 'reroute'; to: Rung }
  /** A rating of 3 or more closes the ticket. */
  | { kind: 'rate'; rating: number; comment: string | null }
  /** Nobody rated within the time allowed. */
  | { kind: 'closeUnrated' }
  /** The reporter withdrew it. */
  | { kind: 'cancel' };

export type TicketActionKind = TicketAction['kind'];

const OPEN = OPEN_STATUSES;
const AWAITING = AWAITING_ACCEPT;

/** From which statuses each move is allowed. */
export const ALLOWED_FROM: Readonly<Record<TicketActionKind, readonly TicketStatus[]>> = {
  accept: OPEN,
  resolve: OPEN,
  transfer: OPEN,
  escalate: OPEN,
  remind: OPEN,
  decline: OPEN,
  reopen: ['resolved'],
  reroute: AWAITING,
  rate: ['resolved'],
  closeUnrated: ['resolved'],
  cancel: OPEN,
};

export const mayApply = (status: TicketStatus, kind: TicketActionKind): boolean => ALLOWED_FROM[kind].includes(status);

/** The deadlines a holder is given (src/tickets/deadlines.ts computes them from the org's SLA). */
export interface DeadlinePolicy {
  acceptBy(urgency: Urgency, from: Date): Date;
  resolveBy(urgency: Urgency, from: Date): Date;
}

export interface TicketMove {
  patch: TicketPatch;
  event: TicketEventKind;
}

export type TicketState = { status: TicketStatus; urgency: Urgency; acceptedAt: Date | null };

/** What a freshly given rung holds: a new clock to accept, nothing accepted yet. */
const givenTo = (to: Rung, t: TicketState, policy: DeadlinePolicy, now: Date): TicketPatch => ({
  step: to.step,
  tier: to.tier,
  holders: to.holders,
  told: to.told ?? [],
  assignedAt: now,
  acceptBy: policy.acceptBy(t.urgency, now),
  acceptedAt: null,
  resolveBy: null,
});

const takenBy = (by: Rung | undefined): TicketPatch => (by ? { holders: by.holders, step: by.step, tier: by.tier } : {});

/** Back to the same holders at the top of the ladder, with a new clock to accept. */
const sameHoldersAgain = (t: TicketState, policy: DeadlinePolicy, now: Date): TicketPatch => ({
  status: 'reopened',
  acceptBy: policy.acceptBy(t.urgency, now),
  resolveBy: null,
  acceptedAt: null,
  assignedAt: now,
  updatedAt: now,
});

/** The move for `action`, or undefined when the ticket's status does not allow it. */
export function nextTicketState(t: TicketState, action: TicketAction, policy: DeadlinePolicy, now: Date): TicketMove | undefined {
  if (!mayApply(t.status, action.kind)) return undefined;
  switch (action.kind) {
    case 'accept':
      return {
        event: 'accepted',
        patch: { status: 'accepted', ...takenBy(action.by), acceptedAt: now, acceptBy: null, resolveBy: policy.resolveBy(t.urgency, now), updatedAt: now },
      };
    case 'resolve':
      return {
        event: 'resolved',
        patch: {
          status: 'resolved',
          ...takenBy(action.by),
          acceptedAt: t.acceptedAt ?? now,
          acceptBy: null,
          resolveBy: null,
          resolvedAt: now,
          resolution: action.resolution,
          rateBy: new Date(now.getTime() + RATE_WITHIN_MS),
          updatedAt: now,
        },
      };
    case 'transfer':
      return { event: 'transferred', patch: { status: 'assigned', ...givenTo({ ...action.to, told: [] }, t, policy, now), updatedAt: now } };
    case 'escalate':
      return { event: 'escalated', patch: { status: 'assigned', ...givenTo(action.to, t, policy, now), updatedAt: now } };
    case 'remind':
      // The clock that ran out starts again; nothing the event stream shows changes.
      return { event: 'reminded', patch: t.status === 'accepted' ? { resolveBy: action.due, updatedAt: now } : { acceptBy: action.due, updatedAt: now } };
    case 'decline':
      return {
        event: 'declined',
        patch: action.to ? { status: 'assigned', ...givenTo(action.to, t, policy, now), updatedAt: now } : sameHoldersAgain(t, policy, now),
      };
    case 'reopen':
      return {
        event: 'reopened',
        patch: action.to ? { status: 'reopened', ...givenTo(action.to, t, policy, now), updatedAt: now } : sameHoldersAgain(t, policy, now),
      };
    case 'reroute': {
      // The status stays (assigned or reopened): only who holds it, and their clock, change.
      const { acceptedAt: _a, resolveBy: _r, ...given } = givenTo(action.to, t, policy, now);
      return { event: 'transferred', patch: given };
    }
    case 'rate':
      return {
        event: 'closed',
        patch: { status: 'closed', rating: action.rating, ratingComment: action.comment, rateBy: null, closedAt: now, updatedAt: now },
      };
    case 'closeUnrated':
      return { event: 'closed', patch: { status: 'closed', closedAt: now, rateBy: null, updatedAt: now } };
    case 'cancel':
      return { event: 'cancelled', patch: { status: 'cancelled', closedAt: now, acceptBy: null, resolveBy: null, updatedAt: now } };
  }
}

/** The status and clocks of a new ticket: given to its first rung, or born merged into an open one. */
export function openingState(kind: 'assigned' | 'merged', urgency: Urgency, policy: DeadlinePolicy, now: Date) {
  return kind === 'assigned'
    ? { status: 'assigned' as const, assignedAt: now, acceptBy: policy.acceptBy(urgency, now) }
    : { status: 'merged' as const, assignedAt: now, acceptBy: null };
}
