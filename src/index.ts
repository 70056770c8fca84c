/**
 * beian as a library: the pure core (knowledge base, applicability engine, project file) and the
 * store. The CLI and the dashboard are thin shells over these same functions.
 */

export { loadGuardConfig, loadReplies } from './app/guard/config.js';
export { type GuardVariables, guardMiddleware } from './app/guard/middleware.js';
export * as assess from './assess/index.js';
export * as corpus from './corpus/index.js';
export { BeianError, type BeianErrorCode, formatIssue, type Issue } from './errors.js';
export * as fairness from './fairness/index.js';
export * as registry from './filings/index.js';
export * as guard from './guard/index.js';
export { createGuard, type Guard, type GuardOptions } from './guard/index.js';
export { type Lang, translator } from './i18n/index.js';
export * as kb from './kb/index.js';
export * as label from './label/index.js';
export * as lexicon from './lexicon/index.js';
export * as pii from './pii/index.js';
export * as project from './project/index.js';
export { createApp as createDashboard } from './server/app.js';
export * as sources from './sources/index.js';
export { openStore, resolveDbUrl, type Store } from './store/index.js';
