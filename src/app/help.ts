import { mayUse, type CommandSpec } from '../commands/types.js';
import { ROLE_LABELS, type PostHolding } from '../org/types.js';
import type { OrgDirectory } from '../org/directory.js';
import type { Speaker } from '../kernel/context.js';

/** Where a command shows in 帮助 when its audience does not already say (holder, staff). */
const SECTIONS: [string, string[]][] = [
  ['报事与工单', ['查询', '我的工单', '评价', '撤销', '登记']],
  ['找人', ['谁是', '通讯录', '楼栋长']],
  ['志愿服务与积分', ['活动列表', '报名', '取消报名', '签到码', '我的积分', '商品列表', '兑换', '报到']],
];
const HOLDER_SECTION = '办理工单（私聊我发送）';
const STAFF_SECTION = '社区管理';
const OTHER_SECTION = '其他';
/** Commands a resident has no use for: binding a post, confirming a broadcast, checking others in. */
const NOT_FOR_RESIDENTS = new Set(['绑定', '确认', '签到', '帮助']);

function sectionOf(c: CommandSpec): string {
  if (c.audience === 'staff') return STAFF_SECTION;
  if (c.audience === 'holder') return HOLDER_SECTION;
  return SECTIONS.find(([, names]) => names.includes(c.name))?.[0] ?? OTHER_SECTION;
}

/** "通知 范围 时间 内容 — 定时通知": the syntax and the first clause of what it does. */
export function shortUsage(usage: string): string {
  const [syntax, what = ''] = usage.split(' — ');
  const gist = what.split(/[，。；]/)[0];
  return gist ? `${syntax} — ${gist}` : syntax;
}

function whereLabel(p: PostHolding): string {
  return `${p.grid ?? ''}${p.building ? `${p.building}栋` : ''}${p.orgUnit && p.role === 'unit_contact' ? p.orgUnit : ''}`;
}

/** "楼栋长（丽水鑫城1栋）、党小组长（…）", or 居民. */
export function roleLine(s: Speaker): string {
  if (s.posts.length === 0) return '居民';
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const p of s.posts) {
    const where = whereLabel(p);
    const text = `${ROLE_LABELS[p.role]}${where ? `（${where}）` : ''}`;
    if (!seen.has(text)) parts.push(text);
    seen.add(text);
  }
  return parts.join('、');
}

/** What this person may do, grouped, shortest first for residents. */
export function helpText(s: Speaker, org: OrgDirectory, specs: CommandSpec[], digestTime: string): string {
  const visible = specs.filter((c) => mayUse(c, s, org) && !(NOT_FOR_RESIDENTS.has(c.name) && !s.isHolder) && c.name !== '帮助');
  const order = [...SECTIONS.map(([name]) => name), HOLDER_SECTION, STAFF_SECTION, OTHER_SECTION];
  const bySection = new Map<string, string[]>();
  for (const c of visible) {
    const section = sectionOf(c);
    bySection.set(section, [...(bySection.get(section) ?? []), `· ${shortUsage(c.usage)}`]);
  }
  const lines = [`您好${s.name ? `，${s.name}` : ''}（${roleLine(s)}），可以这样用：`];
  if (!s.isStaff) lines.push('遇到问题直接在群里说，例如「3栋2单元楼道灯坏了」；问「楼栋长是谁」「物业电话」我也能答。');
  for (const name of order) {
    const items = bySection.get(name);
    if (items?.length) lines.push(`【${name}】`, ...items);
  }
  const led = [...new Set(s.posts.filter((p) => p.role === 'branch_secretary' && p.grid).map((p) => p.grid!))];
  if (led.length) lines.push(`您可办理${led.join('、')}的所有工单，每天 ${digestTime} 收到本网格工单简报。`);
  if (s.isStaff) lines.push(`每天 ${digestTime} 工作群收到全社区工单简报；周报用 npm run report 生成。`);
  return lines.join('\n');
}

/** 帮助: what this person may do here, by their role, from the command table it is given. */
export const makeHelpCommand = (commands: () => CommandSpec[]): CommandSpec => ({
  name: '帮助',
  aliases: ['help', '菜单', '功能', '怎么用'],
  usage: '帮助 — 查看可用命令',
  audience: 'anyone',
  accepts: (args) => args === '',
  async handle(ctx) {
    await ctx.reply(helpText(ctx.speaker, ctx.org, commands(), ctx.config.digestTime));
  },
});
