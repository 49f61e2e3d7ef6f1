import type { OrgDirectory } from '../org/directory.js';
import { matchScope, type ActivityScope } from './scope.js';
import { ONE_OFF_TIME, parseOneOffTime } from './when.js';

export interface ActivityDraft {
  /** Absent: the publisher's default reach. */
  scope?: ActivityScope;
  title: string;
  startsAt: Date;
  place: string;
  capacity: number;
  points: number;
  durationMinutes: number;
}

export const ACTIVITY_EXAMPLE = '活动 环境大扫除 2026-04-04 09:00 小区广场 20 10';
export const DEFAULT_DURATION_MINUTES = 120;
const MAX_CAPACITY = 500;
const MAX_POINTS = 1000;

export type ParseResult = { ok: true; draft: ActivityDraft } | { ok: false; reason: string };

const usage = `格式：活动 [范围] 标题 时间 地点 名额 积分，例如「${ACTIVITY_EXAMPLE}」。`;
const fail = (why: string): ParseResult => ({ ok: false, reason: `${why}\n${usage}` });

// After the time: place, capacity (20 / 20人), points (10 / 10分 / 10积分), optional duration (2小时 / 90分钟).
const TAIL = /^\s+(\S+)\s+(\d+)\s*(?:人|名)?\s+(\d+)\s*(?:积分|分)?(?:\s+(?:时长)?(\d+(?:\.\d+)?)\s*(小时|h|分钟|min))?\s*$/i;

/**
 * Reads `活动 [范围] 标题 时间 地点 名额 积分` (the words after 活动). Pure: the time is
 * judged against `now`, the scope against the organisation.
 */
export function parseActivityArgs(args: string, org: OrgDirectory, now: Date, timeZone: string): ParseResult {
  const time = new RegExp(ONE_OFF_TIME.source, 'g');
  let found: RegExpExecArray | null = null;
  for (let m = time.exec(args); m; m = time.exec(args)) found = m; // the last time: a title may hold a date
  if (!found) return fail('没有看懂活动时间（如 2026-04-04 09:00、4月4日 09:00、明天 09:00）。');
  const head = args.slice(0, found.index).trim();
  const tail = TAIL.exec(args.slice(found.index + found[0].length));
  if (!tail) return fail('时间后面请依次写地点、名额、积分。');
  const startsAt = parseOneOffTime(found[0], now, timeZone);
  if (!startsAt) return fail(`「${found[0]}」不是有效的时间。`);
  if (startsAt.getTime() <= now.getTime()) return fail('活动时间已经过去了。');

  const words = head.split(/\s+/).filter(Boolean);
  const scoped = matchScope(org, words);
  const titleWords = scoped ? words.slice(scoped.used) : words;
  const title = titleWords.join(' ');
  if (!title) return fail('请写活动标题。');
  if (scoped && scoped.scope.rooms.length === 0) return fail(`范围「${scoped.scope.label}」下没有居民群。`);

  const capacity = Number(tail[2]);
  const points = Number(tail[3]);
  if (capacity < 1 || capacity > MAX_CAPACITY) return fail(`名额要在 1 到 ${MAX_CAPACITY} 之间。`);
  if (points > MAX_POINTS) return fail(`积分不能超过 ${MAX_POINTS}。`);
  let durationMinutes = DEFAULT_DURATION_MINUTES;
  if (tail[4]) {
    const n = Number(tail[4]);
    durationMinutes = Math.round(/小时|h/i.test(tail[5]) ? n * 60 : n);
    if (durationMinutes < 10 || durationMinutes > 24 * 60) return fail('时长要在 10 分钟到 24 小时之间。');
  }
  return { ok: true, draft: { scope: scoped?.scope, title, startsAt, place: tail[1], capacity, points, durationMinutes } };
}
