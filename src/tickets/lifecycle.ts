import type { AppContext, MessageContext } from '../kernel/context.js';
import type { Intake } from '../intake/index.js';
import { isOpenStatus, type Tier, type Urgency } from '../kernel/domain.js';
import { jsonList } from '../store/db.js';
import { completeTicketPlace, countRemindersSince, ticketById } from '../store/tickets.js';
import { forbidden, notFound } from '../errors.js';
import { nextReminderAt } from './deadlines.js';
import { CATEGORY_LABELS, clip, fullPlace } from './messages.js';
import { moveTicket } from './move.js';
import { recordTicketEvent, type TicketRow } from './record.js';
import { mayActOn, routeTicket, tierOfRole, tierRank, type RouteStep } from './routing.js';
import { holderLine } from './open-ticket.js';

export { OPEN_STATUSES } from '../kernel/domain.js';

export async function loadTicket(ctx: AppContext, id: number): Promise<TicketRow> {
  const ticket = await ticketById(ctx.db, id);
  if (!ticket) throw notFound(`没有工单 #${id}，请核对编号。`);
  return ticket;
}

export const urgencyOf = (t: TicketRow): Urgency => t.urgency;

export function ladderOf(ctx: AppContext, t: TicketRow): RouteStep[] {
  return routeTicket(ctx.org, {
    category: t.category,
    urgency: t.urgency,
    grid: t.gridName,
    building: t.building,
    unit: t.unit,
  });
}

/** Refuses, before anything is written, a person who neither holds the ticket nor stands above its holder. */
export function assertMayAct(ctx: MessageContext, t: TicketRow): void {
  if (!mayActOn(ctx.org, ladderOf(ctx, t), t.step, jsonList(t.assignees), ctx.speaker.alias, t.gridName)) {
    throw forbidden(`工单 #${t.id} 不归您办理。`);
  }
}

/** The rung above `step` that brings somebody new, or undefined at the top of the ladder. */
export function nextRung(ladder: RouteStep[], step: number, current: string[]): number | undefined {
  for (let next = step + 1; next < ladder.length; next++) {
    if (!ladder[next].holders.every((h) => current.includes(h))) return next;
  }
  return undefined;
}

/**
 * Where a person stands on a ticket they take over (接单 from above, 转派 to them): their
 * rung of its ladder when they are on it, else the tier of their post.
 */
export function standingOf(ctx: AppContext, t: TicketRow, alias: string): { step: number; tier: Tier } {
  const ladder = ladderOf(ctx, t);
  const onLadder = ladder.findIndex((s, i) => i >= t.step && s.holders.includes(alias));
  if (onLadder >= 0) return { step: onLadder, tier: ladder[onLadder].tier };
  const lower = ladder.findIndex((s) => s.holders.includes(alias));
  if (lower >= 0) return { step: lower, tier: ladder[lower].tier };
  const posts = ctx.org.postsOf(alias);
  const post = posts.find((p) => p.grid === t.gridName && (!p.building || p.building === t.building)) ?? posts.find((p) => !p.grid) ?? posts[0];
  if (!post) return { step: t.step, tier: t.tier };
  // Off the ladder: level with the highest rung of their tier or below (never lower than now).
  const tier = tierOfRole(post.role);
  let step = t.step;
  ladder.forEach((s, i) => {
    if (i > step && tierRank(s.tier) <= tierRank(tier)) step = i;
  });
  return { step, tier };
}

export const tellAbout = (ctx: AppContext, alias: string, text: string, t: TicketRow) =>
  ctx.send({ target: { kind: 'contact', alias }, text, urgent: t.urgency === 'urgent', origin: `ticket:${t.id}` });

/** Tells the people of a rung about a ticket they now hold. */
export async function notifyHolders(ctx: AppContext, t: TicketRow, step: RouteStep | undefined, why: string): Promise<void> {
  const urgent = t.urgency === 'urgent' ? '【紧急】' : '';
  const body = `${urgent}${why}工单 #${t.id} ${CATEGORY_LABELS[t.category]}\n地点：${fullPlace(t)}\n内容：${clip(t.text, 200)}${t.reportCount > 1 ? `\n共 ${t.reportCount} 人反映` : ''}\n请回复「接单 #${t.id}」签收。`;
  for (const alias of jsonList(t.assignees)) await tellAbout(ctx, alias, body, t);
  for (const alias of step?.told ?? []) {
    await tellAbout(ctx, alias, `${urgent}请知悉：工单 #${t.id}（${fullPlace(t)}）${why}已交${holderLine(ctx, step!)}处理。`, t);
  }
}

export interface ClimbOptions {
  /** escalated: a deadline passed; declined: 退回; reopened: a poor rating. */
  kind: 'escalated' | 'declined' | 'reopened';
  why: string;
  actor?: string;
  note?: string;
  /** The rung to climb from, when someone above the holders sends it up (default: the ticket's). */
  from?: number;
}

/**
 * Moves a ticket one rung up its ladder and starts the new holder's clock; the holders
 * before are told. At the top rung a deadline only reminds the same holders and starts
 * their clock again (nothing the event stream shows changes); a poor rating reopens it
 * with them.
 */
export async function climb(ctx: AppContext, t: TicketRow, opts: ClimbOptions): Promise<TicketRow> {
  const ladder = ladderOf(ctx, t);
  const current = jsonList(t.assignees);
  const next = nextRung(ladder, opts.from ?? t.step, opts.actor ? [...current, opts.actor] : current);
  const now = ctx.clock.now();
  if (next === undefined) {
    if (opts.kind === 'escalated') {
      const stillAccepted = t.status === 'accepted';
      const reminded = await countRemindersSince(ctx.db, t.id, t.assignedAt);
      const due = nextReminderAt(ctx.org.org, t.urgency, stillAccepted ? 'resolve' : 'accept', reminded, now, ctx.config.timeZone);
      const updated = await moveTicket(ctx, t, { kind: 'remind', due }, { note: opts.why });
      for (const alias of current) await tellAbout(ctx, alias, `工单 #${t.id} ${opts.why}，已无更高一级，请尽快处理。`, t);
      return updated;
    }
    const updated = await moveTicket(ctx, t, { kind: opts.kind === 'declined' ? 'decline' : 'reopen' }, { actor: opts.actor, note: opts.note });
    await notifyHolders(ctx, updated, undefined, `${opts.why}，`);
    return updated;
  }
  const step = ladder[next];
  const to = { step: next, tier: step.tier, holders: step.holders, told: step.told };
  const action = opts.kind === 'escalated' ? { kind: 'escalate' as const, to } : { kind: opts.kind === 'declined' ? ('decline' as const) : ('reopen' as const), to };
  const updated = await moveTicket(ctx, t, action, { actor: opts.actor, escalated: opts.kind === 'escalated', note: opts.note });
  await notifyHolders(ctx, updated, step, `${opts.why}，`);
  for (const alias of current.filter((a) => !step.holders.includes(a) && a !== opts.actor)) {
    await tellAbout(ctx, alias, `工单 #${t.id} ${opts.why}，已上报${holderLine(ctx, step)}。`, t);
  }
  return updated;
}

/** A follow-up gave the place: record it, and route anew while nobody has accepted the ticket. */
export async function rerouteForPlace(ctx: AppContext & { reply(text: string): Promise<void> }, id: number, intake: Intake, gridName?: string): Promise<void> {
  const t = await ticketById(ctx.db, id);
  if (!t || !isOpenStatus(t.status)) return;
  // A grid is only ever given to a ticket that has none (a stranger's direct message).
  const grid = t.gridName ?? gridName;
  const place = {
    building: t.building ?? intake.building,
    unit: t.unit ?? intake.unit,
    room: t.room ?? intake.room,
  };
  const urgency: Urgency = t.urgency === 'urgent' || intake.urgency === 'urgent' ? 'urgent' : 'normal';
  const changed = grid !== t.gridName || place.building !== t.building || place.unit !== t.unit || place.room !== t.room || urgency !== t.urgency;
  if (!changed) return;
  const now = ctx.clock.now();
  let updated = await completeTicketPlace(ctx.db, id, { ...(grid && grid !== t.gridName ? { gridName: grid } : {}), ...place, urgency, updatedAt: now });
  if (t.status === 'accepted') {
    await recordTicketEvent(ctx, updated, { kind: 'note', note: 'place completed' });
    for (const alias of jsonList(t.assignees)) await tellAbout(ctx, alias, `工单 #${id} 补充地点：${fullPlace(updated)}`, updated);
    await ctx.reply(`已补充到工单 #${id}。`);
    return;
  }
  const ladder = ladderOf(ctx, updated);
  const step = ladder[0];
  const before = jsonList(t.assignees);
  if (step && !(step.holders.length === before.length && step.holders.every((h) => before.includes(h)))) {
    updated = await moveTicket(ctx, updated, { kind: 'reroute', to: { step: 0, tier: step.tier, holders: step.holders, told: step.told } }, { note: 'place completed' });
    await notifyHolders(ctx, updated, step, '');
    for (const alias of before.filter((a) => !step.holders.includes(a))) {
      await tellAbout(ctx, alias, `工单 #${id} 补充了地点，已转交${holderLine(ctx, step)}，您无需处理。`, updated);
    }
    await ctx.reply(`已补充地点，工单 #${id} 改由${holderLine(ctx, step)}跟进。`);
  } else {
    await recordTicketEvent(ctx, updated, { kind: 'note', note: 'place completed' });
    for (const alias of before) await tellAbout(ctx, alias, `工单 #${id} 补充地点：${fullPlace(updated)}`, updated);
    await ctx.reply(`已补充到工单 #${id}。`);
  }
}
