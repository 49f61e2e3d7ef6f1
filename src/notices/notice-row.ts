/** The Notice row ↔ its schedule, and the #N1 numbers staff type. */
import type { NoticeRow as Notice } from '../store/notices.js';
import type { ScheduleColumns } from '../store/soak.js';
import { pad, zonedParts } from '../time.js';
import { formatTimeOfDay, type Schedule } from './schedule.js';

export type NoticeRow = Notice;

export function scheduleOf(row: Pick<Notice, 'repeat' | 'timeOfDay' | 'weekday' | 'monthDay' | 'firstAt'>): Schedule {
  const [hour, minute] = row.timeOfDay.split(':').map(Number);
  const time = { hour, minute };
  switch (row.repeat) {
    case 'daily':
      return { repeat: 'daily', time };
    case 'weekly':
      return { repeat: 'weekly', weekday: row.weekday ?? 0, time };
    case 'monthly':
      return { repeat: 'monthly', monthDay: row.monthDay ?? 1, time };
    default:
      return { repeat: 'once', at: row.firstAt! };
  }
}

export function scheduleColumns(s: Schedule, timeZone: string): ScheduleColumns {
  if (s.repeat === 'once') {
    const p = zonedParts(s.at, timeZone);
    return { repeat: 'once', timeOfDay: `${pad(p.hour)}:${pad(p.minute)}`, weekday: null, monthDay: null, firstAt: s.at };
  }
  return {
    repeat: s.repeat,
    timeOfDay: formatTimeOfDay(s.time),
    weekday: s.repeat === 'weekly' ? s.weekday : null,
    monthDay: s.repeat === 'monthly' ? s.monthDay : null,
    firstAt: null,
  };
}

export const noticeRef = (id: number) => `N${id}`;

/** `#N1`, `N1`, `#n1`, `n 1`, or a bare `1` → 1. */
export function parseNoticeRef(token: string | undefined): number | undefined {
  if (!token) return undefined;
  const m = /^#?\s*[Nn]?\s*(\d{1,9})$/.exec(token.trim());
  return m ? Number(m[1]) : undefined;
}

export const noticeOrigin = (id: number) => `notice:${id}`;
