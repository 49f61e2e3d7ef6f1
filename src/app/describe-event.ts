import type { BotEvent } from '../events.js';

/** One short Chinese line for the log, so a person at the terminal can follow the bot. */
export function describeEvent(e: BotEvent): string {
  switch (e.kind) {
    case 'say':
      return `已发送到 ${e.room ?? e.to ?? '?'}`;
    case 'ticket':
      return `工单 #${e.id} ${e.status}（${e.category}，${e.tier}）`;
    case 'notice':
      return `通知 ${e.id} 已发到 ${e.room}`;
    case 'signup':
      return `活动 ${e.activity} 报名 ${e.status}`;
    case 'points':
      return `积分 ${e.delta > 0 ? '+' : ''}${e.delta}，余额 ${e.balance}（${e.reason}）`;
    case 'refused':
      return `未执行 ${e.command}：${e.reason}`;
  }
}
