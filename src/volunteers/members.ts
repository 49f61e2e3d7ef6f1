import type { MessageContext } from '../kernel/context.js';
import { badInput } from '../errors.js';
import { setEmployer } from '../store/identity.js';

const MAX_UNIT = 40;

/** `报到 单位名`: an in-service party member (在职党员) registers with their employer. */
export async function registerMember(ctx: MessageContext, args: string): Promise<void> {
  const unit = args.trim();
  if (!unit || unit.length > MAX_UNIT || /\s/.test(unit)) throw badInput('请写工作单位全称，例如「报到 红安县财政局」。');
  const before = await setEmployer(ctx.db, ctx.speaker.personId, unit, ctx.clock.now());
  const moved = before && before !== unit ? `（原单位：${before}）` : '';
  await ctx.reply(`${ctx.speaker.name}，已登记为在职党员，工作单位：${unit}${moved}。参加志愿活动签到后，服务时长会计入报送单位的考评表。`);
}
