/**
 * A ticket's history as the metrics read it: the Ticket row's few facts and its
 * TicketEvent rows in order. Plain data, so metrics are pure functions of it.
 */

import type { EventFact, TicketFacts, TicketHistory } from '../store/ticket-histories.js';

export type { EventFact, TicketFacts, TicketHistory };

/** When a holder given a ticket at `from` must have accepted it (the SLA with quiet hours). */
export type AcceptDeadline = (from: Date, urgency: string) => Date;

/**
 * One holding of a ticket: from the moment a set of holders is given it (created,
 * escalated, declined up, transferred, reopened) until the next such moment or its end.
 */
export interface Assignment {
  ticketId: number;
  grid: string | null;
  category: string;
  tier: string;
  holders: string[];
  start: Date;
  acceptBy: Date;
  /** Accepted (接单), or resolved without an explicit accept, within this holding. */
  acceptedAt?: Date;
  resolvedAt?: Date;
  /** Who resolved it, when it was resolved. */
  resolvedBy?: string[];
  /** What ended the holding; undefined while it lasts. */
  end?: { kind: string; at: Date };
  /** Deadline reminders at the top rung during this holding. */
  reminders: number;
  /** The resident's rating of this holding's resolution, with when it was given. */
  rating?: { score: number; at: Date };
}

/** Events that hand the ticket to a (new) set of holders and start their clock. */
const HANDOVER = new Set(['created', 'escalated', 'declined', 'transferred', 'reopened']);
/** Events after which nobody holds the ticket any more. */
const FINAL = new Set(['cancelled', 'merged']);

/** "rating 4" in a closed/reopened row's note (what the 评价 command writes). */
export function ratingFromNote(note: string | null): number | undefined {
  const m = /rating\s*(\d)/.exec(note ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Splits a history into holdings. Merged duplicates hold nothing. */
export function assignmentsOf(h: TicketHistory, acceptDeadline: AcceptDeadline): Assignment[] {
  const out: Assignment[] = [];
  let current: Assignment | undefined;
  const close = (kind: string, at: Date) => {
    if (current && !current.end) current.end = { kind, at };
  };
  const closedEvents = h.events.filter((e) => e.kind === 'closed');
  for (const e of h.events) {
    if (e.kind === 'merged') {
      close('merged', e.at);
      current = undefined;
      continue;
    }
    if (HANDOVER.has(e.kind)) {
      close(e.kind, e.at);
      if (e.kind === 'reopened') rate(out, ratingFromNote(e.note) ?? 1, e.at);
      current = {
        ticketId: h.ticket.id,
        grid: h.ticket.grid,
        category: h.ticket.category,
        tier: e.tier,
        holders: e.assignees,
        start: e.at,
        acceptBy: acceptDeadline(e.at, h.ticket.urgency),
        reminders: 0,
      };
      out.push(current);
      continue;
    }
    if (!current) continue;
    switch (e.kind) {
      case 'accepted':
        current.acceptedAt ??= e.at;
        current.holders = e.assignees.length ? e.assignees : current.holders;
        break;
      case 'resolved':
        current.acceptedAt ??= e.at; // 办结 without 接单: accepted and resolved at once
        current.resolvedAt = e.at;
        current.resolvedBy = e.assignees.length ? e.assignees : current.holders;
        current.tier = e.tier; // someone above may resolve it in person
        close('resolved', e.at);
        break;
      case 'closed': {
        // The last closed row may carry the rating only on the Ticket row (older rows had no note).
        const score = ratingFromNote(e.note) ?? (e === closedEvents.at(-1) && !/not rated/.test(e.note ?? '') ? (h.ticket.rating ?? undefined) : undefined);
        if (score !== undefined) rate(out, score, e.at);
        close('closed', e.at);
        break;
      }
      case 'reminded':
        current.reminders += 1;
        break;
      default:
        if (FINAL.has(e.kind)) close(e.kind, e.at);
    }
  }
  return out;
}

/** A rating belongs to the last resolved holding. */
function rate(list: Assignment[], score: number, at: Date): void {
  const resolved = [...list].reverse().find((a) => a.resolvedAt);
  if (resolved && !resolved.rating) resolved.rating = { score, at };
}
