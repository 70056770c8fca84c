export * from './check.js';
export * from './labels.js';
export { parseLedger } from './parse.js';
export * from './schema.js';
export * from './table.js';
