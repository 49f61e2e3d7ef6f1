/**
 * Reads the time of a notice command as people type it (the text is NFKC-normalised
 * already, so full-width digits and colons are plain): 2026-03-05 09:00, 3月5日 9:00,
 * 今天/明天 9点半, 每天 8:00, 每周日 9:00, 每月1日 9:00 — with or without spaces.
 */
import { zonedParts, zonedTime } from '../time.js';
import { daysInMonth, type Schedule, type TimeOfDay } from './schedule.js';

export const TIME_FORMS_HINT =
  '时间可以写：2026-03-05 09:00、3月5日 09:00、今天 09:00、明天 9点、每天 8:00、每周五 9:00、每月1日 9:00';

export type ParsedWhen =
  | { ok: true; schedule: Schedule; typed: string; rest: string }
  | { ok: false; reason: 'unreadable' | 'invalid' | 'past'; message: string };

// 9:00, 09:00, 9点, 9点半, 9点30, 9点30分, 下午3点 …
const CLOCK = String.raw`(上午|早上|早晨|中午|下午|晚上|傍晚)?\s*(\d{1,2})(?::(\d{2})|点(?:(半)|(\d{1,2})分?)?)`;

const FORMS: { name: string; re: RegExp }[] = [
  { name: 'ymd', re: new RegExp(String.raw`^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?)\s*${CLOCK}`) },
  { name: 'md', re: new RegExp(String.raw`^(\d{1,2})月(\d{1,2})[日号]\s*${CLOCK}`) },
  { name: 'relative', re: new RegExp(String.raw`^(今天|今日|明天|明日|后天)\s*${CLOCK}`) },
  { name: 'daily', re: new RegExp(String.raw`^(每天|每日|天天)\s*${CLOCK}`) },
  { name: 'weekly', re: new RegExp(String.raw`^每(?:周|星期|礼拜)([一二三四五六日天1-7])\s*${CLOCK}`) },
  { name: 'monthly', re: new RegExp(String.raw`^每月(\d{1,2})[日号]\s*${CLOCK}`) },
];

const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 7: 0, 一: 1, 1: 1, 二: 2, 2: 2, 三: 3, 3: 3, 四: 4, 4: 4, 五: 5, 5: 5, 六: 6, 6: 6 };

/** The clock part of a match (the last five groups); undefined when out of range. */
function clockOf(groups: (string | undefined)[]): TimeOfDay | undefined {
  const [period, h, colonMin, half, pointMin] = groups.slice(-5);
  let hour = Number(h);
  const minute = colonMin !== undefined ? Number(colonMin) : half ? 30 : pointMin !== undefined ? Number(pointMin) : 0;
  if (period && ['下午', '晚上', '傍晚'].includes(period) && hour < 12) hour += 12;
  if (period === '中午' && hour < 6) hour += 12; // 中午1点 is 13:00
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses the time at the start of `text`. One-off times must not be in the past (the
 * current minute still counts); `M月D日` without a year is this year, or next year when
 * that date is long gone (writing 1月5日 in December).
 */
export function parseWhen(text: string, now: Date, timeZone: string): ParsedWhen {
  const invalid = (message: string): ParsedWhen => ({ ok: false, reason: 'invalid', message });
  for (const { name, re } of FORMS) {
    const m = re.exec(text);
    if (!m) continue;
    const typed = m[0].trim();
    const rest = text.slice(m[0].length).trim();
    const time = clockOf([...m]);
    if (!time) return invalid(`「${typed}」不是有效的时刻，请写 00:00 到 23:59。`);
    const today = zonedParts(now, timeZone);
    const once = (year: number, month: number, day: number): ParsedWhen => {
      if (!validDate(year, month, day)) return invalid(`没有 ${month}月${day}日 这一天。`);
      const at = zonedTime(timeZone, year, month, day, time.hour, time.minute);
      if (at.getTime() < Math.floor(now.getTime() / 60_000) * 60_000) {
        return { ok: false, reason: 'past', message: `「${typed}」已经过去了，请写以后的时间。` };
      }
      return { ok: true, schedule: { repeat: 'once', at }, typed, rest };
    };
    switch (name) {
      case 'ymd':
        return once(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
      case 'md': {
        const month = Number(m[1]);
        const day = Number(m[2]);
        let year = today.year;
        if (validDate(year, month, day)) {
          const thisYear = zonedTime(timeZone, year, month, day, time.hour, time.minute);
          if (now.getTime() - thisYear.getTime() > 180 * 86_400_000) year += 1;
        }
        return once(year, month, day);
      }
      case 'relative': {
        const plus = { 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2 }[m[1]] ?? 0;
        const d = new Date(Date.UTC(today.year, today.month - 1, today.day + plus));
        return once(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      }
      case 'daily':
        return { ok: true, schedule: { repeat: 'daily', time }, typed, rest };
      case 'weekly':
        return { ok: true, schedule: { repeat: 'weekly', weekday: WEEKDAYS[m[1]], time }, typed, rest };
      case 'monthly': {
        const monthDay = Number(m[1]);
        if (monthDay < 1 || monthDay > 31) return invalid(`每月只有 1 到 31 日，「${typed}」不对。`);
        return { ok: true, schedule: { repeat: 'monthly', monthDay, time }, typed, rest };
      }
    }
  }
  return { ok: false, reason: 'unreadable', message: `看不懂时间。${TIME_FORMS_HINT}。` };
}
