import { canonicalize } from './canon.js';
import { intentLexicon as L } from './lexicon.js';
import { normalizeText } from './normalize.js';

/**
 * Whether a message asks how far an earlier report has got (前天说的那个路灯弄好了没,
 * 上回反映的事有下文没, 那事到底还管不管), with or without a ticket number: the same
 * reference-and-question shapes the rules read as a progress `query`.
 */
export function isProgressQuestion(text: string): boolean {
  const t = canonicalize(normalizeText(text));
  return L.progressRef.test(t) && L.progressAsk.test(t);
}
