/** The runtime filter in front of a model: policy, decisions, stream hold-back, abusive users. */
export { type AbuseCounter, type AbuseRule, type AbuseVerdict, createAbuseCounter } from './abuse.js';
export { type Decision, decide, type GuardHit, maskSpans } from './decision.js';
export { createGuard, type Guard, type GuardOptions, type InputVerdict, type Interception } from './guard.js';
export { applyLabel, type LabelPosition, type TextLabel } from './label.js';
export * from './openai.js';
export * from './policy.js';
export { type Replies, replyFor } from './replies.js';
export { createStreamFilter, longestKeyword, type StreamFilter, type StreamStep } from './stream-filter.js';
