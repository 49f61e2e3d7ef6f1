import type { MessageContext } from '../kernel/context.js';
import { badInput, conflict, forbidden, notFound } from '../errors.js';
import { noticeOrigin, noticeRef, parseNoticeRef } from './notice-row.js';
import { mayManage } from './visible.js';
import { cancelNoticeAndWithdraw, noticeById, queuedPostsCount } from '../store/notices.js';

/**
 * 取消通知 #N1: no run of it goes out again, and what is still waiting in the outbound
 * queue is withdrawn (staff cancel because something in it is wrong).
 */
export async function cancelNotice(ctx: MessageContext, args: string): Promise<void> {
  const id = parseNoticeRef(args.split(/\s+/)[0]);
  if (id === undefined) throw badInput('请写通知编号，例如「取消通知 #N1」。发「通知列表」可查看编号。');
  const notice = await noticeById(ctx.db, id);
  if (!notice) throw notFound(`没有通知 #${noticeRef(id)}。`);
  if (!mayManage(ctx, notice)) throw forbidden(`通知 #${noticeRef(id)} 不是您网格的，不能取消。`);
  if (notice.status === 'cancelled') throw conflict(`通知 #${noticeRef(id)} 已经取消了。`);
  const waiting = await queuedPostsCount(ctx.db, noticeOrigin(id));
  if (notice.status !== 'active' && waiting === 0) throw conflict(`通知 #${noticeRef(id)} 已经发完了。`);
  const withdrawn = await cancelNoticeAndWithdraw(ctx.db, id, noticeOrigin(id), ctx.clock.now());
  await ctx.reply(`已取消通知 #${noticeRef(id)}${withdrawn ? `，${withdrawn}条未发出的已撤回` : ''}。`);
}
