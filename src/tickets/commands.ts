import type { MessageContext } from '../kernel/context.js';
import type { CommandSpec } from '../commands/types.js';
import type { Intake } from '../intake/index.js';
import { holderCommands } from './holder-commands.js';
import { isProgressQuestion } from '../intake/index.js';
import { countTicketsReportedBy, latestOpenTicketReportedBy } from '../store/tickets.js';
import { describeForResident, listMine, residentCommands } from './resident-commands.js';

/** Every ticket command: holders work tickets in a direct chat, residents follow theirs. */
export const ticketCommands: CommandSpec[] = [...holderCommands, ...residentCommands];

/**
 * Answers "我昨天报的路灯修了没", "那事到底还管不管": a progress question without a ticket
 * number is about the resident's latest open ticket when there is one; otherwise their
 * recent tickets are listed.
 */
export async function answerTicketQuery(ctx: MessageContext, _intake: Intake): Promise<boolean> {
  if (!isProgressQuestion(ctx.text) && !/报|修|工单|处理|进度|怎么样了|好了没|有人管/.test(ctx.text)) return false;
  const latest = await latestOpenTicketReportedBy(ctx.db, ctx.speaker.personId);
  if (latest) {
    await ctx.reply(`您问的应该是这张工单：\n${describeForResident(ctx, latest)}\n其他工单请发送「我的工单」。`);
    return true;
  }
  const count = await countTicketsReportedBy(ctx.db, ctx.speaker.personId);
  if (count === 0) return false;
  await listMine(ctx);
  return true;
}
