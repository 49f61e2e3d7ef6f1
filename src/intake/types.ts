import type { Category, Intent, Urgency } from '../kernel/domain.js';
export type { Intent, Category, Urgency } from '../kernel/domain.js';
export { INTENTS, CATEGORIES, URGENCIES } from '../kernel/domain.js';

export interface Place {
  building: string | null;
  unit: string | null;
  room: string | null;
}

export interface Intake extends Place {
  intent: Intent;
  category: Category | null;
  urgency: Urgency | null;
  /** 0..1, how sure the intent decision is. */
  confidence: number;
  /** Who decided: the rules alone, the learned component beside them, or the language model. */
  source: 'rules' | 'learned' | 'model';
}

/** Confidence under which the bot treats an intent decision as unsure. */
export const UNSURE_BELOW = 0.6;
