import type { MessageContext } from '../app/context.js';
import { badInput, conflict, forbidden, notFound } from '../errors.js';
import { noticeOrigin, noticeRef, parseNoticeRef } from './notice-row.js';
import { mayManage } from './visible.js';

/**
 * 取消通知 #N1: no run of it goes out again, and what is still waiting in the outbound
 * queue is withdrawn (staff cancel because something in it is wrong).
 */
export async function cancelNotice(ctx: MessageContext, args: string): Promise<void> {
  const id = parseNoticeRef(args.split(/\s+/)[0]);
  if (id === undefined) throw badInput('请写通知编号，例如「取消通知 #N1」。发「通知列表」可查看编号。');
  const notice = await ctx.db.notice.findUnique({ where: { id } });
  if (!notice) throw notFound(`没有通知 #${noticeRef(id)}。`);
  if (!mayManage(ctx, notice)) throw forbidden(`通知 #${noticeRef(id)} 不是您网格的，不能取消。`);
  if (notice.status === 'cancelled') throw conflict(`通知 #${noticeRef(id)} 已经取消了。`);
  const waiting = await ctx.db.outboundMessage.count({ where: { origin: noticeOrigin(id), status: 'queued' } });
  if (notice.status !== 'active' && waiting === 0) throw conflict(`通知 #${noticeRef(id)} 已经发完了。`);
  const now = ctx.clock.now();
  await ctx.db.notice.update({ where: { id }, data: { status: 'cancelled', cancelledAt: now, nextRunAt: null } });
  // 'cancelled' is not 'queued', so the outbox never picks these up.
  const withdrawn = await ctx.db.outboundMessage.updateMany({ where: { origin: noticeOrigin(id), status: 'queued' }, data: { status: 'cancelled' } });
  await ctx.reply(`已取消通知 #${noticeRef(id)}${withdrawn.count ? `，${withdrawn.count}条未发出的已撤回` : ''}。`);
}
