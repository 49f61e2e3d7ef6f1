import type { AppContext } from '../app/context.js';
import type { Intake } from '../intake/index.js';
import { jsonList } from '../store/db.js';
import { notFound } from '../errors.js';
import { deadlineAfter, slaFor } from './deadlines.js';
import { CATEGORY_LABELS, clip, fullPlace } from './messages.js';
import { recordTicketEvent, type TicketRow } from './record.js';
import { routeTicket, type RouteStep } from './routing.js';
import { holderLine } from './open-ticket.js';

/** Statuses in which a holder still owes an answer. */
export const OPEN_STATUSES = ['assigned', 'reopened', 'accepted'];

export async function loadTicket(ctx: AppContext, id: number): Promise<TicketRow> {
  const ticket = await ctx.db.ticket.findUnique({ where: { id } });
  if (!ticket) throw notFound(`没有工单 #${id}，请核对编号。`);
  return ticket;
}

export function ladderOf(ctx: AppContext, t: TicketRow): RouteStep[] {
  return routeTicket(ctx.org, {
    category: t.category as Intake['category'] & string,
    urgency: t.urgency as 'urgent' | 'normal',
    grid: t.gridName,
    building: t.building,
    unit: t.unit,
  });
}

const tell = (ctx: AppContext, alias: string, text: string, t: TicketRow) =>
  ctx.send({ target: { kind: 'contact', alias }, text, urgent: t.urgency === 'urgent', origin: `ticket:${t.id}` });

/** Tells the people of a rung about a ticket they now hold. */
export async function notifyHolders(ctx: AppContext, t: TicketRow, step: RouteStep | undefined, why: string): Promise<void> {
  const urgent = t.urgency === 'urgent' ? '【紧急】' : '';
  const body = `${urgent}${why}工单 #${t.id} ${CATEGORY_LABELS[t.category as keyof typeof CATEGORY_LABELS] ?? ''}\n地点：${fullPlace(t)}\n内容：${clip(t.text, 200)}${t.reportCount > 1 ? `\n共 ${t.reportCount} 人反映` : ''}\n请回复「接单 #${t.id}」签收。`;
  for (const alias of jsonList(t.assignees)) await tell(ctx, alias, body, t);
  for (const alias of step?.told ?? []) {
    await tell(ctx, alias, `${urgent}请知悉：工单 #${t.id}（${fullPlace(t)}）${why}已交${holderLine(ctx, step!)}处理。`, t);
  }
}

/**
 * Moves a ticket one rung up its ladder and starts the new holder's clock. At the top
 * rung it stays with the same holders, who are reminded, and the clock starts again.
 */
export async function climb(
  ctx: AppContext,
  t: TicketRow,
  opts: { kind: string; why: string; actor?: string; status?: 'assigned' | 'reopened'; note?: string },
): Promise<TicketRow> {
  const ladder = ladderOf(ctx, t);
  const current = jsonList(t.assignees);
  // The next rung whose holders are not the people who already have it.
  let next = t.step + 1;
  while (next < ladder.length && ladder[next].holders.every((h) => current.includes(h))) next++;
  const now = ctx.clock.now();
  const sla = slaFor(ctx.org.org, t.urgency as 'urgent' | 'normal');
  const acceptBy = deadlineAfter(now, sla.acceptMs, sla.pausesAtNight, ctx.config.timeZone);
  const status = opts.status ?? 'assigned';
  if (next >= ladder.length) {
    const updated = await ctx.db.ticket.update({
      where: { id: t.id },
      data: { status, acceptBy, resolveBy: null, acceptedAt: null, assignedAt: now, updatedAt: now },
    });
    await recordTicketEvent(ctx, updated, { kind: opts.kind, actor: opts.actor, note: opts.note ?? 'top of the ladder' });
    for (const alias of current) await tell(ctx, alias, `工单 #${t.id} ${opts.why}，已无更高一级，请尽快处理。`, t);
    return updated;
  }
  const step = ladder[next];
  const updated = await ctx.db.ticket.update({
    where: { id: t.id },
    data: {
      status,
      step: next,
      tier: step.tier,
      assignees: JSON.stringify(step.holders),
      told: JSON.stringify(step.told),
      assignedAt: now,
      acceptBy,
      acceptedAt: null,
      resolveBy: null,
      updatedAt: now,
    },
  });
  await recordTicketEvent(ctx, updated, { kind: opts.kind, actor: opts.actor, escalated: true, note: opts.note });
  await notifyHolders(ctx, updated, step, `${opts.why}，`);
  for (const alias of current.filter((a) => !step.holders.includes(a))) {
    await tell(ctx, alias, `工单 #${t.id} ${opts.why}，已上报${holderLine(ctx, step)}。`, t);
  }
  return updated;
}

/** A follow-up gave the place: record it, and route anew while nobody has accepted the ticket. */
export async function rerouteForPlace(ctx: AppContext & { reply(text: string): Promise<void> }, id: number, intake: Intake): Promise<void> {
  const t = await ctx.db.ticket.findUnique({ where: { id } });
  if (!t || !OPEN_STATUSES.includes(t.status)) return;
  const place = {
    building: t.building ?? intake.building,
    unit: t.unit ?? intake.unit,
    room: t.room ?? intake.room,
  };
  const urgency = t.urgency === 'urgent' || intake.urgency === 'urgent' ? 'urgent' : 'normal';
  const changed = place.building !== t.building || place.unit !== t.unit || place.room !== t.room || urgency !== t.urgency;
  if (!changed) return;
  const now = ctx.clock.now();
  let updated = await ctx.db.ticket.update({ where: { id }, data: { ...place, urgency, updatedAt: now } });
  if (t.status === 'accepted') {
    await recordTicketEvent(ctx, updated, { kind: 'note', note: 'place completed' });
    for (const alias of jsonList(t.assignees)) await tell(ctx, alias, `工单 #${id} 补充地点：${fullPlace(updated)}`, updated);
    await ctx.reply(`已补充到工单 #${id}。`);
    return;
  }
  const ladder = ladderOf(ctx, updated);
  const step = ladder[0];
  const before = jsonList(t.assignees);
  if (step && !(step.holders.length === before.length && step.holders.every((h) => before.includes(h)))) {
    const sla = slaFor(ctx.org.org, urgency);
    updated = await ctx.db.ticket.update({
      where: { id },
      data: {
        step: 0,
        tier: step.tier,
        assignees: JSON.stringify(step.holders),
        told: JSON.stringify(step.told),
        assignedAt: now,
        acceptBy: deadlineAfter(now, sla.acceptMs, sla.pausesAtNight, ctx.config.timeZone),
      },
    });
    await recordTicketEvent(ctx, updated, { kind: 'transferred', note: 'place completed' });
    await notifyHolders(ctx, updated, step, '');
    for (const alias of before.filter((a) => !step.holders.includes(a))) {
      await tell(ctx, alias, `工单 #${id} 补充了地点，已转交${holderLine(ctx, step)}，您无需处理。`, updated);
    }
    await ctx.reply(`已补充地点，工单 #${id} 改由${holderLine(ctx, step)}跟进。`);
  } else {
    await recordTicketEvent(ctx, updated, { kind: 'note', note: 'place completed' });
    for (const alias of before) await tell(ctx, alias, `工单 #${id} 补充地点：${fullPlace(updated)}`, updated);
    await ctx.reply(`已补充到工单 #${id}。`);
  }
}
