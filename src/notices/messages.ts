/** What the notices feature says, in one place. */
import { formatShort } from '../time.js';
import { TIME_FORMS_HINT } from './parse-time.js';
import { noticeRef } from './notice-row.js';
import type { SendLimits } from '../config.js';
import { broadcastDuration, broadcastPerMinute } from '../chat/send-limits.js';

export const CONFIRM_MINUTES = 10;

export function noticeText(content: string, urgent: boolean): string {
  return `${urgent ? '【紧急通知】' : '【通知】'}${content}`;
}

export function usageExample(word: string, grid: string): string {
  return word === '群发' ? `例如「群发 ${grid} 明早8点停水，请提前储水」。` : `例如「${word} ${grid} 每周五 9:00 周末大扫除」。`;
}

export function badScope(word: string, grid: string): string {
  return `请先写范围：全社区、网格名（如 ${grid}）、「${grid} 3栋」或群名。${usageExample(word, grid)}`;
}

export function badTime(reason: string, word: string, grid: string): string {
  return `${reason}${reason.includes(TIME_FORMS_HINT) ? '' : TIME_FORMS_HINT + '。'}${usageExample(word, grid)}`;
}

export const noContent = (word: string, grid: string) => `请写通知内容。${usageExample(word, grid)}`;

export function skippedReport(id: number, dues: Date[], next: Date | null, graceMinutes: number, timeZone: string): string {
  const when = dues.length === 1 ? formatShort(dues[0], timeZone) : `${formatShort(dues[0], timeZone)} 等 ${dues.length} 次`;
  const then = next ? `下次 ${formatShort(next, timeZone)}。` : '此通知已结束。';
  return `通知 #${noticeRef(id)} 错过了 ${when} 的发送（超过 ${graceMinutes} 分钟未能发出，可能是机器人停机），为免打扰未补发。${then}`;
}

/** For a post to more groups than go out in a minute: how long it takes (empty otherwise). */
export function largeBroadcastNote(rooms: number, limits: SendLimits): string {
  return rooms > broadcastPerMinute(limits) ? `（${broadcastDuration(rooms, limits)}）` : '';
}
