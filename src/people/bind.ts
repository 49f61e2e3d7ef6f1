import { randomInt } from 'node:crypto';
import type { CommandSpec } from '../commands/types.js';
import { badInput, conflict, notFound } from '../errors.js';
import { refuseWhileLocked, rightCode, wrongCode } from '../abuse/codes.js';
import { ROLE_LABELS } from '../org/types.js';
import { bindCodeByCode, bindContactToPerson, ensureRemarkKey, issueBindCode, markBindCodeUsed, personById, personByWechatIdOnly } from '../store/identity.js';

/** How long a binding code handed out by staff stays valid. */
export const BIND_CODE_TTL_MS = 24 * 3600_000;

/**
 * 绑定码 微信号或姓名: staff hand a post-holder a one-time code when the bot cannot
 * recognise them by WeChat alias (an alias missing or different in the org file).
 */
const issueCode: CommandSpec = {
  name: '绑定码',
  usage: '绑定码 微信号或姓名 — 为岗位人员生成一次性绑定码',
  audience: 'staff',
  deniedMessage: '只有社区工作人员可以生成绑定码。',
  async handle(ctx, args) {
    const key = args.trim();
    if (!key) throw badInput('请写上要绑定的人，例如「绑定码 jiangtianrong」或「绑定码 江天荣」。');
    const aliases = ctx.org.person(key) ? [key] : ctx.org.aliasesNamed(key);
    if (aliases.length === 0) throw notFound(`组织文件里没有「${key}」。`);
    if (aliases.length > 1) throw badInput(`有 ${aliases.length} 位叫「${key}」的人，请改用微信号。`);
    const person = await personByWechatIdOnly(ctx.db, aliases[0]);
    if (!person) throw notFound(`「${key}」还没有导入，请先导入组织文件。`);
    const code = String(randomInt(100000, 1000000));
    await issueBindCode(ctx.db, code, person.id, ctx.clock.now());
    const posts = ctx.org.postsOf(aliases[0]).map((p) => ROLE_LABELS[p.role]).join('、');
    await ctx.tell(ctx.speaker.alias, `${person.name}（${posts}）的绑定码：${code}，24 小时内有效。请让本人私聊我发送「绑定 ${code}」。`);
    if (ctx.room) await ctx.reply('绑定码已私信发给您。');
  },
};

/** 绑定 123456: the holder's current WeChat contact becomes their post of the org file. */
const bind: CommandSpec = {
  name: '绑定',
  usage: '绑定 绑定码 — 把自己的微信与岗位对应（向社区工作人员索取绑定码）',
  audience: 'anyone',
  where: 'dm',
  accepts: (args) => /^\d{6}$/.test(args.trim()),
  async handle(ctx, args) {
    const now = ctx.clock.now();
    // Guessing is locked out: 5 wrong codes and even the right one waits 15 minutes.
    await refuseWhileLocked(ctx, 'bind');
    const row = await bindCodeByCode(ctx.db, args.trim());
    if (!row || row.usedAt || now.getTime() - row.createdAt.getTime() > BIND_CODE_TTL_MS) {
      throw await wrongCode(ctx, 'bind', '绑定码不对或已过期，请向社区工作人员重新索取。');
    }
    await rightCode(ctx, 'bind');
    const target = await personById(ctx.db, row.personId);
    if (!target) throw notFound('这个绑定码对应的人已不在组织文件中。');
    if (target.id === ctx.speaker.personId) throw conflict('您已经绑定过了。');
    const me = await personById(ctx.db, ctx.speaker.personId);
    if (!me) throw notFound('请稍后再试。');
    // This contact is the post-holder from now on; their own WeChat id (if any) keeps
    // pointing at the post, and a remark the bot writes on the contact survives logins.
    await bindContactToPerson(ctx.db, me, target);
    if (!me.alias || me.fromOrg) ctx.rememberContact(await ensureRemarkKey(ctx.db, target.id));
    await markBindCodeUsed(ctx.db, row.code, now);
    const posts = ctx.org.postsOf(target.alias).map((p) => ROLE_LABELS[p.role]).join('、');
    await ctx.reply(`绑定成功：您是${target.name}（${posts}）。发送「帮助」查看可用命令。`);
  },
};

export const bindingCommands: CommandSpec[] = [issueCode, bind];

/** Added to a refusal when someone who is not recognised as a post-holder uses a holder's command. */
export const BIND_HINT = '如果您是网格工作人员但我没认出您，请向社区工作人员索取绑定码，然后私聊我发送「绑定 绑定码」。';
