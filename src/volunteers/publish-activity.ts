import type { MessageContext } from '../kernel/context.js';
import { badInput, forbidden } from '../errors.js';
import { freshCheckinCode } from './activities.js';
import { insertActivity } from '../store/activities.js';
import { announcement, published } from './messages.js';
import { parseActivityArgs } from './parse-activity.js';
import { activityRef } from './refs.js';
import { defaultScope, roomsOutsideReach } from './scope.js';

/** `活动 [范围] 标题 时间 地点 名额 积分`: creates the activity and posts it to its groups. */
export async function publishActivity(ctx: MessageContext, args: string): Promise<void> {
  const tz = ctx.config.timeZone;
  const now = ctx.clock.now();
  const parsed = parseActivityArgs(args, ctx.org, now, tz);
  if (!parsed.ok) throw badInput(parsed.reason);
  const { draft } = parsed;
  const scope = draft.scope ?? defaultScope(ctx.speaker, ctx.org, ctx.room);
  if (scope.rooms.length === 0) throw badInput('没有可以发布的居民群，请写明范围，例如「活动 丽水鑫城 …」。');
  const outside = roomsOutsideReach(ctx.speaker, ctx.org, scope.rooms);
  if (outside.length) throw forbidden(`您只能在自己的网格发布活动，「${scope.label}」超出了范围。`);

  const activity = await insertActivity(ctx.db, {
    title: draft.title,
    community: ctx.org.communityName,
    startsAt: draft.startsAt,
    durationMinutes: draft.durationMinutes,
    place: draft.place,
    capacity: draft.capacity,
    points: draft.points,
    scope: scope.label,
    targets: JSON.stringify(scope.rooms),
    createdBy: ctx.speaker.alias,
    checkinCode: await freshCheckinCode(ctx.db),
    createdAt: now,
  });
  const origin = `activity:${activity.id}`;
  for (const topic of scope.rooms) await ctx.send({ target: { kind: 'room', topic }, text: announcement(activity, tz), origin });
  // The code proves presence on site: it goes to the organiser alone, never to a group.
  await ctx.tell(ctx.speaker.alias, published(activity, scope.rooms, activity.checkinCode, tz), { origin });
  if (ctx.room && !scope.rooms.includes(ctx.room.topic)) await ctx.reply(`已发布活动 #${activityRef(activity.id)}，签到码已私信发给您。`);
}
