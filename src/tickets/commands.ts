import type { MessageContext } from '../app/context.js';
import type { CommandSpec } from '../commands/types.js';
import { parseTicketRef } from '../commands/normalize.js';
import { badInput, conflict, forbidden } from '../errors.js';
import type { Intake } from '../intake/index.js';
import { jsonList } from '../store/db.js';
import { formatShort } from '../time.js';
import { deadlineAfter, slaFor } from './deadlines.js';
import { ladderOf, loadTicket } from './lifecycle.js';
import { CATEGORY_LABELS, STATUS_LABELS } from './messages.js';
import { recordTicketEvent, type TicketRow } from './record.js';
import { mayActOn } from './routing.js';

const ticketArg = (word: string) => (args: string) => {
  const id = parseTicketRef(args.split(/\s+/)[0]);
  if (id === undefined) throw badInput(`请写工单编号，例如「${word} #3」。`);
  return id;
};

function assertMayAct(ctx: MessageContext, t: TicketRow): void {
  if (!mayActOn(ctx.org, ladderOf(ctx, t), t.step, jsonList(t.assignees), ctx.speaker.alias, t.gridName)) {
    throw forbidden(`工单 #${t.id} 不归您办理。`);
  }
}

const accept: CommandSpec = {
  name: '接单',
  aliases: ['签收'],
  usage: '接单 #工单号 — 签收工单',
  audience: 'holder',
  deniedMessage: '只有工单的办理人可以接单。',
  async handle(ctx, args) {
    const t = await loadTicket(ctx, ticketArg('接单')(args));
    assertMayAct(ctx, t);
    if (t.status === 'accepted') throw conflict(`工单 #${t.id} 已经签收了。`);
    if (!['assigned', 'reopened'].includes(t.status)) throw conflict(`工单 #${t.id} ${STATUS_LABELS[t.status] ?? t.status}，不能再签收。`);
    const now = ctx.clock.now();
    const sla = slaFor(ctx.org.org, t.urgency as 'urgent' | 'normal');
    const assignees = jsonList(t.assignees).includes(ctx.speaker.alias) ? t.assignees : JSON.stringify([ctx.speaker.alias]);
    const updated = await ctx.db.ticket.update({
      where: { id: t.id },
      data: {
        status: 'accepted',
        assignees,
        acceptedAt: now,
        acceptBy: null,
        resolveBy: deadlineAfter(now, sla.resolveMs, sla.pausesAtNight, ctx.config.timeZone),
        updatedAt: now,
      },
    });
    await recordTicketEvent(ctx, updated, { kind: 'accepted', actor: ctx.speaker.alias });
    await ctx.reply(`已签收工单 #${t.id}，请在 ${formatShort(updated.resolveBy!, ctx.config.timeZone)} 前办结，办结后回复「办结 #${t.id} 处理说明」。`);
    if (t.sourceRoom) {
      await ctx.send({ target: { kind: 'room', topic: t.sourceRoom }, text: `工单 #${t.id} 已由${ctx.speaker.name}签收，正在处理。`, origin: `ticket:${t.id}` });
    }
  },
};

/** How a ticket stands, in words a resident reads in the group (no room numbers). */
export function describeForResident(t: TicketRow, timeZone: string): string {
  const label = CATEGORY_LABELS[t.category as keyof typeof CATEGORY_LABELS] ?? t.category;
  const status = STATUS_LABELS[t.status] ?? t.status;
  const merged = t.mergedIntoId ? `，已并入 #${t.mergedIntoId}` : '';
  return `#${t.id} ${label}：${status}${merged}（${formatShort(t.createdAt, timeZone)} 报）`;
}

const query: CommandSpec = {
  name: '查询',
  aliases: ['进度'],
  usage: '查询 #工单号 — 看工单进度',
  audience: 'anyone',
  accepts: (args) => parseTicketRef(args.split(/\s+/)[0]) !== undefined,
  async handle(ctx, args) {
    const t = await loadTicket(ctx, ticketArg('查询')(args));
    const own = t.reporterId === ctx.speaker.personId || ctx.speaker.isHolder;
    if (!own && !ctx.room) throw forbidden('只能查询自己报的工单。');
    await ctx.reply(describeForResident(t, ctx.config.timeZone));
  },
};

async function listMine(ctx: MessageContext): Promise<void> {
  const mine = await ctx.db.ticket.findMany({
    where: { reporterId: ctx.speaker.personId },
    orderBy: { id: 'desc' },
    take: 5,
  });
  if (mine.length === 0) {
    await ctx.reply('您还没有报过工单。遇到问题直接在群里说就行。');
    return;
  }
  await ctx.reply(`您最近的工单：\n${mine.map((t) => describeForResident(t, ctx.config.timeZone)).join('\n')}`);
}

const myTickets: CommandSpec = {
  name: '我的工单',
  usage: '我的工单 — 看我报过的工单',
  audience: 'anyone',
  accepts: (args) => args === '',
  handle: (ctx) => listMine(ctx),
};

export const ticketCommands: CommandSpec[] = [accept, query, myTickets];

/** Answers "我昨天报的路灯修了没" with the resident's recent tickets. */
export async function answerTicketQuery(ctx: MessageContext, _intake: Intake): Promise<boolean> {
  if (!/报|修|工单|处理|进度|怎么样了|好了没|有人管/.test(ctx.text)) return false;
  const count = await ctx.db.ticket.count({ where: { reporterId: ctx.speaker.personId } });
  if (count === 0) return false;
  await listMine(ctx);
  return true;
}
