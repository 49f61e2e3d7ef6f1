import type { MessageContext } from '../kernel/context.js';
import { MINUTE } from '../clock.js';
import { countAgainst, isOverLimit, keys } from './guard.js';

/** A resident's own repeat joins their earlier ticket only this soon after it; later it is a new report. */
export const SAME_PERSON_MERGE_MS = 10 * MINUTE;

const heldText = (minutes: number) =>
  `您 ${minutes} 分钟内报的事已经很多了：后面的消息都已记下，但暂不再开新工单，请过一会儿再报。紧急情况请直接拨打 110/119/120。`;

/**
 * Whether this report may open a ticket (or join one): each sender files a limited number
 * in a window. Beyond it the message stays stored (it was, on arrival) but opens and posts
 * nothing; the sender is told once per window, by direct message. Post-holders are not limited.
 */
export async function admitReport(ctx: MessageContext): Promise<boolean> {
  if (ctx.speaker.isHolder) return true;
  const rule = ctx.config.abuse.reportsPerSender;
  const taken = await countAgainst(ctx, keys.reports(ctx.speaker.personId), rule);
  if (taken.allowed) return true;
  ctx.log.info({ inboundId: ctx.inboundId, personId: ctx.speaker.personId }, 'report held: the sender is over the report limit');
  if (taken.tell) await ctx.tell(ctx.speaker.alias, heldText(Math.round(rule.windowMs / MINUTE)));
  return false;
}

/** A ticket whose reporter is flooding right now: nobody else's report is merged into it. */
export function reporterIsFlooding(ctx: MessageContext, reporterId: number): Promise<boolean> {
  return isOverLimit(ctx, keys.reports(reporterId), ctx.config.abuse.reportsPerSender);
}
