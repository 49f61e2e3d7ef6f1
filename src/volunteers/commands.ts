import type { MessageContext } from '../kernel/context.js';
import { splitArgs } from '../commands/normalize.js';
import type { CommandSpec } from '../commands/types.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { refuseWhileLocked, rightCode, wrongCode } from '../abuse/codes.js';
import { formatShort } from '../time.js';
import { confirmedCount, loadActivity, mayManage, type ActivityRow } from './activities.js';
import { openActivities, signedUpPeople } from '../store/activities.js';
import { activeCatalog, catalogItemNamed, putCatalogItem, redemptionWithParties, withdrawCatalogItem } from '../store/ledger.js';
import { activityMeantOrFail } from './ask.js';
import { activityByCode, assertOrganiserMayCheckIn, checkIn } from './check-in.js';
import { appendLedgerEntry } from './ledger.js';
import { registerMember } from './members.js';
import { confirmedText, listLine, waitlistedText } from './messages.js';
import { ACTIVITY_EXAMPLE } from './parse-activity.js';
import { findPerson, lookupRefusal, personKey } from './people.js';
import { describePoints } from './points-text.js';
import { publishActivity } from './publish-activity.js';
import { issueRedemption, redeemItem } from './redemption.js';
import { activityRef, parseActivityRef, parseRedemptionRef, redemptionRef } from './refs.js';
import { mayOrganise } from './scope.js';
import { cancelSignup, signUp } from './sign-up.js';
import { ONE_OFF_TIME } from './when.js';

const firstToken = (args: string) => args.split(/\s+/)[0];
const CHECKIN_CODE = /^\d{4,6}$/;
const STRICT_ACTIVITY_REF = /^(#\s*A?|A)\s*\d+$/i;

const publish: CommandSpec = {
  name: '活动',
  aliases: ['发布活动'],
  usage: `活动 [范围] 标题 时间 地点 名额 积分 — 发布志愿活动，例如「${ACTIVITY_EXAMPLE}」`,
  audience: 'staff',
  // Only a line shaped like a publication is the command: "活动室的灯坏了" is a report.
  accepts: (args) => ONE_OFF_TIME.test(args) || /\s\d+\s*(人|名)?\s+\d+\s*(分|积分)?\s*$/.test(args),
  allowed: mayOrganise,
  deniedMessage: '只有社区工作人员、党支部书记和文体员可以发布活动。',
  handle: publishActivity,
};

export async function listOpen(ctx: MessageContext): Promise<void> {
  const now = ctx.clock.now();
  const open = await openActivities(ctx.db, { now, room: ctx.room?.kind === 'residents' ? ctx.room.topic : undefined, take: 10 });
  if (open.length === 0) return ctx.reply('现在没有可报名的志愿活动。');
  const lines = await Promise.all(open.map(async (a) => listLine(a, await confirmedCount(ctx.db, a.id), ctx.config.timeZone)));
  await ctx.reply(`可报名的志愿活动：\n${lines.join('\n')}\n报名请回复「报名 #编号」。`);
}

const list: CommandSpec = {
  name: '活动列表',
  aliases: ['有什么活动'],
  usage: '活动列表 — 看可报名的志愿活动',
  audience: 'anyone',
  accepts: (args) => args === '',
  handle: listOpen,
};

async function activityFromArgs(ctx: MessageContext, args: string, mode: 'join' | 'leave'): Promise<ActivityRow> {
  const id = parseActivityRef(firstToken(args));
  return id === undefined ? activityMeantOrFail(ctx, mode) : loadActivity(ctx, id);
}

const me = (ctx: MessageContext) => ({ personId: ctx.speaker.personId, alias: ctx.speaker.alias });

/** Joins the activity and says how it went, where the speaker asked. */
export async function joinAndReply(ctx: MessageContext, activity: ActivityRow): Promise<void> {
  const tz = ctx.config.timeZone;
  const out = await signUp(ctx, activity.id, me(ctx));
  const name = ctx.speaker.name;
  if (out.status === 'confirmed') {
    await ctx.reply(out.again ? `${name} 已经报名了 #${activityRef(activity.id)}，不用重复报名。` : confirmedText(name, out.activity, out.taken, tz));
  } else {
    await ctx.reply(out.again ? `${name} 已在 #${activityRef(activity.id)} 的候补第 ${out.position} 位。` : waitlistedText(name, out.activity, out.position));
  }
}

export async function leaveAndReply(ctx: MessageContext, activity: ActivityRow): Promise<void> {
  const out = await cancelSignup(ctx, activity.id, me(ctx));
  await ctx.reply(`${ctx.speaker.name} 已取消报名 #${activityRef(activity.id)} ${out.activity.title}${out.was === 'waitlisted' ? '（候补）' : ''}。`);
}

const refOrNothing = (args: string) => args === '' || parseActivityRef(firstToken(args)) !== undefined;

const join: CommandSpec = {
  name: '报名',
  usage: '报名 #A1 — 报名志愿活动（群里只有一个活动时直接说「报名」）',
  audience: 'resident',
  // "报名参加植树" is a sign-up in words: the intake reads it.
  accepts: refOrNothing,
  handle: async (ctx, args) => joinAndReply(ctx, await activityFromArgs(ctx, args, 'join')),
};

const leave: CommandSpec = {
  name: '取消报名',
  usage: '取消报名 #A1 — 取消志愿活动报名',
  audience: 'resident',
  accepts: refOrNothing,
  handle: async (ctx, args) => leaveAndReply(ctx, await activityFromArgs(ctx, args, 'leave')),
};

async function checkInByOrganiser(ctx: MessageContext, args: string): Promise<void> {
  const [refToken, ...names] = splitArgs(args);
  const activityId = parseActivityRef(refToken);
  if (activityId === undefined) throw badInput('活动编号应是一个不超过 9 位的整数，例如「签到 #A1 张三」。');
  const activity = await loadActivity(ctx, activityId);
  if (!mayManage(ctx.speaker, ctx.org, activity)) throw forbidden(`只有活动 #${activityRef(activity.id)} 的组织者可以代为签到。`);
  if (names.length === 0) throw badInput(`请写要签到的名字或微信号，例如「签到 #${activityRef(activity.id)} 张三 lisi」。`);
  assertOrganiserMayCheckIn(activity, ctx.clock.now());
  const among = await signedUpPeople(ctx.db, activity.id);
  const done: string[] = [];
  const again: string[] = [];
  const missing: string[] = [];
  const ambiguous: string[] = [];
  const unverified: string[] = [];
  for (const token of [...new Set(names)]) {
    const found = await findPerson(ctx.db, token, among);
    if (!found.ok) {
      ({ ambiguous, unverified, unknown: missing })[found.why].push(token);
      continue;
    }
    const out = await checkIn(ctx, activity, found.person.id, ctx.speaker.alias);
    (out.first ? done : again).push(found.person.name);
  }
  const ref = `#${activityRef(activity.id)}`;
  const parts = [
    done.length ? `${ref} 已签到：${done.join('、')}${activity.points > 0 ? `（各得 ${activity.points} 分）` : ''}` : `${ref} 没有新签到的人`,
    again.length ? `已签到过：${again.join('、')}` : '',
    missing.length ? `未找到：${missing.join('、')}（请用微信号）` : '',
    ambiguous.length ? `有重名：${ambiguous.join('、')}（请用微信号）` : '',
    unverified.length ? `只有微信昵称、不能据此签到：${unverified.join('、')}（请用微信号）` : '',
  ];
  const answer = parts.filter(Boolean).join('；') + '。';
  // Nobody could be checked in: a refusal, and nothing changed.
  if (done.length + again.length === 0) throw notFound(answer);
  await ctx.reply(answer);
}

/** A volunteer on site with the activity's code checks themself in. */
async function checkInByCode(ctx: MessageContext, code: string, quietIfUnknown: boolean): Promise<void> {
  // Guessing is locked out: 5 wrong codes and even the right one waits 15 minutes. A bare
  // number in a group stays silent either way, so silence never tells a right code from a wrong one.
  try {
    await refuseWhileLocked(ctx, 'checkin');
  } catch (err) {
    if (quietIfUnknown) return;
    throw err;
  }
  const activity = await activityByCode(ctx, code);
  if (!activity) {
    const wrong = await wrongCode(ctx, 'checkin', '签到码不对，或现在不在签到时间（活动开始前 1 小时到结束后 2 小时）。');
    if (quietIfUnknown) return;
    throw wrong;
  }
  await rightCode(ctx, 'checkin');
  const out = await checkIn(ctx, activity, ctx.speaker.personId, ctx.speaker.alias);
  const ref = `#${activityRef(activity.id)}`;
  if (!out.first) return ctx.reply(`${ctx.speaker.name} 已经签到过 ${ref} 了。`);
  await ctx.reply(`${ctx.speaker.name} 签到成功：${ref} ${activity.title}${out.points > 0 ? `，获得 ${out.points} 爱心积分，现有 ${out.balance} 分` : ''}。`);
}

const signIn: CommandSpec = {
  name: '签到',
  usage: '签到 #A1 名字或微信号… — 组织者代为签到；志愿者在现场发「签到 签到码」',
  audience: 'anyone',
  accepts: (args) => STRICT_ACTIVITY_REF.test(firstToken(args)) || CHECKIN_CODE.test(args),
  handle: (ctx, args) => (CHECKIN_CODE.test(args) ? checkInByCode(ctx, args, false) : checkInByOrganiser(ctx, args)),
};

/** Just the code, typed on site: taken only when it is a live code; otherwise silence in a group. */
const bareCode: CommandSpec = {
  name: '签到码',
  aliases: [''],
  usage: '签到码 123456 — 在活动现场直接发签到码也可以签到',
  audience: 'resident',
  accepts: (args) => CHECKIN_CODE.test(args),
  handle: (ctx, args) => checkInByCode(ctx, args, ctx.room !== undefined),
};

const myPoints: CommandSpec = {
  name: '我的积分',
  aliases: ['查积分', '积分查询'],
  usage: '我的积分 — 看爱心积分和最近记录',
  audience: 'resident',
  accepts: (args) => args === '',
  handle: async (ctx) => ctx.reply(await describePoints(ctx.db, ctx.speaker.personId, ctx.speaker.name, ctx.config.timeZone)),
};

const ADJUST_USAGE = '格式：积分调整 微信号 ±分数 原因，例如「积分调整 zhangsan +5 帮忙搬运物资」。';

const adjust: CommandSpec = {
  name: '积分调整',
  usage: '积分调整 微信号 ±N 原因 — 调整爱心积分（须写原因）',
  audience: 'staff',
  deniedMessage: '只有社区工作人员可以调整积分。',
  async handle(ctx, args) {
    const m = /^(\S+)\s+([+-]?\d{1,5})\s+(.+)$/.exec(args);
    if (!m) throw badInput(ADJUST_USAGE);
    const delta = Number(m[2]);
    if (delta === 0) throw badInput('调整的分数不能为 0。' + ADJUST_USAGE);
    const found = await findPerson(ctx.db, m[1], []);
    if (!found.ok) throw notFound(lookupRefusal(m[1], found.why));
    const entry = await appendLedgerEntry(ctx, { personId: found.person.id, delta, kind: 'adjust', reason: `调整：${m[3].trim()}`, actor: ctx.speaker.alias });
    // Named with the key the points went to: the organiser sees whom a name resolved to.
    const key = personKey(found.person);
    await ctx.reply(`已为${found.person.name}${key === m[1] ? '' : `（${key}）`}调整 ${delta > 0 ? '+' : ''}${delta} 分，现有 ${entry!.balance} 分。`);
  },
};

const catalogItem: CommandSpec = {
  name: '商品',
  usage: '商品 名称 所需积分 库存N — 新增或修改兑换商品（「商品 名称 下架」停止兑换）',
  audience: 'staff',
  accepts: (args) => args !== '',
  deniedMessage: '只有社区工作人员可以管理兑换商品。',
  async handle(ctx, args) {
    const off = /^(\S+)\s+下架$/.exec(args);
    if (off) {
      if (!(await withdrawCatalogItem(ctx.db, off[1]))) throw notFound(`没有「${off[1]}」这件商品。`);
      return ctx.reply(`「${off[1]}」已下架。`);
    }
    const m = /^(\S+)\s+(\d{1,6})\s*(?:分|积分)?(?:\s+(?:库存)?\s*(\d{1,6})\s*(?:件|个|份|袋|瓶)?)?$/.exec(args);
    if (!m) throw badInput('格式：商品 名称 所需积分 库存N，例如「商品 大米 100 库存20」。');
    const [, name, costText, stockText] = m;
    const cost = Number(costText);
    if (cost < 1) throw badInput('所需积分至少为 1。');
    const existing = await catalogItemNamed(ctx.db, name);
    if (!existing && stockText === undefined) throw badInput(`新商品请写库存，例如「商品 ${name} ${cost} 库存20」。`);
    const stock = stockText === undefined ? existing!.stock : Number(stockText);
    await putCatalogItem(ctx.db, { name, cost, stock });
    await ctx.reply(`${existing ? '已更新' : '已上架'}：${name}，${cost} 分，库存 ${stock}。`);
  },
};

const catalog: CommandSpec = {
  name: '商品列表',
  aliases: ['兑换列表', '积分商城'],
  usage: '商品列表 — 看可用积分兑换的商品',
  audience: 'anyone',
  accepts: (args) => args === '',
  async handle(ctx) {
    const items = await activeCatalog(ctx.db);
    if (items.length === 0) return ctx.reply('暂时没有可兑换的商品。');
    await ctx.reply(`爱心积分可兑换：\n${items.map((i) => `${i.name} ${i.cost} 分（${i.stock > 0 ? `剩 ${i.stock}` : '已兑完'}）`).join('\n')}\n兑换请发送「兑换 商品名」。`);
  },
};

const redeem: CommandSpec = {
  name: '兑换',
  usage: '兑换 商品名 — 用爱心积分兑换商品，7 天内到社区领取',
  audience: 'resident',
  accepts: (args) => args === '' || /^\S{1,20}$/.test(args),
  async handle(ctx, args) {
    if (!args) throw badInput('请写商品名，例如「兑换 大米」。发送「商品列表」查看可兑换的商品。');
    const { redemption, balance } = await redeemItem(ctx, ctx.speaker.personId, args);
    await ctx.reply(
      `${ctx.speaker.name} 已预留 ${args}（兑换单 #${redemptionRef(redemption.id)}），扣 ${redemption.cost} 分，剩 ${balance} 分。请在 ${formatShort(redemption.expiresAt, ctx.config.timeZone)} 前到社区领取，逾期积分自动退回。`,
    );
  },
};

const issue: CommandSpec = {
  name: '发放',
  usage: '发放 #R1 — 确认兑换商品已交给居民',
  audience: 'staff',
  accepts: (args) => parseRedemptionRef(firstToken(args)) !== undefined,
  deniedMessage: '只有社区工作人员可以确认发放。',
  async handle(ctx, args) {
    const r = await issueRedemption(ctx, parseRedemptionRef(firstToken(args))!, ctx.speaker.alias);
    const full = await redemptionWithParties(ctx.db, r.id);
    await ctx.reply(`兑换单 #${redemptionRef(r.id)} 已发放：${full!.item.name} → ${full!.person.name}。`);
  },
};

const report: CommandSpec = {
  name: '报到',
  usage: '报到 单位名 — 在职党员到社区报到，登记工作单位',
  audience: 'resident',
  accepts: (args) => args !== '',
  handle: registerMember,
};

export const volunteerCommands: CommandSpec[] = [publish, list, join, leave, signIn, bareCode, myPoints, adjust, catalogItem, catalog, redeem, issue, report];
