import type { MessageContext } from '../app/context.js';
import type { CommandSpec } from '../commands/types.js';
import type { Intake } from '../intake/index.js';
import { holderCommands } from './holder-commands.js';
import { listMine, residentCommands } from './resident-commands.js';

/** Every ticket command: holders work tickets in a direct chat, residents follow theirs. */
export const ticketCommands: CommandSpec[] = [...holderCommands, ...residentCommands];

/** Answers "我昨天报的路灯修了没" with the resident's recent tickets. */
export async function answerTicketQuery(ctx: MessageContext, _intake: Intake): Promise<boolean> {
  if (!/报|修|工单|处理|进度|怎么样了|好了没|有人管/.test(ctx.text)) return false;
  const count = await ctx.db.ticket.count({ where: { reporterId: ctx.speaker.personId } });
  if (count === 0) return false;
  await listMine(ctx);
  return true;
}
