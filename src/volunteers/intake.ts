import type { MessageContext } from '../kernel/context.js';
import type { Intake } from '../intake/index.js';
import { DomainError } from '../errors.js';
import { loadActivity } from './activities.js';
import { activityMeant } from './ask.js';
import { joinAndReply, leaveAndReply, listOpen } from './commands.js';
import { describePoints } from './points-text.js';
import { findActivityRef } from './refs.js';

const LEAVING = /取消|退出|去不了|来不了|参加不了|划掉|名字(去掉|删掉|拿掉)/;

/**
 * A sign-up in words in a residents' group (+1, 算我一个, 我也去, 取消报名): acted on when
 * the words name an activity or exactly one is open here; with several, the speaker is
 * asked for the number. With none, silence unless the bot was asked directly.
 */
export async function handleSignupInWords(ctx: MessageContext, _intake: Intake): Promise<boolean> {
  const mode = LEAVING.test(ctx.text) ? 'leave' : 'join';
  try {
    const ref = findActivityRef(ctx.text);
    const activity = ref !== undefined ? await loadActivity(ctx, ref) : await activityMeant(ctx, mode);
    if (!activity) {
      if (ctx.mentioned) await ctx.reply(mode === 'join' ? '现在没有可报名的活动。' : '您没有报名正在进行的活动。');
      return ctx.mentioned;
    }
    await (mode === 'join' ? joinAndReply(ctx, activity) : leaveAndReply(ctx, activity));
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    ctx.events.emit({ kind: 'refused', who: ctx.speaker.alias, command: mode === 'join' ? '报名' : '取消报名', reason: err.userMessage });
    await ctx.reply(err.userMessage);
  }
  return true;
}

/** "我有多少积分", "最近有什么活动": answered from the ledger and the open activities. */
export async function answerVolunteerQuery(ctx: MessageContext, _intake: Intake): Promise<boolean> {
  if (/积分/.test(ctx.text)) {
    await ctx.reply(await describePoints(ctx.db, ctx.speaker.personId, ctx.speaker.name, ctx.config.timeZone));
    return true;
  }
  if (/活动|志愿|报名/.test(ctx.text)) {
    await listOpen(ctx);
    return true;
  }
  return false;
}
