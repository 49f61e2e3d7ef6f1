/**
 * What neighbours must not read in a group: phone numbers in any form and flat numbers
 * (alone, in an address, or after a name). Applied to every message for a group that
 * carries words a resident or a holder wrote.
 */

const MASK = '***';
const CN_DIGITS = '〇零一二三四五六七八九幺两';

/** A run of 7 or more digits, Chinese numerals included, with spaces, dots or dashes between. */
const LONG_NUMBER = new RegExp(`(?:[+＋]\\s*8\\s*6[\\s\\-.]*)?[0-9${CN_DIGITS}](?:[\\s\\-.()（）]*[0-9${CN_DIGITS}]){6,}`, 'g');
/** 3-2-401, 3－2－401, 3#2-401. */
const DASHED_ADDRESS = /\d{1,3}\s*[-－—#]\s*\d{1,2}\s*[-－—]\s*\d{2,4}/g;
/** 3栋2单元401, 3号楼2单元401室, 3幢401: the building and unit stay, the door goes. */
const DOOR_AFTER_PLACE = /((?:栋|幢|号楼|楼|单元|座)\s*)(\d{2,4})(\s*(?:室|号|户|房)?)/g;
/** 401室, 302号, 1202户, 502房 — and 502和503 两家. */
const DOOR_WORD = /(?<![\d#＃.])\d{3,4}\s*(?:室|号房|号|户|房|家|的)/g;
/** A bare 3–4 digit number standing alone: a door number unless a unit says otherwise. */
const BARE_DOOR = /(?<![\d#＃.:：/年月])\d{3,4}(?![\d.:：%％]|\s*(?:元|块|年|月|日|号线|路|米|平|分钟|分|秒|小时|天|人|个|次|斤|公斤|克|度|点|条|张|位|户居民|栋|幢|号楼|单元|万|千|百))/g;
/** 三零二室, 五零二号 — a door in Chinese numerals. */
const CN_DOOR = new RegExp(`[${CN_DIGITS}]{3,4}\\s*(?:室|号|户)`, 'g');

/** Removes phone numbers and flat numbers; keeps building and unit, which the group may know. */
export function redactForGroup(text: string): string {
  // Full-width digits and signs become plain ones first, so ０１３９ is read as digits
  // (the rest of the text, Chinese punctuation included, stays as written).
  let out = halfWidthDigits(text);
  out = out.replace(LONG_NUMBER, (m) => (m.replace(/\D/g, '').length + [...m].filter((c) => CN_DIGITS.includes(c)).length >= 7 ? MASK : m));
  out = out.replace(DASHED_ADDRESS, MASK);
  out = out.replace(DOOR_AFTER_PLACE, (_m, before: string) => `${before}${MASK}`);
  out = out.replace(CN_DOOR, MASK);
  out = out.replace(DOOR_WORD, MASK);
  out = out.replace(BARE_DOOR, MASK);
  return out;
}

/** True when the text still holds something redaction would remove (for tests and checks). */
export function holdsPrivateDetail(text: string): boolean {
  return redactForGroup(text) !== halfWidthDigits(text);
}

function halfWidthDigits(text: string): string {
  return text.replace(/[０-９＋－＃]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
