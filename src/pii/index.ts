export * from './checksums.js';
export * from './dictionaries.js';
export * from './generate.js';
export { PII_LABELS } from './labels.js';
export {
  DEFAULT_PII_DIR,
  DEFAULT_WORD_STATS_SNAPSHOT,
  type LoadPiiOptions,
  loadPiiDictionaries,
  writeWordStatsSnapshot,
} from './load.js';
export * from './redact.js';
export { createDetectors, type DetectorRegistry } from './registry.js';
export { planScan, type ScanOptions, scanText, type TextScan } from './scan.js';
export * from './types.js';
export {
  decodeWordStats,
  encodeWordStats,
  type SharedPiiDictionaries,
  shareDictionaries,
  unshareDictionaries,
} from './word-stats-file.js';
