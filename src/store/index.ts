export { openStore } from './open.js';
export { redactUrl } from './redact.js';
export type { Database } from './schema.js';
export type { Dialect, Store } from './store.js';
export { resolveDbUrl } from './url.js';
