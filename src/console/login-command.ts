/**
 * `登录` by direct message: a post-holder gets a one-time link to the staff console, or
 * confirms the 6-digit code a browser shows. WeChat itself is the proof of who they are.
 */
import type { CommandSpec } from '../commands/types.js';
import { badInput, DomainError } from '../errors.js';
import { confirmLoginCode, createLoginLink, LINK_TTL_MS } from '../store/console-auth.js';

/** Wrong codes one person may send in a window before they must wait. */
export const MAX_CODE_TRIES = 5;
export const CODE_TRIES_WINDOW_MS = 15 * 60_000;
const tries = new Map<string, number[]>();

function tooManyTries(alias: string, now: number): boolean {
  const recent = (tries.get(alias) ?? []).filter((t) => now - t < CODE_TRIES_WINDOW_MS);
  tries.set(alias, recent);
  return recent.length >= MAX_CODE_TRIES;
}

export const consoleLoginCommand: CommandSpec = {
  name: '登录',
  aliases: ['登陆'],
  usage: '登录 — 获取工作台（网页）的一次性登录链接；或 登录 六位码，确认网页上显示的码',
  audience: 'holder',
  where: 'dm',
  deniedMessage: '工作台只对组织文件里的工作人员开放。',
  accepts: (args) => args === '' || /^\d{6}$/.test(args.replace(/\s+/g, '')),
  async handle(ctx, args) {
    const code = args.replace(/\s+/g, '');
    if (code === '') {
      const token = await createLoginLink(ctx.db, ctx.clock, ctx.speaker.alias);
      const minutes = Math.round(LINK_TTL_MS / 60_000);
      await ctx.reply(`工作台登录链接（${minutes} 分钟内有效，只能用一次，请勿转发）：\n${ctx.config.console.publicUrl}/login/link/${token}`);
      return;
    }
    const now = ctx.clock.now().getTime();
    if (tooManyTries(ctx.speaker.alias, now)) throw new DomainError('forbidden', '验证码错误次数太多，请 15 分钟后再试。');
    if (!(await confirmLoginCode(ctx.db, ctx.clock, code, ctx.speaker.alias))) {
      tries.get(ctx.speaker.alias)!.push(now);
      throw badInput('这个验证码不对或已过期，请刷新网页获取新码。');
    }
    await ctx.reply('已确认，网页将自动登录。如果不是您本人操作，请忽略并告知社区。');
  },
};
