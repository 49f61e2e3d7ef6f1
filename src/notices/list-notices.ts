import type { MessageContext } from '../kernel/context.js';
import { formatShort } from '../time.js';
import { noticeRef, scheduleOf, type NoticeRow } from './notice-row.js';
import { describeRepeat } from './schedule.js';
import { mayManage } from './visible.js';
import { lastRunProgress, noticesWorthListing } from '../store/notices.js';

const PREVIEW = 16;
const RECENT_MS = 24 * 3600_000;

/**
 * 通知列表: active notices with their next run, and notices posted in the last day or still
 * being sent, with the progress of their latest run (已发 n/total).
 */
export async function listNotices(ctx: MessageContext): Promise<void> {
  const tz = ctx.config.timeZone;
  const notices = await noticesWorthListing(ctx.db, new Date(ctx.clock.now().getTime() - RECENT_MS));
  const mine = notices.filter((n) => mayManage(ctx, n));
  if (mine.length === 0) return ctx.reply('目前没有通知。');
  const lines: string[] = [];
  for (const n of mine) lines.push(await describeLine(ctx, n, tz));
  await ctx.reply(`通知（${mine.length}条）：\n${lines.join('\n')}`);
}

async function describeLine(ctx: MessageContext, n: NoticeRow, tz: string): Promise<string> {
  const content = n.content.length > PREVIEW ? `${n.content.slice(0, PREVIEW)}…` : n.content;
  const when = n.schedule === '立即' ? '立即' : describeRepeat(scheduleOf(n), tz);
  const parts = [`#${noticeRef(n.id)}${n.urgent ? '（紧急）' : ''} ${n.scope} ${when}「${content}」`];
  if (n.status === 'active' && n.nextRunAt) parts.push(`下次 ${formatShort(n.nextRunAt, tz)}`);
  const progress = await lastRunProgress(ctx.db, n.id);
  if (progress) parts.push(`${formatShort(progress.due, tz)} 已发 ${progress.sent}/${progress.total}`);
  return parts.join('，');
}
