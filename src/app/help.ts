import type { CommandSpec } from '../commands/types.js';

/** 帮助: what this person may do here, by their role. */
export const helpCommand: CommandSpec = {
  name: '帮助',
  aliases: ['help', '菜单', '功能'],
  usage: '帮助 — 查看可用命令',
  audience: 'anyone',
  accepts: (args) => args === '',
  async handle(ctx) {
    // Imported lazily: the table imports this command.
    const { commandSpecs } = await import('./features.js');
    const s = ctx.speaker;
    const visible = commandSpecs.filter((c) => {
      if (c.audience === 'staff') return s.isStaff || (c.allowed?.(s, ctx.org) ?? false);
      if (c.audience === 'holder') return s.isHolder;
      if (c.audience === 'resident') return true;
      return c.name !== '帮助';
    });
    const role = s.isStaff ? '社区工作人员' : s.isHolder ? '网格工作人员' : '居民';
    const lines = visible.map((c) => `· ${c.usage}`);
    const intro = s.isHolder ? '' : '\n直接在群里说出问题即可报事，例如「3栋2单元楼道灯坏了」。';
    await ctx.reply(`您好${s.name ? '，' + s.name : ''}（${role}），可以这样用：\n${lines.join('\n')}${intro}`);
  },
};
