/**
 * The words of the domain, defined once: the intake taxonomy (intent, category,
 * urgency), the organisation's tiers and a ticket's lifecycle. Everything else imports
 * these unions; the store checks stored strings against them when it reads a row
 * (src/store/tickets.ts), so features never cast.
 */

export type Intent = 'report' | 'query' | 'signup' | 'chat';
export const INTENTS: readonly Intent[] = Object.freeze(['report', 'query', 'signup', 'chat'] as const);

export type Category = 'facility' | 'sanitation' | 'security' | 'dispute' | 'property' | 'utilities' | 'assistance' | 'service' | 'other';
export const CATEGORIES: readonly Category[] = Object.freeze([
  'facility',
  'sanitation',
  'security',
  'dispute',
  'property',
  'utilities',
  'assistance',
  'service',
  'other',
] as const);

export type Urgency = 'urgent' | 'normal';
export const URGENCIES: readonly Urgency[] = Object.freeze(['urgent', 'normal'] as const);

/** The four tiers of the organisation, lowest first. */
export type Tier = 'household' | 'building' | 'branch' | 'committee';
export const TIERS: readonly Tier[] = Object.freeze(['household', 'building', 'branch', 'committee'] as const);

/** Where a ticket stands (see src/tickets/state-machine.ts for the moves between them). */
export type TicketStatus = 'assigned' | 'reopened' | 'accepted' | 'resolved' | 'closed' | 'cancelled' | 'merged';
export const TICKET_STATUSES: readonly TicketStatus[] = Object.freeze(['assigned', 'reopened', 'accepted', 'resolved', 'closed', 'cancelled', 'merged'] as const);

/** Statuses in which a holder still owes an answer. */
export const OPEN_STATUSES: readonly TicketStatus[] = Object.freeze(['assigned', 'reopened', 'accepted'] as const);
/** Open statuses still waiting for a holder to accept (签收). */
export const AWAITING_ACCEPT: readonly TicketStatus[] = Object.freeze(['assigned', 'reopened'] as const);

export const isOpenStatus = (s: string): boolean => (OPEN_STATUSES as readonly string[]).includes(s);

/** What a ticket's history row records. */
export type TicketEventKind =
  | 'created'
  | 'assigned'
  | 'accepted'
  | 'resolved'
  | 'closed'
  | 'reopened'
  | 'cancelled'
  | 'merged'
  | 'transferred'
  | 'declined'
  | 'note'
  | 'reported'
  | 'escalated'
  | 'reminded'
  | 'rated';

const member =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

export const isIntent = member(INTENTS);
export const isCategory = member(CATEGORIES);
export const isUrgency = member(URGENCIES);
export const isTier = member(TIERS);
export const isTicketStatus = member(TICKET_STATUSES);

/** A label for a stored key, or the key itself when it is none of the known ones (old rows, report keys). */
export function labelOf<T extends string>(labels: Record<T, string>, is: (v: unknown) => v is T, key: string): string {
  return is(key) ? labels[key] : key;
}

/** What the classifier read from a message: the taxonomy's words and the place (src/intake). */
export interface Place {
  building: string | null;
  unit: string | null;
  room: string | null;
}

export interface Intake extends Place {
  intent: Intent;
  category: Category | null;
  urgency: Urgency | null;
  /** 0..1, how sure the intent decision is. */
  confidence: number;
  /** Who decided: the rules alone, the learned component beside them, or the language model. */
  source: 'rules' | 'learned' | 'model';
}

