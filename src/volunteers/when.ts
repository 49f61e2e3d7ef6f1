import { zonedParts, zonedTime } from '../time.js';

/**
 * The one-off times an activity may be given (interfaces.md §4): `YYYY-MM-DD HH:MM`,
 * `M月D日 HH:MM`, `今天 HH:MM`, `明天 HH:MM`, `后天 HH:MM`, in the community's zone.
 * The pattern is exported so a command parser can find where the time sits in a line.
 */
export const ONE_OFF_TIME = /(\d{4})-(\d{1,2})-(\d{1,2})\s*(\d{1,2}):(\d{2})|(\d{1,2})月(\d{1,2})[日号]\s*(\d{1,2}):(\d{2})|(今天|明天|后天)\s*(\d{1,2}):(\d{2})/;

const DAY_OFFSET: Record<string, number> = { 今天: 0, 明天: 1, 后天: 2 };

/** The instant a typed one-off time means, or undefined when it is not one or not a real date. */
export function parseOneOffTime(text: string, now: Date, timeZone: string): Date | undefined {
  const m = new RegExp(`^(?:${ONE_OFF_TIME.source})$`).exec(text.trim());
  if (!m) return undefined;
  const today = zonedParts(now, timeZone);
  let year: number, month: number, day: number, hour: number, minute: number;
  if (m[1]) {
    [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  } else if (m[6]) {
    [month, day, hour, minute] = [m[6], m[7], m[8], m[9]].map(Number);
    year = today.year;
    // "1月5日" typed in December means next January.
    if (month < today.month || (month === today.month && day < today.day)) year += 1;
  } else {
    year = today.year;
    month = today.month;
    day = today.day + DAY_OFFSET[m[10]];
    [hour, minute] = [m[11], m[12]].map(Number);
  }
  if (hour > 23 || minute > 59 || month < 1 || month > 12 || day < 1) return undefined;
  const at = zonedTime(timeZone, year, month, day, hour, minute);
  // zonedTime normalises 2月30日 to 3月2日: a date that moved was not a real date (today+N may move).
  const back = zonedParts(at, timeZone);
  if (!m[10] && (back.month !== month || back.day !== day)) return undefined;
  return at;
}
