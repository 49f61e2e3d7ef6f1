/**
 * Answers "楼栋长是谁", "物业电话", "网格员" in the group or a direct chat, and the
 * commands 谁是… and 通讯录. The place is the building named in the text, else the
 * speaker's registered address, else the group's grid and building, else (for a
 * post-holder) the grid they serve.
 */
import type { MessageContext } from '../kernel/context.js';
import type { CommandSpec } from '../commands/types.js';
import { badInput } from '../errors.js';
import { extractPlace, type Intake } from '../intake/index.js';
import { ROLE_LABELS } from '../org/types.js';
import { residentHome } from '../store/residents.js';
import { parseDirectoryQuestion, type AskedPost } from './ask.js';
import { ADDRESS_BOOK, whoHolds, type Entry, type Place } from './lookup.js';

export async function placeOf(ctx: MessageContext, named: string | null): Promise<Place> {
  const person = await residentHome(ctx.db, ctx.speaker.personId);
  const registered = person?.gridName ?? undefined;
  const served = ctx.speaker.posts.find((p) => p.grid);
  const grid = ctx.room?.grid ?? registered ?? served?.grid ?? null;
  const building =
    (named && ctx.org.building(grid, named) ? named : null) ??
    ctx.room?.building ??
    (registered && registered === grid ? person?.building : null) ??
    (served?.grid === grid ? served?.building : null) ??
    null;
  return { grid, building };
}

function line(e: Entry, wantsPhone: boolean): string {
  const phone = e.phone ? ` 电话 ${e.phone}` : wantsPhone ? '（电话未公开，可在群里@他或私聊我反映）' : '';
  return `${e.label}：${e.name}${phone}`;
}

/** The answer in words, or a hint for what is missing. */
export function describeHolders(ctx: MessageContext, posts: AskedPost[], place: Place, wantsPhone: boolean): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const post of posts) {
    const found = whoHolds(ctx.org, post, place);
    if (found === 'grid') return '请先登记住址，例如发送「登记 3-2-401」，我就知道您是哪个小区的了。';
    if (found === 'building') {
      lines.push(`请说明是哪一栋，例如「3栋的楼栋长是谁」，或发送「登记 3-2-401」登记住址。`);
      continue;
    }
    if (found.length === 0) {
      lines.push(`${place.building && ['building_leader', 'group_leader', 'household'].includes(post) ? `${place.building}栋` : ''}暂无${POST_WORDS[post]}。`);
      continue;
    }
    for (const e of found) {
      const text = line(e, wantsPhone);
      if (!seen.has(text)) lines.push(text);
      seen.add(text);
    }
  }
  const where = place.grid ? `${place.grid}` : ctx.org.communityName;
  return `${where}：\n${lines.join('\n')}`;
}

/** How an answer names a post: the organisation's label (org/types.ts), and the words only questions use. */
const POST_WORDS: Record<AskedPost, string> = {
  building_leader: ROLE_LABELS.building_leader,
  group_leader: ROLE_LABELS.group_leader,
  household: ROLE_LABELS.household,
  branch_secretary: ROLE_LABELS.branch_secretary,
  grid_team: '网格工作人员',
  sanitation: ROLE_LABELS.sanitation,
  publicity: ROLE_LABELS.publicity,
  culture: ROLE_LABELS.culture,
  mediator: ROLE_LABELS.mediator,
  property: ROLE_LABELS.property_contact,
  owners_committee: `${ROLE_LABELS.owners_committee}联系人`,
  committee_secretary: ROLE_LABELS.committee_secretary,
  staff: ROLE_LABELS.staff,
};

/** The query answerer: true when it answered. */
export async function answerDirectoryQuery(ctx: MessageContext, intake: Intake): Promise<boolean> {
  const q = parseDirectoryQuestion(ctx.text);
  if (!q) return false;
  const place = await placeOf(ctx, intake.building ?? extractPlace(ctx.text).building);
  await ctx.reply(describeHolders(ctx, q.posts, place, q.wantsPhone));
  return true;
}

const whoIs: CommandSpec = {
  name: '谁是',
  aliases: ['找谁'],
  usage: '谁是 楼栋长 — 查本楼、本小区的负责人',
  audience: 'anyone',
  accepts: (args) => parseDirectoryQuestion(`谁是${args}`) !== undefined,
  async handle(ctx, args) {
    const q = parseDirectoryQuestion(`谁是${args}`);
    if (!q) throw badInput('请说明要找的岗位，例如「谁是楼栋长」「谁是网格员」「物业电话」。');
    const place = await placeOf(ctx, extractPlace(args).building);
    await ctx.reply(describeHolders(ctx, q.posts, place, q.wantsPhone));
  },
};

const addressBook: CommandSpec = {
  name: '通讯录',
  aliases: ['联系人'],
  usage: '通讯录 — 本楼楼栋长、小区网格员和物业',
  audience: 'anyone',
  accepts: (args) => args === '',
  async handle(ctx) {
    const place = await placeOf(ctx, null);
    const posts = place.building ? ADDRESS_BOOK : ADDRESS_BOOK.filter((p) => p !== 'building_leader' && p !== 'group_leader');
    await ctx.reply(describeHolders(ctx, posts, place, false));
  },
};

/** What may follow a bare post word for it to be a question: 网格员, 物业电话, 楼栋长是谁呀. */
const BARE_QUESTION = /^的?(是谁|是哪位|是哪个|叫什么名字?|电话|联系方式|手机|号码|怎么联系|找谁)?(是多少|多少)?(啊|呀|呢|吗)?[？?。！!\s]*$/;

/**
 * A message that starts with a post word and asks nothing else ("网格员", "物业电话"):
 * short enough that the classifier may take it for chat, so it is matched as a command.
 */
const askedByPostWord: CommandSpec = {
  name: '楼栋长',
  aliases: ['栋长', '楼长', '党小组长', '网格员', '网格长', '书记', '支部书记', '社区书记', '物业', '物业公司', '业委会', '卫生员', '宣传员', '文体员', '调解员', '中心户', '党员中心户'],
  usage: '楼栋长 / 网格员 / 物业电话 — 直接问负责人',
  audience: 'anyone',
  accepts: (args) => BARE_QUESTION.test(args),
  async handle(ctx) {
    const q = parseDirectoryQuestion(ctx.text);
    if (!q) throw badInput('请说明要找的岗位，例如「楼栋长是谁」「物业电话」。');
    const place = await placeOf(ctx, extractPlace(ctx.text).building);
    await ctx.reply(describeHolders(ctx, q.posts, place, q.wantsPhone));
  },
};

export const directoryCommands: CommandSpec[] = [whoIs, addressBook, askedByPostWord];
