/** The notice commands as the command table sees them (docs/interfaces.md §4). */
import type { CommandSpec } from '../commands/types.js';
import { broadcast, confirmBroadcast, dropBroadcast } from './broadcast.js';
import { cancelNotice } from './cancel-notice.js';
import { listNotices } from './list-notices.js';
import { scheduleNotice } from './schedule-notice.js';
import { mayUseNotices } from './scope.js';

const DENIED = '只有社区工作人员，以及本网格的党支部书记和宣传员可以发通知。';

const forNoticeSenders = { audience: 'staff', where: 'any', allowed: mayUseNotices, deniedMessage: DENIED } as const;

export const noticeCommands: CommandSpec[] = [
  {
    name: '通知',
    // 帮助 shows the text up to the first ，。；: the month-end and quiet-hours rules go there.
    usage:
      '通知 范围 时间 内容 — 定时通知（每月29–31日遇小月改在月末最后一天发、22:00–07:00 顺延到 07:00）；' +
      '如「通知 全社区 每周五 9:00 周末大扫除」。范围：全社区、网格名、网格名 N栋、群名；' +
      '时间：2026-03-05 09:00、3月5日 9:00、今天/明天 9点、每天 8:00、每周一…每周日 9:00、每月1日 9:00',
    ...forNoticeSenders,
    handle: (ctx, args) => scheduleNotice(ctx, args, '通知', false),
  },
  {
    name: '紧急通知',
    usage: '紧急通知 范围 时间 内容 — 同「通知」，夜间也立即发',
    ...forNoticeSenders,
    handle: (ctx, args) => scheduleNotice(ctx, args, '紧急通知', true),
  },
  {
    name: '群发',
    usage: '群发 范围 内容 — 立即发送；发到多个网格时需回复「确认」',
    ...forNoticeSenders,
    handle: (ctx, args) => broadcast(ctx, args),
  },
  {
    name: '通知列表',
    aliases: ['查看通知'],
    usage: '通知列表 — 查看定时通知、下次时间和发送进度',
    ...forNoticeSenders,
    handle: (ctx) => listNotices(ctx),
  },
  {
    name: '取消通知',
    aliases: ['撤销通知', '删除通知'],
    usage: '取消通知 #N1 — 取消一条通知',
    ...forNoticeSenders,
    handle: (ctx, args) => cancelNotice(ctx, args),
  },
  {
    // Anyone may say 确认/取消 (residents do, as chat): the handler stays silent for
    // people who cannot send notices. One spec for both words keeps 帮助 to one line.
    name: '确认',
    aliases: ['取消'],
    usage: '确认 / 取消 — 发送或放弃待确认的群发',
    audience: 'anyone',
    where: 'any',
    accepts: (args) => args === '',
    handle: (ctx) => (ctx.text.startsWith('取消') ? dropBroadcast(ctx) : confirmBroadcast(ctx)),
  },
];
