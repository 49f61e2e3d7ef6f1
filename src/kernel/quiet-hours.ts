/**
 * Quiet hours, 22:00–07:00 in the community's time zone: ticket clocks of normal tickets
 * stop in them, non-urgent notices wait for their end, and a day's send backlog is
 * released at their end. The one place they are defined.
 */
import { DEFAULT_TIME_ZONE, zonedParts, zonedTime } from '../time.js';

export const QUIET_START_HOUR = 22;
export const QUIET_END_HOUR = 7;

export function isQuietHour(at: Date, timeZone = DEFAULT_TIME_ZONE): boolean {
  const h = zonedParts(at, timeZone).hour;
  return h >= QUIET_START_HOUR || h < QUIET_END_HOUR;
}

/** The next 07:00 at or after a moment in quiet hours. */
export function endOfQuiet(at: Date, timeZone: string): Date {
  const p = zonedParts(at, timeZone);
  const day = p.hour >= QUIET_START_HOUR ? p.day + 1 : p.day;
  return zonedTime(timeZone, p.year, p.month, day, QUIET_END_HOUR, 0);
}

/** The next 22:00 after a moment in working hours. */
export function startOfQuiet(at: Date, timeZone: string): Date {
  const p = zonedParts(at, timeZone);
  return zonedTime(timeZone, p.year, p.month, p.day, QUIET_START_HOUR, 0);
}
