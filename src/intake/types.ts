export type { Intent, Category, Urgency } from '../kernel/domain.js';
export { INTENTS, CATEGORIES, URGENCIES } from '../kernel/domain.js';

export type { Place, Intake } from '../kernel/domain.js';

/** Confidence under which the bot treats an intent decision as unsure. */
export const UNSURE_BELOW = 0.6;
