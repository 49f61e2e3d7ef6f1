let lastIn: string | null = null;
let lastOut = '';

/**
 * One normal form for every matcher: NFKC turns full-width digits, letters, `＃` and
 * `＋` into plain ones and the WeChat mention space (U+2005) into a plain space; latin
 * letters are lower-cased (buildings are upper-cased again on output); dashes of every
 * kind become `-` so that `3—2—401` reads like `3-2-401`.
 */
export function normalizeText(text: string): string {
  // The rules and the learned component normalise the same message in turn: the last
  // answer is kept.
  if (text === lastIn) return lastOut;
  const t = normalizeAnew(text);
  lastIn = text;
  lastOut = t;
  return t;
}

function normalizeAnew(text: string): string {
  let t = text.normalize('NFKC').toLowerCase();
  t = t.replace(/[\u2010-\u2015\u2212\ufe58\ufe63\u30fc]/g, '-');
  // A mention ends with a space in WeChat; one without a space is left alone rather
  // than swallowing the message.
  t = t.replace(/@[^\s@]{1,16}(?:\s+|$)/g, ' ');
  return t;
}

/** Letters, digits and CJK only: what remains of a message once punctuation, spaces and emoji go. */
export function coreOf(normalized: string): string {
  return normalized.replace(/[^\p{L}\p{N}]+/gu, '');
}
