import type { MessageContext } from '../kernel/context.js';
import type { CommandSpec } from '../commands/types.js';
import { badInput, conflict, forbidden } from '../errors.js';
import { extractPlace } from '../intake/index.js';
import { jsonList } from '../store/db.js';
import { formatShort } from '../time.js';
import { isOpenStatus } from '../kernel/domain.js';
import { applyTicketPatch, ticketsReportedBy } from '../store/tickets.js';
import { registerResidentHome, residentHome } from '../store/residents.js';
import { climb, loadTicket, tellAbout } from './lifecycle.js';
import { CATEGORY_LABELS, STATUS_LABELS, clip } from './messages.js';
import { moveTicket } from './move.js';
import type { TicketRow } from './record.js';
import { parseRating, parseTicketArgs, parseTicketRef, TICKET_REF } from './ticket-args.js';
import { ticketRef, withTicketOf } from './county-ref.js';
import { attachmentSummary } from '../media/attach.js';

/** Who holds a ticket, by name, as residents may see it. */
function holderNames(ctx: MessageContext, t: TicketRow): string {
  return jsonList(t.assignees).map((a) => ctx.org.person(a)?.name ?? a).join('、');
}

/** How a ticket stands, in words a resident reads in the group (no room numbers). */
export function describeForResident(ctx: MessageContext, t: TicketRow, ref = `#${t.id}`): string {
  const label = CATEGORY_LABELS[t.category];
  const status = STATUS_LABELS[t.status];
  const merged = t.mergedIntoId ? `，已并入 #${t.mergedIntoId}` : '';
  const holder = isOpenStatus(t.status) && holderNames(ctx, t) ? `，${holderNames(ctx, t)}办理` : '';
  return `${ref} ${label}：${status}${holder}${merged}（${formatShort(t.createdAt, ctx.config.timeZone)} 报）`;
}

const isReporter = (ctx: MessageContext, t: TicketRow) => t.reporterId === ctx.speaker.personId;

const query: CommandSpec = {
  name: '查询',
  aliases: ['进度'],
  usage: '查询 #工单号 — 看工单进度',
  audience: 'anyone',
  accepts: (args) => TICKET_REF.test(args),
  async handle(ctx, args) {
    const ref = parseTicketRef(args, '查询 #3');
    const answer = async (t: TicketRow) => {
      // In a group only one's own: anyone reads along there. Holders look others up privately.
      const mayRead = isReporter(ctx, t) || (ctx.speaker.isHolder && !ctx.room);
      if (!mayRead) throw forbidden(ctx.room ? '在群里只能查询自己报的工单。' : '只能查询自己报的工单。');
      return `${describeForResident(ctx, t, ticketRef(ctx, t))}${await attachmentSummary(ctx, t.id)}`;
    };
    // County staff may name another community's ticket: 金沙#12.
    const text = ref.community !== undefined ? await withTicketOf(ctx, ref.community, ref.id, answer) : await answer(await loadTicket(ctx, ref.id));
    await ctx.reply(text);
  },
};

export async function listMine(ctx: MessageContext): Promise<void> {
  const mine = await ticketsReportedBy(ctx.db, ctx.speaker.personId, 5);
  if (mine.length === 0) {
    await ctx.reply('您还没有报过工单。遇到问题直接在群里说就行。');
    return;
  }
  await ctx.reply(`您最近的工单：\n${mine.map((t) => describeForResident(ctx, t)).join('\n')}`);
}

const myTickets: CommandSpec = {
  name: '我的工单',
  usage: '我的工单 — 看我报过的工单',
  audience: 'anyone',
  accepts: (args) => args === '',
  handle: (ctx) => listMine(ctx),
};

const rate: CommandSpec = {
  name: '评价',
  aliases: ['打分'],
  usage: '评价 #工单号 1-5 [意见] — 给办结的工单打分',
  audience: 'resident',
  async handle(ctx, args) {
    const { id, rest } = parseTicketArgs(args, '评价 #3 5');
    if (rest === '') throw badInput(`请打 1 到 5 分，例如「评价 #${id} 5 很满意」。`);
    const { score, comment } = parseRating(rest, id);
    const t = await loadTicket(ctx, id);
    if (!isReporter(ctx, t)) throw forbidden(`只有报事的居民可以评价工单 #${t.id}。`);
    if (t.status !== 'resolved') throw conflict(`工单 #${t.id} ${STATUS_LABELS[t.status]}，现在不能评价。`);
    const holders = jsonList(t.assignees);
    if (score >= 3) {
      const updated = await moveTicket(ctx, t, { kind: 'rate', rating: score, comment: comment || null }, { actor: ctx.speaker.alias, note: `rating ${score}` });
      for (const alias of holders) await tellAbout(ctx, alias, `工单 #${t.id} 居民评价 ${score} 分${comment ? `：${clip(comment, 100)}` : ''}，已关闭。`, updated);
      await ctx.reply(`感谢您的评价！工单 #${t.id} 已关闭。`);
      return;
    }
    // A poor rating: the work was not good enough, so the next rung up takes it again.
    // The rating is kept (no move: the status stays resolved until the climb reopens it).
    const written = await applyTicketPatch(ctx.db, t.id, { rating: score, ratingComment: comment || null, rateBy: null, updatedAt: ctx.clock.now() });
    const updated = await climb(ctx, written, {
      kind: 'reopened',
      why: `居民评价 ${score} 分${comment ? `（${clip(comment, 60)}）` : ''}，重新办理`,
      actor: ctx.speaker.alias,
      note: `rating ${score}`,
    });
    await ctx.reply(`抱歉没让您满意，工单 #${t.id} 已重新办理，交由${holderNames(ctx, updated)}跟进。`);
  },
};

const cancel: CommandSpec = {
  name: '撤销',
  aliases: ['撤回'],
  usage: '撤销 #工单号 — 不需要处理了',
  audience: 'resident',
  async handle(ctx, args) {
    const { id } = parseTicketArgs(args, '撤销 #3');
    const t = await loadTicket(ctx, id);
    if (!isReporter(ctx, t)) throw forbidden(`只有报事的居民可以撤销工单 #${t.id}。`);
    if (!isOpenStatus(t.status)) throw conflict(`工单 #${t.id} ${STATUS_LABELS[t.status]}，不能撤销。`);
    const updated = await moveTicket(ctx, t, { kind: 'cancel' }, { actor: ctx.speaker.alias });
    for (const alias of jsonList(t.assignees)) await tellAbout(ctx, alias, `居民已撤销工单 #${t.id}，无需再处理。`, updated);
    await ctx.reply(`已撤销工单 #${t.id}。`);
  },
};

const ADDRESS = /^([0-9]{1,3}|[A-Za-z])\s*[-－—]\s*([0-9]{1,2})\s*[-－—]\s*([0-9]{3,4})$/;

/** `3-2-401`, or words the intake reads (`3栋2单元401室`). */
function parseAddress(args: string): { building: string; unit: string | null; room: string | null } {
  const m = ADDRESS.exec(args.trim());
  if (m) return { building: m[1].toUpperCase(), unit: m[2], room: m[3] };
  const place = extractPlace(args);
  if (!place.building) throw badInput('请按「登记 楼栋-单元-门牌」发送，例如「登记 3-2-401」。');
  return { building: place.building, unit: place.unit, room: place.room };
}

const register: CommandSpec = {
  name: '登记',
  usage: '登记 3-2-401 — 登记我的住址（楼栋-单元-门牌）',
  audience: 'resident',
  accepts: (args) => args === '' || /^[0-9A-Za-z一二三四五六七八九十]/.test(args),
  async handle(ctx, args) {
    if (args.trim() === '') throw badInput('请按「登记 楼栋-单元-门牌」发送，例如「登记 3-2-401」。');
    const address = parseAddress(args);
    const home = await residentHome(ctx.db, ctx.speaker.personId);
    const gridName = ctx.room?.grid ?? home?.gridName;
    if (!gridName) throw badInput('请在您所在小区的群里发送「登记 3-2-401」。');
    if (!ctx.org.building(gridName, address.building)) throw badInput(`${gridName}没有${address.building}栋，请核对楼栋号。`);
    const registered = await registerResidentHome(ctx.db, ctx.speaker.personId, { community: ctx.org.communityName, gridName, ...address });
    if (!registered) throw badInput(`${gridName}尚未启用，请联系社区工作人员。`);
    // The room number is kept, but never repeated where neighbours read.
    const where = `${gridName}${address.building}栋${address.unit ? `${address.unit}单元` : ''}`;
    await ctx.reply(`已登记您的住址：${where}${ctx.room ? '（门牌号已保存，不在群里显示）' : address.room ? `${address.room}室` : ''}。以后报事不说楼栋也能找到您家。`);
  },
};

export const residentCommands: CommandSpec[] = [query, myTickets, rate, cancel, register];
