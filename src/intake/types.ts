export type Intent = 'report' | 'query' | 'signup' | 'chat';
export type Category =
  | 'facility'
  | 'sanitation'
  | 'security'
  | 'dispute'
  | 'property'
  | 'utilities'
  | 'assistance'
  | 'service'
  | 'other';
export type Urgency = 'urgent' | 'normal';

export const INTENTS: readonly Intent[] = Object.freeze(['report', 'query', 'signup', 'chat'] as const);
export const CATEGORIES: readonly Category[] = Object.freeze([
  'facility',
  'sanitation',
  'security',
  'dispute',
  'property',
  'utilities',
  'assistance',
  'service',
  'other',
] as const);
export const URGENCIES: readonly Urgency[] = Object.freeze(['urgent', 'normal'] as const);

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
