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
