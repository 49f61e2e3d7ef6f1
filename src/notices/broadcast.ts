import type { MessageContext } from '../kernel/context.js';
import { badInput } from '../errors.js';
import { CONFIRM_MINUTES, largeBroadcastNote, noContent } from './messages.js';
import { noticeRef, scheduleColumns } from './notice-row.js';
import { postNoticeRun } from './post-run.js';
import { readScope } from './read-scope.js';
import { exampleScope, mayUseNotices } from './scope.js';
import { finishPendingAction, openPendingAction, startPendingAction } from '../store/pending-actions.js';
import { insertNotice } from '../store/notices.js';

/** A broadcast to several grids waits for 「确认」 under this kind (county staff's answer is handed on where one waits). */
export const PENDING_KIND = 'notice.broadcast';

interface PendingBroadcast {
  scope: string;
  rooms: string[];
  content: string;
}

/**
 * 群发 范围 内容: posts now. To more than one grid it is repeated back first and waits for
 * 「确认」 from the same person — a wrong community-wide post cannot be taken back.
 */
export async function broadcast(ctx: MessageContext, args: string): Promise<void> {
  const grid = exampleScope(ctx.org);
  const { scope, rest } = readScope(ctx, args, '群发');
  if (rest === '') throw badInput(noContent('群发', grid));
  const pending: PendingBroadcast = { scope: scope.label, rooms: scope.rooms.map((r) => r.topic), content: rest };
  if (scope.grids.length <= 1) return postNow(ctx, pending);
  const now = ctx.clock.now();
  // A new request replaces one not yet confirmed: 确认 always means the latest.
  await startPendingAction(ctx.db, { personId: ctx.speaker.personId, kind: PENDING_KIND, payload: pending, now, expiresAt: new Date(now.getTime() + CONFIRM_MINUTES * 60_000) });
  await ctx.reply(
    `将向「${scope.label}」${scope.grids.length}个网格共${scope.rooms.length}个群发送：\n${rest}\n` +
      `请在${CONFIRM_MINUTES}分钟内回复「确认」发送，回复「取消」放弃。`,
  );
}

async function postNow(ctx: MessageContext, b: PendingBroadcast): Promise<void> {
  // Due on the minute, like scheduled runs: the time staff see in 通知列表.
  const now = new Date(Math.floor(ctx.clock.now().getTime() / 60_000) * 60_000);
  const notice = await insertNotice(ctx.db, {
    createdBy: ctx.speaker.alias,
    scope: b.scope,
    community: ctx.org.communityName,
    targets: JSON.stringify(b.rooms),
    schedule: '立即',
    ...scheduleColumns({ repeat: 'once', at: now }, ctx.config.timeZone),
    content: b.content,
    urgent: false,
    nextRunAt: null,
    status: 'done',
    createdAt: now,
  });
  const queued = await postNoticeRun(ctx, notice, now, b.rooms);
  await ctx.reply(`已群发 #${noticeRef(notice.id)} 到${queued}个群，将按发送频率陆续发出${largeBroadcastNote(queued, ctx.config.send)}；进度可发「通知列表」查看。`);
}

async function takePending(ctx: MessageContext): Promise<PendingBroadcast | undefined> {
  const now = ctx.clock.now();
  const row = await openPendingAction(ctx.db, ctx.speaker.personId, PENDING_KIND, now);
  if (!row) return undefined;
  await finishPendingAction(ctx.db, row.id, now);
  return JSON.parse(row.payload) as PendingBroadcast;
}

/** 确认: sends the broadcast this person asked for in the last minutes. */
export async function confirmBroadcast(ctx: MessageContext): Promise<void> {
  // Residents say 确认 in groups too: without a pending broadcast of theirs, stay silent.
  if (!mayUseNotices(ctx.speaker, ctx.org)) return;
  const pending = await takePending(ctx);
  if (!pending) return ctx.reply(`没有待确认的群发（超过${CONFIRM_MINUTES}分钟需重新发送）。`);
  await postNow(ctx, pending);
}

/** 取消: drops the broadcast waiting for confirmation. */
export async function dropBroadcast(ctx: MessageContext): Promise<void> {
  if (!mayUseNotices(ctx.speaker, ctx.org)) return;
  const pending = await takePending(ctx);
  await ctx.reply(pending ? '已取消，这条群发没有发出。' : '没有待确认的群发。');
}
