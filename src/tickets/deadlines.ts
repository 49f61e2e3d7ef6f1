import type { Urgency } from '../intake/index.js';
import type { Org } from '../org/types.js';
import { endOfQuiet, isQuietHour, startOfQuiet } from '../kernel/quiet-hours.js';
import { parseDuration, DEFAULT_TIME_ZONE } from '../time.js';

export interface SlaPolicy {
  acceptMs: number;
  resolveMs: number;
  /** Normal tickets' clocks stop in quiet hours; urgent ones never do. */
  pausesAtNight: boolean;
}

const DEFAULTS: Record<Urgency, { accept: string; resolve: string }> = {
  normal: { accept: '2h', resolve: '3d' },
  urgent: { accept: '15m', resolve: '2h' },
};

export function slaFor(org: Org, urgency: Urgency): SlaPolicy {
  const override = org.sla?.[urgency] ?? {};
  return {
    acceptMs: parseDuration(override.accept ?? DEFAULTS[urgency].accept)!,
    resolveMs: parseDuration(override.resolve ?? DEFAULTS[urgency].resolve)!,
    pausesAtNight: urgency === 'normal',
  };
}

/**
 * When a clock that started at `from` and runs for `ms` runs out. With `pausesAtNight`
 * the 22:00–07:00 hours do not count: 2 h from 21:00 ends at 08:00 the next day.
 */
export function deadlineAfter(from: Date, ms: number, pausesAtNight: boolean, timeZone = DEFAULT_TIME_ZONE): Date {
  if (!pausesAtNight) return new Date(from.getTime() + ms);
  let at = from;
  let left = ms;
  for (let guard = 0; guard < 10_000; guard++) {
    if (isQuietHour(at, timeZone)) at = endOfQuiet(at, timeZone);
    const quiet = startOfQuiet(at, timeZone);
    const span = quiet.getTime() - at.getTime();
    if (left <= span) return new Date(at.getTime() + left);
    left -= span;
    at = quiet;
  }
  return new Date(at.getTime() + left);
}

/** How long a resident has to rate a resolved ticket before it closes unrated. */
export const RATE_WITHIN_MS = 3 * 24 * 3600_000;

/** The deadline to accept, for a holder given the ticket at `from`. */
export function acceptDeadline(org: Org, urgency: Urgency, from: Date, timeZone: string): Date {
  const sla = slaFor(org, urgency);
  return deadlineAfter(from, sla.acceptMs, sla.pausesAtNight, timeZone);
}

/** The deadline to resolve, for a holder who accepted at `from`. */
export function resolveDeadline(org: Org, urgency: Urgency, from: Date, timeZone: string): Date {
  const sla = slaFor(org, urgency);
  return deadlineAfter(from, sla.resolveMs, sla.pausesAtNight, timeZone);
}

const DAY_MS = 24 * 3600_000;

/**
 * At the top of the ladder an overdue ticket can only be brought back to its holders'
 * attention: each reminder waits twice as long as the one before (30, 60, 120 min… after
 * an urgent 15 min deadline), at most a day, so nobody is flooded overnight.
 */
export function nextReminderAt(org: Org, urgency: Urgency, stage: 'accept' | 'resolve', remindersSoFar: number, from: Date, timeZone: string): Date {
  const sla = slaFor(org, urgency);
  const base = stage === 'accept' ? sla.acceptMs : sla.resolveMs;
  const wait = Math.min(base * 2 ** Math.min(remindersSoFar + 1, 20), Math.max(base, DAY_MS));
  return deadlineAfter(from, wait, sla.pausesAtNight, timeZone);
}

/** The organisation's deadlines as the ticket state machine asks for them. */
export function deadlinePolicy(org: Org, timeZone: string) {
  return {
    acceptBy: (urgency: Urgency, from: Date) => acceptDeadline(org, urgency, from, timeZone),
    resolveBy: (urgency: Urgency, from: Date) => resolveDeadline(org, urgency, from, timeZone),
  };
}
