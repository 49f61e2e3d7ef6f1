/** What the bot says about photos, voice notes, locations and quotes: short, in Chinese. */
import { MEDIA_LABELS } from '../chat/media.js';
import type { ChatMessage } from '../chat/port.js';

/** Quoted text kept with a message: enough to recognise it, never a whole essay. */
export function clipQuote(text: string): string {
  return text.length > 500 ? text.slice(0, 500) : text;
}

/** A shared location as stored: `[位置] name address`. */
export function locationText(location: { name: string; address: string }): string {
  return `[位置] ${location.name} ${location.address}`.trim().slice(0, 300);
}

/** Reads back what `locationText` stored. */
export function storedLocation(text: string): string {
  return text.replace(/^\[位置\]\s*/, '');
}

export function tooLargeText(message: ChatMessage, maxBytes: number): string {
  const what = message.media ? MEDIA_LABELS[message.media.kind] : '文件';
  const mb = Math.max(1, Math.round(maxBytes / (1024 * 1024)));
  const who = message.room ? `@${message.sender.name} ` : '';
  return `${who}${what}太大了（超过 ${mb}MB），没有保存。请压缩后再发，或直接打字说明情况。`;
}

export const photoForHolder = (ticketId: number, kind: string) => `工单 #${ticketId} 居民发来的${kind}：`;

export const proofForResident = (ticketId: number) => `您的工单 #${ticketId} 办理人发来了办结照片：`;

export const proofThanks = (ticketId: number) => `已把照片作为工单 #${ticketId} 的办结凭证发给居民。`;

/** The answer to a voice note when nobody can listen to it. */
export function voiceHint(who: string, phone: string | undefined): string {
  const call = phone ? `，或拨打网格电话 ${phone}` : '，或在群里@网格员';
  return `${who}抱歉，我听不了语音。请打字说一下什么事、在哪栋楼（例如「3栋楼道灯坏了」）${call}。`;
}

export const askBuilding = (who: string) => `${who}收到位置。请问是哪一栋楼？回复「3栋」这样即可。`;

export const TRANSCRIBED = '（语音转写）';
