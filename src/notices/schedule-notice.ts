import type { MessageContext } from '../kernel/context.js';
import { badInput } from '../errors.js';
import { isQuietHour } from '../kernel/quiet-hours.js';
import { formatShort } from '../time.js';
import { badTime, largeBroadcastNote, noContent } from './messages.js';
import { noticeRef, scheduleColumns } from './notice-row.js';
import { parseWhen } from './parse-time.js';
import { readScope } from './read-scope.js';
import { describeRepeat, nextRunAfter, releaseAt } from './schedule.js';
import { exampleScope } from './scope.js';
import { insertNotice } from '../store/notices.js';

/**
 * 通知 / 紧急通知 范围 时间 内容: stores the notice with its first run; the minute sweep
 * posts it. Scheduled notices need no confirmation — they can be cancelled before they run.
 */
export async function scheduleNotice(ctx: MessageContext, args: string, word: string, urgent: boolean): Promise<void> {
  const { timeZone } = ctx.config;
  const grid = exampleScope(ctx.org);
  const { scope, rest } = readScope(ctx, args, word);
  const now = ctx.clock.now();
  const when = parseWhen(rest, now, timeZone);
  if (!when.ok) throw badInput(badTime(when.message, word, grid));
  if (when.rest === '') throw badInput(noContent(word, grid));
  const first = when.schedule.repeat === 'once' ? when.schedule.at : nextRunAfter(when.schedule, now, timeZone)!;
  const notice = await insertNotice(ctx.db, {
    createdBy: ctx.speaker.alias,
    scope: scope.label,
    community: ctx.org.communityName,
    targets: JSON.stringify(scope.rooms.map((r) => r.topic)),
    schedule: when.typed,
    ...scheduleColumns(when.schedule, timeZone),
    content: when.rest,
    urgent,
    nextRunAt: first,
    status: 'active',
    createdAt: now,
  });
  const release = releaseAt(first, urgent, timeZone);
  const monthEnd = when.schedule.repeat === 'monthly' && when.schedule.monthDay > 28 ? `（没有${when.schedule.monthDay}日的月份在当月最后一天发）` : '';
  const quiet = !urgent && isQuietHour(first, timeZone) ? `（22:00–07:00 不打扰，顺延到 ${formatShort(release, timeZone)} 发出）` : '';
  await ctx.reply(
    `已安排${urgent ? '紧急' : ''}通知 #${noticeRef(notice.id)}：${scope.label}（${scope.rooms.length}个群），${describeRepeat(when.schedule, timeZone)}${monthEnd}，` +
      `下次 ${formatShort(first, timeZone)}${quiet}${largeBroadcastNote(scope.rooms.length, ctx.config.send)}。取消请发「取消通知 #${noticeRef(notice.id)}」。`,
  );
}
