/**
 * When a notice runs: the schedule types, the next run after an instant, and the pure
 * decision of what the sweep should do now. Everything is computed on the community's
 * wall clock (its time zone), never the host's.
 */
import { endOfQuiet, isQuietHour } from '../kernel/quiet-hours.js';
import { pad, zonedParts, zonedTime } from '../time.js';

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export type Schedule =
  | { repeat: 'once'; at: Date }
  | { repeat: 'daily'; time: TimeOfDay }
  /** weekday: 0 Sunday … 6 Saturday. */
  | { repeat: 'weekly'; weekday: number; time: TimeOfDay }
  /** monthDay 1–31; a month without that day runs on its last day (see nextRunAfter). */
  | { repeat: 'monthly'; monthDay: number; time: TimeOfDay };

export const WEEKDAY_LABELS = ['日', '一', '二', '三', '四', '五', '六'];

export function daysInMonth(year: number, month: number): number {
  // Pure calendar arithmetic: day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatTimeOfDay(t: TimeOfDay): string {
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

/** How a schedule reads back to staff: 每周五 09:00, 每月31日 09:00. */
export function describeRepeat(s: Schedule, timeZone: string): string {
  switch (s.repeat) {
    case 'once': {
      const p = zonedParts(s.at, timeZone);
      return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
    }
    case 'daily':
      return `每天 ${formatTimeOfDay(s.time)}`;
    case 'weekly':
      return `每周${WEEKDAY_LABELS[s.weekday]} ${formatTimeOfDay(s.time)}`;
    case 'monthly':
      return `每月${s.monthDay}日 ${formatTimeOfDay(s.time)}`;
  }
}

/**
 * The first run strictly after `after`, or null when there is none (a one-off already
 * past). Month ends: `每月31日` runs on the LAST day of a shorter month (30th, or
 * 28th/29th in February) rather than skipping it, because staff who write 31 mean
 * "month end" — a skipped month would be a silently missed notice.
 */
export function nextRunAfter(s: Schedule, after: Date, timeZone: string): Date | null {
  if (s.repeat === 'once') return s.at.getTime() > after.getTime() ? s.at : null;
  const p = zonedParts(after, timeZone);
  const { hour, minute } = s.time;
  const later = (d: Date) => d.getTime() > after.getTime();
  if (s.repeat === 'daily') {
    for (let k = 0; k <= 2; k++) {
      // zonedTime normalises day overflow (March 32 → April 1).
      const at = zonedTime(timeZone, p.year, p.month, p.day + k, hour, minute);
      if (later(at)) return at;
    }
  } else if (s.repeat === 'weekly') {
    const ahead = (s.weekday - p.weekday + 7) % 7;
    for (const k of [ahead, ahead + 7, ahead + 14]) {
      const at = zonedTime(timeZone, p.year, p.month, p.day + k, hour, minute);
      if (later(at)) return at;
    }
  } else {
    for (let k = 0; k <= 2; k++) {
      const year = p.year + Math.floor((p.month - 1 + k) / 12);
      const month = ((p.month - 1 + k) % 12) + 1;
      const day = Math.min(s.monthDay, daysInMonth(year, month));
      const at = zonedTime(timeZone, year, month, day, hour, minute);
      if (later(at)) return at;
    }
  }
  // Only reachable on a zone transition that swallows the time twice; never silently stop.
  return nextRunAfter(s, new Date(after.getTime() + 86_400_000), timeZone);
}

/**
 * When a run due at `due` may go out: non-urgent notices due in quiet hours (22:00–07:00)
 * wait until 07:00; urgent ones go at once.
 */
export function releaseAt(due: Date, urgent: boolean, timeZone: string): Date {
  return urgent || !isQuietHour(due, timeZone) ? due : endOfQuiet(due, timeZone);
}

export interface DueOptions {
  urgent: boolean;
  /** A run released longer ago than this is skipped, not posted late. */
  graceMs: number;
  timeZone: string;
}

export type DuePlan =
  /** Nothing to do yet (not due, or waiting for the end of quiet hours). */
  | { kind: 'wait' }
  /**
   * Post `post` (if any), record `skipped` as missed, and move the next run to `next`
   * (null: the notice is finished).
   */
  | { kind: 'run'; post: Date | null; skipped: Date[]; next: Date | null };

/**
 * What the sweep should do for one notice now, given its schedule and the run it waits
 * for (`pending`: the stored nextRunAt). Pure. After downtime several runs may be past:
 * each released more than the grace window ago is skipped; of those inside it only the
 * latest is posted (one notice twice in a row would be noise).
 */
export function planDueRuns(s: Schedule, pending: Date, now: Date, opts: DueOptions): DuePlan {
  const released = (d: Date) => releaseAt(d, opts.urgent, opts.timeZone).getTime() <= now.getTime();
  if (!released(pending)) return { kind: 'wait' };
  const skipped: Date[] = [];
  let post: Date | null = null;
  let due: Date | null = pending;
  for (let guard = 0; due && released(due) && guard < 100_000; guard++) {
    const late = now.getTime() - releaseAt(due, opts.urgent, opts.timeZone).getTime();
    if (late > opts.graceMs) skipped.push(due);
    else {
      if (post) skipped.push(post);
      post = due;
    }
    due = nextRunAfter(s, due, opts.timeZone);
  }
  return { kind: 'run', post, skipped, next: due };
}
