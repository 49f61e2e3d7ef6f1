/** Punctuation of Chinese prose that NFKC would turn into ASCII: kept as typed. */
const PROSE_PUNCTUATION = /([，？！；：（）])/;

/**
 * Normalises what a person typed: NFKC turns ＃, full-width digits and letters into plain
 * ones, but the prose punctuation (，？！；：（）) stays as typed — notices, tickets and
 * notes are shown to residents in the words they were written in; a full-width colon
 * between digits (9：00) becomes a plain one for times. The @bot mention (with WeChat's
 * \u2005 or a space) is removed; spaces are folded.
 */
export function normalizeText(text: string, botName?: string): { text: string; mentioned: boolean } {
  let t = text
    .replace(/([0-9０-９])\s*：\s*([0-9０-９])/g, '$1:$2')
    .split(PROSE_PUNCTUATION)
    .map((part, i) => (i % 2 ? part : part.normalize('NFKC')))
    .join('')
    .replace(/[\u2005\u2006\u200b\u3000\u00a0]/g, ' ');
  let mentioned = false;
  if (botName) {
    const mention = new RegExp(`@${escapeRegExp(botName.normalize('NFKC'))}\\s*`, 'g');
    if (mention.test(t)) {
      mentioned = true;
      t = t.replace(mention, ' ');
    }
  }
  t = t.replace(/\s+/g, ' ').trim();
  return { text: t, mentioned };
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `#12`, `# 12`, `12` → 12. */
export function parseTicketRef(token: string | undefined): number | undefined {
  if (!token) return undefined;
  const m = /^#?\s*(\d{1,9})$/.exec(token.trim());
  return m ? Number(m[1]) : undefined;
}

/** Splits arguments on spaces and Chinese/ASCII commas. */
export function splitArgs(args: string): string[] {
  return args
    .split(/[\s,，、]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
