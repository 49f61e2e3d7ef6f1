import type { MessageContext } from '../kernel/context.js';
import type { CommandSpec } from '../commands/types.js';
import { badInput, conflict } from '../errors.js';
import { jsonList } from '../store/db.js';
import { formatShort } from '../time.js';
import {
  assertMayAct,
  climb,
  ladderOf,
  loadTicket,
  nextRung,
  notifyHolders,
  standingOf,
  tellAbout,
} from './lifecycle.js';
import { CATEGORY_LABELS, STATUS_LABELS, clip, fullPlace, publicPlace, redactForGroup, roleLabel } from './messages.js';
import { moveTicket } from './move.js';
import { recordTicketEvent, type TicketRow } from './record.js';
import { isOpenStatus } from '../kernel/domain.js';
import { openTicketsHeldBy } from '../store/tickets.js';
import { personById } from '../store/identity.js';
import { parseTicketArgs, requireText } from './ticket-args.js';
import { resolveTransferTarget } from './transfer-target.js';
import { tellReporter } from './privacy.js';

const label = (t: TicketRow) => CATEGORY_LABELS[t.category];
const statusWord = (t: TicketRow) => STATUS_LABELS[t.status];

/** Loads the ticket and checks, before anything is written, that it is open and this person may work it. */
async function openTicketFor(ctx: MessageContext, id: number, verb: string): Promise<TicketRow> {
  const t = await loadTicket(ctx, id);
  assertMayAct(ctx, t);
  if (!isOpenStatus(t.status)) throw conflict(`工单 #${t.id} ${statusWord(t)}，不能再${verb}。`);
  return t;
}

/** Someone other than the holders who takes the ticket over: alone, at their own rung. */
const takeOver = (ctx: MessageContext, t: TicketRow) => ({ ...standingOf(ctx, t, ctx.speaker.alias), holders: [ctx.speaker.alias] });

const holderOnly = { audience: 'holder' as const, deniedMessage: '只有网格工作人员可以办理工单。' };

const accept: CommandSpec = {
  name: '接单',
  aliases: ['签收'],
  usage: '接单 #工单号 — 签收工单',
  ...holderOnly,
  async handle(ctx, args) {
    const { id } = parseTicketArgs(args, '接单 #3');
    const t = await openTicketFor(ctx, id, '签收');
    const mine = jsonList(t.assignees).includes(ctx.speaker.alias);
    if (t.status === 'accepted' && mine) throw conflict(`工单 #${t.id} 您已经签收了。`);
    // Someone above the holder who accepts takes the ticket over at their own rung.
    const updated = await moveTicket(ctx, t, { kind: 'accept', by: mine ? undefined : takeOver(ctx, t) }, { actor: ctx.speaker.alias });
    await ctx.reply(`已签收工单 #${t.id}，请在 ${formatShort(updated.resolveBy!, ctx.config.timeZone)} 前办结，办结后回复「办结 #${t.id} 处理说明」。`);
    for (const alias of jsonList(t.assignees).filter((a) => a !== ctx.speaker.alias)) {
      await tellAbout(ctx, alias, `工单 #${t.id} 已由${ctx.speaker.name}签收，您无需处理。`, updated);
    }
    await tellReporter(ctx, t, {
      forGroup: `工单 #${t.id} 已由${ctx.speaker.name}签收，正在处理。`,
      privately: `您的工单 #${t.id} 已由${ctx.speaker.name}签收，正在处理。`,
    });
  },
};

const resolve: CommandSpec = {
  name: '办结',
  aliases: ['完成'],
  usage: '办结 #工单号 说明 — 办完了，告诉居民',
  ...holderOnly,
  async handle(ctx, args) {
    const { id, rest } = parseTicketArgs(args, '办结 #3 灯已换好');
    const resolution = requireText(rest, '处理说明', `办结 #${id} 灯已换好`);
    const t = await openTicketFor(ctx, id, '办结');
    const mine = jsonList(t.assignees).includes(ctx.speaker.alias);
    await moveTicket(ctx, t, { kind: 'resolve', by: mine ? undefined : takeOver(ctx, t), resolution }, { actor: ctx.speaker.alias, note: clip(resolution, 200) });
    await ctx.reply(`工单 #${t.id} 已办结，已请居民评价。`);
    const reporter = await personById(ctx.db, t.reporterId);
    const ask = `请回复「评价 #${t.id} 1-5」打分（5 分最满意），也可以附上意见。`;
    // The group sees the holder's words without phone or room numbers; a private
    // ticket's reporter hears them by direct message, the group only that it is done.
    const who = reporter ? `@${reporter.name} ` : '';
    await tellReporter(ctx, t, {
      forGroup: `${who}您反映的${publicPlace(t)}${label(t)}（工单 #${t.id}）已由${ctx.speaker.name}办结：${clip(redactForGroup(resolution), 100)}\n${ask}`,
      privately: `您的工单 #${t.id} 已办结：${clip(resolution, 200)}\n${ask}`,
      neutral: `工单 #${t.id} 已办结，详情已私信报事人。报事人可回复「评价 #${t.id} 1-5」打分。`,
    });
  },
};

const transfer: CommandSpec = {
  name: '转派',
  aliases: ['转交'],
  usage: '转派 #工单号 岗位或微信号 — 交给更合适的人（如 转派 #3 调解员）',
  ...holderOnly,
  async handle(ctx, args) {
    const { id, rest } = parseTicketArgs(args, '转派 #3 调解员');
    if (rest === '') throw badInput(`请写转给谁，例如「转派 #${id} 调解员」或「转派 #${id} 微信号」。`);
    const t = await openTicketFor(ctx, id, '转派');
    const post = resolveTransferTarget(ctx.org, rest, t);
    if (!post) throw badInput(`找不到「${clip(rest, 20)}」，请写岗位（如 调解员、楼栋长、物业）或对方的微信号。`);
    const before = jsonList(t.assignees);
    if (before.length === 1 && before[0] === post.alias) throw conflict(`工单 #${t.id} 已经由${post.name}办理。`);
    const updated = await moveTicket(
      ctx,
      t,
      { kind: 'transfer', to: { ...standingOf(ctx, t, post.alias), holders: [post.alias] } },
      { actor: ctx.speaker.alias, note: `to ${post.alias}` },
    );
    await notifyHolders(ctx, updated, undefined, `${ctx.speaker.name}转派给您：`);
    for (const alias of before.filter((a) => a !== ctx.speaker.alias && a !== post.alias)) {
      await tellAbout(ctx, alias, `工单 #${t.id} 已由${ctx.speaker.name}转派给${post.orgUnit ?? roleLabel(post.role)}${post.name}，您无需处理。`, updated);
    }
    await ctx.reply(`工单 #${t.id} 已转派给${post.orgUnit ?? roleLabel(post.role)}${post.name}。`);
  },
};

const decline: CommandSpec = {
  name: '退回',
  aliases: ['拒单'],
  usage: '退回 #工单号 原因 — 办不了，交上一级',
  ...holderOnly,
  async handle(ctx, args) {
    const { id, rest } = parseTicketArgs(args, '退回 #3 不属于本楼');
    const reason = requireText(rest, '退回原因', `退回 #${id} 需要物业处理`);
    const t = await openTicketFor(ctx, id, '退回');
    // Someone above the holders who sends it back sends it above themselves.
    const from = jsonList(t.assignees).includes(ctx.speaker.alias) ? t.step : standingOf(ctx, t, ctx.speaker.alias).step;
    if (nextRung(ladderOf(ctx, t), from, [...jsonList(t.assignees), ctx.speaker.alias]) === undefined) {
      throw conflict(`工单 #${t.id} 没有更高一级可以退回了，请办理或转派。`);
    }
    await climb(ctx, t, { kind: 'declined', why: `${ctx.speaker.name}退回（${clip(reason, 60)}）`, actor: ctx.speaker.alias, note: clip(reason, 200), from });
    await ctx.reply(`工单 #${t.id} 已退回，交由上一级办理。`);
  },
};

const note: CommandSpec = {
  name: '备注',
  usage: '备注 #工单号 内容 — 给工单记一笔',
  ...holderOnly,
  async handle(ctx, args) {
    const { id, rest } = parseTicketArgs(args, '备注 #3 已联系维修师傅');
    const text = requireText(rest, '备注内容', `备注 #${id} 已联系维修师傅`);
    const t = await loadTicket(ctx, id);
    assertMayAct(ctx, t);
    await recordTicketEvent(ctx, t, { kind: 'note', actor: ctx.speaker.alias, note: text });
    for (const alias of jsonList(t.assignees).filter((a) => a !== ctx.speaker.alias)) {
      await tellAbout(ctx, alias, `${ctx.speaker.name}在工单 #${t.id} 备注：${clip(text, 200)}`, t);
    }
    await ctx.reply(`已备注到工单 #${t.id}。`);
  },
};

const myQueue: CommandSpec = {
  name: '我的待办',
  aliases: ['待办'],
  usage: '我的待办 — 我手上的工单，最早的在前',
  ...holderOnly,
  accepts: (args) => args === '',
  async handle(ctx) {
    const held = await openTicketsHeldBy(ctx.db, ctx.speaker.alias, { take: 20 });
    if (held.length === 0) {
      await ctx.reply('您手上没有待办工单。');
      return;
    }
    // In a group the place is shown without the room number.
    const place = (t: TicketRow) => (ctx.room ? publicPlace(t) || '未说明地点' : fullPlace(t));
    const due = (t: TicketRow) => {
      const by = t.status === 'accepted' ? t.resolveBy : t.acceptBy;
      return by ? `，${t.status === 'accepted' ? '办结' : '签收'}期限 ${formatShort(by, ctx.config.timeZone)}` : '';
    };
    const lines = held.map((t) => `#${t.id} ${t.urgency === 'urgent' ? '【紧急】' : ''}${label(t)} ${place(t)}：${statusWord(t)}${due(t)}`);
    await ctx.reply(`您的待办工单（${held.length}）：\n${lines.join('\n')}`);
  },
};

/**
 * A post-holder writing the bot something that is no command ("收到", "好的 我去看看"):
 * the answer names what waits for them and the exact words to act, or nothing when
 * nothing waits (the caller then gives the general hint).
 */
export async function holderNudge(ctx: MessageContext): Promise<string | undefined> {
  const waiting = await openTicketsHeldBy(ctx.db, ctx.speaker.alias, { awaitingAcceptOnly: true, take: 5 });
  if (waiting.length === 0) return undefined;
  const first = waiting[0]!.id;
  const ids = waiting.map((t) => `#${t.id}`).join('、');
  return `您有待签收的工单 ${ids}。签收请回复「接单 #${first}」，办完回复「办结 #${first} 处理说明」；发送「我的待办」看全部。`;
}

export const holderCommands: CommandSpec[] = [accept, resolve, transfer, decline, note, myQueue];
