/** Intake: a resident's message → intent, category, urgency and place. Rules first, model optional. */
export {
  CATEGORIES,
  UNSURE_BELOW,
  type Category,
  type Intake,
  type Intent,
  type Place,
  type Urgency,
} from './types.js';
export { classifyByRules } from './rules.js';
export { extractPlace } from './place.js';
export { mergeFollowUp } from './followup.js';
export { isProgressQuestion } from './progress.js';
export { createClassifier, type Classifier, type IntakeContext, type ModelSettings } from './model.js';
