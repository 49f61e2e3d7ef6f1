import { badInput } from '../errors.js';

/** Longest free text a holder or resident may attach (说明, 原因, 备注, 评价的话). */
export const MAX_NOTE = 500;

/**
 * `#3 灯已换好`, `#3灯已换好`, `3 灯已换好` → { id: 3, rest: '灯已换好' }. Refuses, with the
 * command's own example, a message without a ticket number.
 */
export function parseTicketArgs(args: string, example: string): { id: number; rest: string } {
  const m = /^#?\s*(\d+)(.*)$/s.exec(args.trim());
  if (!m) throw badInput(`请写工单编号，例如「${example}」。`);
  // `1e9`, `1.5`, `1,000` or a 12-digit number is no ticket number: refused, not read as #1.
  if (m[1].length > MAX_ID_DIGITS || /^[.,，eE]\s*\d|^[xX\d]/.test(m[2])) throw badInput(`工单编号应是一个整数，例如「${example}」。`);
  return { id: Number(m[1]), rest: m[2].trim() };
}

/**
 * `金沙#12`, `金沙社区 #12 …` → { community: '金沙', id: 12, rest } (see county-ref.ts); a
 * plain number as parseTicketArgs reads it has no community.
 */
export function parseTicketRef(args: string, example: string): { community?: string; id: number; rest: string } {
  const m = /^([^\s#\d][^\s#]{0,11}?)\s*#(.*)$/s.exec(args.trim());
  if (!m) return parseTicketArgs(args, example);
  return { community: m[1], ...parseTicketArgs(`#${m[2]}`, example) };
}

/** A ticket number, or a community's name and a ticket number (`金沙#12`). */
export const TICKET_REF = /^(?:[^\s#\d][^\s#]{0,11}?\s*#|#)?\s*\d/;

/** Ids are at most this many digits: anything longer is a mistake or an attack. */
export const MAX_ID_DIGITS = 9;

/** The free text after the number: required where the command needs it, never too long. */
export function requireText(rest: string, what: string, example: string): string {
  if (rest === '') throw badInput(`请写上${what}，例如「${example}」。`);
  if (rest.length > MAX_NOTE) throw badInput(`${what}太长了，请控制在 ${MAX_NOTE} 字以内。`);
  return rest;
}

const CHINESE_SCORE: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/** A rating said in words, as older residents often do: the strongest phrase first. */
const WORDED_SCORES: [RegExp, number][] = [
  [/(很|非常|特别|太)不满意|很差|太差/, 1],
  [/不满意|不太满意|不行|没修好/, 2],
  [/一般|还行|马马虎虎/, 3],
  [/(很|非常|特别|十分)满意|好评/, 5],
  [/满意/, 4],
];

/**
 * `5`, `5分`, `5 很好`, `2星 没修好`, `五星 谢谢`, `四分`, `很满意` → { score, comment }.
 */
export function parseRating(rest: string, id: number): { score: number; comment: string } {
  const text = rest.trim();
  const refuse = () => badInput(`请打 1 到 5 的整数分，例如「评价 #${id} 5 很满意」。`);
  let score = NaN;
  let comment = text;
  const digits = /^([0-9]+)\s*(?:分|颗星|星)?\s*(.*)$/s.exec(text);
  const chinese = /^([一二两三四五])\s*(?:分|颗星|星)(?:好评)?\s*(.*)$/s.exec(text);
  if (digits) {
    // `4.5` is not 4 with the comment `.5`: only whole points.
    if (/^[.,，。]\s*\d/.test(digits[2])) throw refuse();
    score = Number(digits[1]);
    comment = digits[2].trim();
  } else if (chinese) {
    score = CHINESE_SCORE[chinese[1]]!;
    comment = chinese[2].trim();
  } else {
    score = WORDED_SCORES.find(([words]) => words.test(text))?.[1] ?? NaN;
  }
  if (!Number.isInteger(score) || score < 1 || score > 5) throw refuse();
  if (comment.length > MAX_NOTE) throw badInput(`评价的话太长了，请控制在 ${MAX_NOTE} 字以内。`);
  return { score, comment };
}
