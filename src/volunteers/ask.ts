import type { MessageContext } from '../kernel/context.js';
import { badInput, notFound } from '../errors.js';
import type { ActivityRow } from './activities.js';
import { openActivities } from '../store/activities.js';
import { chooseActivity } from './messages.js';
import { activityRef } from './refs.js';

/**
 * Which activity a sign-up without a number means: the one open for this group (or,
 * to cancel, the one the speaker is in). A title in the words picks among several;
 * otherwise the speaker is asked for the number. Undefined when there is none.
 */
export async function activityMeant(ctx: MessageContext, mode: 'join' | 'leave'): Promise<ActivityRow | undefined> {
  const now = ctx.clock.now();
  const candidates = await openActivities(ctx.db, { now, room: ctx.room?.topic, ...(mode === 'leave' ? { signedUpBy: ctx.speaker.personId } : {}) });
  if (candidates.length <= 1) return candidates[0];
  const named = candidates.filter((a) => ctx.text.includes(a.title));
  if (named.length === 1) return named[0];
  throw badInput(chooseActivity(candidates.map((a) => activityRef(a.id)), mode === 'join' ? '报名' : '取消报名'));
}

export async function activityMeantOrFail(ctx: MessageContext, mode: 'join' | 'leave'): Promise<ActivityRow> {
  const a = await activityMeant(ctx, mode);
  if (a) return a;
  throw notFound(mode === 'join' ? '现在没有可报名的活动。' : '您没有报名正在进行的活动。');
}
