import type { Intake } from './domain.js';

/** What the classifier is told besides the words. */
export interface IntakeContext {
  roomKey?: string;
  /** Buildings the grid has; a model-named building not in it is dropped. */
  knownBuildings?: string[];
}

/** Reads a resident's words (src/intake: rules, then the model where configured). */
export interface Classifier {
  classify(text: string, ctx?: IntakeContext): Promise<Intake>;
}

