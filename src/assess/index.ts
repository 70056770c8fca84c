export type * from './determination.js';
export { evaluate, evaluateService, FILING_ORDER } from './evaluate.js';
export { deriveFacts, type Facts } from './facts.js';
export { DEFAULT_RULES_FILE, loadRules } from './load.js';
export {
  Answers,
  DATA_SOURCE_TYPES,
  FUNCTIONS,
  MODALITIES,
  MODEL_SOURCES,
  SERVICE_FORMS,
} from './questionnaire.js';
export { type Condition, FACT_IDS, parseRuleSet, type Rule, RuleSet } from './rules.js';
