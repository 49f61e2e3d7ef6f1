/** What the volunteers feature says, in one place. */
import { formatShort } from '../time.js';
import { activityRef } from './refs.js';

export interface ActivityView {
  id: number;
  title: string;
  startsAt: Date;
  place: string;
  capacity: number;
  points: number;
}

export function announcement(a: ActivityView, timeZone: string): string {
  const ref = activityRef(a.id);
  return [
    `【志愿活动 #${ref}】${a.title}`,
    `时间：${formatShort(a.startsAt, timeZone)}`,
    `地点：${a.place}`,
    `名额：${a.capacity} 人，参加可得 ${a.points} 爱心积分`,
    `报名请回复「报名 #${ref}」，取消请回复「取消报名 #${ref}」。`,
  ].join('\n');
}

export function listLine(a: ActivityView, confirmed: number, timeZone: string): string {
  const left = a.capacity - confirmed;
  return `#${activityRef(a.id)} ${a.title} ${formatShort(a.startsAt, timeZone)} ${a.place}（${left > 0 ? `余 ${left} 个名额` : '已满，可候补'}，${a.points} 分）`;
}

export const published = (a: ActivityView, rooms: string[], code: string, timeZone: string) =>
  `已发布活动 #${activityRef(a.id)}「${a.title}」（${formatShort(a.startsAt, timeZone)}）到 ${rooms.length} 个群：${rooms.join('、')}。\n现场签到码：${code}（请在现场出示，志愿者发送「签到 ${code}」即可签到；也可发送「签到 #${activityRef(a.id)} 名字…」代为签到）。`;

export const confirmedText = (name: string, a: ActivityView, taken: number, timeZone: string) =>
  `${name} 报名成功：#${activityRef(a.id)} ${a.title}，${formatShort(a.startsAt, timeZone)} ${a.place}（${taken}/${a.capacity}）。`;

export const waitlistedText = (name: string, a: ActivityView, position: number) =>
  `#${activityRef(a.id)} ${a.title} 名额已满，${name} 已排在候补第 ${position} 位，有人取消会通知您。`;

export const promotedText = (a: ActivityView, timeZone: string) =>
  `好消息：有人取消了，您已从候补转为正式报名 #${activityRef(a.id)} ${a.title}，${formatShort(a.startsAt, timeZone)} ${a.place}，请准时参加。`;

export const reminderText = (a: ActivityView, timeZone: string) =>
  `提醒：您报名的志愿活动 #${activityRef(a.id)} ${a.title} 将于 ${formatShort(a.startsAt, timeZone)} 在 ${a.place} 开始，请准时参加。`;

export const chooseActivity = (refs: string[], verb: string) =>
  `现在有 ${refs.length} 个活动，请回复编号，例如${refs.map((r) => `「${verb} #${r}」`).join('或')}。`;
